"""The command under I/O faults, as a Unix tool: closed pipes, closed or full output, Ctrl-C, ASCII terminals."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

SCRIPT = str(Path(sys.executable).with_name("smuggling-wg"))
ENV = {**os.environ, "COLUMNS": "80", "PYTHONIOENCODING": "utf-8"}


def _no_traceback(err: str) -> None:
    assert "Traceback" not in err, err


def test_a_closed_pipe_exits_quietly() -> None:
    read, write = os.pipe()
    os.close(read)  # the reader went away, as with `| true` or `| head` done early
    try:
        done = subprocess.run([SCRIPT, "participants"], stdout=write, stderr=subprocess.PIPE, env=ENV, check=False)
    finally:
        os.close(write)
    assert done.returncode == 128 + signal.SIGPIPE and done.stderr == b""


def test_version_into_true() -> None:
    done = subprocess.run(
        ["bash", "-c", f"'{SCRIPT}' --version | true; echo ${{PIPESTATUS[0]}}"],
        capture_output=True,
        text=True,
        env=ENV,
        check=False,
    )
    assert done.stderr == "" and done.stdout.strip() in ("0", str(128 + signal.SIGPIPE))


def test_closed_stdout_is_one_line_and_exit_1() -> None:
    done = subprocess.run(
        ["bash", "-c", f"'{SCRIPT}' --version >&-"], capture_output=True, text=True, env=ENV, check=False
    )
    assert done.returncode == 1 and done.stderr.strip() == "smuggling-wg: error: standard output is closed"


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="no /dev/full on this system")
def test_a_full_device_is_one_line_and_exit_1() -> None:
    with open("/dev/full", "w") as full:
        done = subprocess.run([SCRIPT, "recommendations"], stdout=full, stderr=subprocess.PIPE, env=ENV, check=False)
    err = done.stderr.decode()
    assert (
        done.returncode == 1 and err.strip() == "smuggling-wg: error: cannot write the output: No space left on device"
    )


#: The number of the read system call, by machine (the first field of /proc/PID/syscall).
_READ = {"x86_64": "0", "aarch64": "63", "arm64": "63"}


def _wait_until_reading_stdin(process: subprocess.Popen[bytes]) -> None:
    """Return once ``process`` is blocked reading its standard input (/proc/PID/syscall), not after a fixed time.

    Its handlers are in place by then: the command reads its data only after setting them up.
    """
    import platform

    stdin = os.readlink(f"/proc/{process.pid}/fd/0")
    while process.poll() is None:
        fields = Path(f"/proc/{process.pid}/syscall").read_text().split()
        if fields and fields[0] == _READ[platform.machine()] and len(fields) > 1:
            fd = int(fields[1], 16)
            try:
                if os.readlink(f"/proc/{process.pid}/fd/{fd}") == stdin:
                    return
            except OSError:
                pass
        os.sched_yield()
    raise AssertionError(f"the command ended before reading its input: {process.returncode}")


def _as_at_a_terminal() -> None:
    """Ctrl-C as a person at a terminal has it: a shell running the tests in the background ignores SIGINT."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def test_ctrl_c_exits_130_without_a_traceback() -> None:
    process = subprocess.Popen(
        [SCRIPT, "validate", "/dev/stdin"],
        stdin=subprocess.PIPE,
        stderr=subprocess.PIPE,
        stdout=subprocess.PIPE,
        env=ENV,
        preexec_fn=_as_at_a_terminal,
    )
    assert process.stdin is not None and process.stderr is not None
    try:
        _wait_until_reading_stdin(process)  # as a person reading the prompt would be
        process.send_signal(signal.SIGINT)
        process.wait(timeout=120)  # standard input stays open: only the signal ends the read (no end of file)
        err = process.stderr.read()
    finally:
        process.kill()
        process.stdin.close()
    assert process.returncode == 130
    _no_traceback(err.decode())


def test_an_ascii_output_gets_utf8_data_not_an_error() -> None:
    """Redirected output is data: written in UTF-8 whatever the locale says, never escaped or altered."""
    env = {**ENV, "PYTHONIOENCODING": "ascii"}
    for fmt in ("table", "csv", "json", "yaml"):
        done = subprocess.run([SCRIPT, "show", "rec", "8", "--format", fmt], capture_output=True, env=env, check=False)
        utf8 = subprocess.run([SCRIPT, "show", "rec", "8", "--format", fmt], capture_output=True, env=ENV, check=False)
        assert done.returncode == 0 and done.stdout == utf8.stdout, (fmt, done.stderr)
        assert "Государствам-участникам" in done.stdout.decode("utf-8")
        _no_traceback(done.stderr.decode())


def test_an_ascii_terminal_gets_escapes_and_a_note() -> None:
    script = (
        "import os, pty, sys; os.environ['PYTHONIOENCODING'] = 'ascii'; "
        "pty.spawn([sys.argv[1], 'show', 'rec', '8', '--lang', 'en'])"
    )
    done = subprocess.run([sys.executable, "-c", script, SCRIPT], capture_output=True, env=ENV, check=False, timeout=60)
    assert b"\\u0413" in done.stdout and b"cannot show Cyrillic" in done.stdout
    assert b"Traceback" not in done.stdout


@pytest.mark.parametrize("number", ["0", "-1", "99"])
def test_out_of_range_numbers_are_not_found(number: str) -> None:
    for what in ("speaker", "rec", "para"):
        done = subprocess.run(
            [SCRIPT, "show", what, "--", number], capture_output=True, text=True, env=ENV, check=False
        )
        assert done.returncode in (1, 2) and "no " in done.stderr, (what, number, done.stderr)
        _no_traceback(done.stderr)


def test_markup_and_control_sequences_in_data_are_printed_literally(tmp_path: Path) -> None:
    from smuggling_wg.cli import _cell

    cell = _cell("[link=https://example.org]click[/link] [/x]", styled=True)
    assert cell.plain == "[link=https://example.org]click[/link] [/x]" and not cell.spans
