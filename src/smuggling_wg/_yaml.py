"""Reading one YAML data file safely, keeping where every value stands.

Data from outside is untrusted. :func:`read` reads at most :data:`MAX_BYTES` (+1, to tell a
file that is too big) from a regular file or standard input, whatever the path names: a
FIFO, a device (``/dev/zero``) or a folder is refused without waiting on it. :func:`parse`
accepts the bytes only if they are UTF-8 and parse as YAML with the safe loader (no Python
tags are ever constructed), with at most :data:`MAX_DEPTH` levels of nesting,
:data:`MAX_NODES` values and :data:`MAX_STRING` characters in a value (all checked on the
event stream, before anything is built), no key twice in a mapping, no list or mapping as a
key, no anchors or aliases (so a "billion laughs" file cannot expand), only the plain tags
(text, numbers, true/false, null, dates, lists, mappings), and a mapping at the top.

Integers are read strictly: only a plain decimal token (``7``, ``-3``) becomes an ``int``.
YAML 1.1 also reads ``010`` as octal 8, ``0x1F`` as hexadecimal and ``1:39`` as base 60
(99); such a token is kept as the text written, so an integer field refuses it (with a hint)
instead of taking a number the author did not write. Every failure is a
:class:`~smuggling_wg.errors.Problem` with file, line and column; nothing is half-read.
"""

from __future__ import annotations

import os
import re
import stat
import sys
from dataclasses import dataclass, field
from typing import Any

from .errors import Problem

__all__ = [
    "MAX_BYTES",
    "MAX_DEPTH",
    "MAX_KEY",
    "MAX_NODES",
    "MAX_STRING",
    "STDIN",
    "Loc",
    "ParsedFile",
    "parse",
    "plain_int",
    "read",
]

#: Bytes in one file. The whole bundled dataset is 220 KB of YAML; 5 MB is twenty times that.
MAX_BYTES = 5 * 1024 * 1024
#: Values (scalars, lists, mappings) in one file: the bundled meeting has about 9,000.
MAX_NODES = 200_000
#: Levels of nesting. The format needs 8 (file, meetings, meeting, recommendations, ...);
#: a deeper file is not data of this format, and refusing it keeps the parser's recursion bounded.
MAX_DEPTH = 32
#: Characters in one value. The longest bundled text (a paragraph) has 2,094.
MAX_STRING = 100_000
#: Characters in one mapping key. Keys are field names, codes and numbers.
MAX_KEY = 200
#: Names that mean standard input.
STDIN = ("-", "/dev/stdin")
Loc = tuple[Any, ...]
_stdin: list[bytes | Problem] = []

_PLAIN_INT = re.compile(r"[-+]?(?:0|[1-9][0-9]{0,18})")
_TAGS = {f"tag:yaml.org,2002:{name}" for name in ("str", "int", "float", "bool", "null", "map", "seq", "timestamp")}


def plain_int(token: str) -> bool:
    """Whether a YAML token is a plain decimal integer that fits in 64 bits' worth of digits."""
    return _PLAIN_INT.fullmatch(token) is not None


@dataclass
class ParsedFile:
    """A parsed file: its data and the (line, column) of every value by its path."""

    path: str
    data: dict[str, Any]
    positions: dict[Loc, tuple[int, int]] = field(default_factory=dict)
    #: Values YAML could not build (``2021-02-30``, ``!!int abc``): where, and why. They stay in
    #: ``data`` as written (:class:`Unbuilt`), so the rest of the file is still checked.
    unbuilt: tuple[tuple[Loc, str], ...] = ()

    def position(self, loc: Loc) -> tuple[int | None, int | None]:
        """Line and column of ``loc``, or of its nearest enclosing value that has one."""
        for end in range(len(loc), -1, -1):
            if loc[:end] in self.positions:
                return self.positions[loc[:end]]
        return None, None


def read(path: str | os.PathLike[str], limit: int | None = None) -> bytes | Problem:
    """At most ``limit`` (default :data:`MAX_BYTES`) bytes of a regular file, or of standard input (``-``).

    The file is opened without blocking and checked on the open descriptor, so a FIFO, a
    device, a socket or a folder is refused at once, and nothing past ``limit + 1`` bytes is
    ever read (``/dev/zero`` cannot fill the memory).
    """
    name = str(path)
    limit = MAX_BYTES if limit is None else limit
    try:
        if name in STDIN:  # read once; asked again, the same bytes (standard input cannot be read twice)
            if sys.stdin is None:
                return Problem(name, "", "cannot be read: standard input is closed")
            if not _stdin:
                _stdin.append(_bounded(name, sys.stdin.buffer.fileno(), limit))
            return _stdin[0]
        fd = os.open(name, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0))
        try:
            mode = os.fstat(fd)
            if not stat.S_ISREG(mode.st_mode):
                return Problem(name, "", f"not a regular file ({_kind(mode.st_mode)}): only data files are read")
            if mode.st_size > limit:
                return Problem(name, "", f"the file is {mode.st_size:,} bytes; the limit is {limit:,}")
            return _bounded(name, fd, limit)
        finally:
            os.close(fd)
    except (OSError, ValueError, AttributeError) as exc:  # AttributeError: a stdin replaced by one without a file
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
        return Problem(name, "", f"cannot be read: {reason}")


def _bounded(name: str, fd: int, limit: int) -> bytes | Problem:
    chunks: list[bytes] = []
    got = 0
    while got <= limit:
        chunk = os.read(fd, min(1 << 16, limit + 1 - got))
        if not chunk:
            return b"".join(chunks)
        chunks.append(chunk)
        got += len(chunk)
    return Problem(name, "", f"more than {limit:,} bytes; the limit is {limit:,}")


def _kind(mode: int) -> str:
    kinds = {stat.S_ISDIR: "a folder", stat.S_ISFIFO: "a FIFO", stat.S_ISCHR: "a character device"}
    kinds |= {stat.S_ISBLK: "a block device", stat.S_ISSOCK: "a socket"}
    return next((kind for test, kind in kinds.items() if test(mode)), "not a file")


class Unbuilt(str):
    """A scalar YAML could not build under its tag (a date that does not exist), kept as written."""

    reason: str


def _unbuilt(value: Any, loc: Loc) -> list[tuple[Loc, str]]:
    """Where in ``value`` an :class:`Unbuilt` scalar is, with its reason."""
    if isinstance(value, Unbuilt):
        return [(loc, value.reason)]
    if isinstance(value, dict):
        found = [(loc + (key,), key.reason) for key in value if isinstance(key, Unbuilt)]
        return found + [f for key, item in value.items() for f in _unbuilt(item, (*loc, key))]
    if isinstance(value, list):
        return [f for i, item in enumerate(value) for f in _unbuilt(item, (*loc, i))]
    return []


def _loader_class() -> Any:
    import yaml

    base: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

    class StrictLoader(base):  # type: ignore[misc]
        """Safe loading; a key given twice is an error; a value that cannot be built is located."""

        def construct_object(self, node: Any, deep: bool = False) -> Any:
            try:
                return super().construct_object(node, deep=deep)
            except yaml.YAMLError:
                raise
            except Exception as exc:  # a bad value under a tag: !!int abc, !!bool maybe, 2021-02-29
                shown = str(node.value)[:40] if node.id == "scalar" else node.id
                tag = node.tag.replace("tag:yaml.org,2002:", "!!")
                message = f"{shown!r} is not a valid {tag} value ({exc})"
                if node.id != "scalar":
                    raise yaml.constructor.ConstructorError(None, None, message, node.start_mark) from None
                kept = Unbuilt(node.value)  # reported where it is, and the rest of the file is still checked
                kept.reason = message
                return kept

    def mapping(loader: Any, node: Any, deep: bool = False) -> dict[Any, Any]:
        seen: set[Any] = set()
        for key_node, _ in node.value:
            key = loader.construct_object(key_node, deep=deep)
            if key in seen:
                mark = key_node.start_mark
                raise yaml.constructor.ConstructorError(
                    None, None, f"duplicate key {key!r}: each key may appear once in a mapping", mark
                )
            seen.add(key)
        return dict(loader.construct_mapping(node, deep=deep))

    def integer(loader: Any, node: Any) -> int | str:
        token = loader.construct_scalar(node)
        return int(token) if plain_int(token) else str(token)  # 010, 0x1F, 1:39: kept as written

    StrictLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, mapping)
    StrictLoader.add_constructor("tag:yaml.org,2002:int", integer)
    return StrictLoader


def _prescan(loader: Any) -> Problem | None:
    """Refuse deep nesting, too many values and too long values from the events, before composing."""
    import yaml

    depth = count = 0
    while loader.check_event():
        event = loader.get_event()
        if isinstance(event, yaml.CollectionStartEvent):
            depth += 1
            if depth > MAX_DEPTH:
                return _at(event, f"nested more than {MAX_DEPTH} levels deep")
        elif isinstance(event, yaml.CollectionEndEvent):
            depth -= 1
        elif isinstance(event, yaml.ScalarEvent) and len(event.value) > MAX_STRING:
            return _at(event, f"a value of {len(event.value):,} characters; the limit is {MAX_STRING:,}")
        if isinstance(event, yaml.NodeEvent):
            count += 1
            if count > MAX_NODES:
                return _at(event, f"more than {MAX_NODES:,} values in one file")
    return None


def _at(event: Any, message: str) -> Problem:
    mark = event.start_mark
    return Problem("", "", message, mark.line + 1, mark.column + 1)


def _walk(node: Any, loc: Loc, positions: dict[Loc, tuple[int, int]], seen: set[int]) -> Problem | None:
    """Record positions of every value; refuse aliases, complex or long keys, and unusual tags."""
    here = (node.start_mark.line + 1, node.start_mark.column + 1)

    def refuse(message: str, hint: str = "") -> Problem:
        return Problem("", ".".join(map(str, loc)), message, *here, suggestion=hint)

    if id(node) in seen:
        return refuse("anchors and aliases (&name, *name) are not allowed: write each value out")
    seen.add(id(node))
    if node.tag not in _TAGS:
        tag = node.tag.replace("tag:yaml.org,2002:", "!!")
        return refuse(
            f"the tag {tag[:40]} is not allowed",
            "only plain YAML data is accepted: text, numbers, true/false, null, dates, lists and mappings",
        )
    positions[loc] = here
    if node.id == "mapping":
        for key_node, value_node in node.value:
            if key_node.id != "scalar":
                return refuse(
                    f"a {'list' if key_node.id == 'sequence' else 'mapping'} used as a key",
                    "keys are plain text or numbers",
                )
            key: Any = key_node.value
            if len(key) > MAX_KEY:
                return refuse(f"a key of {len(key):,} characters; the limit is {MAX_KEY:,}")
            if key_node.tag.endswith(":int"):
                if not plain_int(key):
                    return refuse(f"the key {key[:40]} is not a plain decimal number", "write it in digits: 8, not 010")
                key = int(key)
            found = _walk(key_node, (*loc, key), {}, seen) or _walk(value_node, (*loc, key), positions, seen)
            if found:
                return found
    elif node.id == "sequence":
        for index, item in enumerate(node.value):
            found = _walk(item, (*loc, index), positions, seen)
            if found:
                return found
    return None


def parse(name: str, raw: bytes) -> ParsedFile | Problem:
    """Parse the bytes of one file (see :func:`read`); a :class:`Problem` says why they could not be."""
    import yaml

    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        return Problem(
            name,
            "",
            f"not UTF-8: byte {exc.object[exc.start]:#04x} at offset {exc.start}",
            suggestion="save the file as UTF-8",
        )
    loader_class = _loader_class()
    loader = loader_class(text)
    try:
        refused = _prescan(loader)
    except yaml.YAMLError:
        refused = None  # a syntax error: composing below reports it where it is
    finally:
        loader.dispose()
    if refused:
        return Problem(name, "", refused.message, refused.line, refused.column)
    loader = loader_class(text)
    positions: dict[Loc, tuple[int, int]] = {}
    try:
        node = loader.get_single_node()
        if node is None:
            return Problem(name, "", "the file is empty: no data")
        refused = _walk(node, (), positions, set())
        if refused:
            return Problem(
                name, refused.path, refused.message, refused.line, refused.column, suggestion=refused.suggestion
            )
        data = loader.construct_document(node)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        message = " ".join(str(x) for x in (exc.context, exc.problem) if x)
        hint = "only plain YAML data is accepted: no tags such as !!python/..." if "constructor for" in message else ""
        lines = text.splitlines()
        if mark and mark.line < len(lines) and lines[mark.line][mark.column : mark.column + 1] == "\t":
            hint = "YAML is indented with spaces, not tabs"
        line, column = (mark.line + 1, mark.column + 1) if mark else (None, None)
        at: list[Loc] = [loc for loc, where in positions.items() if where == (line, column)]  # the marked value
        path = ".".join(map(str, sorted(at, key=len)[-1])) if at else ""
        return Problem(name, path, message, line, column, suggestion=hint)
    except yaml.reader.ReaderError as exc:  # a character YAML does not allow: located by its offset
        before = text[: exc.position]
        line, column = before.count("\n") + 1, exc.position - (before.rfind("\n") + 1) + 1
        code = exc.character if isinstance(exc.character, int) else ord(str(exc.character)[:1] or "\0")
        return Problem(
            name,
            "",
            f"a character YAML does not allow: {chr(code)!r} (#x{code:04x})",
            line,
            column,
            suggestion="remove it: control characters other than tab and newline are not text",
        )
    except yaml.YAMLError as exc:
        return Problem(name, "", f"not valid YAML: {exc}")
    finally:
        loader.dispose()
    if not isinstance(data, dict):
        return Problem(name, "", f"expected a mapping at the top level, found {type(data).__name__}", 1, 1)
    return ParsedFile(name, data, positions, tuple(_unbuilt(data, ())))
