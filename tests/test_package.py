"""Packaging: version, typing marker, bundled files, and a cheap import."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from importlib import metadata, resources
from pathlib import Path

import pytest

import smuggling_wg as swg


def _run(code: str) -> str:
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return done.stdout.strip()


def test_version_comes_from_the_installed_metadata() -> None:
    assert swg.__version__ == metadata.version("smuggling-wg")


def test_public_names() -> None:
    assert {"load", "Dataset", "NotFound", "InvalidFilter", "DataError", "Meeting", "Recommendation"} <= set(
        swg.__all__
    )
    for name in swg.__all__:
        assert getattr(swg, name) is not None
    assert issubclass(swg.NotFound, KeyError)


def test_unknown_attribute() -> None:
    with pytest.raises(AttributeError, match="has no attribute 'no_such_name'"):
        swg.no_such_name  # noqa: B018


def test_package_ships_its_data_and_typing_marker() -> None:
    root = resources.files("smuggling_wg")
    assert (root / "py.typed").is_file()
    for name in ("dataset.json", "report-07.ru.txt", "actors.yaml", "meeting-07.yaml", "dataset.yaml"):
        assert (root / "data" / name).is_file(), name


def test_import_reads_no_file_and_imports_neither_yaml_nor_rich() -> None:
    code = """
import sys
opened = []
def hook(event, args):
    if event == "open" and isinstance(args[0], str) and not args[0].endswith((".py", ".pyc")):
        opened.append(args[0])
sys.addaudithook(hook)
import smuggling_wg
print(__import__("json").dumps({"opened": [p for p in opened if "smuggling_wg" in p],
    "yaml": "yaml" in sys.modules, "rich": "rich" in sys.modules, "pydantic": "pydantic" in sys.modules}))
"""
    report = json.loads(_run(code))
    assert report == {"opened": [], "yaml": False, "rich": False, "pydantic": False}


def test_load_does_not_import_yaml() -> None:
    assert _run("import sys, smuggling_wg as s; s.load().meeting(7); print('yaml' in sys.modules)") == "False"


def test_citation_file_matches_the_package() -> None:
    text = (Path(__file__).resolve().parent.parent / "CITATION.cff").read_text(encoding="utf-8")
    assert f"version: {swg.__version__}\n" in text and "cff-version: 1.2.0" in text


def test_eight_public_modules_the_rest_private() -> None:
    import pkgutil

    public = sorted(m.name for m in pkgutil.iter_modules(swg.__path__) if not m.name.startswith("_"))
    assert public == ["analysis", "cli", "dataset", "errors", "export", "models", "plot", "search"]
    reference = (Path(__file__).resolve().parent.parent / "docs" / "reference.md").read_text(encoding="utf-8")
    assert sorted(set(re.findall(r"^::: smuggling_wg\.(\w+)$", reference, flags=re.MULTILINE))) == public
