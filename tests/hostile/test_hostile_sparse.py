"""Sparse but valid meetings (issue 24, item 6): each builds the site, each Akoma Ntoso file is valid, exports agree.

A meeting needs only its number, title, bodies, city, dates, format and source: no chapter,
paragraph, recommendation, participant, agenda or document. Every such meeting must give a
whole site, Akoma Ntoso files that pass the official XSD, and CSV that says what JSON,
SQLite and Parquet say.
"""

from __future__ import annotations

import csv
import json
import sqlite3
import tempfile
from pathlib import Path
from typing import Any

import pyarrow.parquet as pq
import yaml
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

import smuggling_wg as swg
from profiles import scaled
from smuggling_wg import _akn, _tables
from smuggling_wg.export import export, site

NO_SHRINK = (Phase.explicit, Phase.reuse, Phase.generate)  # each example builds a site: shrinking would take minutes
_words = st.sampled_from(["Текст", "=1+1", "@SUM(1)", "-минус", "+плюс", "Вена", "пункт"])
_text = st.lists(_words, min_size=1, max_size=3).map(" ".join)


@st.composite
def sparse_meetings(draw: st.DrawFn) -> dict[str, Any]:
    """A valid meeting 98 with each optional part absent or minimal."""
    meeting: dict[str, Any] = {
        "number": 98,
        "title": {"ru": draw(_text)},
        "body": {"ru": "Рабочая группа"},
        "parent_body": {"ru": "Конференция"},
        "city": {"ru": "Вена"},
        "start_date": "2099-06-01",
        "end_date": "2099-06-01",
        "format": draw(st.sampled_from(["in_person", "online", "hybrid"])),
        "meetings_held": draw(st.integers(0, 2)),
        "source": [1],
    }
    if draw(st.booleans()):  # a chapter, perhaps with a section, paragraphs and recommendations
        with_section = draw(st.booleans())
        meeting["chapters"] = [
            {
                "number": "I",
                "title": {"ru": draw(_text)},
                "sections": [{"letter": "A", "title": {"ru": draw(_text)}}] if with_section else [],
            }
        ]
        n_paragraphs = draw(st.integers(0, 2))
        meeting["paragraphs"] = [
            {
                "number": i + 1,
                "chapter": "I",
                "section": "A" if with_section and i == 0 else None,
                "text": {"ru": draw(_text)},
            }
            for i in range(n_paragraphs)
        ]
        if with_section and draw(st.booleans()):
            meeting["themes"] = [
                {"id": "t", "chapter": "I", "section": "A", "label": "T", "title": {"ru": draw(_text)}, "source": [1]}
            ]
            meeting["recommendations"] = [
                {
                    "number": 1,
                    "theme": "t",
                    "addressee": "Государствам",
                    "modality": "should",
                    "text": {"ru": draw(_text)},
                    "source": [1],
                }
            ][: draw(st.integers(0, 1))]
    if draw(st.booleans()):
        meeting["participants"] = [{"actor": "ITA", "status": "party", "as_written": "Италия", "source": [1]}]
    if draw(st.booleans()):
        meeting["agenda"] = [{"number": 1, "title": {"ru": draw(_text)}, "source": [1]}]
    if draw(st.booleans()):
        url = draw(st.sampled_from(["", "https://www.unodc.org/x.pdf", "docs/x.pdf"]))
        meeting["documents"] = [{"symbol": "X/1", "title": {"ru": draw(_text)}, "url": url, "source": [1]}]
    if draw(st.booleans()):
        meeting["statements"] = [{"actor": "ITA", "kind": "party", "as_written": "Италия", "source": [1]}]
    return meeting


def _csv_rows(path: Path) -> tuple[list[str], list[list[str]]]:
    with path.open(encoding="utf-8", newline="") as handle:
        header, *rows = list(csv.reader(handle))
    return header, rows


def _exports_agree_with_csv(ds: swg.Dataset, out: Path) -> None:
    """Every table: CSV holds what JSON, SQLite and Parquet hold, cell by cell (CSV's cells as text_cell makes them)."""
    for fmt in ("csv", "json", "sqlite", "parquet"):
        export(ds, fmt, out / fmt)
    document = json.loads((out / "json" / "smuggling-wg.json").read_text(encoding="utf-8"))
    assert [m["number"] for m in document["data"]["meetings"]] == [m.number for m in ds.meetings]
    connection = sqlite3.connect(out / "sqlite" / "smuggling-wg.db")
    try:
        for spec in _tables.TABLES:
            header, rows = _csv_rows(out / "csv" / f"{spec.name}.csv")
            expected = [[_tables.text_cell(v) for v in row] for row in _tables.rows(ds.bundle, spec.name)]
            assert header == [c.name for c in spec.columns] and rows == expected, spec.name
            stored = connection.execute(f'SELECT * FROM "{spec.name}"').fetchall()
            parquet = pq.read_table(out / "parquet" / f"{spec.name}.parquet").to_pylist()
            assert len(stored) == len(parquet) == len(rows), spec.name
            for i, column in enumerate(spec.columns):
                if column.type == "string" and not column.many:
                    texts = [row[i] for row in stored]
                    assert [_tables.text_cell(t) for t in texts] == [r[i] for r in rows], (spec.name, column.name)
                    assert [r[column.name] for r in parquet] == texts, (spec.name, column.name)
    finally:
        connection.close()


@settings(max_examples=scaled(3), deadline=None, suppress_health_check=list(HealthCheck), phases=NO_SHRINK)
@given(sparse_meetings())
def test_every_sparse_meeting_builds_the_site_valid_akn_and_agreeing_exports(meeting: dict[str, Any]) -> None:
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        data = root / "m.yaml"
        data.write_text(yaml.safe_dump({"meetings": [meeting]}, allow_unicode=True), encoding="utf-8")
        assert swg.validate(data) == ()
        ds = swg.load(extra=[data])
        written = site(ds, root / "site", meeting=98)
        assert (root / "site" / "ru" / "index.html") in written and (root / "site" / "en" / "cite.html") in written
        for path in export(ds, "akn", root / "akn"):
            assert _akn.validate(path) == [], path.name
        _exports_agree_with_csv(ds, root)


def test_the_bare_meeting_of_the_issue(tmp_path: Path) -> None:
    """No participants, no recommendations, no text: the chart divided by no total, the empty mainBody."""
    data = tmp_path / "m.yaml"
    meeting = {
        "number": 98,
        "title": {"ru": "Совещание"},
        "body": {"ru": "Группа"},
        "parent_body": {"ru": "Конференция"},
        "city": {"ru": "Вена"},
        "start_date": "2099-06-01",
        "end_date": "2099-06-01",
        "format": "online",
        "meetings_held": 0,
        "source": [1],
    }
    data.write_text(yaml.safe_dump({"meetings": [meeting]}, allow_unicode=True), encoding="utf-8")
    ds = swg.load(extra=[data])
    site(ds, tmp_path / "site", meeting=98)
    page = (tmp_path / "site" / "en" / "index.html").read_text(encoding="utf-8")
    assert "Совещание" in page  # the meeting's page, though it has no participant to count
    for path in export(ds, "akn", tmp_path / "akn"):
        assert _akn.validate(path) == [], path.name
    ru = (tmp_path / "akn" / "report-98.ru.akn.xml").read_text(encoding="utf-8")
    assert "В данных нет текста доклада." in ru and 'swg:editorial="true"' in ru
