"""Naive baselines scored next to the extractors on real gold (``rasd eval quotes --real``,
``rasd eval time --real``).

Why: a score alone does not say how hard a gold set is.  A baseline anyone could write in an
afternoon, run on the same articles with the same scorer, shows what the extractor adds.
Both read the project's own word lists (the cue verbs of ``extract/data/cues.json``, the
month and weekday names of ``lang/ar/vocab``), so they improve when the vocabulary does, and
neither uses the tokenizer, the entity tagger or any rule of the extractors.

* **quotes**: a strong speech verb in the 3rd-person past ("قال", "أكدت" …, with a leading
  و/ف), the words after it up to a content marker (أنّ/إنّ/بأن, a colon or an opening
  quotation mark) as the speaker, and from the marker to the end of the sentence as the
  content; every speaker is typed ``named_person`` (the most frequent kind).
* **times**: a regular expression of weekday and month names with an optional day number
  and year, and bare four-digit years 1900–2099; values only where the expression is a full
  date or a year.
"""

from __future__ import annotations

import re
from functools import cache

from rasd.eval.metrics import Pair
from rasd.extract.lexicons import cue_lexicon, fold
from rasd.lang.ar import vocab

#: words of the baseline tokenizer: Arabic/Latin letters and digits, or one punctuation mark
_WORD = re.compile(r"[\w\u0600-\u06ff]+|[^\s\w]")
#: the end of a sentence for the quote baseline's content
_SENT_END = re.compile(r"[.!?؟\n]")
#: how many words after the cue may hold the speaker before the content marker
SPEAKER_WORDS = 8


@cache
def _past_cues() -> frozenset[str]:
    """Folded 3rd-person past forms (masculine, feminine) of the strong speech verbs."""
    out: set[str] = set()
    for form, entry in cue_lexicon()["verbs"].items():
        lemma = fold(entry["lemma"])
        if entry["strong"] and form in (lemma, lemma + "ت"):
            out.add(form)
    return frozenset(out)


@cache
def _markers() -> frozenset[str]:
    return frozenset(cue_lexicon()["markers"]) | {"ان"}


def _is_cue(word: str) -> bool:
    w = fold(word)
    cues = _past_cues()
    return w in cues or (w[:1] in "وف" and w[1:] in cues)


def baseline_quotes(text: str) -> list[tuple[Pair, Pair, Pair, str]]:
    """``(cue, speaker, content, kind)`` of every cue-verb + clause statement of ``text``."""
    toks = [(m.start(), m.end(), m.group()) for m in _WORD.finditer(text)]
    out = []
    for i, (s, e, w) in enumerate(toks):
        if not _is_cue(w):
            continue
        for j in range(i + 1, min(len(toks), i + 2 + SPEAKER_WORDS)):
            tj = toks[j][2]
            if tj in ("،", ",") and j > i + 1:
                continue
            if fold(tj) in _markers() or tj in (":", "«", '"', "“"):
                if j == i + 1:
                    break  # no speaker between cue and content
                sp = (toks[i + 1][0], toks[j - 1][1])
                stop = _SENT_END.search(text, toks[j][1])
                end = stop.start() if stop else len(text)
                if end > toks[j][0]:
                    out.append(((s, e), sp, (toks[j][0], end), "named_person"))
                break
            if _SENT_END.fullmatch(tj):
                break
    return out


@cache
def _time_pattern() -> re.Pattern[str]:
    months = sorted({e.word for e in vocab.rows("months")}, key=len, reverse=True)
    days = sorted({e.word for e in vocab.rows("weekdays")}, key=len, reverse=True)
    month = "|".join(map(re.escape, months))
    day = "|".join(map(re.escape, days))
    num = r"[0-9\u0660-\u0669]"
    return re.compile(
        rf"(?:(?:يوم\s+)?(?:{day})\s+)?(?:{num}{{1,2}}\s+)?(?:{month})(?:\s+{num}{{4}})?"
        rf"|(?:يوم\s+)?(?:{day})|(?<![\d\u0660-\u0669])(?:19|20|١٩|٢٠){num}{{2}}"
        rf"(?![\d\u0660-\u0669])"
    )


_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩", "0123456789")


def _time_value(expr: str) -> str | None:
    nums = re.findall(r"\d+", expr.translate(_DIGITS))
    years = [n for n in nums if len(n) == 4]
    days = [n for n in nums if len(n) <= 2]
    month = None
    key = fold(expr)
    for e in vocab.rows("months", "gregorian"):
        if e.key and e.key in key.split():
            month = int(e.extra["month"])
            break
    if years and month and days:
        return f"{years[0]}-{month:02d}-{int(days[0]):02d}"
    if years and month:
        return f"{years[0]}-{month:02d}"
    if years and expr.strip().translate(_DIGITS) == years[0]:
        return years[0]
    return None


def baseline_times(text: str) -> list[tuple[int, int, str, str | None]]:
    """``(start, end, type, value)`` of every month/weekday/year expression of ``text``."""
    out = []
    for m in _time_pattern().finditer(text):
        before = text[m.start() - 1] if m.start() else " "
        after = text[m.end()] if m.end() < len(text) else " "
        if before.isalnum() or after.isalnum():
            continue  # inside a longer word ("مايو" is no part of "مايوه")
        out.append((m.start(), m.end(), "DATE", _time_value(m.group())))
    return out
