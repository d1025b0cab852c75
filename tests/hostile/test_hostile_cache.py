"""A hostile cache of users' files (smuggling_wg._usercache): loading never crashes and never gives a wrong record.

Entries corrupted, truncated, edited, renamed, replaced by links or by other JSON; a cache
folder that is a link, not ours, writable by others, not a folder, on a full disk; two
processes writing the same entry at once. Each time the records are those the files
validate to, and the cache is rebuilt where it can be.
"""

from __future__ import annotations

import hashlib
import json
import os
import resource
import signal
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

import smuggling_wg as swg
from identical import assert_identical
from smuggling_wg import _loader, _usercache, dataset
from smuggling_wg.dataset import Dataset
from smuggling_wg.models import Bundle

ROOT = Path(__file__).resolve().parent.parent.parent
EXAMPLE = ROOT / "examples" / "example-meeting.yaml"
QUERY = "пример"


@pytest.fixture(scope="module")
def validated() -> Bundle:
    return _loader.extend(swg.load().bundle, [EXAMPLE], check=dataset._taken_keys(swg.load()))


def _fresh() -> Dataset:
    """What ``load(extra=[EXAMPLE])`` gives in a new process (the in-process cache left out)."""
    sources = _loader.read_sources([EXAMPLE])
    digests = tuple(hashlib.sha256(raw).hexdigest() for _, raw in sources)
    return dataset._extended(swg.load(), sources, digests)


def _entry(cache: Path, kind: str) -> Path:
    (path,) = cache.glob(f"*.{kind}")
    return path


def _hits(ds: Dataset) -> list[tuple[object, ...]]:
    return [(h.kind, h.meeting, h.key, h.language, h.score, h.spans) for h in ds.search(QUERY)]


def _rehashed(path: Path, payload: bytes) -> None:
    """Replace an entry's content, with a header that matches it (as a deliberate forger would)."""
    header = path.read_bytes().partition(b"\n")[0].rsplit(b" ", 1)[0]
    path.write_bytes(header + b" " + hashlib.sha256(payload).hexdigest().encode() + b"\n" + payload)


def _flip(path: Path) -> None:
    raw = bytearray(path.read_bytes())
    raw[len(raw) // 2] ^= 0x01
    path.write_bytes(bytes(raw))


def _truncate(path: Path) -> None:
    path.write_bytes(path.read_bytes()[: path.stat().st_size // 2])


def _empty(path: Path) -> None:
    path.write_bytes(b"")


def _garbage(path: Path) -> None:
    path.write_bytes(os.urandom(4096))


def _other_key(path: Path) -> None:
    """Another entry's file renamed to this one (its header names its own key)."""
    raw = path.read_bytes()
    header, _, payload = raw.partition(b"\n")
    parts = header.split(b" ")
    parts[3] = b"0" * 64
    path.write_bytes(b" ".join(parts) + b"\n" + payload)


def _other_json(path: Path) -> None:
    _rehashed(path, b'{"data_version": "1.1.0", "meetings": [{"number": "not a meeting"}]}')


def _refused_value(path: Path) -> None:
    """The real content with one value the models refuse (a modality that does not exist), rehashed."""
    payload = path.read_bytes().partition(b"\n")[2]
    assert payload.count(b'"modality":"should"') > 1
    _rehashed(path, payload.replace(b'"modality":"should"', b'"modality":"must"', 1))


def _not_json(path: Path) -> None:
    _rehashed(path, b"\xff\xfe not json")


def _deep_json(path: Path) -> None:
    _rehashed(path, b"[" * 100_000 + b"]" * 100_000)


def _link(path: Path) -> None:
    """The entry replaced by a link to a copy of itself elsewhere: never followed."""
    elsewhere = path.parent.parent / "elsewhere"
    elsewhere.write_bytes(path.read_bytes())
    path.unlink()
    path.symlink_to(elsewhere)


def _fifo(path: Path) -> None:
    path.unlink()
    os.mkfifo(path)


def _folder(path: Path) -> None:
    path.unlink()
    path.mkdir()


SPOILERS: dict[str, Callable[[Path], None]] = {
    "a flipped bit": _flip,
    "truncated": _truncate,
    "empty": _empty,
    "random bytes": _garbage,
    "another key's entry": _other_key,
    "other JSON, rehashed": _other_json,
    "not JSON, rehashed": _not_json,
    "JSON nested 100,000 deep, rehashed": _deep_json,
    "a symbolic link": _link,
    "a FIFO": _fifo,
    "a folder": _folder,
}
#: A dataset entry may also hold records the models refuse.
DATASET_SPOILERS = {**SPOILERS, "a value the models refuse, rehashed": _refused_value}


@pytest.mark.parametrize("spoil", DATASET_SPOILERS.values(), ids=DATASET_SPOILERS.keys())
def test_a_spoiled_dataset_entry_is_ignored_and_written_anew(
    spoil: Callable[[Path], None], cache: Path, validated: Bundle
) -> None:
    _fresh()
    entry = _entry(cache, "dataset")
    good = entry.read_bytes()
    spoil(entry)
    assert_identical(_fresh().bundle, validated)
    if entry.is_file() and not entry.is_symlink():
        assert entry.read_bytes() == good  # rebuilt and kept anew
    assert_identical(_fresh().bundle, validated)


@pytest.mark.parametrize("spoil", SPOILERS.values(), ids=SPOILERS.keys())
def test_a_spoiled_index_entry_is_ignored_and_the_search_answers_right(
    spoil: Callable[[Path], None], cache: Path
) -> None:
    expected = _hits(_fresh())
    assert {h[1] for h in expected} == {7, 99}
    entry = _entry(cache, "index")
    spoil(entry)
    assert _hits(_fresh()) == expected
    assert _hits(_fresh()) == expected


def test_an_index_of_other_meetings_rehashed_is_not_used_for_these(cache: Path) -> None:
    expected = _hits(_fresh())
    entry = _entry(cache, "index")
    table = json.loads(entry.read_bytes().partition(b"\n")[2])
    table["meetings"] = [7, 98]  # a meeting this dataset does not have
    _rehashed(entry, json.dumps(table).encode())
    assert _hits(_fresh()) == expected


def test_a_cache_folder_that_is_a_link_is_not_used(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    real = tmp_path / "real"
    real.mkdir()
    link = tmp_path / "cache"
    link.symlink_to(real)
    monkeypatch.setenv(_usercache.CACHE_VARIABLE, str(link))
    assert [m.number for m in _fresh().meetings] == [7, 99]
    assert list(real.iterdir()) == []


@pytest.mark.parametrize("mode", [0o770, 0o777, 0o720])
def test_a_cache_folder_others_may_write_is_not_used(mode: int, cache: Path, validated: Bundle, tmp_path: Path) -> None:
    _fresh()
    entry = _entry(cache, "dataset")
    _other_json(entry)
    os.chmod(cache, mode)
    forged = entry.read_bytes()
    assert_identical(_fresh().bundle, validated)
    assert entry.read_bytes() == forged  # neither read nor written


def test_a_cache_folder_of_another_user_is_not_used(cache: Path, validated: Bundle) -> None:
    if os.geteuid() != 0:
        pytest.skip("giving a folder to another user needs root")  # this machine's tests run as root
    _fresh()
    entry = _entry(cache, "dataset")
    _other_json(entry)
    os.chown(entry, 65534, 65534)
    assert_identical(_fresh().bundle, validated)  # an entry of another user's: not read, replaced by ours
    assert entry.stat().st_uid == os.geteuid()
    _other_json(entry)
    forged = entry.read_bytes()
    os.chown(cache, 65534, 65534)
    assert_identical(_fresh().bundle, validated)  # a folder of another user's: neither read nor written
    assert entry.read_bytes() == forged


@pytest.mark.parametrize("where", ["a file", "under a file", "/proc (read-only)"])
def test_a_cache_folder_that_cannot_be_made_leaves_loading_as_it_is(
    where: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, validated: Bundle
) -> None:
    afile = tmp_path / "afile"
    afile.write_text("mine", encoding="utf-8")
    folder = {"a file": afile, "under a file": afile / "cache", "/proc (read-only)": Path("/proc/smuggling-wg")}
    monkeypatch.setenv(_usercache.CACHE_VARIABLE, str(folder[where]))
    ds = _fresh()
    assert_identical(ds.bundle, validated)
    assert _hits(ds)
    assert afile.read_text(encoding="utf-8") == "mine"


def _run(code: str, cache: Path, preexec: Callable[[], object] | None = None) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, _usercache.CACHE_VARIABLE: str(cache)}
    env.pop("SMUGGLING_WG_PATH", None)
    return subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=300, preexec_fn=preexec
    )


_LOAD = f"""
import smuggling_wg as swg
ds = swg.load(extra=[{str(EXAMPLE)!r}])
print([m.number for m in ds.meetings], len(ds.search({QUERY!r})))
"""


def test_a_full_disk_leaves_loading_as_it_is_and_no_file_behind(cache: Path) -> None:
    def full() -> None:
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a write past the limit fails with EFBIG
        resource.setrlimit(resource.RLIMIT_FSIZE, (1000, 1000))

    done = _run(_LOAD, cache, full)
    assert done.returncode == 0 and done.stderr == "", done.stderr
    assert done.stdout.split("]")[0] == "[7, 99"
    assert list(cache.iterdir()) == []  # the temporary files that did not fit are gone
    assert _run(_LOAD, cache).stdout == done.stdout


_WRITER = """
import sys
from pathlib import Path
from smuggling_wg._usercache import Entry
entry = Entry(Path(sys.argv[1]), "ab" * 32)
payload = bytes(range(256)) * 4096  # 1 MiB: a write that takes a while
sys.stdin.readline()  # every process starts at once
for _ in range(30):
    entry.write("dataset", payload)
    got = entry.read("dataset")
    assert got is None or got == payload, "a reader saw a part of an entry"
print("ok")
"""


def test_processes_writing_the_same_entry_at_once_leave_one_whole_entry(cache: Path) -> None:
    env = {**os.environ}
    procs = [
        subprocess.Popen(
            [sys.executable, "-c", _WRITER, str(cache)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=env,
        )
        for _ in range(4)
    ]
    for proc in procs:  # each is waiting for its line: they start together
        assert proc.stdin is not None
        proc.stdin.write("go\n")
        proc.stdin.flush()
    results = [proc.communicate(timeout=300) for proc in procs]
    assert [out for out, _ in results] == ["ok\n"] * 4, [err for _, err in results]
    assert [p.name for p in cache.iterdir()] == ["ab" * 32 + ".dataset"]  # no temporary file left
    assert _usercache.Entry(cache, "ab" * 32).read("dataset") == bytes(range(256)) * 4096


def test_two_processes_loading_the_same_files_at_once_agree(cache: Path, validated: Bundle) -> None:
    waiting = "import sys; sys.stdin.readline()\n" + _LOAD
    env = {**os.environ, _usercache.CACHE_VARIABLE: str(cache)}
    procs = [
        subprocess.Popen(
            [sys.executable, "-c", waiting], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, env=env
        )
        for _ in range(2)
    ]
    outs = [proc.communicate("go\n", timeout=300)[0] for proc in procs]
    assert outs[0] == outs[1] and outs[0].startswith("[7, 99]")
    assert sorted(p.suffix for p in cache.iterdir()) == [".dataset", ".index"]
    assert_identical(_fresh().bundle, validated)
