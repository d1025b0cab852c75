"""The README's Python, as a user's program, passes `mypy --strict`: the types narrow as the docs promise."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def _program(page: Path) -> str:
    """The ``>>>`` and ``...`` lines of a page's Python examples, as one program (outputs dropped)."""
    lines: list[str] = []
    for block in re.findall(r"```python\n(.*?)```", page.read_text(encoding="utf-8"), flags=re.DOTALL):
        for line in block.splitlines():
            if line.startswith((">>> ", "... ")):
                code = line[4:]
                lines.append(f"_{len(lines)} = {code}" if _is_expression(code) else code)
    return "\n".join(lines) + "\n"


def _is_expression(code: str) -> bool:
    """A line whose value the example shows (mypy then checks every attribute it reads)."""
    try:
        compile(code, "<example>", "eval")
    except SyntaxError:
        return False
    return True


@pytest.fixture(scope="module")
def cache(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One mypy cache for the module's programs: the second reuses what the first analysed (pydantic, ...)."""
    return tmp_path_factory.mktemp("mypy-cache")


def _mypy_strict(program: Path, cache: Path) -> subprocess.CompletedProcess[str]:
    """``mypy --strict`` on a user's program, with none of the project's own settings."""
    return subprocess.run(
        [
            sys.executable,
            "-m",
            "mypy",
            "--strict",
            "--cache-dir",
            str(cache),
            "--config-file",
            "/dev/null",
            str(program),
        ],
        capture_output=True,
        text=True,
        check=False,
        cwd=program.parent,
    )


def test_readme_examples_pass_mypy_strict(tmp_path: Path, cache: Path) -> None:
    program = tmp_path / "readme_examples.py"
    program.write_text(_program(ROOT / "README.md"), encoding="utf-8")
    assert 'kind="recommendation"' in program.read_text(encoding="utf-8")
    done = _mypy_strict(program, cache)
    assert done.returncode == 0, done.stdout + done.stderr


def test_search_by_kind_narrows_the_record_type(tmp_path: Path, cache: Path) -> None:
    program = tmp_path / "narrow.py"
    program.write_text(
        "import smuggling_wg as swg\n"
        "ds = swg.load()\n"
        "numbers: list[int] = [h.record.number for h in ds.search('x y', kind='recommendation')]\n"
        "orders: list[int] = [h.record.order for h in ds.search('x y', kind='speaker')]\n"
        "reveal_type(ds.search('x y', kind='paragraph')[0].record)\n",
        encoding="utf-8",
    )
    done = _mypy_strict(program, cache)
    assert 'Revealed type is "smuggling_wg.models.Paragraph"' in done.stdout, done.stdout
    assert "error" not in done.stdout.replace("note:", ""), done.stdout
