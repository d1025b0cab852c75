"""Cold-start benchmarks: fresh processes, interleaved A B A B ..., medians and ratios.

    python benchmarks/run.py            # 21 rounds
    python benchmarks/run.py --rounds 7

Each case runs in a new interpreter; the cases of one round run back to back, in the
same order each round, so drift on the machine affects them alike. The table gives the
median wall time of each case and its ratio to the baseline named beside it, measured
in the same run. Targets are printed, not asserted: timing never goes into the tests.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass

BASELINE_MODEL = "import pydantic\nclass M(pydantic.BaseModel):\n    x: int\n"


@dataclass(frozen=True)
class Case:
    """A Python snippet timed in a fresh process, and what it is compared with."""

    name: str
    code: str
    baseline: str | None = None
    target: float | None = None


CASES = (
    Case("python -c pass", "pass"),
    Case("import pydantic", "import pydantic"),
    Case("pydantic + one model", BASELINE_MODEL),
    Case("import smuggling_wg", "import smuggling_wg", baseline="python -c pass"),
    Case(
        "import + load() + one query",
        "import smuggling_wg as s\ns.load().recommendations(theme='technology')",
        baseline="pydantic + one model",
        target=1.15,
    ),
)


def _time(code: str) -> float:
    start = time.perf_counter()
    subprocess.run([sys.executable, "-c", code], check=True)
    return time.perf_counter() - start


def measure(cases: tuple[Case, ...], rounds: int) -> dict[str, float]:
    """Median seconds per case over ``rounds`` interleaved rounds (one warm-up round first)."""
    samples: dict[str, list[float]] = {c.name: [] for c in cases}
    for round_number in range(rounds + 1):
        for case in cases:
            elapsed = _time(case.code)
            if round_number:  # round 0 warms the file cache
                samples[case.name].append(elapsed)
    return {name: statistics.median(times) for name, times in samples.items()}


def table(cases: tuple[Case, ...], medians: dict[str, float]) -> str:
    """A Markdown table of medians, ratios to their baselines and targets."""
    rows = ["| case | median ms | vs | ratio | target |", "|---|---:|---|---:|---:|"]
    for case in cases:
        ms = f"{1e3 * medians[case.name]:.1f}"
        if case.baseline:
            ratio = medians[case.name] / medians[case.baseline]
            verdict = (
                "" if case.target is None else f"<= {case.target:.2f} {'ok' if ratio <= case.target else 'MISSED'}"
            )
            rows.append(f"| {case.name} | {ms} | {case.baseline} | {ratio:.2f}x | {verdict} |")
        else:
            rows.append(f"| {case.name} | {ms} | | | |")
    return "\n".join(rows)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Cold-start benchmarks of smuggling_wg.")
    parser.add_argument("--rounds", type=int, default=21, help="rounds of fresh processes (default 21, at least 1)")
    args = parser.parse_args(argv)
    if args.rounds < 1:
        parser.error("--rounds must be at least 1")
    print(table(CASES, measure(CASES, args.rounds)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
