"""Rules for expressions relative to the publication date: deictic days ("أمس"), weekdays,
periods ("الأسبوع الماضي"), a day of the current month, and vague references ("مؤخراً").
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from rasd.extract.times.anchors import (
    DAY_OF_MONTH_ANCHORS,
    DEICTIC_ANCHORS,
    PERIOD_ANCHORS,
    VAGUE_ANCHORS,
    WEEKDAY_ANCHORS,
)
from rasd.extract.times.calendars import shift_month, valid, weekday_date
from rasd.extract.times.cand import Cand, ref, rel
from rasd.extract.times.fold import F, alt, alt_ordered
from rasd.extract.times.matching import cands, future_ctx, next_word, prev_word
from rasd.extract.times.patterns import (
    CL,
    DAYN,
    END,
    MOD,
    MOD_F,
    MOD_P,
    PERIOD,
    PERIOD_LAM,
    POS,
    WEEKDAY,
    after_lam,
)
from rasd.extract.times.stream import Stream
from rasd.extract.times.vocab import (
    AMBIG_WEEKDAYS,
    DEICTIC_OFF,
    FUTURE,
    MEDIA,
    NOT_TODAY_AFTER,
    PERIOD_ADJECTIVES,
    PERIOD_UNIT,
    POSMODS,
    VAGUE,
    VAGUE_NEEDS_FI,
    VAGUE_PREPS,
    WD_NOT_BEFORE,
    WD_OK_BEFORE,
    WEEKDAYS,
    mod_dir,
    number,
    ordered,
)
from rasd.lang.ar.normalize import normalize_key

# --- deictic days: اليوم, أمس, أول أمس, غداً, بعد غد, [+ weekday] -------------------------------
#: Deictic days tried in the list's order ("أول من أمس" before "أمس"); "الليلة" last: it
#: takes a modifier ("الليلة الماضية").
_DAYS = alt_ordered(w for w in ordered("time-words", "deictic-day") if F(w) != F("الليلة"))
_DEICTIC = re.compile(
    rf"{CL}(?P<x>(?P<w>{_DAYS}"
    rf"|{F('الليلة')}(?: (?P<lmod>{MOD_P}))?)"
    rf"(?: (?:، )?(?P<wd>{WEEKDAY})| \( (?P<pwd>{WEEKDAY}) \))?){END}"
)  # "اليوم الأحد", "أمس، الثلاثاء", "اليوم (الأحد)"


def _in_name(s: Stream, a: int, b: int) -> bool:
    """"اليوم" closing a quoted name (لـ"الرافدين اليوم") or a short dash-separated byline
    line ("بغداد - الرافدين اليوم") is part of an outlet's name, not a date."""
    start, end = s.to_original(a, b)
    text = s.text
    if text[end : end + 1] in "\"”»'":
        q = max(text.rfind(c, 0, start) for c in "\"“«'")
        inner = text[q + 1 : start].split() if q >= 0 else []
        if len(inner) == 1 and normalize_key(inner[0]).startswith("ال"):
            return True  # «الرافدين اليوم», not «سنبدأ اليوم»
    ls = text.rfind("\n", 0, start) + 1
    le = text.find("\n", end)
    line = text[ls : le if le >= 0 else len(text)]
    return not text[end : le if le >= 0 else len(text)].strip() and (
        " - " in line or " – " in line
    ) and len(line.split()) <= 6



_YAWM = F("يوم")


def deictic(s: Stream) -> list[Cand]:
    """"اليوم", "أمس", "أول أمس", "غداً", "بعد غد" [+ weekday], "الليلة [الماضية]"."""
    def build(m: re.Match[str], s: Stream) -> Cand | None:
        w = m.group("w")
        base = w.split(" ")[0] if w.startswith(F("الليلة")) else w
        off = DEICTIC_OFF.get(base)
        if off is None:
            return None
        if base == F("اليوم") and not (m.group("wd") or m.group("pwd")):
            nxt = next_word(s, m.end("x"))
            if nxt in NOT_TODAY_AFTER:
                return None
            i = s.word_at(m.start("x"))
            before = {s.keys[j].lstrip("وفبل") for j in range(max(0, i - 3), i)}
            if before & MEDIA and prev_word(s, m.start("x")) not in WD_OK_BEFORE:
                return None  # an outlet's name: "قناة روسيا اليوم", "موقع الرافدين اليوم"
            if _in_name(s, m.start("x"), m.end("x")):
                return None
        if base in (F("الغد"),) and prev_word(s, m.start("x")) not in {F("في"), F("حتى"), _YAWM}:
            return None
        if base == F("الليلة"):
            k = -1 if m.group("lmod") else 0

            def res_night(anchor: dt.date | None) -> dict[str, Any]:
                r = rel("D", k, typ="TIME")(anchor)
                if r["value"]:
                    r["value"] += "TNI"
                return r

            return Cand(m.start("x"), m.end("x"), "deictic", res_night, 6, m)
        a = m.start("x")
        if off and a == m.start() and prev_word(s, a) == _YAWM:
            a -= len(_YAWM) + 1  # "يوم أمس", "يوم الغد": يوم inside the extent
        return Cand(a, m.end("x"), "deictic", rel("D", off), 6, m, today=off == 0)

    return cands(_DEICTIC, s, build, s.around(DEICTIC_ANCHORS, 3, 3))


# --- weekdays ----------------------------------------------------------------------------------
_WEEKDAY = re.compile(
    rf"{CL}(?P<x>(?P<yawm>{F('يوم')} )?(?P<wd>{WEEKDAY})(?: (?P<mod>{MOD_P}|{MOD_F}))?){END}"
)


def weekday(s: Stream) -> list[Cand]:
    """A weekday alone: the nearest past one, or the next in a future-tense sentence."""
    def build(m: re.Match[str], s: Stream) -> Cand | None:
        wdk = m.group("wd")
        wd = WEEKDAYS[wdk]
        if wdk in AMBIG_WEEKDAYS and not m.group("yawm") and not m.group("mod"):
            prev = prev_word(s, m.start("x"))
            nxt = next_word(s, m.end("x"))
            if prev in WD_NOT_BEFORE or nxt in {F("عشر"), F("عشرة"), F("معا"), F("منهما")}:
                return None
            if wdk == F("الاثنين") and nxt.startswith("ال") and prev not in WD_OK_BEFORE:
                return None  # "الاثنين المعزولين": the two isolated ones
        direction = mod_dir(m.group("mod"))
        fut = future_ctx(s, m.start("x"))

        def res(anchor: dt.date | None) -> dict[str, Any]:
            if anchor is None:
                return {"type": "DATE", "value": f"XXXX-WXX-{wd}", "anchor": "publication"}
            return {"type": "DATE", "anchor": "publication",
                    "value": weekday_date(wd, anchor, direction, fut).isoformat()}

        return Cand(m.start("x"), m.end("x"), "weekday", res, 2, m)

    return cands(_WEEKDAY, s, build, s.around(WEEKDAY_ANCHORS, 1, 1))


# --- relative periods: الأسبوع الفائت, الشهر المقبل, هذا العام, نهاية العام ------------------------
_PERIOD = re.compile(
    rf"{CL}(?P<x>(?:(?P<pos>{POS}) )?(?:(?P<this>{F('هذا')}|{F('هذه')}) )?"
    rf"(?:(?P<u>{PERIOD})|(?P<lu>{PERIOD_LAM}))(?: (?P<adj>{alt(PERIOD_ADJECTIVES)})(?= {MOD}))?"
    rf"(?: (?P<before>{F('قبل')}) (?={MOD_P}))?(?: (?P<mod>{MOD}))?){END}"
)


def period(s: Stream) -> list[Cand]:
    """"الأسبوع الفائت", "الشهر المقبل", "هذا العام", "نهاية العام"."""
    def build(m: re.Match[str], s: Stream) -> Cand | None:
        u = PERIOD_UNIT[m.group("u") or "ا" + m.group("lu")]  # "للعام": the article's alif
        direction = mod_dir(m.group("mod"))
        pos = POSMODS.get(m.group("pos") or "")
        if direction is None:
            if m.group("this") or (
                pos and u != "D" and not next_word(s, m.end("x")).startswith("ال")
            ):
                direction = 0  # "نهاية العام", but not "بداية العام الدراسي"
            else:
                return None
        if u == "D" and direction != -1 and not pos:
            return None  # "اليوم" is a deictic; "اليوم المقبل" is rare and vague
        k = direction * (2 if m.group("before") else 1)
        return Cand(m.start("x"), m.end("x"), "period", rel(u, k, pos), 5, m)

    return cands(_PERIOD, s, build, s.around(PERIOD_ANCHORS, 3, 3))


# --- "الخامس من الشهر الجاري" ---------------------------------------------------------------------
_DAY_OF_PERIOD = re.compile(
    rf"{CL}(?P<x>(?P<d>{DAYN}) {F('من')} (?:{F('هذا')} )?{F('الشهر')}(?: (?P<mod>{MOD}))?){END}"
)


def day_of_month(s: Stream) -> list[Cand]:
    """"الخامس من الشهر الجاري"."""
    def build(m: re.Match[str], s: Stream) -> Cand | None:
        d = number(m.group("d"))
        if d is None or not 1 <= d <= 31:
            return None
        direction = mod_dir(m.group("mod")) or 0

        def res(anchor: dt.date | None) -> dict[str, Any]:
            if anchor is None:
                return {"type": "DATE", "value": None, "anchor": "publication",
                        "offset": f"{direction:+d}M"}
            y, mo = shift_month(anchor.year, anchor.month, direction)
            v = f"{y:04d}-{mo:02d}-{d:02d}" if valid(y, mo, d) else None
            return {"type": "DATE", "value": v, "anchor": "publication"}

        return Cand(m.start("x"), m.end("x"), "daymonthrel", res, 6, m)

    return cands(_DAY_OF_PERIOD, s, build, s.around(DAY_OF_MONTH_ANCHORS, 4, 1))


# --- vague references -------------------------------------------------------------------------
_VAGUE_PERIOD = alt_ordered(ordered("time-words", "vague-period"))
_VAGUE_SINCE = alt_ordered(ordered("time-words", "vague-since"))
_VAGUE_RE = re.compile(
    rf"{CL}(?P<x>(?P<w>{alt(list(VAGUE))})|(?P<lw>{after_lam(list(VAGUE))})"
    rf"|(?P<p>{_VAGUE_PERIOD})(?: {F('القليلة')})? (?P<pm>{MOD_P}|{MOD_F}|{F('الأخيرة')}"
    rf"|{F('المنصرمة')})"
    rf"|(?P<since>{F('منذ')}|{F('قبل')}) (?P<sw>{_VAGUE_SINCE})"
    rf"(?: {F('طويلة')}| {F('طويل')}| {F('قصيرة')}| {F('قليلة')})?){END}"
)

def vague(s: Stream) -> list[Cand]:
    """"مؤخراً", "حالياً", "قريباً", "الأيام الأخيرة", "منذ سنوات": the *_REF values."""
    def build(m: re.Match[str], s: Stream) -> Cand | None:
        w = m.group("w") or ("ا" + m.group("lw") if m.group("lw") else None)
        if w:
            if w in VAGUE_NEEDS_FI and prev_word(s, m.start("x")) not in VAGUE_PREPS:
                return None
            return Cand(m.start("x"), m.end("x"), "vague", ref(VAGUE[w]), 1, m)
        if m.group("p"):
            pm = m.group("pm")
            v = "FUTURE_REF" if pm in FUTURE else "PAST_REF"
            return Cand(m.start("x"), m.end("x"), "vague", ref(v), 1, m)
        return Cand(m.start("x"), m.end("x"), "vague", ref("PAST_REF"), 1, m)

    return cands(_VAGUE_RE, s, build, s.around(VAGUE_ANCHORS, 2, 2))
