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
    out = done.stdout
    assert "Meeting 7 of the Working Group, Vienna, 8–9 September 2020, hybrid (in person and online)" in out
    assert "Section A: 7 (recommendations 1–7)" in out and "Section B: 15 (recommendations 8–22)" in out
    assert "“are encouraged to” 7, “should” 14, “may wish to consider” 1" in out
    assert "States that made statements: 12; with the panellists' states: 16" in out
    assert "Panellists' states only: South Africa, Argentina, Spain, Ecuador" in out
    assert "parties to the Convention: 74 (of them not a state: European Union)" in out
    for line in ("signatory states: 2", "states not party: 14", "organizations and UN entities: 12"):
        assert line in out
    assert "permanent observers: 1" in out and "Next: smuggling-wg recommendations" in out


def test_unknown_meeting_exits_1(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--meeting", "8"]) == 1
    assert "smuggling-wg summary: no meeting 8. Valid: 7." in capsys.readouterr().err


def test_bad_usage_exits_2(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--meeting", "seven"]) == 2
    assert "invalid number value: 'seven'" in capsys.readouterr().err


def test_summary_defaults_to_the_report_language(capsys: pytest.CaptureFixture[str]) -> None:
    assert main([]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Доклад о работе совещания Рабочей группы по незаконному ввозу мигрантов")
    assert "Только государства докладчиков: Южная Африка, Аргентина, Испания, Эквадор" in out


def test_unknown_language_exits_2(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--lang", "fr"]) == 2
    assert "invalid choice: 'fr'" in capsys.readouterr().err
