"""Two languages everywhere, six for state names, one display-language choice."""

from __future__ import annotations

import csv
import hashlib
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

import smuggling_wg as swg
from smuggling_wg._language import Lang
from smuggling_wg._summary import render
from smuggling_wg.dataset import Dataset
from smuggling_wg.models import Organization, State

ROOT = Path(__file__).resolve().parent.parent
OCHA = ROOT / "tests" / "fixtures" / "ocha-countries-territories.csv"
SIX = {
    "ar": "Arabic Short",
    "zh": "Chinese Short",
    "en": "English Short",
    "fr": "French Short",
    "ru": "Russian Short",
    "es": "Spanish Short",
}


def test_the_source_file_is_the_untouched_upstream_copy() -> None:
    digest = hashlib.sha256(OCHA.read_bytes()).hexdigest()
    assert digest == "249cf75970cfda815f8e2507f7aa2caabdae625288464bac060b977a9b2e045c"


def test_every_state_has_its_six_un_names_from_the_source(states: list[State]) -> None:
    with OCHA.open(encoding="utf-8", newline="") as handle:
        rows = {row["ISO 3166-1 Alpha 3-Codes"]: row for row in csv.DictReader(handle)}
    for state in states:
        assert state.names is not None, state.id
        expected = {lang: rows[state.id][col] for lang, col in SIX.items()}
        if state.id == "VAT":  # Data 1.1: settled against the UNSD M49 column and OCHA's 2020 release (methodology)
            assert (expected["zh"], rows["VAT"]["M49 Chinese"]) == ("罗马教廷", "教廷")
            expected["zh"] = "教廷"
        assert state.names.model_dump() == expected, state.id
        assert rows[state.id]["ISO 3166-1 Alpha 2-Codes"] == state.alpha2
        assert int(rows[state.id]["m49 numerical code"]) == int(state.m49)


def test_english_name_is_the_un_short_name(states: list[State]) -> None:
    for state in states:
        assert state.names is not None and state.name.en == state.names.en, state.id
        assert state.name.en_origin == "un_official"


def test_report_russian_names_differ_from_unterm_only_where_known(states: list[State]) -> None:
    differing = {s.id for s in states if s.names and s.name.ru != s.names.ru}
    assert differing == {"NLD"}, "the report writes «Нидерланды», UNTERM «Нидерланды (Королевство)»"


def test_import_tool_output_is_up_to_date() -> None:
    done = subprocess.run(
        [sys.executable, "tools/import_un_names.py", "--check"], cwd=ROOT, capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr


def test_organizations_have_english_names_and_acronyms(ds: Dataset) -> None:
    organizations = [a for a in ds.actors if isinstance(a, Organization)]
    assert all(o.name.en for o in organizations)
    assert {o.acronym for o in organizations} >= {"UNHCR", "UNICEF", "UNODC", "IOM", "INTERPOL", "ECOWAS", "Eurojust"}


@pytest.mark.parametrize(
    ("key", "expected"),
    [
        ("Австралии", "AUS"),  # genitive, para 23
        ("Ирана (Исламская Республика)", "IRN"),  # genitive with the bracket, para 24
        ("Венесуэлы (Боливарианская Республика)", "VEN"),
        ("Иран", "IRN"),
        ("中国", "CHN"),
        ("Chine", "CHN"),
        ("الصين", "CHN"),
        ("Países Bajos (Reino de los)", "NLD"),
        ("Нидерланды (Королевство)", "NLD"),
        ("Нидерланды", "NLD"),
        ("turkiye", "TUR"),
        ("TÜRKIYE", "TUR"),
        ("Турция", "TUR"),
        ("tr", "TUR"),
        ("792", "TUR"),
        ("Соединённые Штаты Америки", "USA"),  # ё folded
        ("Saint-Siège", "VAT"),
        ("Агентства Европейского союза по сотрудничеству в области уголовного правосудия", "eurojust"),
    ],
)
def test_actor_by_any_name_code_or_form(ds: Dataset, key: str, expected: str) -> None:
    assert ds.actor(key).id == expected


def test_unknown_actor_names_the_closest(ds: Dataset) -> None:
    with pytest.raises(swg.NotFound, match=r"no actor 'Itlay'\. Closest: ITA \(Italy\)"):
        ds.actor("Itlay")
    with pytest.raises(swg.NotFound, match="Use an ISO code"):
        ds.actor("qqqqqq")


def test_ambiguous_actor_name(ds: Dataset) -> None:
    bundle = ds.bundle
    twin = bundle.actors[0].model_copy(update={"id": "XAU", "alpha2": "XA", "m49": "999", "names": None})
    other = swg.Dataset(bundle.model_copy(update={"actors": (*bundle.actors, twin)}))
    with pytest.raises(swg.NotFound, match=r"'Австралия' is ambiguous: it names AUS \(Australia\), XAU \(Australia\)"):
        other.actor("Австралия")
    assert other.actor("XAU").id == "XAU"


def test_text_get_and_str_follow_the_display_language(ds: Dataset) -> None:
    city = ds.meeting(7).city
    assert (str(city), city.get("en"), city.get("ru")) == ("Вена", "Vienna", "Вена")
    with swg.display_language("en"):
        assert str(city) == "Vienna" and swg.get_display_language() == "en"
    assert swg.get_display_language() == "ru"


def test_untranslated_text_falls_back_to_russian() -> None:
    assert swg.Text(ru="только по-русски").get("en") == "только по-русски"


def test_set_display_language_rejects_unknown() -> None:
    with pytest.raises(swg.InvalidFilter, match=r"unknown display language 'de'\. Did you mean 'en'"):
        swg.set_display_language("de")  # type: ignore[arg-type]
    with pytest.raises(swg.InvalidFilter, match="unknown language 'fr'"):
        swg.Text(ru="текст", en="text").get("fr")  # type: ignore[arg-type]


def test_old_display_language_names_are_deprecated_aliases() -> None:
    with pytest.warns(DeprecationWarning, match="set_language is deprecated, use set_display_language"):
        setter = swg.set_language
    assert setter is swg.set_display_language
    with pytest.warns(DeprecationWarning, match="use display_language"), swg.language("en"):
        assert swg.get_display_language() == "en"


def test_reprs_fit_a_line_in_either_language(ds: Dataset) -> None:
    m = ds.meeting(7)
    records = [
        m,
        *m.recommendations,
        *m.paragraphs,
        *m.speakers,
        *m.statements,
        *m.participants,
        *ds.actors,
        *m.agenda,
        *m.themes,
        *m.documents,
    ]
    for lang in ("ru", "en"):
        with swg.display_language(lang):
            assert all(len(repr(r)) <= 100 for r in records)
    assert repr(ds.actor("ITA")) == "State(ITA, Италия)"
    with swg.display_language("en"):
        assert repr(ds.actor("ITA")) == "State(ITA, Italy)"
        assert repr(m) == "Meeting(7, Vienna, 2020-09-08..2020-09-09, 22 recommendations, 103 participants)"


def test_summary_in_both_languages(ds: Dataset) -> None:
    assert "Австралия, Бразилия" in render(ds, 7) and "Australia, Brazil" not in render(ds, 7)
    assert "Australia, Brazil" in render(ds, 7, lang="en")
    with swg.display_language("en"):
        assert render(ds, 7).startswith("Report of the meeting of the Working Group")
    for lang in ("ru", "en"):  # one language per line: no line mixes Cyrillic names with English words
        prose = re.split(r"^(?:Next|Далее):", render(ds, 7, lang=lang), flags=re.M)[0]  # then: commands to type
        for line in prose.splitlines():
            words = re.findall(r"[^\W\d_]+", line)
            assert len(set(scripts_of(words))) <= 1, line
    # the words of the report: parties to the Protocol (para 27), not to the Convention
    assert "Parties to the Protocol: 74" in render(ds, 7, lang="en") and "Convention" not in render(ds, 7, lang="en")
    assert "Участники Протокола: 74" in render(ds, 7, lang="ru")
    assert "в смешанном формате (в очном и онлайновом режиме)" in " ".join(render(ds, 7, lang="ru").split())


@pytest.mark.parametrize("lang", ["ru", "en"])
@pytest.mark.parametrize("width", [40, 60, 100])
def test_summary_wraps_at_the_width(ds: Dataset, lang: Lang, width: int) -> None:
    text = render(ds, 7, lang=lang, width=width)
    assert max(len(line) for line in text.splitlines()) <= width
    assert " ".join(text.split()) == " ".join(render(ds, 7, lang=lang, width=1000).split())  # nothing lost


def test_the_command_wraps_the_summary_at_columns() -> None:
    env = {**os.environ, "COLUMNS": "60", "NO_COLOR": "1"}
    for lang in ("en", "ru"):
        out = subprocess.run(
            [sys.executable, "-m", "smuggling_wg", "summary", "--lang", lang], env=env, capture_output=True, text=True
        ).stdout
        assert out.count("\n") > 20 and max(len(line) for line in out.splitlines()) <= 60, lang


def scripts_of(words: list[str]) -> list[str]:
    """The script of each word, leaving out what is Latin in the Russian too (section letters, COVID-19)."""
    kept = [w for w in words if len(w) > 1 and w != "COVID"]
    return ["cyrillic" if re.match("[а-яё]", w, re.IGNORECASE) else "latin" for w in kept]
