"""First-character filters read off regex parse trees must never reject a real match."""

from __future__ import annotations

import importlib
import pkgutil
import re
from pathlib import Path

import pytest

from rasd.extract import times as T
from rasd.extract.regexfirst import first_chars

ROOT = Path(__file__).resolve().parents[2]


def test_first_chars_of_simple_patterns():
    f = first_chars(re.compile(r"(?<![^ ])(?:[وف]?)(?:ab|\d{2}|c+)"))
    assert f is not None
    assert f.chars == frozenset("وفac") and f.digits
    assert f.admits("٢") and f.admits("a") and not f.admits("b")
    # no filter when unsure: any character, a negated class, or an empty match
    assert first_chars(re.compile(r"a?.b")) is None
    assert first_chars(re.compile(r"[^ ]x")) is None
    assert first_chars(re.compile(r"x?")) is None


def _rule_patterns() -> dict[str, re.Pattern[str]]:
    # the rule patterns: constants of the package's modules that open with the word-start
    # assertion
    out: dict[str, re.Pattern[str]] = {}
    for info in pkgutil.iter_modules(T.__path__):
        mod = importlib.import_module(f"{T.__name__}.{info.name}")
        out.update({f"{info.name}.{n}": v for n, v in vars(mod).items()
                    if isinstance(v, re.Pattern) and v.pattern.startswith("(?<![^ ])")})
    return out


def test_every_rule_pattern_gets_a_filter():
    pats = _rule_patterns()
    assert len(pats) >= 15
    for name, pat in pats.items():
        assert first_chars(pat) is not None, name


@pytest.mark.parametrize("name", ["time/news_time.src.txt", "time/heldout_time.src.txt",
                                  "time/heldout2_time.src.txt"])
def test_filters_admit_every_match_in_real_text(name):
    # scan whole streams of real news sentences with every rule pattern: each match's first
    # character must pass the filter the rules use to skip words
    text = (ROOT / "eval" / name).read_text(encoding="utf-8")
    s = T.stream_from_text(text)
    seen = 0
    for pname, pat in _rule_patterns().items():
        f = first_chars(pat)
        for m in pat.finditer(s.joined):
            seen += 1
            assert f is not None and f.admits(s.joined[m.start()]), (pname, m.group())
    assert seen > 100
