"""State codes and Russian names checked against pycountry (ISO 3166-1), a second source."""

from __future__ import annotations

import gettext

import pycountry
import pytest

from smuggling_wg.models import State

# Where the report uses UN terminology rather than pycountry's Russian catalogue.
UN_TERMINOLOGY_RU = {
    "BHS": "Багамские Острова",
    "BOL": "Боливия (Многонациональное Государство)",
    "DOM": "Доминиканская Республика",  # pycountry: «Доминиканская республика»
    "IRN": "Иран (Исламская Республика)",
    "KGZ": "Кыргызстан",
    "VAT": "Святой Престол",
    "VEN": "Венесуэла (Боливарианская Республика)",
}


def test_codes_agree_with_iso_3166(states: list[State]) -> None:
    for state in states:
        iso = pycountry.countries.get(alpha_3=state.id)
        assert iso is not None, state.id
        assert (iso.alpha_2, iso.numeric) == (state.alpha2, state.m49), state.id


def test_russian_names_agree_with_the_iso_catalogue_or_un_terminology(states: list[State]) -> None:
    try:
        russian = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["ru"])
    except FileNotFoundError:  # pragma: no cover - depends on the pycountry build
        pytest.skip("pycountry has no Russian catalogue")
    differing = {}
    for state in states:
        iso = pycountry.countries.get(alpha_3=state.id)
        candidates = {
            russian.gettext(getattr(iso, attr))
            for attr in ("name", "common_name", "official_name")
            if hasattr(iso, attr)
        }
        folded = {c.replace("ё", "е") for c in candidates}
        if state.name.ru not in folded:
            differing[state.id] = state.name.ru
    # every name is either pycountry's or a known UN-terminology form, typed here a second time
    assert differing.items() <= UN_TERMINOLOGY_RU.items(), differing
