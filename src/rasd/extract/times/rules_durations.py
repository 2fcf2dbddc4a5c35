"""Duration and set rules: "ثلاثة أيام", "منذ عامين", "العامين الماضيين", "يومياً", "كل جمعة".

A duration preceded by "منذ/قبل/بعد" is a date relative to publication (the seed gold's
convention), tagged ``ago``; "نحو/حوالي/قرابة" give ``mod: APPROX``; "لمدة/طيلة …" stay outside.
"""

from __future__ import annotations

import re

from rasd.extract.times.anchors import DURATION_ANCHORS, SET_ANCHORS
from rasd.extract.times.cand import Cand, fixed, ref, rel
from rasd.extract.times.fold import F, alt, alt_ordered
from rasd.extract.times.matching import cands, next_word, prev_word
from rasd.extract.times.patterns import CL, END, MOD_F, MOD_P, NUM, PLURAL_PERIODS, UNIT
from rasd.extract.times.stream import Stream
from rasd.extract.times.vocab import (
    ACCUSATIVE,
    BARE_UNIT_BEFORE,
    CARD,
    DUAL_MODS,
    DURATION_PREFIX,
    FUTURE,
    KAMIL,
    PAST,
    PLURAL_UNIT,
    PLURALS,
    SET_ADV,
    SET_UNIT,
    UNITS,
    WEEKDAYS,
    WEEKDAYS_BARE,
    number,
    ordered,
)

# --- durations and "ago": ثلاثة أيام, يومين, منذ ثلاثة أيام, خلال عشر سنوات ---------------------------
_DURATION = re.compile(
    rf"{CL}(?P<x>(?:(?P<pre>{alt_ordered(ordered('time-words', 'duration-prefix'))}) )?"
    rf"(?:(?P<n>\d{{1,3}}|{alt([*CARD, *('ال' + k for k in CARD), 'بضعة', 'بضع', 'عدة'])}"
    rf"|{F('ال')} ?\d{{1,3}}|(?P<frac>{F('نصف')}|{F('ربع')})) (?P<u>{UNIT})"
    rf"|(?P<dual>{UNIT})"
    rf"|(?P<pl>{PLURAL_PERIODS}) (?:{F('ال')} ?)?(?P<n2>{NUM}) (?P<pmod>{MOD_P}|{MOD_F}"
    rf"|{F('الأخيرة')}|{F('الأولى')})"
    rf"|(?P<dd>{alt(['ال' + k for k, v in UNITS.items() if v[1] == 2])}) (?P<ddmod>{alt(DUAL_MODS)})))"
    rf"{END}"
)
#: "نصف ساعة", "ربع قرن": fractions of a unit as ISO durations.
_FRACTIONS = {
    (F("نصف"), "H"): "PT30M", (F("ربع"), "H"): "PT15M", (F("نصف"), "CE"): "P50Y",
    (F("ربع"), "CE"): "P25Y", (F("نصف"), "Y"): "P6M", (F("ربع"), "Y"): "P3M",
    (F("نصف"), "M"): "P15D",
}  # not "نصف يوم": a half working day, not a time expression
_AL = F("ال")
_COUNTED_MODS = PAST | FUTURE | {F("الأخيرة"), F("الأولى")}


def _bare_unit_ok(prev: str) -> bool:
    """"خلال/غضون/لمدة …" (proclitics allowed) before a bare unit noun ("في غضون شهر")."""
    b = BARE_UNIT_BEFORE
    return prev in b or prev[1:] in b or prev[2:] in b


_ISO_UNIT = {"D": "D", "W": "W", "M": "M", "Y": "Y", "DE": "Y", "CE": "Y", "H": "H", "MIN": "M"}
_UNIT_MULT = {"DE": 10, "CE": 100}


def dur_value(n: int | None, unit: str) -> str:
    """ISO 8601 duration of ``n`` units (``X`` when uncounted): P3D, PT2H, P10Y for a decade."""
    k = "X" if n is None else str(n * _UNIT_MULT.get(unit, 1))
    t = "T" if unit in ("H", "MIN") else ""
    return f"P{t}{k}{_ISO_UNIT[unit]}"


def duration(s: Stream) -> list[Cand]:
    """Durations ("ثلاثة أيام", "يومين", "نصف ساعة") and the dates they make with "منذ/قبل/بعد"
    ("منذ ثلاثة أيام" = three days before publication)."""
    def build(m: re.Match[str], s: Stream) -> Cand | None:
        pre = m.group("pre")
        if m.group("frac"):  # "نصف ساعة", "ربع قرن"
            unit, implied = UNITS[m.group("u")]
            v = None if implied else _FRACTIONS.get((m.group("frac"), unit))
            if v is None or m.group("u") in PLURALS:
                return None
            a = m.start("x")
            if DURATION_PREFIX.get(pre) == "ago":
                return Cand(a, m.end("x"), "ago", rel("D", 0), 5, m)
            if pre:
                a += len(pre) + 1
            return Cand(a, m.end("x"), "duration", fixed(v, "DURATION"), 4, m)
        ns = m.group("n")
        if ns and ns[:2] == _AL and ns not in CARD:
            # "الاثني عشر شهراً الماضية", "الـ12 شهراً الأخيرة": with their modifier only
            unit, implied = UNITS[m.group("u")]
            n = number(ns[2:])
            nxt = next_word(s, m.end("x"))
            if n is None or n == 0 or implied or n > 500 or nxt not in _COUNTED_MODS:
                return None
            return Cand(m.start("x") + (len(pre) + 1 if pre else 0), m.end("x") + 1 + len(nxt),
                        "duration", fixed(dur_value(n, unit), "DURATION"), 4, m)
        if m.group("dd"):  # "العامين الماضيين": the past two years
            unit = UNITS[m.group("dd")[2:]][0]
            return Cand(m.start("x") + (len(pre) + 1 if pre else 0), m.end("x"), "duration",
                        fixed(dur_value(2, unit), "DURATION"), 4, m)
        if m.group("pl"):
            unit = PLURAL_UNIT[m.group("pl")]
            n = number(m.group("n2"))
            if n is None:
                return None
            return Cand(m.start("x") + (len(pre) + 1 if pre else 0), m.end("x"), "duration",
                        fixed(dur_value(n, unit), "DURATION"), 4, m)
        if m.group("dual"):
            unit, n = UNITS[m.group("dual")]
            if n is None:
                word = m.group("dual")
                nxt1 = next_word(s, m.end("x"))
                if word in PLURALS:
                    return None
                if not (DURATION_PREFIX.get(pre) in ("ago", "span") or word in ACCUSATIVE or nxt1 in KAMIL
                        or _bare_unit_ok(prev_word(s, m.start("x")))):
                    return None
                n = 1  # "قبل عام" = a year ago; "شهراً" = for a month
        else:
            unit, implied = UNITS[m.group("u")]
            ns = m.group("n")
            if ns in (F("بضعة"), F("بضع"), F("عدة")):
                n = None
            else:
                n = number(ns)
                if n is None or n == 0 or (ns.isdigit() and n > 500):
                    return None
                if implied:
                    return None
        a = m.start("x")
        nxt = next_word(s, m.end("x"))
        relative_to_event = nxt in {F("من"), F("على")}
        if DURATION_PREFIX.get(pre) == "ago" and not relative_to_event:
            sign = 1 if pre == F("بعد") else -1
            if n is None:
                return Cand(a, m.end("x"), "ago", ref("FUTURE_REF" if sign > 0 else "PAST_REF"),
                            5, m)
            if unit in ("H", "MIN"):
                return Cand(a, m.end("x"), "ago", rel("D", 0, typ="DATE"), 5, m)
            gran = {"DE": "Y", "CE": "Y"}.get(unit, unit)
            k = sign * n * _UNIT_MULT.get(unit, 1)
            return Cand(a, m.end("x"), "ago", rel(gran, k), 5, m)
        if pre:  # "لمدة/نحو/طوال" and event-relative "بعد … من" stay outside the extent
            a = m.start("x") + len(pre) + 1
        extra = {}
        if DURATION_PREFIX.get(pre) == "approx":
            extra["mod"] = "APPROX"
        b = m.end("x")
        nxt = next_word(s, b)
        if nxt in KAMIL:  # "عاماً كاملاً"
            b += 1 + len(nxt)
        return Cand(a, b, "duration", fixed(dur_value(n, unit), "DURATION", **extra),
                    4, m)

    return cands(_DURATION, s, build, s.around(DURATION_ANCHORS, 4, 4))




_SET = re.compile(
    rf"{CL}(?P<x>(?P<adv>{alt_ordered(ordered('time-words', 'set-adverb'))})"
    rf"|{F('كل')} (?:(?P<u>{alt_ordered(ordered('time-words', 'set-unit'))})"
    rf"(?: (?P<wd>{alt([k[2:] for k in WEEKDAYS])}))?|(?P<n>{NUM}) (?P<nu>{UNIT}))){END}"
)

def sets(s: Stream) -> list[Cand]:
    """Recurrences: "يومياً", "كل أسبوع", "كل جمعة", "كل ثلاثة أشهر"."""
    def build(m: re.Match[str], s: Stream) -> Cand | None:
        if m.group("adv"):
            v = SET_ADV[m.group("adv")]
        elif m.group("wd"):
            v = f"XXXX-WXX-{WEEKDAYS_BARE[m.group('wd')]}"
        elif m.group("u"):
            v = SET_UNIT[m.group("u")]
        else:
            n = number(m.group("n"))
            unit, implied = UNITS[m.group("nu")]
            if n is None or implied:
                return None
            v = dur_value(n, unit)
        return Cand(m.start("x"), m.end("x"), "set", fixed(v, "SET"), 5, m)

    return cands(_SET, s, build, s.around(SET_ANCHORS, 0, 3))
