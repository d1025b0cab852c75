"""Refresh the output of the `$ smuggling-wg ...` lines in the docs' console blocks by running them.

    python tools/console_docs.py          # rewrite the outputs in README.md and docs/*.md
    python tools/console_docs.py --check  # exit 1 if a page shows output the command no longer prints

Each command runs as tests/test_docs.py runs it: the installed console script, COLUMNS=80, in a
folder where `tests/` and `examples/` are the checkout's.
"""

from __future__ import annotations

import os
import shlex
import subprocess
import sys
import tempfile
from pathlib import Path

from generated import run

ROOT = Path(__file__).resolve().parent.parent
SCRIPT = str(Path(sys.executable).with_name("smuggling-wg"))


def _output(command: str, cwd: Path) -> str:
    env = {**os.environ, "COLUMNS": "80"}
    args = shlex.split(command)
    done = subprocess.run([SCRIPT, *args[1:]], capture_output=True, text=True, cwd=cwd, env=env, check=False)
    return "\n".join(line.rstrip() for line in (done.stdout + done.stderr).rstrip("\n").split("\n"))


def refreshed(text: str, cwd: Path) -> str:
    """``text`` with every console block's outputs replaced by what its commands print now."""
    head, *blocks = text.split("```console\n")
    out = [head]
    for block in blocks:
        body, rest = block.split("```", 1)
        commands = [chunk.split("\n", 1)[0] for chunk in body.split("$ ")[1:]]
        lines = [f"$ {c}\n{_output(c, cwd)}\n" for c in commands]
        out.append("```console\n" + "".join(lines) + "```" + rest)
    return "".join(out)


def pages() -> dict[Path, str | bytes]:
    """Every page with console blocks, refreshed."""
    with tempfile.TemporaryDirectory() as folder:
        cwd = Path(folder)
        for name in ("tests", "examples"):
            (cwd / name).symlink_to(ROOT / name)
        found = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
        return {
            p: refreshed(p.read_text(encoding="utf-8"), cwd) for p in found if "```console\n" in p.read_text("utf-8")
        }


def main(argv: list[str] | None = None) -> int:
    """Rewrite the console outputs, or with --check only compare them; return the exit code."""
    return run(__doc__ or "", "console_docs.py", pages, argv)


if __name__ == "__main__":
    sys.exit(main())
