"""Search relevance: the relevance set's mean reciprocal rank, and the ranking rules behind it."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from smuggling_wg.dataset import Dataset
from smuggling_wg.search import parse_query

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))
import relevance  # noqa: E402

sys.path.remove(str(ROOT / "benchmarks"))


def test_the_relevance_set_is_real_and_large_enough() -> None:
    questions = relevance.questions()
    assert len(questions) >= 30
    cyrillic = [q for q in questions if any("а" <= c <= "я" for c in q.query.lower())]
    assert len(cyrillic) >= 10 and len(questions) - len(cyrillic) >= 10
    assert {q.expect.split()[0] for q in questions} == {"paragraph", "recommendation", "speaker"}


def test_mean_reciprocal_rank_is_at_least_0_9(ds: Dataset) -> None:
    ranked = relevance.ranks(ds, relevance.questions())
    assert relevance.mrr(ranked) >= 0.9, [(q.query, rank, first) for q, rank, first in ranked if rank != 1]


def test_the_relevance_script_reports_the_mrr(capsys: pytest.CaptureFixture[str]) -> None:
    assert relevance.main(["--misses"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("| question | expected | rank | first hit |\n")
    assert "MRR over 42 questions: 0.9" in out


def test_stop_words_are_left_out_of_a_question(ds: Dataset) -> None:
    assert [t.stems for t in parse_query("Who chaired the meeting?")] == [("chair",), ("meet",)]
    assert [t.stems for t in parse_query("закрытие границ во время пандемии")] == [
        ("закрыт",),
        ("границ",),
        ("пандем",),
    ]
    assert [t.stems for t in parse_query("the")] == [("the",)]  # a query of stop words only keeps them
    assert [t.stems for t in parse_query('"Other matters" of')] == [("other", "matter")]
    assert [h.source for h in ds.search("Кто открыл совещание?")][:1] == [(19,)]


def test_a_name_in_a_heading_ranks_its_record_first(ds: Dataset) -> None:
    assert ds.search("Ragazzi")[0].kind == "speaker"
    assert ds.search("digital databases")[0].source == (14,)  # the paragraph that says it, not its speaker
