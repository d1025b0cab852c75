"""Every hostile file gives its message, and only DataError: through the API, $SMUGGLING_WG_PATH and the CLI."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

import smuggling_wg as swg
from hostile.cases import CASES, Case

ROOT = Path(__file__).resolve().parent.parent.parent
IDS = [case.name for case in CASES]


def _file(folder: Path, case: Case) -> Path:
    path = folder / f"{case.name}.yaml"
    path.write_bytes(case.content)
    return path


@pytest.mark.parametrize("case", CASES, ids=IDS)
def test_through_the_api(tmp_path: Path, case: Case) -> None:
    path = _file(tmp_path, case)
    reported = [str(p) for p in swg.validate(path)]
    assert any(case.message in p for p in reported), reported
    with pytest.raises(swg.DataError) as caught:
        swg.load(extra=[path])
    assert [str(p) for p in caught.value.problems] == reported
    assert [m.number for m in swg.load().meetings] == [7], "the bundled dataset is untouched"


@pytest.mark.parametrize("case", CASES, ids=IDS)
def test_through_the_environment_variable(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, case: Case) -> None:
    path = _file(tmp_path, case)
    monkeypatch.setenv("SMUGGLING_WG_PATH", str(tmp_path))
    reported = [str(p) for p in swg.validate()]
    assert any(case.message in p for p in reported), reported
    with pytest.raises(swg.DataError):
        swg.load()
    assert all(p.startswith(str(path)) for p in reported if not p.startswith("<data>"))


def validate_cli(*args: str, env: dict[str, str] | None = None, stdin: bytes | None = None) -> tuple[int, str, str]:
    """``python -m smuggling_wg validate ARGS`` in a fresh process: exit code, stdout, stderr."""
    done = subprocess.run(
        [sys.executable, "-m", "smuggling_wg", "validate", *args],
        cwd=ROOT,
        capture_output=True,
        input=stdin,
        timeout=60,
        env={**os.environ, **(env or {})},
        check=False,
    )
    return done.returncode, done.stdout.decode(), done.stderr.decode()


#: One case of each kind through the command line (each run is a fresh process).
FIRST_OF_EACH_KIND = list({case.kind: case for case in reversed(CASES)}.values())


@pytest.mark.parametrize("case", FIRST_OF_EACH_KIND, ids=[c.name for c in FIRST_OF_EACH_KIND])
def test_through_the_command_line(tmp_path: Path, case: Case) -> None:
    path = _file(tmp_path, case)
    code, out, err = validate_cli(str(path))
    assert (code, out) == (1, "")
    assert err.startswith("smuggling-wg validate: ") and case.message in err
    assert "Traceback" not in err
    code, out, err = validate_cli(env={"SMUGGLING_WG_PATH": str(path)})
    assert code == 1 and case.message in err and "Traceback" not in err
