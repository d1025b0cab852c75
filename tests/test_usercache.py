"""The cache on disk of users' data files (smuggling_wg._usercache): what it keeps, when it is used, its bounds.

Hostile caches (corrupted, tampered, linked, unwritable, full, written by two processes at
once) are in tests/hostile/test_hostile_cache.py.
"""

from __future__ import annotations

import hashlib
import os
import sys
import warnings
from pathlib import Path

import pytest

import smuggling_wg as swg
from identical import assert_identical
from smuggling_wg import _loader, _usercache, dataset
from smuggling_wg.dataset import Dataset
from smuggling_wg.errors import DataError
from smuggling_wg.models import Bundle

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "example-meeting.yaml"
sys.path.insert(0, str(ROOT / "benchmarks"))
from series import write_series  # noqa: E402  (the benchmark's meetings: the bundled one under new numbers)


@pytest.fixture(scope="module")
def series(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    """The example meeting (99), two generated meetings (101, 102) and a file that sets a default value explicitly."""
    folder = tmp_path_factory.mktemp("series")
    generated = write_series(folder / "generated", 2)
    explicit = folder / "explicit.yaml"  # a field given at its default value is a field set, and must stay one
    explicit.write_text(
        "format_version: 1\nactors:\n- {kind: intergovernmental_organization, id: xorg, "
        "name: {ru: Организация Х, en: ''}, acronym: ''}\n",
        encoding="utf-8",
    )
    return [EXAMPLE, *generated, explicit]


def _fresh(paths: list[Path]) -> Dataset:
    """What ``load(extra=paths)`` gives in a new process: the in-process cache of datasets left out."""
    bundled = swg.load()
    sources = _loader.read_sources(paths)
    return dataset._extended(bundled, sources, tuple(hashlib.sha256(raw).hexdigest() for _, raw in sources))


def _validated(paths: list[Path]) -> Bundle:
    return _loader.extend(swg.load().bundle, paths, check=dataset._taken_keys(swg.load()))


def _entries(folder: Path) -> list[str]:
    return sorted(p.suffix for p in folder.iterdir())


def _hits(ds: Dataset, query: str) -> list[tuple[object, ...]]:
    return [(h.kind, h.meeting, h.key, h.language, h.score, h.spans) for h in ds.search(query)]


def test_a_second_load_reads_the_kept_dataset_identical_to_the_validated_one(
    cache: Path, series: list[Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    first = _fresh(series)
    assert _entries(cache) == [".dataset"]
    validated = _validated(series)
    assert_identical(first.bundle, validated)
    with monkeypatch.context() as patched:
        patched.setattr(_loader, "extend", lambda *a, **k: pytest.fail("the cache was not used"))
        kept = _fresh(series)
    assert_identical(kept.bundle, validated)  # the same values, types and fields set, all the way down
    assert [m.number for m in kept.meetings] == [7, 99, 101, 102]
    assert kept.actor("xorg").model_fields_set == validated.actors[-1].model_fields_set
    assert "acronym" in kept.actor("xorg").model_fields_set
    assert kept.meeting(101) == swg.load().meeting(7).model_copy(update={"number": 101})


def test_the_search_index_is_kept_with_the_dataset_and_answers_the_same(cache: Path, series: list[Path]) -> None:
    first = _fresh(series)
    expected = _hits(first, "цифровые доказательства")
    assert _entries(cache) == [".dataset", ".index"]
    assert {h[1] for h in expected} == {7, 101, 102}
    index = cache / next(p.name for p in cache.iterdir() if p.suffix == ".index")
    written = index.stat().st_mtime_ns
    kept = _fresh(series)
    assert _hits(kept, "цифровые доказательства") == expected
    assert _hits(kept, "IOM") == _hits(first, "IOM")
    assert index.stat().st_mtime_ns >= written and _entries(cache) == [".dataset", ".index"]


def test_a_changed_file_is_another_entry(cache: Path, series: list[Path], tmp_path: Path) -> None:
    _fresh(series)
    changed = tmp_path / "example.yaml"
    changed.write_text(EXAMPLE.read_text(encoding="utf-8").replace("Пример темы", "Другая тема"), encoding="utf-8")
    ds = _fresh([changed, *series[1:]])
    assert ds.meeting(99).chapters[0].sections[0].title.ru == "Другая тема"
    assert len(list(cache.iterdir())) == 2
    reordered = _fresh([*series[1:], EXAMPLE])  # the files' order is part of the key: merging follows it
    assert [m.number for m in reordered.meetings] == [7, 99, 101, 102]
    assert len(list(cache.iterdir())) == 3


def test_another_library_or_models_or_data_is_another_entry(
    cache: Path, series: list[Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    sources = _loader.read_sources(series)
    digests = [hashlib.sha256(raw).hexdigest() for _, raw in sources]
    before = _usercache.entry(sources, digests)
    assert before is not None
    library = _usercache.fingerprint()
    _usercache.fingerprint.cache_clear()
    try:  # the bundled data's seal (dataset.json and the models' source) is part of the fingerprint
        monkeypatch.setattr(_usercache, "seal", lambda raw: "another seal")
        assert _usercache.fingerprint() not in ("", library)
        after = _usercache.entry(sources, digests)
        assert after is not None and after.key != before.key
    finally:
        _usercache.fingerprint.cache_clear()
    monkeypatch.undo()
    assert _usercache.fingerprint() == library
    package = Path(swg.__file__).parent  # every module of the package and its compiled data are in it
    assert {"models.py", "_loader.py", "search.py", "dataset.json"} <= {p.name for p in package.rglob("*")}


def test_a_file_that_does_not_load_is_never_kept(cache: Path, tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("format_version: 1\nmeetings:\n- number: 99\n", encoding="utf-8")
    for _ in range(2):
        with pytest.raises(DataError, match="start_date"):
            _fresh([bad])
    assert not cache.exists() or not list(cache.iterdir())


def test_a_file_with_a_deprecated_key_warns_at_every_load(cache: Path, tmp_path: Path) -> None:
    old = tmp_path / "old.yaml"
    old.write_text(EXAMPLE.read_text(encoding="utf-8").replace("meetings_held:", "sessions_held:"), encoding="utf-8")
    for _ in range(2):
        with pytest.warns(DeprecationWarning, match="sessions_held"):
            assert _fresh([old]).meeting(99).meetings_held == 1
    assert not cache.exists() or not list(cache.iterdir())


@pytest.mark.parametrize("off", ["0", "off", "no", "false", "OFF"])
def test_the_cache_can_be_switched_off(
    off: str, series: list[Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(_usercache.CACHE_VARIABLE, off)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    assert _usercache.folder() is None
    ds = _fresh(series[:2])
    assert [m.number for m in ds.meetings] == [7, 99, 101]
    assert ds.search("доказательства")
    assert not (tmp_path / "xdg").exists() and not (tmp_path / "home").exists()


def test_the_cache_folder_follows_the_platform(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(_usercache.CACHE_VARIABLE)
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert _usercache.folder() == tmp_path / "xdg" / "smuggling-wg"
    monkeypatch.setenv("XDG_CACHE_HOME", "relative/path")  # the XDG rule: a relative path is ignored
    assert _usercache.folder() == tmp_path / ".cache" / "smuggling-wg"
    monkeypatch.delenv("XDG_CACHE_HOME")
    assert _usercache.folder() == tmp_path / ".cache" / "smuggling-wg"
    monkeypatch.setattr(sys, "platform", "darwin")
    assert _usercache.folder() == tmp_path / "Library" / "Caches" / "smuggling-wg"
    monkeypatch.setattr(sys, "platform", "win32")
    monkeypatch.setenv("LOCALAPPDATA", str(tmp_path / "Local"))
    assert _usercache.folder() == tmp_path / "Local" / "smuggling-wg" / "Cache"
    monkeypatch.setenv(_usercache.CACHE_VARIABLE, str(tmp_path / "chosen"))
    assert _usercache.folder() == tmp_path / "chosen"


def test_the_cache_is_bounded_and_keeps_the_most_recently_used(cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(_usercache, "MAX_ENTRIES", 3)
    entries = [_usercache.Entry(cache, f"{i:064x}") for i in range(5)]
    for age, stored in enumerate(entries[:3]):
        stored.write("dataset", b"x" * 100)
        os.utime(cache / f"{stored.key}.dataset", (1_000_000 + age, 1_000_000 + age))
    (cache / "notes.txt").write_text("not ours", encoding="utf-8")
    assert entries[0].read("dataset") == b"x" * 100  # used: now the most recent
    entries[3].write("dataset", b"y" * 100)
    assert entries[1].read("dataset") is None  # the least recently used went
    assert [e.read("dataset") is not None for e in entries[:4]] == [True, False, True, True]
    monkeypatch.setattr(_usercache, "MAX_BYTES", 600)  # an entry of 100 bytes takes 259 with its header
    entries[4].write("dataset", b"z" * 250)  # with its header, 409: no other fits beside it
    kept = [e.read("dataset") is not None for e in entries]
    assert kept == [False, False, False, False, True]
    assert (cache / "notes.txt").read_text(encoding="utf-8") == "not ours"  # only our entries are removed
    entries[0].write("dataset", b"w" * 500)  # with its header, bigger than the whole cache: not kept
    assert entries[0].read("dataset") is None


def test_load_uses_the_cache_of_the_environment(cache: Path, series: list[Path]) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        ds = swg.load(extra=series[:2])
    assert [m.number for m in ds.meetings] == [7, 99, 101]
    assert _entries(cache) == [".dataset"]
