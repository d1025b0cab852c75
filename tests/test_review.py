"""Data 1.1: the corrections of the independent review (issue 15), each asserted on the data."""

from __future__ import annotations

import pytest

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
def test_english_corrected(m7: Meeting, where: str, ru: str, now: str, gone: str) -> None:
    russian, english = _text(m7, where)
    assert ru in russian
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
