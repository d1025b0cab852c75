"""Imports flow one way, type-only imports included: no circle, every module in a layer (issue 23).

import-linter checks the layers of pyproject.toml at run time (``exclude_type_checking_imports``);
this test checks the same layers over the whole import graph, ``if TYPE_CHECKING:`` imports
included, so a type-only upward import or circle fails too. The only imports it leaves out are
the contract's own ``ignore_imports``: display methods that import the display code lazily.
"""

from __future__ import annotations

import sys
from pathlib import Path

import grimp

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = "smuggling_wg"


def _contract() -> tuple[list[list[str]], set[tuple[str, str]]]:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["importlinter"]
    (layers,) = [c for c in config["contracts"] if c["type"] == "layers"]
    levels = [[f"{PACKAGE}.{name.strip()}" for name in layer.split(":")] for layer in layers["layers"]]
    ignored = {tuple(rule.replace(" ", "").split("->")) for rule in layers.get("ignore_imports", [])}
    return levels, ignored


def _graph() -> dict[str, set[str]]:
    """Every module's imports of the package's modules, type-only ones included, the ignored ones left out."""
    graph = grimp.build_graph(PACKAGE, exclude_type_checking_imports=False, cache_dir=None)
    _, ignored = _contract()
    return {m: {i for i in graph.find_modules_directly_imported_by(m) if (m, i) not in ignored} for m in graph.modules}


def _layer_of(module: str, levels: list[list[str]]) -> int | None:
    for depth, names in enumerate(levels):
        if any(module == n or module.startswith(n + ".") for n in names):
            return depth
    return None


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected parts of more than one module (Tarjan), each a circle of imports."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    found: list[list[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        for w in graph[v]:
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            part = []
            while True:
                w = stack.pop()
                part.append(w)
                if w == v:
                    break
            if len(part) > 1:
                found.append(sorted(part))

    for v in sorted(graph):
        if v not in index:
            visit(v)
    return found


def test_the_import_graph_has_no_circle_even_type_only() -> None:
    graph = _graph()
    assert len(graph) > 30
    assert _cycles(graph) == []


def test_every_module_is_in_a_layer() -> None:
    levels, _ = _contract()
    outside = [m for m in _graph() if m not in (PACKAGE, f"{PACKAGE}.__main__") and _layer_of(m, levels) is None]
    assert outside == []


def test_no_import_goes_up_a_layer_even_type_only() -> None:
    levels, _ = _contract()
    upward = []
    for module, imported in _graph().items():
        here = _layer_of(module, levels)
        for other in imported:
            there = _layer_of(other, levels)
            if here is not None and there is not None and there < here:
                upward.append(f"{module} -> {other}")
    assert upward == []


def test_the_circle_finder_finds_a_circle() -> None:
    assert _cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]
    assert _cycles({"a": {"b"}, "b": set()}) == []
