"""The SQLite export, checked by SQLite itself and served by a real Datasette on 127.0.0.1."""

from __future__ import annotations

import json
import socket
import sqlite3
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

import smuggling_wg as swg
from smuggling_wg import _sqlite, _tables
from smuggling_wg.export import export


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("sqlite")
    written = export(swg.load(), "sqlite", out)
    assert [p.name for p in written] == ["smuggling-wg.db", "metadata.json"]
    return out


@pytest.fixture
def db(folder: Path) -> Iterator[sqlite3.Connection]:
    connection = sqlite3.connect(f"file:{folder / 'smuggling-wg.db'}?mode=ro", uri=True)
    yield connection
    connection.close()


def test_keys_types_and_constraints(db: sqlite3.Connection) -> None:
    assert db.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    assert db.execute("PRAGMA foreign_key_check").fetchall() == []
    info = {row[1]: row for row in db.execute("PRAGMA table_info(recommendations)")}
    assert {name: row[2] for name, row in info.items()} == {
        "meeting": "INTEGER",
        "number": "INTEGER",
        "theme": "TEXT",
        "addressee": "TEXT",
        "addressee_kind": "TEXT",
        "modality": "TEXT",
        "specificity": "INTEGER",
        "specificity_rationale": "TEXT",
        "text_ru": "TEXT",
        "text_en": "TEXT",
        "source": "TEXT",
        "standing": "TEXT",
    }
    assert (info["meeting"][5], info["number"][5]) == (1, 2), "primary key (meeting, number)"
    keys = db.execute("PRAGMA foreign_key_list(participants)").fetchall()
    assert {(k[2], k[3], k[4]) for k in keys} == {("actors", "actor", "id"), ("meetings", "meeting", "number")}
    assert db.execute("SELECT start_date, source FROM meetings").fetchone() == ("2020-09-08", "[3, 18, 34]")
    assert db.execute("SELECT json_extract(source, '$[1]') FROM speakers WHERE \"order\" = 1").fetchone() == (21,)
    indexes = {row[1] for row in db.execute("PRAGMA index_list(recommendations)")}
    assert {"recommendations_theme", "recommendations_modality"} <= indexes


def test_constraints_refuse_bad_rows(folder: Path, tmp_path: Path) -> None:
    copy = tmp_path / "copy.db"
    copy.write_bytes((folder / "smuggling-wg.db").read_bytes())
    connection = sqlite3.connect(copy, isolation_level=None)
    try:
        connection.execute("PRAGMA foreign_keys = ON")
        with pytest.raises(sqlite3.IntegrityError, match="CHECK constraint failed"):
            connection.execute("UPDATE recommendations SET modality = 'must' WHERE number = 1")
        with pytest.raises(sqlite3.IntegrityError, match="FOREIGN KEY constraint failed"):
            connection.execute("UPDATE participants SET actor = 'XXX' WHERE actor = 'AUS'")
    finally:
        connection.close()


def test_full_text_search_in_both_languages(db: sqlite3.Connection) -> None:
    def search(table: str, query: str) -> list[int]:
        sql = f"SELECT number FROM {table} WHERE rowid IN (SELECT rowid FROM {table}_fts WHERE {table}_fts MATCH ?)"
        return sorted(n for (n,) in db.execute(sql, (query,)))

    found = search("recommendations", "доказательств*")
    assert 14 in found and 11 in found and found == [7, 11, 12, 14, 17]
    assert search("recommendations", "text_en:evidence") == [7, 11, 12, 14, 17]
    assert 6 in search("paragraphs", "Ледваба")
    tables = {name for (name,) in db.execute("SELECT name FROM sqlite_master WHERE sql LIKE '%USING fts5%'")}
    assert {"recommendations_fts", "paragraphs_fts", "themes_fts", "speakers_fts"} <= tables
    assert (
        "tokenize='unicode61 remove_diacritics 2'"
        in db.execute("SELECT sql FROM sqlite_master WHERE name = 'paragraphs_fts'").fetchone()[0]
    )


def test_datasette_metadata_comes_from_the_declarations(folder: Path) -> None:
    metadata = json.loads((folder / "metadata.json").read_text(encoding="utf-8"))
    assert metadata["license"].startswith("MIT") and "report-07.ru.txt" in metadata["source"]
    tables = metadata["databases"]["smuggling-wg"]["tables"]
    for spec in _tables.TABLES:
        assert tables[spec.name]["description"] == spec.description
        assert tables[spec.name]["columns"] == {c.name: f"{c.description} Origin: {c.origin}." for c in spec.columns}
        assert tables[spec.name]["column_origins"] == {c.name: c.origin for c in spec.columns}
        assert tables[spec.name].get("facets", []) == list(spec.filters)
    origins = tables["recommendations"]["column_origins"]
    assert (origins["text_ru"], origins["text_en"], origins["addressee_kind"], origins["specificity"]) == (
        "report", "editorial", "editorial", "editorial",
    )  # fmt: skip
    assert tables["participants"]["column_origins"]["name_at_meeting"] == "reference"
    assert tables["recommendations"]["fts_table"] == "recommendations_fts"
    assert tables["recommendations"]["searchable_columns"] == ["text_ru", "text_en"]
    assert _sqlite.searchable(_tables.table("paragraphs")) == ["text_ru", "text_en"]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


@pytest.fixture(scope="module")
def datasette(folder: Path) -> Iterator[str]:
    port = _free_port()
    command = [sys.executable, "-m", "datasette", "serve", "smuggling-wg.db", "-m", "metadata.json"]
    process = subprocess.Popen(
        [*command, "-h", "127.0.0.1", "-p", str(port)],
        cwd=folder,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                with urllib.request.urlopen(f"{base}/-/versions.json", timeout=2):
                    break
            except OSError:
                if process.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError(f"datasette did not start: {process.stderr.read()!r}") from None  # type: ignore[union-attr]
                time.sleep(0.2)
        yield base
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def _get(url: str) -> Any:
    with urllib.request.urlopen(url, timeout=30) as response:
        return json.loads(response.read())


def test_datasette_serves_filters_search_and_descriptions(datasette: str) -> None:
    rows = _get(f"{datasette}/smuggling-wg/recommendations.json?theme=technology&_shape=array")
    assert len(rows) == 15 and {r["theme"] for r in rows} == {"technology"}
    query = urllib.parse.quote("доказательств*")
    found = _get(f"{datasette}/smuggling-wg/recommendations.json?_search={query}&_searchmode=raw&_shape=array")
    assert 14 in {r["number"] for r in found}
    table = _get(f"{datasette}/smuggling-wg/recommendations.json?_facet=modality&_size=0")
    facets = {r["value"]: r["count"] for r in table["facet_results"]["modality"]["results"]}
    assert facets == {"should": 14, "encouraged": 7, "may_wish": 1}
    metadata = _get(f"{datasette}/-/metadata.json")
    columns = metadata["databases"]["smuggling-wg"]["tables"]["recommendations"]["columns"]
    assert columns["modality"] == _tables.table("recommendations").column("modality").description + " Origin: report."
    count = _get(f"{datasette}/smuggling-wg.json?sql=select+count(*)+as+n+from+participants&_shape=array")
    assert count == [{"n": 103}]


@pytest.mark.parametrize(
    ("table", "query", "expected"),
    [
        ("recommendations", "цифровые доказательства", {11, 12, 14}),  # the texts: «цифровых доказательств»
        ("paragraphs", "Италия", {6, 19, 21, 23, 27}),  # para 23: «Италии»
        ("recommendations", "prosecutions", {5, 10, 14, 21}),  # the texts: "prosecution"
        ("paragraphs", "Мексика", {23, 27}),  # para 23: «Мексики»
    ],
)
def test_datasettes_own_search_knows_both_languages_endings(
    datasette: str, table: str, query: str, expected: set[int]
) -> None:
    """Issue 25: Datasette's search box and ``_search=`` (its default, escaped mode) find other inflections."""
    quoted = urllib.parse.quote(query)
    found = _get(f"{datasette}/smuggling-wg/{table}.json?_search={quoted}&_shape=array&_size=max")
    assert {r["number"] for r in found} >= expected
    if table == "recommendations":
        assert {r["number"] for r in found} == expected
    page = urllib.request.urlopen(f"{datasette}/smuggling-wg/{table}?_search={quoted}", timeout=30).read().decode()
    assert 'name="_search"' in page  # the search box Datasette shows is the one that found them


def test_the_stems_table_answers_sql_without_full_text_search(db: sqlite3.Connection) -> None:
    """``<table>_fts_words``: the stems of each row, for SQL engines without FTS5 (the query docs/exports.md shows)."""
    from smuggling_wg.search import stems

    wanted = stems("цифровые доказательства")
    sql = (
        "SELECT number FROM recommendations JOIN recommendations_fts_words USING (meeting, number) "
        "WHERE ' ' || stems_ru || ' ' LIKE ? ORDER BY number"
    )
    found = [n for (n,) in db.execute(sql, (f"% {' '.join(wanted)} %",))]
    assert wanted == ("цифров", "доказательств") and found == [11, 12, 14]


def test_foreign_keys_to_columns_that_are_not_a_primary_key(tmp_path: Path) -> None:
    """A key to unique columns gets a unique index and is enforced; a key to repeating values is left out."""
    ds = swg.load()

    def column(name: str, kind: _tables.ColumnType) -> _tables.Column:
        return _tables.Column(name, kind, name, lambda at: None)

    child = _tables.Table(
        "child",
        "A table that refers to non-key columns.",
        (column("meeting", "integer"), column("position", "integer"), column("actor", "string")),
        (),
        lambda bundle: iter(()),
        (
            (("meeting", "position"), "participants", ("meeting", "position")),  # unique, not the key
            (("actor",), "statements", ("actor",)),  # repeats: the secretariat spoke more than once
        ),
    )
    enforced, loose = _sqlite.foreign_keys(ds, child)
    assert enforced == [child.foreign_keys[0]] and loose == [child.foreign_keys[1]]
    path = tmp_path / "child.db"
    with path.open("xb") as handle:
        _sqlite.build(ds, {"k": "v"}, handle, tables=(*_tables.TABLES, child))
    connection = sqlite3.connect(path)
    try:
        assert connection.execute("PRAGMA foreign_key_check").fetchall() == []
        keys = connection.execute("PRAGMA foreign_key_list(child)").fetchall()
        assert [(k[2], k[3], k[4]) for k in keys] == [
            ("participants", "meeting", "meeting"),
            ("participants", "position", "position"),
        ]
        indexes = {row[1]: row[2] for row in connection.execute("PRAGMA index_list(participants)")}
        assert indexes["participants_meeting_position_key"] == 1, "a unique index on the parent columns"
    finally:
        connection.close()
