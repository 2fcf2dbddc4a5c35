"""Language identification: only Arabic goes through the Arabic extractors (issue 18.4)."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

import rasd
from rasd.cli import cli
from rasd.config import Config
from rasd.eval.realgold import corpus_dir, day_articles
from rasd.lang.identify import identify, language_of
from rasd.pipeline import Pipeline

# sentences written for this test (news-style, one per language)
ARABIC = "قال وزير الخارجية السعودي عادل الجبير إن المملكة ترحب بالاتفاق وتدعو إلى تنفيذه."
PERSIAN = ("وزیر امور خارجه ایران روز یکشنبه با همتای عربستان سعودی در تهران دیدار کرد و "
           "دو طرف درباره همکاری‌های منطقه‌ای گفتگو کردند.")
URDU = ("پاکستان کے وزیر اعظم نے اتوار کو سعودی عرب کا دورہ کیا اور دونوں ملکوں کے درمیان "
        "تعاون پر بات چیت ہوئی۔")
ENGLISH = "The foreign minister met his Saudi counterpart in Riyadh on Sunday to discuss trade."
FRENCH = "Le ministre des affaires étrangères a rencontré dimanche son homologue saoudien."


@pytest.mark.parametrize(("text", "code"), [
    (ARABIC, "ar"), (PERSIAN, "fa"), (URDU, "ur"), (ENGLISH, "en"), (FRENCH, "fr"),
])
def test_languages_are_told_apart(text: str, code: str) -> None:
    assert identify(text).code == code


def test_arabic_is_decided_by_letters_without_the_model() -> None:
    # the common case must cost no model call
    assert identify(ARABIC).method == "letters"
    # a loan word typed with a Persian keyboard's keheh and yeh does not make it Persian
    assert identify(ARABIC + " وصرح لـ«کی بی سی» بأن الاتفاق نهائي.").code == "ar"


def test_short_text_is_undetermined_but_arabic_letters_are_arabic() -> None:
    assert identify("Array").code == "und"
    assert language_of("عاجل: الجبير") == "ar"


def test_persian_article_is_not_run_through_arabic_extractors() -> None:
    doc = rasd.analyze(PERSIAN)
    assert doc.meta.language == "fa"
    assert doc.layer("tokens")  # the text layer runs on any language
    assert not doc.layer("entities") and not doc.layer("times")
    forced = Pipeline(Config(any_language=True)).analyze(PERSIAN)
    assert forced.meta.language == "fa"
    assert forced.layer("entities") or forced.layer("places")  # the extractors did run


def test_arabic_article_is_analysed_as_before() -> None:
    doc = rasd.analyze(ARABIC)
    assert doc.meta.language == "ar"
    assert any(s.label == "PER" for s in doc.layer("entities"))


def test_cli_warns_and_names_the_language(tmp_path: Path) -> None:
    p = tmp_path / "fa.txt"
    p.write_text(PERSIAN, "utf-8")
    res = CliRunner().invoke(cli, ["analyze", str(p), "--format", "text"])
    assert res.exit_code == 0, res.output
    assert "[W101]" in res.output and "'fa'" in res.output


@pytest.mark.skipif(corpus_dir() is None, reason="../shared/data/saudinewsnet is not here")
def test_real_arabic_news_is_identified_as_arabic() -> None:
    corpus = corpus_dir()
    assert corpus is not None
    arts = day_articles(corpus, "2015-08-01")
    texts = [a.get("content") or "" for a in arts]
    judged = [language_of(t) for t in texts if sum(ch.isalpha() for ch in t) >= 200]
    assert len(judged) > 1000
    assert judged.count("ar") / len(judged) >= 0.999
