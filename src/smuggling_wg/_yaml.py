"""Reading one YAML data file safely, keeping where every value stands.

Data from outside is untrusted. A file is read only if it is at most :data:`MAX_BYTES`,
is UTF-8, parses as YAML with the safe loader (no Python tags are ever constructed), has no
key twice in a mapping, uses no anchors or aliases (so a "billion laughs" file cannot
expand), has at most :data:`MAX_NODES` values and is a mapping at the top. Every failure is
a :class:`~smuggling_wg.errors.Problem` with file, line and column; nothing is half-read.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .errors import Problem

__all__ = ["MAX_BYTES", "MAX_NODES", "Loc", "ParsedFile", "parse"]

MAX_BYTES = 5 * 1024 * 1024
MAX_NODES = 200_000
Loc = tuple[Any, ...]


@dataclass
class ParsedFile:
    """A parsed file: its data and the (line, column) of every value by its path."""

    path: str
    data: dict[str, Any]
    positions: dict[Loc, tuple[int, int]] = field(default_factory=dict)

    def position(self, loc: Loc) -> tuple[int | None, int | None]:
        """Line and column of ``loc``, or of its nearest enclosing value that has one."""
        for end in range(len(loc), -1, -1):
            if loc[:end] in self.positions:
                return self.positions[loc[:end]]
        return None, None


def _loader_class() -> Any:
    import yaml

    base: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

    class StrictLoader(base):  # type: ignore[misc]
        """Safe loading, and a key given twice in one mapping is an error."""

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

    StrictLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, mapping)
    return StrictLoader


def _walk(node: Any, loc: Loc, positions: dict[Loc, tuple[int, int]], seen: set[int]) -> Problem | None:
    """Record positions of every value; refuse a node met twice (an alias) and too many nodes."""
    if id(node) in seen:
        return Problem(
            "",
            ".".join(map(str, loc)),
            "anchors and aliases (&name, *name) are not allowed: write each value out",
            node.start_mark.line + 1,
            node.start_mark.column + 1,
        )
    seen.add(id(node))
    if len(seen) > MAX_NODES:
        return Problem("", ".".join(map(str, loc)), f"more than {MAX_NODES:,} values in one file")
    positions[loc] = (node.start_mark.line + 1, node.start_mark.column + 1)
    if node.id == "mapping":
        for key_node, value_node in node.value:
            key: Any = key_node.value
            if key_node.tag.endswith(":int") and str(key).lstrip("-").isdigit():
                key = int(key)
            found = _walk(value_node, (*loc, key), positions, seen)
            if found:
                return found
    elif node.id == "sequence":
        for index, item in enumerate(node.value):
            found = _walk(item, (*loc, index), positions, seen)
            if found:
                return found
    return None


def parse(path: Path) -> ParsedFile | Problem:
    """Read and parse one file; a :class:`Problem` says why it could not be."""
    import yaml

    name = str(path)
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            return Problem(name, "", f"the file is {size:,} bytes; the limit is {MAX_BYTES:,}")
        text = path.read_bytes().decode("utf-8")
    except UnicodeDecodeError as exc:
        return Problem(
            name,
            "",
            f"not UTF-8: byte {exc.object[exc.start]:#04x} at offset {exc.start}",
            suggestion="save the file as UTF-8",
        )
    except OSError as exc:
        return Problem(name, "", f"cannot be read: {exc.strerror or exc}")
    loader = _loader_class()(text)
    try:
        node = loader.get_single_node()
        if node is None:
            return Problem(name, "", "the file is empty: no data")
        positions: dict[Loc, tuple[int, int]] = {}
        refused = _walk(node, (), positions, set())
        if refused:
            return Problem(name, refused.path, refused.message, refused.line, refused.column)
        data = loader.construct_document(node)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        message = " ".join(str(x) for x in (exc.context, exc.problem) if x)
        hint = "only plain YAML data is accepted: no tags such as !!python/..." if "constructor" in message else ""
        return Problem(
            name, "", message, mark.line + 1 if mark else None, mark.column + 1 if mark else None, suggestion=hint
        )
    except yaml.YAMLError as exc:
        return Problem(name, "", f"not valid YAML: {exc}")
    finally:
        loader.dispose()
    if not isinstance(data, dict):
        return Problem(name, "", f"expected a mapping at the top level, found {type(data).__name__}", 1, 1)
    return ParsedFile(name, data, positions)
