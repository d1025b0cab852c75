"""Data 1.1: the corrections of the independent review (issue 15), each asserted on the data."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from pydantic import BaseModel

from smuggling_wg import models
from smuggling_wg.dataset import Dataset
from smuggling_wg.models import Meeting

# (where, the Russian the English renders, words the English must hold, words it must no longer hold)
ENGLISH = [
    ("para 10", "экстренной поддержки пострадавшим", "emergency support to those affected", "victims"),
    (
        "rec 11",
        "а также обеспечению их допустимости",
        "and to help ensure its admissibility and use in judicial",
        "as well as ensuring",
    ),
    (
        "rec 4",
        "незаконно ввезенных мигрантов, подвергающихся риску",
        "smuggled migrants at risk of becoming",
        "who are at risk",
    ),
    ("rec 13", "вспышках и очагах пандемии", "pandemic outbreaks and hotspots", "clusters"),
    (
        "para 18",
        "В ходе совещания было проведено четыре заседания",
        "The Working Group held four meetings.",
        "in the course of",
    ),
    ("para 10", "более устойчивого сотрудничества", "more sustainable cooperation", "robust"),
    (
        "rec 10",
        "с использованием технических средств",
        "technology-facilitated smuggling of migrants",
        "migrants using technology",
    ),
    (
        "rec 3",
        "раннему выявлению случаев незаконного ввоза",
        "early detection of cases of smuggling of migrants",
        "detection of the smuggling",
    ),
    (
        "para 7",
        "провоз мигрантов теперь сопряжен с большей опасностью",
        "transporting migrants had now become more dangerous",
        "moving migrants",
    ),
    (
        "rec 1",
        "а также урегулирование их миграционного статуса",
        "as well as for resolving their migration status",
        "as well as the resolution",
    ),
]


def _text(m7: Meeting, where: str) -> tuple[str, str]:
    kind, number = where.split()
    records = m7.paragraphs if kind == "para" else m7.recommendations
    text = records[int(number) - 1].text
    return text.ru, text.en


@pytest.mark.parametrize(("where", "ru", "now", "gone"), ENGLISH, ids=[f"{w}: {n}" for w, _, n, _ in ENGLISH])
def test_english_corrected(m7: Meeting, flowed: str, where: str, ru: str, now: str, gone: str) -> None:
    russian, english = _text(m7, where)
    assert ru in russian and ru in flowed
    assert now in english
    assert gone not in english


def test_no_victims_for_those_affected(m7: Meeting) -> None:
    """«пострадавшие» (those affected) is never rendered "victims"; «жертвами» (victims) still is."""
    texts = [p.text for p in m7.paragraphs] + [r.text for r in m7.recommendations]
    for text in texts:
        if "пострадавш" in text.ru:
            assert "victim" not in text.en, text.ru[:40]
    assert all("victims" in t.en for t in texts if "стать жертвами" in t.ru)


def test_one_rendering_of_the_argentine_position(m7: Meeting) -> None:
    english = "Director of the International Affairs Department of the National Directorate of Migration of Argentina"
    speaker = m7.speakers[1]
    assert (
        speaker.position.ru
        == "директор отдела по международным делам Национального управления Аргентины по вопросам миграции"
    )
    assert speaker.position.en == english
    assert english in m7.paragraphs[5].text.en
    assert "Director of International Affairs" not in m7.paragraphs[5].text.en


def test_english_stays_unofficial(ds: Dataset) -> None:
    m7 = ds.meeting(7)
    for text in [*(p.text for p in m7.paragraphs), *(r.text for r in m7.recommendations)]:
        assert text.en_origin == "unofficial_translation"


# Data 1.1: the analytical layer applied consistently.

SPECIFICITY = {
    1: [5, 13, 18],  # only cooperation or sharing: «расширять сотрудничество», «обмениваться», «партнерские связи»
    2: [],  # 15 «продолжать» also asks «регулярно оценивать»: the most specific action decides
    3: [8, 12, 21],  # «рассмотреть»
    4: [2, 4, 6, 7, 9, 10, 11, 15, 16, 17, 22],
    5: [1, 3, 14, 19, 20],  # a concrete instrument, also as the means after «(в том числе) путем»
}


def test_specificity_levels(ds: Dataset) -> None:
    levels = {r.number: r.specificity.level for r in ds.recommendations() if r.specificity}
    assert {level: sorted(n for n, v in levels.items() if v == level) for level in range(1, 6)} == SPECIFICITY


def test_the_same_structure_gets_the_same_level(ds: Dataset, flowed: str) -> None:
    """Recs 3, 14 and 19 name concrete means after «(в том числе) путем …»: one level, and the rationale says why."""
    for number, means in [
        (3, "путем подготовки справочников"),
        (14, "в том числе путем увеличения доступности технических средств и оборудования"),
        (19, "в том числе путем разработки и использования онлайновых форм"),
    ]:
        r = ds.recommendation(number)
        assert means in r.text.ru and means in flowed
        assert r.specificity is not None and r.specificity.level == 5
        assert "путем" in r.specificity.rationale and "(recs 1, 3, 14, 19, 20 alike)" in r.specificity.rationale


EDITORIAL_LINKS = {
    1: [("smuggling_protocol", 16)],
    2: [("smuggling_protocol", 10), ("convention", 28)],
    3: [("smuggling_protocol", 10), ("convention", 27)],
    4: [("smuggling_protocol", 15), ("convention", 31)],
    5: [("convention", 27), ("smuggling_protocol", 16)],
    6: [("smuggling_protocol", 16)],
    7: [],
    8: [("convention", 18)],
    9: [("convention", 28)],
    10: [("smuggling_protocol", 6), ("convention", 34)],
    11: [("convention", 18)],
    12: [("smuggling_protocol", 10), ("convention", 28)],
    13: [],
    14: [("smuggling_protocol", 14), ("convention", 29), ("convention", 27)],
    15: [("convention", 28)],
    16: [("smuggling_protocol", 14), ("convention", 29)],
    17: [("convention", 27), ("convention", 18), ("smuggling_protocol", 14), ("convention", 29)],
    18: [("convention", 31)],
    19: [("smuggling_protocol", 15), ("convention", 31)],
    20: [("smuggling_protocol", 15), ("convention", 31)],
    21: [("convention", 20)],
    22: [("smuggling_protocol", 14), ("convention", 29)],
}


def test_editorial_treaty_links(ds: Dataset) -> None:
    links = {
        r.number: [(t.instrument, t.article) for t in r.treaty_refs if t.provenance == "editorial"]
        for r in ds.recommendations()
    }
    assert links == EDITORIAL_LINKS
    # the weak 1.0 links are gone: rec 7 -> Convention 24, rec 13 -> Protocol 10, rec 15 -> Protocol 14,
    # rec 5 -> Protocol 7 (smuggling by sea only), rec 9 -> Protocol 10 (no exchange asked)
    assert ("convention", 24) not in links[7] and ("smuggling_protocol", 10) not in links[13]
    assert ("smuggling_protocol", 14) not in links[15] and ("smuggling_protocol", 7) not in links[5]
    for r in ds.recommendations():
        for t in r.treaty_refs:
            if t.provenance == "editorial":  # each says which paragraph of the article and why
                assert t.rationale.startswith("Art. ") and ": " in t.rationale and "; " in t.rationale, (r.number, t)


def test_topic_tags_follow_the_definitions(ds: Dataset) -> None:
    m7 = ds.meeting(7)
    assert "gender_children" not in {t.topic for t in ds.recommendation(6).topics}
    assert "cyberspace" not in {t.topic for t in ds.recommendation(19).topics}
    assert "technology_innovation" in {t.topic for t in ds.recommendation(19).topics}
    assert "cyberspace" in {t.topic for t in ds.recommendation(10).topics}
    assert "capacity_building" not in {t.topic for t in m7.paragraphs[8].topics}
    assert "cyberspace" in {t.topic for t in m7.paragraphs[14].topics}
    assert "a reporting form, is not by itself this topic" in ds.topic("cyberspace").definition
    assert "UN entities' capacity for humanitarian work" in ds.topic("capacity_building").definition
    assert "Child care named as one field of services" in ds.topic("gender_children").definition


def test_blind_pass_input_holds_no_tags() -> None:
    text = (Path(__file__).resolve().parent.parent / "analysis" / "blind-pass-input.md").read_text(encoding="utf-8")
    assert text.count("\n### ") == 22 and text.count("\n- `") == 17
    assert "quote" not in text and "tags-first-pass" not in text


def _models() -> list[type[BaseModel]]:
    return [
        cls
        for cls in vars(models).values()
        if isinstance(cls, type) and issubclass(cls, models.Record) and cls is not models.Record
    ]


def test_every_field_declares_its_origin() -> None:
    """The codebook's origin column is what each field declares, never a guess from its description."""
    assert len(_models()) >= 29
    for cls in _models():
        for name, info in cls.model_fields.items():
            extra = info.json_schema_extra
            origin = extra.get("origin") if isinstance(extra, dict) else None
            assert origin in ("report", "editorial", "reference", "mixed"), f"{cls.__name__}.{name}"
            description = info.description or ""
            if description.startswith(("Editorial.", "Reference.")):
                assert description.lower().startswith(str(origin)), f"{cls.__name__}.{name}"


@pytest.mark.parametrize(
    ("model", "field", "origin"),
    [
        ("Recommendation", "topics", "editorial"),
        ("Recommendation", "sdg_targets", "editorial"),
        ("Recommendation", "specificity", "editorial"),
        ("Recommendation", "addressee_kind", "editorial"),
        ("Recommendation", "treaty_refs", "mixed"),
        ("Paragraph", "topics", "editorial"),
        ("TreatyRef", "rationale", "editorial"),
        ("Theme", "label", "editorial"),
        ("Topic", "definition", "editorial"),
        ("Text", "ru", "report"),
        ("Text", "en", "editorial"),
        ("State", "m49", "reference"),
        ("Recommendation", "source", "report"),
    ],
)
def test_declared_origins_reach_the_codebook(model: str, field: str, origin: str) -> None:
    info = getattr(models, model).model_fields[field]
    assert info.json_schema_extra == {"origin": origin}
    codebook = (Path(__file__).resolve().parent.parent / "docs" / "codebook.md").read_text(encoding="utf-8")
    section = codebook.split(f"\n## {model}\n", 1)[1].split("\n## ", 1)[0]
    row = next(line for line in section.splitlines() if line.startswith(f"| `{field}` |"))
    assert row.split(" | ")[3] == origin


# Data 1.1: the API follows the glossary (заседание = a numbered meeting), with 1.0's names deprecated.


def test_numbered_meetings_follow_the_un_english(m7: Meeting) -> None:
    assert m7.meetings_held == 4
    assert all(isinstance(n, models.NumberedMeeting) for n in m7.numbered_meetings)
    assert [(n.number, n.source) for n in m7.numbered_meetings] == [
        (1, (5, 26)),
        (2, (5, 11)),
        (3, (5, 11)),
        (4, (5, 11, 18)),
    ]
    assert "NumberedMeeting" in models.__all__ and "Session" not in models.__all__
    assert "meetings_held" in Meeting.model_fields and "sessions_held" not in Meeting.model_fields
    assert m7.resolutions[0].session == 5  # сессия of the Conference stays a "session"


def test_old_names_still_work_with_a_deprecation_warning(m7: Meeting) -> None:
    with pytest.warns(
        DeprecationWarning,
        match=r"Meeting.sessions_held is deprecated, use Meeting.meetings_held \(to be removed in 2.0",
    ):
        assert m7.sessions_held == 4
    with pytest.warns(
        DeprecationWarning,
        match=r"Meeting.sessions is deprecated, use Meeting.numbered_meetings \(to be removed in 2.0",
    ):
        assert m7.sessions == m7.numbered_meetings
    with pytest.warns(
        DeprecationWarning, match=r"models.Session is deprecated, use NumberedMeeting \(to be removed in 2.0"
    ):
        assert models.Session is models.NumberedMeeting
    with pytest.raises(AttributeError, match="has no attribute 'Sessions'"):
        models.Sessions  # noqa: B018


def _example_meeting() -> dict[str, object]:
    import yaml

    example = Path(__file__).resolve().parent.parent / "examples" / "example-meeting.yaml"
    meeting: dict[str, object] = yaml.safe_load(example.read_text(encoding="utf-8"))["meetings"][0]
    return meeting


def test_a_data_file_with_the_old_keys_still_loads(tmp_path: Path) -> None:
    import yaml

    import smuggling_wg as swg

    meeting = _example_meeting()
    meeting["sessions_held"] = meeting.pop("meetings_held")
    meeting["sessions"] = [{"number": 1, "date": "2030-01-01", "source": [1]}]
    path = tmp_path / "old.yaml"
    path.write_text(yaml.safe_dump({"meetings": [meeting]}, allow_unicode=True), encoding="utf-8")
    with pytest.warns(DeprecationWarning, match="of a meeting is deprecated, use") as warned:
        ds = swg.load(extra=[path])
    assert {str(w.message).split(" is ")[0] for w in warned} == {
        "the key 'sessions_held' of a meeting",
        "the key 'sessions' of a meeting",
    }
    loaded = ds.meeting(int(str(meeting["number"])))
    assert loaded.meetings_held == 1 and [n.number for n in loaded.numbered_meetings] == [1]


def test_old_and_new_key_together_is_a_clear_error(tmp_path: Path) -> None:
    import yaml

    import smuggling_wg as swg

    meeting = _example_meeting()
    meeting["sessions_held"] = 1
    path = tmp_path / "both.yaml"
    path.write_text(yaml.safe_dump({"meetings": [meeting]}, allow_unicode=True), encoding="utf-8")
    with pytest.raises(swg.DataError, match="both sessions_held and meetings_held are given: keep meetings_held"):
        swg.load(extra=[path])


def test_tables_follow_the_glossary() -> None:
    from smuggling_wg import _tables

    names = [t.name for t in _tables.TABLES]
    assert "numbered_meetings" in names and "numbered_meeting_agenda_items" in names
    assert not [n for n in names if "session" in n]
    meetings = next(t for t in _tables.TABLES if t.name == "meetings")
    assert "meetings_held" in [c.name for c in meetings.columns]


def test_glossary_cites_paragraphs_that_hold_the_terms(m7: Meeting, flowed: str) -> None:
    """Every form the glossary quotes is the report's, and every paragraph it cites holds one (a second count)."""
    import re

    page = (Path(__file__).resolve().parent.parent / "docs" / "glossary.md").read_text(encoding="utf-8")
    text = {p.number: p.text.ru for p in m7.paragraphs}
    for r in m7.recommendations:  # recommendations cite para 3
        text[3] += " " + r.text.ru
    rows = [line for line in page.splitlines() if line.startswith("| «")]
    assert len(rows) >= 25
    for row in rows:
        cells = [c.strip() for c in row.strip("|").split("|")]
        forms = re.findall(r"«([^»]+)»", cells[0])
        cited = [int(n) for n in cells[-1].split(",")]
        assert forms and cited, row
        assert all(form in flowed for form in forms), row
        # every paragraph that holds one of the forms is cited, and no other
        assert cited == [n for n, t in text.items() if any(form in t for form in forms)], row
    assert "Meeting.meetings_held" in page and "Resolution.session" in page and "NumberedMeeting" in page
    mkdocs = (Path(__file__).resolve().parent.parent / "mkdocs.yml").read_text(encoding="utf-8")
    assert "glossary.md" in mkdocs


# Data 1.1: names as at the meeting.

MEETING_DAY = dt.date(2020, 9, 8)


def test_names_in_force_at_the_meeting(ds: Dataset) -> None:
    turkey, netherlands = ds.actor("TUR"), ds.actor("NLD")
    assert isinstance(turkey, models.State) and isinstance(netherlands, models.State)
    assert turkey.names is not None and (turkey.names.en, turkey.names.fr, turkey.names.es) == ("Türkiye",) * 3
    at = turkey.names_at(MEETING_DAY)
    assert at is not None and (at.en, at.fr, at.es, at.ru, at.zh) == (
        "Turkey",
        "Turquie",
        "Turquía",
        "Турция",
        "土耳其",
    )
    assert turkey.names_at(dt.date(2022, 6, 1)) == turkey.names  # the day the new name took effect
    assert turkey.names_at(dt.date(2022, 5, 31)).en == "Turkey"  # type: ignore[union-attr]
    (change,) = turkey.former_names
    assert change.until == dt.date(2022, 6, 1) and "turkiye.un.org" in change.evidence
    at = netherlands.names_at(MEETING_DAY)
    assert at is not None and at.model_dump() == {
        "ar": "هولندا",
        "zh": "荷兰",
        "en": "Netherlands",
        "fr": "Pays-Bas",
        "ru": "Нидерланды",
        "es": "Países Bajos",
    }
    assert netherlands.names is not None and netherlands.names.en == "Netherlands (Kingdom of the)"
    assert netherlands.former_names[0].until == dt.date(2023, 3, 10)


def test_every_state_checked_the_report_confirms_the_russian(ds: Dataset, m7: Meeting) -> None:
    """A second source for the names at the meeting: the report (2020) writes each state's UN Russian name of then."""
    states = [a for a in ds.actors if isinstance(a, models.State)]
    assert len(states) == 89
    changed = [s.id for s in states if s.names_at(MEETING_DAY) != s.names]
    assert changed == ["NLD", "TUR"]
    for s in states:
        at = s.names_at(MEETING_DAY)
        assert at is not None and at.ru == s.name.ru, s.id
    english = m7.paragraphs[26].text.en  # para 27's English list names them as in 2020
    assert "Netherlands, New Zealand" in english and "Turkmenistan, Turkey, Ukraine" in english


def test_a_former_name_must_differ_from_the_current_one(ds: Dataset) -> None:
    from pydantic import ValidationError

    turkey = ds.actor("TUR")
    data = turkey.model_dump()
    data["former_names"][0]["names"]["en"] = "Türkiye"
    with pytest.raises(ValidationError, match="'Türkiye' is the current en name"):
        models.State.model_validate(data)


def test_holy_see_in_chinese_is_settled(ds: Dataset) -> None:
    holy_see = ds.actor("VAT")
    assert isinstance(holy_see, models.State) and holy_see.names is not None
    assert holy_see.names.zh == "教廷"
    header = (Path(__file__).resolve().parent.parent / "src/smuggling_wg/data/un-names.yaml").read_text(
        encoding="utf-8"
    )
    assert "# Chosen: VAT zh 教廷:" in header
    methodology = (Path(__file__).resolve().parent.parent / "docs/methodology.md").read_text(encoding="utf-8")
    assert "教廷" in methodology and "罗马教廷" in methodology


def test_the_chairs_words_are_not_statements(ds: Dataset, m7: Meeting) -> None:
    """Data 1.1 decision (methodology): paras 17 and 19 are the presiding officer's words, not section IV.B's."""
    assert "В своем выступлении он сообщил участникам совещания" in m7.paragraphs[18].text.ru
    assert m7.paragraphs[18].section == "A" and m7.paragraphs[16].chapter == "III"
    cited = {n for s in m7.statements for n in s.source}
    assert 17 not in cited and 19 not in cited
    assert {n for s in m7.statements if s.kind != "panel" for n in s.source} == {20, 23, 24, 25}
    assert m7.chair is not None and m7.chair.source == (19,)
    assert m7.registered_delegates is not None and m7.registered_delegates.source == (17,)
    page = (Path(__file__).resolve().parent.parent / "docs" / "methodology.md").read_text(encoding="utf-8")
    assert "## The Chair's opening statement and remarks" in page and "**not** `Statement` records" in page


def test_each_speakers_position_and_name_have_one_rendering(m7: Meeting) -> None:
    """Where a paragraph holds a speaker's Russian position or name, its English holds the speaker's English."""
    paragraphs = {p.number: p.text for p in m7.paragraphs}
    checked = 0
    for s in m7.speakers:
        for n in (*s.source, *s.remarks):
            text = paragraphs[n]
            for ru, en in ((s.position.ru, s.position.en), (s.name.ru, s.name.en), (s.surname.ru, s.surname.en)):
                if ru in text.ru:
                    assert en in text.en, (s.order, n, en)
                    checked += 1
    assert checked >= 20
