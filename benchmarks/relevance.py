"""Mean reciprocal rank of the search over the relevance set (benchmarks/relevance.yaml).

    python benchmarks/relevance.py            # a table of every question, then the MRR
    python benchmarks/relevance.py --misses   # only the questions whose expected record is not first

Each question's reciprocal rank is 1 / the rank of the record a reader expects first among the
hits of ``ds.search(question)`` (0 when it is not found). The tests keep the mean at 0.9 or more.
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

import smuggling_wg as swg

RELEVANCE = Path(__file__).resolve().parent / "relevance.yaml"


@dataclass(frozen=True)
class Question:
    """A question and the record a reader expects first ("paragraph 19", "speaker 3")."""

    query: str
    expect: str


def questions(path: Path = RELEVANCE) -> list[Question]:
    """The relevance set."""
    return [Question(**q) for q in yaml.safe_load(path.read_text(encoding="utf-8"))["questions"]]


def _name(hit: swg.search.SearchHit[Any]) -> str:
    record = hit.record
    key = getattr(record, "number", None) or getattr(record, "order", None) or getattr(record, "id", "")
    return f"{hit.kind} {key}"


def ranks(ds: swg.Dataset, asked: list[Question]) -> list[tuple[Question, int | None, str]]:
    """Each question's rank of its expected record (None: not found) and the record ranked first."""
    result = []
    for question in asked:
        names = [_name(h) for h in ds.search(question.query)]
        rank = names.index(question.expect) + 1 if question.expect in names else None
        result.append((question, rank, names[0] if names else "nothing"))
    return result


def mrr(ranked: list[tuple[Question, int | None, str]]) -> float:
    """The mean reciprocal rank."""
    return sum(1 / rank for _, rank, _ in ranked if rank) / max(1, len(ranked))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Mean reciprocal rank of the search over the relevance set.")
    parser.add_argument("--misses", action="store_true", help="list only the questions not answered first")
    args = parser.parse_args(argv)
    ranked = ranks(swg.load(), questions())
    print("| question | expected | rank | first hit |")
    print("|---|---|---:|---|")
    for question, rank, first in ranked:
        if not args.misses or rank != 1:
            print(f"| {question.query} | {question.expect} | {rank or '-'} | {first} |")
    print()
    print(f"MRR over {len(ranked)} questions: {mrr(ranked):.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
