"""Reading data: the bundled compiled JSON, and YAML files merged into it, with every error located.

The bundled data is one compact JSON file (``data/dataset.json``) that ``tools/compile_data.py``
compiles from the human-edited YAML beside it, validating it through these models. The
compile step writes its seal (``data/dataset.sha256``): the SHA-256 of that JSON and of the
source of :mod:`smuggling_wg.models` it was validated with (:func:`seal`). At run time only
the JSON is read. When the seal matches both (the JSON is the one validated, by the models
installed now) the records are built without validating again (:mod:`._construct`);
otherwise, and when the JSON does not fit the models' fields, it is validated in full. So an
edited ``dataset.json``, or models changed in any way since the compile (a field added,
removed or tightened), never pass unvalidated. ``validate()`` always validates in full.

YAML is parsed only for sources: the compile step and data a user brings (:mod:`._yaml` reads
each file safely and within its limits). A user file adds records; it changes the records
already loaded only through ``replace``, and every problem of every file is reported at once,
located, as one :class:`~smuggling_wg.errors.DataError`.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import errno
import gc
import hashlib
import json
import os
import re
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast, get_args

from pydantic import ValidationError

from ._construct import ShapeError, _literal_values, construct
from .errors import DataError, InvalidFilter, Problem, clipped, did_you_mean, file_shown, quoted
from .models import BIDI, CONTROL, FORMULA, INVISIBLE, Actor, Bundle

if TYPE_CHECKING:  # reading YAML is imported only when YAML is read
    from ._yaml import Loc, ParsedFile

__all__ = [
    "BUNDLED_JSON",
    "MAX_FILES",
    "MAX_FILTER_CHARS",
    "MAX_PROBLEMS",
    "MAX_QUERY_CHARS",
    "MAX_QUERY_WORDS",
    "MAX_TOTAL_BYTES",
    "PATH_VARIABLE",
    "PROGRESS",
    "SEAL",
    "SOURCE_FILES",
    "STEMS_JSON",
    "bundled",
    "bundled_stems",
    "check_query",
    "check_text",
    "data_dir",
    "expand",
    "extend",
    "extra_paths",
    "locate",
    "read_compiled",
    "read_json",
    "read_sources",
    "read_yaml",
    "seal",
    "summaries",
]

BUNDLED_JSON = "dataset.json"
#: What the compile step validated: the SHA-256 of ``dataset.json`` and of the models' source.
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
#: Data files read at once (``extra`` and ``$SMUGGLING_WG_PATH`` together, folders expanded).
MAX_FILES = 1_000
#: Bytes read at once across all those files: ten files at the limit of one.
MAX_TOTAL_BYTES = 50 * 1024 * 1024
#: Problems reported at once; past it, one more line says how many were left out.
MAX_PROBLEMS = 1_000
#: Characters in one search query (``ds.search``, the command line, the MCP server and the site).
MAX_QUERY_CHARS = 1_000
#: Words in one search query (a question is a few words; more only slows the ranking of every record).
MAX_QUERY_WORDS = 50
#: Characters in any other text a query is given: a name, an id, a code, a value of a filter, ``text=``.
MAX_FILTER_CHARS = 1_000
#: Called as ``(files parsed, files in all)`` while many files are parsed (the CLI shows progress).
PROGRESS: ContextVar[Callable[[int, int], None] | None] = ContextVar("PROGRESS", default=None)
#: Records with a key, by list: the field that identifies them, and the noun for messages.
_KEYS = {"actors": "id", "meetings": "number", "topics": "id", "instruments": "id"}
_LISTS = tuple(_KEYS)
Source = tuple[str, bytes]
"""A file's name and the bytes read from it."""
Check = Callable[[Bundle], list[tuple[tuple[Any, ...], str, str]]]
"""A check of a merged dataset: (location in it, message, suggestion) for each problem."""


def check_query(query: object) -> str:
    """``query`` if it is a search query within the limits; :class:`InvalidFilter` saying which limit otherwise."""
    text = check_text("query", query, MAX_QUERY_CHARS)
    words = len(text.split())
    if words > MAX_QUERY_WORDS:
        reason = f"the query has {words:,} words; the limit is {MAX_QUERY_WORDS:,}"
        raise InvalidFilter("query", text, (), reason=reason)
    return text


def check_text(name: str, value: object, limit: int = MAX_FILTER_CHARS) -> str:
    """``value`` if it is text of at most ``limit`` characters; :class:`InvalidFilter` naming ``name`` otherwise.

    Every text a query is given passes here first (a search query with its own limit,
    :func:`check_query`), so a long one is refused at once, and no message repeats it whole.
    """
    if not isinstance(value, str):
        raise InvalidFilter(name, value, (), reason=f"a {name} is text: got {quoted(value)}")
    if len(value) > limit:
        reason = f"the {name} has {len(value):,} characters; the limit is {limit:,}"
        raise InvalidFilter(name, value, (), reason=reason)
    return value


def package_dir() -> Path:
    """The installed package's folder (a real folder: the package is installed unzipped).

    What ``importlib.resources.files("smuggling_wg")`` gives for such a package, without
    importing :mod:`importlib.resources` (and with it ``zipfile``, ``tempfile``, ``shutil``,
    ``bz2`` and ``lzma``: 2% of the instructions of an import + ``load()``, benchmarks/child.py).
    """
    return Path(__file__).parent


def data_dir() -> Path:
    """The package's data folder (a real folder: the package is installed unzipped)."""
    return package_dir() / "data"


def bundled(check: bool = False) -> Bundle:
    """The bundled compiled data; validated in full with ``check=True`` (see :func:`read_compiled`)."""
    folder = data_dir()
    raw = (folder / BUNDLED_JSON).read_bytes()
    if check:
        return read_json(raw, BUNDLED_JSON)
    try:
        sealed = (folder / SEAL).read_text("ascii")
    except (OSError, UnicodeDecodeError):
        sealed = ""  # no seal: validated in full
    return read_compiled(raw, sealed)


def read_compiled(raw: bytes, sealed: str) -> Bundle:
    """Compiled JSON as a :class:`Bundle`: built without validation when it matches its seal.

    ``sealed`` is the seal the compile step wrote (:func:`seal`). JSON that matches it is the
    JSON that was validated, by the models installed now, and is built as it is
    (:mod:`._construct`): the same data, without building pydantic's validators. Any other
    JSON, JSON sealed for models that have changed since, and sealed JSON that does not fit
    the models' fields is validated in full, so nothing unvalidated gets in and every problem
    is reported where it is.
    """
    if sealed and seal(raw) == sealed:
        try:
            with _without_gc():
                return construct(Bundle, json.loads(raw))
        except ShapeError:
            pass  # compiled for other models: validating it says what does not fit
    return read_json(raw, BUNDLED_JSON)


def seal(compiled: bytes) -> str:
    """What ``dataset.sha256`` must hold for ``compiled`` to be trusted: its SHA-256 and the models'.

    The models' fingerprint is the SHA-256 of the bytes of ``models.py`` as installed: reading
    and hashing them costs about a tenth of a millisecond, where building the JSON Schema
    would cost the validator build the seal exists to skip. Any edit of ``models.py`` (even a
    comment) makes the compiled data validated in full until it is compiled again.
    """
    return f"{hashlib.sha256(compiled).hexdigest()}  {BUNDLED_JSON}\n{models_fingerprint()}  models.py\n"


def models_fingerprint() -> str:
    """The SHA-256 of the source of :mod:`smuggling_wg.models`, as installed (empty when it cannot be read)."""
    try:
        return hashlib.sha256((package_dir() / "models.py").read_bytes()).hexdigest()
    except OSError:  # installed without its source: nothing vouches for the compiled data, so it is validated
        return ""


def bundled_stems() -> tuple[str, dict[str, str]]:
    """The precomputed stems of the bundled texts and the stemmer version that made them.

    Read only when search is used; made by the compile step (``tools/build.py``).
    """
    raw = json.loads((data_dir() / STEMS_JSON).read_bytes())
    version, stems = raw.get("stemmer_version"), raw.get("stems")
    if not (isinstance(version, str) and isinstance(stems, dict) and all(isinstance(v, str) for v in stems.values())):
        raise DataError([f"{STEMS_JSON}: expected {{'stemmer_version': str, 'stems': {{word: stem}}}}"])
    return version, stems


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
        raise DataError(locate(exc, origin)) from None


def read_yaml(paths: Iterable[str | os.PathLike[str]]) -> Bundle:
    """Parse YAML source files, merge them and validate the result as one whole dataset.

    Each file is a mapping with any of the keys of :class:`smuggling_wg._fileformat.DataFile`;
    lists are concatenated in file order:

    * ``format_version`` (1, the only version so far) and ``data_version`` (one file gives it);
    * ``actors``, ``meetings``, ``topics``, ``instruments`` (lists), ``sdg_targets`` (mapping);
    * ``state_names``: six-language UN names of states by ISO alpha-3, set as each state's
      ``names`` (a state that has them already keeps them unless the file replaces it);
    * ``annotations``: editorial labels kept apart from the report's data, as a list of
      ``{meeting: N, recommendations: {number: fields}, paragraphs: {number: fields}}``;
      a list field is appended to the record's, any other field must not be set already;
    * ``replace``: ``{meetings: [numbers], actors: [ids], topics: [ids], instruments: [ids],
      sdg_targets: [targets]}`` that this file knowingly replaces, giving each new record
      itself (otherwise a key given twice is an error).

    Every problem in every file is reported at once, with file, line, column and field
    path, as a :class:`~smuggling_wg.errors.DataError`.
    """
    return _Merge(None).add(read_sources(paths)).result()


def extend(
    bundle: Bundle, files: Iterable[str | os.PathLike[str]] | list[Source], check: Check | None = None
) -> Bundle:
    """``bundle`` with the data of YAML files or folders (or sources already read) added.

    See :func:`read_yaml` for the format. ``check`` is run on the merged dataset once it is
    valid; each problem it finds is located in the file that brought the value.
    """
    return _merged(bundle, files, check).result()


def summaries(bundle: Bundle, files: Iterable[str | os.PathLike[str]] | list[Source]) -> dict[str, str]:
    """What each file adds to ``bundle`` and what it replaces: ``{file: "adds meeting 99; replaces actor ITA"}``.

    Raises :class:`DataError` as :func:`extend` does when the files are not good.
    """
    merge = _merged(bundle, files, None)
    merge.result()
    return {
        name: "; ".join(f"{verb} {', '.join(things)}" for verb, things in done.items()) or "adds nothing"
        for name, done in merge.summary.items()
    }


def _merged(bundle: Bundle, files: Iterable[str | os.PathLike[str]] | list[Source], check: Check | None) -> _Merge:
    items = list(files)
    if all(isinstance(f, tuple) for f in items):
        return _Merge(bundle, check).add(cast(list[Source], items))
    return _Merge(bundle, check).add(read_sources(cast(list[str | os.PathLike[str]], items)))


def expand(paths: Iterable[str | os.PathLike[str]]) -> tuple[list[Path], list[Problem]]:
    """Files to read: each path itself, or a folder's ``*.yaml``/``*.yml`` entries in name order.

    ``-`` and ``/dev/stdin`` stand for standard input. A folder's entries are taken by name:
    one that is not a regular file is refused when it is read, not skipped unseen.
    """
    files: list[Path] = []
    problems: list[Problem] = []
    for raw in paths:
        try:
            if not isinstance(raw, str | os.PathLike) or not isinstance(os.fspath(raw), str):
                given = type(raw).__name__
                problems.append(Problem(quoted(raw), "", f"a path is text (a str or a pathlib.Path), not {given}"))
                continue
            if not os.fspath(raw).strip():
                blank = "an empty name" if not os.fspath(raw) else "a name of spaces only"
                problems.append(Problem(repr(os.fspath(raw)), "", f"{blank} names no file or folder"))
                continue
            path = Path(raw)
            if str(raw) in ("-", "/dev/stdin"):
                files.append(path)
            elif path.is_dir():
                found = sorted(p for p in path.iterdir() if p.suffix in (".yaml", ".yml") and not p.is_dir())
                files += found
                if not found:
                    problems.append(Problem(file_shown(path), "", "the folder has no .yaml or .yml data files"))
            elif path.exists() or path.is_symlink():
                files.append(path)
            else:
                problems.append(Problem(file_shown(path), "", "no such file or folder"))
        except (OSError, ValueError, TypeError) as exc:
            reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
            too_long = isinstance(exc, OSError) and exc.errno == errno.ENAMETOOLONG  # it names no file: its start
            problems.append(Problem(quoted(str(raw)) if too_long else file_shown(raw), "", f"cannot be read: {reason}"))
    files = list({f if str(f) in ("-", "/dev/stdin") else _resolved(f): f for f in files}.values())  # each once
    if len(files) > MAX_FILES:
        problems.append(Problem("", "", f"{len(files):,} data files; the limit is {MAX_FILES:,} at once"))
    return files, problems


def _resolved(path: Path) -> Path:
    try:
        return path.resolve()
    except (OSError, RuntimeError):  # a symlink loop: reading it says so
        return path


def read_sources(paths: Iterable[str | os.PathLike[str]]) -> list[Source]:
    """The bytes of every file the paths name (see :func:`expand`), within the limits of one file and of all.

    Any problem (a missing or unreadable file, a file too big, too many files or bytes in
    all) raises :class:`DataError` listing every one.
    """
    from ._yaml import read

    files, problems = expand(paths)
    if problems:
        raise DataError(problems)
    sources: list[Source] = []
    total = 0
    for path in files:
        raw, name = read(path), file_shown(path)
        if isinstance(raw, Problem):
            problems.append(dataclasses.replace(raw, file=name))
            continue
        total += len(raw)
        if total > MAX_TOTAL_BYTES:
            problems.append(
                Problem(name, "", f"the files hold more than {MAX_TOTAL_BYTES:,} bytes in all; that is the limit")
            )
            break
        sources.append((name, raw))
    if problems:
        raise DataError(problems)
    return sources


def locate(
    exc: ValidationError,
    default_file: str,
    origins: dict[Loc, tuple[str, Loc, ParsedFile | None]] | None = None,
    skip: Iterable[Loc] = (),
) -> list[Problem]:
    """Each validation error as a :class:`Problem` in the file and line its value came from.

    ``origins`` maps a location in the validated data (or its start) to the file, the
    location in that file and the parsed file that gave it; errors of the model-wide
    consistency checks are split into one problem each, except those whose first two parts
    are in ``skip`` (records already reported as given twice).
    """
    tags = _union_tags()
    skipped = set(skip)
    problems = []
    for error in exc.errors(include_url=False):
        loc = tuple(part for part in error["loc"] if not (isinstance(part, str) and part in tags))
        inner = (error.get("ctx") or {}).get("problems")
        if error["type"] == "consistency" and inner:
            for p in inner:
                where = (*loc, *p["loc"])
                if where[:2] not in skipped:
                    problems.append(_at(origins or {}, where, p["msg"], None, default_file))
        else:
            problems.append(_at(origins or {}, loc, error["msg"], error, default_file))
    return problems


def _union_tags() -> frozenset[str]:
    """What pydantic puts into an error's location for the actor union: its members' kinds and class names."""
    members = get_args(get_args(Actor)[0])
    field = get_args(Actor)[1].discriminator
    kinds = {str(kind) for member in members for kind in _literal_values(member.model_fields[field].annotation)}
    return frozenset(kinds | {member.__name__ for member in members})


def _at(
    origins: dict[Loc, tuple[str, Loc, ParsedFile | None]],
    loc: Loc,
    message: str,
    error: Any,
    default_file: str,
    suggestion: str = "",
) -> Problem:
    file, local = default_file, loc
    parsed: ParsedFile | None = None
    for end in range(len(loc), -1, -1):
        if loc[:end] in origins:
            file, prefix, parsed = origins[loc[:end]]
            local = (*prefix, *loc[end:])
            break
    line, column = parsed.position(local) if parsed else (None, None)
    expected = found = ""
    if error is not None:
        found = "nothing" if error["type"] == "missing" else _shown(error.get("input"))
        expected, suggestion = _hint(error)
        message = _unreadable(error.get("input")) if error["type"] == "string_pattern_mismatch" else ""
        message = message or ("not a Roman numeral in its standard form" if _roman(error) else error["msg"])
    return Problem(file, _dotted(local), message, line, column, expected, found, suggestion)


class _Merge:
    """Files merged into one dataset, remembering where each value came from and what each file did."""

    def __init__(self, base: Bundle | None, check: Check | None = None) -> None:
        self.base, self.check = base, check
        self.data: dict[str, Any] = {key: [] for key in _LISTS} | {"sdg_targets": {}}
        self.origins: dict[Loc, tuple[str, Loc, ParsedFile | None]] = {}
        self.problems: list[Problem] = []
        self.unbuilt: list[Problem] = []  # values YAML could not build: they hide what validation says of them
        self.files: list[ParsedFile] = []
        self.conflicts: set[Loc] = set()  # (list, index) of records already reported as given twice
        self.summary: dict[str, dict[str, list[str]]] = {}
        self.replacing: dict[str, dict[str, list[Any]]] = {}  # file -> list -> keys it replaces
        self.changed = base is None
        self.built: dict[int, tuple[Any, Any]] = {}  # id of a dumped dict of the base -> (that dict, its record)
        self.version_from = BUNDLED_JSON if base is not None else ""
        if base is not None:
            dumped = base.model_dump(exclude_defaults=True)
            self.data |= {key: list(dumped.get(key, ())) for key in _LISTS}
            self.data |= {"sdg_targets": dict(dumped.get("sdg_targets", {})), "data_version": dumped["data_version"]}
            for key in _LISTS:
                for index in range(len(self.data[key])):
                    self.origins[(key, index)] = (BUNDLED_JSON, (key, index), None)
            # the base's records as built, by their dumped dicts (a record merging changes is a new dict)
            self.built = {
                id(d): (d, record)
                for key in ("actors", "meetings")
                for d, record in zip(self.data[key], getattr(base, key), strict=True)
            }

    def add(self, sources: list[Source]) -> _Merge:
        """Parse and merge the files: replacements first, then additions, then names and labels."""
        from ._yaml import parse

        progress = PROGRESS.get()
        for done, (name, raw) in enumerate(sources, 1):
            parsed = parse(name, raw)
            if isinstance(parsed, Problem):
                self.problems.append(parsed)
            elif placeholders := _placeholders(parsed):
                self.problems += placeholders  # a template not filled in: nothing else of it is checked
            else:
                self.files.append(parsed)
                self.summary[parsed.path] = {}
                for loc, reason in parsed.unbuilt:
                    line, column = parsed.position(loc)
                    self.unbuilt.append(Problem(parsed.path, _dotted(loc), reason, line, column))
            if progress is not None:
                progress(done, len(sources))
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

    def _did(self, parsed: ParsedFile, verb: str, what: str) -> None:
        self.summary[parsed.path].setdefault(verb, []).append(what)
        self.changed = True

    def _valid(self, parsed: ParsedFile, model: Any, value: Any, loc: Loc) -> bool:
        """Whether ``value`` fits ``model`` (a part of the file format); its problems are reported otherwise."""
        try:
            model.model_validate(value)
        except ValidationError as exc:
            self.problems += locate(exc, parsed.path, {(): (parsed.path, loc, parsed)})
            return False
        return True

    def _replace(self, parsed: ParsedFile) -> None:
        """Drop the records a file says it replaces, so its own take their place."""
        from ._fileformat import Replaces

        self.replacing[parsed.path] = {}
        replace = parsed.data.get("replace")
        if replace is None or not self._valid(parsed, Replaces, replace, ("replace",)):
            return
        for key, keys in replace.items():
            self.replacing[parsed.path][key] = list(keys)
            given = parsed.data.get(key)
            if key == "sdg_targets":
                supplied = set(given) if isinstance(given, dict) else set()
            else:
                supplied = {_ident(r, _KEYS[key]) for r in given} if isinstance(given, list) else set()
            for i, k in enumerate(keys):
                noun = _noun(key)
                if k not in supplied:
                    self._problem(
                        parsed,
                        ("replace", key, i),
                        f"replaces {noun} {k!r} but gives no {noun} {k!r}",
                        f"a file that replaces a record gives the new one; add {noun} {k!r} under {key}",
                    )
                existing = self._keys(key)
                if k not in existing:
                    self._problem(
                        parsed,
                        ("replace", key, i),
                        f"nothing to replace: no {noun} {k!r} exists",
                        did_you_mean(k, existing),
                    )
                elif k in supplied:
                    self._drop(key, k)
                    self._did(parsed, "replaces", f"{noun} {k}")

    def _keys(self, key: str) -> list[Any]:
        if key == "sdg_targets":
            return list(self.data["sdg_targets"])
        return [_ident(r, _KEYS[key]) for r in self.data[key]]

    def _drop(self, key: str, k: Any) -> None:
        if key == "sdg_targets":
            del self.data["sdg_targets"][k]
            return
        kept = [(i, r) for i, r in enumerate(self.data[key]) if _ident(r, _KEYS[key]) != k]
        old = {new: self.origins.get((key, i)) for new, (i, _) in enumerate(kept)}
        self.data[key] = [r for _, r in kept]
        self.origins = {loc: o for loc, o in self.origins.items() if loc[0] != key}
        self.origins.update({(key, new): o for new, o in old.items() if o})

    def _add(self, parsed: ParsedFile) -> None:
        from ._fileformat import DataFile

        allowed = tuple(DataFile.model_fields)
        for key, value in parsed.data.items():
            loc: Loc = (key,)
            if key not in allowed:
                self._problem(
                    parsed,
                    loc,
                    f"unexpected top-level key {_short(key)}",
                    f"the top-level keys are: {', '.join(allowed)}. {did_you_mean(key, allowed)}".strip(),
                )
            elif key == "format_version":
                if type(value) is not int or value != FORMAT_VERSION:
                    quoted = isinstance(value, str) and value.strip() == str(FORMAT_VERSION)
                    self._problem(
                        parsed,
                        loc,
                        f"unsupported format_version {_shown(value)}; this library reads {FORMAT_VERSION}",
                        f"write the number {FORMAT_VERSION}, without quotes" if quoted else "",
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
                    self.origins[("data_version",)] = (parsed.path, loc, parsed)
            elif key in _LISTS:
                if isinstance(value, list):
                    self._add_list(parsed, key, value)
                else:
                    self._problem(parsed, loc, f"{key} must be a list", f"write {key} as a list of records: `- ...`")
            elif key == "sdg_targets":
                if isinstance(value, dict):
                    self._add_targets(parsed, value)
                else:
                    self._problem(parsed, loc, "sdg_targets must map target numbers to their texts")

    def _add_list(self, parsed: ParsedFile, key: str, items: list[Any]) -> None:
        field = _KEYS[key]
        existing = {_folded(k): k for k in self._keys(key)}
        for index, item in enumerate(items):
            ident = _ident(item, field)
            if ident is not None and _folded(ident) in existing:
                there = existing[_folded(ident)]
                same = "" if there == ident else f" as {there!r} (keys are unique regardless of case)"
                self._problem(
                    parsed,
                    (key, index, field),
                    f"{_noun(key)} {ident!r} already exists{same}",
                    f"to replace it on purpose, add `replace: {{{key}: [{there!r}]}}` to this file",
                )
                self.conflicts.add((key, len(self.data[key])))
            if ident is not None:
                existing[_folded(ident)] = ident
                replaced = ident in self.replacing[parsed.path].get(key, ())
                if not replaced:
                    self._did(parsed, "adds", f"{_noun(key)} {ident}")
            self.changed = True
            self.origins[(key, len(self.data[key]))] = (parsed.path, (key, index), parsed)
            self.data[key].append(item)

    def _add_targets(self, parsed: ParsedFile, targets: dict[Any, Any]) -> None:
        replacing = self.replacing[parsed.path].get("sdg_targets", ())
        for target, text in targets.items():
            loc: Loc = ("sdg_targets", target)
            if not isinstance(target, str):
                self._problem(parsed, loc, f"SDG target {_short(target)} is not text", f"quote it: '{target}'")
                continue
            if target in self.data["sdg_targets"] and target not in replacing:
                if self.data["sdg_targets"][target] != text:
                    self._problem(
                        parsed,
                        loc,
                        f"SDG target {_short(target)} already exists with another text",
                        f"to replace its text on purpose, add `replace: {{sdg_targets: [{target!r}]}}` to this file",
                    )
                continue
            self.data["sdg_targets"][target] = text
            self.origins[loc] = (parsed.path, loc, parsed)
            if target not in replacing:
                self._did(parsed, "adds", f"SDG target {target}")

    def _overlay(self, parsed: ParsedFile) -> None:
        from ._fileformat import Annotation

        names = parsed.data.get("state_names")
        if names is not None and not isinstance(names, dict):
            self._problem(parsed, ("state_names",), "state_names must map ISO alpha-3 codes to six-language names")
        elif names:
            self._add_names(parsed, names)
        annotations = parsed.data.get("annotations")
        if annotations is not None and not isinstance(annotations, list):
            self._problem(parsed, ("annotations",), "annotations must be a list of {meeting: N, ...}")
        elif annotations:
            for index, overlay in enumerate(annotations):
                if self._valid(parsed, Annotation, overlay, ("annotations", index)):
                    self._annotate(parsed, index, overlay)

    def _add_names(self, parsed: ParsedFile, names: dict[Any, Any]) -> None:
        states = {
            a.get("id"): i
            for i, a in enumerate(self.data["actors"])
            if isinstance(a, dict) and a.get("kind") == "state"
        }
        for code, six in names.items():
            loc: Loc = ("state_names", code)
            if code not in states:
                self._problem(parsed, loc, f"{_short(code)} is not a state in the data", did_you_mean(code, states))
                continue
            record = self.data["actors"][states[code]]
            if record.get("names"):
                self._problem(
                    parsed,
                    loc,
                    f"{code} already has its UN names",
                    f"to change them on purpose, add `replace: {{actors: [{code!r}]}}` and give the whole record",
                )
                continue
            self.data["actors"][states[code]] = {**record, "names": six}
            self.origins[("actors", states[code], "names")] = (parsed.path, loc, parsed)
            self._did(parsed, "adds", f"UN names of {code}")

    def _annotate(self, parsed: ParsedFile, index: int, overlay: dict[str, Any]) -> None:
        meetings = {_ident(m, "number"): i for i, m in enumerate(self.data["meetings"])}
        number = overlay.get("meeting")
        if number not in meetings:
            self._problem(
                parsed,
                ("annotations", index, "meeting"),
                f"no meeting {number!r} to annotate",
                did_you_mean(number, meetings),
            )
            return
        mi = meetings[number]
        meeting = self.data["meetings"][mi] = dict(self.data["meetings"][mi])
        for kind in ("recommendations", "paragraphs"):
            given = meeting.get(kind, ())
            if not isinstance(given, list | tuple):
                continue  # the meeting's own problem, reported when it is validated
            records = {_ident(r, "number"): i for i, r in enumerate(given)}
            meeting[kind] = list(given)
            for key, fields in (overlay.get(kind) or {}).items():
                here: Loc = ("annotations", index, kind, key)
                if key not in records:
                    self._problem(parsed, here, f"no {kind[:-1]} {key!r} in meeting {number}")
                    continue
                ri = records[key]
                record = meeting[kind][ri] = dict(meeting[kind][ri])
                for name, value in fields.items():
                    target: Loc = ("meetings", mi, kind, ri, name)
                    if isinstance(value, list) and isinstance(record.get(name, []), list | tuple):
                        start = len(record.get(name, []))
                        record[name] = [*record.get(name, []), *value]
                        for j in range(len(value)):
                            self.origins[(*target, start + j)] = (parsed.path, (*here, name, j), parsed)
                    elif name in record and record[name] is not None:
                        self._problem(parsed, (*here, name), f"{name} is already set in the report's data")
                    else:
                        record[name] = value
                        self.origins[target] = (parsed.path, (*here, name), parsed)
            self.changed = True
        self._did(parsed, "annotates", f"meeting {number}")

    def result(self) -> Bundle:
        """The validated dataset; every problem of merging and validating at once otherwise."""
        self.problems[:0] = self.unbuilt
        if self.problems and not self.changed:  # nothing merged: the problems found are all there is
            raise DataError(_capped(self.problems))
        try:
            with _without_gc():
                bundle = Bundle.model_validate(self.data)
        except ValidationError as exc:
            said = {(p.file, p.path) for p in self.unbuilt}  # a value not built is not a date, an int...: said once
            found = locate(exc, "<data>", self.origins, self.conflicts)
            self.problems += [p for p in found if (p.file, p.path) not in said]
            self.problems += self._unchecked(exc)
            self.problems += self._checked_parts()
        else:
            if not self.problems and self.check is not None:
                self.problems += [
                    _at(self.origins, loc, message, None, "<data>", hint) for loc, message, hint in self.check(bundle)
                ]
            if not self.problems:
                return bundle
        raise DataError(_capped(self.problems))

    def _unchecked(self, exc: ValidationError) -> list[Problem]:
        """The checks across records that pydantic skipped because a field failed, over what validated.

        A meeting's numbering and references run unless the meeting's fields all held (then they
        ran, and said their problems); the dataset's (unique ids, the actors and labels a meeting
        uses) unless everything else held. A reference that may be to a record that did not
        validate is not called unknown, and a record already reported as given twice is not
        reported again, so each problem is said once.
        """
        from ._partial import partial
        from .models import bundle_problems, meeting_problems

        errors = [(tuple(e["loc"]), e["type"]) for e in exc.errors(include_url=False)]
        if all(loc == () for loc, _ in errors):  # only the dataset's own check failed: it ran over everything
            return []
        whole = partial(Bundle, self.data)
        problems = []
        for i, meeting in enumerate(whole.meetings or ()):
            own = {(loc[2:], kind) for loc, kind in errors if loc[:2] == ("meetings", i)}
            if meeting is None or not own or own == {((), "consistency")}:  # valid, or its checks ran
                continue
            problems += [(("meetings", i, *loc), message) for loc, message in meeting_problems(meeting)]
        problems += bundle_problems(whole)
        return [
            _at(self.origins, loc, message, None, "<data>")
            for loc, message in problems
            if loc[:2] not in self.conflicts
        ]

    def _checked_parts(self) -> list[Problem]:
        """The merge's check over the actors and meetings that are valid alone, when the whole is not.

        So one pass reports a name that looks like another actor's beside a bad date elsewhere;
        a record with problems of its own is left out (its problems are said).
        """
        if self.check is None:
            return []
        from pydantic import TypeAdapter

        from .models import Meeting

        build: dict[str, Callable[[Any], Any]] = {
            "actors": TypeAdapter(Actor).validate_python,
            "meetings": Meeting.model_validate,
        }
        kept: dict[str, list[int]] = {"actors": [], "meetings": []}
        parts: dict[str, list[Any]] = {"actors": [], "meetings": []}
        for key, validate in build.items():
            for i, record in enumerate(self.data[key]):
                built = self.built.get(id(record))
                try:
                    part = built[1] if built is not None and built[0] is record else validate(record)
                except (ValidationError, ValueError, TypeError):
                    continue
                kept[key].append(i)
                parts[key].append(part)
        bundle = Bundle.model_construct(
            data_version=str(self.data.get("data_version", "")),
            actors=tuple(parts["actors"]),
            meetings=tuple(parts["meetings"]),
        )
        problems = []
        for loc, message, hint in self.check(bundle):
            where = (loc[0], kept[str(loc[0])][int(loc[1])], *loc[2:]) if loc and loc[0] in kept else loc
            problems.append(_at(self.origins, where, message, None, "<data>", hint))
        return problems


# The patterns of this module are compiled where they are used (``re`` keeps them compiled), not
# at import: a process that only loads the bundled data never uses them.

#: A value of ``smuggling-wg template`` still to be replaced: ``<<CHANGE: ...>>`` (``<<ИЗМЕНИТЕ: ...>>``).
PLACEHOLDER = r"<<(?:CHANGE|ИЗМЕНИТЕ)\b[^>]*>>"


def _placeholders(parsed: ParsedFile) -> list[Problem]:
    """A problem at every value of ``parsed`` that is still a placeholder of the template."""
    found: list[Problem] = []
    placeholder = re.compile(PLACEHOLDER)
    stack: list[tuple[Loc, Any]] = [((), parsed.data)]
    while stack:
        loc, value = stack.pop()
        if isinstance(value, dict):
            stack += [((*loc, k), v) for k, v in value.items()]
        elif isinstance(value, list):
            stack += [((*loc, i), v) for i, v in enumerate(value)]
        elif isinstance(value, str) and (match := placeholder.search(value)):
            line, column = parsed.position(loc)
            message = f"a placeholder of the template is not replaced: {match.group()}"
            found.append(Problem(parsed.path, _dotted(loc), message, line, column, suggestion="write the value"))
    return sorted(found, key=lambda p: (p.line or 0, p.column or 0))


def _capped(problems: list[Problem]) -> list[Problem]:
    """The first :data:`MAX_PROBLEMS` problems, and a line saying how many more there were."""
    if len(problems) <= MAX_PROBLEMS:
        return problems
    more = len(problems) - MAX_PROBLEMS
    return [
        *problems[:MAX_PROBLEMS],
        Problem("", "", f"... and {more:,} more problems (the first {MAX_PROBLEMS:,} are shown)"),
    ]


def _ident(record: Any, field: str) -> Any:
    """The key of a record when it has a usable one: an ``id`` as text, a ``number`` as a whole number."""
    value = record.get(field) if isinstance(record, dict) else None
    usable = int if field == "number" else str | int
    return value if isinstance(value, usable) and not isinstance(value, bool) else None


def _folded(key: Any) -> Any:
    return key.casefold() if isinstance(key, str) else key


def _noun(key: str) -> str:
    return {"sdg_targets": "SDG target"}.get(key, key[:-1])


def _dotted(loc: Loc) -> str:
    """A location as ``meetings.0.number``; a part that is not printable text is shown as its repr."""

    def shown(part: object) -> str:
        plain = isinstance(part, int) or (isinstance(part, str) and part.isprintable())
        return clipped(str(part)) if plain else quoted(part)

    return ".".join(map(shown, loc))


def _short(value: object) -> str:
    """A value of a data file as a message quotes it (:func:`~.errors.quoted`; a date as YAML writes it)."""
    return value.isoformat() if isinstance(value, dt.date) else quoted(value)


#: What a value of each YAML kind is called in a message (not Python's type names).
_KIND_WORDS = {dict: "a mapping", list: "a list", type(None): "nothing (null)", bool: "true/false"}


def _shown(value: object) -> str:
    if isinstance(value, dict | list) or value is None:
        return _KIND_WORDS[type(value)]
    return _short(value)


_FOUND = {
    "a control character": f"[{CONTROL}]",
    "a bidirectional control character (it reorders what a reader sees)": f"[{BIDI}]",
}


def _unreadable(value: object) -> str:
    """Why a text was refused, in words, when it breaks one of the models' rules for texts."""
    if not isinstance(value, str):
        return ""
    for what, pattern in _FOUND.items():
        found = re.search(pattern, value)
        if found:
            return f"the text holds {what}, U+{ord(found.group()):04X}, at character {found.start() + 1}"
    if value and re.fullmatch(f"[{INVISIBLE}]+", value):
        return "the text shows nothing: only white space or invisible characters"
    if value and re.match(f"[{INVISIBLE}]", value):
        return "a name must start with a visible character, not white space or an invisible character"
    if value and re.match(f"[{FORMULA}]", value):
        return f"a name, code or label may not start with {value[0]!r}: spreadsheets run such a cell as a formula"
    if any(c in value for c in "\n\t\u2028\u2029"):
        return "a name, code or label is one line: no line breaks or tabs"
    return ""


_YAML11_NUMBER = r"[-+]?(?:0[0-7_]+|0x[0-9a-fA-F_]+|0b[01_]+|[0-9][0-9_]*(?::[0-5]?[0-9])+|[0-9][0-9_]*_[0-9_]*)"


def _hint(error: Any) -> tuple[str, str]:
    """What was expected, and a suggestion for the common mistakes (YAML 1.1 surprises, misspellings)."""
    from ._yaml import plain_int

    value, ctx, kind = error.get("input"), error.get("ctx") or {}, error["type"]
    if kind == "literal_error":
        expected = str(ctx.get("expected", ""))
        options = [o.strip(" '\"") for o in expected.replace(" or ", ",").split(",")]
        return expected, did_you_mean(value, options)
    if kind == "string_type" and isinstance(value, bool):
        return "a string", "YAML reads unquoted yes/no/on/off (and NO, Norway's code) as true/false: quote the value"
    if kind == "string_type" and isinstance(value, dt.date):
        return "a string", "YAML reads an unquoted date as a date: quote the value"
    if kind == "int_type":
        if isinstance(value, bool):
            return "a whole number", "YAML reads true/false (and yes/no/on/off) as booleans: write a plain number"
        if isinstance(value, float):
            return "a whole number", "write a plain whole number: no decimal point or exponent"
        if isinstance(value, str) and value.isdigit() and len(value) > 19:
            return "a whole number", f"a number of {len(value)} digits is beyond every limit of this format"
        if isinstance(value, str) and plain_int(value.strip()):
            return "a whole number", "a number in quotes is text: remove the quotes"
        if isinstance(value, str) and re.fullmatch(_YAML11_NUMBER, value):
            return "a whole number", (
                f"write the number in plain decimal digits: YAML 1.1 tools read {value[:30]} as octal, "
                "hexadecimal, binary or base 60 (010 is 8, 1:39 is 99)"
            )
        return "a whole number", ""
    if kind in ("less_than_equal", "greater_than_equal"):
        bound = ctx.get("le", ctx.get("ge"))
        return f"{'at most' if kind == 'less_than_equal' else 'at least'} {bound}", ""
    if kind == "string_pattern_mismatch" and _unreadable(value):
        return "text a reader can see, on one line for a name, code or label", ""
    if _roman(error):
        from ._number import standard_roman

        meant = standard_roman(value) if isinstance(value, str) else None
        return "a Roman numeral in capitals, such as IV or XIV", f"write {meant}" if meant else ""
    if kind == "extra_forbidden":
        return "no such field", ""
    if kind == "missing":
        return "a value", "add this field"
    if kind.startswith("date"):
        return "a date (YYYY-MM-DD)", ""
    if kind.endswith("_type") or kind.endswith("_parsing"):
        return kind.removesuffix("_type").removesuffix("_parsing").replace("_", " "), ""
    return "", ""


def _roman(error: Any) -> bool:
    """Whether ``error`` is a value that is not a Roman numeral in its standard form (:data:`models.Roman`)."""
    from ._number import STANDARD_ROMAN

    pattern = (error.get("ctx") or {}).get("pattern")
    return error["type"] == "string_pattern_mismatch" and pattern == f"^{STANDARD_ROMAN}$"


#: Environment variable naming extra data files or folders, separated by ``os.pathsep``.
PATH_VARIABLE = "SMUGGLING_WG_PATH"


def extra_paths(extra: Iterable[str | os.PathLike[str]] | None) -> list[str | os.PathLike[str]]:
    """The data files or folders to add: those given, then those of ``$SMUGGLING_WG_PATH``."""
    if isinstance(extra, str | os.PathLike):
        extra = [extra]  # one path, not the characters of one
    return [*(extra or ()), *(p for p in os.environ.get(PATH_VARIABLE, "").split(os.pathsep) if p)]
