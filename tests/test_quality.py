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


LINT_IMPORTS = Path(sys.executable).with_name("lint-imports")


def test_the_layers_hold() -> None:
    """The import-linter contract in pyproject.toml: nothing below imports anything above."""
    done = subprocess.run([str(LINT_IMPORTS)], cwd=ROOT, capture_output=True, text=True, check=False)
    assert done.returncode == 0 and "1 kept, 0 broken" in done.stdout, done.stdout + done.stderr


def test_the_layer_contract_catches_an_upward_import(tmp_path: Path) -> None:
    """A copy of the package whose models import the command line breaks the contract."""
    import shutil

    shutil.copytree(ROOT / "src", tmp_path / "src", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "pyproject.toml", tmp_path / "pyproject.toml")
    models = tmp_path / "src" / "smuggling_wg" / "models.py"
    models.write_text(models.read_text(encoding="utf-8") + "\nfrom . import cli  # noqa: E402\n", encoding="utf-8")
    env = {"PYTHONPATH": str(tmp_path / "src"), "PATH": "/usr/bin:/bin"}
    done = subprocess.run([str(LINT_IMPORTS)], cwd=tmp_path, capture_output=True, text=True, check=False, env=env)
    assert done.returncode == 1 and "smuggling_wg.models is not allowed to import smuggling_wg.cli" in done.stdout
