"""Scoring attributed statements against gold annotations (``rasd eval quotes``).

Gold files are ``<name>.gold.json`` next to ``<name>.txt`` (the document), with a ``quotes``
list; each gold quote has ``cue``, ``speaker`` and ``content`` as ``[start, end]`` character
offsets into the text, plus ``speaker_kind`` (and optionally ``stance``).

Predicted and gold quotes are first aligned one-to-one (greedy on content overlap, then
speaker and cue agreement; :func:`rasd.eval.metrics.align_by_score`), then each field is scored on the aligned pairs:

* ``cue`` / ``speaker`` / ``content``: overlap (any shared character) and exact offsets;
  precision is over predicted quotes, recall over gold quotes;
* ``joint``: speaker *and* content overlap — the number that says "who said what" is right;
* ``kind``: speaker-kind accuracy over jointly matched pairs; ``stance`` likewise where gold
  has a stance.

A speaker counts as found when the predicted mention *or the mention it was resolved to*
(``attrs.antecedent`` chain) matches: annotators link an anaphoric "التقرير"/"بحسب الحريري"
either to the local word or to its first mention, and both mean the same person.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from rasd.config import DEFAULT_COMPONENTS, Config
from rasd.doc import Document, Span
from rasd.eval.metrics import Pair, align_by_score, iou, overlaps, prf, ratio
from rasd.eval.metrics import f1 as f1_score
from rasd.pipeline import COMPONENT_MODULES, Pipeline

FIELDS = ("cue", "speaker", "content", "joint")


@dataclass
class GoldQuote:
    cue: Pair
    speaker: Pair
    content: Pair
    kind: str
    stance: str | None = None
    #: other mentions of the same speaker (real gold names the speaker of a pro-drop
    #: statement by its text: any of its occurrences is that speaker)
    alt_speakers: tuple[Pair, ...] = ()
    name: str = ""  # the speaker as the gold names it (real gold: pro-drop speakers too)

    def speaker_hit(self, s: Pair) -> bool:
        """A predicted speaker mention ``s`` overlaps this quote's speaker or another mention
        of it."""
        return overlaps(s, self.speaker) or any(overlaps(s, a) for a in self.alt_speakers)


@dataclass
class PredQuote:
    cue: Pair
    speakers: list[Pair]  # the mention first, then resolved antecedent mentions
    content: Pair
    kind: str
    stance: str


@dataclass
class Counts:
    """True positives per field and mode, plus totals, summed over documents."""

    n_gold: int = 0
    n_pred: int = 0
    tp: dict[str, int] = field(default_factory=dict)
    kind_ok: int = 0
    kind_n: int = 0
    stance_ok: int = 0
    stance_n: int = 0
    errors: list[dict[str, Any]] = field(default_factory=list)
    #: per speaker kind: gold statements, predicted ones, gold found (speaker+content) under
    #: the gold kind, predicted found under the predicted kind, kind right on the found
    kind_gold: Counter[str] = field(default_factory=Counter)
    kind_pred: Counter[str] = field(default_factory=Counter)
    kind_found: Counter[str] = field(default_factory=Counter)
    kind_pred_found: Counter[str] = field(default_factory=Counter)
    kind_right: Counter[str] = field(default_factory=Counter)

    def add(self, key: str, n: int = 1) -> None:
        self.tp[key] = self.tp.get(key, 0) + n

    def merge(self, other: Counts) -> None:
        self.n_gold += other.n_gold
        self.n_pred += other.n_pred
        for k, v in other.tp.items():
            self.add(k, v)
        self.kind_ok += other.kind_ok
        self.kind_n += other.kind_n
        self.stance_ok += other.stance_ok
        self.stance_n += other.stance_n
        self.errors.extend(other.errors)
        for name in ("kind_gold", "kind_pred", "kind_found", "kind_pred_found", "kind_right"):
            getattr(self, name).update(getattr(other, name))

    def report(self) -> dict[str, Any]:
        out: dict[str, Any] = {"gold": self.n_gold, "predicted": self.n_pred}
        for f in FIELDS:
            for mode in ("overlap", "exact"):
                if f == "joint" and mode == "exact":
                    continue
                p, r, f1 = prf(self.tp.get(f"{f}_{mode}", 0), self.n_pred, self.n_gold)
                out[f"{f}_{mode}"] = {"p": round(p, 4), "r": round(r, 4), "f1": round(f1, 4)}
        out["kind_accuracy"] = round(self.kind_ok / self.kind_n, 4) if self.kind_n else None
        out["stance_accuracy"] = (
            round(self.stance_ok / self.stance_n, 4) if self.stance_n else None
        )
        per_kind = {}
        for k in sorted(set(self.kind_gold) | set(self.kind_pred)):
            # precision over the statements predicted with kind k, recall over the gold ones
            # of kind k (a pair found with a wrong kind counts on both sides)
            found = self.kind_found[k]
            p, r = ratio(self.kind_pred_found[k], self.kind_pred[k]), ratio(found,
                                                                            self.kind_gold[k])
            f1 = f1_score(p, r)
            per_kind[k] = {"gold": self.kind_gold[k], "predicted": self.kind_pred[k],
                           "joint_p": round(p, 4), "joint_r": round(r, 4),
                           "joint_f1": round(f1, 4),
                           "kind_accuracy": round(self.kind_right[k] / found, 4) if found
                           else None}
        out["per_kind"] = per_kind
        return out


def load_gold(path: Path) -> tuple[str, dict[str, Any], list[GoldQuote]]:
    """Read ``x.gold.json`` and its document text (``document`` key, else ``x.txt``)."""
    gold = json.loads(path.read_text(encoding="utf-8"))
    name = gold.get("document") or path.name.replace(".gold.json", ".txt")
    text = (path.parent / name).read_text(encoding="utf-8")
    quotes = []
    for q in gold.get("quotes", []):
        quotes.append(
            GoldQuote(
                tuple(q["cue"]),  # type: ignore[arg-type]
                tuple(q["speaker"]),  # type: ignore[arg-type]
                tuple(q["content"]),  # type: ignore[arg-type]
                q.get("speaker_kind", ""),
                q.get("stance"),
            )
        )
    return text, gold, quotes


def predictions(doc: Document) -> list[PredQuote]:
    """Flatten the ``quotes`` layer into comparable records (with antecedent speakers)."""
    layer = doc.layer("quotes")
    by_id: dict[str, Span] = {q.id: q for q in layer}
    out = []
    for q in layer:
        a = q.attrs
        if "content" not in a:
            continue
        speakers: list[Pair] = []
        todo: list[Span] = [q]
        seen: set[str] = set()
        while todo:
            cur = todo.pop(0)
            if cur.id in seen:
                continue
            seen.add(cur.id)
            sp = cur.attrs.get("speaker")
            if sp:
                speakers.append((sp["start"], sp["end"]))
            for key in ("previous", "antecedent"):
                nxt = by_id.get(cur.attrs.get(key, ""))
                if nxt is not None:
                    todo.append(nxt)
        out.append(
            PredQuote(
                (a["cue"]["start"], a["cue"]["end"]),
                speakers,
                (a["content"]["start"], a["content"]["end"]),
                (a.get("speaker") or {}).get("kind", q.label),
                a.get("stance", "assert"),
            )
        )
    return out


def score_document(
    preds: Sequence[PredQuote], golds: Sequence[GoldQuote], text: str = "", name: str = ""
) -> Counts:
    """Align predictions to gold quotes and count matches per field."""
    c = Counts(n_gold=len(golds), n_pred=len(preds))
    c.kind_gold.update(g.kind for g in golds)
    c.kind_pred.update(p.kind for p in preds)
    cands = []
    for i, p in enumerate(preds):
        for j, g in enumerate(golds):
            spk = any(g.speaker_hit(s) for s in p.speakers)
            con = overlaps(p.content, g.content)
            cue = overlaps(p.cue, g.cue)
            if not (con or (spk and cue)):
                continue
            score = 2.0 * con + spk + cue + iou(p.content, g.content)
            cands.append((score, i, j))
    aligned = align_by_score(cands, len(preds), len(golds))
    for i, j in aligned.pairs:
        p, g = preds[i], golds[j]
        spk_o = any(g.speaker_hit(s) for s in p.speakers)
        spk_e = any(s == g.speaker for s in p.speakers)
        con_o = overlaps(p.content, g.content)
        c.add("cue_overlap", overlaps(p.cue, g.cue))
        c.add("cue_exact", p.cue == g.cue)
        c.add("speaker_overlap", spk_o)
        c.add("speaker_exact", spk_e)
        c.add("content_overlap", con_o)
        c.add("content_exact", p.content == g.content)
        c.add("joint_overlap", spk_o and con_o)
        if spk_o and con_o:
            c.kind_n += 1
            c.kind_ok += p.kind == g.kind
            c.kind_found[g.kind] += 1
            c.kind_pred_found[p.kind] += 1
            c.kind_right[g.kind] += p.kind == g.kind
            if p.kind != g.kind:
                c.errors.append({"doc": name, "type": "kind", "gold": g.kind, "pred": p.kind,
                                 "speaker": g.name or text[g.speaker[0]:g.speaker[1]]})
            if g.stance:
                c.stance_n += 1
                c.stance_ok += p.stance == g.stance
        elif text:
            c.errors.append({"doc": name, "type": "partial",
                             "gold_speaker": g.name or text[g.speaker[0]:g.speaker[1]],
                             "pred_speaker": [text[a:b] for a, b in p.speakers[:1]]})
    if text:
        for j in aligned.right_only:
            g = golds[j]
            c.errors.append({"doc": name, "type": "missed", "cue": text[g.cue[0]:g.cue[1]],
                             "speaker": g.name or text[g.speaker[0]:g.speaker[1]]})
        for i in aligned.left_only:
            p = preds[i]
            c.errors.append({"doc": name, "type": "spurious", "cue": text[p.cue[0]:p.cue[1]],
                             "content": text[p.content[0]:p.content[1]][:60]})
    return c


def quote_components() -> tuple[str, ...]:
    """Default components up to ``quotes`` (entities/places help speaker kinds when present)."""
    comps = [c for c in DEFAULT_COMPONENTS if c in COMPONENT_MODULES and c not in ("events",
                                                                                   "claims")]
    if "quotes" not in comps:
        comps.append("quotes")
    return tuple(comps)


def gold_files(paths: Iterable[Path]) -> list[Path]:
    out: list[Path] = []
    for p in paths:
        if p.is_dir():
            out.extend(sorted(p.glob("*.gold.json")))
        else:
            out.append(p)
    return out


def evaluate(paths: Iterable[Path], components: tuple[str, ...] | None = None,
             progress: bool = False) -> dict[str, Any]:
    """Score the quotes extractor on every gold file under ``paths``; JSON-ready report."""
    files = gold_files(paths)
    pipe = Pipeline(Config(components=components or quote_components()))
    total = Counts()
    per_doc = {}
    it: Iterable[Path] = files
    if progress:
        from tqdm import tqdm

        it = tqdm(files, desc="quotes", unit="doc")
    for f in it:
        text, gold, gq = load_gold(f)
        doc = pipe.analyze(text)
        c = score_document(predictions(doc), gq, text, f.name)
        per_doc[f.name] = c.report()
        total.merge(c)
    rep = total.report()
    rep["documents"] = len(files)
    rep["per_document"] = per_doc
    rep["errors"] = total.errors
    return rep
