"""Arabic time vocabulary: month names of the three calendars in use, Hijri months, weekdays,
number words, units and modifiers — everything :mod:`rasd.extract.times` matches, in one place.

Arabic news uses three Gregorian month-name systems side by side: Syriac-derived names in the
Levant and Iraq ("تشرين الثاني", "أيار"), transliterated Latin names in the Gulf and Egypt
("نوفمبر"), and French-derived names in the Maghreb ("نونبر", "غشت" in Morocco; "جوان",
"جويلية", "أوت" in Algeria and Tunisia).  Outlets often pair two ("يونيو/حزيران").  All forms
here are written plainly and folded with :func:`rasd.lang.ar.normalize.fold_key` when the
patterns are compiled, so hamza/alef/taa-marbuta variants match alike.
"""

from __future__ import annotations

#: Gregorian month names → month number.
MONTHS: dict[str, int] = {
    # Gulf / Egypt (transliterated)
    "يناير": 1, "فبراير": 2, "مارس": 3, "أبريل": 4, "ابريل": 4, "إبريل": 4, "مايو": 5,
    "يونيو": 6, "يونيه": 6, "يوليو": 7, "يوليه": 7, "أغسطس": 8, "سبتمبر": 9, "أكتوبر": 10,
    "نوفمبر": 11, "ديسمبر": 12, "فبرير": 2, "أغسطوس": 8,
    # Levant / Iraq (Syriac)
    "كانون الثاني": 1, "كانون ثاني": 1, "شباط": 2, "آذار": 3, "نيسان": 4, "أيار": 5,
    "حزيران": 6, "تموز": 7, "آب": 8, "أيلول": 9, "تشرين الأول": 10, "تشرين أول": 10,
    "تشرين الثاني": 11, "تشرين ثاني": 11, "كانون الأول": 12, "كانون أول": 12,
    # Morocco ("ينير" is the Moroccan spelling of January)
    "ينير": 1, "ماي": 5, "يوليوز": 7, "غشت": 8, "شتنبر": 9, "نونبر": 11, "دجنبر": 12,
    # Algeria / Tunisia
    "جانفي": 1, "فيفري": 2, "أفريل": 4, "جوان": 6, "جويلية": 7, "أوت": 8,
}

#: Month names that are also ordinary words ("مارس" practised, "آب" ~ "أب" father, "ماي"…):
#: accepted only with date context (a day, a year, a pair, "شهر").
AMBIGUOUS_MONTHS = {"مارس", "آب", "ماي", "أوت", "نيسان", "تموز"}

#: Hijri months → number.  Several spellings each (ربيع الآخر = ربيع الثاني …).
HIJRI_MONTHS: dict[str, int] = {
    "محرم": 1, "صفر": 2, "ربيع الأول": 3, "ربيع أول": 3, "ربيع الثاني": 4, "ربيع الآخر": 4,
    "ربيع ثاني": 4, "جمادى الأولى": 5, "جمادى الأول": 5, "جمادى الآخرة": 6,
    "جمادى الثانية": 6, "جمادى الآخر": 6, "رجب": 7, "شعبان": 8, "رمضان": 9, "شوال": 10,
    "ذو القعدة": 11, "ذي القعدة": 11, "ذو الحجة": 12, "ذي الحجة": 12,
}

#: Hijri month names that are common words or personal names ("صفر" zero, "رمضان", "رجب",
#: "شعبان" as names): need a day, a year, "شهر" or the "هـ" marker.
AMBIGUOUS_HIJRI = {"صفر", "رمضان", "رجب", "شعبان", "محرم", "شوال"}

#: Weekday → ISO weekday number (Monday = 1).
WEEKDAYS: dict[str, int] = {
    "الاثنين": 1, "الإثنين": 1, "الثلاثاء": 2, "الأربعاء": 3, "الاربعاء": 3, "الخميس": 4,
    "الجمعة": 5, "السبت": 6, "الأحد": 7,
}

#: Weekday words that are also common non-time words ("الاثنين" the two, "الأحد" the one).
AMBIGUOUS_WEEKDAYS = {"الاثنين", "الإثنين", "الأحد"}

UNITS_CARD: dict[str, int] = {
    "واحد": 1, "واحدة": 1, "اثنان": 2, "اثنين": 2, "اثنتان": 2, "اثنتين": 2, "ثلاثة": 3,
    "ثلاث": 3, "أربعة": 4, "أربع": 4, "خمسة": 5, "خمس": 5, "ستة": 6, "ست": 6, "سبعة": 7,
    "سبع": 7, "ثمانية": 8, "ثماني": 8, "ثمان": 8, "تسعة": 9, "تسع": 9,
}
TENS_CARD: dict[str, int] = {
    "عشرون": 20, "عشرين": 20, "ثلاثون": 30, "ثلاثين": 30, "أربعون": 40, "أربعين": 40,
    "خمسون": 50, "خمسين": 50, "ستون": 60, "ستين": 60, "سبعون": 70, "سبعين": 70,
    "ثمانون": 80, "ثمانين": 80, "تسعون": 90, "تسعين": 90,
}
OTHER_CARD: dict[str, int] = {
    "عشرة": 10, "عشر": 10, "أحد عشر": 11, "إحدى عشرة": 11, "احدى عشرة": 11, "اثنا عشر": 12,
    "اثني عشر": 12, "اثنتا عشرة": 12, "اثنتي عشرة": 12, "مئة": 100, "مائة": 100, "مئتين": 200,
    "مائتين": 200, "مئتي": 200, "ألف": 1000, "ألفين": 2000,
}

ORDINALS: dict[str, int] = {
    "الأول": 1, "الأولى": 1, "الواحدة": 1, "الثاني": 2, "الثانية": 2, "الثالث": 3,
    "الثالثة": 3, "الرابع": 4, "الرابعة": 4, "الخامس": 5, "الخامسة": 5, "السادس": 6,
    "السادسة": 6, "السابع": 7, "السابعة": 7, "الثامن": 8, "الثامنة": 8, "التاسع": 9,
    "التاسعة": 9, "العاشر": 10, "العاشرة": 10, "الحادي عشر": 11, "الحادية عشرة": 11,
    "الحادية عشر": 11, "الثانية عشرة": 12, "الثانية عشر": 12, "الثاني عشر": 12,
    "العشرين": 20, "الثلاثين": 30,
}
_ORD_UNITS = {
    "الثالث": 3, "الرابع": 4, "الخامس": 5, "السادس": 6, "السابع": 7, "الثامن": 8, "التاسع": 9,
}
for _w, _n in _ORD_UNITS.items():
    ORDINALS[f"{_w} عشر"] = 10 + _n
for _w, _n in {"الحادي": 1, "الواحد": 1, "الثاني": 2, **_ORD_UNITS}.items():
    ORDINALS[f"{_w} والعشرين"] = 20 + _n
ORDINALS["الحادي والثلاثين"] = 31

#: Unit words → (TIMEX unit letter, implied count or None).  Dual forms imply two.
UNITS: dict[str, tuple[str, int | None]] = {}
for _forms, _u in (
    (("يوم", "يوما"), "D"),
    (("أسبوع", "أسبوعا"), "W"),
    (("شهر", "شهرا"), "M"),
    (("عام", "عاما", "سنة"), "Y"),
    (("عقد",), "DE"),
    (("قرن",), "CE"),
    (("ساعة",), "H"),
    (("دقيقة",), "MIN"),
):
    for _f in _forms:
        UNITS[_f] = (_u, None)
for _forms, _u in (
    (("يومين", "يومان"), "D"),
    (("أسبوعين", "أسبوعان"), "W"),
    (("شهرين", "شهران"), "M"),
    (("عامين", "عامان", "سنتين", "سنتان"), "Y"),
    (("عقدين", "عقدان"), "DE"),
    (("قرنين",), "CE"),
    (("ساعتين", "ساعتان"), "H"),
    (("دقيقتين",), "MIN"),
):
    for _f in _forms:
        UNITS[_f] = (_u, 2)
PLURAL_UNITS: dict[str, str] = {
    "أيام": "D", "أسابيع": "W", "أشهر": "M", "شهور": "M", "سنوات": "Y", "سنين": "Y",
    "أعوام": "Y", "عقود": "DE", "قرون": "CE", "ساعات": "H", "دقائق": "MIN",
}
UNITS.update({k: (v, None) for k, v in PLURAL_UNITS.items()})

PAST_MODS = (
    "الماضي", "الماضية", "الفائت", "الفائتة", "المنصرم", "المنصرمة", "السابق", "السابقة",
    "المنقضي", "المنقضية", "الفارط", "الفارطة", "المنصرف",
)
FUTURE_MODS = ("المقبل", "المقبلة", "القادم", "القادمة")
CURRENT_MODS = ("الجاري", "الجارية", "الحالي", "الحالية")

#: Position words before a period → TIMEX ``mod``.
POSITION_MODS: dict[str, str] = {
    "مطلع": "START", "أوائل": "START", "بداية": "START", "بدايات": "START", "مستهل": "START",
    "منتصف": "MID", "أواسط": "MID", "أواخر": "END", "نهاية": "END", "ختام": "END",
    "نهايات": "END", "آخر": "END",
}

DECADES: dict[str, int] = {
    "العشرينيات": 2, "العشرينات": 2, "الثلاثينيات": 3, "الثلاثينات": 3, "الأربعينيات": 4,
    "الأربعينات": 4, "الخمسينيات": 5, "الخمسينات": 5, "الستينيات": 6, "الستينات": 6,
    "السبعينيات": 7, "السبعينات": 7, "الثمانينيات": 8, "الثمانينات": 8, "التسعينيات": 9,
    "التسعينات": 9,
}

#: Part of day → TIMEX3 part-of-day code.
PARTS_OF_DAY: dict[str, str] = {
    "صباح": "MO", "فجر": "MO", "ضحى": "MO", "ظهر": "MI", "ظهيرة": "MI", "عصر": "AF",
    "مساء": "EV", "ليل": "NI",
    # Maghrebi "عشية اليوم" (Tunisia, Morocco): the afternoon, as in TAP/MAP usage
    "عشية": "AF", "ليلة": "NI", "منتصف ليل": "NI", "منتصف ليلة": "NI",
}
#: Adverbs after a clock time: shift to 24 h.
CLOCK_ADVERBS: dict[str, str] = {
    "صباحا": "am", "فجرا": "am", "ظهرا": "noon", "عصرا": "pm", "مساء": "pm", "مساءا": "pm",
    "ليلا": "night", "بعد الظهر": "pm", "بعد الظهيرة": "pm", "بعد منتصف الليل": "am",
    "صباحًا": "am", "من صباح": "am", "من مساء": "pm", "من بعد الظهر": "pm",
}
SEASONS: dict[str, str] = {"صيف": "SU", "شتاء": "WI", "خريف": "FA", "ربيع": "SP"}
