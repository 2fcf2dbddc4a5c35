"""Rules for long periods: decades, centuries, seasons, quarters and halves of a year."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from rasd.extract.times.anchors import (
    CENTURY_ANCHORS,
    DECADE_ANCHORS,
    SEASON_ANCHORS,
    YEAR_PART_ANCHORS,
)
from rasd.extract.times.cand import Cand, fixed, rel
from rasd.extract.times.fold import F, alt, alt_ordered
from rasd.extract.times.matching import cands, next_word
from rasd.extract.times.patterns import CL, END, MOD, MOD_C, MOD_F, MOD_P, POS, YEAR4
from rasd.extract.times.stream import Stream
from rasd.extract.times.vocab import (
    CENTURIES,
    DECADES,
    DECADES_BARE,
    POSMODS,
    SEASONS,
    YEAR_PARTS,
    mod_dir,
    ordered,
)

# --- decades, centuries, seasons, sets ------------------------------------------------------
_DECADE = re.compile(
    rf"{CL}(?P<x>(?:(?P<pos>{POS}) )?(?:{F('عقد')} )?(?P<d>{alt(list(DECADES))}"
    rf"|{alt([k[2:] for k in DECADES])})(?: {F('من')})?"
    rf"(?: (?P<c>{F('القرن الماضي')}|{F('القرن العشرين')}|{F('القرن الحالي')}|{F('القرن الحادي والعشرين')}"
    rf"|{F('القرن الجاري')}))?){END}"
)

def decade(s: Stream) -> list[Cand]:
    """"التسعينيات", "ثمانينيات القرن الماضي", "مطلع الستينات"."""
    def build(m: re.Match[str], s: Stream) -> Cand | None:
        dk = m.group("d")
        digit = DECADES.get(dk, DECADES_BARE.get(dk))
        if digit is None:
            return None
        if dk in DECADES_BARE and not m.group("c"):
            return None  # "تسعينيات" without article needs "القرن …" ("ثمانينيات القرن الماضي")
        c = m.group("c") or ""
        pos = POSMODS.get(m.group("pos") or "")
        extra = {"mod": pos} if pos else {}
        if c in (F("القرن الحالي"), F("القرن الحادي والعشرين"), F("القرن الجاري")):
            return Cand(m.start("x"), m.end("x"), "decade", fixed(f"20{digit}", **extra), 5, m)
        if c == F("القرن الماضي"):
            def res(anchor: dt.date | None) -> dict[str, Any]:
                cent = (anchor.year // 100 - 1) if anchor else 19
                return {"type": "DATE", "value": f"{cent:02d}{digit}", "anchor": "publication",
                        **extra}

            return Cand(m.start("x"), m.end("x"), "decade", res, 5, m)
        return Cand(m.start("x"), m.end("x"), "decade", fixed(f"19{digit}", **extra), 5, m)

    return cands(_DECADE, s, build, s.around(DECADE_ANCHORS, 3, 5))


_CENTURY = re.compile(
    rf"{CL}(?P<x>(?:(?P<pos>{POS}) )?{F('القرن')} (?P<c>{F('الماضي')}|{F('الحالي')}|{F('الجاري')}"
    rf"|{alt_ordered(ordered('time-words', 'century'))})"
    rf"){END}"
)


def century(s: Stream) -> list[Cand]:
    """"القرن الماضي", "مطلع القرن العشرين"."""
    def build(m: re.Match[str], s: Stream) -> Cand | None:
        c = m.group("c")
        pos = POSMODS.get(m.group("pos") or "")
        if c in CENTURIES:
            extra = {"mod": pos} if pos else {}
            return Cand(m.start("x"), m.end("x"), "century", fixed(f"{CENTURIES[c]:02d}", **extra),
                        4, m)
        k = -1 if c == F("الماضي") else 0
        return Cand(m.start("x"), m.end("x"), "century", rel("CE", k, pos), 4, m)

    return cands(_CENTURY, s, build, s.around(CENTURY_ANCHORS, 2, 3))


_SEASON = re.compile(
    rf"{CL}(?P<x>(?:(?P<pos>{POS}) )?(?P<s>{alt(list(SEASONS))}) (?:(?:{F('عام')} |{F('العام')} )?"
    rf"(?P<y>{YEAR4})|(?P<mod>{MOD})|{F('هذا العام')}|{F('العام')} (?P<ymod>{MOD}))"
    rf"|(?:{F('بقية')} )?(?:{F('فصل')}|{F('موسم')}) {F('ال')}(?P<s2>{alt(list(SEASONS))}))"
    rf"{END}"
)  # "فصل الصيف", "خلال بقية فصل الصيف": this year's season


def season(s: Stream) -> list[Cand]:
    """"صيف 2022", "الشتاء المقبل", "ربيع هذا العام"."""
    def build(m: re.Match[str], s: Stream) -> Cand | None:
        code = SEASONS[m.group("s") or m.group("s2")]
        y = int(m.group("y")) if m.group("y") else None
        direction = mod_dir(m.group("mod"))
        ydir = mod_dir(m.group("ymod"))

        def res(anchor: dt.date | None) -> dict[str, Any]:
            if y is not None:
                return {"type": "DATE", "value": f"{y:04d}-{code}", "anchor": "absolute"}
            if anchor is None:
                return {"type": "DATE", "value": None, "anchor": "publication"}
            yy = anchor.year + (ydir or 0) + (direction or 0)
            return {"type": "DATE", "value": f"{yy:04d}-{code}", "anchor": "publication"}

        return Cand(m.start("x"), m.end("x"), "season", res, 4, m)

    return cands(_SEASON, s, build, s.around(SEASON_ANCHORS, 2, 4))




# --- quarters and halves: الربع الأول من العام الجاري, النصف الثاني من 2022 ---------------------
#: Quarter and half words: Mashriq "الربع/النصف", Maghrebi "الثلاثي/السداسي".  Without a year
#: only the Maghrebi terms and "الربع" count ("النصف الثاني" is too often a match's half).
_BARE_YEAR_PARTS = frozenset(YEAR_PARTS) - {F("النصف")}


_PART_OF_YEAR = re.compile(
    rf"{CL}(?P<x>(?P<p>{alt(list(YEAR_PARTS))}) (?P<n>{F('الأول')}|{F('الثاني')}|{F('الثالث')}"
    rf"|{F('الرابع')}|{F('الأخير')})(?: (?:{F('من')} )?(?:(?:{F('عام')}|{F('العام')}|{F('سنة')}) )?"
    rf"(?:(?P<y>{YEAR4})|(?P<this>{F('هذا العام')}|{F('العام الحالي')}|{F('العام الجاري')})"
    rf"|{F('العام')} (?P<mod>{MOD_P}|{MOD_F})|(?P<mod2>{MOD_P}|{MOD_F}|{MOD_C})"
    rf"|(?<={F('من')} )(?P<this2>{F('العام')})))?)"
    rf"{END}"
)
_NTH = {F("الأول"): 1, F("الثاني"): 2, F("الثالث"): 3, F("الرابع"): 4}
_HALF_PARTS = frozenset(k for k, v in YEAR_PARTS.items() if v == "H")


def part_of_year(s: Stream) -> list[Cand]:
    """"الربع الأول من العام الجاري", "النصف الثاني من 2022", "الربع الثاني من العام" (this
    year), "السداسي الأول"."""
    def build(m: re.Match[str], s: Stream) -> Cand | None:
        half = m.group("p") in _HALF_PARTS
        last = 2 if half else 4
        n = _NTH.get(m.group("n"), last)
        if n > last:
            return None
        code = f"{'H' if half else 'Q'}{n}"
        if not (m.group("y") or m.group("this") or m.group("this2") or m.group("mod")
                or m.group("mod2")):
            if m.group("p") not in _BARE_YEAR_PARTS or next_word(s, m.end("x")) == F("من"):
                return None  # "الربع الأول من المباراة"
            first_month = (n - 1) * (6 if half else 3) + 1

            def res_bare(anchor: dt.date | None) -> dict[str, Any]:
                if anchor is None:
                    return {"type": "DATE", "value": None, "anchor": "publication"}
                # the latest such part that has begun by publication
                y = anchor.year if first_month <= anchor.month else anchor.year - 1
                return {"type": "DATE", "value": f"{y:04d}-{code}", "anchor": "publication"}

            return Cand(m.start("x"), m.end("x"), "partofyear", res_bare, 6, m)
        if m.group("y"):
            return Cand(m.start("x"), m.end("x"), "partofyear",
                        fixed(f"{m.group('y')}-{code}"), 6, m)
        k = mod_dir(m.group("mod") or m.group("mod2")) or 0

        def res(anchor: dt.date | None) -> dict[str, Any]:
            if anchor is None:
                return {"type": "DATE", "value": None, "anchor": "publication",
                        "offset": f"{k:+d}Y"}
            return {"type": "DATE", "value": f"{anchor.year + k:04d}-{code}",
                    "anchor": "publication"}

        return Cand(m.start("x"), m.end("x"), "partofyear", res, 6, m)

    return cands(_PART_OF_YEAR, s, build, s.around(YEAR_PART_ANCHORS, 0, 6))
