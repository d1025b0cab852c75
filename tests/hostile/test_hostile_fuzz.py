"""Arbitrary YAML documents, mixed with fragments of the real format: only DataError ever comes out.

The strategy builds random trees of mappings, sequences and scalars and writes them as YAML
with random styles, tags (core, unknown, Python), complex keys, anchors, tricky YAML 1.1
tokens and deep nesting; it also plants random values into the example meeting and its
records, and gives random bytes. 2,000 examples in every run.
"""

from __future__ import annotations

import json
import tempfile
from pathlib import Path
from typing import Any

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import smuggling_wg as swg
from profiles import scaled
from smuggling_wg._fileformat import DataFile

EXAMPLE = Path(__file__).resolve().parent.parent.parent / "examples" / "example-meeting.yaml"
_EXAMPLE = yaml.safe_load(EXAMPLE.read_text(encoding="utf-8"))
_FIELDS = sorted(
    set(DataFile.model_fields)
    | {"number", "id", "kind", "name", "ru", "en", "meeting", "recommendations", "paragraphs", "source", "actor"}
)
_TOKENS = [
    "010",
    "0x1F",
    "0b101",
    "1:39",
    "1_000",
    "99.0",
    "1.0e+3",
    ".nan",
    "-.inf",
    "~",
    "null",
    "yes",
    "NO",
    "on",
    "true",
    "2021-02-29",
    "2020-13-01",
    "2020-09-08",
    "2020-09-08 25:61:00",
    "=",
    "<<",
    "ITA",
    "ita",
    "Italy",
    "7",
    "99",
    "-1",
    "0",
    "9" * 40,
    "16.4",
    "\u202eevil",
    "\x1b[2J",
    "=cmd",
    "@SUM",
    "\u200b",
    "'",
    '"',
    ":",
    "- x",
]
_TAGS = [
    "",
    "",
    "",
    "",
    "!!int ",
    "!!bool ",
    "!!float ",
    "!!str ",
    "!!null ",
    "!!binary ",
    "!!set ",
    "!!timestamp ",
    "!!map ",
    "!!seq ",
    "!foo ",
    "!!python/object:os.system ",
    "!<tag:x> ",
]

_scalars = st.one_of(
    st.integers(-(2**70), 2**70),
    st.floats(allow_nan=True),
    st.booleans(),
    st.none(),
    st.text(max_size=20),
    st.sampled_from(_TOKENS),
)
_trees = st.recursive(
    _scalars,
    lambda children: st.one_of(
        st.lists(children, max_size=4),
        st.dictionaries(
            st.one_of(st.sampled_from(_FIELDS), st.text(max_size=8), st.integers(-5, 100)), children, max_size=4
        ),
        st.tuples(st.just("complex-key"), children, children),
    ),
    max_leaves=25,
)


def _render(tree: Any, draw: st.DrawFn, depth: int = 0) -> str:
    """``tree`` as flow YAML, with random tags, plain or quoted scalars, complex keys and anchors."""
    tag = draw(st.sampled_from(_TAGS)) if draw(st.integers(0, 5)) == 0 else ""
    anchor = "&a " if draw(st.integers(0, 30)) == 0 else ""
    if isinstance(tree, tuple):
        return f"{tag}{{{_render(tree[1], draw, depth + 1)}: {_render(tree[2], draw, depth + 1)}}}"
    if isinstance(tree, list):
        return f"{anchor}{tag}[" + ", ".join(_render(item, draw, depth + 1) for item in tree) + "]"
    if isinstance(tree, dict):
        items = ", ".join(f"{_render(k, draw, depth + 1)}: {_render(v, draw, depth + 1)}" for k, v in tree.items())
        return f"{anchor}{tag}{{{items}}}"
    if (
        isinstance(tree, str)
        and draw(st.booleans())
        and tree.strip()
        and tree.isprintable()
        and ",:[]{}#&*!|>'\"%@`" not in tree
    ):
        return f"{tag}{tree}"  # plain: YAML 1.1 resolves it (010, yes, 1:39, dates)
    return f"{tag}{json.dumps(tree)}"


@st.composite
def documents(draw: st.DrawFn) -> bytes:
    kind = draw(st.integers(0, 5))
    if kind == 0:
        return draw(st.binary(max_size=200))
    if kind == 1:  # a random tree at the top
        return _render(draw(_trees), draw).encode("utf-8", "surrogatepass")
    if kind == 2:  # a random tree under a real top-level key
        key = draw(st.sampled_from(list(DataFile.model_fields)))
        return f"{key}: {_render(draw(_trees), draw)}\n".encode("utf-8", "surrogatepass")
    if kind == 3:  # deep nesting, in flow or block style
        depth = draw(st.integers(1, 1200))
        if draw(st.booleans()):
            return ("x: " + "[" * depth + "]" * depth + "\n").encode()
        return "".join("  " * i + "a:\n" for i in range(min(depth, 300))).encode()
    # the example meeting (or a record of it) with one value replaced by a random tree
    data = json.loads(json.dumps(_EXAMPLE, default=str))
    node: Any = data
    path = []
    while isinstance(node, dict | list) and node and draw(st.integers(0, 3)):
        key = draw(st.sampled_from(list(node) if isinstance(node, dict) else list(range(len(node)))))
        path.append(key)
        node = node[key]
    value = draw(_trees)
    if not path:
        return (
            yaml.safe_dump({"meetings": [value]}).encode()
            if kind == 4
            else _render(value, draw).encode("utf-8", "surrogatepass")
        )
    target: Any = data
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = value
    text = yaml.safe_dump(data, allow_unicode=True) if kind == 4 else _render(data, draw)
    return text.encode("utf-8", "surrogatepass")


_FOLDER = Path(tempfile.mkdtemp(prefix="smuggling-wg-fuzz-"))


@settings(max_examples=scaled(200), deadline=None, suppress_health_check=list(HealthCheck))
@given(documents())
def test_only_data_errors_escape(content: bytes) -> None:
    path = _FOLDER / "fuzz.yaml"
    path.write_bytes(content)
    problems: tuple[swg.Problem, ...] = ()
    try:
        swg.load(extra=[path])
    except swg.DataError as exc:
        problems = exc.problems
        assert problems, "a DataError names at least one problem"
    assert swg.validate(path) == problems
