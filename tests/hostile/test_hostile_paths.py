"""No symbolic link is followed at any level of a path the site, an export or ``draft`` writes (issue 24, item 2).

``--out link/site`` (``link -> /elsewhere``) is refused as ``--out link`` is, at any depth,
relative or absolute, by the library and the command line (exit 1, one line naming the
link, what it points to and the real folder to give); the folder behind the link is left
as it was (its entries, their inodes, modes and bytes). A link swapped in for a folder of
the path while the writer works is not followed either: the writer works in the folder it
opened.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import smuggling_wg as swg
from profiles import scaled
from smuggling_wg import _write
from smuggling_wg._draft._output import write as write_draft
from smuggling_wg._site import _place
from smuggling_wg.dataset import Dataset
from smuggling_wg.export import FORMATS, export, site

ROOT = Path(__file__).resolve().parent.parent.parent
REPORT = ROOT / "src" / "smuggling_wg" / "data" / "report-07.ru.txt"
DRAFT = "# smuggling-wg draft\nmeetings: []\n"

#: What each writer writes into a folder: (name written there, write it).
Writer = Callable[[Dataset, str], object]
WRITERS: dict[str, tuple[str, Writer]] = {
    "site": ("site", lambda ds, out: site(ds, out)),
    **{f"export-{fmt}": ("export", lambda ds, out, fmt=fmt: export(ds, fmt, out)) for fmt in FORMATS},  # type: ignore[misc]
    "draft": ("meeting.yaml", lambda ds, out: write_draft(out, DRAFT, force=False)),
}


def _state(root: Path) -> dict[str, tuple[int, int, bytes | str | None]]:
    """Every entry under ``root`` and ``root`` itself, links not followed: inode, mode, and bytes or link target."""
    found: dict[str, tuple[int, int, bytes | str | None]] = {}
    for path in [root, *sorted(root.rglob("*"))]:
        info = path.lstat()
        content: bytes | str | None = None
        if path.is_symlink():
            content = os.readlink(path)
        elif path.is_file():
            content = path.read_bytes()
        found[path.relative_to(root).as_posix()] = (info.st_ino, info.st_mode, content)
    return found


@contextlib.contextmanager
def _inside(folder: Path) -> Iterator[None]:
    """The current folder is ``folder`` for the block (hypothesis runs many examples in one test)."""
    before = os.getcwd()
    os.chdir(folder)
    try:
        yield
    finally:
        os.chdir(before)


def _elsewhere(tmp_path: Path) -> Path:
    """A folder with files and a folder ``inner``, of mode 750: what a link points to."""
    elsewhere = tmp_path / "elsewhere"
    (elsewhere / "inner").mkdir(parents=True)
    (elsewhere / "keep.txt").write_text("precious\n", encoding="utf-8")
    (elsewhere / "inner" / "notes.txt").write_text("mine\n", encoding="utf-8")
    elsewhere.chmod(0o750)
    return elsewhere


@pytest.mark.parametrize("absolute", [False, True], ids=["relative", "absolute"])
@pytest.mark.parametrize("depth", [1, 2])
@pytest.mark.parametrize("writer", list(WRITERS))
def test_a_link_as_a_folder_of_the_path_is_refused_and_what_it_points_to_untouched(
    tmp_path: Path, ds: Dataset, monkeypatch: pytest.MonkeyPatch, writer: str, depth: int, absolute: bool
) -> None:
    elsewhere = _elsewhere(tmp_path)
    work = tmp_path / "work"
    work.mkdir()
    (work / "link").symlink_to(elsewhere, target_is_directory=True)
    monkeypatch.chdir(work)
    name, write = WRITERS[writer]
    rel = "link/" + "inner/" * (depth - 1) + name
    out = str(work / rel) if absolute else rel
    before = _state(elsewhere)
    link = str(work / "link") if absolute or writer == "site" else "link"  # the site names its folder in full
    shown = str(work / rel) if writer == "site" else out
    with pytest.raises(swg.ExportError) as refused:
        write(ds, out)
    assert str(refused.value) == (
        f"cannot write to {shown}: {link} is a symbolic link (to {elsewhere}); "
        f"give the real folder: {elsewhere / rel.removeprefix('link/')}"
    )
    assert _state(elsewhere) == before, "nothing written, made, replaced or widened behind the link"
    assert sorted(p.name for p in work.iterdir()) == ["link"]


def _cli(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k != "SMUGGLING_WG_PATH"}
    return subprocess.run(
        [sys.executable, "-m", "smuggling_wg", *args], capture_output=True, text=True, env=env, cwd=cwd, check=False
    )


@pytest.mark.parametrize(
    ("command", "written", "prefix"),
    [
        (["site", "--out"], "site", "smuggling-wg site: "),
        (["export", "--format", "parquet", "--out"], "export", "smuggling-wg export: error: "),
        (["draft", str(REPORT), "--out"], "meeting.yaml", "smuggling-wg draft: "),
    ],
    ids=["site", "export", "draft"],
)
def test_the_command_line_refuses_in_one_line_with_exit_1(
    tmp_path: Path, command: list[str], written: str, prefix: str
) -> None:
    elsewhere = _elsewhere(tmp_path)
    work = tmp_path / "work"
    work.mkdir()
    (work / "link").symlink_to("../elsewhere", target_is_directory=True)
    before = _state(elsewhere)
    done = _cli(*command, f"link/inner/{written}", cwd=work)
    assert done.returncode == 1, done.stderr
    assert "Traceback" not in done.stderr and done.stdout == ""
    lines = done.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith(prefix), done.stderr
    link = str(work / "link") if written == "site" else "link"
    assert f"{link} is a symbolic link (to ../elsewhere); give the real folder: {elsewhere}/inner/{written}" in lines[0]
    assert _state(elsewhere) == before


def test_the_folder_itself_and_a_link_above_it_read_alike(tmp_path: Path, ds: Dataset) -> None:
    """The link as the folder named and as a folder of its path: one wording, the real folder to give."""
    elsewhere = _elsewhere(tmp_path)
    (tmp_path / "link").symlink_to(elsewhere)
    with pytest.raises(swg.ExportError, match=rf"^{tmp_path}/link: is a symbolic link \(to {elsewhere}\)"):
        export(ds, "csv", tmp_path / "link")
    with pytest.raises(swg.ExportError, match=rf"^{tmp_path}/link: is a symbolic link \(to {elsewhere}\)"):
        site(ds, tmp_path / "link")


def test_a_dot_dot_after_a_link_is_refused_not_read_as_text(tmp_path: Path, ds: Dataset) -> None:
    """``link/../site`` is where the system takes it (beside the folder the link points to): refused, not ./site."""
    elsewhere = _elsewhere(tmp_path)
    work = tmp_path / "work"
    work.mkdir()
    (work / "link").symlink_to(elsewhere / "inner")
    before = _state(elsewhere)
    with pytest.raises(swg.ExportError, match=rf"cannot write to {work}/link/../site: {work}/link is a symbolic link"):
        site(ds, work / "link" / ".." / "site")
    assert sorted(p.name for p in work.iterdir()) == ["link"] and _state(elsewhere) == before
    (work / "real").mkdir()
    site(ds, work / "real" / ".." / "site")
    assert (work / "site" / "index.html").is_file(), "a .. after a real folder is that folder's parent"


# --- random paths ------------------------------------------------------------------------------------------------

_NAMES = st.text(alphabet="abcé -_.", min_size=1, max_size=5).filter(lambda n: n not in (".", ".."))


@settings(max_examples=scaled(40), deadline=None, suppress_health_check=list(HealthCheck))
@given(
    folders=st.lists(_NAMES, min_size=1, max_size=5),
    at=st.integers(min_value=0, max_value=4),
    beyond=st.integers(min_value=0, max_value=4),
    writer=st.sampled_from(["site", "export-csv", "draft"]),
    absolute=st.booleans(),
)
def test_a_link_anywhere_in_a_random_path_is_refused(
    ds: Dataset, folders: list[str], at: int, beyond: int, writer: str, absolute: bool
) -> None:
    """Folders ``folders`` then the name written; the ``at``-th folder is a link; ``beyond`` folders after it exist."""
    at %= len(folders)
    root = Path(tempfile.mkdtemp(prefix="smuggling-wg-paths-"))
    try:
        work, elsewhere = root / "work", root / "elsewhere"
        (work.joinpath(*folders[:at])).mkdir(parents=True)
        elsewhere.joinpath(*folders[at + 1 : at + 1 + beyond]).mkdir(parents=True)
        (elsewhere / "keep.txt").write_text("precious\n", encoding="utf-8")
        work.joinpath(*folders[: at + 1]).symlink_to(elsewhere, target_is_directory=True)
        name, write = WRITERS[writer]
        rel = "/".join([*folders, name])
        before = _state(root)
        with _inside(work), pytest.raises(swg.ExportError) as refused:
            write(ds, str(work / rel) if absolute else rel)
        link = "/".join(folders[: at + 1])
        assert f"{work / link if absolute or writer == 'site' else link} is a symbolic link (to {elsewhere})" in str(
            refused.value
        )
        assert _state(root) == before, "nothing made, written or changed anywhere"
    finally:
        shutil.rmtree(root)


# --- a link swapped in while the writer works --------------------------------------------------------------------


def _swap_for_a_link(folder: Path, elsewhere: Path) -> Path:
    """Move ``folder`` away and put a link to ``elsewhere`` in its place; return where the folder is now."""
    moved = folder.with_name(folder.name + ".moved")
    folder.rename(moved)
    folder.symlink_to(elsewhere, target_is_directory=True)
    return moved


def test_an_export_keeps_writing_in_the_folder_it_opened(tmp_path: Path) -> None:
    """A folder of the path replaced by a link while the export writes: the files go where the export began."""
    elsewhere = _elsewhere(tmp_path)
    before = _state(elsewhere)
    parent = tmp_path / "parent"
    moved: list[Path] = []

    def first(handle: object) -> None:
        moved.append(_swap_for_a_link(parent, elsewhere))  # between opening the folder and writing the files
        _write.bytes_producer(b"one\n")(handle)  # type: ignore[arg-type]

    written = _write.write_files(parent / "out", [("one.txt", first), ("two.txt", _write.bytes_producer(b"two\n"))])
    assert [p.name for p in written] == ["one.txt", "two.txt"]
    (now,) = moved
    assert sorted(p.name for p in (now / "out").iterdir()) == [_write.MANIFEST, "one.txt", "two.txt"]
    assert (now / "out" / "two.txt").read_bytes() == b"two\n"
    assert _state(elsewhere) == before


def test_a_site_keeps_building_in_the_folder_it_opened(tmp_path: Path) -> None:
    """The site's folder's parent replaced by a link mid-build: staging, exchange and manifest stay in the real one."""
    elsewhere = _elsewhere(tmp_path)
    before = _state(elsewhere)
    parent = tmp_path / "www"
    target = _place.target_of(parent / "site")
    moved: list[Path] = []

    def build(put: _place.Writer) -> dict[str, str]:
        put("index.html", "<p>one</p>\n")
        moved.append(_swap_for_a_link(parent, elsewhere))
        put("ru/index.html", "<p>два</p>\n")
        return {"generator": "test"}

    files = _place.publish(target, build)
    assert files == ["index.html", "ru/index.html", _place.MANIFEST]
    (now,) = moved
    assert sorted(p.name for p in now.iterdir()) == ["site"], "the staging folder renamed into place there"
    assert (now / "site" / "ru" / "index.html").read_text(encoding="utf-8") == "<p>два</p>\n"
    assert _state(elsewhere) == before
