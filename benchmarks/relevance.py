"""Mean reciprocal rank and recall at 5 of the search over the relevance set (benchmarks/relevance.yaml).

    python benchmarks/relevance.py              # a table of every question, then the figures
    python benchmarks/relevance.py --misses     # only the questions not answered perfectly
    python benchmarks/relevance.py --only site  # one of library, site (Chromium), datasette (over HTTP)

Each question lists the records a reader expects, the one wanted most first. Its reciprocal
rank is 1 / the rank of the first expected record among the hits of ``ds.search(question)``
(0 when none is found); its recall at 5 is the share of the expected records among the first
five hits. The tests keep the means at the targets (MRR >= 0.90, recall@5 >= 0.95).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

import smuggling_wg as swg

RELEVANCE = Path(__file__).resolve().parent / "relevance.yaml"


@dataclass(frozen=True)
class Question:
    """A question and the records a reader expects ("paragraph 19", "speaker 3"), the one wanted most first."""

    query: str
    expect: tuple[str, ...]


@dataclass(frozen=True)
class Ranked:
    """How one question was answered: the rank of its first expected record, its recall at 5, the first hit."""

    question: Question
    rank: int | None
    recall: float
    first: str


def questions(path: Path = RELEVANCE) -> list[Question]:
    """The relevance set."""
    raw = yaml.safe_load(path.read_text(encoding="utf-8"))["questions"]
    return [Question(q["query"], tuple(q["expect"])) for q in raw]


def name(hit: swg.search.SearchHit[Any]) -> str:
    """A hit as the relevance set names records: kind and key."""
    return f"{hit.kind} {hit.key}"


def library(ds: swg.Dataset) -> Callable[[str], list[str]]:
    """The ranked record names ``ds.search`` gives for a query."""
    return lambda query: [name(h) for h in ds.search(query)]


#: What the site-wide search page shows, in order: the records it did not hide.
SHOWN = "els => els.filter(e => !e.hidden).map(e => e.dataset.kind + ' ' + e.dataset.key)"


@contextmanager
def site(ds: swg.Dataset, chromium: str = "/usr/bin/chromium") -> Iterator[Callable[[str], list[str]]]:
    """The ranked record names the web edition's site-wide search page shows for a query, in Chromium.

    Builds the site of ``ds`` in a temporary folder, opens ``ru/search.html`` from file:// and
    types each query into its box, as a reader does (needs the ``[site]`` extra and Playwright).
    """
    from playwright.sync_api import sync_playwright

    from smuggling_wg.export import site as build_site

    with tempfile.TemporaryDirectory() as folder, sync_playwright() as p:
        build_site(ds, Path(folder) / "site")
        browser = p.chromium.launch(executable_path=chromium, args=["--headless", "--no-sandbox", "--disable-gpu"])
        try:
            page = browser.new_page()
            page.goto((Path(folder) / "site" / "ru" / "search.html").as_uri())

            def search(query: str) -> list[str]:
                page.fill("#q", query)
                return list(page.eval_on_selector_all("[data-sitewide] > li", SHOWN))

            yield search
        finally:
            browser.close()


#: The tables Datasette searches, in the order ds.search breaks ties, and each one's key column.
DATASETTE_TABLES = (
    ("recommendation", "recommendations", "number"),
    ("paragraph", "paragraphs", "number"),
    ("speaker", "speakers", "order"),
    ("agenda_item", "agenda_items", "number"),
    ("theme", "themes", "id"),
)


@contextmanager
def datasette(ds: swg.Dataset) -> Iterator[Callable[[str], list[str]]]:
    """The record names Datasette's own search (``?_search=``, its default mode) gives for a query, over HTTP.

    Exports the SQLite database of ``ds``, serves it with ``datasette`` on 127.0.0.1 and asks
    each table of :data:`DATASETTE_TABLES` in turn; Datasette does not rank a table's search
    results, so the hits are each table's in its order, the tables in that order.
    """
    import json
    import socket
    import subprocess
    import time
    import urllib.parse
    import urllib.request

    from smuggling_wg.export import export

    with tempfile.TemporaryDirectory() as folder, socket.socket() as probe:
        export(ds, "sqlite", folder)
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
        probe.close()
        command = [sys.executable, "-m", "datasette", "serve", "smuggling-wg.db", "-m", "metadata.json"]
        process = subprocess.Popen(
            [*command, "-h", "127.0.0.1", "-p", str(port)],
            cwd=folder,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )
        base = f"http://127.0.0.1:{port}/smuggling-wg"
        try:
            while True:  # ready when it answers
                try:
                    with urllib.request.urlopen(f"http://127.0.0.1:{port}/-/versions.json", timeout=2):
                        break
                except OSError:
                    if process.poll() is not None:
                        raise RuntimeError("datasette did not start") from None
                    time.sleep(0.2)

            def search(query: str) -> list[str]:
                names = []
                for kind, table, key in DATASETTE_TABLES:
                    url = f"{base}/{table}.json?_search={urllib.parse.quote(query)}&_shape=array&_size=max"
                    with urllib.request.urlopen(url, timeout=30) as response:
                        names += [f"{kind} {row[key]}" for row in json.loads(response.read())]
                return names

            yield search
        finally:
            process.terminate()
            process.wait(timeout=30)


def ranks(search: Callable[[str], Sequence[str]], asked: list[Question]) -> list[Ranked]:
    """Each question's answer by ``search`` (a query -> the names of its hits, ranked)."""
    result = []
    for question in asked:
        names = list(search(question.query))
        found = [names.index(e) + 1 for e in question.expect if e in names]
        recall = len(set(question.expect) & set(names[:5])) / len(question.expect)
        result.append(Ranked(question, min(found) if found else None, recall, names[0] if names else "nothing"))
    return result


def mrr(ranked: list[Ranked]) -> float:
    """The mean reciprocal rank."""
    return sum(1 / r.rank for r in ranked if r.rank) / max(1, len(ranked))


def recall_at_5(ranked: list[Ranked]) -> float:
    """The mean recall at 5."""
    return sum(r.recall for r in ranked) / max(1, len(ranked))


def report(label: str, ranked: list[Ranked], misses: bool) -> None:
    """Print one searcher's table and figures."""
    print(f"## {label}")
    print()
    print("| question | expected | rank | recall@5 | first hit |")
    print("|---|---|---:|---:|---|")
    for r in ranked:
        if not misses or r.rank != 1 or r.recall < 1:
            expected = ", ".join(r.question.expect)
            print(f"| {r.question.query} | {expected} | {r.rank or '-'} | {r.recall:.2f} | {r.first} |")
    print()
    print(f"{label}: MRR over {len(ranked)} questions: {mrr(ranked):.3f}; recall@5: {recall_at_5(ranked):.3f}")
    print()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="MRR and recall@5 of the search over the relevance set.")
    parser.add_argument("--misses", action="store_true", help="list only the questions not answered perfectly")
    parser.add_argument(
        "--only", choices=("library", "site", "datasette"), action="append", help="measure only these (default: all)"
    )
    args = parser.parse_args(argv)
    ds, asked = swg.load(), questions()
    wanted = args.only or ["library", "site", "datasette"]
    if "library" in wanted:
        report("library", ranks(library(ds), asked), args.misses)
    if "site" in wanted:
        with site(ds) as search:
            report("site (Chromium, the site-wide search page)", ranks(search, asked), args.misses)
    if "datasette" in wanted:
        with datasette(ds) as search:
            report("Datasette (its own search box, ?_search=)", ranks(search, asked), args.misses)
    return 0


if __name__ == "__main__":
    sys.exit(main())
