"""The documentation: every example runs and prints what it says, the site builds strictly, nothing undocumented."""

from __future__ import annotations

import doctest
import importlib
import inspect
import os
import pkgutil
import shlex
import subprocess
import sys
from pathlib import Path

import pytest

import smuggling_wg
from smuggling_wg.models import Record

ROOT = Path(__file__).resolve().parent.parent
README = ROOT / "README.md"
PAGES = sorted((ROOT / "docs").glob("*.md"))
WITH_PYTHON = [p for p in [README, *PAGES] if ">>> " in p.read_text(encoding="utf-8")]
WITH_CONSOLE = [p for p in [README, *PAGES] if "```console" in p.read_text(encoding="utf-8")]


@pytest.mark.parametrize("page", WITH_PYTHON, ids=lambda p: p.name)
def test_python_examples(page: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)  # examples use paths relative to the checkout
    result = doctest.testfile(str(page), module_relative=False, optionflags=doctest.ELLIPSIS)
    assert result.attempted >= 2
    assert result.failed == 0


@pytest.mark.parametrize(
    "module", ["smuggling_wg", "smuggling_wg.dataset", "smuggling_wg._language", "smuggling_wg._words"]
)
def test_docstring_examples(module: str) -> None:
    result = doctest.testmod(importlib.import_module(module), optionflags=doctest.ELLIPSIS)
    assert result.attempted >= 1 and result.failed == 0


def _console_blocks(text: str) -> list[tuple[list[str], list[str]]]:
    """(command, expected output lines) for every `$ ` line of a page's console blocks."""
    found: list[tuple[list[str], list[str]]] = []
    for block in text.split("```console\n")[1:]:
        for chunk in block.split("```", 1)[0].split("$ ")[1:]:
            command, *output = chunk.rstrip("\n").split("\n")
            found.append((shlex.split(command), output))
    return found


@pytest.mark.parametrize("page", WITH_CONSOLE, ids=lambda p: p.name)
def test_console_output_is_real(page: Path, tmp_path: Path) -> None:
    blocks = _console_blocks(page.read_text(encoding="utf-8"))
    assert blocks
    script = str(Path(sys.executable).with_name("smuggling-wg"))
    env = {**os.environ, "COLUMNS": "80"}
    for folder in ("tests", "examples"):  # the pages' relative paths, without writing into the checkout
        (tmp_path / folder).symlink_to(ROOT / folder)
    for command, expected in blocks:
        assert command[0] == "smuggling-wg"
        done = subprocess.run([script, *command[1:]], capture_output=True, text=True, cwd=tmp_path, env=env)
        got = [line.rstrip() for line in (done.stdout + done.stderr).rstrip("\n").split("\n")]
        assert got == expected, command


def test_readme_is_short_and_gives_the_two_commands() -> None:
    text = README.read_text(encoding="utf-8")
    assert "pip install . && python -m smuggling_wg" in text
    assert 'pip install ".[test]" && python -m pytest' in text
    assert len(text.splitlines()) < 80


def test_site_builds_in_strict_mode(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(tmp_path / "site")],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    reference = (tmp_path / "site" / "reference" / "index.html").read_text(encoding="utf-8")
    assert "states_with_statements" in reference and "NotFound" in reference


def test_codebook_is_up_to_date() -> None:
    done = subprocess.run([sys.executable, "tools/codebook.py", "--check"], cwd=ROOT, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr


def _modules() -> list[str]:
    return ["smuggling_wg", *(f"smuggling_wg.{m.name}" for m in pkgutil.iter_modules(smuggling_wg.__path__))]


@pytest.mark.parametrize("name", _modules())
def test_every_public_name_has_a_docstring(name: str) -> None:
    module = importlib.import_module(name)
    assert module.__doc__, f"{name} has no module docstring"
    missing = []
    for public in getattr(module, "__all__", []):
        obj = getattr(module, public)
        if (inspect.isfunction(obj) or inspect.isclass(obj)) and obj.__module__ == name and not obj.__doc__:
            missing.append(public)
        if inspect.isclass(obj) and obj.__module__ == name:
            for attr, member in vars(obj).items():
                documentable = inspect.isfunction(member) or isinstance(member, property)
                if not attr.startswith("_") and documentable and not (member.__doc__ or "").strip():
                    missing.append(f"{public}.{attr}")
    assert not missing, f"{name}: no docstring for {missing}"


def test_every_model_field_has_a_description() -> None:
    missing = [
        f"{cls.__name__}.{field}"
        for module in ("smuggling_wg.models", "smuggling_wg._fileformat", "smuggling_wg.export")
        for cls in vars(importlib.import_module(module)).values()
        if inspect.isclass(cls) and issubclass(cls, Record) and cls is not Record
        for field, info in cls.model_fields.items()
        if not info.description
    ]
    assert not missing
