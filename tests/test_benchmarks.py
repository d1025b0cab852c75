"""The benchmark harness runs (on the smallest setting); timings are never asserted."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def _script(*args: str) -> subprocess.CompletedProcess[str]:
    """A benchmark script run as a maintainer runs it, from the checkout."""
    return subprocess.run([sys.executable, *args], cwd=ROOT, capture_output=True, text=True, check=False)


def test_harness_prints_a_table_of_ratios() -> None:
    done = _script("benchmarks/run.py", "--rounds", "1", "--scaling", "2", "4")
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert lines[0] == "| case | median ms | vs | ratio | target |"
    assert any(line.startswith("| import + load() + one query |") and "x |" in line for line in lines)
    assert any(line.startswith("| smuggling-wg recommendations --theme technology |") for line in lines)
    assert any(
        line.startswith("| smuggling-wg recommendations --theme technology |") and "| argparse + rich table" in line
        for line in lines
    )
    assert any(line.startswith("| search('цифровых доказательств') |") for line in lines)
    assert any(line.startswith("| load() + one query |") and "MiB" not in line for line in lines)
    assert any(line.startswith("| meetings | JSON MB | load s | growth | validate s | growth |") for line in lines)
    scaling = [line.split(" | ")[0] for line in lines if line.startswith(("| 2 |", "| 4 |"))]
    assert scaling == ["| 2", "| 4"]


@pytest.mark.parametrize("script", [("benchmarks/scaling.py", "2"), ("benchmarks/run.py",)])
def test_zero_rounds_are_refused(script: tuple[str, ...]) -> None:
    done = _script(*script, "--rounds", "0")
    assert done.returncode == 2
    assert "--rounds must be at least 1" in done.stderr


def test_compare_prints_before_and_after_in_one_run() -> None:
    done = _script("benchmarks/compare.py", str(ROOT / "src"), "--rounds", "1")
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert lines[0] == "| case | before ms | after ms | vs | before | after |"
    assert any(line.startswith("| load().actor('Italy') | ") for line in lines)
    assert any(line.startswith("| first ds.search(...) | ") and line.endswith("% |") for line in lines)


def test_harness_reports_first_answers_and_exports() -> None:
    sys.path.insert(0, str(ROOT / "benchmarks"))
    try:
        import run
    finally:
        sys.path.remove(str(ROOT / "benchmarks"))
    first = run.first_answers(rounds=1).splitlines()
    assert first[0].startswith("| first answer, after import + load() | median ms |")
    assert [line.split(" | ")[0] for line in first[2:]] == [
        "| first ds.actor('Italy')",
        "| first ds.search('цифровые доказательства')",
    ]
    exports = run.export_table(repeat=1).splitlines()
    assert [line.split(" | ")[0] for line in exports[2:]] == ["| SQLite", "| Parquet", "| Akoma Ntoso", "| site"]
    assert all(line.endswith(("ok |", "MISSED |")) for line in exports[2:]), "every output was timed"
    took, csv_took = run.time_against_csv(lambda folder: None, repeat=1)
    assert 0 <= took < csv_took


def test_draft_benchmark_prints_ratios() -> None:
    done = _script("benchmarks/draft.py", "--rounds", "1")
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert lines[0] == "| case | median ms | vs | ratio | under 1 s |"
    assert any(line.startswith("| swg.draft(path) | ") and "| read + flow (baseline) |" in line for line in lines)
    assert any(line.startswith("| smuggling-wg draft | ") for line in lines)
    assert _script("benchmarks/draft.py", "--rounds", "0").returncode == 2
