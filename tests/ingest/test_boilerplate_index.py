"""in_boilerplate: the bisection over marked lines answers exactly like a scan."""

from __future__ import annotations

import random

import rasd
from rasd.doc import Span
from rasd.extract.boilerplate import in_boilerplate


def _scan(doc, a: int, b: int) -> bool:
    return any(s.start <= a and b <= s.end for s in doc.layer("boilerplate"))


def test_bisection_equals_scan_on_the_seed(seed_text):
    doc = rasd.analyze(seed_text)
    assert len(doc.layer("boilerplate")) == 4
    rng = random.Random(7)
    n = len(seed_text)
    probes = [(s.start, s.end) for s in doc.layer("boilerplate")]
    probes += [(s.start + 1, s.end - 1) for s in doc.layer("boilerplate")]
    probes += [(s.start - 1, s.end) for s in doc.layer("boilerplate")]
    for _ in range(2000):
        a = rng.randrange(n)
        probes.append((a, min(n, a + rng.randrange(1, 40))))
    for a, b in probes:
        assert in_boilerplate(doc, a, b) == _scan(doc, a, b), (a, b)


def test_unsorted_or_overlapping_lines_fall_back_to_a_scan():
    doc = rasd.analyze("اقرأ أيضا: خبر آخر\nقال الوزير إن الأزمة انتهت.\nتابعونا على تلغرام")
    doc.layers["boilerplate"] = [Span(40, 60, "x"), Span(0, 18, "y"), Span(10, 30, "z")]
    for a, b in [(0, 5), (12, 25), (41, 50), (31, 39), (19, 29)]:
        assert in_boilerplate(doc, a, b) == _scan(doc, a, b), (a, b)
