"""Writing an export's files safely: atomically, never through a symbolic link, never over files not ours.

Every export writes through :func:`write_files`. Each file is first written in full to a new
hidden temporary file in the output folder (created with ``O_EXCL | O_NOFOLLOW``) and
fsync'd; only when every file of the export is written are they renamed into place
(``os.replace``, atomic on POSIX), the folder is fsync'd and the manifest
(:data:`MANIFEST`) is written last. So a full disk, a missing permission or ``kill -9``
while writing leaves the files of an earlier export as they were; at worst, a ``kill -9``
between two renames leaves some files of the new export beside the rest of the old one,
each file whole. Temporary files an interrupted export left (``.smuggling-wg-tmp-*``) are
removed by the next export into the folder.

The manifest lists the files exports of ours wrote into the folder. An export may replace
those; a file of that name we did not write (no manifest lists it) is refused unless
``force``. A target that is a symbolic link, or an output folder that is one, is refused
always. One export at a time writes into a folder (a lock on the folder); another is refused.
"""

from __future__ import annotations

import contextlib
import json
import os
import secrets
import stat
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path

from .errors import ExportError

__all__ = ["MANIFEST", "Producer", "bytes_producer", "write_files"]

#: The file in an output folder that lists the files exports of ours wrote there.
MANIFEST = ".smuggling-wg-export.json"
_TEMP_PREFIX = ".smuggling-wg-tmp-"

#: Writes one file's content to the path it is given (a new, empty file of ours).
Producer = Callable[[Path], None]


def bytes_producer(content: bytes) -> Producer:
    """A producer that writes ``content``."""

    def produce(path: Path) -> None:
        fd = os.open(path, os.O_WRONLY | os.O_NOFOLLOW)
        with os.fdopen(fd, "wb") as handle:
            handle.write(content)

    return produce


def _reason(exc: OSError) -> str:
    import errno

    if exc.errno in (errno.ENOSPC, errno.EFBIG, errno.EDQUOT):
        return "no space left (the disk or a file size limit is full)"
    if exc.errno in (errno.EACCES, errno.EPERM):
        return "permission denied"
    if exc.errno == errno.EROFS:
        return "read-only file system"
    return exc.strerror or str(exc)


def _folder(out: Path | str) -> Path:
    """The output folder, created if needed; refused if empty, a symbolic link or not a folder."""
    if not str(out).strip():
        raise ExportError("no output folder given (--out is empty)")
    if "\0" in str(out):
        raise ExportError(f"{str(out)!r}: a folder name cannot hold a NUL character")
    folder = Path(out)
    try:
        if folder.is_symlink():
            raise ExportError(f"{folder}: is a symbolic link; give the real folder")
        if folder.exists() and not folder.is_dir():
            raise ExportError(f"{folder}: is a file, not a folder")
        folder.mkdir(parents=True, exist_ok=True)
    except ExportError:
        raise
    except OSError as exc:
        raise ExportError(f"{folder}: cannot create the folder: {_reason(exc)}") from None
    return folder


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
    """The open folder, locked: one export at a time writes into it."""
    import fcntl

    try:
        fd = os.open(folder, os.O_RDONLY | os.O_DIRECTORY | os.O_NOFOLLOW)
    except OSError as exc:
        raise ExportError(f"{folder}: cannot open the folder: {_reason(exc)}") from None
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


def _temporary(folder: Path, dir_fd: int, name: str) -> Path:
    temp = f"{_TEMP_PREFIX}{secrets.token_hex(6)}-{name}"
    os.close(os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW, 0o666, dir_fd=dir_fd))
    return folder / temp


def _fsync(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY | os.O_NOFOLLOW)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def write_files(out: Path | str, files: Sequence[tuple[str, Producer]], force: bool = False) -> list[Path]:
    """Write ``files`` (name, producer) into folder ``out`` atomically; return their paths.

    Raises :class:`~smuggling_wg.errors.ExportError` (one line) for an empty ``out``, a file
    or a symbolic link given as the folder, a symbolic link as a target, a file of that name
    no export of ours wrote (unless ``force``), and any OS error; files of an earlier
    export are then left as they were.
    """
    folder = _folder(out)
    names = [name for name, _ in files]
    with _directory(folder) as dir_fd:
        ours = _manifest(folder, dir_fd, force)
        _check_targets(folder, dir_fd, [*names, MANIFEST], ours | {MANIFEST}, force)
        temporaries: list[tuple[Path, str]] = []
        try:
            _remove_stale(dir_fd)
            for name, produce in files:
                temp = _temporary(folder, dir_fd, name)
                temporaries.append((temp, name))
                produce(temp)
                _fsync(temp)
            for temp, name in temporaries:
                os.replace(temp.name, name, src_dir_fd=dir_fd, dst_dir_fd=dir_fd)
            os.fsync(dir_fd)
            kept = sorted(n for n in ours if n != MANIFEST and os.path.lexists(folder / n))
            manifest = {"written_by": "smuggling-wg", "files": sorted({*kept, *names})}
            temp = _temporary(folder, dir_fd, MANIFEST)
            temporaries.append((temp, MANIFEST))
            bytes_producer((json.dumps(manifest, indent=1) + "\n").encode())(temp)
            _fsync(temp)
            os.replace(temp.name, MANIFEST, src_dir_fd=dir_fd, dst_dir_fd=dir_fd)
            os.fsync(dir_fd)
        except OSError as exc:
            raise ExportError(f"{folder}: cannot write the export: {_reason(exc)}") from None
        except OverflowError:
            raise ExportError(f"{folder}: a number in the data is too large for this format") from None
        finally:
            for temp, _ in temporaries:
                with contextlib.suppress(OSError):
                    os.unlink(temp.name, dir_fd=dir_fd)
    return [folder / name for name in names]
