"""The Parquet export: one file per table, typed from the table declarations, for DuckDB, Polars and Spark.

Types: ``integer`` is ``int64``, ``date`` is ``date32``, ``boolean`` is ``bool``, a list
column is ``list<...>``, a string column with allowed values is ``dictionary<int32,
string>`` whose dictionary is every allowed value in the declared order, other strings are
``string``. A required column is not nullable. Each field carries its description in its
metadata (``description``); each file carries the versions, the citation, the source, the
table's description and primary key in its key-value metadata.
"""

from __future__ import annotations

import json
from typing import Any, BinaryIO

from . import _tables
from ._write import Producer
from .dataset import Dataset


def _type(c: _tables.Column) -> Any:
    import pyarrow as pa

    scalar = {"integer": pa.int64(), "string": pa.string(), "date": pa.date32(), "boolean": pa.bool_()}[c.type]
    if c.many:
        return pa.list_(scalar)
    if c.enum and c.type == "string":
        return pa.dictionary(pa.int32(), pa.string())
    return scalar


def _array(c: _tables.Column, values: list[Any]) -> Any:
    import pyarrow as pa

    kind = _type(c)
    if c.many:
        return pa.array([None if v is None else list(v) for v in values], type=kind)
    if c.enum and c.type == "string":
        allowed = [str(v) for v in c.enum]
        index = {v: i for i, v in enumerate(allowed)}
        indices = pa.array([None if v is None else index[v] for v in values], type=pa.int32())
        return pa.DictionaryArray.from_arrays(indices, pa.array(allowed, type=pa.string()))
    return pa.array(values, type=kind)


def table(ds: Dataset, spec: _tables.Table, about: dict[str, str]) -> Any:
    """Table ``spec`` as a ``pyarrow.Table`` with its schema, descriptions and metadata."""
    import pyarrow as pa

    columns = _tables.column_values(ds.bundle, spec.name)
    fields = [
        pa.field(c.name, _type(c), nullable=not c.required, metadata={"description": c.description})
        for c in spec.columns
    ]
    metadata = {
        **about,
        "table": spec.name,
        "description": spec.description,
        "primary_key": json.dumps(list(spec.primary_key)),
    }
    schema = pa.schema(fields, metadata=metadata)
    return pa.Table.from_arrays([_array(c, columns[c.name]) for c in spec.columns], schema=schema)


def files(ds: Dataset, about: dict[str, str]) -> list[tuple[str, Producer]]:
    """One Parquet file per table, each with the function that writes it."""
    try:
        import pyarrow.parquet as pq
    except ImportError:
        raise ImportError("the Parquet export needs pyarrow: pip install 'smuggling-wg[parquet]'") from None

    def producer(spec: _tables.Table) -> Producer:
        def produce(handle: BinaryIO) -> None:
            pq.write_table(table(ds, spec, about), handle, compression="zstd")

        return produce

    return [(f"{spec.name}.parquet", producer(spec)) for spec in _tables.TABLES]
