"""The export benchmark runs and prints a ratio for every format (no timing is asserted)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from smuggling_wg.export import FORMATS

ROOT = Path(__file__).resolve().parent.parent


def test_export_benchmark_prints_every_format() -> None:
    done = subprocess.run(
        [sys.executable, "benchmarks/exports.py", "--rounds", "1"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    rows = [line for line in done.stdout.splitlines() if line.startswith("| ") and "ms |" in line]
    assert [row.split(" | ")[0].removeprefix("| ") for row in rows] == list(FORMATS)
    assert "| csv | " in done.stdout and "1.00x" in done.stdout
