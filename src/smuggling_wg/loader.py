"""Finding, reading and validating data files.

The bundled data is one compact JSON file (``data/dataset.json``) compiled from the
human-edited YAML beside it by ``tools/compile_data.py``; at run time only the JSON is
read, with pydantic's ``validate_json`` (fast, no YAML parser imported). YAML is parsed
only for sources: the compile step and data a user brings, always with a safe loader
that rejects duplicate keys.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from importlib import resources
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from .errors import DataError
from .models import Bundle

__all__ = [
    "BUNDLED_JSON",
    "SOURCE_FILES",
    "STEMS_JSON",
    "bundled",
    "bundled_stems",
    "compile_json",
    "compile_stems",
    "data_dir",
    "read_json",
    "read_yaml",
]

BUNDLED_JSON = "dataset.json"
STEMS_JSON = "stems.json"
#: The human-edited sources of the bundled data, in the order they are merged.
SOURCE_FILES = (
    "dataset.yaml",
    "actors.yaml",
    "un-names.yaml",
    "meeting-07.yaml",
    "topics.yaml",
    "reference.yaml",
    "analysis-07.yaml",
)
_LISTS = ("actors", "meetings", "topics", "instruments")
_TOP_LEVEL = ("data_version", *_LISTS, "sdg_targets", "state_names", "annotations")


def data_dir() -> Path:
    """The package's data folder (a real folder: the package is installed unzipped)."""
    return Path(str(resources.files("smuggling_wg") / "data"))


def bundled() -> Bundle:
    """Read and validate the bundled compiled data."""
    return read_json((resources.files("smuggling_wg") / "data" / BUNDLED_JSON).read_bytes(), BUNDLED_JSON)


def bundled_stems() -> tuple[str, dict[str, str]]:
    """The precomputed stems of the bundled texts and the stemmer version that made them.

    Read only when search is used; made by the compile step (:func:`compile_stems`).
    """
    raw = json.loads((resources.files("smuggling_wg") / "data" / STEMS_JSON).read_bytes())
    version, stems = raw.get("stemmer_version"), raw.get("stems")
    if not (isinstance(version, str) and isinstance(stems, dict) and all(isinstance(v, str) for v in stems.values())):
        raise DataError([f"{STEMS_JSON}: expected {{'stemmer_version': str, 'stems': {{word: stem}}}}"])
    return version, stems


def compile_stems(stemmer_version: str, stems: dict[str, str]) -> bytes:
    """The compact, deterministic JSON form of a stem table (what ``stems.json`` holds)."""
    table = {"stemmer_version": stemmer_version, "stems": dict(sorted(stems.items()))}
    return json.dumps(table, ensure_ascii=False, separators=(",", ":")).encode("utf-8") + b"\n"


def read_json(raw: bytes | str, origin: str = "<json>") -> Bundle:
    """Validate compiled JSON into a :class:`Bundle`; any problem raises :class:`DataError`."""
    try:
        return Bundle.model_validate_json(raw)
    except ValidationError as exc:
        raise DataError(_problems(origin, exc)) from None


def compile_json(bundle: Bundle) -> bytes:
    """The compact, deterministic JSON form of ``bundle`` (what ``dataset.json`` holds)."""
    return bundle.model_dump_json(exclude_defaults=True).encode("utf-8") + b"\n"


def read_yaml(paths: Iterable[Path]) -> Bundle:
    """Parse YAML source files, merge them and validate the result.

    Each file is a mapping with any of these keys; lists are concatenated in file order:

    * ``data_version`` (exactly one file gives it);
    * ``actors``, ``meetings``, ``topics``, ``instruments`` (lists), ``sdg_targets`` (mapping);
    * ``state_names``: six-language UN names of states by ISO alpha-3, set as each state's ``names``;
    * ``annotations``: editorial labels kept apart from the report's data, as a list of
      ``{meeting: N, recommendations: {number: fields}, paragraphs: {number: fields}}``;
      a list field is appended to the record's, any other field must not be set already.
    """
    merged: dict[str, Any] = {key: [] for key in _LISTS}
    overlays: dict[str, Any] = {"state_names": {}, "sdg_targets": {}, "annotations": []}
    problems: list[str] = []
    for path in paths:
        content = _parse_yaml(Path(path), problems)
        for key, value in (content or {}).items():
            if key in _LISTS and isinstance(value, list):
                merged[key].extend(value)
            elif key == "data_version" and "data_version" not in merged:
                merged[key] = value
            elif key in ("state_names", "sdg_targets") and isinstance(value, dict):
                overlays[key].update(value)
            elif key == "annotations" and isinstance(value, list):
                overlays[key].extend(value)
            else:
                allowed = ", ".join(_TOP_LEVEL)
                problems.append(f"{path}: unexpected top-level key {key!r} or a repeated one (allowed: {allowed})")
    merged["sdg_targets"] = overlays["sdg_targets"]
    _apply_state_names(merged, overlays["state_names"], problems)
    _apply_annotations(merged, overlays["annotations"], problems)
    if problems:
        raise DataError(problems)
    try:
        return Bundle.model_validate(merged)
    except ValidationError as exc:
        raise DataError(_problems("YAML sources", exc)) from None


def _apply_state_names(merged: dict[str, Any], names: dict[str, Any], problems: list[str]) -> None:
    states = {a.get("id"): a for a in merged["actors"] if isinstance(a, dict) and a.get("kind") == "state"}
    for code, six in names.items():
        if code in states:
            states[code]["names"] = six
        else:
            problems.append(f"state_names: {code!r} is not a state in the data")


def _apply_annotations(merged: dict[str, Any], annotations: list[Any], problems: list[str]) -> None:
    meetings = {m.get("number"): m for m in merged["meetings"] if isinstance(m, dict)}
    for overlay in annotations:
        meeting = meetings.get(overlay.get("meeting") if isinstance(overlay, dict) else None)
        if meeting is None:
            problems.append(
                f"annotations: no meeting {overlay.get('meeting') if isinstance(overlay, dict) else overlay!r}"
            )
            continue
        for kind in ("recommendations", "paragraphs"):
            records = {r.get("number"): r for r in meeting.get(kind, []) if isinstance(r, dict)}
            for number, fields in (overlay.get(kind) or {}).items():
                where = f"annotations: meeting {overlay['meeting']} {kind[:-1]} {number}"
                if number not in records or not isinstance(fields, dict):
                    problems.append(
                        f"{where}: no such {kind[:-1]} in the data"
                        if number not in records
                        else f"{where}: expected a mapping of fields"
                    )
                    continue
                record = records[number]
                for name, value in fields.items():
                    if isinstance(value, list) and isinstance(record.get(name, []), list):
                        record[name] = [*record.get(name, []), *value]
                    elif name in record:
                        problems.append(f"{where}: {name} is already set in the report's data")
                    else:
                        record[name] = value


def _parse_yaml(path: Path, problems: list[str]) -> dict[str, Any] | None:
    import yaml  # only here: reading YAML is never on the path of the bundled data

    loader_base: type = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

    class StrictLoader(loader_base):  # type: ignore[misc]
        """Safe loading, and a key given twice in one mapping is an error."""

    def mapping(loader: Any, node: Any, deep: bool = False) -> dict[Any, Any]:
        seen: set[Any] = set()
        for key_node, _ in node.value:
            key = loader.construct_object(key_node, deep=deep)
            if key in seen:
                mark = key_node.start_mark
                raise yaml.constructor.ConstructorError(
                    None, None, f"duplicate key {key!r} (line {mark.line + 1}, column {mark.column + 1})", mark
                )
            seen.add(key)
        return dict(loader.construct_mapping(node, deep=deep))

    StrictLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, mapping)
    try:
        content = yaml.load(path.read_text(encoding="utf-8"), Loader=StrictLoader)
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        problems.append(f"{path}: {exc}")
        return None
    if not isinstance(content, dict):
        problems.append(f"{path}: expected a mapping at the top level, found {type(content).__name__}")
        return None
    return content


def _problems(origin: str, exc: ValidationError) -> list[str]:
    """One readable line per validation error: where, what was expected, what was found."""
    lines = []
    for error in exc.errors(include_url=False):
        where = ".".join(str(part) for part in error["loc"]) or "(top level)"
        found = error.get("input")
        if error["type"] == "value_error" or isinstance(found, dict | list):
            lines.append(f"{origin}: {where}: {error['msg']}")
        else:
            lines.append(f"{origin}: {where}: {error['msg']} (found {repr(found)[:80]})")
    return lines
