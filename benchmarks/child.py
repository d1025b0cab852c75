"""How a measured process runs: the same environment and folder for every case and its baseline.

A fresh interpreter's instruction count moved by 1% to 10% between runs of the same code
(696 M, then 764 M; 878 M for a tree recorded at 683 M) because of what was around it, not
what it ran. Each of these is now fixed, for the measured process and its baseline alike:

* **the current folder**: ``python -c`` puts it first on ``sys.path``, and the first import
  lists it. From ``/tmp``, where others create and delete files, the count moved by ~3 M
  instructions a run; from an empty folder of its own, by ~0.1 M (0.02%).
* **the hash seed**: ``PYTHONHASHSEED=0``, so set and dict layouts (and the collisions and
  resizes they cost) are the same every run.
* **bytecode**: written by a warm-up run, then read by the measured ones, as an installed
  package has it (``PYTHONDONTWRITEBYTECODE`` is dropped; the first run compiles, 918 M
  against 696 M). A tree whose folder cannot be written compiles every time, which shows as
  the same high count in every run, not as noise.
* **the environment**: a small fixed one (``PATH``, ``HOME``, ``LANG``, ``PYTHONPATH``), not the
  caller's, and ``SMUGGLING_WG_CACHE=0``: no user cache is read or written.

Two clocks: :func:`instructions` (valgrind's callgrind; ~15 s a run under valgrind) counts what
the code executes, whatever else the machine does; :func:`cpu_seconds` (the child's user +
system time, from ``wait4``) is what it costs on this CPU, less disturbed by other work than the
wall clock, which :func:`wall_seconds` still gives.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

#: The checkout's source folder (the "after" tree of a comparison).
HERE = str(Path(__file__).resolve().parent.parent / "src")
#: An empty folder of the harness's own, the current folder of every measured process.
_FOLDER = tempfile.mkdtemp(prefix="swg-bench-")


def environment(tree: str | None = None) -> dict[str, str]:
    """The measured processes' environment; ``tree`` is the ``src`` folder imported (default: the caller's path)."""
    env = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "HOME": os.environ.get("HOME", _FOLDER),
        "LANG": "C.UTF-8",
        "PYTHONHASHSEED": "0",
        "SMUGGLING_WG_CACHE": "0",
    }
    path = tree if tree is not None else os.environ.get("PYTHONPATH")
    if path:
        env["PYTHONPATH"] = path
    return env


def _command(code: str) -> list[str]:
    return [sys.executable, "-c", code]


def wall_seconds(code: str, tree: str | None = None) -> float:
    """Wall-clock seconds of a fresh process running ``code``."""
    start = time.perf_counter()
    subprocess.run(_command(code), env=environment(tree), cwd=_FOLDER, check=True, stdout=subprocess.DEVNULL)
    return time.perf_counter() - start


def cpu_seconds(code: str, tree: str | None = None) -> float:
    """CPU seconds (user + system) of a fresh process running ``code``, as the kernel accounts them."""
    child = subprocess.Popen(_command(code), env=environment(tree), cwd=_FOLDER, stdout=subprocess.DEVNULL)
    _, status, usage = os.wait4(child.pid, 0)
    child.returncode = os.waitstatus_to_exitcode(status)
    if child.returncode:
        raise subprocess.CalledProcessError(child.returncode, child.args)
    return usage.ru_utime + usage.ru_stime


#: The clocks a benchmark can time its fresh processes with (``--cpu`` chooses the second).
CLOCKS: dict[str, Callable[[str, str | None], float]] = {"wall": wall_seconds, "cpu": cpu_seconds}


def output(code: str, tree: str | None = None) -> str:
    """What a fresh process running ``code`` prints (for the in-process timings it reports itself)."""
    run = subprocess.run(_command(code), env=environment(tree), cwd=_FOLDER, check=True, capture_output=True, text=True)
    return run.stdout


def _count(code: str, tree: str | None) -> int:
    command = ["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null", *_command(code)]
    done = subprocess.run(command, env=environment(tree), cwd=_FOLDER, capture_output=True, text=True, check=True)
    return int(done.stderr.split("Collected : ")[1].split()[0])


def instructions(code: str, tree: str | None = None, repeat: int = 3) -> tuple[int, float]:
    """Median instructions of ``repeat`` runs of ``code`` after a warm-up run, and their spread (max - min) / median."""
    _count(code, tree)  # writes the bytecode the measured runs read
    counts = [_count(code, tree) for _ in range(repeat)]
    middle = statistics.median(counts)
    return round(middle), (max(counts) - min(counts)) / middle
