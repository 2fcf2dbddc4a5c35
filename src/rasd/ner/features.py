"""CRF features for clitic-split tokens.

What makes Arabic NER recall hard is sparsity: one name appears as "سوريا", "وسوريا",
"لسوريا", "بسوريا", "سورية", "السوري", "للسوريين".  Features are therefore computed on the
*folded* stem (alef/yaa/taa folded, proclitics already split off by the tokenizer, the article
removed into ``bare``), with prefixes and suffixes of the bare stem (nisba "ي", plural "يين",
feminine "ية"), the roles of neighbouring clitic pieces, a word window, the lexicon frequency
of the form (rare forms are more often names) and gazetteer membership.

Per-type feature lists are memoized: news vocabulary is Zipfian, so most tokens of a document
reuse a cached list and tagging stays well above 20k tokens/s on one core.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from functools import lru_cache

from rasd.lang.ar.lexicon import default_lexicon
from rasd.lang.ar.tokenize import Token
from rasd.ner.clusters import default_clusters
from rasd.ner.gazetteer import Gazetteer, default_gazetteer
from rasd.ner.keys import bare_stem, match_key

_CLITIC = ("conj", "prep", "fut")


#: static features that also get a per-domain copy (the convention-sensitive ones); copying
#: every feature would double tagging time for little gain
_DOMAIN_STATIC = ("k=", "b=", "s2=", "s3=", "p3=", "det", "fq=", "lk=", "nm")


@lru_cache(maxsize=200_000)
def static_features(key: str, role: str, det: bool, kind: str, norm: str, domain: str) -> tuple[str, ...]:
    """The context-free features of one token type (memoized: news vocabulary is Zipfian)."""
    f = [f"k={key}", f"r={role}"]
    if kind == "word":
        b = bare_stem(key, det)
        f.append(f"b={b}")
        if det:
            f.append("det")
        n = len(b)
        f.append(f"len={min(n, 8)}")
        if n >= 3:
            f += [f"p2={b[:2]}", f"p3={b[:3]}", f"s2={b[-2:]}", f"s3={b[-3:]}"]
        if n >= 5:
            f += [f"s4={b[-4:]}", f"p4={b[:4]}"]
        names = default_gazetteer().names
        if key in names or b in names:
            f.append("nm")  # a known personal name (first or family)
        c = default_clusters().get(b)
        if c is not None:
            f.append(f"c={c}")  # distributional class (rasd.ner.clusters)
        count = default_lexicon().count(key)
        f.append(f"fq={int(math.log2(count + 1)) if count else -1}")
        if units := _units(key, b):
            # frequent words ("العربي", "سعيد") are judged by their own weights; the unit
            # evidence is kept apart for them so it does not drag their contexts to PER
            common = "f" if count >= 20 else "r"
            f += [f"nu={u}{common}" for u in units]
    elif kind == "latin":
        low = norm.lower()
        f.append(f"lk={low}")
        if norm[:1].isupper():
            f.append("cap")
        if norm.isupper() and len(norm) > 1:
            f.append("upper")
    else:
        f.append(f"kd={kind}")
    if domain:
        f += [f"{d}|{x}" for d in domain.split("+") for x in f if x.startswith(_DOMAIN_STATIC)]
    return tuple(f)


@lru_cache(maxsize=200_000)
def _units(key: str, b: str) -> tuple[str, ...]:
    """How common the form is as a given name / surname among Wikidata people, log10-bucketed:
    ("g2", "s1") = 100–999 people have it as a given name, 10–99 as a surname.  Graded, so the
    tagger can learn that "قيس" (52 people) is stronger evidence than "كان" (4)."""
    gaz = default_gazetteer()
    out = []
    for tag, units in (("g", gaz.given), ("s", gaz.surnames)):
        n = max(units.get(key, 0), units.get(b, 0))
        if n:
            out.append(f"{tag}{min(3, int(math.log10(n)))}")
    return tuple(out)


def forget() -> None:
    """Drop the memoized features: they embed the clusters, so a retrain must not reuse them."""
    static_features.cache_clear()


def _gaz_tags(tokens: Sequence[Token], gaz: Gazetteer) -> list[str]:
    """BIO gazetteer tag per token (clitic pieces in front of a name are skipped)."""
    keys = [match_key(t.key, t.det) for t in tokens]
    tags = ["O"] * len(tokens)
    for i, j, typ in gaz.matches(keys):
        if tokens[i].role in _CLITIC:
            continue
        tags[i] = "B-" + typ
        for k in range(i + 1, j):
            tags[k] = "I-" + typ
    return tags


def sentence_features(
    tokens: Sequence[Token],
    domain: str = "",
    gaz: Gazetteer | None = None,
    keep: Callable[[tuple[str, ...]], tuple[str, ...]] | None = None,
) -> list[list[str]]:
    """Feature lists for every token of one sentence.

    ``domain`` adds domain-specific copies of the convention-sensitive features (Daumé's
    "frustratingly easy" adaptation): the corpora disagree on conventions (Wojood puts "مدينة"
    inside a GPE span and calls "الأطفال" NORP; NewsFANE and news practice do not), so shared
    weights learn what both agree on and the copies learn each corpus's own convention.

    ``keep`` (tagging only) maps each token type's memoized static features to the ones a
    model can use (:meth:`rasd.ner.model.Tagger.usable`); the context features are not
    filtered.
    """
    gaz = gaz or default_gazetteer()
    n = len(tokens)
    static = [static_features(t.key, t.role, t.det, t.kind, t.norm, domain) for t in tokens]
    if keep is not None:
        static = [keep(f) for f in static]
    keys = [t.key for t in tokens]
    bares = [bare_stem(t.key, t.det) if t.kind == "word" else t.key for t in tokens]
    roles = [t.role or t.kind for t in tokens]
    gz = _gaz_tags(tokens, gaz)
    # previous / next stem (skipping clitic pieces): "قال و الرئيس" → context word "قال"
    prev_stem = [""] * n
    last = "<s>"
    for i in range(n):
        prev_stem[i] = last
        if roles[i] not in _CLITIC:
            last = bares[i]
    next_stem = [""] * n
    last = "</s>"
    for i in range(n - 1, -1, -1):
        next_stem[i] = last
        if roles[i] not in _CLITIC:
            last = bares[i]
    # name-unit classes of the previous / next stem: a given name before, a surname after
    units = [_units(t.key, bares[i]) if t.kind == "word" else () for i, t in enumerate(tokens)]
    prev_u: list[tuple[str, ...]] = [()] * n
    last_u: tuple[str, ...] = ()
    for i in range(n):
        prev_u[i] = last_u
        if roles[i] not in _CLITIC:
            last_u = units[i]
    next_u: list[tuple[str, ...]] = [()] * n
    last_u = ()
    for i in range(n - 1, -1, -1):
        next_u[i] = last_u
        if roles[i] not in _CLITIC:
            last_u = units[i]
    doms = domain.split("+") if domain else []
    cl = default_clusters()
    prev_cl = [cl.get(w, -1) for w in prev_stem]
    next_cl = [cl.get(w, -1) for w in next_stem]
    out = []
    for i in range(n):
        f = list(static[i])
        ctx = [f"g={gz[i]}", f"ps={prev_stem[i]}", f"ns={next_stem[i]}"]
        if i > 0:
            ctx.append(f"k-1={keys[i - 1]}")
            f += [f"r-1={roles[i - 1]}", f"g-1={gz[i - 1]}", f"kk-1={keys[i - 1]}|{keys[i]}"]
        else:
            f.append("BOS")
        if i < n - 1:
            ctx.append(f"k+1={keys[i + 1]}")
            f += [f"r+1={roles[i + 1]}", f"g+1={gz[i + 1]}", f"s+1={bares[i + 1][-2:]}"]
        else:
            f.append("EOS")
        f += ctx
        f += [f"pc={prev_cl[i]}", f"nc={next_cl[i]}"]
        f += [f"nu-1={u}" for u in prev_u[i]] + [f"nu+1={u}" for u in next_u[i]]
        for d in doms:  # per-domain copies of the convention-sensitive context features
            f += [f"{d}|{x}" for x in ctx]
        out.append(f)
    return out
