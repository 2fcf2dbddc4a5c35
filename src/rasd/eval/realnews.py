"""Quotes and times scored on real-news gold (``rasd eval quotes --real``, ``rasd eval time
--real``): stand-off files pointing into the shared SaudiNewsNet corpus.

Gold layout (one file per article, ``<day>-<index>.json``, named by corpus day and index):

* ``eval/quotes/real/<part>/``: ``{"day", "index", "url", "outlet", "quotes": [{"cue",
  "speaker", "speaker_text", "content", "speaker_kind", "stance"?}]}``, where ``cue`` and
  ``speaker`` are ``{"start", "end", "text"}`` or null (no cue word; no speaker written — a
  pro-drop "وأضاف" — then ``speaker_text`` names who) and ``content`` is ``{"start", "end",
  "text_head"}``;
* ``eval/time/real/<part>/``: ``{"day", "index", "url", "outlet", "published", "times":
  [{"start", "end", "text", "type", "value"}]}``.

The articles are read through :mod:`rasd.eval.realgold` (published = the corpus day) and the
scoring is the synthetic sets' own (:func:`rasd.eval.quotes.score_document`,
:func:`rasd.eval.times.score_item`), so the figures of the two kinds of gold compare.  Each run
also scores the naive baselines of :mod:`rasd.eval.baselines` on the same articles.

Speakers: a gold speaker is matched by any predicted mention in the prediction's
antecedent chain that overlaps the gold mention *or another occurrence of its
``speaker_text``* — the real gold writes a pro-drop speaker as text only, and an annotator's
"the spokesman" is any of its mentions.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from rasd.doc import Document
from rasd.eval.baselines import baseline_quotes, baseline_times
from rasd.eval.metrics import Pair
from rasd.eval.quotes import Counts, GoldQuote, PredQuote, predictions, quote_components
from rasd.eval.quotes import score_document as score_quotes
from rasd.eval.realgold import corpus_dir, offset_mismatches, standoff_documents
from rasd.eval.times import Report, score_item, score_predictions

#: a pair that overlaps nothing: a gold cue or speaker the text does not write
NONE: Pair = (0, 0)


def _pair(d: Any) -> Pair:
    return (int(d["start"]), int(d["end"])) if isinstance(d, dict) else NONE


#: letters written interchangeably in news copy ("الأسد"/"الاسد", "مستشفى"/"مستشفي")
_LOOSE = {c: "[اأإآ]" for c in "اأإآ"} | {c: "[يى]" for c in "يى"} | {c: "[ةه]" for c in "ةه"}


def _loose(word: str) -> str:
    """A regex for ``word`` that accepts the usual hamza, alif maqsura and taa marbuta
    spellings."""
    return "".join(_LOOSE.get(c) or re.escape(c) for c in word)


def mentions(text: str, name: str | None) -> tuple[Pair, ...]:
    """Every occurrence of ``name`` in ``text`` (whitespace- and hamza-insensitive)."""
    words = (name or "").split()
    if not words:
        return ()
    pat = re.compile(r"\s+".join(map(_loose, words)))
    return tuple((m.start(), m.end()) for m in pat.finditer(text))


#: letters that may stick to a surname: proclitics and the article
_CLITICS = "(?:[وفبلك]?(?:ال)?)"


def surname_mentions(text: str, name: str | None) -> tuple[Pair, ...]:
    """Occurrences of the last word of ``name`` as a word of its own (with proclitics):
    "زاموديو" for "الفريدو زاموديو" — a person is any mention of the surname."""
    words = (name or "").split()
    if len(words) < 2:
        return ()
    last = _loose(words[-1].removeprefix("ال"))
    pat = re.compile(rf"(?<!\w){_CLITICS}{last}(?!\w)")  # \w: Arabic letters too
    return tuple((m.start(), m.end()) for m in pat.finditer(text))


def gold_quotes(text: str, data: dict[str, Any]) -> list[GoldQuote]:
    """The stand-off quotes of one article as :class:`GoldQuote` records.

    A statement without a written speaker (pro-drop "وأضاف", a participle) names its speaker
    by text only: any mention of that text is the speaker and, for a person, any mention of
    the surname ("زاموديو" for "الفريدو زاموديو": the first mention is often longer than the
    name the annotator wrote, and later ones shorter)."""
    out = []
    for q in data.get("quotes", []):
        speaker = _pair(q.get("speaker"))
        name = q.get("speaker_text") or (q.get("speaker") or {}).get("text")
        kind = q.get("speaker_kind", "")
        alts = set(mentions(text, name))
        if speaker == NONE and kind == "named_person":
            alts |= set(surname_mentions(text, name))
        alts.discard(speaker)
        out.append(GoldQuote(_pair(q.get("cue")), speaker, _pair(q["content"]), kind,
                             q.get("stance"), tuple(sorted(alts)), name or ""))
    return out


def baseline_predictions(text: str) -> list[PredQuote]:
    return [PredQuote(cue, [sp], con, kind, "assert")
            for cue, sp, con, kind in baseline_quotes(text)]


def _require_corpus() -> Path:
    corpus = corpus_dir()
    if corpus is None:
        raise FileNotFoundError("the SaudiNewsNet corpus (../shared/data/saudinewsnet) is absent")
    return corpus


def evaluate_quotes(folder: Path, baseline: bool = True,
                    components: tuple[str, ...] | None = None) -> dict[str, Any]:
    """Score the quotes extractor (and the baseline) on every article of ``folder``."""
    from rasd.config import Config
    from rasd.pipeline import Pipeline

    corpus = _require_corpus()
    pipe = Pipeline(Config(components=components or quote_components()))
    total, base = Counts(), Counts()
    per_doc: dict[str, Any] = {}
    outlets: set[str] = set()
    bad = n = 0
    for path, data, doc in standoff_documents(folder, corpus):
        n += 1
        outlets.add(str(data.get("outlet") or doc.meta.outlet or ""))
        items = data.get("quotes", [])
        bad += offset_mismatches(doc, [q["content"] for q in items], "text_head")
        bad += offset_mismatches(doc, [q.get("speaker") for q in items])
        golds = gold_quotes(doc.text, data)
        out: Document = pipe(Document(doc.text, doc.meta))
        c = score_quotes(predictions(out), golds, doc.text, path.stem)
        per_doc[path.stem] = c.report()
        total.merge(c)
        if baseline:
            base.merge(score_quotes(baseline_predictions(doc.text), golds))
    rep = total.report()
    rep.update(documents=n, outlets=len(outlets), offset_mismatches=bad,
               per_document=per_doc, errors=total.errors)
    if baseline:
        b = base.report()
        rep["baseline"] = {k: b[k] for k in ("gold", "predicted", "joint_overlap",
                                             "kind_accuracy")}
    return rep


def _baseline_time_report(items: Iterable[tuple[str, list[dict[str, Any]]]]) -> Report:
    """The time baseline through :func:`score_item`'s alignment (same arithmetic)."""
    rep = Report("baseline")
    for text, gold in items:
        score_predictions(text, baseline_times(text), gold, rep)
    return rep


def evaluate_times(folder: Path, baseline: bool = True) -> dict[str, Any]:
    """Score the times extractor (and the baseline) on every article of ``folder``."""
    corpus = _require_corpus()
    rep = Report(folder.name)
    texts: list[tuple[str, list[dict[str, Any]]]] = []
    outlets: set[str] = set()
    bad = n = 0
    for path, data, doc in standoff_documents(folder, corpus):
        n += 1
        outlets.add(str(data.get("outlet") or doc.meta.outlet or ""))
        gold = data.get("times", [])
        bad += offset_mismatches(doc, gold)
        published = data.get("published") or doc.meta.published
        score_item(doc.text, published, gold, rep, path.stem)
        texts.append((doc.text, gold))
    out = rep.to_dict()
    out.update(documents=n, outlets=len(outlets), offset_mismatches=bad, errors=rep.errors)
    if baseline:
        b = _baseline_time_report(texts).to_dict()
        out["baseline"] = {k: b[k] for k in ("gold", "pred", "exact_f1", "overlap_f1",
                                             "value_acc_exact")}
    return out
