"""Arabic display names for model labels and dates (the UI is Arabic first).

Unknown labels are shown as they are: extractors may add types this table does not know yet,
and an honest raw label beats a wrong translation.  The tables are data
(``rasd/lang/ar/vocab/labels.tsv``, category per table, ``code`` the label looked up).
"""

from __future__ import annotations

from rasd.lang.ar import vocab


def _labels(category: str) -> dict[str, str]:
    """Code → display name of one category of ``labels.tsv``, in file order."""
    return {e.extra["code"]: e.word for e in vocab.rows("labels", category)}


ENTITY_LABELS = _labels("entity")
SPEAKER_KINDS = _labels("speaker-kind")
STANCES = _labels("stance")
EVENT_LABELS = _labels("event")
MONTHS = tuple(e.word for e in vocab.rows("labels", "month"))
TIME_REFS = _labels("time-ref")
LAYER_NAMES = _labels("layer")
#: ``kind:agree`` / ``kind:contradict`` → heading of a pair of claims on the story page
CLAIM_PAIRS = _labels("claim-pair")
EVENT_MODES = _labels("event-mode")
ACTOR_TYPES = _labels("actor-type")


def claim_kind(kind: str | None, agree: bool) -> str:
    """Heading of an agreeing or contradicting pair of claims (story page); the raw kind
    when the table does not know it."""
    return CLAIM_PAIRS.get(f"{kind}:{'agree' if agree else 'contradict'}", kind or "")


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
