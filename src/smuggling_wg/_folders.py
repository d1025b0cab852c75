"""Opening the folder a write goes into, one folder at a time, never through a symbolic link.

:func:`open_folder` opens each folder of a path in turn, from ``/`` for an absolute path and
from the current folder for a relative one, each relative to the one before it (``openat``
with ``O_NOFOLLOW | O_DIRECTORY``). A symbolic link anywhere in the path (``--out link/site``
where ``link -> /elsewhere``, not only ``--out link``) is refused, naming the link, what it
points to and the real folder to give instead. The writers (exports, the site, ``draft``)
then work relative to the open folder (``dir_fd``), never by its path again: a link swapped
in for a folder of the path after it was opened is not followed either.

Links among system folders count as any other (on macOS ``/tmp -> private/tmp`` and
``/var -> private/var``): the error then names the real folder to give
(``/private/tmp/site``). The path is never resolved to write; only the error message says
where the link leads.
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
from collections.abc import Iterator

from .errors import ExportError, file_shown

__all__ = ["FOLDER", "folder_fd", "open_folder", "open_in", "reason"]

#: How a folder is opened: never through a symbolic link.
FOLDER = os.O_RDONLY | getattr(os, "O_DIRECTORY", 0) | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0)


def reason(exc: OSError) -> str:
    """Why an OS call failed, in words (a full disk and a file size limit read the same)."""
    if exc.errno in (errno.ENOSPC, errno.EFBIG, errno.EDQUOT):
        return "no space left (the disk or a file size limit is full)"
    if exc.errno in (errno.EACCES, errno.EPERM):
        return "permission denied"
    if exc.errno == errno.EROFS:
        return "read-only file system"
    return exc.strerror or str(exc)


def open_folder(path: str | os.PathLike[str], *, create: bool, writing: str | os.PathLike[str] | None = None) -> int:
    """The folder ``path``, open (a new descriptor), each of its folders opened without following a link.

    ``create``: make the folders that do not exist (as ``mkdir -p``). ``writing``: what is
    written there, for the error message (default: ``path``). Raises
    :class:`~smuggling_wg.errors.ExportError` (one line, naming the folder) for a symbolic
    link, a file in place of a folder, a missing folder (without ``create``) and any OS error.
    """
    text = os.fspath(path)
    if not text:
        text = "."
    target = text if writing is None else os.fspath(writing)
    fd = os.open("/" if text.startswith("/") else ".", FOLDER & ~getattr(os, "O_NOFOLLOW", 0))
    done = "/" if text.startswith("/") else ""
    try:
        for name in (part for part in text.split("/") if part):
            here = done + name if done in ("", "/") else f"{done}/{name}"
            following = _step(fd, name, create, here, target)
            os.close(fd)
            fd, done = following, here
    except BaseException:
        os.close(fd)
        raise
    return fd


@contextlib.contextmanager
def folder_fd(
    path: str | os.PathLike[str], *, create: bool, writing: str | os.PathLike[str] | None = None
) -> Iterator[int]:
    """:func:`open_folder` as a context: the descriptor is closed after."""
    fd = open_folder(path, create=create, writing=writing)
    try:
        yield fd
    finally:
        os.close(fd)


def open_in(at: int, name: str, *, here: str, writing: str) -> int | None:
    """The folder ``name`` of the open folder ``at``, open without following a link; None when there is none.

    ``here``: the folder's path and ``writing``: what is written there, for the error message.
    """
    try:
        return os.open(name, FOLDER, dir_fd=at)
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise _refused(at, name, here, writing, exc) from None


def _step(at: int, name: str, create: bool, here: str, target: str) -> int:
    """The folder ``name`` in the open folder ``at`` (made first if missing and ``create``), open."""
    opened = open_in(at, name, here=here, writing=target)
    if opened is not None:
        return opened
    if not create:
        raise ExportError(f"cannot write to {file_shown(target)}: there is no folder {file_shown(here)}")
    try:
        os.mkdir(name, 0o777, dir_fd=at)
    except FileExistsError:
        pass  # made meanwhile, by another writer: opened as any folder (a link put there is refused)
    except OSError as exc:
        raise ExportError(f"{file_shown(here)}: cannot create the folder: {reason(exc)}") from None
    opened = open_in(at, name, here=here, writing=target)
    if opened is None:
        raise ExportError(f"{file_shown(here)}: cannot create the folder: it was removed meanwhile")
    return opened


def _where(here: str, target: str) -> str:
    """The start of a message: the folder, or what is written and the folder of its path at fault."""
    return f"{file_shown(here)}: " if here == target else f"cannot write to {file_shown(target)}: {file_shown(here)} "


def _refused(at: int, name: str, here: str, target: str, exc: OSError) -> ExportError:
    """Why the folder ``name`` of the open folder ``at`` could not be opened: a link, a file, or the OS error."""
    try:
        info = os.stat(name, dir_fd=at, follow_symlinks=False)
    except OSError:
        return ExportError(f"{file_shown(here)}: cannot open the folder: {reason(exc)}")
    if stat.S_ISLNK(info.st_mode):
        try:
            to = f" (to {file_shown(os.readlink(name, dir_fd=at))})"
        except OSError:
            to = ""
        real = os.path.realpath(target)  # only to say where the link leads; never written to by this path
        return ExportError(f"{_where(here, target)}is a symbolic link{to}; give the real folder: {file_shown(real)}")
    if not stat.S_ISDIR(info.st_mode):
        return ExportError(f"{_where(here, target)}is a file, not a folder")
    return ExportError(f"{file_shown(here)}: cannot open the folder: {reason(exc)}")
