"""Data 1.2: exactly what the report says, no more, no less (issue 27), each asserted through the queries."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

import pytest
from pydantic import ValidationError

import smuggling_wg as swg
from smuggling_wg import _sourcetext, _tables, _views
from smuggling_wg.dataset import Dataset
from smuggling_wg.models import Meeting, NumberedMeeting, Paragraph

PARTIES_23 = ["AUS", "BRA", "VEN", "HND", "CAN", "IDN", "ITA", "MEX"]


@pytest.fixture(scope="module")
def report() -> str:
    """The report's running text, the one every verbatim string is a substring of."""
    return swg.load().source_text(flowed=True)


# --- 1. para 23: the agenda items are said of the group of eight parties ----------------------


def test_agenda_item_returns_only_statements_the_report_gives_that_item(ds: Dataset) -> None:
    assert [s.actor for s in ds.statements(agenda_item=2)] == ["secretariat", "ZAF", "ARG", "ITA"]
    assert [s.actor for s in ds.statements(agenda_item=3)] == ["secretariat", "ESP", "ECU"]
    assert ds.statements(agenda_item=[2, 3], kind="party") == ()


def test_group_items_are_returned_when_asked_for(ds: Dataset) -> None:
    group = ds.statements(agenda_item=2, include_group_items=True)
    assert [s.actor for s in group] == ["secretariat", "ZAF", "ARG", "ITA", *PARTIES_23]
    parties = ds.statements(kind="party")
    assert [s.actor for s in parties] == PARTIES_23
    assert all(s.agenda_items == (2, 3) and s.agenda_attribution == "group" and s.source == (23,) for s in parties)
    # everyone else's items are its own, and the observers' are not stated (paras 24-25) under either reading
    assert all(s.agenda_attribution == "individual" for s in ds.statements() if s.kind != "party")
    observers = ds.statements(kind=["observer_state", "observer_organization"])
    assert len(observers) == 5 and all(s.agenda_items == () for s in observers)
    assert not {s.actor for s in observers} & {
        s.actor for s in ds.statements(agenda_item=[2, 3], include_group_items=True)
    }


def test_include_group_items_is_a_bool(ds: Dataset) -> None:
    with pytest.raises(swg.InvalidFilter, match="True or False"):
        ds.statements(agenda_item=2, include_group_items="yes")  # type: ignore[arg-type]


def test_every_surface_says_the_items_are_the_groups(ds: Dataset) -> None:
    australia = ds.statements(actor="AUS")[0]
    assert repr(australia) == "Statement(AUS, party, 2, 3 (of the group))"
    assert _views.agenda_items(australia, "en") == "2, 3 (said of the group, para 23)"
    assert dict(_views.full(australia, ds, "en"))["agenda items"] == "2, 3 (said of the group, para 23)"
    assert _views.agenda_items(australia, "ru") == "2, 3 (сказано о группе выступавших, пункт 23)"
    assert _views.agenda_items(ds.statements(actor="ZAF")[0], "en") == "2"
    assert _views.agenda_items(ds.statements(actor="CHN")[0], "en") == "not stated"
    header, rows = _tables.frame_rows(ds.statements(kind="party"), ds.bundle)
    assert {row[header.index("agenda_attribution")] for row in rows} == {"group"}


# --- 2. one rule for inferred dates -------------------------------------------------------------


def test_numbered_meeting_dates_say_whether_stated_or_inferred(m7: Meeting) -> None:
    got = [(n.number, n.date, n.date_basis) for n in m7.numbered_meetings]
    assert got == [
        (1, dt.date(2020, 9, 8), "stated"),
        (2, dt.date(2020, 9, 8), "stated"),
        (3, dt.date(2020, 9, 9), "inferred"),
        (4, dt.date(2020, 9, 9), "inferred"),
    ]
    for n in m7.numbered_meetings:
        if n.date_basis == "inferred":  # each inference says so, says how, and cites what it rests on
            assert n.note.startswith("Inferred, not stated:") and {5, 11} <= set(n.source), n
    assert 18 in m7.numbered_meetings[3].source, "the 4th rests on para 18: four meetings, 8-9 September"
    assert m7.numbered_meetings[3].agenda_items == (), "its items are still not stated"


def test_the_inferred_dates_are_the_only_days_the_report_leaves(m7: Meeting) -> None:
    """The rule, re-applied: numbered meetings in order, within the meeting's days, stated dates fixed."""
    stated = {n.number: n.date for n in m7.numbered_meetings if n.date_basis == "stated"}
    days = [m7.start_date + dt.timedelta(d) for d in range((m7.end_date - m7.start_date).days + 1)]
    for n in m7.numbered_meetings:
        if n.date_basis == "inferred":
            earlier = max((d for k, d in stated.items() if k < n.number and d), default=m7.start_date)
            possible = [d for d in days if d >= earlier]
            if n.number == 3:  # para 11: the 2nd and 3rd were on 8 and 9 September; the 2nd took the 8th
                possible = [d for d in possible if d == dt.date(2020, 9, 9)]
            assert possible == [n.date], n
            stated[n.number] = n.date


def test_date_basis_rules() -> None:
    assert NumberedMeeting.model_validate({"number": 1, "date": "2020-09-08", "source": [5]}).date_basis == "stated"
    assert NumberedMeeting.model_validate({"number": 1, "source": [18]}).date_basis is None
    with pytest.raises(ValidationError, match="needs a note"):
        NumberedMeeting.model_validate({"number": 1, "date": "2020-09-09", "date_basis": "inferred", "source": [11]})
    with pytest.raises(ValidationError, match="only with one"):
        NumberedMeeting.model_validate({"number": 1, "date_basis": "stated", "source": [11]})


def test_numbered_meetings_say_which_items_the_report_gives_them_only_together(m7: Meeting, report: str) -> None:
    """Para 5 gives item 2 to the 1st and 2nd numbered meetings together, para 11 items 3 and 4 to the 2nd and
    3rd together: said of the pair, not of each; para 26 gives item 1 (the agenda adopted) to the 1st alone."""
    got = [(n.number, n.agenda_items, n.agenda_items_together) for n in m7.numbered_meetings]
    assert got == [(1, (1, 2), (2,)), (2, (2, 3, 4), (2, 3, 4)), (3, (3, 4), (3, 4)), (4, (), ())]
    flowed = " ".join(report.split())
    assert "На своих 1-м и 2-м заседаниях 8 сентября 2020 года Рабочая группа рассмотрела пункт 2" in flowed
    assert "На своих 2-м и 3-м заседаниях 8 и 9 сентября 2020 года Рабочая группа рассмотрела пункт 3" in flowed
    assert "На своем 1-м заседании 8 сентября 2020 года Рабочая группа утвердила" in flowed
    table = _tables.table("numbered_meeting_agenda_items")
    column = table.column("attribution")
    assert column.enum == ("individual", "group")
    rows = [(at.parent.number, at.record, column.get(at)) for at in table.records(swg.load().bundle)]
    assert rows == [
        (1, 1, "individual"),
        (1, 2, "group"),
        (2, 2, "group"),
        (2, 3, "group"),
        (2, 4, "group"),
        (3, 3, "group"),
        (3, 4, "group"),
    ]
    with pytest.raises(ValidationError, match="not in agenda_items: \\[5\\]"):
        NumberedMeeting.model_validate({"number": 1, "agenda_items": [2], "agenda_items_together": [5], "source": [5]})


# --- 3. parent_body: normalized, and the report's own words with their paragraph -----------------


def test_parent_body_normalized_and_as_written(m7: Meeting, report: str) -> None:
    written = m7.parent_body_as_written
    assert written is not None and written.source == (1,)
    assert written.ru.startswith("Конференцией участников Конвенции") and written.ru in report
    assert written.ru in m7.paragraphs[0].text.ru
    assert m7.parent_body.ru not in report, "the nominative is this library's normalization, and says so"
    assert "normalized" in (Meeting.model_fields["parent_body"].description or "")


# --- 4. TUR and NLD: the evidence says what the report says ---------------------------------------


@pytest.mark.parametrize(("code", "written"), [("TUR", "Турция"), ("NLD", "Нидерланды")])
def test_former_names_evidence_quotes_the_report(ds: Dataset, code: str, written: str) -> None:
    state = ds.actor(code)
    assert isinstance(state, swg.State)
    (change,) = state.former_names
    assert f"«{written}»" in change.evidence and "para 27" in change.evidence
    assert "INF/1" not in change.evidence, "the list of participants is another document, not the report"
    assert [p.as_written for p in ds.participants(actor=code)] == [written]


# --- 5. standing: adopted, the Chair's summary, the report's account --------------------------------


def test_paragraph_standing(ds: Dataset) -> None:
    numbers = {s: [p.number for p in ds.paragraphs(standing=s)] for s in ("adopted", "chair_summary", "proceedings")}
    assert numbers["adopted"] == [3]
    assert numbers["chair_summary"] == list(range(4, 18))
    assert numbers["proceedings"] == [1, 2, *range(18, 35)]
    any_case: Any = ["Adopted", "proceedings"]
    assert [p.number for p in ds.paragraphs(standing=any_case)] == [1, 2, 3, *range(18, 35)]
    assert [p.number for p in ds.paragraphs(standing="chair_summary", topic="digital_evidence")] == [13, 16]
    with pytest.raises(swg.InvalidFilter, match="standing"):
        ds.paragraphs(standing="agreed")  # type: ignore[arg-type]


def test_standing_is_cited_where_the_report_states_it(m7: Meeting) -> None:
    text = {p.number: p.text.ru for p in m7.paragraphs}
    said = {
        "adopted": "приняла нижеследующие рекомендации",
        "chair_summary": "не подлежало утверждению",
        "proceedings": "утвердила настоящий доклад",
    }
    for chapter in m7.chapters:
        assert chapter.standing is not None and len(chapter.standing_source) == 1, chapter
        (cited,) = chapter.standing_source
        assert said[chapter.standing] in text[cited], chapter
    assert m7.chapters[2].title.ru == "Резюме обсуждений, подготовленное Председателем"


def test_records_rest_on_their_paragraphs_standing(ds: Dataset, m7: Meeting) -> None:
    assert {m7.standing_of(r) for r in ds.recommendations()} == {("adopted",)}
    assert {m7.standing_of(s) for s in ds.statements() if s.kind != "panel"} == {("proceedings",)}
    assert {m7.standing_of(s) for s in ds.statements(kind="panel")} == {("chair_summary", "proceedings")}
    assert m7.standing_of(ds.speaker(1)) == ("chair_summary", "proceedings")
    assert m7.standing_of(ds.paragraph(4)) == ("chair_summary",)
    assert _views.standing(ds.paragraph(10), m7, "en") == "the Chair's summary, not adopted"
    assert _views.standing(ds.recommendation(1), m7, "en") == "adopted by the Working Group"


def test_a_paragraph_cannot_contradict_its_chapter(m7: Meeting) -> None:
    data: dict[str, Any] = m7.model_dump(mode="json")
    data["paragraphs"][9]["standing"] = "adopted"
    with pytest.raises(ValidationError, match="differs from chapter III"):
        Meeting.model_validate(data)
    del data["paragraphs"][9]["standing"]  # a paragraph given none takes its chapter's
    assert Meeting.model_validate(data).paragraphs[9].standing == "chair_summary"


def test_search_by_standing(ds: Dataset, m7: Meeting) -> None:
    everything = ds.search("цифровых доказательств")
    summary = ds.search("цифровых доказательств", standing="chair_summary")
    adopted = ds.search("цифровых доказательств", standing="adopted")
    assert {(h.kind, h.key) for h in adopted} == {("recommendation", n) for n in (11, 12, 14, 17)}  # 17: «электронных»
    assert ("paragraph", 16) in {(h.kind, h.key) for h in summary}
    assert all("chair_summary" in m7.standing_of(h.record) for h in summary)
    assert set(summary) | set(adopted) <= set(everything) and not set(summary) & set(adopted)
    assert [h.key for h in summary] == [h.key for h in everything if h in set(summary)], "the ranking is kept"
    with pytest.raises(swg.InvalidFilter):
        ds.search("доказательств", standing="negotiated")  # type: ignore[arg-type]


def test_exports_carry_the_standing(ds: Dataset) -> None:
    header, rows = _tables.frame_rows(ds.paragraphs(), ds.bundle)
    assert [row[header.index("standing")] for row in rows][2:5] == ["adopted", "chair_summary", "chair_summary"]
    header, rows = _tables.frame_rows(ds.recommendations(), ds.bundle)
    assert {row[header.index("standing")] for row in rows} == {("adopted",)}
    assert _tables.table("paragraphs").column("standing").enum == ("adopted", "chair_summary", "proceedings")


# --- 6. English: para 2 kept literal and said so; para 10's stray comma ------------------------------


def test_english_of_paras_2_and_10(ds: Dataset) -> None:
    assert "strongly recommended that the working groups" in ds.paragraph(2).text.en
    assert "to those affected and social assistance." in ds.paragraph(10).text.en
    assert "affected, and social" not in ds.paragraph(10).text.en


# --- 7. tags by the definitions ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("number", "topic", "quote"),
    [
        (9, "investigation_prosecution", "пандемия также повлияла на уголовные расследования"),
        (16, "international_cooperation", "может препятствовать успешному международному сотрудничеству"),
    ],
)
def test_new_paragraph_tags(ds: Dataset, number: int, topic: str, quote: str) -> None:
    assert number in [p.number for p in ds.paragraphs(topic=topic)]
    (tag,) = [t for t in ds.paragraph(number).topics if t.topic == topic]
    assert tag.quote == quote and quote in ds.paragraph(number).text.ru


# --- 8. links made the same way --------------------------------------------------------------------


def test_links_of_data_12(ds: Dataset) -> None:
    def numbers(**query: Any) -> list[int]:
        return [r.number for r in ds.recommendations(provenance="editorial", **query)]

    assert numbers(article="convention:31") == [4, 18, 19, 20]
    assert numbers(article="smuggling_protocol:14") == [14, 16, 17, 22]
    sharing = [r.number for r in ds.recommendations() if re.search("доказательств[^.]*обмен\\w* ими", r.text.ru)]
    assert sharing == [11, 17] and numbers(article="convention:18") == [8, 11, 17]
    assert 12 not in numbers(article=["convention:18", "convention:27"]), "rec 12 shares practices, not evidence"
    (art27,) = [t for t in ds.recommendation(17).treaty_refs if t.article == 27]
    assert art27.rationale.startswith("Art. 27, para. 1 (a):")
    assert [s.target for s in ds.recommendation(2).sdg_targets] == ["16.a"]
    assert "17.18" not in ds.bundle.sdg_targets


def test_source_of_the_verbatim_report(report: str) -> None:
    """The new verbatim strings are the report's (the flowed text is the one rule of the data)."""
    raw = _sourcetext.read_source("report-07.ru.txt")
    assert _sourcetext.flow(raw) == report


def test_paragraph_model_declares_its_standing() -> None:
    info = Paragraph.model_fields["standing"]
    assert isinstance(info.json_schema_extra, dict) and info.json_schema_extra["origin"] == "report"
