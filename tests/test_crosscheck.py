"""Cross-checks of the typed data by other methods than the one used to type it.

1. Re-derivation: the participant and statement lists are parsed again from the report's
   sentences (split on the list punctuation, genitives matched to names by their stems).
2. A blind second extraction: tests/fixtures/blind_extract.json was typed from the report by
   a reader who never saw this package's data; the two must agree.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

from smuggling_wg import _sourcetext
from smuggling_wg.dataset import Dataset
from smuggling_wg.models import Meeting

BLIND = Path(__file__).parent / "fixtures" / "blind_extract.json"
STATUS_OF_PARAGRAPH = {27: "party", 28: "signatory", 29: "non_party", 30: "organization", 31: "permanent_observer"}


def _split_list(enumeration: str) -> list[str]:
    """'A, B, C и D.' -> ['A', 'B', 'C', 'D']: commas, then the last ' и '."""
    items = [item.strip() for item in enumeration.rstrip(". ").split(", ")]
    head, _, tail = items[-1].rpartition(" и ")
    return items[:-1] + ([head, tail] if head else [tail])


@pytest.fixture(scope="module")
def paragraphs(raw_source: str) -> dict[int, str]:
    return _sourcetext.paragraphs(raw_source)


@pytest.fixture(scope="module")
def blind() -> dict[str, Any]:
    found: dict[str, Any] = json.loads(BLIND.read_text(encoding="utf-8"))
    return found


def test_participants_rederived_from_the_sentences(m7: Meeting, paragraphs: dict[int, str]) -> None:
    derived = []
    for number, status in STATUS_OF_PARAGRAPH.items():
        text = paragraphs[number]
        if number == 31:
            names = [re.match(r"Наблюдателем был представлен (.+?) — ", text).group(1)]  # type: ignore[union-attr]
        else:
            names = _split_list(text.split(": ", 1)[1])
        derived += [(name, status, number) for name in names]
    assert [(p.as_written, p.status, p.source[0]) for p in m7.participants] == derived


def _stem(word: str) -> str:
    """A nominative's first word without its final vowel or й: 'Италия' -> 'Итали'."""
    return word[:-1] if word[-1] in "аяоеийыую" else word


def _nominative(genitive: str, names: list[str]) -> str:
    """The one participant name whose stem begins the genitive form and whose brackets match."""
    first, _, rest = genitive.partition(" ")
    matches = [n for n in names if first.startswith(_stem(n.split(" ")[0])) and n.partition(" ")[2] == rest]
    assert len(matches) == 1, (genitive, matches)
    return matches[0]


def test_statements_rederived_from_the_sentences(m7: Meeting, paragraphs: dict[int, str]) -> None:
    actor_of = {p.as_written: p.actor for p in m7.participants}
    names = list(actor_of)
    parties = _split_list(paragraphs[23].split(": ", 1)[1])
    observers = _split_list(paragraphs[24].split("наблюдатели от ", 1)[1])
    organization = paragraphs[25].split("наблюдателя от ", 1)[1].rstrip(".")
    derived = [(actor_of[_nominative(g, names)], "party", g) for g in parties]
    derived += [(actor_of[_nominative(g, names)], "observer_state", g) for g in observers]
    typed = [(s.actor, s.kind, s.as_written) for s in m7.statements if s.kind in ("party", "observer_state")]
    assert typed == derived
    (eurojust,) = [s for s in m7.statements if s.kind == "observer_organization"]
    # the organization is named in the genitive; its nominative (para 30) differs only in the first word
    assert (
        organization.split(" ", 1)[1]
        == next(p.as_written for p in m7.participants if p.actor == eurojust.actor).split(" ", 1)[1]
    )


def test_panellists_rederived_from_paragraphs_21_and_22(ds: Dataset, m7: Meeting, paragraphs: dict[int, str]) -> None:
    derived = []
    for number, item in ((21, 2), (22, 3)):
        derived += [
            (h, name, country, item)
            for h, name, country in re.findall(r"(г-жа|г-н) ([^,()]+?) \(([^)]+)\)", paragraphs[number])
        ]
    typed = [(s.honorific, s.surname.ru, ds.actor(s.actor).name.ru, s.agenda_item) for s in m7.speakers]
    assert typed == derived
    panel = [(s.actor, s.speaker) for s in m7.statements if s.kind == "panel"]
    assert panel == [(s.actor, s.order) for s in m7.speakers]


def test_blind_participants(m7: Meeting, blind: dict[str, Any]) -> None:
    assert [(p.as_written, p.status, p.source[0]) for p in m7.participants] == [
        (b["name_ru"], b["status"], b["paragraph"]) for b in blind["participants"]
    ]


def test_blind_statements(m7: Meeting, blind: dict[str, Any]) -> None:
    kinds = {"introductory": "secretariat"}
    typed = [(s.source[0], kinds.get(s.kind, s.kind)) for s in m7.statements if s.kind != "panel"]
    assert typed == [(b["paragraph"], b["kind"]) for b in blind["statements"]]
    for s, b in zip([s for s in m7.statements if s.kind != "panel"], blind["statements"], strict=True):
        assert b["name_as_written"] in s.as_written


def test_blind_panellists(ds: Dataset, m7: Meeting, blind: dict[str, Any]) -> None:
    group_words = {
        "african": "Группы африканских государств",
        "latin_american_caribbean": "Группы латиноамериканских и карибских государств",
        "western_european_other": "Группы западноевропейских и других государств",
    }
    typed = [
        (
            s.order,
            s.honorific,
            s.name.ru,
            s.position.ru,
            ds.actor(s.actor).name.ru,
            group_words[s.regional_group],
            s.agenda_item,
            list(s.remarks),
        )
        for s in m7.speakers
    ]
    assert typed == [
        (
            b["order"],
            b["honorific"],
            b["full_name_ru"],
            b["position_ru"],
            b["country_ru"],
            b["on_behalf_of_group_ru"],
            b["agenda_item"],
            b["remarks_paragraphs"],
        )
        for b in blind["panellists"]
    ]


def test_blind_agenda_and_documents(m7: Meeting, blind: dict[str, Any]) -> None:
    assert [(a.number, a.title.ru, [(s.letter, s.title.ru) for s in a.sub_items]) for a in m7.agenda] == [
        (b["number"], b["title_ru"], [(s["letter"], s["title_ru"]) for s in b["sub_items"]]) for b in blind["agenda"]
    ]
    assert [(d.symbol, d.source[0], d.title.ru) for d in m7.documents] == [
        (b["symbol"], b["paragraph"], b["description_ru"]) for b in blind["documents"]
    ]


def test_blind_recommendations(m7: Meeting, blind: dict[str, Any]) -> None:
    section = {t.id: t.section for t in m7.themes}
    assert [(r.number, section[r.theme], r.addressee, r.modality) for r in m7.recommendations] == [
        (b["number"], b["section"], b["addressee_as_written"], b["modality"]) for b in blind["recommendations"]
    ]
    for r, b in zip(m7.recommendations, blind["recommendations"], strict=True):
        assert r.text.ru.startswith(b["first_words"]), r.number


def test_blind_dates_and_chair(m7: Meeting, blind: dict[str, Any]) -> None:
    dates = blind["dates"]
    assert (m7.start_date.isoformat(), m7.end_date.isoformat()) == (dates["meeting_start"], dates["meeting_end"])
    assert m7.format_decision is not None and m7.format_decision.date.isoformat() == dates["format_decision"]
    assert m7.adopted_on is not None and m7.adopted_on.isoformat() == dates["report_adopted"]
    assert [[p.start_date.isoformat(), p.end_date.isoformat()] for p in m7.previous_meetings] == dates[
        "previous_meetings"
    ]
    assert m7.chair is not None and m7.chair.name.ru == blind["chair"]["name_ru"]
    assert m7.meetings_held == blind["sessions_held"]  # the blind extract's own key
    assert m7.registered_delegates is not None
    assert m7.registered_delegates.as_written.startswith(blind["registered_delegates_as_written"])
