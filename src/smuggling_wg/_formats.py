"""The export formats, named once: :func:`smuggling_wg.export.export` writes them, the command offers them.

Apart from the exports so that a command that only asks for the names (``smuggling-wg``
builds its ``export --format`` choices at every start) does not import the exports, their
tables and their writers.
"""

from __future__ import annotations

from typing import Literal, get_args

__all__ = ["FORMATS", "Format"]

Format = Literal["json", "yaml", "csv", "datapackage", "schema", "sqlite", "parquet", "akn"]
FORMATS: tuple[Format, ...] = get_args(Format)
