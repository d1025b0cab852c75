"""The SQLite export: one database built from the table declarations, and its Datasette metadata.

Tables and columns are exactly those of the CSV export (:mod:`smuggling_wg._tables`), with
their primary and foreign keys, ``NOT NULL`` for required columns, ``CHECK`` constraints for
enumerations, and an index on each column people filter on. Types: ``integer`` is
``INTEGER``, ``string`` is ``TEXT``, a ``date`` is ``TEXT`` in ISO 8601 (``2020-09-08``), a
``boolean`` is ``INTEGER`` 0 or 1, and a list column is ``TEXT`` holding a JSON array
(``[6, 21]``; query it with ``json_each``). Every text of the report (columns ``*_ru`` and
``*_en``) is full-text indexed in a table ``<table>_fts`` (FTS5, ``unicode61
remove_diacritics 2``, contentless, keyed by ``rowid``) with every inflected form of the texts'
Snowball stems, so that searches know both languages' endings; ``<table>_fts_words`` holds
each row's stems. A table ``about`` holds the
versions and the citation. The database is built in one transaction with the standard
library's :mod:`sqlite3`, in memory; the export writes it to a temporary file and renames that
into place.
"""

from __future__ import annotations

import datetime as dt
import errno
import json
from pathlib import Path
from typing import Any, BinaryIO

from . import _tables
from ._write import Producer, bytes_producer
from .dataset import Dataset

DATABASE = "smuggling-wg.db"
METADATA = "metadata.json"
_SQL_TYPES = {"integer": "INTEGER", "string": "TEXT", "date": "TEXT", "boolean": "INTEGER"}
_TOKENIZE = "unicode61 remove_diacritics 2"


def _quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _literal(value: Any) -> str:
    return str(int(value)) if isinstance(value, int) else "'" + str(value).replace("'", "''") + "'"


def _value(value: Any) -> Any:
    """A Python value as SQLite stores it: ISO dates, 0/1, JSON arrays for lists."""
    if isinstance(value, tuple | list):
        return json.dumps([_value(v) for v in value], ensure_ascii=False)
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def searchable(spec: _tables.Table) -> list[str]:
    """The columns of ``spec`` that are full-text indexed: the report's texts, in both languages."""
    return [c.name for c in spec.columns if c.lang and not c.many]


def _column(spec: _tables.Table, c: _tables.Column) -> str:
    sql = f"{_quote(c.name)} {'TEXT' if c.many else _SQL_TYPES[c.type]}"
    if c.required or c.name in spec.primary_key:
        sql += " NOT NULL"
    if c.enum and not c.many:
        sql += f" CHECK ({_quote(c.name)} IN ({', '.join(map(_literal, c.enum))}))"
    elif c.type == "boolean" and not c.many:
        sql += f" CHECK ({_quote(c.name)} IN (0, 1))"
    return sql


ForeignKey = tuple[tuple[str, ...], str, tuple[str, ...]]


def foreign_keys(ds: Dataset, spec: _tables.Table) -> tuple[list[ForeignKey], list[ForeignKey]]:
    """``spec``'s foreign keys SQLite can enforce, and those it cannot (their parent's values repeat).

    SQLite needs the parent columns to be unique: its primary key, or columns whose values
    are unique in the data (they get a unique index). A key to columns that repeat is left
    out of the schema and named in Datasette's description of the table.
    """
    enforced, loose = [], []
    for local, target, remote in spec.foreign_keys:
        parent = _tables.table(target)
        if set(remote) != set(parent.primary_key):
            values = _tables.column_values(ds.bundle, target)
            keys = list(zip(*(values[c] for c in remote), strict=True))
            if len(set(keys)) != len(keys):
                loose.append((local, target, remote))
                continue
        enforced.append((local, target, remote))
    return enforced, loose


def _create(spec: _tables.Table, enforced: list[ForeignKey]) -> tuple[list[str], list[str]]:
    """The statements that create ``spec``'s table and its indexes; the unique indexes its foreign keys need."""
    parts = [_column(spec, c) for c in spec.columns]
    if spec.primary_key:
        parts.append(f"PRIMARY KEY ({', '.join(map(_quote, spec.primary_key))})")
    unique = []
    for local, target, remote in enforced:
        if set(remote) != set(_tables.table(target).primary_key):  # SQLite needs a unique parent key: make one
            key, columns = "_".join((target, *remote, "key")), ", ".join(map(_quote, remote))
            unique.append(f"CREATE UNIQUE INDEX IF NOT EXISTS {_quote(key)} ON {_quote(target)} ({columns})")
        parts.append(
            f"FOREIGN KEY ({', '.join(map(_quote, local))}) "
            f"REFERENCES {_quote(target)} ({', '.join(map(_quote, remote))})"
        )
    statements = [f"CREATE TABLE {_quote(spec.name)} (\n  " + ",\n  ".join(parts) + "\n)"]
    statements += [
        f"CREATE INDEX {_quote(f'{spec.name}_{name}')} ON {_quote(spec.name)} ({_quote(name)})" for name in spec.filters
    ]
    return statements, unique


def _full_text(connection: Any, spec: _tables.Table) -> None:
    """Index ``spec``'s texts and the inflected forms of their stems (``<table>_fts``), and the stems (``_fts_words``).

    ``<table>_fts`` (FTS5, contentless) indexes each row's texts and, in a column ``forms``,
    every inflected form of their Snowball stems (the endings after which the stemmer gives
    the stem back), so an ordinary FTS5 query, Datasette's search box included, finds
    «Италия» in «Италии», «цифровые доказательства» in «цифровых доказательств» and
    "prosecutions" where the text says "prosecution". ``<table>_fts_words`` holds each row's
    stems (``stems_ru``, ``stems_en``, space-separated, in text order) beside the table's
    primary key, for SQL without FTS5: stem the query with the same stemmer and look them up.
    """
    from ._endings import word_forms
    from .search import stems

    columns = searchable(spec)
    if not columns:
        return
    fts, words, listed = _quote(f"{spec.name}_fts"), _quote(f"{spec.name}_fts_words"), ", ".join(map(_quote, columns))
    key = [c for c in spec.columns if c.name in spec.primary_key]
    keys = ", ".join(_quote(c.name) for c in key)
    connection.execute(f"CREATE VIRTUAL TABLE {fts} USING fts5({listed}, forms, content='', tokenize='{_TOKENIZE}')")
    connection.execute(
        f"CREATE TABLE {words} ({', '.join(_column(spec, c) for c in key)}, stems_ru TEXT NOT NULL, "
        f"stems_en TEXT NOT NULL, PRIMARY KEY ({keys}), FOREIGN KEY ({keys}) REFERENCES {_quote(spec.name)} ({keys}))"
    )
    indexed, stemmed = [], []
    rows = connection.execute(f"SELECT rowid, {keys}, {listed} FROM {_quote(spec.name)}").fetchall()
    for rowid, *values in rows:
        primary, texts = values[: len(key)], values[len(key) :]
        by_lang: dict[str, list[str]] = {"ru": [], "en": []}
        for column, text in zip(columns, texts, strict=True):
            by_lang["ru" if column.endswith("_ru") else "en"] += stems(text or "")
        indexed.append((rowid, *texts, " ".join(word_forms([*by_lang["ru"], *by_lang["en"]]))))
        stemmed.append((*primary, " ".join(by_lang["ru"]), " ".join(by_lang["en"])))
    marks = ", ".join("?" * (len(columns) + 2))
    connection.executemany(f"INSERT INTO {fts} (rowid, {listed}, forms) VALUES ({marks})", indexed)
    connection.executemany(f"INSERT INTO {words} VALUES ({', '.join('?' * (len(key) + 2))})", stemmed)


def build(
    ds: Dataset, about: dict[str, str], handle: BinaryIO, tables: tuple[_tables.Table, ...] = _tables.TABLES
) -> None:
    """Build the database in memory in one transaction, then write it into ``handle`` (a new, empty file)."""
    import sqlite3

    connection = sqlite3.connect(":memory:", isolation_level=None)
    try:
        connection.execute("BEGIN")
        unique: list[str] = []
        for spec in tables:
            statements, needed = _create(spec, foreign_keys(ds, spec)[0])
            unique += needed
            for statement in statements:
                connection.execute(statement)
        for statement in dict.fromkeys(unique):
            connection.execute(statement)
        for spec in tables:
            marks = ", ".join("?" * len(spec.columns))
            connection.executemany(
                f"INSERT INTO {_quote(spec.name)} VALUES ({marks})",
                ([_value(v) for v in row] for row in _tables.rows(ds.bundle, spec)),
            )
        for spec in tables:
            _full_text(connection, spec)
        connection.execute("CREATE TABLE about (key TEXT PRIMARY KEY, value TEXT NOT NULL)")
        connection.executemany("INSERT INTO about VALUES (?, ?)", sorted(about.items()))
        broken = connection.execute("PRAGMA foreign_key_check").fetchall()
        if broken:
            raise sqlite3.IntegrityError(f"foreign keys that do not join: {broken[:5]}")
        connection.execute("COMMIT")
        if hasattr(connection, "serialize"):  # Python 3.11+: the bytes, written with the real OS errors
            bytes_producer(connection.serialize())(handle)
        else:  # pragma: no cover - Python 3.10: through a file of the system's temporary folder
            import shutil
            import tempfile

            with tempfile.TemporaryDirectory() as folder:
                target = sqlite3.connect(Path(folder) / "database")
                try:
                    connection.backup(target)
                finally:
                    target.close()
                with open(Path(folder) / "database", "rb") as built:
                    shutil.copyfileobj(built, handle)
    except sqlite3.Error as exc:
        raise OSError(errno.EIO, f"SQLite: {exc}") from None
    finally:
        connection.close()


def metadata(ds: Dataset, about: dict[str, str], title: str) -> dict[str, Any]:
    """Datasette's ``metadata.json``: title, licence, source, every table and column described, facets, search."""
    tables: dict[str, Any] = {}
    for spec in _tables.TABLES:
        loose = "".join(
            f" {', '.join(local)} refers to {target} ({', '.join(remote)}), not enforced: those values repeat."
            for local, target, remote in foreign_keys(ds, spec)[1]
        )
        entry: dict[str, Any] = {
            "description": spec.description + loose,
            "columns": {c.name: f"{c.description} Origin: {c.origin}." for c in spec.columns},
            "column_origins": {c.name: c.origin for c in spec.columns},
        }
        if spec.filters:
            entry["facets"] = list(spec.filters)
        columns = searchable(spec)
        if columns:
            entry.update(fts_table=f"{spec.name}_fts", fts_pk="rowid", searchable_columns=columns)
        tables[spec.name] = entry
    tables["about"] = {
        "description": "The library version, the data version, the citation and the source.",
        "columns": {"key": "What the value is.", "value": "The value."},
    }
    return {
        "title": title,
        "description": about["citation"],
        "license": "MIT (code and editorial data); the report is a United Nations document",
        "license_url": "https://opensource.org/licenses/MIT",
        "source": about["source"],
        "databases": {Path(DATABASE).stem: {"title": title, "source": about["source"], "tables": tables}},
    }


def files(ds: Dataset, about: dict[str, str], title: str) -> list[tuple[str, Producer]]:
    """The database and Datasette's metadata, each with the function that writes it."""
    content = json.dumps(metadata(ds, about, title), ensure_ascii=False, indent=1) + "\n"
    return [
        (DATABASE, lambda handle: build(ds, about, handle)),
        (METADATA, bytes_producer(content.encode("utf-8"))),
    ]
