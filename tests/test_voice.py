"""One voice (issue 23): origin read in one place, names as at the meeting, the new queries."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from pathlib import Path

import pytest

import smuggling_wg as swg
from smuggling_wg import _tables, models
from smuggling_wg.dataset import Dataset
from smuggling_wg.errors import InvalidFilter, NotFound
from smuggling_wg.export import export
from smuggling_wg.models import AgendaItem, Document, Recommendation, origin_of

ROOT = Path(__file__).resolve().parent.parent


# --- origin, read in one place --------------------------------------------------------------


def test_origin_of_reads_the_field_declaration() -> None:
    assert origin_of(Recommendation, "addressee_kind") == "editorial"
    assert origin_of(Recommendation, "addressee") == "report"
    assert origin_of(models.State, "m49") == "reference"
    assert origin_of(models.ActorProfile, "actor") == "mixed"
    assert origin_of(swg.load().recommendation(8), "specificity") == "editorial"  # a record: its model
    with pytest.raises(InvalidFilter, match=r"unknown field of Recommendation 'adressee_kind'.*'addressee_kind'"):
        origin_of(Recommendation, "adressee_kind")


def test_no_description_repeats_the_origin_in_prose() -> None:
    """The 'Editorial.'/'Reference.' prefixes were a second source of the origin: they are gone."""
    for cls in vars(models).values():
        if isinstance(cls, type) and issubclass(cls, models.Record) and cls.__module__ == models.__name__:
            for name, info in cls.model_fields.items():
                text = info.description or ""
                assert not text.startswith(("Editorial.", "Reference.")), (cls.__name__, name)


def test_every_table_column_says_its_origin_and_the_data_package_carries_it(tmp_path: Path) -> None:
    recs = _tables.table("recommendations")
    origins = {c.name: c.origin for c in recs.columns}
    assert origins["text_ru"] == "report" and origins["addressee"] == "report"
    assert origins["text_en"] == origins["addressee_kind"] == origins["specificity"] == "editorial"
    assert _tables.table("states").column("name_en").origin == "mixed"  # the UN's official short name or ours
    assert _tables.table("states").column("m49").origin == "reference"
    export(swg.load(), "datapackage", tmp_path)
    descriptor = json.loads((tmp_path / "datapackage.json").read_text(encoding="utf-8"))
    fields = {
        f["name"]: f for r in descriptor["resources"] if r["name"] == "recommendations" for f in r["schema"]["fields"]
    }
    assert {name: f["origin"] for name, f in fields.items()} == origins
    assert all("origin" in f for r in descriptor["resources"] for f in r["schema"]["fields"])


def test_the_mcp_editorial_list_reads_the_origin_of_the_fields(ds: Dataset) -> None:
    from smuggling_wg import _mcp

    rec = ds.recommendation(8)
    found: dict[str, str] = {}
    _mcp._marks(rec, "record", found)
    assert "record.addressee_kind" in found  # editorial by its declaration, whatever its description says
    assert "record.addressee" not in found and "record.modality" not in found


# --- names as at the meeting ----------------------------------------------------------------


def test_names_as_at_the_meeting(ds: Dataset) -> None:
    assert ds.name_at("TUR", meeting=7, lang="en") == "Turkey"
    assert ds.name_at("NLD", meeting=7, lang="en") == "Netherlands"
    assert ds.name_at("Türkiye", meeting=7, lang="ru") == "Турция"
    assert ds.name_at("ITA", meeting=7, lang="en") == ds.actor("ITA").name.en == "Italy"
    assert ds.name_at("eurojust", meeting=7, lang="en") == ds.actor("eurojust").name.en
    assert ds.actor("TUR").name.en == "Türkiye"  # today's name is unchanged
    with swg.display_language("en"):
        assert ds.name_at("TUR", meeting=7) == "Turkey"
    with pytest.raises(NotFound, match="no meeting 99"):
        ds.name_at("TUR", meeting=99)


def test_participant_rows_carry_the_name_at_the_meeting(ds: Dataset, tmp_path: Path) -> None:
    export(ds, "csv", tmp_path)
    with (tmp_path / "participants.csv").open(encoding="utf-8", newline="") as handle:
        rows = {row["actor"]: row for row in csv.DictReader(handle)}
    assert (rows["TUR"]["name_at_meeting"], rows["NLD"]["name_at_meeting"]) == ("Turkey", "Netherlands")
    assert rows["ITA"]["name_at_meeting"] == "Italy" and rows["eu"]["name_at_meeting"] == "European Union"
    assert all(row["name_at_meeting"] for row in rows.values())
    frame = ds.participants(actor=["TUR", "NLD"]).to_dataframe()
    assert list(frame["name_at_meeting"]) == ["Netherlands", "Turkey"]


def test_the_state_before_and_after_a_change_of_name(ds: Dataset) -> None:
    turkey = ds.actor("TUR")
    assert isinstance(turkey, models.State)
    change = turkey.former_names[0].until
    assert ds.meeting(7).start_date < change < dt.date.today()


# --- the new queries ------------------------------------------------------------------------


def test_agenda_and_documents_are_queries_with_the_usual_rules(ds: Dataset) -> None:
    agenda = ds.agenda()
    assert [i.number for i in agenda] == [1, 2, 3, 4, 5] and all(isinstance(i, AgendaItem) for i in agenda)
    assert ds.agenda(meeting=7) == agenda and ds.agenda(meeting=[7]) == agenda
    docs = ds.documents(meeting=7)
    assert [d.symbol for d in docs] == [
        "CTOC/COP/WG.7/2020/INF/1/Rev.1", "CTOC/COP/WG.7/2020/1", "CTOC/COP/WG.7/2020/2", "CTOC/COP/WG.7/2020/3",
    ]  # fmt: skip
    assert [d.source for d in docs] == [(32,), (33,), (33,), (33,)]
    assert all(isinstance(d, Document) for d in docs)
    for query in (ds.agenda, ds.documents):
        with pytest.raises(NotFound, match=r"no meeting 99\. Valid: 7\."):
            query(meeting=99)
    assert list(docs.to_dataframe()["symbol"]) == [d.symbol for d in docs]
    with pytest.raises(TypeError):
        ds.agenda(7)  # type: ignore[call-arg]  # filters are keyword-only


def test_csv_of_participants_reads_back(ds: Dataset) -> None:
    columns, rows = _tables.frame_rows(tuple(ds.participants(status="signatory")), ds.bundle)
    out = io.StringIO()
    csv.writer(out).writerows([columns, *rows])
    assert "name_at_meeting" in out.getvalue().splitlines()[0]


# --- one hit shape, a thin command, tables for counts ---------------------------------------


def test_a_search_hit_names_its_language_language_and_has_one_shape(ds: Dataset) -> None:
    from smuggling_wg.search import HIT_FIELDS

    hit = ds.search("digital evidence")[0]
    assert hit.language == "en"
    with pytest.warns(DeprecationWarning, match=r"SearchHit\.lang is deprecated, use SearchHit\.language"):
        assert hit.lang == "en"
    assert tuple(hit.fields()) == HIT_FIELDS == ("kind", "meeting", "record", "source", "language", "score", "text")
    assert hit.fields()["record"] == hit.key
    frame_columns, _ = _tables.frame_rows((hit,), ds.bundle)
    assert tuple(frame_columns) == HIT_FIELDS


def test_suggestions_name_numbers_as_numbers(ds: Dataset) -> None:
    with pytest.raises(NotFound, match=r"no recommendation 33\. Did you mean 3, 13\? Valid: 1, 2"):
        ds.recommendation(33)
    with pytest.raises(InvalidFilter, match=r"unknown specificity 33\. Did you mean 3\?"):
        ds.recommendations(specificity=33)
    with pytest.raises(InvalidFilter, match=r"Did you mean 'crises'\?"):
        ds.recommendations(theme="crisis")


def test_errors_carry_their_exit_code() -> None:
    from smuggling_wg.errors import DataError, ExportError, SmugglingWGError

    assert SmugglingWGError.exit_code == NotFound.exit_code == DataError.exit_code == ExportError.exit_code == 1
    assert InvalidFilter.exit_code == 2


def test_the_command_is_thin(capsys: pytest.CaptureFixture[str]) -> None:
    import ast

    from smuggling_wg.cli import main
    from smuggling_wg.export import FORMATS

    assert main(["agenda", "--meeting", "99"]) == 1
    assert "smuggling-wg agenda: no meeting 99. Valid: 7." in capsys.readouterr().err
    assert main(["documents", "--meeting", "99"]) == 1
    assert main(["recommendations", "--theme", "crisis"]) == 2
    assert "error: unknown theme 'crisis'" in capsys.readouterr().err
    assert main(["export", "--format", "xml", "--out", "nowhere"]) == 2
    err = capsys.readouterr().err
    assert f"(choose from {', '.join(map(repr, FORMATS))})" in err  # the export registry's formats
    tree = ast.parse((ROOT / "src" / "smuggling_wg" / "cli.py").read_text(encoding="utf-8"))
    private = [
        f"{node.module}.{alias.name}"
        for node in ast.walk(tree)
        if isinstance(node, ast.ImportFrom)
        for alias in node.names
        if node.module and alias.name.startswith("_") and not alias.name.startswith("__")
    ]
    assert private == [], private  # no private name of a public module


def test_counts_and_cross_tabs_read_as_tables(ds: Dataset) -> None:
    text = repr(ds.participation())
    lines = text.splitlines()
    assert lines[0] == "<CrossTable>" and lines[1].split() == [
        "regional_group", "party", "signatory", "non_party", "organization", "permanent_observer",
    ]  # fmt: skip
    assert lines[2].split() == ["african", "10", "0", "1", "0", "0"] and "Cell(" not in text
    assert repr(ds.counts("theme")).splitlines()[1:] == ["theme        n", "crises       7", "technology  15"]
    with swg.display_language("en"):
        html = ds.counts("modality")._repr_html_()
    assert "<table" in html and ">should<" in html and ">14<" in html and ">may wish<" in html
    with swg.display_language("ru"):
        html = ds.participation()._repr_html_()
    assert "участники Протокола" in html and ">10<" in html
    assert ds.counts("theme")[0] == ("crises", 7)  # still a tuple of counts
