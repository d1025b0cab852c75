"""The README's quickstart runs and prints what it says."""

from __future__ import annotations

import doctest
import os
import shlex
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
README = ROOT / "README.md"


def test_readme_examples() -> None:
    result = doctest.testfile(str(README), module_relative=False, optionflags=doctest.ELLIPSIS)
    assert result.attempted >= 10
    assert result.failed == 0


def test_readme_gives_the_two_commands() -> None:
    text = README.read_text(encoding="utf-8")
    assert "pip install . && python -m smuggling_wg" in text
    assert 'pip install ".[test]" && python -m pytest' in text


def _console_blocks(text: str) -> list[tuple[list[str], list[str]]]:
    """(command, expected output lines) for every `$ ` line of the README's console blocks."""
    found: list[tuple[list[str], list[str]]] = []
    for block in text.split("```console\n")[1:]:
        for chunk in block.split("```", 1)[0].split("$ ")[1:]:
            command, *output = chunk.rstrip("\n").split("\n")
            found.append((shlex.split(command), output))
    return found


def test_readme_console_output_is_real(tmp_path: Path) -> None:
    blocks = _console_blocks(README.read_text(encoding="utf-8"))
    assert len(blocks) >= 4
    script = str(Path(sys.executable).with_name("smuggling-wg"))
    env = {**os.environ, "COLUMNS": "80"}
    for folder in ("tests", "examples"):  # the README's relative paths, without writing into the checkout
        (tmp_path / folder).symlink_to(ROOT / folder)
    for command, expected in blocks:
        assert command[0] == "smuggling-wg"
        done = subprocess.run([script, *command[1:]], capture_output=True, text=True, cwd=tmp_path, env=env)
        got = [line.rstrip() for line in (done.stdout + done.stderr).rstrip("\n").split("\n")]
        assert got == expected, command
