"""The web edition's folder under attack (issue 24, items 2, 3 and 8).

No symbolic link is followed; nothing is deleted that the manifest does not list with its
SHA-256; foreign folders, even empty, are kept; temporary folders a kill left are cleaned;
after a kill at any point the earlier site is intact or the new one complete; OS errors
name the folder.
"""

from __future__ import annotations

import hashlib
import json
import os
import resource
import signal
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

import smuggling_wg as swg
from profiles import scaled
from smuggling_wg._site import MANIFEST
from smuggling_wg.dataset import Dataset
from smuggling_wg.export import site

EXAMPLE = Path(__file__).resolve().parent.parent.parent / "examples" / "example-meeting.yaml"


def _tree(folder: Path) -> dict[str, bytes | str]:
    """Every entry under ``folder``: a file's bytes, ``"link"`` or ``"folder"`` (links not followed)."""
    found: dict[str, bytes | str] = {}
    for path in sorted(folder.rglob("*")):
        rel = path.relative_to(folder).as_posix()
        found[rel] = "link" if path.is_symlink() else "folder" if path.is_dir() else path.read_bytes()
    return found


def _site_cli(*args: str, preexec_fn: Callable[[], object] | None = None) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k != "SMUGGLING_WG_PATH"}
    return subprocess.run(
        [sys.executable, "-m", "smuggling_wg", "site", *args],
        capture_output=True,
        text=True,
        env=env,
        check=False,
        preexec_fn=preexec_fn,
    )


def _one_line_error(done: subprocess.CompletedProcess[str], *words: str) -> str:
    assert done.returncode == 1, done.stderr
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in done.stderr, done.stderr
    for word in words:
        assert word in lines[0], lines[0]
    return lines[0]


def test_a_link_as_the_folder_is_refused_and_the_folder_behind_it_untouched(tmp_path: Path, ds: Dataset) -> None:
    real = tmp_path / "real"
    site(ds, real)
    real.chmod(0o700)
    before, inode = _tree(real), real.stat().st_ino
    link = tmp_path / "link"
    link.symlink_to(real)
    with pytest.raises(swg.ExportError, match="is a symbolic link"):
        site(ds, link)
    _one_line_error(_site_cli("--out", str(link)), str(link), "symbolic link")
    assert _tree(real) == before and real.stat().st_ino == inode and (real.stat().st_mode & 0o777) == 0o700
    assert link.is_symlink()


@pytest.mark.parametrize("where", ["ru/extra.html", "assets", "ru/index.html"])
def test_a_link_inside_an_earlier_site_is_refused(tmp_path: Path, ds: Dataset, where: str) -> None:
    out, outside = tmp_path / "site", tmp_path / "outside"
    site(ds, out)
    outside.mkdir()
    (outside / "keep.txt").write_text("keep", encoding="utf-8")
    target = out / where
    if target.is_dir():
        for p in sorted(target.iterdir()):
            p.unlink()
        target.rmdir()
    elif target.exists():
        target.unlink()
    target.symlink_to(outside / "keep.txt" if where.endswith(".html") else outside)
    before = _tree(out)
    with pytest.raises(swg.ExportError, match=r"holds files an earlier site did not write \("):
        site(ds, out)
    assert _tree(out) == before and (outside / "keep.txt").read_text(encoding="utf-8") == "keep"


def test_a_hand_made_manifest_deletes_nothing(tmp_path: Path, ds: Dataset) -> None:
    """The issue's case: thesis.docx and a manifest listing it; also with its true SHA-256."""
    out = tmp_path / "work"
    out.mkdir()
    thesis = out / "thesis.docx"
    thesis.write_bytes(b"PK\x03\x04 my thesis")
    digest = hashlib.sha256(thesis.read_bytes()).hexdigest()
    for manifest in (
        {"files": ["thesis.docx"]},
        {"files": ["thesis.docx"], "sha256": {"thesis.docx": digest}},
        {"files": ["index.html"], "sha256": {"index.html": digest}},
    ):
        (out / MANIFEST).write_text(json.dumps(manifest), encoding="utf-8")
        with pytest.raises(swg.ExportError, match=r"thesis.docx|no earlier site"):
            site(ds, out)
        _one_line_error(_site_cli("--out", str(out)), str(out))
        assert thesis.read_bytes() == b"PK\x03\x04 my thesis"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["work"], "no folder left beside it"


def test_a_page_edited_since_and_an_empty_foreign_folder_are_kept(tmp_path: Path, ds: Dataset) -> None:
    out = tmp_path / "site"
    site(ds, out)
    (out / "ru" / "drafts").mkdir()
    before = _tree(out)
    with pytest.raises(swg.ExportError, match=r"\(ru/drafts/\)"):
        site(ds, out)
    assert _tree(out) == before
    (out / "ru" / "drafts").rmdir()
    page = out / "en" / "index.html"
    page.write_text(page.read_text(encoding="utf-8") + "<!-- my note -->", encoding="utf-8")
    before = _tree(out)
    with pytest.raises(swg.ExportError, match=r"\(en/index.html\)"):
        site(ds, out)
    assert _tree(out) == before


def test_an_old_manifest_without_checksums_is_not_trusted(tmp_path: Path, ds: Dataset) -> None:
    out = tmp_path / "site"
    site(ds, out)
    manifest = json.loads((out / MANIFEST).read_text(encoding="utf-8"))
    del manifest["sha256"]
    (out / MANIFEST).write_text(json.dumps(manifest), encoding="utf-8")
    with pytest.raises(swg.ExportError, match="holds no earlier site"):
        site(ds, out)


# --- a kill at any point ---------------------------------------------------------------------------------------

_KILLED = """
import os, signal, sys
import smuggling_wg as swg
from smuggling_wg.export import site

ds = swg.load(extra=sys.argv[3:])
limit, count, swaps = int(sys.argv[2]), 0, []
EVENTS = {"open", "os.mkdir", "os.rename", "os.replace", "os.remove", "os.rmdir", "os.scandir", "ctypes.dlsym"}

def hook(event, args):
    global count
    if event in EVENTS:
        count += 1
        if event == "ctypes.dlsym" and args[1] == "renameat2":
            swaps.append(count)
        if count == limit:
            os.kill(os.getpid(), signal.SIGKILL)

sys.addaudithook(hook)
site(ds, sys.argv[1], meeting=7)
print(count, *swaps)
"""


def _build_killed_at(out: Path, point: int) -> subprocess.CompletedProcess[str]:
    """Build the site of the bundled meeting in a child that kills itself at its ``point``-th file operation."""
    return subprocess.run(
        [sys.executable, "-c", _KILLED, str(out), str(point)], capture_output=True, text=True, check=False
    )


def test_a_kill_at_any_point_leaves_the_earlier_site_or_the_new_one(tmp_path: Path) -> None:
    parent = tmp_path / "www"
    out = parent / "site"
    reference = tmp_path / "reference"
    site(swg.load(), reference)  # what the new site is
    new = _tree(reference)
    site(swg.load(extra=[EXAMPLE]), out, meeting=99)  # the earlier site: another meeting
    earlier = _tree(out)
    assert earlier != new
    site(swg.load(extra=[EXAMPLE]), tmp_path / "dry", meeting=99)
    dry = _build_killed_at(tmp_path / "dry", 0)
    assert dry.returncode == 0, dry.stderr
    total, *swaps = map(int, dry.stdout.split())
    (swap,) = swaps  # looking up renameat2, just before the one exchange of the two folders
    # the first steps, evenly spaced points of writing (more in the ci profile), and every step around the swap
    spaced = range(total // (scaled(3) + 1), total, total // (scaled(3) + 1))
    points = sorted({1, 2, *spaced, swap - 1, swap, swap + 1, swap + 2, total})
    for point in points:
        killed = _build_killed_at(out, point)
        assert killed.returncode == -signal.SIGKILL, (point, killed.stderr)
        now = _tree(out)
        assert now in (earlier, new), f"killed at {point} of {total}: neither the earlier site nor the new one"
        site(swg.load(), out)  # the next build: complete, and nothing of the killed one left beside it
        assert _tree(out) == new and sorted(p.name for p in parent.iterdir()) == ["site"], point
        site(swg.load(extra=[EXAMPLE]), out, meeting=99)


def test_stale_folders_of_others_are_left_alone(tmp_path: Path, ds: Dataset) -> None:
    """A folder named like ours but holding what no journal of ours lists is not removed."""
    out = tmp_path / "site"
    other = tmp_path / ".site.new-0123456789ab"
    other.mkdir()
    (other / "mine.txt").write_text("mine", encoding="utf-8")
    site(ds, out)
    assert (other / "mine.txt").read_text(encoding="utf-8") == "mine"


# --- OS errors name the folder -------------------------------------------------------------------------------


def test_a_file_in_the_way_names_it(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x", encoding="utf-8")
    line = _one_line_error(_site_cli("--out", str(blocker / "site")), str(blocker))
    assert "File exists" not in line or str(blocker) in line


def _without_root_privileges() -> None:
    from test_export_safety import _without_root_privileges as drop

    drop()


def test_a_read_only_folder_names_it(tmp_path: Path) -> None:
    parent = tmp_path / "ro"
    parent.mkdir()
    parent.chmod(0o555)
    try:
        line = _one_line_error(_site_cli("--out", str(parent / "site"), preexec_fn=_without_root_privileges))
        assert str(parent) in line and "permission denied" in line
    finally:
        parent.chmod(0o755)
    assert list(parent.iterdir()) == []


def _limit_file_size() -> None:
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    resource.setrlimit(resource.RLIMIT_FSIZE, (20_000, 20_000))


def test_a_file_size_limit_leaves_the_earlier_site(tmp_path: Path, ds: Dataset) -> None:
    out = tmp_path / "site"
    site(ds, out)
    before = _tree(out)
    line = _one_line_error(_site_cli("--out", str(out), preexec_fn=_limit_file_size))
    assert str(out) in line and "no space left" in line
    assert _tree(out) == before and sorted(p.name for p in tmp_path.iterdir()) == ["site"]


def test_a_mount_point_is_refused_by_name(ds: Dataset) -> None:
    mounts = [line.split()[4] for line in Path("/proc/self/mountinfo").read_text().splitlines()]
    point = next(m for m in mounts if m not in ("/",) and Path(m).is_dir() and not Path(m).is_symlink())
    with pytest.raises(swg.ExportError, match=f"{point}: is a mount point"):
        site(ds, point)
