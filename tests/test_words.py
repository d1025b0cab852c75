"""The one catalogue of words (smuggling_wg._words): complete, in both languages, as the report words it."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
import types
import typing
from collections.abc import Iterator

import pytest
from pydantic import BaseModel

from smuggling_wg import _words, models, search
from smuggling_wg._words import (
    CODES,
    LABELS,
    capital,
    code,
    collation_key,
    dates,
    day,
    items,
    join,
    label,
    meeting_title,
    ordinal,
    paras,
    quote,
    sorted_by_name,
)
from smuggling_wg.errors import InvalidFilter, NotFound

#: Fields whose Literal values are a kind of their own under another name.
_KIND_OF: dict[tuple[str, str], str] = {
    ("Statement", "kind"): "statement_kind",
    ("FormerNames", "names"): "language",
    ("Instrument", "id"): "instrument",
}


def _literal_values(annotation: object) -> Iterator[str]:
    if typing.get_origin(annotation) is typing.Literal:
        yield from (str(a) for a in typing.get_args(annotation))
        return
    for arg in typing.get_args(annotation):
        yield from _literal_values(arg)


def _literal_fields() -> Iterator[tuple[str, str, set[str]]]:
    for name, cls in vars(models).items():
        if isinstance(cls, type) and issubclass(cls, BaseModel) and cls.__module__ == models.__name__:
            for field, info in cls.model_fields.items():
                values = set(_literal_values(info.annotation))
                if values and not (field == "provenance" and values == {"editorial"}):
                    yield name, field, values


def test_every_literal_value_of_the_models_has_words_in_both_languages() -> None:
    seen = set()
    for model, field, values in _literal_fields():
        kind = _KIND_OF.get((model, field), field)
        seen.add(kind)
        for value in values:
            ru, en = code(kind, value, "ru"), code(kind, value, "en")
            assert ru and en and ru != value, (model, field, value)
            assert code(kind, value, "ru", plural=True) and code(kind, value, "en", plural=True)
    assert {"status", "modality", "format", "kind", "statement_kind", "regional_group", "role"} <= seen
    aliases = {
        "origin": models.Origin,
        "provenance": models.Provenance,
        "addressee_kind": models.AddresseeKind,
        "instrument": models.InstrumentId,
        "language": models.UnLanguage,
        "record_kind": search.Kind,
    }
    for kind, alias in aliases.items():
        assert set(CODES[kind]) >= set(_literal_values(alias)), kind
    levels = models.Specificity.model_fields["level"].metadata
    low, high = next(m.ge for m in levels if hasattr(m, "ge")), next(m.le for m in levels if hasattr(m, "le"))
    assert set(CODES["specificity"]) == {str(n) for n in range(low, high + 1)}


def test_every_entry_has_both_languages_and_russian_in_russian() -> None:
    entries = [*((k, v, w) for k, values in CODES.items() for v, w in values.items()), *LABELS.items()]
    for entry in entries:
        words = entry[-1]
        assert isinstance(words, tuple) and len(words) in (2, 4), entry
        assert all(w.strip() == w and w for w in words), entry
    for kind, values in CODES.items():
        for value, words in values.items():
            assert any("\u0400" <= c <= "\u04ff" for c in words[0]), (kind, value)


def test_the_words_say_what_the_report_says() -> None:
    # para 27: the parties are parties to the Protocol, not the Convention
    assert code("status", "party", "en", plural=True) == "parties to the Protocol"
    assert code("status", "party", "ru", plural=True) == "участники Протокола"
    assert "Convention" not in " ".join(code("status", s, "en") for s in CODES["status"])
    # para 18: «в смешанном формате (в очном и онлайновом режиме)»
    assert code("format", "hybrid", "ru") == "в смешанном формате (в очном и онлайновом режиме)"
    # paras 21-22: «члены дискуссионной группы»; a panellist's statement is a presentation by a panellist
    assert code("role", "panellist", "ru", plural=True) == "члены дискуссионной группы"
    assert code("statement_kind", "panel", "en") == "presentation by a panellist"
    assert label("speakers", "en") == label("panellists", "en") == code("role", "panellist", "en", plural=True)
    assert code("modality", "may_wish", "ru") == "возможно, пожелают"
    assert code("specificity", 3, "en") == "consider"  # an integer level is its code


def test_unknown_kinds_values_and_labels_are_library_errors_naming_the_valid_ones() -> None:
    with pytest.raises(InvalidFilter, match=r"unknown kind of code 'stauts'. Did you mean 'status'"):
        code("stauts", "party", "en")
    with pytest.raises(InvalidFilter, match=r"unknown status 'parti'. Did you mean 'party'"):
        code("status", "parti", "en")
    with pytest.raises(NotFound, match=r"no label 'adressee'. Did you mean 'addressee'"):
        label("adressee", "ru")
    with pytest.raises(InvalidFilter, match="unknown language 'de'"):
        label("status", "de")  # type: ignore[arg-type]


def test_labels_and_plurals() -> None:
    assert (label("status", "ru"), label("status", "en")) == ("статус", "status")
    assert label("recommendation", "ru", plural=True) == "рекомендации"
    assert label("status", "en", plural=True) == "status"  # no plural: the one form
    assert capital(label("regional_group", "en")) == "Regional group"
    assert (quote("следует", "ru"), quote("should", "en")) == ("«следует»", "“should”")


def test_ordinals_and_meeting_titles() -> None:
    assert [ordinal(n, "en") for n in (1, 2, 3, 4, 11, 12, 13, 21, 22, 101, 111)] == [
        "1st", "2nd", "3rd", "4th", "11th", "12th", "13th", "21st", "22nd", "101st", "111th",
    ]  # fmt: skip
    assert (meeting_title(7, "en"), meeting_title(7, "ru")) == ("7th meeting", "7-е совещание")


def test_dates_in_words_in_both_languages() -> None:
    d = dt.date
    assert dates(d(2020, 9, 8), d(2020, 9, 9), "en") == "8–9 September 2020"
    assert dates(d(2020, 9, 8), d(2020, 9, 9), "ru") == "8–9 сентября 2020 года"
    assert dates(d(2012, 5, 30), d(2012, 6, 1), "en") == "30 May – 1 June 2012"
    assert dates(d(2012, 5, 30), d(2012, 6, 1), "ru") == "30 мая – 1 июня 2012 года"
    assert dates(d(2019, 12, 30), d(2020, 1, 2), "en") == "30 December 2019 – 2 January 2020"
    assert dates(d(2019, 12, 30), d(2020, 1, 2), "ru") == "30 декабря 2019 года – 2 января 2020 года"
    assert dates(d(2020, 9, 9), None, "ru") == dates(d(2020, 9, 9), d(2020, 9, 9), "ru") == "9 сентября 2020 года"
    assert day(d(2020, 8, 19), "en") == "19 August 2020"


def test_numbered_lists_of_items_and_paragraphs() -> None:
    assert (items([2], "en"), items([3, 2], "en"), items([3, 2], "ru")) == ("item 2", "items 2 and 3", "пункты 2 и 3")
    assert items([], "en") == ""
    assert paras([3], "en") == "para 3"
    assert paras([21, 9, 6, 9], "en") == "paras 6, 9 and 21"
    assert (paras([3], "ru"), paras([6, 9, 21], "ru")) == ("пункт 3", "пункты 6, 9 и 21")
    assert (paras([3], "ru", short=True), paras([3, 4], "ru", short=True)) == ("п. 3", "пп. 3 и 4")
    assert join(["a", "b", "c"], "en") == "a, b and c" and join(["a"], "ru") == "a" and join([], "en") == ""


def test_collation_follows_the_display_language() -> None:
    en = ["Iraq", "Burundi", "Venezuela (Bolivarian Republic of)", "Spain", "Côte d'Ivoire", "Czechia", "türkiye"]
    assert sorted_by_name(en, "en") == [
        "Burundi", "Côte d'Ivoire", "Czechia", "Iraq", "Spain", "türkiye", "Venezuela (Bolivarian Republic of)",
    ]  # fmt: skip
    ru = ["Йемен", "Иран", "Ёлка", "Ель", "Испания", "Европейский союз", "Жиб"]
    assert sorted_by_name(ru, "ru") == ["Европейский союз", "Ёлка", "Ель", "Жиб", "Иран", "Испания", "Йемен"]
    assert collation_key("Ёлка", "ru")[0] == "елка"


def test_the_catalogue_is_data_and_small_functions_below_the_models() -> None:
    assert isinstance(_words, types.ModuleType)
    imported = {
        name
        for name in vars(_words)
        if isinstance(getattr(_words, name), types.ModuleType) and name not in ("dt", "typing")
    }
    assert not imported, imported
    code_ = (
        "import sys, smuggling_wg._words as w; w.code('status', 'party', 'en'); "
        "print(sorted(m for m in sys.modules if m.startswith('smuggling_wg') or m in ('yaml', 'pydantic')))"
    )
    out = subprocess.run([sys.executable, "-c", code_], capture_output=True, text=True, check=True).stdout
    assert "smuggling_wg.models" not in out and "yaml" not in out and "pydantic" not in out, out
