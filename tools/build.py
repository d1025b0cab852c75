"""How the compiled data files are made: the build-time half of :mod:`smuggling_wg._loader`.

The library only reads these files; ``compile_data.py`` (and the tests and benchmarks that
make compiled data of their own) make them here.
"""

from __future__ import annotations

import json

from smuggling_wg._loader import seal
from smuggling_wg.models import Bundle

__all__ = ["compile_json", "compile_stems", "seal"]


def compile_json(bundle: Bundle) -> bytes:
    """The compact, deterministic JSON form of ``bundle`` (what ``dataset.json`` holds)."""
    return bundle.model_dump_json(exclude_defaults=True).encode("utf-8") + b"\n"


def compile_stems(stemmer_version: str, stems: dict[str, str]) -> bytes:
    """The compact, deterministic JSON form of a stem table (what ``stems.json`` holds)."""
    table = {"stemmer_version": stemmer_version, "stems": dict(sorted(stems.items()))}
    return json.dumps(table, ensure_ascii=False, separators=(",", ":")).encode("utf-8") + b"\n"
