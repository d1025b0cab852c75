"""The query API: semantics, errors, immutability, the cached thread-safe load."""

from __future__ import annotations

import threading

import pytest
from pydantic import ValidationError

import smuggling_wg as swg
from smuggling_wg import _loader
from smuggling_wg import dataset as dataset_module
from smuggling_wg._cache import Cache
from smuggling_wg.dataset import Dataset
from smuggling_wg.models import State


def test_load_is_cached(ds: Dataset) -> None:
    assert swg.load() is ds


def test_first_load_from_32_threads_builds_once(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(dataset_module, "_datasets", Cache(dataset_module.MAX_CACHED))
    calls: list[int] = []
    real = _loader.bundled

    def counting(check: bool = False) -> swg.Bundle:
        calls.append(1)
        return real(check)

    monkeypatch.setattr(_loader, "bundled", counting)
    barrier = threading.Barrier(32)
    results: list[Dataset] = []

    def worker() -> None:
        barrier.wait()
        results.append(swg.load())

    threads = [threading.Thread(target=worker) for _ in range(32)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(calls) == 1
    assert len(results) == 32 and all(r is results[0] for r in results)


def test_meetings(ds: Dataset) -> None:
    assert [m.number for m in ds.meetings] == [7]
    assert ds.meeting(7).number == 7


@pytest.mark.parametrize("wanted", [8, 0])
def test_unknown_meeting(ds: Dataset, wanted: int) -> None:
    with pytest.raises(swg.NotFound) as caught:
        ds.meeting(wanted)
    assert isinstance(caught.value, KeyError)
    assert "Valid: 7" in str(caught.value)


@pytest.mark.parametrize(("wanted", "said"), [("7", "got '7'; use 7"), (None, "got None")])
def test_a_meeting_number_is_an_integer(ds: Dataset, wanted: object, said: str) -> None:
    with pytest.raises(swg.InvalidFilter, match=f"meeting numbers are integers: {said}"):
        ds.meeting(wanted)  # type: ignore[arg-type]


def test_recommendations_filters(ds: Dataset) -> None:
    assert len(ds.recommendations()) == 22
    assert [r.number for r in ds.recommendations(theme="technology")][:3] == [8, 9, 10]
    assert [r.number for r in ds.recommendations(modality="may_wish")] == [12]
    assert [r.number for r in ds.recommendations(theme="crises", modality="encouraged")] == [1]
    assert [r.number for r in ds.recommendations(text="ЦИФРОВЫХ ДОКАЗАТЕЛЬСТВ")] == [11, 12, 14]
    assert [r.number for r in ds.recommendations(text="киберпространств")] == [12, 21, 22]
    assert ds.recommendations(text="no such words") == ()
    assert ds.recommendations(meeting=7, theme="crises") == ds.recommendations(theme="crises")


def test_text_filter_folds_yo(ds: Dataset) -> None:
    assert ds.recommendations(text="незаконно ввезённых") == ds.recommendations(text="незаконно ввезенных") != ()


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"theme": "crisis"}, "Did you mean 'crises'?"),
        ({"modality": "must"}, "Valid: should, encouraged, may_wish."),
    ],
)
def test_unknown_filter_value_is_an_error(ds: Dataset, kwargs: dict[str, str], message: str) -> None:
    with pytest.raises(swg.InvalidFilter, match=message) as caught:
        ds.recommendations(**kwargs)  # type: ignore[arg-type]
    assert isinstance(caught.value, ValueError)


def test_recommendation_lookup(ds: Dataset) -> None:
    rec = ds.recommendation(8)
    assert rec.number == 8 and rec.source == (3,) and rec.treaty_refs[0].article == 19
    with pytest.raises(swg.NotFound, match="no recommendation 23"):
        ds.recommendation(23)


def test_states_with_statements(ds: Dataset) -> None:
    without = [s.id for s in ds.states_with_statements()]
    assert without == ["AUS", "BRA", "VEN", "HND", "CAN", "IDN", "ITA", "MEX", "IRN", "JOR", "CHN", "MAR"]
    with_panel = [s.id for s in ds.states_with_statements(include_panellists=True)]
    assert with_panel == ["ZAF", "ARG", "ITA", "ESP", "ECU", *[c for c in without if c != "ITA"]]
    assert len(with_panel) == 16, "Italy spoke both as a panellist's state and as a party: counted once"
    assert all(isinstance(s, State) for s in ds.states_with_statements(include_panellists=True))


def test_statements_by_kind(ds: Dataset) -> None:
    assert [s.actor for s in ds.statements(kind="observer_organization")] == ["eurojust"]
    assert [s.actor for s in ds.statements(kind="introductory")] == ["secretariat"]
    assert ds.statements(kind="observer_state")[0].agenda_items == (), "para 24 does not say which items"
    with pytest.raises(swg.InvalidFilter):
        ds.statements(kind="speech")  # type: ignore[arg-type]


def test_participants(ds: Dataset) -> None:
    assert len(ds.participants()) == 103
    parties = ds.participants(status="party")
    assert len(parties) == 74 and parties[19].actor == "eu" and parties[0].actor == "AUS"
    assert [p.actor for p in ds.participants(status="signatory")] == ["BOL", "THA"]
    assert [p.actor for p in ds.participants(status="permanent_observer")] == ["order_of_malta"]
    with pytest.raises(swg.InvalidFilter, match="Did you mean 'party'"):
        ds.participants(status="parties")  # type: ignore[arg-type]


def test_speakers(ds: Dataset) -> None:
    assert [s.surname.en for s in ds.speakers(agenda_item=3)] == ["Matías Fernández", "Guayasamín"]
    assert len(ds.speakers()) == 5
    assert ds.speakers(agenda_item=4) == ()
    with pytest.raises(swg.InvalidFilter):
        ds.speakers(agenda_item=9)


@pytest.mark.parametrize("key", ["ITA", "ita", "IT", "380", "Italy", "Италия", "италия"])
def test_actor_by_any_code_or_name(ds: Dataset, key: str) -> None:
    assert ds.actor(key).id == "ITA"


def test_actor_organizations(ds: Dataset) -> None:
    assert ds.actor("eurojust").name.en == "European Union Agency for Criminal Justice Cooperation"
    assert ds.actor("INTERPOL").id == "interpol"
    assert ds.actor("EU").id == "eu"


def test_unknown_actor(ds: Dataset) -> None:
    with pytest.raises(swg.NotFound, match=r"no actor 'ITL'\. Closest: ITA \(Italy\)") as caught:
        ds.actor("ITL")
    assert "ITA" in caught.value.valid


def test_paragraph_lookup(ds: Dataset) -> None:
    assert ds.paragraph(34).text.ru.startswith("Рабочая группа 9 сентября 2020 года")
    with pytest.raises(swg.NotFound, match="no paragraph 35"):
        ds.paragraph(35)


def test_dataset_is_immutable(ds: Dataset) -> None:
    with pytest.raises(AttributeError, match="immutable"):
        ds.extra = 1
    with pytest.raises(AttributeError, match="immutable"):
        del ds._meetings
    assert isinstance(ds.meetings, tuple) and isinstance(ds.actors, tuple)


def test_records_are_frozen(ds: Dataset) -> None:
    rec = ds.recommendation(1)
    with pytest.raises(ValidationError):
        rec.number = 99  # type: ignore[misc]
    with pytest.raises(ValidationError):
        rec.text.ru = "x"  # type: ignore[misc]
    assert ds.recommendation(1).number == 1


def test_repr(ds: Dataset) -> None:
    assert repr(ds) == "<Dataset data_version=1.2.0 meetings=[7] actors=104>"


def test_source_text(ds: Dataset) -> None:
    raw = ds.source_text()
    assert raw.startswith("  Доклад о работе совещания Рабочей группы")
    flowed = ds.source_text(flowed=True)
    assert ds.recommendation(22).text.ru in flowed and ds.paragraph(17).text.ru in flowed
    with pytest.raises(swg.NotFound):
        ds.source_text(meeting=6)
