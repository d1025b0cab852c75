"""The line-joining rule and the paragraph re-derivation."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from smuggling_wg import _sourcetext


def test_hyphen_at_line_break_is_joined() -> None:
    assert _sourcetext.flow("Кон-\n\nвенции Организации") == "Конвенции Организации"


def test_real_hyphens_at_line_break_are_kept() -> None:
    assert (
        _sourcetext.flow("информационно-\n\nкоммуникационных технологий") == "информационно-коммуникационных технологий"
    )
    assert _sourcetext.flow("В соответствии государствам-\n\nучастникам") == "В соответствии государствам-участникам"


def test_real_hyphens_are_attested_on_one_line_elsewhere(raw_source: str) -> None:
    """Each compound kept whole also stands unbroken on a single printed line of the report."""
    one_line = [line for line in raw_source.splitlines() if line.strip()]
    for word in _sourcetext.REAL_HYPHENS:
        assert any(word in line.casefold() for line in one_line), word


def test_every_other_line_break_hyphen_is_removed(flowed: str) -> None:
    hyphenated = set(re.findall(r"\w+-\w+", flowed))
    # the only hyphenated words are the report's real compounds
    assert "правоохранительными" in flowed and "право-охранительными" not in hyphenated
    assert "онлайновом" in flowed and "видеоконференц-связи" in flowed
    assert {"Коста-Рика", "информационно-коммуникационных", "COVID-19"} <= hyphenated


def test_symbol_broken_after_slash_is_joined(flowed: str) -> None:
    assert "CTOC/COP/WG.7/2020/INF/1/Rev.1" in flowed


def test_links_and_blank_lines_are_dropped() -> None:
    assert _sourcetext.flow("a \n\n \n\nhttp://undocs.org/ru/X\n\nb") == "a b"


def test_paragraphs_are_34_in_order(raw_source: str) -> None:
    paragraphs = _sourcetext.paragraphs(raw_source)
    assert list(paragraphs) == list(range(1, 35))
    assert paragraphs[1].startswith("Во исполнение резолюции 5/3")
    assert paragraphs[26].endswith("5. Утверждение доклада.")  # the agenda's own items stay inside
    assert paragraphs[32] == "Список участников содержится в документе CTOC/COP/WG.7/2020/INF/1/Rev.1."
    assert paragraphs[34] == "Рабочая группа 9 сентября 2020 года утвердила настоящий доклад о работе ее совещания."
    assert "Рекомендация" not in paragraphs[3]


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet="аб-_ x1/\u00e9\n", max_size=40))
def test_last_word_is_the_regular_expressions(text: str) -> None:
    # _last_word reads from the end what `(\w+)-$` finds (the search made joining a report quadratic)
    found = re.search(r"(\w+)-$", text)
    assert _sourcetext._last_word(text) == (found.group(1) if found and not text.endswith("\n") else "")
