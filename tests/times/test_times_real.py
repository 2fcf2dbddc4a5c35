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
    assert _values("اجتمعوا في يناير فبراير الماضيين") == {"يناير": "2023-01",
                                                         "فبراير": "2023-02"}
