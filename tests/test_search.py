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
    hits = ds.search('"цифровые доказательства"', kind="recommendation")
    assert sorted(_numbers(hits)) == [11, 12, 14]
    assert _numbers(ds.search('"цифровые доказательства"', kind="paragraph")) == [16, 13]


def test_english_stemming(ds: Dataset) -> None:
    assert sorted(_numbers(ds.search('"digital evidence"', kind="recommendation"))) == [11, 12, 14]
    assert sorted(_numbers(ds.search("investigating", language="en", kind="recommendation"))) == [5, 8, 10, 14, 21]


def test_lang_restricts_the_texts_searched(ds: Dataset) -> None:
    assert ds.search('"digital evidence"', language="ru") == ()
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


def test_every_plain_word_is_optional_and_a_text_holding_more_ranks_higher(ds: Dataset) -> None:
    assert _numbers(ds.search("цифровых вспышках", kind="recommendation")) == [13, 11, 14, 12]
    assert _numbers(ds.search("+цифровых +вспышках", kind="recommendation")) == []  # +word: required
    assert _numbers(ds.search("вспышках очагах", kind="recommendation")) == [13]
    # the texts holding both words first, though "evidence" alone is said more often in 14
    both = _numbers(ds.search("evidence seize", kind="recommendation"))
    assert both[0] == 17 and set(both) == {7, 11, 12, 14, 17}


def test_speakers_agenda_and_themes_are_searched(ds: Dataset) -> None:
    (ragazzi,) = ds.search("Ragazzi", kind="speaker")
    assert {h.source for h in ds.search("Ragazzi", kind="paragraph")} == {(6,), (9,), (21,)}
    assert ragazzi.kind == "speaker" and ragazzi.record.order == 3
    assert ragazzi.source == (6, 9, 21)
    assert {h.kind for h in ds.search('"средиземноморскому маршруту"')} == {"paragraph", "speaker"}
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


# --- issue 25: questions, operators on the whole record, explanation, equivalent terms ---------


def test_a_question_is_answered_and_its_stop_and_question_words_are_reported(ds: Dataset) -> None:
    found = ds.search("What should States parties do about COVID?")
    assert [h.key for h in found[:3]] == [2, 13, 6] and {h.language for h in found} == {"en"}
    assert found.explanation is not None
    assert found.explanation.ignored == ("What", "do", "about")
    assert found.explanation.unknown == () and found.explanation.languages == ("en",)


def test_a_question_naming_a_kind_of_record_gets_that_kind_first(ds: Dataset) -> None:
    found = ds.search("Which recommendations deal with digital evidence?")
    assert [(h.kind, h.key) for h in found[:4]] == [("recommendation", n) for n in (14, 17, 11, 12)]
    assert found.explanation is not None and found.explanation.preferred_kind == "recommendation"
    assert found.explanation.ignored == ("Which", "recommendations", "deal", "with")
    russian = ds.search("Какие рекомендации касаются цифровых доказательств?")
    assert {h.language for h in russian} == {"ru"} and {h.key for h in russian[:4]} == {11, 12, 14, 17}
    # outside a question, the same words are words to look for
    assert ds.search("recommendations").explanation.preferred_kind is None  # type: ignore[union-attr]


def test_an_exclusion_applies_to_the_whole_record_in_both_languages(ds: Dataset) -> None:
    """Issue 24, item 13: 2 and 5 came back through their Russian though their English says "pandemic"."""
    found = ds.search("COVID -pandemic", kind="recommendation")
    assert [h.key for h in found] == [6]
    assert [h.key for h in ds.search("COVID -pandemic", kind="recommendation", language="ru")] == [6]
    assert found.explanation is not None
    (removal,) = found.explanation.removed_by
    assert removal.operator == "-pandemic"
    assert {key for kind, key in removal.records if kind == "recommendation"} == {2, 5, 13}
    # the Russian exclusion removes the record whose English alone is searched
    assert [h.key for h in ds.search("COVID -пандемии", kind="recommendation", language="en")] == [6]


def test_a_required_word_applies_to_the_whole_record(ds: Dataset) -> None:
    # rec 13's English says "pandemic", its Russian «пандемии»: +пандемии keeps it in an English search
    assert 13 in [h.key for h in ds.search("outbreaks +пандемии", kind="recommendation", language="en")]
    found = ds.search("evidence +seize", kind="recommendation")
    assert [h.key for h in found] == [17]
    assert found.explanation is not None and found.explanation.removed_by[0].operator == "+seize"


def test_a_query_is_answered_in_its_language_and_a_record_is_one_hit(ds: Dataset) -> None:
    assert {h.language for h in ds.search("цифровые доказательства")} == {"ru"}
    assert {h.language for h in ds.search("Что рекомендовано в отношении пандемии COVID-19?")} == {"ru"}
    both = ds.search("COVID-19")  # a name written so in both languages: both are searched, one hit a record
    assert both.explanation is not None and both.explanation.languages == ("ru", "en")
    assert len({(h.kind, h.key) for h in both}) == len(both)


def test_unknown_words_are_reported_with_real_words_of_the_texts(ds: Dataset) -> None:
    found = ds.search("evidense")
    assert len(found) == 0 and found.explanation is not None
    (unknown,) = found.explanation.unknown
    assert unknown.word == "evidense" and unknown.suggestions == ("evidence",)  # a word, not the stem "evid"
    russian = ds.search("доказатэльства").explanation
    assert russian is not None and russian.unknown[0].suggestions == ("доказательств", "доказательствам")
    assert ds.search("x" * 900 + " evidence").explanation.unknown[0].suggestions == ()  # type: ignore[union-attr]
    with pytest.raises(swg.InvalidFilter, match="the limit is 1,000"):  # longer queries are refused (issue 24)
        ds.search("x" * 30_000 + " evidence")


def test_equivalent_terms_find_each_other_and_say_so(ds: Dataset) -> None:
    found = ds.search("digital evidence", kind="recommendation")
    assert sorted(h.key for h in found) == [11, 12, 14, 17]
    seventeen = next(h for h in found if h.key == 17)
    assert seventeen.expanded_via == ("electronic_evidence",) and "**electronic evidence**" in seventeen.highlight()
    assert all(h.expanded_via == () for h in found if h.key != 17)
    assert found.explanation is not None
    (expansion,) = found.explanation.expanded_via
    assert expansion.term == "digital evidence" and expansion.via == "electronic_evidence"
    assert "electronic evidence" in expansion.equivalents and "para 16" in expansion.rationale
    assert {h.key for h in ds.search("coronavirus", kind="recommendation")} == {2, 5, 6, 13}
    assert 9 in {h.key for h in ds.search("cyberspace", kind="recommendation")}  # "the Internet"
    assert ds.search('"digital evidence"', kind="recommendation").explanation.expanded_via == ()  # type: ignore[union-attr]


def test_the_equivalent_terms_are_the_reports_own_words() -> None:
    """Each form occurs in the report, and each paragraph cited holds one of its group's forms."""
    import yaml

    from smuggling_wg._loader import data_dir
    from smuggling_wg.search import _stems

    groups = yaml.safe_load((data_dir() / "equivalent-terms.yaml").read_text(encoding="utf-8"))["equivalent_terms"]
    meeting = swg.load().meeting(7)
    texts = {p.number: {"en": _stems(p.text.en), "ru": _stems(p.text.ru)} for p in meeting.paragraphs}
    for r in meeting.recommendations:  # para 3 holds the recommendations
        for number in r.source:
            texts[number] = {lang: texts[number][lang] + _stems(getattr(r.text, lang)) for lang in ("en", "ru")}

    def holds(stems: tuple[str, ...], phrase: tuple[str, ...]) -> bool:
        return any(stems[i : i + len(phrase)] == phrase for i in range(len(stems)))

    assert len(groups) >= 5
    for name, group in groups.items():
        assert group["rationale"].strip() and group["paragraphs"], name
        for lang in ("en", "ru"):
            for form in group[lang]:
                assert any(holds(t[lang], _stems(form)) for t in texts.values()), (name, form)
        for number in group["paragraphs"]:
            forms = [(lang, _stems(f)) for lang in ("en", "ru") for f in group[lang]]
            assert any(holds(texts[number][lang], f) for lang, f in forms), (name, number)


def test_the_explanation_survives_slicing_and_reads_as_sentences(ds: Dataset) -> None:
    found = ds.search("COVID -pandemic evidense")
    assert found[:1].explanation == found.explanation
    lines = found.explanation.lines()  # type: ignore[union-attr]
    assert "not in any text: evidense (similar words: evidence)" in lines
    assert any(line.startswith("removed by -pandemic: recommendation 2") for line in lines)
