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


def test_the_relevance_set_is_real_and_large_enough(ds: Dataset) -> None:
    questions = relevance.questions()
    assert len(questions) >= 100
    cyrillic = [q for q in questions if any("а" <= c <= "я" for c in q.query.lower())]
    assert len(cyrillic) == len(questions) - len(cyrillic)  # half Russian, half English
    asked = [q for q in questions if q.query.endswith("?")]
    assert len(asked) * 3 >= len(questions)  # a third or more phrased as a person asks
    assert {e.split()[0] for q in questions for e in q.expect} == {
        "agenda_item",
        "paragraph",
        "recommendation",
        "speaker",
    }
    meeting = ds.meeting(7)
    exists = {f"paragraph {p.number}" for p in meeting.paragraphs} | {
        f"recommendation {r.number}" for r in meeting.recommendations
    }
    exists |= {f"speaker {s.order}" for s in meeting.speakers} | {f"agenda_item {a.number}" for a in meeting.agenda}
    assert all(set(q.expect) <= exists and len(q.expect) <= 5 for q in questions)


def test_mrr_and_recall_at_5_meet_the_targets(ds: Dataset) -> None:
    ranked = relevance.ranks(relevance.library(ds), relevance.questions())
    misses = [(r.question.query, r.rank, r.recall, r.first) for r in ranked if r.rank != 1 or r.recall < 1]
    assert relevance.mrr(ranked) >= 0.9, misses
    assert relevance.recall_at_5(ranked) >= 0.95, misses


def test_the_relevance_script_reports_the_figures(capsys: pytest.CaptureFixture[str]) -> None:
    assert relevance.main(["--misses", "--only", "library"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("## library\n\n| question | expected | rank | recall@5 | first hit |\n")
    assert "library: MRR over 128 questions: 0.9" in out and "; recall@5: 0.9" in out


def test_stop_words_are_left_out_of_a_question(ds: Dataset) -> None:
    assert [t.stems for t in parse_query("Who chaired the meeting?")] == [("chair",), ("meet",)]
    assert [t.stems for t in parse_query("What is said about the pandemic?")] == [("pandem",)]
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
