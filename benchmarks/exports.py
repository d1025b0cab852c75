"""Exports: the time of each export of the bundled meeting, as a ratio to the CSV export of the same run.

    python benchmarks/exports.py              # 5 rounds
    python benchmarks/exports.py --rounds 9

Each export runs in-process into a fresh folder, after one warm-up round (the first round
pays the imports of pyarrow and lxml); the formats of one round run back to back, in the
same order each round. Prints a Markdown table of medians and ratios; the target (each
export under 2 s) is printed, not asserted.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from pathlib import Path

import smuggling_wg as swg
from smuggling_wg.export import FORMATS, export

TARGET_SECONDS = 2.0


def measure(rounds: int) -> dict[str, list[float]]:
    """Seconds per export of each format, one sample per round (after one warm-up round)."""
    ds = swg.load()
    times: dict[str, list[float]] = {fmt: [] for fmt in FORMATS}
    with tempfile.TemporaryDirectory() as base:
        for round_ in range(rounds + 1):
            for fmt in FORMATS:
                start = time.perf_counter()
                export(ds, fmt, Path(base) / f"{fmt}-{round_}")
                if round_:
                    times[fmt].append(time.perf_counter() - start)
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    times = measure(max(args.rounds, 1))
    baseline = statistics.median(times["csv"])
    print("| export | median | ratio to csv | under 2 s |")
    print("|---|---:|---:|:---:|")
    for fmt, samples in times.items():
        median = statistics.median(samples)
        ok = "yes" if median < TARGET_SECONDS else "NO"
        print(f"| {fmt} | {median * 1000:.1f} ms | {median / baseline:.2f}x | {ok} |")


if __name__ == "__main__":
    main()
