"""Class 1: reads without bound or forever. Only regular files and standard input are read, never past the limit."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
from pathlib import Path

import pytest

import smuggling_wg as swg
from hostile.test_hostile_files import validate_cli
from smuggling_wg._yaml import MAX_BYTES

EXAMPLE = Path(__file__).resolve().parent.parent.parent / "examples" / "example-meeting.yaml"


def validate_within(seconds: float, *paths: str | Path) -> list[str]:
    """``swg.validate(*paths)``, failing the test instead of hanging when it does not return in time."""
    found: list[str] = []
    worker = threading.Thread(target=lambda: found.extend(str(p) for p in swg.validate(*paths)), daemon=True)
    worker.start()
    worker.join(seconds)
    assert not worker.is_alive(), f"validate({paths}) did not return within {seconds} s"
    return found


def test_a_fifo_is_refused_without_waiting_for_a_writer(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.yaml"
    os.mkfifo(fifo)
    assert validate_within(20, fifo) == [f"{fifo}: not a regular file (a FIFO): only data files are read"]
    code, out, err = validate_cli(str(fifo))
    assert (code, out) == (1, "") and "not a regular file (a FIFO)" in err


def test_a_fifo_in_a_folder_is_refused_not_skipped(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    os.mkfifo(tmp_path / "pipe.yaml")
    monkeypatch.setenv("SMUGGLING_WG_PATH", str(tmp_path))
    assert validate_within(20) == [f"{tmp_path / 'pipe.yaml'}: not a regular file (a FIFO): only data files are read"]


@pytest.mark.parametrize("device", ["/dev/zero", "/dev/urandom", "/dev/null"])
def test_devices_are_refused(device: str) -> None:
    assert validate_within(20, device) == [
        f"{device}: not a regular file (a character device): only data files are read"
    ]


def test_a_file_that_reads_more_than_its_size_is_cut_at_the_limit() -> None:
    """Files in /proc report size 0: the read itself stops at the limit."""
    (problem,) = swg.validate("/proc/self/status")[:1]
    assert "unexpected top-level key" in str(problem)


def test_standard_input_is_read_within_the_limit() -> None:
    code, out, err = validate_cli("-", stdin=b"#" * (MAX_BYTES + 1))
    assert (code, out) == (1, "") and f"-: more than {MAX_BYTES:,} bytes; the limit is {MAX_BYTES:,}" in err
    code, out, err = validate_cli("/dev/stdin", stdin=b"#" * MAX_BYTES + b"\nmeetings: []\n")
    assert code == 1 and "more than 5,242,880 bytes" in err


@pytest.mark.parametrize("name", ["-", "/dev/stdin"])
def test_standard_input_holds_a_data_file(name: str) -> None:
    code, out, err = validate_cli(name, stdin=EXAMPLE.read_bytes())
    assert (code, err) == (0, "")
    assert out == f"ok: 1 file(s) load with the bundled data\n{name}: adds meeting 99\n"


def test_a_symlink_loop_and_a_bad_path(tmp_path: Path) -> None:
    loop = tmp_path / "loop.yaml"
    loop.symlink_to(loop)
    assert validate_within(20, loop) == [f"{loop}: cannot be read: Too many levels of symbolic links"]
    assert validate_within(20, "bad\x00name.yaml") == ["'bad\\x00name.yaml': no such file or folder"]
    through = tmp_path / "file.yaml"
    through.write_text("meetings: []\n", encoding="utf-8")
    assert validate_within(20, through / "x.yaml") == [f"{through / 'x.yaml'}: no such file or folder"]


def _unreadable(path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Make ``path`` unreadable: by its mode, or (as root, whom modes do not stop) by the OS refusing to open it."""
    path.chmod(0)
    if os.geteuid() == 0:
        for name in ("open", "listdir"):
            real = getattr(os, name)

            def refuse(target: object, *args: object, real: object = real, **kwargs: object) -> object:
                if Path(str(target)) == path:
                    raise PermissionError(13, "Permission denied", str(target))
                return real(target, *args, **kwargs)  # type: ignore[operator]

            monkeypatch.setattr(os, name, refuse)


def test_an_unreadable_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    secret = tmp_path / "secret.yaml"
    secret.write_text("meetings: []\n", encoding="utf-8")
    _unreadable(secret, monkeypatch)
    assert validate_within(20, secret) == [f"{secret}: cannot be read: Permission denied"]


def test_an_unreadable_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "closed"
    folder.mkdir()
    (folder / "a.yaml").write_text("meetings: []\n", encoding="utf-8")
    _unreadable(folder, monkeypatch)
    try:
        assert validate_within(20, folder) == [f"{folder}: cannot be read: Permission denied"]
    finally:
        folder.chmod(0o755)


def test_closed_standard_input() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "smuggling_wg", "validate", "-"],
        cwd=EXAMPLE.parent.parent,
        capture_output=True,
        text=True,
        timeout=60,
        preexec_fn=lambda: os.close(0),
        check=False,
    )
    assert (done.returncode, done.stdout) == (1, "")
    assert (
        done.stderr
        == "smuggling-wg validate: 1 problem with the files given:\n- -: cannot be read: standard input is closed\n"
    )
