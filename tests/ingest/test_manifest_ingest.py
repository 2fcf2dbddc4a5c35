"""Folder and single-file ingest pick up the sidecar ``manifest.jsonl`` (samples/ style)."""

import json

from rasd.ingest import iter_documents


def test_manifest_fills_metadata_for_folder_and_single_file(tmp_path):
    (tmp_path / "a.txt").write_text("قال وزير الخارجية المصري إن المحادثات مستمرة.", encoding="utf-8")
    (tmp_path / "b.txt").write_text("أعلنت وزارة الصحة العراقية حصيلة جديدة.", encoding="utf-8")
    rows = [
        {"file": "a.txt", "outlet": "بوابة النيل", "published": "2024-03-02", "story": "s1"},
        {"file": "b.txt", "outlet": "الرافدين اليوم", "url": "https://rafidain.test/b"},
    ]
    (tmp_path / "manifest.jsonl").write_text(
        "\n".join(json.dumps(r, ensure_ascii=False) for r in rows), encoding="utf-8"
    )
    docs = {i.source.rsplit("/", 1)[-1]: i.document for i in iter_documents(str(tmp_path))}
    assert set(docs) == {"a.txt", "b.txt"}  # the manifest itself is not an article
    assert docs["a.txt"].meta.outlet == "بوابة النيل"
    assert docs["a.txt"].meta.published == "2024-03-02"
    assert docs["a.txt"].meta.published_info["method"] == "manifest"
    assert docs["a.txt"].meta.extra["story"] == "s1"
    assert docs["b.txt"].meta.url == "https://rafidain.test/b"
    (single,) = list(iter_documents(str(tmp_path / "b.txt")))
    assert single.document.meta.outlet == "الرافدين اليوم"


def test_broken_manifest_is_a_warning_not_a_lost_document(tmp_path):
    (tmp_path / "a.txt").write_text("اندلعت اشتباكات في طرابلس الليبية.", encoding="utf-8")
    (tmp_path / "manifest.jsonl").write_text("{not json", encoding="utf-8")
    (item,) = list(iter_documents(str(tmp_path)))
    assert item.document is not None
    assert any("W105" in w for w in item.document.warnings)
