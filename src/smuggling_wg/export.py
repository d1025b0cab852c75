"""Exports in open formats: JSON, YAML, tidy CSV, a Data Package, SQLite, Parquet and Akoma Ntoso.

``export(ds, fmt, out_dir)`` writes files (see :data:`FORMATS`) and returns their paths.
Every export carries the library version, the data version and a citation: in the JSON
document's ``about``, in ``about.json`` beside the CSV files, in the Data Package
descriptor, in Datasette's ``metadata.json``, in each Parquet file's metadata and in
the Akoma Ntoso ``<proprietary>`` block. Output is deterministic (no timestamps), so
exports can be diffed. :func:`site` writes the web edition (needs the ``[site]`` extra).
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any, BinaryIO

from pydantic import BaseModel, Field

from . import _tables, models
from ._about import DATA_VERSION, TITLE, about, citation
from ._formats import FORMATS, Format
from ._write import Producer, bytes_producer, write_files
from .dataset import Dataset
from .errors import InvalidFilter

__all__ = ["FORMATS", "about", "citation", "export", "json_document", "json_schema", "site"]


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


def _json(content: Any) -> Producer:
    return bytes_producer((json.dumps(content, ensure_ascii=False, indent=1) + "\n").encode("utf-8"))


def _csv(ds: Dataset, spec: _tables.Table) -> Producer:
    def produce(handle: BinaryIO) -> None:
        text = io.TextIOWrapper(handle, encoding="utf-8", newline="")
        writer = csv.writer(text, lineterminator="\n")
        writer.writerow(c.name for c in spec.columns)
        writer.writerows([_tables.text_cell(v) for v in row] for row in _tables.rows(ds.bundle, spec.name))
        text.flush()
        text.detach()  # the file is the writer's to close

    return produce


def _csv_files(ds: Dataset) -> list[tuple[str, Producer]]:
    return [(f"{spec.name}.csv", _csv(ds, spec)) for spec in _tables.TABLES]


def _table_schema(spec: _tables.Table) -> dict[str, Any]:
    fields = []
    for c in spec.columns:
        if c.many:  # a list in one cell: a string of values joined by the separator
            field: dict[str, Any] = {
                "name": c.name,
                "type": "string",
                "description": f"{c.description} ({c.type} values separated by '{_tables.LIST_SEPARATOR}'.)",
            }
        else:
            field = {"name": c.name, "type": c.type, "description": c.description}
        field["origin"] = c.origin  # where the values come from (models.origin_of): report, editorial, ...
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
        "title": f"{TITLE}, as data",
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


#: Line breaks to YAML beyond \n and \r; PyYAML writes them raw in quotes, where reading folds them.
_UNICODE_BREAKS = ("\x85", "\u2028", "\u2029")


def _yaml_text(bundle: models.Bundle) -> str:
    """``bundle`` as one YAML data file (``format_version`` 1) that the loader reads back to an equal bundle."""
    import yaml

    from ._fileformat import DataFile

    class Dumper(yaml.SafeDumper):
        def ignore_aliases(self, data: Any) -> bool:
            return True  # every value written out: the reader refuses aliases

    def text(dumper: Dumper, value: str) -> yaml.ScalarNode:
        """A string with a Unicode line break (NEL, LS, PS) double-quoted: escaped, it reads back unchanged."""
        style = '"' if any(c in value for c in _UNICODE_BREAKS) else None
        return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)

    Dumper.add_representer(str, text)
    version = DataFile.model_fields["format_version"].default
    data = {"format_version": version, **bundle.model_dump(mode="json", exclude_defaults=True)}
    return str(yaml.dump(data, Dumper=Dumper, allow_unicode=True, sort_keys=False, width=100))


def _files(ds: Dataset, fmt: Format) -> list[tuple[str, Producer]]:
    """The files of an export: each name with the function that writes its content."""
    if fmt == "json":
        return [("smuggling-wg.json", _json(json_document(ds))), ("smuggling-wg.schema.json", _json(json_schema()))]
    if fmt == "yaml":
        header = "".join(f"# {k}: {v}\n" for k, v in about().items())
        return [("smuggling-wg.yaml", bytes_producer((header + _yaml_text(ds.bundle)).encode("utf-8")))]
    if fmt == "schema":
        return [(f"{cls.__name__}.schema.json", _json(cls.model_json_schema())) for cls in _model_classes()]
    if fmt == "csv":
        return [*_csv_files(ds), ("about.json", _json(about()))]
    if fmt == "datapackage":
        return [*_csv_files(ds), ("datapackage.json", _json(_descriptor()))]
    if fmt == "sqlite":
        from . import _sqlite

        return _sqlite.files(ds, about(), f"{TITLE}, as data")
    if fmt == "parquet":
        from . import _parquet

        return _parquet.files(ds, about())
    from . import _akn

    return _akn.files(ds, about())


def export(ds: Dataset, fmt: Format, out: Path | str, force: bool = False) -> list[Path]:
    """Write the dataset to folder ``out`` (created if needed) in format ``fmt``; return the files written.

    ``json``: ``smuggling-wg.json`` and its schema ``smuggling-wg.schema.json``; ``yaml``: the
    whole dataset as one data file (``smuggling-wg.yaml``), the starting point for corrections;
    ``csv``: one CSV per table and ``about.json``; ``datapackage``: the CSVs and
    ``datapackage.json``; ``schema``: the JSON Schema of every model, one file each;
    ``sqlite``: one SQLite database (``smuggling-wg.db``) with full-text tables, and its
    Datasette ``metadata.json``; ``parquet``: one Parquet file per table; ``akn``: the report
    as Akoma Ntoso 3.0 XML, one file per language (``report-7.ru.akn.xml``, ``report-7.en.akn.xml``).

    Writing is atomic and safe: every file goes to a temporary file in ``out`` and is renamed
    into place when all are written; files an earlier export of ours wrote (a manifest,
    ``.smuggling-wg-export.json``, lists them) are replaced; a file of the same name that no
    export of ours wrote stops the export unless ``force``; symbolic links are never followed.
    Raises :class:`~smuggling_wg.errors.ExportError` (one line) when the export cannot be
    written, and ``ImportError`` naming the extra when a format's library is missing.
    """
    if fmt not in FORMATS:
        raise InvalidFilter("export format", fmt, FORMATS)
    return write_files(out, _files(ds, fmt), force=force)


def site(ds: Dataset, out: Path | str, meeting: int | None = None) -> list[Path]:
    """Write the web edition of the meetings loaded (or of ``meeting``) into folder ``out``; return the files written.

    A static site in Russian (``ru/``) and English (``en/``) that works from ``file://``
    with no server and no network: the meeting, the recommendations (filters and in-page
    search that gives the hits of :meth:`Dataset.search`), one page per recommendation and
    per state or organization, the report with an anchor per paragraph (``report.html#para-N``),
    topics and how to cite. Needs Jinja2 (``pip install 'smuggling-wg[site]'``).

    Written atomically: built beside ``out`` and renamed into place. ``out`` may be new,
    empty or an earlier site; anything else raises :class:`~smuggling_wg.errors.ExportError`
    (a folder of other files is never replaced). ``meeting``: one meeting; by default every
    meeting loaded: with several, each meeting's site under ``meetings/N/`` and a series page
    (``ru/index.html``, ``en/index.html``) listing the meetings and their recommendations by theme.
    """
    from ._site import build

    return build(ds, out, meeting=meeting)
