"""Writing an export's files safely: atomically, never through a symbolic link, never over files not ours.

Every export writes through :func:`write_files`. The output folder is opened one folder of
its path at a time, never through a symbolic link (:func:`smuggling_wg._folders.open_folder`:
``--out link/export`` is refused as ``--out link`` is), and everything after is done
relative to that open folder. Each file is first written in full to a new hidden temporary
file in the output folder (created with ``O_EXCL | O_NOFOLLOW``) and fsync'd; only when
every file of the export is written are they renamed into place (``renameat``, atomic on
POSIX), the folder is fsync'd and the manifest (:data:`MANIFEST`) is written last. So a
full disk, a missing permission or ``kill -9`` while writing leaves the files of an earlier
export as they were; at worst, a ``kill -9`` between two renames leaves some files of the
new export beside the rest of the old one, each file whole. Temporary files an interrupted
export left (``.smuggling-wg-tmp-*``) are removed by the next export into the folder.

The manifest lists the files exports of ours wrote into the folder. An export may replace
those; a file of that name we did not write (no manifest lists it) is refused unless
``force``. A target that is a symbolic link, or a symbolic link as the output folder or any
folder of its path, is refused always. One export at a time writes into a folder (a lock on
the folder); another is refused.
"""

from __future__ import annotations

import contextlib
import json
import os
import secrets
import stat
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import BinaryIO

from ._folders import open_folder
from ._folders import reason as _reason
from .errors import ExportError

__all__ = ["MANIFEST", "Producer", "bytes_producer", "write_files"]

#: The file in an output folder that lists the files exports of ours wrote there.
MANIFEST = ".smuggling-wg-export.json"
_TEMP_PREFIX = ".smuggling-wg-tmp-"

#: Writes one file's content into the handle it is given (a new, empty file of ours, open for writing).
Producer = Callable[[BinaryIO], None]


def bytes_producer(content: bytes) -> Producer:
    """A producer that writes ``content``."""

    def produce(handle: BinaryIO) -> None:
        handle.write(content)

    return produce


def _checked(out: Path | str) -> Path:
    """``out`` as a folder's name; refused if empty or holding a NUL."""
    if not str(out).strip():
        raise ExportError("no output folder given (--out is empty)")
    if "\0" in str(out):
        raise ExportError(f"{str(out)!r}: a folder name cannot hold a NUL character")
    return Path(out)


def _manifest(folder: Path, dir_fd: int, force: bool) -> set[str]:
    """The files an earlier export of ours wrote into ``folder`` (none if there is no manifest)."""
    try:
        info = os.stat(MANIFEST, dir_fd=dir_fd, follow_symlinks=False)
    except FileNotFoundError:
        return set()
    if not stat.S_ISREG(info.st_mode):
        raise ExportError(f"{folder / MANIFEST}: is not a regular file; remove it")
    try:
        fd = os.open(MANIFEST, os.O_RDONLY | os.O_NOFOLLOW, dir_fd=dir_fd)
        with os.fdopen(fd, "rb") as handle:
            content = json.loads(handle.read(1_000_001))
        files = content["files"]
        if content.get("written_by") != "smuggling-wg" or not all(isinstance(f, str) for f in files):
            raise ValueError
    except (OSError, ValueError, KeyError, TypeError):
        if force:
            return set()
        raise ExportError(
            f"{folder / MANIFEST}: not a manifest written by smuggling-wg; use --force to overwrite"
        ) from None
    return set(files)


def _check_targets(folder: Path, dir_fd: int, names: Sequence[str], ours: set[str], force: bool) -> None:
    foreign = []
    for name in names:
        try:
            info = os.stat(name, dir_fd=dir_fd, follow_symlinks=False)
        except FileNotFoundError:
            continue
        if stat.S_ISLNK(info.st_mode):
            raise ExportError(f"{folder / name}: is a symbolic link; refusing to write through it")
        if not stat.S_ISREG(info.st_mode):
            raise ExportError(f"{folder / name}: exists and is not a regular file")
        if name not in ours:
            foreign.append(name)
    if foreign and not force:
        shown = ", ".join(foreign[:5]) + (f" and {len(foreign) - 5} more" if len(foreign) > 5 else "")
        raise ExportError(
            f"{folder}: would overwrite files no earlier export of smuggling-wg wrote ({shown}); "
            "use --force to overwrite them, or another folder"
        )


@contextlib.contextmanager
def _directory(folder: Path) -> Iterator[int]:
    """The output folder, created if needed, opened without following a link and locked: one export at a time."""
    import fcntl

    fd = open_folder(folder, create=True)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            raise ExportError(f"{folder}: another export is writing into this folder; try again") from None
        yield fd
    finally:
        os.close(fd)


def _remove_stale(dir_fd: int) -> None:
    """Remove temporary files an interrupted export of ours left behind (``kill -9``, power loss)."""
    for entry in os.scandir(dir_fd):
        if entry.name.startswith(_TEMP_PREFIX) and entry.is_file(follow_symlinks=False):
            with contextlib.suppress(OSError):
                os.unlink(entry.name, dir_fd=dir_fd)


def _written(dir_fd: int, name: str, produce: Producer, temporaries: list[tuple[str, str]]) -> None:
    """Write a new hidden file of ours for ``name`` in the folder, in full, fsync'd; listed in ``temporaries`` first.

    Created as any file the user writes (0666 less the umask).
    """
    temp = f"{_TEMP_PREFIX}{secrets.token_hex(6)}-{name}"
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW | getattr(os, "O_CLOEXEC", 0)
    fd = os.open(temp, flags, 0o666, dir_fd=dir_fd)
    temporaries.append((temp, name))
    with os.fdopen(fd, "wb") as handle:
        produce(handle)
        handle.flush()
        _fsync(handle.fileno())


def _fsync(fd: int) -> None:
    os.fsync(fd)


def _exists(name: str, dir_fd: int) -> bool:
    try:
        os.stat(name, dir_fd=dir_fd, follow_symlinks=False)
    except FileNotFoundError:
        return False
    return True


def write_files(out: Path | str, files: Sequence[tuple[str, Producer]], force: bool = False) -> list[Path]:
    """Write ``files`` (name, producer) into folder ``out`` atomically; return their paths.

    Raises :class:`~smuggling_wg.errors.ExportError` (one line) for an empty ``out``, a file
    or a symbolic link given as the folder or as any folder of its path, a symbolic link as
    a target, a file of that name no export of ours wrote (unless ``force``), and any OS
    error; files of an earlier export are then left as they were.
    """
    folder = _checked(out)
    names = [name for name, _ in files]
    with _directory(folder) as dir_fd:
        ours = _manifest(folder, dir_fd, force)
        _check_targets(folder, dir_fd, [*names, MANIFEST], ours | {MANIFEST}, force)
        temporaries: list[tuple[str, str]] = []
        try:
            _remove_stale(dir_fd)
            for name, produce in files:
                _written(dir_fd, name, produce, temporaries)
            for temp, name in temporaries:
                os.replace(temp, name, src_dir_fd=dir_fd, dst_dir_fd=dir_fd)
            os.fsync(dir_fd)
            kept = sorted(n for n in ours if n != MANIFEST and _exists(n, dir_fd))
            manifest = {"written_by": "smuggling-wg", "files": sorted({*kept, *names})}
            _written(dir_fd, MANIFEST, bytes_producer((json.dumps(manifest, indent=1) + "\n").encode()), temporaries)
            os.replace(temporaries[-1][0], MANIFEST, src_dir_fd=dir_fd, dst_dir_fd=dir_fd)
            os.fsync(dir_fd)
        except OSError as exc:
            raise ExportError(f"{folder}: cannot write the export: {_reason(exc)}") from None
        except OverflowError:
            raise ExportError(f"{folder}: a number in the data is too large for this format") from None
        finally:
            for temp, _ in temporaries:
                with contextlib.suppress(OSError):
                    os.unlink(temp, dir_fd=dir_fd)
    return [folder / name for name in names]
