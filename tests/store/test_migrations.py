"""Alembic migrations on SQLite and PostgreSQL: an archive left by an older rasd (schema at
revision 0003, a ``corrections`` table created outside the schema, ``char_start``/``char_end``
offsets) opens, upgrades in place and reads back the same; one at revision 0005 gains the
story tables; a fresh archive goes down and up."""

from __future__ import annotations

import json

from sqlalchemy import Column, MetaData, String, Table, Text, insert, inspect, text
from sqlalchemy.engine import Connection, Engine

from rasd.corrections import CorrectionStore, make_correction
from rasd.doc import Document, Meta, Span
from rasd.store import StorySummary, migrate, open_store
from rasd.store.dialects import dialect_for
from rasd.store.sql import parse_target

TEXT = "قال وزير الخارجية أيمن الصفدي إن المعبر سيفتح قريبا."
NAME = TEXT.index("أيمن الصفدي")


def _engine(store_url: str) -> Engine:
    url, schema, _ = parse_target(store_url)
    return dialect_for(url, schema).make_engine(url)


def _begin(engine: Engine) -> Connection:
    c = engine.connect()
    c.execution_options(rasd_write=True)
    c.begin()
    return c


def _old_archive(store_url: str) -> tuple[Document, dict]:
    """An archive as rasd 0003 left it: one document with one entity, and a correction in the
    table ``CorrectionStore`` used to create on first use."""
    doc = Document(TEXT, Meta(published="2024-03-01", outlet="test"))
    doc.set_layer("entities", [Span(NAME, NAME + 11, "PER", "e0", {"canonical": "أيمن الصفدي"})])
    engine = _engine(store_url)
    c = _begin(engine)
    migrate.upgrade(c, "0003")
    c.execute(text(
        "INSERT INTO documents (id, content_hash, title, published, published_day, length, text,"
        " meta, relations, warnings, layer_names, group_id, added_at, updated_at) VALUES"
        " (:id, :h, NULL, '2024-03-01', '2024-03-01', :n, :t, :m, '{}', '[]', '[\"entities\"]',"
        " :id, 'x', 'x')"), {"id": doc.id, "h": doc.content_hash, "n": len(TEXT), "t": TEXT,
                             "m": json.dumps(doc.meta.to_dict(), ensure_ascii=False)})
    c.execute(text(
        "INSERT INTO spans (doc_id, layer, span_id, ord, char_start, char_end, label, text, attrs)"
        " VALUES (:d, 'entities', 'e0', 0, :a, :b, 'PER', :x, :at)"),
        {"d": doc.id, "a": NAME, "b": NAME + 11, "x": "أيمن الصفدي",
         "at": json.dumps({"canonical": "أيمن الصفدي"}, ensure_ascii=False)})
    c.execute(text("INSERT INTO entity_clusters VALUES ('ent_x', 'أيمن الصفدي', 'PER', 'k')"))
    c.execute(text(
        "INSERT INTO entities (doc_id, span_id, char_start, char_end, text, label, entity_id)"
        " VALUES (:d, 'e0', :a, :b, 'أيمن الصفدي', 'PER', 'ent_x')"),
        {"d": doc.id, "a": NAME, "b": NAME + 11})
    md = MetaData()  # exactly the table the old CorrectionStore created
    old = Table("corrections", md, Column("id", String(64), primary_key=True),
                Column("doc_id", String(64), index=True),
                Column("action", String(16), nullable=False),
                Column("created", String(40), nullable=False), Column("creator", String(200)),
                Column("annotation", Text, nullable=False))  # fmt: skip
    md.create_all(c)
    ann = make_correction("reject", "tester", doc=doc, layer="entities", start=NAME,
                          end=NAME + 11, created="2024-03-02T00:00:00Z")
    c.execute(insert(old).values(id=ann["id"], doc_id=doc.id, action="reject",
                                 created=ann["created"], creator="tester",
                                 annotation=json.dumps(ann, ensure_ascii=False)))
    c.commit()
    c.close()
    engine.dispose()
    return doc, ann


def test_old_archive_upgrades_in_place(store_url: str) -> None:
    doc, ann = _old_archive(store_url)
    with open_store(store_url) as s:
        with s.engine.connect() as c:  # type: ignore[attr-defined]
            assert migrate.current(c) == migrate.head()
            cols = {col["name"] for col in inspect(c).get_columns("entities")}
        assert {"start", "end"} <= cols and not {"char_start", "char_end"} & cols
        got = s.get(doc.id)
        assert [(x.start, x.end, x.id) for x in got.layer("entities")] == [(NAME, NAME + 11, "e0")]
        (mention,) = s.entity("ent_x").mentions
        assert (mention.start, mention.end, mention.text) == (NAME, NAME + 11, "أيمن الصفدي")
        cs = CorrectionStore(s)
        assert cs.list(doc.id) == [ann]  # the old table was adopted with its rows
        split = make_correction("split", "tester", entity="أيمن الصفدي")
        cs.add(split)
        assert [a["id"] for a in cs.list()] == [ann["id"], split["id"]]
        s.add(doc, "v2")  # re-analysed by the new version: rows in the renamed columns
        assert s.stats()["entities"] == 1 and s.get(doc.id).to_dict() == doc.to_dict()


def test_fresh_archive_goes_down_and_up(store_url: str) -> None:
    with open_store(store_url) as s:
        assert CorrectionStore(s).list() == []
        engine = s.engine  # type: ignore[attr-defined]
        with engine.connect() as c:
            tables = set(inspect(c).get_table_names())
        assert "corrections" in tables
        c = _begin(engine)
        migrate.downgrade(c, "0003")
        c.commit()
        with engine.connect() as c2:
            assert "corrections" not in set(inspect(c2).get_table_names())
            cols = {col["name"] for col in inspect(c2).get_columns("spans")}
        assert {"char_start", "char_end"} <= cols
        c.close()
    with open_store(store_url) as s:  # reopening upgrades again
        assert CorrectionStore(s).list() == []
        s.add(Document(TEXT), "v")
        assert s.count() == 1


def test_archive_at_0005_gains_empty_story_tables(store_url: str) -> None:
    """An archive as rasd left it before stories were kept (revision 0005) upgrades in place:
    the story tables appear empty, the documents are untouched, stories can be saved."""
    engine = _engine(store_url)
    c = _begin(engine)
    migrate.upgrade(c, "0005")
    c.commit()
    c.close()
    engine.dispose()
    doc = Document(TEXT, Meta(published="2024-03-01", outlet="test", title="المعبر"))
    with open_store(store_url) as s:
        s.add(doc, "v")  # written by this rasd, but into the tables 0005 made
    engine = _engine(store_url)
    c = _begin(engine)
    migrate.downgrade(c, "0005")  # as if the document had been stored at 0005
    c.commit()
    with engine.connect() as c2:
        assert "stories" not in set(inspect(c2).get_table_names())
    c.close()
    engine.dispose()
    with open_store(store_url) as s:
        with s.engine.connect() as c3:  # type: ignore[attr-defined]
            assert migrate.current(c3) == migrate.head()  # 0006 and every later revision
            tables = set(inspect(c3).get_table_names())
        assert {"stories", "story_members"} <= tables
        assert s.stories().total == 0 and s.story_of(doc.id) is None
        assert s.get(doc.id).to_dict() == doc.to_dict()
        summary = StorySummary("story-x", "المعبر", "2024-03-01", "2024-03-01", 1, ["test"])
        assert s.save_stories([(summary, [doc.id])]) == 1
        assert [a.id for a in s.story("story-x").articles] == [doc.id]


def test_head_is_the_latin_names_revision() -> None:
    assert migrate.head() == "0008"


def test_archive_at_0007_gains_latin_names(store_url: str) -> None:
    """An archive stored before entities had Latin names (revision 0007) upgrades in place:
    its entities get Latin names and keys, and a Latin query finds them."""
    doc = Document(TEXT, Meta(published="2024-03-01"))
    doc.set_layer("entities", [Span(18, 29, "PER", "e0")])  # أيمن الصفدي
    with open_store(store_url) as s:
        s.add(doc, "v")
    engine = _engine(store_url)
    c = _begin(engine)
    migrate.downgrade(c, "0007")
    c.commit()
    with engine.connect() as c2:
        cols = {col["name"] for col in inspect(c2).get_columns("entity_clusters")}
        assert "latin" not in cols
    c.close()
    engine.dispose()
    with open_store(store_url) as s:
        found = s.entities(name="Ayman Safadi").items
        assert [e.name for e in found] == ["أيمن الصفدي"]
        assert found[0].latin and found[0].latin[0].startswith("Ayman")
