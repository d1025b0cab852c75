"""Finding, reading and validating data files.

The bundled data is one compact JSON file (``data/dataset.json``) compiled from the
human-edited YAML beside it by ``tools/compile_data.py``, which validates it and seals it
with its SHA-256 (``data/dataset.sha256``). At run time only the JSON is read: built
without validating it again when it matches its seal (:mod:`.construct`), validated with
pydantic's ``validate_json`` otherwise. YAML is parsed only for sources: the compile step
and data a user brings, always with a safe loader that rejects duplicate keys.
"""

from __future__ import annotations

import datetime as dt
import gc
import hashlib
import json
import os
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pydantic import ValidationError

from ._construct import ShapeError, construct
from .errors import DataError, Problem
from .models import Bundle

if TYPE_CHECKING:  # reading YAML is imported only when YAML is read
    from ._yaml import Loc, ParsedFile

__all__ = [
    "BUNDLED_JSON",
    "SEAL",
    "SOURCE_FILES",
    "STEMS_JSON",
    "bundled",
    "bundled_stems",
    "compile_json",
    "compile_stems",
    "data_dir",
    "expand",
    "extend",
    "read_compiled",
    "read_json",
    "read_yaml",
    "seal",
    "to_yaml",
]

BUNDLED_JSON = "dataset.json"
#: The SHA-256 of the ``dataset.json`` that the compile step validated.
SEAL = "dataset.sha256"
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
#: The version of the data file format described by :func:`read_yaml` (``format_version`` in a file).
FORMAT_VERSION = 1
_LISTS = ("actors", "meetings", "topics", "instruments")
_KEYS = {"actors": "id", "meetings": "number", "topics": "id"}
_TOP_LEVEL = ("format_version", "data_version", *_LISTS, "sdg_targets", "state_names", "annotations", "replace")
#: Line breaks to YAML beyond \n and \r; PyYAML writes them raw in quotes, where reading folds them.
_UNICODE_BREAKS = ("\x85", "\u2028", "\u2029")
_UNION_TAGS = (
    "State",
    "Organization",
    "state",
    "regional_economic_integration_organization",
    "intergovernmental_organization",
    "united_nations_entity",
    "permanent_observer_entity",
    "secretariat",
)


def data_dir() -> Path:
    """The package's data folder (a real folder: the package is installed unzipped)."""
    return Path(str(resources.files("smuggling_wg") / "data"))


def bundled(check: bool = False) -> Bundle:
    """The bundled compiled data; validated in full with ``check=True`` (see :func:`read_compiled`)."""
    folder = resources.files("smuggling_wg") / "data"
    raw = (folder / BUNDLED_JSON).read_bytes()
    return read_json(raw, BUNDLED_JSON) if check else read_compiled(raw, (folder / SEAL).read_text("ascii"))


def read_compiled(raw: bytes, sealed: str) -> Bundle:
    """Compiled JSON as a :class:`Bundle`: built without validation when it matches its seal.

    ``sealed`` is the seal the compile step wrote for the JSON it validated (:func:`seal`).
    JSON that matches it is that validated JSON, and is built as it is (:mod:`.construct`):
    the same data, without building pydantic's validators. Any other JSON, and sealed JSON
    that does not fit the models (compiled before they changed), is validated in full, so
    nothing unvalidated gets in and every problem is reported where it is.
    """
    if seal(raw) == sealed:
        try:
            with _without_gc():
                return construct(Bundle, json.loads(raw))
        except ShapeError:
            pass  # compiled for other models: validating it says what does not fit
    return read_json(raw, BUNDLED_JSON)


def seal(compiled: bytes) -> str:
    """What ``dataset.sha256`` holds for the compiled JSON ``compiled``: its SHA-256."""
    return hashlib.sha256(compiled).hexdigest() + "\n"


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


@contextmanager
def _without_gc() -> Iterator[None]:
    """Pause the cyclic garbage collector while a large tree of new objects is built.

    Validation makes many objects and no garbage cycles; left on, the collector scans the
    growing tree again and again, which makes loading grow faster than the data (measured
    in benchmarks/scaling.py). Restored afterwards, whatever happens.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def read_json(raw: bytes | str, origin: str = "<json>") -> Bundle:
    """Validate compiled JSON into a :class:`Bundle`; any problem raises :class:`DataError`."""
    try:
        with _without_gc():
            return Bundle.model_validate_json(raw)
    except ValidationError as exc:
        merge = _Merge(None)
        raise DataError(merge.located(exc, origin)) from None


def compile_json(bundle: Bundle) -> bytes:
    """The compact, deterministic JSON form of ``bundle`` (what ``dataset.json`` holds)."""
    return bundle.model_dump_json(exclude_defaults=True).encode("utf-8") + b"\n"


def to_yaml(bundle: Bundle) -> str:
    """``bundle`` as one YAML data file that :func:`read_yaml` reads back to an equal bundle."""
    import yaml

    class Dumper(yaml.SafeDumper):
        def ignore_aliases(self, data: Any) -> bool:
            return True  # every value written out: the reader refuses aliases

    def text(dumper: Dumper, value: str) -> yaml.ScalarNode:
        """A string with a Unicode line break (NEL, LS, PS) double-quoted: escaped, it reads back unchanged."""
        style = '"' if any(c in value for c in _UNICODE_BREAKS) else None
        return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)

    Dumper.add_representer(str, text)
    data = {"format_version": FORMAT_VERSION, **bundle.model_dump(mode="json", exclude_defaults=True)}
    return str(yaml.dump(data, Dumper=Dumper, allow_unicode=True, sort_keys=False, width=100))


def read_yaml(paths: Iterable[Path]) -> Bundle:
    """Parse YAML source files, merge them and validate the result as one whole dataset.

    Each file is a mapping with any of these keys; lists are concatenated in file order:

    * ``format_version`` (1, the only version so far) and ``data_version`` (one file gives it);
    * ``actors``, ``meetings``, ``topics``, ``instruments`` (lists), ``sdg_targets`` (mapping);
    * ``state_names``: six-language UN names of states by ISO alpha-3, set as each state's ``names``;
    * ``annotations``: editorial labels kept apart from the report's data, as a list of
      ``{meeting: N, recommendations: {number: fields}, paragraphs: {number: fields}}``;
      a list field is appended to the record's, any other field must not be set already;
    * ``replace``: ``{meetings: [numbers], actors: [ids], topics: [ids]}`` that this file
      knowingly replaces (otherwise a number or id given twice is an error).

    Every problem in every file is reported at once, with file, line, column and field
    path, as a :class:`~smuggling_wg.errors.DataError`.
    """
    return _Merge(None).add_files(paths).result()


def extend(bundle: Bundle, paths: Iterable[Path]) -> Bundle:
    """``bundle`` with the data of YAML files or folders added (see :func:`read_yaml` for the format)."""
    return _Merge(bundle).add_files(paths).result()


def expand(paths: Iterable[str | os.PathLike[str]]) -> tuple[list[Path], list[Problem]]:
    """Files to read: each path itself, or a folder's ``*.yaml``/``*.yml`` files in name order."""
    files: list[Path] = []
    problems: list[Problem] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            found = sorted(p for p in path.iterdir() if p.suffix in (".yaml", ".yml") and p.is_file())
            files += found
            if not found:
                problems.append(Problem(str(path), "", "the folder has no .yaml or .yml data files"))
        elif path.exists():
            files.append(path)
        else:
            problems.append(Problem(str(path), "", "no such file or folder"))
    return files, problems


class _Merge:
    """Files merged into one dataset, remembering where each value came from."""

    def __init__(self, base: Bundle | None) -> None:
        self.data: dict[str, Any] = {key: [] for key in _LISTS} | {"sdg_targets": {}}
        self.origins: dict[Loc, tuple[str, Loc, ParsedFile | None]] = {}
        self.problems: list[Problem] = []
        self.files: list[ParsedFile] = []
        self.conflicts: set[Loc] = set()  # (list, index) of records already reported as given twice
        self.version_from = BUNDLED_JSON if base is not None else ""
        if base is not None:
            dumped = base.model_dump(mode="json", exclude_defaults=True)
            self.data.update({k: v for k, v in dumped.items() if k in (*_LISTS, "sdg_targets", "data_version")})
            for key in _LISTS:
                for index in range(len(self.data[key])):
                    self.origins[(key, index)] = (BUNDLED_JSON, (key, index), None)

    def add_files(self, paths: Iterable[str | os.PathLike[str]]) -> _Merge:
        from ._yaml import parse

        files, self.problems = expand(paths)
        for path in files:
            parsed = parse(path)
            if isinstance(parsed, Problem):
                self.problems.append(parsed)
            else:
                self.files.append(parsed)
        for parsed in self.files:
            self._replace(parsed)
        for parsed in self.files:
            self._add(parsed)
        for parsed in self.files:
            self._overlay(parsed)
        return self

    def _problem(self, parsed: ParsedFile, loc: Loc, message: str, suggestion: str = "") -> None:
        line, column = parsed.position(loc)
        self.problems.append(Problem(parsed.path, _dotted(loc), message, line, column, suggestion=suggestion))

    def _replace(self, parsed: ParsedFile) -> None:
        """Drop the records a file says it replaces, so its own take their place."""
        replace = parsed.data.get("replace", {})
        if not isinstance(replace, dict):
            self._problem(parsed, ("replace",), "replace must map meetings/actors/topics to lists of keys")
            return
        for key, keys in replace.items():
            if key not in _KEYS or not isinstance(keys, list):
                self._problem(parsed, ("replace", key), f"replace takes lists under {', '.join(_KEYS)}")
                continue
            field_name = _KEYS[key]
            kept = [
                (i, r) for i, r in enumerate(self.data[key]) if not (isinstance(r, dict) and r.get(field_name) in keys)
            ]
            missing = set(keys) - {r.get(field_name) for r in self.data[key] if isinstance(r, dict)}
            for k in sorted(missing, key=str):
                self._problem(parsed, ("replace", key), f"nothing to replace: no {key[:-1]} {k!r} exists")
            old = {new: self.origins.get((key, i)) for new, (i, _) in enumerate(kept)}
            self.data[key] = [r for _, r in kept]
            self.origins = {loc: o for loc, o in self.origins.items() if loc[0] != key}
            self.origins.update({(key, new): o for new, o in old.items() if o})

    def _add(self, parsed: ParsedFile) -> None:
        allowed = ", ".join(_TOP_LEVEL)
        replaced = parsed.data.get("replace", {}) if isinstance(parsed.data.get("replace"), dict) else {}
        for key, value in parsed.data.items():
            loc: Loc = (key,)
            if key == "format_version":
                if value != FORMAT_VERSION:
                    self._problem(
                        parsed, loc, f"unsupported format_version {value!r}; this library reads {FORMAT_VERSION}"
                    )
            elif key == "data_version":
                if self.version_from:
                    self._problem(
                        parsed,
                        loc,
                        f"data_version is already given by {self.version_from}",
                        "leave data_version out of files that add to the data",
                    )
                else:
                    self.data["data_version"], self.version_from = value, parsed.path
            elif key in _LISTS and isinstance(value, list):
                self._add_list(parsed, key, value, replaced.get(key, []) if key in _KEYS else [])
            elif key == "sdg_targets" and isinstance(value, dict):
                self.data["sdg_targets"].update(value)
            elif key in ("state_names", "annotations", "replace"):
                continue
            else:
                self._problem(
                    parsed,
                    loc,
                    f"unexpected top-level key {key!r} or a value of the wrong kind",
                    f"the top-level keys are: {allowed}{_close(key, _TOP_LEVEL)}",
                )

    def _add_list(self, parsed: ParsedFile, key: str, items: list[Any], replacing: list[Any]) -> None:
        existing = {r.get(_KEYS[key]) for r in self.data[key] if isinstance(r, dict)} if key in _KEYS else set()
        for index, item in enumerate(items):
            ident = item.get(_KEYS[key]) if key in _KEYS and isinstance(item, dict) else None
            if ident is not None and ident in existing and ident not in replacing:
                self._problem(
                    parsed,
                    (key, index, _KEYS[key]),
                    f"{key[:-1]} {ident!r} already exists",
                    f"to replace it on purpose, add `replace: {{{key}: [{ident!r}]}}` to this file",
                )
                self.conflicts.add((key, len(self.data[key])))
            existing.add(ident)
            self.origins[(key, len(self.data[key]))] = (parsed.path, (key, index), parsed)
            self.data[key].append(item)

    def _overlay(self, parsed: ParsedFile) -> None:
        names = parsed.data.get("state_names")
        if isinstance(names, dict):
            states = {
                a.get("id"): i
                for i, a in enumerate(self.data["actors"])
                if isinstance(a, dict) and a.get("kind") == "state"
            }
            for code, six in names.items():
                if code in states:
                    self.data["actors"][states[code]]["names"] = six
                    self.origins[("actors", states[code], "names")] = (parsed.path, ("state_names", code), parsed)
                else:
                    self._problem(parsed, ("state_names", code), f"{code!r} is not a state in the data")
        annotations = parsed.data.get("annotations")
        if isinstance(annotations, list):
            for index, overlay in enumerate(annotations):
                self._annotate(parsed, index, overlay)

    def _annotate(self, parsed: ParsedFile, index: int, overlay: Any) -> None:
        meetings = {m.get("number"): i for i, m in enumerate(self.data["meetings"]) if isinstance(m, dict)}
        number = overlay.get("meeting") if isinstance(overlay, dict) else None
        if number not in meetings:
            self._problem(parsed, ("annotations", index, "meeting"), f"no meeting {number!r} to annotate")
            return
        mi = meetings[number]
        meeting = self.data["meetings"][mi]
        for kind in ("recommendations", "paragraphs"):
            records = {r.get("number"): i for i, r in enumerate(meeting.get(kind, [])) if isinstance(r, dict)}
            for key, fields in (overlay.get(kind) or {}).items():
                here: Loc = ("annotations", index, kind, key)
                if key not in records or not isinstance(fields, dict):
                    self._problem(
                        parsed,
                        here,
                        f"no {kind[:-1]} {key!r} in meeting {number}"
                        if key not in records
                        else "expected a mapping of fields",
                    )
                    continue
                ri = records[key]
                record = meeting[kind][ri]
                for name, value in fields.items():
                    target: Loc = ("meetings", mi, kind, ri, name)
                    if isinstance(value, list) and isinstance(record.get(name, []), list):
                        start = len(record.get(name, []))
                        record[name] = [*record.get(name, []), *value]
                        for j in range(len(value)):
                            self.origins[(*target, start + j)] = (parsed.path, (*here, name, j), parsed)
                    elif name in record:
                        self._problem(parsed, (*here, name), f"{name} is already set in the report's data")
                    else:
                        record[name] = value
                        self.origins[target] = (parsed.path, (*here, name), parsed)

    def result(self) -> Bundle:
        """The validated dataset; every problem of merging and validating at once otherwise."""
        try:
            with _without_gc():
                bundle = Bundle.model_validate(self.data)
        except ValidationError as exc:
            self.problems += self.located(exc, "<data>")
        else:
            if not self.problems:
                return bundle
        raise DataError(self.problems)

    def located(self, exc: ValidationError, default_file: str) -> list[Problem]:
        """Each validation error as a Problem in the file and line the value came from."""
        problems = []
        for error in exc.errors(include_url=False):
            loc = tuple(part for part in error["loc"] if not (isinstance(part, str) and part in _UNION_TAGS))
            inner = (error.get("ctx") or {}).get("problems")
            if error["type"] == "consistency" and inner:
                problems += [
                    self._at((*loc, *p["loc"]), p["msg"], None, default_file)
                    for p in inner
                    if (*loc, *p["loc"])[:2] not in self.conflicts  # already reported as "already exists"
                ]
            else:
                problems.append(self._at(loc, error["msg"], error, default_file))
        return problems

    def _at(self, loc: Loc, message: str, error: Any, default_file: str) -> Problem:
        file, local = default_file, loc
        parsed: ParsedFile | None = None
        for end in range(len(loc), 0, -1):
            if loc[:end] in self.origins:
                file, prefix, parsed = self.origins[loc[:end]]
                local = (*prefix, *loc[end:])
                break
        line, column = parsed.position(local) if parsed else (None, None)
        expected = found = suggestion = ""
        if error is not None:
            found = "nothing" if error["type"] == "missing" else _shown(error.get("input"))
            expected, suggestion = _hint(error)
        return Problem(file, _dotted(local), message, line, column, expected, found, suggestion)


def _dotted(loc: Loc) -> str:
    return ".".join(map(str, loc))


def _close(value: object, valid: Iterable[object]) -> str:
    import difflib

    close = difflib.get_close_matches(str(value), [str(v) for v in valid], n=1, cutoff=0.6)
    return f"; did you mean {close[0]!r}?" if close else ""


def _shown(value: object) -> str:
    if isinstance(value, dict | list):
        return type(value).__name__
    return repr(value)[:80]


def _hint(error: Any) -> tuple[str, str]:
    """What was expected, and a suggestion for the common mistakes (YAML 1.1 surprises, misspellings)."""
    value, ctx, kind = error.get("input"), error.get("ctx") or {}, error["type"]
    if kind == "literal_error":
        expected = str(ctx.get("expected", ""))
        options = [o.strip(" '\"") for o in expected.replace(" or ", ",").split(",")]
        return expected, _close(value, options).removeprefix("; ").capitalize()
    if kind == "string_type" and isinstance(value, bool):
        return "a string", "YAML reads unquoted yes/no/on/off (and NO, Norway's code) as true/false: quote the value"
    if kind == "string_type" and isinstance(value, dt.date):
        return "a string", "YAML reads an unquoted date as a date: quote the value"
    if kind == "extra_forbidden":
        return "no such field", ""
    if kind == "missing":
        return "a value", "add this field"
    if kind.startswith("date"):
        return "a date (YYYY-MM-DD)", ""
    if kind.endswith("_type") or kind.endswith("_parsing"):
        return kind.removesuffix("_type").removesuffix("_parsing").replace("_", " "), ""
    return "", ""
