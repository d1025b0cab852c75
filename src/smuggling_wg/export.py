"""Exports in open formats: JSON with its JSON Schema, tidy CSV, a Frictionless Data Package.

``export(ds, "json" | "csv" | "datapackage" | "schema", out_dir)`` writes files and returns
their paths; ``site(ds, out_dir)`` writes the web edition (needs the ``[site]`` extra).
Every export carries the library version, the data version and a citation:
in the JSON document's ``about``, in ``about.json`` beside the CSV files, in the Data
Package descriptor. Output is deterministic (no timestamps), so exports can be diffed.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
from collections.abc import Iterable
from importlib.metadata import version
from pathlib import Path
from typing import Any, Literal, get_args

from pydantic import BaseModel, Field

from . import DATA_VERSION, _tables, models
from .dataset import Dataset

__all__ = ["FORMATS", "about", "citation", "export", "json_document", "json_schema", "site"]

Format = Literal["json", "yaml", "csv", "datapackage", "schema"]
FORMATS: tuple[Format, ...] = get_args(Format)
_TITLE = (
    "Report of the meeting of the Working Group on the Smuggling of Migrants held in Vienna on 8 and 9 September 2020"
)


def citation() -> str:
    """How to cite the data (the library version and the data version included)."""
    return (
        f"smuggling_wg {version('smuggling-wg')} (data {DATA_VERSION}): {_TITLE} "
        "(United Nations, Conference of the Parties to the United Nations Convention against Transnational "
        "Organized Crime; Russian text) as structured data. Editorial English and labels are marked as such."
    )


def about() -> dict[str, str]:
    """What every export carries: versions, citation, source."""
    return {
        "smuggling_wg_version": version("smuggling-wg"),
        "data_version": DATA_VERSION,
        "citation": citation(),
        "source": f"{_TITLE} (Russian text, shipped as report-07.ru.txt)",
    }


class ExportDocument(models.Record):
    """The JSON export: what it is, and all the data."""

    about: dict[str, str] = Field(description="Library version, data version, citation and source.")
    data: models.Bundle = Field(description="The whole dataset.")


def json_document(ds: Dataset) -> dict[str, Any]:
    """The whole dataset as one JSON-ready document."""
    return ExportDocument(about=about(), data=ds.bundle).model_dump(mode="json")


def json_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of the JSON export."""
    schema = ExportDocument.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    return schema


def _model_classes() -> Iterable[type[BaseModel]]:
    return (
        cls
        for cls in vars(models).values()
        if isinstance(cls, type) and issubclass(cls, models.Record) and cls is not models.Record
    )


def _write_json(path: Path, content: Any) -> Path:
    path.write_text(json.dumps(content, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return path


#: How a CSV cell joins the values of a list column (a column declared ``many``).
LIST_SEPARATOR = ";"


def _cell(value: Any) -> str:
    """One CSV cell: empty for None, ISO dates, true/false, lists joined by :data:`LIST_SEPARATOR`."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, tuple | list):
        return LIST_SEPARATOR.join(map(_cell, value))
    return str(value)


def _write_csv(ds: Dataset, out: Path) -> list[Path]:
    written = []
    for spec in _tables.TABLES:
        path = out / f"{spec.name}.csv"
        with path.open("w", encoding="utf-8", newline="") as handle:
            writer = csv.writer(handle, lineterminator="\n")
            writer.writerow(c.name for c in spec.columns)
            writer.writerows([_cell(v) for v in row] for row in _tables.rows(ds.bundle, spec.name))
        written.append(path)
    return written


def _table_schema(spec: _tables.Table) -> dict[str, Any]:
    fields = []
    for c in spec.columns:
        if c.many:  # a list in one cell: a string of values joined by the separator
            field: dict[str, Any] = {
                "name": c.name,
                "type": "string",
                "description": f"{c.description} ({c.type} values separated by '{LIST_SEPARATOR}'.)",
            }
        else:
            field = {"name": c.name, "type": c.type, "description": c.description}
        constraints: dict[str, Any] = {}
        if c.required or c.name in spec.primary_key:
            constraints["required"] = True
        if c.enum and not c.many:
            constraints["enum"] = [str(v) for v in c.enum] if c.type == "string" else list(c.enum)
        if constraints:
            field["constraints"] = constraints
        fields.append(field)
    schema: dict[str, Any] = {"fields": fields, "missingValues": [""]}
    if spec.primary_key:
        schema["primaryKey"] = list(spec.primary_key)
    if spec.foreign_keys:
        schema["foreignKeys"] = [
            {"fields": list(local), "reference": {"resource": resource, "fields": list(remote)}}
            for local, resource, remote in spec.foreign_keys
        ]
    return schema


def _descriptor() -> dict[str, Any]:
    info = about()
    return {
        "profile": "tabular-data-package",
        "name": "smuggling-wg",
        "title": f"{_TITLE}, as data",
        "version": DATA_VERSION,
        "description": info["citation"],
        "sources": [{"title": info["source"]}],
        "licenses": [{"name": "MIT", "path": "https://opensource.org/licenses/MIT", "title": "MIT License (code)"}],
        "smuggling_wg": info,
        "resources": [
            {
                "name": spec.name,
                "path": f"{spec.name}.csv",
                "profile": "tabular-data-resource",
                "format": "csv",
                "mediatype": "text/csv",
                "encoding": "utf-8",
                "description": spec.description,
                "schema": _table_schema(spec),
            }
            for spec in _tables.TABLES
        ],
    }


def export(ds: Dataset, fmt: Format, out: Path | str) -> list[Path]:
    """Write the dataset to folder ``out`` (created if needed) in format ``fmt``; return the files written.

    ``json``: ``smuggling-wg.json`` and its schema ``smuggling-wg.schema.json``; ``yaml``: the
    whole dataset as one data file (``smuggling-wg.yaml``), the starting point for corrections;
    ``csv``: one CSV per table and ``about.json``; ``datapackage``: the CSVs and
    ``datapackage.json``; ``schema``: the JSON Schema of every model, one file each.
    """
    if fmt not in FORMATS:
        raise ValueError(f"unknown export format {fmt!r}; choose one of: {', '.join(FORMATS)}")
    folder = Path(out)
    folder.mkdir(parents=True, exist_ok=True)
    if fmt == "json":
        return [
            _write_json(folder / "smuggling-wg.json", json_document(ds)),
            _write_json(folder / "smuggling-wg.schema.json", json_schema()),
        ]
    if fmt == "yaml":
        from ._loader import to_yaml

        path = folder / "smuggling-wg.yaml"
        header = "".join(f"# {k}: {v}\n" for k, v in about().items())
        path.write_text(header + to_yaml(ds.bundle), encoding="utf-8")
        return [path]
    if fmt == "schema":
        return [
            _write_json(folder / f"{cls.__name__}.schema.json", cls.model_json_schema()) for cls in _model_classes()
        ]
    written = _write_csv(ds, folder)
    if fmt == "csv":
        return [*written, _write_json(folder / "about.json", about())]
    return [*written, _write_json(folder / "datapackage.json", _descriptor())]


def site(ds: Dataset, out: Path | str, meeting: int = 7, force: bool = False) -> list[Path]:
    """Write the web edition of meeting ``meeting`` into folder ``out``; return the files written.

    A static site in Russian (``ru/``) and English (``en/``) that works from ``file://``
    with no server and no network: the meeting, the recommendations (filters and in-page
    search that gives the hits of :meth:`Dataset.search`), one page per recommendation and
    per state or organization, the report with an anchor per paragraph (``report.html#para-N``),
    topics and how to cite. Needs Jinja2 (``pip install 'smuggling-wg[site]'``).

    Written atomically: built beside ``out`` and renamed into place. ``out`` may be new,
    empty or an earlier site; anything else raises :class:`FileExistsError` unless ``force``.
    """
    from ._site import build

    return build(ds, out, meeting=meeting, force=force)
