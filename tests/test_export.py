"""Exports checked by the real validators: jsonschema for JSON, frictionless for the Data Package."""

from __future__ import annotations

import csv
import json
import re
from pathlib import Path

import frictionless
import jsonschema
import pytest

import smuggling_wg as swg
from smuggling_wg import _tables
from smuggling_wg.dataset import Dataset
from smuggling_wg.export import FORMATS, about, export, json_document, json_schema


@pytest.fixture(scope="module")
def package(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("datapackage")
    export(swg.load(), "datapackage", folder)
    return folder


def _read(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def test_json_export_validates_against_its_schema(ds: Dataset, tmp_path: Path) -> None:
    written = export(ds, "json", tmp_path)
    assert [p.name for p in written] == ["smuggling-wg.json", "smuggling-wg.schema.json"]
    document = json.loads(written[0].read_text(encoding="utf-8"))
    schema = json.loads(written[1].read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    jsonschema.validate(document, schema)
    assert document["about"]["data_version"] == swg.DATA_VERSION
    assert document["about"]["smuggling_wg_version"] == swg.__version__
    assert swg.Bundle.model_validate(document["data"]) == ds.bundle, "nothing lost in the round trip"


def test_schema_rejects_a_broken_document(ds: Dataset) -> None:
    document = json_document(ds)
    document["data"]["meetings"][0]["recommendations"][0]["modality"] = "must"
    with pytest.raises(jsonschema.ValidationError, match="'must' is not one of"):
        jsonschema.validate(document, json_schema())


def test_every_model_has_a_valid_schema(tmp_path: Path) -> None:
    written = export(swg.load(), "schema", tmp_path)
    names = {p.name for p in written}
    assert {"Recommendation.schema.json", "Meeting.schema.json", "State.schema.json", "Text.schema.json"} <= names
    for path in written:
        jsonschema.Draft202012Validator.check_schema(json.loads(path.read_text(encoding="utf-8")))


def test_data_package_passes_frictionless(package: Path) -> None:
    report = frictionless.validate(package / "datapackage.json")
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])[:10]
    descriptor = json.loads((package / "datapackage.json").read_text(encoding="utf-8"))
    assert descriptor["smuggling_wg"] == about()
    resources = {r["name"]: r for r in descriptor["resources"]}
    assert resources["participants"]["schema"]["foreignKeys"][0] == {
        "fields": ["actor"],
        "reference": {"resource": "actors", "fields": ["id"]},
    }


def test_frictionless_catches_a_broken_foreign_key(package: Path, tmp_path: Path) -> None:
    for path in package.iterdir():
        (tmp_path / path.name).write_bytes(path.read_bytes())
    participants = (tmp_path / "participants.csv").read_text(encoding="utf-8")
    (tmp_path / "participants.csv").write_text(participants.replace(",AUS,", ",XXX,", 1), encoding="utf-8")
    report = frictionless.validate(tmp_path / "datapackage.json")
    assert not report.valid
    assert "foreign-key" in {e.type for task in report.tasks for e in task.errors}


def test_tidy_csv(package: Path) -> None:
    recommendations = _read(package / "recommendations.csv")
    assert len(recommendations) == 22
    assert list(recommendations[0]) == [c.name for c in _tables.table("recommendations").columns]
    assert recommendations[7]["text_ru"].startswith("Государствам-участникам рекомендуется рассмотреть")
    topics = _read(package / "recommendation_topics.csv")
    assert len(topics) == 73 and {t["recommendation"] for t in topics} == {str(n) for n in range(1, 23)}
    actors = {a["id"] for a in _read(package / "actors.csv")}
    participants = _read(package / "participants.csv")
    assert len(participants) == 103 and {p["actor"] for p in participants} <= actors
    states = {s["id"]: s for s in _read(package / "states.csv")}
    assert states["ITA"]["m49"] == "380" and states["NOR"]["alpha2"] == "NO"
    assert [r["agenda_item"] for r in _read(package / "statement_agenda_items.csv")][:2] == ["2", "3"]


def test_csv_export_carries_versions_and_citation(ds: Dataset, tmp_path: Path) -> None:
    written = export(ds, "csv", tmp_path)
    info = json.loads((tmp_path / "about.json").read_text(encoding="utf-8"))
    assert info["data_version"] == swg.DATA_VERSION and "smuggling_wg" in info["citation"]
    assert len(written) == len(_tables.TABLES) + 1


def test_exports_are_deterministic(ds: Dataset, tmp_path: Path) -> None:
    for fmt in FORMATS:
        first = {p.name: p.read_bytes() for p in export(ds, fmt, tmp_path / "a" / fmt)}
        second = {p.name: p.read_bytes() for p in export(ds, fmt, tmp_path / "b" / fmt)}
        assert first == second, fmt


def test_unknown_format(ds: Dataset, tmp_path: Path) -> None:
    with pytest.raises(
        swg.InvalidFilter,
        match=r"unknown export format 'xml'\. Did you mean 'yaml'\? Valid: json, yaml, csv, datapackage",
    ):
        export(ds, "xml", tmp_path)  # type: ignore[arg-type]


def test_dataframes_have_proper_dtypes(ds: Dataset) -> None:
    recs = ds.to_dataframe("recommendations")
    assert str(recs["theme"].dtype) == "category" and list(recs["theme"].cat.categories) == ["crises", "technology"]
    assert list(recs["modality"].cat.categories) == ["should", "encouraged", "may_wish"]
    assert str(recs["number"].dtype) == "Int64" and recs["number"].tolist() == list(range(1, 23))
    meetings = ds.to_dataframe("meetings")
    assert str(meetings["start_date"].dtype).startswith("datetime64")
    assert meetings["start_date"][0].date().isoformat() == "2020-09-08"
    with pytest.raises(swg.InvalidFilter, match="Did you mean 'recommendations'"):
        ds.to_dataframe("recomendations")  # type: ignore[arg-type]


def test_yaml_export_is_a_data_file_that_reads_back(ds: Dataset, tmp_path: Path) -> None:
    from smuggling_wg import _loader

    (path,) = export(ds, "yaml", tmp_path)
    text = path.read_text(encoding="utf-8")
    assert text.startswith("# smuggling_wg_version: ") and "&id" not in text
    assert _loader.read_yaml([path]) == ds.bundle


_CYRILLIC = re.compile(r"[А-Яа-яЁё]")
_LATIN = re.compile(r"[A-Za-z]")


@pytest.mark.parametrize("spec", _tables.TABLES, ids=lambda t: t.name)
def test_language_columns_hold_their_language(ds: Dataset, spec: _tables.Table) -> None:
    """Every *_ru cell holds Russian and every *_en cell English: two languages cannot be swapped unseen."""
    found = _tables.rows(ds.bundle, spec.name)
    checked = 0
    for i, column in enumerate(spec.columns):
        if not column.name.endswith(("_ru", "_en")):
            continue
        for row in found:
            value = row[i]
            if not value:
                continue
            checked += 1
            if column.name.endswith("_ru"):
                assert _CYRILLIC.search(value), (spec.name, column.name, value)
            else:
                assert _LATIN.search(value) and not _CYRILLIC.search(value), (spec.name, column.name, value)
    languages = [c for c in spec.columns if c.name.endswith(("_ru", "_en"))]
    assert checked or not languages or not found, f"{spec.name}: no language cell checked"


def test_every_column_is_described_once(ds: Dataset) -> None:
    for spec in _tables.TABLES:
        names = [c.name for c in spec.columns]
        assert len(names) == len(set(names)), spec.name
        assert all(c.description for c in spec.columns), spec.name
        assert set(spec.primary_key) <= set(names) and set(spec.filters) <= set(names), spec.name
        for local, target, remote in spec.foreign_keys:
            assert set(local) <= set(names), spec.name
            assert set(remote) <= {c.name for c in _tables.table(target).columns}, spec.name
