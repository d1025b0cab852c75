"""Full-text search: real queries in both languages and their expected hits."""

from __future__ import annotations

import json
import subprocess
import sys
from typing import Any

import pytest

import smuggling_wg as swg
from smuggling_wg.dataset import Dataset
from smuggling_wg.models import Paragraph, Recommendation


def _numbers(hits: tuple[swg.SearchHit[Any], ...]) -> list[int]:
    return [h.record.number for h in hits if isinstance(h.record, Recommendation | Paragraph)]


def test_inflected_russian_finds_other_forms(ds: Dataset) -> None:
    # the texts say «цифровых доказательств», «цифровым доказательствам»
    hits = ds.search("цифровые доказательства", kind="recommendation")
    assert sorted(_numbers(hits)) == [11, 12, 14]
    assert _numbers(ds.search("цифровые доказательства", kind="paragraph")) == [16, 13]


def test_english_stemming(ds: Dataset) -> None:
    assert sorted(_numbers(ds.search("digital evidence", kind="recommendation"))) == [11, 12, 14]
    assert sorted(_numbers(ds.search("investigating", language="en", kind="recommendation"))) == [5, 8, 10, 14, 21]


def test_lang_restricts_the_texts_searched(ds: Dataset) -> None:
    assert ds.search("digital evidence", language="ru") == ()
    assert {h.language for h in ds.search("digital evidence")} == {"en"}
    assert {h.language for h in ds.search("доказательства")} == {"ru"}


def test_case_and_yo_folding(ds: Dataset) -> None:
    assert ds.search("ВВЕЗЁННЫХ мигрантов") == ds.search("ввезенных мигрантов") != ()


def test_phrase_that_spans_a_line_break_in_the_original(ds: Dataset, raw_source: str) -> None:
    # «совместные следственные | группы» is broken across printed lines in para 9
    assert "совмест-" in raw_source
    hits = ds.search('"совместные следственные группы"', kind="paragraph")
    assert _numbers(hits) == [9]
    assert "**совместные следственные группы**" in hits[0].highlight()


def test_phrase_needs_the_words_in_sequence(ds: Dataset) -> None:
    assert _numbers(ds.search('"joint investigation teams"', kind="recommendation")) == [8]
    assert ds.search('"teams investigation joint"') == ()


def test_exclusion(ds: Dataset) -> None:
    every = set(_numbers(ds.search("цифровых", kind="recommendation")))
    without = set(_numbers(ds.search("цифровых -киберпространства", kind="recommendation")))
    assert every == {11, 12, 14} and without == {11, 14}
    assert _numbers(ds.search('цифровых -"цифровых доказательств"', kind="recommendation")) == []


def test_all_words_are_required(ds: Dataset) -> None:
    assert _numbers(ds.search("цифровых вспышках", kind="recommendation")) == []
    assert _numbers(ds.search("вспышках очагах", kind="recommendation")) == [13]


def test_speakers_agenda_and_themes_are_searched(ds: Dataset) -> None:
    (ragazzi,) = ds.search("Ragazzi", kind="speaker")
    assert {h.source for h in ds.search("Ragazzi", kind="paragraph")} == {(6,), (9,), (21,)}
    assert ragazzi.kind == "speaker" and ragazzi.record.order == 3
    assert ragazzi.source == (6, 9, 21)
    assert {h.kind for h in ds.search("средиземноморскому маршруту")} == {"paragraph", "speaker"}
    other = ds.search('"Other matters"')
    assert other[0].kind == "agenda_item" and other[0].record.number == 4  # type: ignore[union-attr]
    assert {h.source for h in other[1:]} == {(11,), (26,)}
    assert [h.record.id for h in ds.search("technology", kind="theme")] == ["technology"]


def test_hits_are_ranked_and_cited(ds: Dataset) -> None:
    hits = ds.search("COVID-19")
    assert len(hits) >= 10
    assert [h.score for h in hits] == sorted((h.score for h in hits), reverse=True)
    assert all(h.source and h.meeting == 7 for h in hits)


def test_snippet_highlights_the_match(ds: Dataset) -> None:
    hit = ds.search("очагах", kind="recommendation")[0]
    assert "**очагах**" in hit.highlight() and "**" not in hit.snippet
    assert hit.highlight(before="[", after="]").count("[очагах]") == 1
    assert hit.text[hit.spans[0][0] : hit.spans[0][1]] == "очагах"


def test_filters_are_validated(ds: Dataset) -> None:
    with pytest.raises(swg.InvalidFilter, match="Did you mean 'recommendation'"):
        ds.search("x", kind=["recommendations"])  # type: ignore[list-item]
    with pytest.raises(swg.InvalidFilter, match="unknown language 'fr'"):
        ds.search("x", language="fr")  # type: ignore[call-overload]
    with pytest.raises(swg.NotFound):
        ds.search("x", meeting=8)
    assert ds.search("мигрантов", meeting=7) == ds.search("мигрантов")


@pytest.mark.parametrize("query", ["", "   ", "-мигрантов", '""', "—"])
def test_query_without_words_is_an_error(ds: Dataset, query: str) -> None:
    with pytest.raises(swg.InvalidFilter, match="has no word to look for"):
        ds.search(query)


def test_nothing_found_is_an_empty_tuple(ds: Dataset) -> None:
    assert ds.search("квантовый") == ()


def test_index_is_read_lazily_once() -> None:
    """load() reads no index; the first search reads the compiled index once; later searches read nothing."""
    code = """
import json, sys
opened = []
sys.addaudithook(lambda event, args: opened.append(str(args[0])) if event == "open" else None)
import smuggling_wg as swg
ds = swg.load()
marks = [len(opened)]
ds.search("мигрантов"); marks.append(len(opened))
ds.search("migrants"); marks.append(len(opened))
index = [p for p in opened if p.endswith("search-index.json")]
before = [p for p in opened[: marks[0]] if p.endswith("search-index.json")]
files = [p.rsplit("/", 1)[-1] for p in opened[marks[0] : marks[1]]]
print(json.dumps({"files": files, "later": marks[2] - marks[1], "index_reads": len(index), "before": before}))
"""
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    report = json.loads(done.stdout)
    assert report["before"] == [] and report["index_reads"] == 1 and report["later"] == 0, report
    assert "search-index.json" in report["files"]
