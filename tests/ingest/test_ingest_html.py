"""HTML ingest on a realistic news page wrapping the seed article (tests/fixtures)."""

from __future__ import annotations

from pathlib import Path

import pytest

from rasd.ingest import iter_documents
from rasd.ingest.html import html_to_document

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
PAGES = [
    ("alhal-2021-11-01.html", "utf-8"),
    ("alhal-2021-11-01.cp1256.html", "html-meta"),
    ("alhal-2021-11-01.cp1256-nometa.html", "detected"),
]


def paragraphs(text: str) -> list[str]:
    return [" ".join(line.split()) for line in text.splitlines() if line.strip()]


@pytest.mark.parametrize(("name", "charset_from"), PAGES)
def test_page_gives_the_article_paragraph_by_paragraph(
    name: str, charset_from: str, seed_text: str
):
    items = list(iter_documents(str(FIXTURES / name)))
    assert len(items) == 1 and items[0].error is None
    doc = items[0].document
    assert paragraphs(doc.text) == paragraphs(seed_text)
    assert "\n\n" in doc.text  # paragraphs stay separate
    for chrome in ("الرئيسية", "سياسة الخصوصية", "الأكثر قراءة", "نسخ الرابط", "روسيا تكثف"):
        assert chrome not in doc.text
    m = doc.meta
    assert m.title == "خبراء من كوريا الشمالية في سوريا لدعم الأسد في معركة إدلب"
    assert m.outlet == "الحل نت"
    assert m.published.startswith("2021-11-01")
    assert m.published_info == {
        "method": "json-ld",
        "precision": "second",
        "reliable": True,
        "tz": "+03:00",
    }
    assert m.url.startswith("https://example-news.test/2021/11/01/")
    assert m.author == "فريق التحرير"
    assert m.language == "ar"
    assert m.extraction["step"] == 1 and m.extraction["method"] == "trafilatura"
    assert m.extraction["charset_from"] == charset_from
    assert doc.warnings == []


def test_html_ingest_then_boilerplate_marks_the_same_lines(seed_text: str):
    from rasd.config import Config
    from rasd.pipeline import Pipeline

    pipe = Pipeline(Config(components=("text", "boilerplate")))
    doc = pipe(next(iter(iter_documents(str(FIXTURES / "alhal-2021-11-01.html")))).document)
    marked = [doc.span_text(s) for s in doc.layer("boilerplate")]
    plain = pipe.analyze(seed_text)
    assert len(marked) == 4
    assert marked == [plain.span_text(s) for s in plain.layer("boilerplate")]


MINIMAL = """<html><head><title>انفجار في مرفأ بيروت</title>
<meta property="article:published_time" content="2020-08-04">
</head><body><div>{body}</div></body></html>"""


def test_meta_tag_date_with_day_precision():
    body = "<p>" + "هز انفجار ضخم مرفأ بيروت مساء الثلاثاء وأدى إلى سقوط عشرات القتلى. " * 3 + "</p>"
    doc = html_to_document(MINIMAL.format(body=body).encode(), "x.html")
    assert doc.meta.published == "2020-08-04"
    assert doc.meta.published_info["method"] == "html-meta"
    assert doc.meta.published_info["precision"] == "day"
    assert doc.meta.published_info["tz"] is None
    assert doc.meta.title == "انفجار في مرفأ بيروت"


def test_date_from_url_is_marked_unreliable():
    body = "<p>" + "أعلنت الحكومة العراقية عن خطة جديدة لمكافحة التصحر في المحافظات الجنوبية. " * 3
    page = f"<html><body><article>{body}</p></article></body></html>"
    doc = html_to_document(page.encode(), "x", url="https://news.test/iq/2023/5/17/plan")
    assert doc.meta.published == "2023-05-17"
    assert doc.meta.published_info["method"] == "url"
    assert doc.meta.published_info["reliable"] is False
    assert doc.meta.outlet == "news.test"


def test_truncated_html_still_yields_the_text():
    page = (FIXTURES / "alhal-2021-11-01.html").read_bytes()
    cut = page[: page.index("وتفاوض المهرب السوري".encode()) + 40]
    doc = html_to_document(cut, "cut.html")
    assert "واستعانت بيونغ يانغ بمهرب أسلحة سوري" in doc.text
    assert doc.meta.published.startswith("2021-11-01")


def test_fallback_step_is_recorded_when_trafilatura_finds_nothing(monkeypatch: pytest.MonkeyPatch):
    import trafilatura

    monkeypatch.setattr(trafilatura, "bare_extraction", lambda *a, **k: None)
    doc = html_to_document((FIXTURES / "alhal-2021-11-01.html").read_bytes(), "x.html")
    assert doc.meta.extraction["step"] == 2
    assert doc.meta.extraction["method"] == "paragraphs"
    assert doc.text.startswith("دعم عسكري جديد")
    assert "روسيا تكثف" not in doc.text


def test_page_text_is_the_last_resort():
    page = "<html><body><span>" + "خبر عاجل من الخرطوم عن اشتباكات عنيفة " * 3 + "</span></body></html>"
    doc = html_to_document(page, "x.html")
    assert doc.meta.extraction["step"] in (1, 3)
    assert "الخرطوم" in doc.text


@pytest.mark.parametrize(
    "page",
    [
        b"<html><head><title>x</title></head><body></body></html>",
        b"<html><body><nav><a href='/'>\xd8\xa7\xd9\x84\xd8\xb1\xd8\xa6\xd9\x8a\xd8\xb3\xd9\x8a\xd8\xa9</a></nav>",
    ],
)
def test_pages_without_text_are_a_coded_error(tmp_path: Path, page: bytes):
    p = tmp_path / "empty.html"
    p.write_bytes(page)
    items = list(iter_documents(str(p)))
    assert len(items) == 1 and items[0].document is None
    assert items[0].error.startswith("[E101]")


LEGACY = """<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1256">
<title>أخبار محلية</title></head><body><table>
<tr><td><font size=4><b>البرلمان الكويتي يقر الميزانية العامة</b></font><br><br>
الكويت - كونا: أقر مجلس الأمة الكويتي في جلسته اليوم الثلاثاء الميزانية العامة بأغلبية 40 صوتاً.<br><br>
وقال رئيس لجنة الميزانيات إن العجز المتوقع يبلغ 5.8 مليار دينار.<br>
</td></tr><tr><td>جميع الحقوق محفوظة 2009</td></tr></table></body></html>"""


def test_legacy_table_layout_keeps_paragraphs_apart():
    doc = html_to_document(LEGACY.encode("cp1256"), "legacy.html")
    paras = doc.text.split("\n\n")
    assert "البرلمان الكويتي يقر الميزانية العامة" in paras
    assert any(p.startswith("الكويت - كونا: أقر مجلس الأمة") for p in paras)
    assert "العامةالكويت" not in doc.text  # block boundaries never glue words
    assert doc.meta.extraction["charset_from"] == "html-meta"
    assert doc.meta.published is None  # a copyright year is not a publication date


GULF_PAGE = """<!doctype html><html lang="ar"><head><meta charset="utf-8">
<title>مقتل 12 في غارة على خان يونس - الخليج الآن</title>
<meta property="og:site_name" content="الخليج الآن">
<meta name="pubdate" content="2024-01-22T08:15:00Z"></head><body>
<header><nav><a href="/">الرئيسية</a><a href="/world">العالم</a></nav></header>
<main><article><h1>مقتل 12 في غارة على خان يونس</h1>
<div class="byline">كتب: سامي العلي</div>
<div class="wysiwyg">
<p>قُتل 12 فلسطينياً على الأقل في غارة إسرائيلية استهدفت منزلاً في خان يونس جنوب قطاع غزة فجر الاثنين.</p>
<figure><img src="a.jpg"><figcaption>فلسطينيون يتفقدون الدمار (صورة: رويترز)</figcaption></figure>
<p>وقال المتحدث باسم الدفاع المدني إن فرق الإنقاذ انتشلت جثث 12 شخصاً من تحت الأنقاض.</p>
<div class="related"><strong>اقرأ أيضاً:</strong> <a href="/x">الأمم المتحدة تحذر من مجاعة</a></div>
<p>ولم يصدر تعليق فوري من الجيش الإسرائيلي على الغارة.</p>
<div class="share"><a>فيسبوك</a> <a>تويتر</a> <a>واتساب</a></div>
<p>المصدر: وكالات</p>
</div></article></main><footer>© 2024 الخليج الآن</footer></body></html>"""


def test_gulf_style_page_metadata_and_body():
    doc = html_to_document(GULF_PAGE.encode(), "gulf.html")
    m = doc.meta
    assert m.title == "مقتل 12 في غارة على خان يونس"  # the h1, not the <title> with the suffix
    assert m.author == "سامي العلي"
    assert m.outlet == "الخليج الآن"
    assert m.published == "2024-01-22T08:15:00+00:00"
    assert m.published_info["method"] == "html-meta" and m.published_info["tz"] == "+00:00"
    paras = doc.text.split("\n\n")
    assert paras[0].startswith("قُتل 12 فلسطينياً")
    assert paras[-1] == "المصدر: وكالات"  # the source line is article, kept
    for chrome in ("الرئيسية", "فيسبوك", "©"):
        assert chrome not in doc.text


def test_xhtml_with_an_xml_declaration():
    page = '<?xml version="1.0" encoding="windows-1256"?>\n' + GULF_PAGE.replace(
        '<meta charset="utf-8">', ""
    )
    doc = html_to_document(page.encode("cp1256"), "x.xhtml")
    assert doc.text.startswith("قُتل 12 فلسطينياً")
    assert doc.meta.extraction["encoding"] == "cp1256"
    assert doc.meta.extraction["charset_from"] == "html-meta"
