"""Time rules prompted by the real-news gold (issue 23), each on sentences written for the
test: paired month names without a separator, coordinated and elliptic expressions,
weekdays that fix the text's own day."""

from __future__ import annotations

from rasd.extract.times import extract_times


def _values(text: str, published: str | None = "2023-05-14") -> dict[str, object]:
    spans, _ = extract_times(text, published)
    return {text[s.start:s.end]: s.attrs.get("value") for s in spans}


def test_paired_month_names_with_a_plain_space_are_one_expression() -> None:
    v = _values("وصل الوفد في يوليو تموز 2022 وغادر في 3 سبتمبر أيلول المقبل.")
    assert v == {"يوليو تموز 2022": "2022-07", "3 سبتمبر أيلول المقبل": "2023-09-03"}
    # a plain space never joins two different months
    assert _values("اجتمعوا في يناير فبراير الماضيين") == {
        "يناير": "2023-01", "فبراير الماضيين": "2023-02"}


def test_a_weekday_in_brackets_after_today_is_part_of_it() -> None:
    v = _values("أعلنت الوزارة اليوم (الأحد) عن خطة جديدة، وقالت ظهر اليوم (الأحد) إنها بدأت.",
                "2023-05-14")  # a Sunday
    assert v == {"اليوم (الأحد)": "2023-05-14", "ظهر اليوم (الأحد)": "2023-05-14TMI"}


def test_the_texts_own_weekday_sets_the_day_its_deictics_count_from() -> None:
    # published (collected) on Tuesday 2015-07-21, the text says "today, Sunday"
    text = "قال المتحدث اليوم الأحد إن الاجتماع عقد أمس وإن اللجنة تجتمع غدا."
    v = _values(text, "2015-07-21")
    assert v == {"اليوم الأحد": "2015-07-19", "أمس": "2015-07-18", "غدا": "2015-07-20"}
    # "yesterday, Tuesday" in a text collected on Thursday: written on Wednesday
    v = _values("وقع الانفجار الساعة 1:50 من صباح يوم أمس الثلاثاء، وأغلقت الطرق اليوم.",
                "2015-07-23")
    assert v["الساعة 1:50 من صباح يوم أمس الثلاثاء"] == "2015-07-21T01:50"
    assert v["اليوم"] == "2015-07-22"


def test_a_weekday_agreeing_with_the_date_or_too_far_back_changes_nothing() -> None:
    assert _values("قال اليوم الثلاثاء إن الاجتماع عقد أمس.", "2015-07-21") == {
        "اليوم الثلاثاء": "2015-07-21", "أمس": "2015-07-20"}
    # Wednesday is six days before Tuesday: more than a wire's lag, the date stands
    assert _values("قال اليوم الأربعاء إن الاجتماع عقد أمس.", "2015-07-21")["أمس"] == "2015-07-20"


def test_coordinated_days_keep_the_dual_in_the_first_and_read_the_second_from_it() -> None:
    # published on Wednesday 2015-07-22: "the two days Wednesday and Thursday" = today, tomorrow
    assert _values("يجتمع المجلس يومي الأربعاء والخميس لبحث الميزانية.", "2015-07-22") == {
        "يومي الأربعاء": "2015-07-22", "الخميس": "2015-07-23"}
    # a modifier after the pair applies to both days
    assert _values("وقعت الاشتباكات يومي الأحد والاثنين الماضيين.", "2015-07-22") == {
        "يومي الأحد": "2015-07-19", "الاثنين الماضيين": "2015-07-20"}
    assert _values("تقام المباراتان يومي 27 و31 يوليو الحالي.", "2015-07-22") == {
        "يومي 27": "2015-07-27", "31 يوليو الحالي": "2015-07-31"}
    # "يومي" as "daily" is no dual
    assert "يومي" not in " ".join(_values("ارتفع الإنتاج بشكل يومي منذ الأحد.", "2015-07-22"))


def test_feasts_and_seasons_are_dated_by_the_nearest_hijri_year() -> None:
    # late July 2015: the Eid al-Fitr of four days before, the coming Hajj
    v = _values("ازدحمت الأسواق خلال أيام عيد الفطر السعيد، وتستعد الفنادق لموسم الحج "
                "ويوم التروية.", "2015-07-21")
    assert v == {"خلال أيام عيد الفطر السعيد": "2015-07-17", "موسم الحج": "2015-09",
                 "يوم التروية": "2015-09-21"}
    # a bare "العيد" needs a context word: then it is the nearer Eid
    assert _values("عاد الموظفون بعد إجازة العيد.", "2015-07-21") == {
        "إجازة العيد": "2015-07-17"}
    assert _values("قال العيد إن الفريق جاهز.", "2015-07-21") == {}


def test_wire_clock_times_and_the_time_zone_outside_the_extent() -> None:
    v = _values("انطلق الصاروخ الساعة 2102 بتوقيت غرينتش، ووصل الساعة 11.59 مساء.",
                "2015-07-22")
    assert v == {"الساعة 2102": "2015-07-22T21:02", "الساعة 11.59 مساء": "2015-07-22T23:59"}
    # four digits that are no time of day stay out
    assert _values("الساعة 2575 قطعة", "2015-07-22") == {}


def test_sports_seasons_are_vague_references() -> None:
    assert _values("سيلعب في الموسم المقبل مع الفريق، بعد أن قضى هذا الموسم معارا.") == {
        "الموسم المقبل": "FUTURE_REF", "هذا الموسم": "PRESENT_REF"}


def test_words_before_an_expression_that_belong_to_it() -> None:
    v = _values("وفي هذا اليوم أعلن المجلس، وفي منتصف الليلة الماضية وقع الانفجار.",
                "2015-07-22")
    assert v == {"هذا اليوم": "2015-07-22", "منتصف الليلة الماضية": "2015-07-21TNI"}
    spans, _ = extract_times("وتنتهي المهلة نهاية شهر شوال 1436هـ.", "2015-07-22")
    assert [(s.attrs["value"], s.attrs.get("mod")) for s in spans] == [("2015-07", "END")]
    # "يوم"/"غدًا" before a date that opens with its weekday, and the Hijri mark
    v = _values("تبدأ الدراسة غدًا الأربعاء السادس من شوال، وتنتهي في 6-10-1436هـ.",
                "2015-07-21")
    assert v == {"غدًا الأربعاء السادس من شوال": "2015-07-22", "6-10-1436هـ": "2015-07-22"}


def test_a_year_after_its_period_an_outlet_byline_and_another_evening() -> None:
    assert _values("ارتفعت الأرباح خلال العام الحالي 2015 بنسبة كبيرة.", "2015-07-22") == {
        "خلال العام الحالي 2015": "2015"}
    assert _values("عين اليوم – صنعاء\nساد الهدوء العاصمة.", "2015-07-27") == {}
    assert _values("حدد موعد آخر مساء غد الخميس.", "2015-07-22") == {
        "مساء غد الخميس": "2015-07-23TEV"}


def test_a_quarter_of_the_year_is_this_years() -> None:
    assert _values("نما الاقتصاد في الربع الثاني من العام بنسبة 3%.", "2015-07-24") == {
        "الربع الثاني من العام": "2015-Q2"}
    assert _values("سجل هدفا في الربع الأول من المباراة.", "2015-07-24") == {}


def test_futures_delivery_months_come_and_past_plans_went() -> None:
    assert _values("وزادت عقود الخام لتسليم سبتمبر 31 سنتا.", "2015-07-24") == {
        "سبتمبر": "2015-09"}
    assert _values("وكان من المقرر أن ينطلق الرواد في مايو لكن روسيا أجلت المهمة.",
                   "2015-07-24") == {"مايو": "2015-05"}
    assert _values("ومن المقرر أن ينطلق الرواد في مايو.", "2015-07-24") == {"مايو": "2016-05"}


def test_periods_after_the_preposition_lam() -> None:
    # "للعام المقبل": the proclitic ل stays outside, the article's ل inside (the real gold)
    assert _values("أعلنت الوزارة خطة للعام المقبل، وتستعد الأندية للموسم المقبل.",
                   "2015-07-22") == {"لعام المقبل": "2016", "لموسم المقبل": "FUTURE_REF"}


def test_a_fiscal_or_school_year_with_its_modifier() -> None:
    assert _values("ارتفعت الإيرادات خلال العام المالي الماضي، وتبدأ الدراسة للعام الدراسي "
                   "الحالي قريبا.", "2015-07-22") == {
        "خلال العام المالي الماضي": "2014", "لعام الدراسي الحالي": "2015", "قريبا": "FUTURE_REF"}


def test_the_season_named_with_its_noun_is_this_years() -> None:
    assert _values("ترتفع الحرارة خلال بقية فصل الصيف مع الطلب في موسم الصيف.",
                   "2015-07-22") == {"خلال بقية فصل الصيف": "2015-SU", "موسم الصيف": "2015-SU"}
