"""The code stays lint-clean and type-checks under mypy --strict (configured in pyproject.toml)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.parametrize(
    "command",
    [
        [sys.executable, "-m", "ruff", "check", "src", "tests", "tools", "benchmarks"],
        [sys.executable, "-m", "ruff", "format", "--check", "src", "tests", "tools", "benchmarks"],
        [sys.executable, "-m", "mypy"],
    ],
    ids=["ruff-check", "ruff-format", "mypy"],
)
def test_tool_passes(command: list[str]) -> None:
    done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stdout + done.stderr


def test_compile_check_passes() -> None:
    done = subprocess.run(
        [sys.executable, "tools/compile_data.py", "--check"], cwd=ROOT, capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout == (
        "dataset.json, dataset.sha256, stems.json, actor-keys.json, other-states.json, search-index.json "
        "are up to date\n"
    )
