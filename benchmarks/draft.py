"""Drafting: the time to draft meeting 7's data from its report, against reading and flowing the same text.

    python benchmarks/draft.py              # 5 rounds
    python benchmarks/draft.py --rounds 9

In one process, after one warm-up round (imports, the bundled data loaded once): each round
times the baseline (read the 60 KB report and join its lines by the data's rule,
``_sourcetext.flow``) and then ``smuggling_wg.draft`` of the same file, the text to YAML with
every placeholder located. Also one fresh process per round for ``smuggling-wg draft`` as a
user runs it, against a fresh process that only imports and loads the data. Prints medians and
ratios; the target (drafting under 1 s) is printed, not asserted.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import smuggling_wg as swg
from smuggling_wg import _sourcetext

REPORT = Path(swg.__file__).parent / "data" / "report-07.ru.txt"
TARGET_SECONDS = 1.0


def measure(rounds: int) -> dict[str, list[float]]:
    """Seconds per round for the baseline, the in-process draft and the command (after a warm-up round)."""
    times: dict[str, list[float]] = {
        "read + flow (baseline)": [],
        "swg.draft(path)": [],
        "fresh process: import + load() (baseline)": [],
        "smuggling-wg draft": [],
    }
    swg.load()
    with tempfile.TemporaryDirectory() as folder:
        for round_ in range(rounds + 1):
            start = time.perf_counter()
            _sourcetext.flow(REPORT.read_text(encoding="utf-8"))
            baseline = time.perf_counter() - start
            start = time.perf_counter()
            swg.draft(REPORT)
            drafted = time.perf_counter() - start
            start = time.perf_counter()
            subprocess.run([sys.executable, "-c", "import smuggling_wg as s; s.load()"], check=True)
            loading = time.perf_counter() - start
            start = time.perf_counter()
            out = Path(folder) / f"meeting-{round_}.yaml"
            command = [sys.executable, "-m", "smuggling_wg", "draft", str(REPORT), "--out", str(out)]
            subprocess.run(command, check=True, capture_output=True)
            process = time.perf_counter() - start
            if round_:
                times["read + flow (baseline)"].append(baseline)
                times["swg.draft(path)"].append(drafted)
                times["fresh process: import + load() (baseline)"].append(loading)
                times["smuggling-wg draft"].append(process)
    return times


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args(argv)
    if args.rounds < 1:
        parser.error("--rounds must be at least 1")
    times = measure(args.rounds)
    bases = {
        "swg.draft(path)": "read + flow (baseline)",
        "smuggling-wg draft": "fresh process: import + load() (baseline)",
    }
    print("| case | median ms | vs | ratio | under 1 s |")
    print("|---|---:|---|---:|:---:|")
    for case, samples in times.items():
        median = statistics.median(samples)
        base = bases.get(case, case)
        ratio = median / statistics.median(times[base])
        ok = "yes" if median < TARGET_SECONDS else "NO"
        print(f"| {case} | {median * 1000:.1f} | {base} | {ratio:.2f}x | {ok} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
