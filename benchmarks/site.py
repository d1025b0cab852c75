"""Benchmark: building the web edition, against the CSV export measured in the same run.

    python benchmarks/site.py            # 5 rounds
    python benchmarks/site.py --rounds 3

Each round runs, in fresh interpreters and back to back, ``export(ds, "csv", DIR)`` and
``export.site(ds, DIR)`` (each from ``import smuggling_wg`` on), so both pay the same start;
the table gives medians, the ratio and the size of the site. The target (a build under 2 s,
a site under 3 MiB) is printed, not asserted: timing never goes into the tests.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

CSV = "import sys, smuggling_wg as s\nfrom smuggling_wg.export import export\nexport(s.load(), 'csv', sys.argv[1])"
SITE = "import sys, smuggling_wg as s\nfrom smuggling_wg.export import site\nsite(s.load(), sys.argv[1] + '/site')"


def _timed(code: str, out: str) -> float:
    start = time.perf_counter()
    subprocess.run([sys.executable, "-c", code, out], check=True)
    return time.perf_counter() - start


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args(argv)
    if args.rounds < 1:
        parser.error("--rounds must be at least 1")
    csv_times, site_times = [], []
    size = 0
    for _ in range(args.rounds):
        with tempfile.TemporaryDirectory() as a, tempfile.TemporaryDirectory() as b:
            csv_times.append(_timed(CSV, a))
            site_times.append(_timed(SITE, b))
            size = sum(p.stat().st_size for p in Path(b, "site").rglob("*") if p.is_file())
    csv_s, site_s = statistics.median(csv_times), statistics.median(site_times)
    print("| case | median s | vs | ratio | target |")
    print("|---|---|---|---|---|")
    print(f"| export(ds, 'csv') in a new process | {csv_s:.2f} | | | |")
    print(f"| export.site(ds) in a new process | {site_s:.2f} | csv | {site_s / csv_s:.1f}x | < 2 s |")
    print(f"| site size | {size / 2**20:.2f} MiB | | | < 3 MiB |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
