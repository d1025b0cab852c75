"""The smuggling-wg command: real entry point and in-process, every format, exit codes, messages."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from filling import filled_template
from smuggling_wg import _tables
from smuggling_wg.cli import main

ENV = {**os.environ, "COLUMNS": "80"}
SCRIPT = str(Path(sys.executable).with_name("smuggling-wg"))  # the console script installed beside this Python
EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "example-meeting.yaml"


def run(*args: str) -> tuple[int, str, str]:
    """Run the installed console script, as a user would."""
    done = subprocess.run([SCRIPT, *args], capture_output=True, text=True, env=ENV, check=False)
    return done.returncode, done.stdout, done.stderr


def call(*args: str) -> tuple[int, str]:
    out = io.StringIO()
    return main(list(args), out=out), out.getvalue()


def test_console_script_and_module_agree() -> None:
    code, out, _ = run("recommendations", "--theme", "technology", "--format", "csv")
    module = subprocess.run(
        [sys.executable, "-m", "smuggling_wg", "recommendations", "--theme", "technology", "--format", "csv"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert code == 0 and out == module.stdout
    rows = list(csv.DictReader(io.StringIO(out)))
    assert list(rows[0]) == [c.name for c in _tables.table("recommendations").columns], "the export's columns"
    assert [r["number"] for r in rows] == [str(n) for n in range(8, 23)]


def test_help_lists_commands_and_examples() -> None:
    code, out, _ = run("--help")
    assert code == 0
    for name in (
        "summary",
        "recommendations",
        "states",
        "participants",
        "speakers",
        "agenda",
        "documents",
        "show",
        "export",
        "schema",
        "validate",
        "search",
        "topics",
    ):
        assert name in out
    assert "examples:" in out
    code, out, _ = run("recommendations", "--help")
    assert code == 0 and "--theme" in out and "example:" in out


def test_version() -> None:
    code, out = call("--version")
    assert code == 0 and out.startswith("smuggling-wg ") and "(data 1.2.0)" in out


def test_no_command_prints_the_summary() -> None:
    code, out = call("--lang", "en")
    assert code == 0 and out.startswith("Report of the meeting of the Working Group")


def test_table_without_terminal_has_no_colour_or_boxes() -> None:
    code, out, _ = run("states", "--statements", "--lang", "en")
    assert code == 0
    assert "\x1b[" not in out
    assert not set(out) & set("│┃━─┏┗┡╇")
    assert "AUS  Australia" in out
    assert max(len(line) for line in out.splitlines()) <= 80


def test_no_color_is_honoured_in_a_terminal(tmp_path: Path) -> None:
    script = "import pty, os, sys; os.environ['NO_COLOR']='1'; pty.spawn([sys.argv[1], 'agenda', '--lang', 'en'])"
    done = subprocess.run([sys.executable, "-c", script, SCRIPT], capture_output=True, env=ENV, check=False, timeout=60)
    assert b"\x1b[" not in done.stdout.replace(b"\x1b[?25l", b"").replace(b"\x1b[?25h", b"")
    assert b"Organizational matters" in done.stdout


@pytest.mark.parametrize("fmt", ["json", "yaml"])
def test_machine_formats_are_exact(fmt: str) -> None:
    code, out = call("participants", "--status", "signatory", "--format", fmt)
    assert code == 0
    data = json.loads(out) if fmt == "json" else yaml.safe_load(out)
    assert data == [
        {
            "actor": "BOL",
            "status": "signatory",
            "as_written": "Боливия (Многонациональное Государство)",
            "source": [28],
        },
        {"actor": "THA", "status": "signatory", "as_written": "Таиланд", "source": [28]},
    ]


def test_states_with_and_without_panellists() -> None:
    _, without = call("states", "--statements", "--format", "csv")
    _, with_panel = call("states", "--statements", "--include-panelists", "--format", "csv")
    assert len(without.splitlines()) == 1 + 12 and len(with_panel.splitlines()) == 1 + 16
    _, parties = call("states", "--status", "party", "--format", "csv")
    assert len(parties.splitlines()) == 1 + 73, "74 parties, the European Union is not a state"


def test_filters_topics_and_search() -> None:
    _, out = call("recommendations", "--topic", "digital_evidence", "--topic", "cyberspace", "--format", "csv")
    assert [r["number"] for r in csv.DictReader(io.StringIO(out))] == ["9", "10", "11", "12", "14", "17", "21", "22"]
    _, out = call("recommendations", "--query", "цифровые доказательства", "--format", "csv")
    assert [r["number"] for r in csv.DictReader(io.StringIO(out))] == ["11", "12", "14", "17"]
    code, out = call("search", "Ragazzi", "--kind", "speaker", "--format", "json")
    assert code == 0 and json.loads(out)[0]["record"]["surname"]["en"] == "Ragazzi"


def test_show_records_with_their_citation() -> None:
    code, out = call("show", "rec", "8", "--lang", "en")
    assert code == 0 and "Organized Crime Convention, article 19 (stated by the report);" in " ".join(out.split())
    assert "text (ru, the report)" in out and "text (en, editorial)" in out and "topics (editorial)" in out
    assert "modality                    encouraged\n" in out and "specificity (editorial)     consider (3)" in out
    code, out = call("show", "rec", "8")  # the display language is Russian: so are the labels and the words
    assert "текст (рус., доклад)" in out and "модальность           рекомендуется (encouraged)" in out
    code, out = call("show", "rec", "8", "--format", "csv")
    (row,) = csv.DictReader(io.StringIO(out))
    assert code == 0 and row["number"] == "8" and row["source"] == "3" and row["modality"] == "encouraged"
    code, out = call("show", "para", "27", "--format", "json")
    assert code == 0 and json.loads(out)[0]["number"] == 27
    code, out = call("show", "actor", "Italy", "--format", "json")
    (profile,) = json.loads(out)
    assert profile["actor"]["id"] == "ITA" and profile["meetings"][0]["participation"]["status"] == "party"
    assert [s["kind"] for s in profile["meetings"][0]["statements"]] == ["panel", "party"]
    assert profile["meetings"][0]["chair"]["name"]["en"] == "Francesco Testa"
    code, out = call("show", "actor", "ITA", "--lang", "en")
    words = " ".join(out.split())
    assert "7th meeting: party to the Protocol (para 27)" in words and "Simona Ragazzi" in words
    assert "chair 7th meeting: Francesco Testa (para 19)" in words


def test_bad_value_is_a_usage_error_with_a_suggestion() -> None:
    code, _, err = run("recommendations", "--theme", "crisis")
    assert code == 2
    assert "unknown theme 'crisis'. Did you mean 'crises'? Valid: crises, technology." in err


def test_unknown_option_and_choice_are_usage_errors() -> None:
    assert run("recommendations", "--colour")[0] == 2
    code, _, err = run("recommendations", "--format", "xml")
    assert code == 2 and "invalid choice: 'xml'" in err
    code, _, err = run("show", "rec", "eight")
    assert code == 2 and "recommendation number expected, got 'eight'" in err


def test_nothing_found_exits_1() -> None:
    code, out, err = run("recommendations", "--text", "квантовый")
    assert code == 1 and out == "" and "nothing found" in err
    code, out, _ = run("recommendations", "--text", "квантовый", "--format", "json")
    assert code == 1 and json.loads(out) == []
    code, _, err = run("show", "actor", "Atlantis")
    assert code == 1 and "no actor 'Atlantis'" in err


def test_export_and_schema(tmp_path: Path) -> None:
    code, out = call("export", "--format", "csv", "--out", str(tmp_path))
    assert code == 0 and out.startswith("wrote 24 files")
    assert (tmp_path / "recommendations.csv").exists() and (tmp_path / "about.json").exists()
    code, out = call("schema", "Recommendation")
    assert code == 0 and "modality" in json.loads(out)["properties"]
    code, out = call("schema")
    assert json.loads(out)["properties"]["data"]
    assert call("schema", "Nothing")[0] == 2


def test_validate(tmp_path: Path) -> None:
    code, out = call("validate")
    assert code == 0 and out == "ok: the bundled data and sources, 1 meetings, 104 actors\n"
    bad = tmp_path / "bad.yaml"
    bad.write_text("data_version: '1'\nactors: []\nmeetings: [{number: 0}]\n", encoding="utf-8")
    code, _, err = run("validate", str(bad))
    assert code == 1 and "problems in the data" in err and "meetings.0.number" in err
    code, _, err = run("validate", str(tmp_path / "missing.yaml"))
    assert code == 1 and "missing.yaml: no such file" in err


def test_validate_includes_the_files_of_the_path_variable(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("SMUGGLING_WG_PATH", str(EXAMPLE))
    code, out = call("validate")
    assert code == 0 and out == "ok: the bundled data and sources, 1 meetings, 104 actors, with $SMUGGLING_WG_PATH\n"
    code, out = call("validate", str(EXAMPLE))  # the same file given twice is read once
    assert code == 0 and out.endswith(f"{EXAMPLE}: adds meeting 99\n")
    copy = tmp_path / "copy.yaml"
    copy.write_bytes(EXAMPLE.read_bytes())
    code, out = call("validate", str(copy))  # the same meeting given twice
    assert code == 1 and "meeting 99 already exists" in capsys.readouterr().err
    bad = tmp_path / "bad.yaml"
    bad.write_text("meetings: [{number: 0}]\n", encoding="utf-8")
    monkeypatch.setenv("SMUGGLING_WG_PATH", str(bad))
    code, out = call("validate")
    err = capsys.readouterr().err
    assert code == 1 and out == "" and "bad.yaml" in err and "meetings.0.number" in err


def test_template_and_file_schema(tmp_path: Path) -> None:
    code, out = call("template")
    assert code == 0 and out.startswith("# A meeting of your own") and "format_version: 1" in out
    path = tmp_path / "mine.yaml"
    path.write_text(out, encoding="utf-8")
    code, _, err = run("validate", str(path))
    line = 1 + out.splitlines().index('- number: "<<CHANGE: the meeting\'s number, e.g. 8>>"')
    assert code == 1 and f"{path}:{line}:11: meetings.0.number: a placeholder of the template is not replaced" in err
    placeholders = sum(line.count('"<<CHANGE') for line in out.splitlines() if not line.startswith("#"))
    assert err.count("a placeholder of the template is not replaced") == placeholders == 27
    path.write_text(filled_template(out), encoding="utf-8")
    assert call("validate", str(path)) == (0, f"ok: 1 file(s) load with the bundled data\n{path}: adds meeting 100\n")
    code, out = call("schema", "--file-format")
    assert code == 0 and json.loads(out)["title"] == "smuggling_wg data file, format_version 1"


def test_validate_reports_every_problem_with_positions(tmp_path: Path) -> None:
    path = tmp_path / "bad.yaml"
    path.write_text("meetings:\n- number: 7\n  format: hybird\n", encoding="utf-8")
    code, out, err = run("validate", str(path))
    assert code == 1 and out == ""
    assert f"{path}:2:11: meetings.0.number: meeting 7 already exists" in err
    assert f"{path}:3:11: meetings.0.format: Input should be 'in_person', 'online' or 'hybrid'" in err
    assert "Hint: Did you mean 'hybrid'?" in err


def test_search_explains_itself_on_stderr(capsys: pytest.CaptureFixture[str]) -> None:
    """Issue 25: the words left out, the words no text holds (with words of the texts), what an operator removed."""
    code, out = call("search", "What", "about", "evidense", "COVID", "-pandemic", "--kind", "recommendation")
    err = capsys.readouterr().err
    assert code == 0 and out.count("\n") >= 1  # recommendation 6 is found
    assert "smuggling-wg search: note: ignored (stop or question words): What, about\n" in err
    assert "smuggling-wg search: note: not in any text: evidense (similar words: evidence)\n" in err
    assert (
        "smuggling-wg search: note: removed by -pandemic: recommendation 2, recommendation 5, recommendation 13\n"
        in err
    )
    code, _ = call("search", "evidense")
    err = capsys.readouterr().err
    assert code == 1 and err.endswith("similar words: evidence)\nsmuggling-wg search: nothing found\n")
