"""The bundled data: counts, uniqueness, references, verbatim texts, the compiled file."""

from __future__ import annotations

import datetime as dt
import json
import re
from collections import Counter
from collections.abc import Iterator

from pydantic import BaseModel

import smuggling_wg as swg
from build import compile_json
from smuggling_wg import _loader, _sourcetext
from smuggling_wg.dataset import Dataset
from smuggling_wg.models import Meeting, Organization, Paragraph, Recommendation, State, Text


def test_compiled_json_is_what_the_yaml_makes() -> None:
    folder = _loader.data_dir()
    fresh = compile_json(_loader.read_yaml(folder / name for name in _loader.SOURCE_FILES))
    assert (folder / _loader.BUNDLED_JSON).read_bytes() == fresh, "run python tools/compile_data.py"


def test_data_version_matches_the_package(ds: Dataset) -> None:
    assert ds.data_version == swg.DATA_VERSION
    assert json.loads((_loader.data_dir() / _loader.BUNDLED_JSON).read_bytes())["data_version"] == swg.DATA_VERSION


def test_meeting_facts(m7: Meeting) -> None:
    assert (m7.number, m7.city.ru, m7.city.en) == (7, "Вена", "Vienna")
    assert (m7.start_date, m7.end_date) == (dt.date(2020, 9, 8), dt.date(2020, 9, 9))
    assert m7.format == "hybrid"
    assert m7.format_decision is not None and m7.format_decision.date == dt.date(2020, 8, 19)
    assert m7.format_decision.source == (18,)
    assert m7.meetings_held == 4 and [s.number for s in m7.numbered_meetings] == [1, 2, 3, 4]
    assert [s.date for s in m7.numbered_meetings] == [
        dt.date(2020, 9, 8),
        dt.date(2020, 9, 8),
        dt.date(2020, 9, 9),
        dt.date(2020, 9, 9),
    ]
    assert [s.date_basis for s in m7.numbered_meetings] == ["stated", "stated", "inferred", "inferred"]
    assert [s.agenda_items for s in m7.numbered_meetings] == [(1, 2), (2, 3, 4), (3, 4), ()]
    assert m7.chair is not None and (m7.chair.name.ru, m7.chair.actor, m7.chair.source) == (
        "Франческо Теста",
        "ITA",
        (19,),
    )
    delegates = m7.registered_delegates
    assert delegates is not None and (delegates.value, delegates.approximate, delegates.source) == (450, True, (17,))
    assert m7.adopted_on == dt.date(2020, 9, 9)
    assert m7.symbol is None, "the report's own symbol is not printed in it"


def test_previous_meetings(m7: Meeting) -> None:
    assert [(p.number, p.start_date.isoformat(), p.end_date.isoformat()) for p in m7.previous_meetings] == [
        (1, "2012-05-30", "2012-06-01"),
        (2, "2013-11-11", "2013-11-13"),
        (3, "2015-11-18", "2015-11-20"),
        (4, "2017-09-11", "2017-09-13"),
        (5, "2018-07-04", "2018-07-05"),
        (6, "2019-09-11", "2019-09-13"),
    ]


def test_resolutions(m7: Meeting) -> None:
    r53, r71 = m7.resolutions
    assert (r53.symbol, r53.session, r53.title, r53.source) == ("5/3", 5, None, (1,))
    assert r53.effect.ru.startswith("была учреждена временная межправительственная рабочая группа")
    assert (r71.symbol, r71.session, r71.source) == ("7/1", None, (2,))
    assert r71.title is not None and r71.title.en.startswith("Strengthening the implementation")


def test_counts(m7: Meeting) -> None:
    assert len(m7.paragraphs) == 34
    assert len(m7.recommendations) == 22
    assert Counter(r.theme for r in m7.recommendations) == {"crises": 7, "technology": 15}
    assert [r.number for r in m7.recommendations if r.theme == "crises"] == list(range(1, 8))
    assert Counter(r.modality for r in m7.recommendations) == {"should": 14, "encouraged": 7, "may_wish": 1}
    assert len(m7.agenda) == 5 and [s.letter for s in m7.agenda[0].sub_items] == ["a", "b"]
    assert len(m7.speakers) == 5
    assert Counter(s.kind for s in m7.statements) == {
        "introductory": 1,
        "panel": 5,
        "party": 8,
        "observer_state": 4,
        "observer_organization": 1,
    }
    assert Counter(p.status for p in m7.participants) == {
        "party": 74,
        "signatory": 2,
        "non_party": 14,
        "organization": 12,
        "permanent_observer": 1,
    }
    assert len(m7.documents) == 4
    assert [c.number for c in m7.chapters] == ["I", "II", "III", "IV", "V"]


def test_themes(m7: Meeting) -> None:
    crises, technology = m7.themes
    assert (crises.id, crises.section, technology.id, technology.section) == ("crises", "A", "technology", "B")
    assert crises.title.ru.startswith("Рекомендации, касающиеся влияния стихийных бедствий")
    assert technology.title.ru.endswith("деятельности преступных групп в киберпространстве")


def test_recommendation_addressees_as_written(m7: Meeting) -> None:
    addressees = {r.number: r.addressee for r in m7.recommendations}
    assert addressees[5] == "Государствам"
    assert addressees[12] == "Государства-участники"
    assert addressees[13] == addressees[14] == "государствам-участникам"
    assert Counter(addressees.values())["Государствам-участникам"] == 18


def test_modality_is_the_verb_of_the_text(m7: Meeting) -> None:
    verbs = {"should": "следует", "encouraged": "рекомендуется", "may_wish": "возможно, пожелают"}
    for r in m7.recommendations:
        assert verbs[r.modality] in r.text.ru, r.number
        others = [v for k, v in verbs.items() if k != r.modality]
        first = min(r.text.ru.find(v) for v in verbs.values() if v in r.text.ru)
        assert r.text.ru.find(verbs[r.modality]) == first, (r.number, others)
        assert r.text.ru.find(r.addressee) < r.text.ru.find(verbs[r.modality]), r.number


def test_treaty_references_stated_by_the_report(m7: Meeting) -> None:
    refs = {r.number: [t for t in r.treaty_refs if t.provenance == "source"] for r in m7.recommendations}
    assert {n for n, stated in refs.items() if stated} == {8, 14}
    assert [(t.instrument, t.article) for t in refs[8]] == [("convention", 19)]
    assert [(t.instrument, t.article) for t in refs[14]] == [("smuggling_protocol", None)]


def test_paragraphs_equal_the_rederived_source(m7: Meeting, raw_source: str) -> None:
    rederived = _sourcetext.paragraphs(raw_source)
    assert {p.number: p.text.ru for p in m7.paragraphs} == rederived


def test_paragraph_chapters_and_sections(m7: Meeting) -> None:
    where = {p.number: (p.chapter, p.section) for p in m7.paragraphs}
    assert where[1] == where[2] == ("I", None)
    assert where[3] == ("II", None)
    assert {where[n] for n in range(4, 18)} == {("III", None)}
    assert (where[18], where[20], where[26], where[27], where[32], where[33]) == (
        ("IV", "A"),
        ("IV", "B"),
        ("IV", "C"),
        ("IV", "D"),
        ("IV", "D"),
        ("IV", "E"),
    )
    assert where[34] == ("V", None)


def _verbatim(m: Meeting) -> Iterator[tuple[str, str]]:
    """Every Russian string the data claims is the report's own words."""
    texts: list[tuple[str, Text | None]] = [("title", m.title)]
    texts += [(f"recommendation {r.number}", r.text) for r in m.recommendations]
    texts += [(f"paragraph {p.number}", p.text) for p in m.paragraphs]
    texts += [(f"theme {t.id}", t.title) for t in m.themes]
    texts += [(f"chapter {c.number}", c.title) for c in m.chapters]
    texts += [(f"section {c.number}.{s.letter}", s.title) for c in m.chapters for s in c.sections]
    texts += [(f"agenda {a.number}", a.title) for a in m.agenda]
    texts += [(f"agenda {a.number}{s.letter}", s.title) for a in m.agenda for s in a.sub_items]
    texts += [(f"document {d.symbol}", d.title) for d in m.documents]
    texts += [(f"resolution {r.symbol} effect", r.effect) for r in m.resolutions]
    texts += [(f"resolution {r.symbol} title", r.title) for r in m.resolutions]
    for s in m.speakers:
        texts += [(f"speaker {s.order} {field}", getattr(s, field)) for field in ("name", "surname", "position")]
    if m.chair:
        texts.append(("chair", m.chair.name))
    if m.format_decision:
        texts += [("format decision", m.format_decision.taken_by), ("procedure", m.format_decision.procedure)]
    yield from ((where, text.ru) for where, text in texts if text is not None)
    yield from ((f"statement {s.actor}", s.as_written) for s in m.statements)
    yield from ((f"participant {p.actor}", p.as_written) for p in m.participants)
    yield from ((f"recommendation {r.number} ref", ref.as_written) for r in m.recommendations for ref in r.treaty_refs)
    yield from ((f"recommendation {r.number} addressee", r.addressee) for r in m.recommendations)
    if m.registered_delegates:
        yield "registered delegates", m.registered_delegates.as_written


def test_every_verbatim_text_is_in_the_source(m7: Meeting, flowed: str) -> None:
    missing = [where for where, text in _verbatim(m7) if text not in flowed]
    assert not missing, missing


def test_verbatim_check_catches_a_changed_word(m7: Meeting, flowed: str) -> None:
    changed = m7.recommendations[0].text.ru.replace("рекомендуется", "следует")
    assert changed not in flowed


def test_every_citation_points_into_the_report(m7: Meeting) -> None:
    cited = [n for _, n in m7.citations()]
    assert cited and min(cited) >= 1 and max(cited) <= 34


def test_actor_names_of_participants_are_as_written(ds: Dataset, m7: Meeting) -> None:
    for p in m7.participants:
        assert ds.actor(p.actor).name.ru == p.as_written, p.actor


def test_actors(ds: Dataset) -> None:
    states = [a for a in ds.actors if isinstance(a, State)]
    organizations = [a for a in ds.actors if isinstance(a, Organization)]
    assert len(states) == 89 and len(organizations) == 15
    assert len({a.id for a in ds.actors}) == len(ds.actors)
    assert len({s.alpha2 for s in states}) == len({s.m49 for s in states}) == 89
    assert all(s.name.en for s in states), "every state has its UN English short name"
    eu = ds.actor("eu")
    assert isinstance(eu, Organization) and eu.kind == "regional_economic_integration_organization"


def test_regional_group_edge_cases_are_recorded(ds: Dataset) -> None:
    groups = {s.id: s for s in ds.actors if isinstance(s, State)}
    assert groups["VAT"].regional_group is None and groups["VAT"].regional_group_note
    for code in ("USA", "ISR", "TUR"):
        assert groups[code].regional_group == "western_european_other" and groups[code].regional_group_note
    assert groups["CYP"].regional_group == "asia_pacific"
    members = {
        "african": "AGO BDI EGY LBY MOZ NAM NGA TUN SWZ ZAF MAR",
        "eastern_european": "AZE ALB ARM BGR LVA POL RUS ROU SVK SVN UKR HRV CZE",
        "latin_american_caribbean": "ARG BHS BRA VEN GTM HND DOM CRI CUB MEX PAN PRY PER SLV URY CHL ECU BOL COL",
        "western_european_other": "AUS AUT BEL DEU GRC ESP ITA CAN MLT NLD NZL NOR PRT USA TUR FRA CHE SWE ISR",
        "asia_pacific": "AFG IND IDN IRQ CYP KWT KGZ LBN MMR OMN KOR SAU SYR TKM JPN THA "
        "BGD YEM JOR IRN QAT CHN MYS NPL ARE SGP",
    }
    assert {g: {c for c, s in groups.items() if s.regional_group == g} for g in members} == {
        g: set(codes.split()) for g, codes in members.items()
    }


def test_speakers(m7: Meeting) -> None:
    rows = [
        (s.order, s.honorific, s.surname.ru, s.actor, s.regional_group, s.agenda_item, s.remarks) for s in m7.speakers
    ]
    assert rows == [
        (1, "г-жа", "Ледваба", "ZAF", "african", 2, (7,)),
        (2, "г-н", "Перес Эскивел", "ARG", "latin_american_caribbean", 2, (8,)),
        (3, "г-жа", "Рагацци", "ITA", "western_european_other", 2, (9,)),
        (4, "г-н", "Матиас Фернандес", "ESP", "western_european_other", 3, (13,)),
        (5, "г-н", "Гуаясамин", "ECU", "latin_american_caribbean", 3, (14,)),
    ]


def test_documents(m7: Meeting) -> None:
    assert [(d.symbol, d.source) for d in m7.documents] == [
        ("CTOC/COP/WG.7/2020/INF/1/Rev.1", (32,)),
        ("CTOC/COP/WG.7/2020/1", (33,)),
        ("CTOC/COP/WG.7/2020/2", (33,)),
        ("CTOC/COP/WG.7/2020/3", (33,)),
    ]
    assert all(d.url == f"http://undocs.org/ru/{d.symbol}" for d in m7.documents)


def test_every_long_text_has_its_english(m7: Meeting) -> None:
    records: list[Paragraph | Recommendation] = [*m7.paragraphs, *m7.recommendations]
    assert all(r.text.en and r.text.en_origin == "unofficial_translation" for r in records)


def _all_texts(m: Meeting) -> Iterator[Text]:
    """Every Text anywhere in a meeting."""
    stack: list[object] = [m]
    while stack:
        item = stack.pop()
        if isinstance(item, Text):
            yield item
        elif isinstance(item, tuple):
            stack.extend(item)
        elif isinstance(item, BaseModel):
            stack.extend(getattr(item, name) for name in type(item).model_fields)


def test_english_is_english_and_keeps_numbers_and_symbols(m7: Meeting) -> None:
    texts = list(_all_texts(m7))
    assert len(texts) > 100
    assert all(text.en for text in texts), [t.ru[:40] for t in texts if not t.en]
    for text in texts:
        assert not re.search(r"[а-яА-ЯёЁ]", text.en), text.en[:60]
        for token in re.findall(r"\b\d+(?:[./]\d+)*\b|CTOC/\S+?(?=[);.]|$)", text.ru):
            assert token in text.en, (token, text.ru[:60])
