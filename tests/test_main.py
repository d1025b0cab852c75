"""``python -m smuggling_wg``: the main job prints the meeting summary."""

from __future__ import annotations

import subprocess
import sys

import pytest

from smuggling_wg.cli import main


def test_summary_through_the_real_entry_point() -> None:
    command = [sys.executable, "-m", "smuggling_wg", "--lang", "en"]
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    assert max(len(line) for line in done.stdout.splitlines()) <= 80  # not a terminal: 80 columns
    out = " ".join(done.stdout.split())
    assert "7th meeting of the Working Group, Vienna, 8–9 September 2020, hybrid (in person and online)" in out
    assert "Section A: 7 (recommendations 1–7)" in out and "Section B: 15 (recommendations 8–22)" in out
    assert "“encouraged” 7, “should” 14, “may wish” 1" in out
    assert "States that made statements: 12; with the panellists' states: 16" in out
    assert "Panellists' states only: Argentina, Ecuador, South Africa, Spain" in out  # in English order
    assert "Parties to the Protocol: 74 (of them not a state: European Union)" in out  # para 27: the Protocol
    for line in (
        "Signatory States (observers): 2",
        "States not party to the Protocol (observers): 14",
        "Intergovernmental organizations and United Nations entities (observers): 12",
        "Organizations maintaining a permanent observer office: 1",
    ):
        assert line in out
    assert "Next: smuggling-wg recommendations" in out


def test_unknown_meeting_exits_1(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--meeting", "8"]) == 1
    assert "smuggling-wg summary: no meeting 8. Valid: 7." in capsys.readouterr().err


def test_bad_usage_exits_2(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--meeting", "seven"]) == 2
    assert "invalid int value: 'seven'" in capsys.readouterr().err


def test_summary_defaults_to_the_report_language(capsys: pytest.CaptureFixture[str]) -> None:
    assert main([]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Доклад о работе совещания Рабочей группы по незаконному ввозу мигрантов")
    words = " ".join(out.split())
    assert "Только государства членов дискуссионной группы: Аргентина, Испания, Эквадор, Южная Африка" in words
    assert "Участники Протокола: 74" in words and "в смешанном формате (в очном и онлайновом режиме)" in words


def test_unknown_language_exits_2(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--lang", "fr"]) == 2
    assert "invalid choice: 'fr'" in capsys.readouterr().err
