"""Inputs are validated the same way in Python and on the command line (issue 18.5)."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import pytest
from click.testing import CliRunner

import rasd
from rasd.cli import cli
from rasd.config import Config
from rasd.corrections import make_correction
from rasd.doc import Document, Meta
from rasd.errors import EmptyInput, InputError, InvalidDate, UnknownLayer

TEXT = "قال وزير الخارجية عادل الجبير في الرياض يوم الأحد إن المملكة ترحب بالاتفاق."


@pytest.mark.parametrize("bad", ["2021-13-45", "1 Nov 2021", "01/11/2021", "2021-02-30", "soon"])
def test_bad_publication_dates_are_refused_everywhere(bad: str) -> None:
    with pytest.raises(InvalidDate, match=r"\[E107\]"):
        Config(published=bad)
    with pytest.raises(InvalidDate):
        Meta(published=bad)


@pytest.mark.parametrize(("given", "stored"), [
    ("2021-11-01", "2021-11-01"),
    ("2021-11", "2021-11"),
    ("2021-11-01T09:30:00+03:00", "2021-11-01T09:30:00+03:00"),
    (date(2021, 11, 1), "2021-11-01"),
    (datetime(2021, 11, 1, 9, 30, tzinfo=timezone(timedelta(hours=3))),
     "2021-11-01T09:30:00+03:00"),
])
def test_good_dates_and_date_objects_are_accepted(given: object, stored: str) -> None:
    assert Meta(published=given).published == stored  # type: ignore[arg-type]
    doc = rasd.analyze(TEXT, Meta(published=given))  # type: ignore[arg-type]
    assert doc.meta.published == stored


def test_cli_refuses_a_bad_date_with_a_coded_line(tmp_path: Path) -> None:
    p = tmp_path / "a.txt"
    p.write_text(TEXT, "utf-8")
    res = CliRunner().invoke(cli, ["analyze", str(p), "--published", "2021-13-45"])
    assert res.exit_code != 0
    assert "E107" in str(res.exception) + res.output


@pytest.mark.parametrize("blank", ["", "   \n\t"])
def test_empty_text_is_e101_in_python_as_on_the_cli(blank: str) -> None:
    with pytest.raises(EmptyInput, match=r"\[E101\]"):
        rasd.analyze(blank)


def test_unknown_layer_name_raises_but_a_missing_known_layer_is_empty() -> None:
    doc = rasd.analyze(TEXT)
    assert doc.layer("entities")
    with pytest.raises(UnknownLayer, match=r"\[E201\].*'entity'"):
        doc.layer("entity")
    assert Document(TEXT).layer("events") == []  # known, not computed: nothing found


def test_a_correction_must_match_an_extraction() -> None:
    doc = rasd.analyze(TEXT)
    ent = doc.layer("entities")[0]
    ok = make_correction("reject", "tester", doc=doc, layer="entities", start=ent.start,
                         end=ent.end)
    assert ok["body"]["rasd:action"] == "reject"
    with pytest.raises(InputError, match="no entities extraction at 0:3; nearest"):
        make_correction("reject", "tester", doc=doc, layer="entities", start=0, end=3)
    with pytest.raises(UnknownLayer):
        make_correction("relabel", "tester", doc=doc, layer="entity", start=ent.start,
                        end=ent.end, label="ORG")
    # accepting a span the model missed stays possible
    added = make_correction("accept", "tester", doc=doc, layer="entities", start=0, end=3)
    assert added["body"]["rasd:action"] == "accept"
