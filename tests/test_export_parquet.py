"""The Parquet export read back by DuckDB; CSV, SQLite and Parquet agree on tables, columns and rows."""

from __future__ import annotations

import csv
import sqlite3
from pathlib import Path

import duckdb
import pyarrow.parquet as pq
import pytest

import smuggling_wg as swg
from smuggling_wg import _tables
from smuggling_wg.export import export


@pytest.fixture(scope="module")
def exports(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("exports")
    ds = swg.load()
    for fmt in ("csv", "sqlite", "parquet"):
        export(ds, fmt, out / fmt)
    return out


def test_duckdb_reads_every_file_with_its_types(exports: Path) -> None:
    con = duckdb.connect()
    for spec in _tables.TABLES:
        path = exports / "parquet" / f"{spec.name}.parquet"
        count = con.execute(f"SELECT count(*) FROM '{path}'").fetchone()
        assert count == (len(_tables.rows(swg.load().bundle, spec.name)),), spec.name
    path = exports / "parquet" / "recommendations.parquet"
    types = {name: kind for name, kind, *_ in con.execute(f"DESCRIBE SELECT * FROM '{path}'").fetchall()}
    assert types["number"] == "BIGINT" and types["source"] == "BIGINT[]" and types["text_ru"] == "VARCHAR"
    assert types["modality"] == "VARCHAR", "dictionary-encoded strings read as strings"
    path = exports / "parquet" / "meetings.parquet"
    types = {name: kind for name, kind, *_ in con.execute(f"DESCRIBE SELECT * FROM '{path}'").fetchall()}
    assert types["start_date"] == "DATE" and types["adopted_on"] == "DATE"
    assert con.execute(f"SELECT start_date, source FROM '{path}'").fetchone() == (
        swg.load().meeting(7).start_date,
        [3, 18, 34],
    )


def test_a_join_in_duckdb(exports: Path) -> None:
    folder = exports / "parquet"
    relation = duckdb.sql(
        f"""
        SELECT DISTINCT s.actor FROM '{folder}/statements.parquet' s
        JOIN '{folder}/actors.parquet' a ON a.id = s.actor
        WHERE a.kind = 'state' AND s.kind IN ('party', 'observer_state')
        ORDER BY s.actor
        """
    )
    assert relation is not None
    found = relation.fetchall()
    assert len(found) == 12
    expected = {s.id for s in swg.load().states_with_statements()}
    assert {actor for (actor,) in found} == expected


def test_arrow_schema_metadata_and_enums(exports: Path) -> None:
    table = pq.read_table(exports / "parquet" / "recommendations.parquet")
    field = table.schema.field("modality")
    assert str(field.type) == "dictionary<values=string, indices=int32, ordered=0>"
    assert table.column("modality").chunk(0).dictionary.to_pylist() == ["should", "encouraged", "may_wish"]
    spec = _tables.table("recommendations")
    assert field.metadata[b"description"].decode() == spec.column("modality").description
    assert not table.schema.field("number").nullable and table.schema.field("text_en").nullable
    meta = {k.decode(): v.decode() for k, v in table.schema.metadata.items()}
    assert meta["data_version"] == swg.DATA_VERSION and meta["smuggling_wg_version"] == swg.__version__
    assert meta["primary_key"] == '["meeting", "number"]'


def test_csv_sqlite_and_parquet_agree(exports: Path) -> None:
    """The same tables, the same columns in the same order, the same row counts, in all three formats."""
    csv_tables = {}
    for path in sorted((exports / "csv").glob("*.csv")):
        with path.open(encoding="utf-8", newline="") as handle:
            header, *body = list(csv.reader(handle))
        csv_tables[path.stem] = (header, len(body))
    parquet_tables = {}
    for path in sorted((exports / "parquet").glob("*.parquet")):
        meta = pq.read_metadata(path)
        parquet_tables[path.stem] = (meta.schema.to_arrow_schema().names, meta.num_rows)
    connection = sqlite3.connect(exports / "sqlite" / "smuggling-wg.db")
    try:
        names = [
            name
            for (name,) in connection.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE '%_fts%' AND name != 'about'"
            )
        ]
        sqlite_tables = {
            name: (
                [row[1] for row in connection.execute(f'PRAGMA table_info("{name}")')],
                connection.execute(f'SELECT count(*) FROM "{name}"').fetchone()[0],
            )
            for name in names
        }
    finally:
        connection.close()
    assert set(csv_tables) == {t.name for t in _tables.TABLES}
    assert csv_tables == parquet_tables == sqlite_tables
    assert csv_tables["recommendations"][1] == 22 and csv_tables["participants"][1] == 103
