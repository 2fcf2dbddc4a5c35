"""Word clusters: deterministic build, distributional grouping, packaged table used as feature."""

from rasd.lang.ar.tokenize import tokenize
from rasd.ner import clusters
from rasd.ner.features import sentence_features
from rasd.ner.keys import bare_stem

NEWS = [
    "قال وزير الخارجية المصري في القاهرة إن المحادثات مستمرة.",
    "قال وزير الخارجية الأردني في عمان إن المحادثات مستمرة.",
    "قال وزير الخارجية العراقي في بغداد إن الاتفاق قريب.",
    "قال وزير الخارجية المغربي في الرباط إن الاتفاق قريب.",
    "وصل الرئيس إلى القاهرة أمس في زيارة رسمية.",
    "وصل الرئيس إلى بغداد أمس في زيارة رسمية.",
    "وصل الرئيس إلى الرباط أمس في زيارة رسمية.",
    "وصل الرئيس إلى عمان أمس في زيارة رسمية.",
]


def _sents() -> list:
    return [tokenize(s) for s in NEWS]


def test_build_is_deterministic_and_groups_shared_contexts():
    a = clusters.build(_sents(), k=4, min_count=2)
    assert a == clusters.build(_sents(), k=4, min_count=2)
    # the four capitals share every context ("في … إن", "إلى … أمس"): one class
    capitals = {a[w] for w in ("قاهره", "بغداد", "رباط", "عمان") if w in a}
    assert len(capitals) == 1
    assert a["قاهره"] != a["وزير"]


def test_cluster_table_drives_features(monkeypatch):
    from rasd.ner import features

    table = clusters.build(_sents(), k=4, min_count=2)
    monkeypatch.setattr(features, "default_clusters", lambda: table)
    features.forget()
    try:
        toks = tokenize("ووصل وزير الخارجية إلى الرباط أمس")
        feats = sentence_features(toks, "news")
    finally:
        features.forget()
    for t, f in zip(toks, feats, strict=True):
        c = table.get(bare_stem(t.key, t.det)) if t.kind == "word" else None
        assert (f"c={c}" in f) == (c is not None)
    rabat = next(k for k, t in enumerate(toks) if t.key == "الرباط")
    assert f"pc={table['الي']}" in feats[rabat]  # the stem before "الرباط"
