"""Documents and archives for the API and browser tests.

* :func:`gold_document` — the real seed article with its hand-made gold layers (entities,
  times, quotes) plus places and one event, so every highlight kind is exercised even while
  the pipeline's extractors are still being built.
* :func:`hostile_document` — Arabic news text carrying HTML/JS, with spans over the markup,
  for the XSS tests.
* :func:`fill_archive` — stores those and a few bundled samples analysed by the real pipeline.
"""

from __future__ import annotations

import json
import os
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from rasd.doc import Document, Meta, Span
from rasd.pipeline import Pipeline
from rasd.store import Store, open_store
from rasd.store.version import pipeline_version

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = ROOT / "samples"
REFERENCE = ROOT / "tests" / "reference"
PG_URL = os.environ.get("RASD_TEST_PG", "postgresql://postgres@127.0.0.1:5432/test")

#: Coordinates for the gold places (test data: what a gazetteer would return).
PLACE_COORDS = {
    "دمشق": (33.5102, 36.2913, "SY", "city"),
    "إدلب": (35.9306, 36.6339, "SY", "city"),
    "بيونغ يانغ": (39.0339, 125.7543, "KP", "city"),
    "دير الزور": (35.3359, 40.1408, "SY", "city"),
    "سوريا": (35.0, 38.0, "SY", "country"),
}

XSS_SCRIPT = "<script>alert(1)</script>"
XSS_IMG = '<img src=x onerror="alert(2)">'
XSS_TEXT = (
    "عاجل: اشتباكات في ريف حلب الشمالي\n\n"
    f"قال المتحدث باسم الدفاع المدني السوري رائد الصالح إن {XSS_SCRIPT} فرق الإنقاذ "
    f"انتشلت ثلاثة مصابين من تحت الأنقاض في مدينة أعزاز {XSS_IMG} صباح اليوم الأحد.\n\n"
    'وأضاف أن "القصف استهدف سوقًا شعبيًا" </textarea><svg onload=alert(3)> وسط المدينة.'
)


def pg_unavailable() -> str | None:
    """Why the PostgreSQL half of the suite cannot run here (``None`` when it can)."""
    try:
        import psycopg

        with psycopg.connect(PG_URL, connect_timeout=3):
            return None
    except Exception as e:  # noqa: BLE001 - any failure means "no server to test against"
        return f"PostgreSQL at {PG_URL} unreachable: {str(e).splitlines()[0]}"


@contextmanager
def archive_url(backend: str, tmp: Path) -> Iterator[str]:
    """A URL for a fresh, empty archive (PostgreSQL: a private schema, dropped afterwards)."""
    if backend == "sqlite":
        yield str(tmp / f"archive-{uuid.uuid4().hex[:6]}.db")
        return
    import psycopg

    schema = f"rasd_api_{uuid.uuid4().hex[:12]}"
    try:
        yield f"{PG_URL}?schema={schema}"
    finally:
        with psycopg.connect(PG_URL, autocommit=True) as conn:
            conn.execute(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE')


def _find_all(text: str, needle: str) -> list[int]:
    out, i = [], text.find(needle)
    while i >= 0:
        out.append(i)
        i = text.find(needle, i + 1)
    return out


def gold_document() -> Document:
    text = (REFERENCE / "alhal-2021-11-01.txt").read_text(encoding="utf-8")
    gold = json.loads((REFERENCE / "alhal-2021-11-01.gold.json").read_text(encoding="utf-8"))
    meta = Meta(
        title="خبراء من كوريا الشمالية في جبهات ريف إدلب ودير الزور",
        outlet=gold["outlet"],
        url="https://7al.net/2021/11/01/korea-experts",
        published=gold["published"],
        published_info={"method": "test", "precision": "day", "reliable": True},
        language="ar",
        source="samples/alhal-2021-11-01.txt",
    )
    doc = Document(text, meta)
    doc.set_layer(
        "boilerplate", [Span(a, b, "boilerplate") for a, b in gold["boilerplate"]], "b"
    )
    doc.set_layer(
        "entities", [Span(e["start"], e["end"], e["type"]) for e in gold["entities"]], "e"
    )
    doc.set_layer(
        "times",
        [Span(t["start"], t["end"], "TIME", attrs={"value": t["value"]}) for t in gold["times"]],
        "t",
    )
    quotes = []
    for q in gold["quotes"]:
        a, b = q["content"]
        quotes.append(
            Span(a, b, "QUOTE", attrs={
                "speaker": list(q["speaker"]), "cue": list(q["cue"]),
                "speaker_kind": q["speaker_kind"], "stance": "neutral",
            })
        )
    doc.set_layer("quotes", quotes, "q")
    places = []
    for name, (lat, lon, cc, kind) in PLACE_COORDS.items():
        for i in _find_all(text, name):
            places.append(Span(i, i + len(name), "LOC", attrs={
                "name": name, "lat": lat, "lon": lon, "country": cc, "kind": kind,
            }))
    doc.set_layer("places", places, "p")
    arrival = text.index("وصل مؤخراً إلى دمشق")
    doc.set_layer(
        "events",
        [Span(arrival, arrival + len("وصل مؤخراً إلى دمشق"), "arrival", attrs={
            "actors": ["خبراء من كوريا الشمالية"], "place": {"text": "دمشق", "lat": 33.5102,
                                                              "lon": 36.2913},
        })],
        "v",
    )
    # the article itself opposes two statements («على عكس ما»): a contradiction record
    q = {(sp.start, sp.end): sp.id for sp in doc.layer("quotes")}
    doc.relations["contradictions"] = [{
        "a": q[(1343, 1457)], "b": q[(1667, 1725)], "kind": "contrast",
        "a_evidence": {"start": 1343, "end": 1457}, "b_evidence": {"start": 1667, "end": 1725},
    }]
    return doc


def hostile_document() -> Document:
    """Arabic news text with live-looking markup; entity/quote spans cover the markup."""
    text = XSS_TEXT
    doc = Document(text, Meta(
        title='اشتباكات <b onmouseover="alert(4)">حلب</b>', outlet="<i>أخبار</i> الشمال",
        url="javascript:alert(5)", published="2024-05-02", source="test:xss",
    ))
    s = text.index(XSS_SCRIPT)
    img = text.index(XSS_IMG)
    speaker = text.index("رائد الصالح")
    doc.set_layer("entities", [
        Span(speaker, speaker + len("رائد الصالح"), "PER"),
        Span(s, s + len(XSS_SCRIPT), "ORG"),
        Span(img, img + len(XSS_IMG), "LOC"),
    ], "e")
    doc.set_layer("quotes", [
        Span(s, img + len(XSS_IMG), "QUOTE", attrs={
            "speaker": [speaker, speaker + len("رائد الصالح")], "speaker_kind": "named",
        })
    ], "q")
    return doc


def sample_paths(n: int | None = None) -> list[Path]:
    files = sorted(p for p in SAMPLES.glob("*.txt"))
    seed = [p for p in files if p.name.startswith("alhal-")]
    rest = [p for p in files if not p.name.startswith("alhal-")]
    return (seed + rest)[:n] if n else seed + rest


def analysed_samples(n: int) -> list[Document]:
    """The first ``n`` sample articles (the seed first) through the real default pipeline."""
    from rasd.ingest import iter_documents

    pipe = Pipeline()
    docs = []
    for path in sample_paths(n):
        for item in iter_documents(str(path)):
            if item.document is not None:
                docs.append(pipe(item.document))
    return docs


def fill_archive(store: Store, samples: int = 6) -> dict[str, str]:
    """Store gold, hostile and ``samples`` analysed sample documents; returns their ids."""
    version = pipeline_version(Pipeline())
    ids = {}
    for doc in analysed_samples(samples):
        store.add(doc, version)
        ids.setdefault("first_sample", doc.id)
    gold = gold_document()
    store.add(gold, "gold")  # same text as the seed sample: replaces its layers with gold
    ids["gold"] = gold.id
    hostile = hostile_document()
    store.add(hostile, "test")
    ids["hostile"] = hostile.id
    return ids


def open_filled(url: str, samples: int = 6) -> tuple[Store, dict[str, str]]:
    store = open_store(url)
    return store, fill_archive(store, samples)
