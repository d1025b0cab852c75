from __future__ import annotations

import os
import shutil
import sys
import tempfile
from pathlib import Path

import pytest

import smuggling_wg as swg
from smuggling_wg import _sourcetext
from smuggling_wg.dataset import Dataset
from smuggling_wg.models import Meeting, State

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tools"))  # the build-time code (tools/build.py)

import profiles  # noqa: F401  (registers and loads the hypothesis profiles)

# The on-disk cache of users' files (smuggling_wg._usercache) of this run, and of the processes it starts:
# a folder of its own, never the user's cache folder.
_CACHE = tempfile.mkdtemp(prefix="smuggling-wg-test-cache-")
os.environ["SMUGGLING_WG_CACHE"] = _CACHE


def pytest_sessionfinish() -> None:
    shutil.rmtree(_CACHE, ignore_errors=True)


@pytest.fixture(scope="session")
def ds() -> Dataset:
    return swg.load()


@pytest.fixture(scope="session")
def m7(ds: Dataset) -> Meeting:
    return ds.meeting(7)


@pytest.fixture(scope="session")
def raw_source() -> str:
    return _sourcetext.read_source()


@pytest.fixture(scope="session")
def flowed(raw_source: str) -> str:
    """The whole report as running text: every verbatim string must be found in it."""
    return _sourcetext.flow(raw_source)


@pytest.fixture(scope="session")
def states(ds: Dataset) -> list[State]:
    """Every state in the bundled data, in data order."""
    return [a for a in ds.actors if isinstance(a, State)]


@pytest.fixture(scope="session")
def site_dir(ds: Dataset, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The web edition, built once for the site's unit and browser tests."""
    from smuggling_wg.export import site

    out = tmp_path_factory.mktemp("site") / "site"
    site(ds, out)
    return out


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty on-disk cache folder of this test (smuggling_wg._usercache)."""
    from smuggling_wg import _usercache

    folder = tmp_path / "cache"
    monkeypatch.setenv(_usercache.CACHE_VARIABLE, str(folder))
    return folder
