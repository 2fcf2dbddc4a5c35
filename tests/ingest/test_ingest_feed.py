"""RSS and Atom feeds made in the test, good and broken; fetch=True through a mock transport."""

from __future__ import annotations

from pathlib import Path

import httpx
import pytest

from rasd.ingest import iter_documents

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"

RSS = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel>
<title>وكالة المشرق للأنباء</title><link>https://mashreq.test/</link>
<item>
  <title>الرياض وطهران تتفقان على استئناف العلاقات</title>
  <link>https://mashreq.test/2023/03/10/deal</link>
  <guid>mashreq-1001</guid>
  <pubDate>Fri, 10 Mar 2023 16:05:00 +0300</pubDate>
  <description><![CDATA[<p>أعلنت السعودية وإيران، الجمعة، اتفاقهما على استئناف العلاقات الدبلوماسية بوساطة صينية.</p><p>وقال بيان مشترك إن السفارتين ستفتحان خلال شهرين.</p>]]></description>
</item>
<item>
  <title>بلا نص</title>
  <link>https://mashreq.test/2023/03/10/empty</link>
  <description></description>
</item>
<item>
  <title>البنك المركزي المصري يرفع الفائدة</title>
  <link>https://mashreq.test/2024/03/06/cbe</link>
  <pubDate>Wed, 06 Mar 2024 09:00:00 GMT</pubDate>
  <description>رفع البنك المركزي المصري أسعار الفائدة 600 نقطة أساس في اجتماع استثنائي.</description>
</item>
</channel></rss>"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title>الخليج اليوم</title>
  <link href="https://khaleej.test/"/>
  <id>urn:khaleej</id><updated>2023-09-11T08:00:00Z</updated>
  <entry>
    <title>الإمارات ترسل مساعدات إلى المغرب</title>
    <link href="https://khaleej.test/2023/09/11/aid"/>
    <id>urn:khaleej:1</id>
    <published>2023-09-11T07:30:00+04:00</published>
    <updated>2023-09-11T08:00:00+04:00</updated>
    <author><name>مراسل الخليج</name></author>
    <content type="html">&lt;p&gt;أرسلت دولة الإمارات طائرات محملة بالمساعدات إلى المغرب بعد الزلزال.&lt;/p&gt;</content>
  </entry>
</feed>"""


def write(tmp_path: Path, name: str, text: str) -> str:
    p = tmp_path / name
    p.write_text(text, "utf-8")
    return str(p)


def test_rss_entries_become_documents_and_a_bad_entry_does_not_stop_the_rest(tmp_path: Path):
    items = list(iter_documents(write(tmp_path, "feed.rss", RSS)))
    assert len(items) == 3
    ok = [i.document for i in items if i.document]
    assert len(ok) == 2
    bad = [i for i in items if i.error]
    assert len(bad) == 1 and bad[0].error.startswith("[E101]") and "#entry2" in bad[0].error
    d = ok[0]
    assert d.text.split("\n\n") == [
        "أعلنت السعودية وإيران، الجمعة، اتفاقهما على استئناف العلاقات الدبلوماسية بوساطة صينية.",
        "وقال بيان مشترك إن السفارتين ستفتحان خلال شهرين.",
    ]
    assert d.meta.title == "الرياض وطهران تتفقان على استئناف العلاقات"
    assert d.meta.outlet == "وكالة المشرق للأنباء"
    assert d.meta.url == "https://mashreq.test/2023/03/10/deal"
    assert d.meta.published == "2023-03-10T16:05:00+03:00"
    assert d.meta.published_info == {
        "method": "feed", "precision": "second", "reliable": True, "tz": "+03:00"
    }  # fmt: skip
    assert d.meta.extraction["method"] == "feed-summary"
    assert ok[1].meta.published_info["tz"] == "+00:00"


def test_atom_content_author_and_sniffing_without_extension(tmp_path: Path):
    items = list(iter_documents(write(tmp_path, "khaleej", ATOM)))
    assert len(items) == 1
    d = items[0].document
    assert d.text == "أرسلت دولة الإمارات طائرات محملة بالمساعدات إلى المغرب بعد الزلزال."
    assert d.meta.author == "مراسل الخليج"
    assert d.meta.published == "2023-09-11T07:30:00+04:00"
    assert d.meta.extraction["method"] == "feed-content"


def test_truncated_feed_reads_what_it_can_with_a_warning(tmp_path: Path):
    broken = RSS[: RSS.index("<item>", RSS.index("<item>") + 10) + 40]
    items = list(iter_documents(write(tmp_path, "cut.xml", broken)))
    docs = [i.document for i in items if i.document]
    assert docs and docs[0].meta.title == "الرياض وطهران تتفقان على استئناف العلاقات"
    assert any(w.startswith("[W103]") for w in docs[0].warnings)


@pytest.mark.parametrize(
    "text", ["<rss><channel><title>x</title>", "<feed xmlns='http://www.w3.org/2005/Atom'><<<"]
)
def test_feed_without_entries_is_one_coded_error(tmp_path: Path, text: str):
    items = list(iter_documents(write(tmp_path, "bad.rss", text)))
    assert len(items) == 1 and items[0].error.startswith("[E105]")


def test_fetch_true_reads_the_linked_pages(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    page = (FIXTURES / "alhal-2021-11-01.html").read_bytes()
    seen: list[str] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(str(request.url))
        if request.url.path.endswith("/deal"):
            return httpx.Response(200, content=page, headers={"content-type": "text/html"})
        return httpx.Response(404)

    monkeypatch.setattr("rasd.ingest.fetch.TRANSPORT", httpx.MockTransport(handler))
    items = list(iter_documents(write(tmp_path, "feed.rss", RSS), fetch=True))
    assert seen == [
        "https://mashreq.test/2023/03/10/deal",
        "https://mashreq.test/2023/03/10/empty",
        "https://mashreq.test/2024/03/06/cbe",
    ]
    d = items[0].document
    assert d.text.startswith("دعم عسكري جديد وصل مؤخراً إلى دمشق")
    assert d.meta.title == "الرياض وطهران تتفقان على استئناف العلاقات"  # the feed's own
    assert d.meta.extraction["via"] == "feed-link"
    assert items[1].error.startswith("[E106]") and "HTTP 404" in items[1].error
    # the page of entry 3 is missing too, but the entry has its own text: kept, with a warning
    assert items[2].document.text.startswith("رفع البنك المركزي المصري")
    assert items[2].document.warnings[0].startswith("[W104]")


def test_without_fetch_no_link_is_followed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    def handler(request: httpx.Request) -> httpx.Response:
        raise AssertionError(f"fetched {request.url}")

    monkeypatch.setattr("rasd.ingest.fetch.TRANSPORT", httpx.MockTransport(handler))
    assert len(list(iter_documents(write(tmp_path, "feed.rss", RSS)))) == 3


def test_windows_1256_feed_declared_in_the_xml_prolog(tmp_path: Path):
    p = tmp_path / "cp.rss"
    p.write_bytes(RSS.replace('encoding="UTF-8"', 'encoding="windows-1256"').encode("cp1256"))
    docs = [i.document for i in iter_documents(str(p)) if i.document]
    assert docs[0].text.startswith("أعلنت السعودية وإيران، الجمعة")
    assert docs[0].meta.outlet == "وكالة المشرق للأنباء"
