"""Exports that cannot destroy: atomic files, no symbolic links followed, no foreign file overwritten.

The faults are real: a file size limit (``RLIMIT_FSIZE``) for a full disk, ``kill -9`` of a
real export, a folder of mode 555 for a read-only folder (as root, without the capabilities
that override file permissions, dropped from the bounding set before the export starts).
"""

from __future__ import annotations

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
from smuggling_wg import _write
from smuggling_wg.dataset import Dataset
from smuggling_wg.errors import DataError, ExportError, SmugglingWGError
from smuggling_wg.export import FORMATS, export

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "example-meeting.yaml"


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file() and not p.is_symlink()}


def _cli(
    *args: str, cwd: Path | None = None, preexec_fn: Callable[[], object] | None = None
) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k != "SMUGGLING_WG_PATH"}
    return subprocess.run(
        [sys.executable, "-m", "smuggling_wg", *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
        cwd=cwd,
        preexec_fn=preexec_fn,
    )


def _one_line_error(done: subprocess.CompletedProcess[str], words: str) -> None:
    assert done.returncode == 1, done.stderr
    assert "Traceback" not in done.stderr
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("smuggling-wg export: error: "), done.stderr
    assert words in lines[0], lines[0]


def _manifest(folder: Path) -> list[str]:
    content = json.loads((folder / _write.MANIFEST).read_text(encoding="utf-8"))
    assert content["written_by"] == "smuggling-wg"
    files: list[str] = content["files"]
    return files


def test_export_error_is_one_of_the_library_errors() -> None:
    assert issubclass(ExportError, SmugglingWGError) and issubclass(ExportError, OSError)
    assert issubclass(DataError, SmugglingWGError)


def test_manifest_lists_every_file_of_ours(ds: Dataset, tmp_path: Path) -> None:
    written = export(ds, "csv", tmp_path)
    assert _manifest(tmp_path) == sorted(p.name for p in written)
    export(ds, "csv", tmp_path)  # our own files: replaced without --force
    json_files = export(ds, "json", tmp_path)
    assert _manifest(tmp_path) == sorted({p.name for p in written} | {p.name for p in json_files})
    leftovers = [p.name for p in tmp_path.iterdir() if p.name.startswith(".smuggling-wg-tmp-")]
    assert leftovers == []


@pytest.mark.parametrize("fmt", FORMATS)
def test_every_format_refuses_foreign_files_and_overwrites_them_with_force(
    ds: Dataset, tmp_path: Path, fmt: str
) -> None:
    names = [p.name for p in export(ds, fmt, tmp_path / "names")]  # type: ignore[arg-type]
    folder = tmp_path / "mine"
    folder.mkdir()
    (folder / names[-1]).write_text("my own notes\n", encoding="utf-8")
    (folder / "unrelated.txt").write_text("kept\n", encoding="utf-8")
    with pytest.raises(
        ExportError, match=rf"would overwrite files no earlier export of smuggling-wg wrote .*{names[-1]}"
    ):
        export(ds, fmt, folder)  # type: ignore[arg-type]
    assert _snapshot(folder) == {names[-1]: b"my own notes\n", "unrelated.txt": b"kept\n"}, "nothing written"
    export(ds, fmt, folder, force=True)  # type: ignore[arg-type]
    assert (folder / names[-1]).read_bytes() != b"my own notes\n"
    assert (folder / "unrelated.txt").read_text(encoding="utf-8") == "kept\n"
    assert _manifest(folder) == sorted(names)


def test_a_symlinked_target_is_never_written_through(ds: Dataset, tmp_path: Path) -> None:
    victim = tmp_path / "victim.txt"
    victim.write_text("precious\n", encoding="utf-8")
    folder = tmp_path / "out"
    export(ds, "csv", folder)
    (folder / "actors.csv").unlink()
    (folder / "actors.csv").symlink_to(victim)
    for force in (False, True):
        with pytest.raises(ExportError, match=r"actors\.csv: is a symbolic link; refusing to write through it"):
            export(ds, "csv", folder, force=force)
    assert victim.read_text(encoding="utf-8") == "precious\n"
    assert (folder / "actors.csv").is_symlink()


def test_a_symlinked_output_folder_is_refused(ds: Dataset, tmp_path: Path) -> None:
    real = tmp_path / "real"
    real.mkdir()
    (tmp_path / "link").symlink_to(real, target_is_directory=True)
    with pytest.raises(ExportError, match=rf"link: is a symbolic link \(to {real}\); give the real folder: {real}$"):
        export(ds, "json", tmp_path / "link", force=True)
    assert list(real.iterdir()) == []


def test_a_symlinked_manifest_and_a_foreign_manifest_are_refused(ds: Dataset, tmp_path: Path) -> None:
    elsewhere = tmp_path / "elsewhere.json"
    elsewhere.write_text('{"written_by": "smuggling-wg", "files": ["x"]}', encoding="utf-8")
    linked = tmp_path / "linked"
    linked.mkdir()
    (linked / _write.MANIFEST).symlink_to(elsewhere)
    with pytest.raises(ExportError, match="is not a regular file"):
        export(ds, "json", linked, force=True)
    foreign = tmp_path / "foreign"
    foreign.mkdir()
    (foreign / _write.MANIFEST).write_text("not json", encoding="utf-8")
    with pytest.raises(ExportError, match="not a manifest written by smuggling-wg; use --force"):
        export(ds, "json", foreign)
    export(ds, "json", foreign, force=True)
    assert _manifest(foreign) == ["smuggling-wg.json", "smuggling-wg.schema.json"]


def test_a_folder_in_place_of_a_file_is_refused(ds: Dataset, tmp_path: Path) -> None:
    (tmp_path / "about.json").mkdir()
    with pytest.raises(ExportError, match=r"about\.json: exists and is not a regular file"):
        export(ds, "csv", tmp_path, force=True)


def test_out_empty_and_out_file(ds: Dataset, tmp_path: Path) -> None:
    with pytest.raises(ExportError, match=r"no output folder given \(--out is empty\)"):
        export(ds, "csv", "")
    (tmp_path / "file.txt").write_text("x", encoding="utf-8")
    with pytest.raises(ExportError, match=r"file\.txt: is a file, not a folder"):
        export(ds, "csv", tmp_path / "file.txt")
    with pytest.raises(ExportError, match=r"cannot write to .*/file\.txt/sub: .*/file\.txt is a file, not a folder"):
        export(ds, "csv", tmp_path / "file.txt" / "sub")
    with pytest.raises(ExportError, match="cannot hold a NUL character"):
        export(ds, "csv", str(tmp_path / "a\0b"))
    with pytest.raises(ExportError, match="File name too long"):
        export(ds, "csv", tmp_path / ("x" * 300))


def test_a_number_too_large_for_sql_or_parquet_is_an_export_error(ds: Dataset, tmp_path: Path) -> None:
    meeting = ds.meetings[0].model_copy(update={"meetings_held": 10**30})  # past what validation would let in
    huge = Dataset(ds.bundle.model_copy(update={"meetings": (meeting,)}))
    for fmt in ("sqlite", "parquet"):
        with pytest.raises(ExportError, match="a number in the data is too large for this format"):
            export(huge, fmt, tmp_path / fmt)
        assert [p.name for p in (tmp_path / fmt).iterdir()] == []


def test_export_help_lists_every_format() -> None:
    done = _cli("export", "--help")
    assert done.returncode == 0
    assert "{" + ",".join(FORMATS) + "}" in done.stdout
    for fmt in ("sqlite:", "parquet:", "akn:", "--force"):
        assert fmt in done.stdout


def test_cli_bad_outputs_are_one_line_errors(tmp_path: Path) -> None:
    before = sorted(os.listdir(tmp_path))
    _one_line_error(_cli("export", "--format", "csv", "--out", "", cwd=tmp_path), "--out is empty")
    assert sorted(os.listdir(tmp_path)) == before, "nothing written into the working folder"
    (tmp_path / "file.txt").write_text("x", encoding="utf-8")
    _one_line_error(_cli("export", "--format", "csv", "--out", str(tmp_path / "file.txt")), "is a file, not a folder")
    (tmp_path / "link").symlink_to(tmp_path / "elsewhere")
    _one_line_error(_cli("export", "--format", "sqlite", "--out", str(tmp_path / "link")), "is a symbolic link")
    mine = tmp_path / "mine"
    mine.mkdir()
    (mine / "smuggling-wg.db").write_bytes(b"my database")
    _one_line_error(_cli("export", "--format", "sqlite", "--out", str(mine)), "use --force to overwrite them")
    assert (mine / "smuggling-wg.db").read_bytes() == b"my database"
    done = _cli("export", "--format", "sqlite", "--out", str(mine), "--force")
    assert done.returncode == 0 and done.stdout == f"wrote 2 files to {mine}\n", done.stderr
    assert (mine / "smuggling-wg.db").read_bytes().startswith(b"SQLite format 3\x00")


@pytest.fixture
def earlier(tmp_path: Path) -> Callable[[str], tuple[Path, dict[str, bytes]]]:
    """An earlier good export (bundled data plus the example meeting), and a snapshot of its bytes."""

    def make(fmt: str) -> tuple[Path, dict[str, bytes]]:
        folder = tmp_path / fmt
        export(swg.load(extra=[EXAMPLE]), fmt, folder)  # type: ignore[arg-type]
        return folder, _snapshot(folder)

    return make


def _limit_file_size(limit: int) -> Callable[[], None]:
    def preexec() -> None:
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a write past the limit fails with EFBIG
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    return preexec


@pytest.mark.parametrize(
    ("fmt", "limit"), [("csv", 40_000), ("sqlite", 200_000), ("json", 100_000), ("parquet", 18_000), ("akn", 100_000)]
)
def test_a_full_disk_leaves_the_earlier_export_intact(
    earlier: Callable[[str], tuple[Path, dict[str, bytes]]], fmt: str, limit: int
) -> None:
    folder, before = earlier(fmt)
    done = _cli("export", "--format", fmt, "--out", str(folder), preexec_fn=_limit_file_size(limit))
    _one_line_error(done, "no space left")
    assert _snapshot(folder) == before, "the earlier export is intact and no temporary file is left"
    done = _cli("export", "--format", fmt, "--out", str(folder))
    assert done.returncode == 0, done.stderr
    reference = folder.with_name(f"{fmt}-reference")
    export(swg.load(), fmt, reference)  # type: ignore[arg-type]
    after = _snapshot(folder)
    assert all(after[name] == content for name, content in _snapshot(reference).items() if name != _write.MANIFEST)


_SLOW_EXPORT = """
import os, sys, time
from smuggling_wg import _write, load
from smuggling_wg.export import export

real = _write._fsync
def fsync_then_hang(fd):
    real(fd)
    print("first file written", flush=True)
    time.sleep(60)

_write._fsync = fsync_then_hang
export(load(), sys.argv[1], sys.argv[2])
"""


@pytest.mark.parametrize("fmt", ["csv", "sqlite", "parquet", "akn"])
def test_kill_9_mid_export_leaves_the_earlier_export_intact(
    earlier: Callable[[str], tuple[Path, dict[str, bytes]]], fmt: str
) -> None:
    folder, before = earlier(fmt)
    with subprocess.Popen(
        [sys.executable, "-c", _SLOW_EXPORT, fmt, str(folder)], stdout=subprocess.PIPE, text=True
    ) as process:
        try:
            assert process.stdout is not None
            assert process.stdout.readline() == "first file written\n"
            process.send_signal(signal.SIGKILL)
        finally:
            process.kill()
            process.wait(timeout=30)
    assert process.returncode == -signal.SIGKILL
    after = _snapshot(folder)
    temporaries = [name for name in after if name.startswith(".smuggling-wg-tmp-")]
    assert len(temporaries) == 1, "the half-done file is a hidden temporary"
    assert {k: v for k, v in after.items() if k not in temporaries} == before, "every earlier file intact"
    done = _cli("export", "--format", fmt, "--out", str(folder))
    assert done.returncode == 0, done.stderr
    assert not [p for p in folder.iterdir() if p.name.startswith(".smuggling-wg-tmp-")], "the next export cleans up"


def test_one_export_at_a_time_per_folder(ds: Dataset, tmp_path: Path) -> None:
    with subprocess.Popen(
        [sys.executable, "-c", _SLOW_EXPORT, "csv", str(tmp_path)], stdout=subprocess.PIPE, text=True
    ) as process:
        try:
            assert process.stdout is not None
            assert process.stdout.readline() == "first file written\n"
            with pytest.raises(ExportError, match="another export is writing into this folder"):
                export(ds, "csv", tmp_path)
        finally:
            process.kill()
            process.wait(timeout=30)
    export(ds, "csv", tmp_path)
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".smuggling-wg-tmp-")]


def _without_root_privileges() -> None:
    """As root, drop the capabilities that override file permissions (the bounding set, before exec)."""
    if os.geteuid() == 0:
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        pr_capbset_drop, dac_override, dac_read_search, fowner = 24, 1, 2, 3
        for capability in (dac_override, dac_read_search, fowner):
            if libc.prctl(pr_capbset_drop, capability, 0, 0, 0) != 0:
                raise OSError(ctypes.get_errno(), "prctl(PR_CAPBSET_DROP)")


def test_a_read_only_folder_is_a_one_line_error(tmp_path: Path) -> None:
    """The export runs in a folder (mode 555) it may read but not write, without root's overriding capabilities."""
    folder = tmp_path / "export"
    done = _cli("export", "--format", "csv", "--out", str(folder))
    assert done.returncode == 0, done.stderr
    before = _snapshot(folder)
    folder.chmod(0o555)
    try:
        done = _cli("export", "--format", "csv", "--out", str(folder), preexec_fn=_without_root_privileges)
        _one_line_error(done, "permission denied")
        assert _snapshot(folder) == before
        done = _cli("export", "--format", "csv", "--out", str(folder / "new"), preexec_fn=_without_root_privileges)
        _one_line_error(done, "cannot create the folder: permission denied")
    finally:
        folder.chmod(0o755)


_WITHOUT = """
import sys
sys.modules["pyarrow"] = sys.modules["pyarrow.parquet"] = sys.modules["lxml"] = sys.modules["lxml.etree"] = None
from smuggling_wg.cli import main
sys.exit(main(["export", "--format", sys.argv[1], "--out", sys.argv[2]]))
"""


@pytest.mark.parametrize(("fmt", "extra"), [("parquet", "parquet"), ("akn", "akn")])
def test_a_missing_extra_is_a_one_line_error_and_writes_nothing(tmp_path: Path, fmt: str, extra: str) -> None:
    done = subprocess.run(
        [sys.executable, "-c", _WITHOUT, fmt, str(tmp_path)], capture_output=True, text=True, check=False
    )
    _one_line_error(done, f"pip install 'smuggling-wg[{extra}]'")
    assert list(tmp_path.iterdir()) == []
