"""Arabic display names for model labels and dates (the UI is Arabic first).

Unknown labels are shown as they are: extractors may add types this table does not know yet,
and an honest raw label beats a wrong translation.
"""

from __future__ import annotations

ENTITY_LABELS = {
    "PER": "شخص",
    "PERS": "شخص",
    "PERSON": "شخص",
    "ORG": "منظمة",
    "LOC": "موقع",
    "GPE": "كيان سياسي",
    "FAC": "منشأة",
    "NORP": "جماعة",
    "EVENT": "حدث",
    "MISC": "أخرى",
    "OCC": "مهنة",
    "PRODUCT": "منتج",
    "LAW": "قانون",
    "WEBSITE": "موقع إلكتروني",
    "DATE": "تاريخ",
    "TIME": "وقت",
    "MONEY": "مال",
}

SPEAKER_KINDS = {
    "named": "مسمّى",
    "named_person": "شخص مسمّى",
    "named_official": "مسؤول مسمّى",
    "named_organization": "جهة مسمّاة",
    "person": "شخص مسمّى",
    "anonymous": "مجهول الهوية",
    "unnamed": "مجهول الهوية",
    "organization": "جهة / مؤسسة",
    "organisation": "جهة / مؤسسة",
    "official": "مسؤول",
    "document": "وثيقة",
    "media": "وسيلة إعلام",
    "outlet": "وسيلة إعلام",
    "witness": "شاهد",
    "expert": "خبير",
}

STANCES = {
    "neutral": "محايد",
    "assert": "إخبار",
    "asserted": "تأكيد",
    "claim": "ادّعاء",
    "claimed": "ادّعاء",
    "alleged": "ادّعاء",
    "deny": "نفي",
    "denial": "نفي",
    "denied": "نفي",
    "support": "تأييد",
    "supportive": "تأييد",
    "oppose": "معارضة",
    "critical": "انتقاد",
    "report": "نقل",
    "reported": "نقل",
    "confirm": "تأكيد",
    "confirmed": "تأكيد",
    "doubt": "تشكيك",
}

EVENT_LABELS = {
    "attack": "هجوم",
    "armed_clash": "اشتباك مسلح",
    "battle": "معركة",
    "battles": "معارك",
    "explosion": "انفجار",
    "explosions/remote violence": "قصف / انفجار عن بعد",
    "violence_against_civilians": "عنف ضد مدنيين",
    "violence against civilians": "عنف ضد مدنيين",
    "protest": "احتجاج",
    "protests": "احتجاجات",
    "riot": "شغب",
    "riots": "أعمال شغب",
    "arrest": "اعتقال",
    "killing": "قتل",
    "meeting": "لقاء",
    "visit": "زيارة",
    "statement": "تصريح",
    "agreement": "اتفاق",
    "strategic developments": "تطورات استراتيجية",
    "strategic_development": "تطورات استراتيجية",
    "displacement": "نزوح",
    "deployment": "انتشار / وصول قوات",
    "arrival": "وصول",
    "support": "دعم",
    # the events extractor's types (PLOVER-style, upper case)
    "move": "انتقال",
    "fight": "قتال",
    "assault": "هجوم",
    "aid": "مساعدة",
    "consult": "تشاور",
    "sanction": "عقوبات",
    "threaten": "تهديد",
    "seize": "استيلاء",
    "retreat": "انسحاب",
    "reject": "رفض",
    "demand": "مطالبة",
    "cooperate": "تعاون",
    "agree": "اتفاق",
    "accuse": "اتهام",
    "coerce": "إكراه",
    "mobilize": "حشد",
    "request": "طلب",
}

MONTHS = (
    "يناير",
    "فبراير",
    "مارس",
    "أبريل",
    "مايو",
    "يونيو",
    "يوليو",
    "أغسطس",
    "سبتمبر",
    "أكتوبر",
    "نوفمبر",
    "ديسمبر",
)

TIME_REFS = {
    "PAST_REF": "في الماضي (غير محدد)",
    "PRESENT_REF": "الآن",
    "FUTURE_REF": "في المستقبل (غير محدد)",
}

LAYER_NAMES = {
    "entities": "الكيانات",
    "places": "الأماكن",
    "times": "التواريخ والأزمنة",
    "quotes": "الاقتباسات",
    "events": "الأحداث",
    "boilerplate": "نص غير صحفي",
}


def entity_label(label: str | None) -> str:
    if not label:
        return "كيان"
    return ENTITY_LABELS.get(label.upper(), label)


def speaker_kind_label(kind: str | None) -> str:
    if not kind:
        return "—"
    return SPEAKER_KINDS.get(kind.lower(), kind)


def stance_label(stance: str | None) -> str:
    if not stance:
        return "—"
    return STANCES.get(stance.lower(), stance)


def event_label(label: str | None) -> str:
    if not label:
        return "حدث"
    return EVENT_LABELS.get(label.lower(), EVENT_LABELS.get(label.lower().replace(" ", "_"), label))


def arabic_date(iso: str | None) -> str:
    """``2021-11-01`` → ``1 نوفمبر 2021``; month/year precision kept; other text unchanged."""
    if not iso:
        return ""
    day = iso[:10]
    parts = day.split("-")
    try:
        if len(parts) >= 3 and len(parts[2]) == 2:
            return f"{int(parts[2])} {MONTHS[int(parts[1]) - 1]} {parts[0]}"
        if len(parts) == 2:
            return f"{MONTHS[int(parts[1]) - 1]} {parts[0]}"
    except (ValueError, IndexError):
        return iso
    return iso


def time_value(value: str | None) -> str:
    """A normalized time value for people: TIMEX3 placeholders in Arabic, dates unchanged."""
    if not value:
        return ""
    return TIME_REFS.get(value, value)
