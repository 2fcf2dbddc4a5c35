"""Story clustering on the bundled samples: quality floor, determinism, incremental use."""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest
from click.testing import CliRunner

from rasd.cli import cli
from rasd.doc import Document, Meta
from rasd.eval.metrics import pairwise
from rasd.link.corpus import gold_stories, load_corpus
from rasd.link.stories import StoryIndex, cluster_documents

SAMPLES = Path(__file__).resolve().parents[2] / "samples"


@pytest.fixture(scope="module")
def docs() -> list[Document]:
    return load_corpus([str(SAMPLES)])


def _pred(stories, docs):
    name = {d.id: Path(d.meta.source).name for d in docs}
    return {name[a.doc_id]: s.id for s in stories for a in s.articles}


def test_manifest_meta_is_applied(docs):
    assert len(docs) >= 60
    alhal = next(d for d in docs if d.meta.source.endswith("alhal-2021-11-01.txt"))
    assert alhal.meta.outlet == "الحل نت"
    assert alhal.meta.published == "2021-11-01"
    assert all(d.meta.url and d.meta.published for d in docs)


def test_samples_never_merge_two_stories(docs):
    """On the bundled (synthetic, unanalysed) samples nothing is merged wrongly; recall is
    lower than on analysed real news (the model weighs lead, names and numbers, and raw text
    has no entities), so the floor is the measured 0.41 less a margin.  The real-news floors
    are in tests/link/test_stories_real.py."""
    gold = gold_stories(SAMPLES)
    assert len({g for g in gold.values() if not g.startswith("single-")}) >= 10
    score = pairwise(gold, _pred(cluster_documents(docs), docs))
    assert score["precision"] >= 0.95, score
    assert score["f1"] >= 0.35, score


def test_order_independent(docs):
    a = cluster_documents(docs)
    shuffled = docs[:]
    random.Random(7).shuffle(shuffled)
    b = cluster_documents(shuffled)
    assert [s.to_dict() for s in a] == [s.to_dict() for s in b]


def test_incremental_rewrite_joins_story(docs):
    """An obfuscated rewrite arriving later joins the story of the text it copies."""
    index = StoryIndex()
    for d in sorted(docs, key=lambda d: (d.meta.published, d.id)):
        index.add(d)
    wire = next(d for d in docs if "mashreq-2024-07-20" in d.meta.source)
    copy_text = wire.text.replace("غارات", "غـ.ـارات").replace("الحرب", "الحـ.ـرب")
    copy_text = "نقلاً عن وكالة | " + copy_text + "\nتابعونا على تلغرام\n"
    late = Document(copy_text, Meta(outlet="صفحة ناسخة", published="2024-07-22"))
    assert index.add(late) == index.add(wire)
    # an unrelated sports text on the same day opens its own story
    other = next(d for d in docs if "raja-wydad" in d.meta.source)
    moved = Document(other.text, Meta(published="2024-07-22"))
    assert index.add(moved) != index.add(wire)


def test_time_window_separates_same_topic(docs):
    """The same text far outside the window is a new story, not an old one revived."""
    wire = next(d for d in docs if "mashreq-2024-07-20" in d.meta.source)
    index = StoryIndex(window_days=3)
    first = index.add(wire)
    later = Document(wire.text + "\n", Meta(published="2025-01-30"))
    assert index.add(later) != first


def test_undated_reports_years_apart_stay_apart():
    """Same topic, same wording, no publication date: the years the texts name keep them
    apart; the same text twice is one story."""
    import rasd

    body = ("أفادت تقارير بأن خبراء عسكريين من كوريا الشمالية وصلوا إلى سوريا {when} "
            "لمساعدة قوات النظام في صيانة منظومات الصواريخ قرب دمشق.\n"
            "وقال مصدر إن الخبراء زاروا مواقع عسكرية في ريف حماة.")
    a = rasd.analyze(body.format(when="في مارس 2013"))
    b = rasd.analyze(body.format(when="في مارس 2018"))
    c = rasd.analyze(body.format(when="في مارس 2013") + "\n")
    assert not a.meta.published and not b.meta.published
    index = StoryIndex()
    first = index.add(a)
    assert index.add(b) != first
    assert index.add(c) == first


def test_cli_stories_json(tmp_path):
    result = CliRunner().invoke(cli, ["stories", str(SAMPLES), "--jsonl", "--min-size", "2"])
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.output.splitlines() if line.startswith("{")]
    assert len(rows) >= 5
    for r in rows:
        assert r["first_seen"] <= r["last_seen"]
        assert all(a["source"].startswith("https://") for a in r["articles"])
        assert len(r["outlets"]) >= 2
