"""A minus sign from a word processor (U+2212, a dash) before a word is the exclusion ``-word``.

Issue 24: ``COVID −pandemic`` (U+2212) found 2, 13, 6, 5, as if "−pandemic" were a plain word,
while ``COVID -pandemic`` finds 6 alone. The library reads a leading dash-like character as the
minus, and says so: the explanation names the operator ``-pandemic``. The CLI, the MCP server
and the site go through the library or its index (tests/test_site_browser.py holds the page).
"""

from __future__ import annotations

import subprocess
import sys

import pytest
from hypothesis import given
from hypothesis import strategies as st

from smuggling_wg.dataset import Dataset
from smuggling_wg.search import _MINUS_SIGNS, _parse

#: What the outside attack typed: the signs a word processor makes of a typed minus.
ATTACKED = "\u2212\u2013\u2014\u2010\u2011\ufe63\uff0d"


def test_the_set_holds_every_sign_of_the_attack() -> None:
    assert set(ATTACKED) < set(_MINUS_SIGNS) and _MINUS_SIGNS[0] == "-"


@pytest.mark.parametrize("sign", list(_MINUS_SIGNS))
def test_a_dash_or_minus_before_a_word_excludes_it(ds: Dataset, sign: str) -> None:
    found = ds.search(f"COVID {sign}pandemic", kind="recommendation")
    assert [h.key for h in found] == [6]
    assert found.explanation is not None
    assert [(r.operator, [k for _, k in r.records]) for r in found.explanation.removed_by] == [
        ("-pandemic", [2, 5, 13])
    ]
    assert "removed by -pandemic: recommendation 2, recommendation 5, recommendation 13" in found.explanation.lines()
    phrase = ds.search(f'COVID {sign}"the pandemic"', kind="recommendation")
    assert [h.key for h in phrase] == [h.key for h in ds.search('COVID -"the pandemic"', kind="recommendation")]
    assert phrase.explanation is not None and phrase.explanation.removed_by[0].operator == '-"the pandemic"'


def test_a_dash_inside_a_word_or_standing_alone_is_no_operator(ds: Dataset) -> None:
    def keys(query: str) -> list[int | str]:
        return [h.key for h in ds.search(query, kind="recommendation")]

    assert keys("COVID \u2013 pandemic") == keys("COVID pandemic") == [2, 13, 6, 5]
    assert keys("COVID\u201119") == keys("COVID-19")
    with pytest.raises(Exception, match="no word to look for"):
        ds.search("\u2212pandemic")


@given(st.sampled_from(_MINUS_SIGNS), st.text(alphabet="abcdefghijklmnopqrstuvwxyzабвгд", min_size=1, max_size=12))
def test_every_minus_sign_parses_as_the_hyphen_minus(sign: str, word: str) -> None:
    assert _parse(f"data {sign}{word}") == _parse(f"data -{word}")
    assert _parse(f'data {sign}"{word} data"') == _parse(f'data -"{word} data"')


def test_the_command_line_reads_a_minus_sign_as_the_library() -> None:
    def run(query: str) -> tuple[str, str]:
        done = subprocess.run(
            [sys.executable, "-m", "smuggling_wg", "search", "--kind", "recommendation", "--format", "json", query],
            capture_output=True,
            text=True,
            check=True,
        )
        return done.stdout, done.stderr

    out, notes = run("COVID \u2212pandemic")
    assert (out, notes) == run("COVID -pandemic")
    assert "removed by -pandemic: recommendation 2, recommendation 5, recommendation 13" in notes
