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
    assert "Meeting 7 · Vienna · 8–9 September 2020 · hybrid format · 4 meetings held" in out
    assert "crises       section A    7  (recommendations 1–7)" in out
    assert "technology   section B   15  (recommendations 8–22)" in out
    assert "States that made statements: 12 (with panellists' states: 16)" in out
    assert "panellists' states only: South Africa, Argentina, Spain, Ecuador" in out
    assert "party                 74  (73 states, 1 not a state)" in out
    for line in (
        "signatory              2",
        "non_party             14",
        "organization          12",
        "permanent_observer     1",
    ):
        assert line in out


def test_unknown_meeting_exits_1(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--meeting", "8"]) == 1
    assert "smuggling-wg summary: no meeting 8. Valid: 7." in capsys.readouterr().err


def test_bad_usage_exits_2(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as caught:
        main(["--meeting", "seven"])
    assert caught.value.code == 2
    assert "invalid int value: 'seven'" in capsys.readouterr().err


def test_summary_defaults_to_the_report_language(capsys: pytest.CaptureFixture[str]) -> None:
    assert main([]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Доклад о работе совещания Рабочей группы по незаконному ввозу мигрантов")
    assert "panellists' states only: Южная Африка, Аргентина, Испания, Эквадор" in out


def test_unknown_language_exits_2(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as caught:
        main(["--lang", "fr"])
    assert caught.value.code == 2
    assert "invalid choice: 'fr'" in capsys.readouterr().err
