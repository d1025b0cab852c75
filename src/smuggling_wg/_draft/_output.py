"""Write a draft atomically, never over a file that ``draft`` did not write (unless told to), never through a link.

The folder of ``--out`` is opened one folder of its path at a time without following a
symbolic link (:func:`smuggling_wg._folders.open_folder`); the draft is then written to a
new temporary file in that open folder and renamed over ``--out`` there, so a link in the
path (``--out link/meeting.yaml``), or put there meanwhile, is never written through.
"""

from __future__ import annotations

import contextlib
import os
import secrets
import stat

from .._folders import folder_fd
from ..errors import ExportError
from ._writer import HEADER

__all__ = ["write"]


def write(path: str, text: str, force: bool) -> None:
    """Write ``text`` to ``path`` through a temporary file and a rename (see the module docstring)."""
    folder, name = os.path.split(path)
    if name in ("", ".", ".."):
        raise ExportError(f"cannot write {path}: it is not a regular file (a symbolic link, folder or device)")
    with folder_fd(folder or ".", create=False, writing=path) as dir_fd:
        _check(dir_fd, path, name, force)
        try:
            # created as any file the user writes (0666 less the umask), not mkstemp's 0600
            temporary = f".smuggling-wg-draft-{secrets.token_hex(6)}.yaml"
            flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW | getattr(os, "O_CLOEXEC", 0)
            fd = os.open(temporary, flags, 0o666, dir_fd=dir_fd)
        except OSError as exc:
            raise ExportError(f"cannot write {path}: {exc.strerror}") from None
        try:
            with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
                handle.write(text)
                handle.flush()
                os.fsync(handle.fileno())
            os.replace(temporary, name, src_dir_fd=dir_fd, dst_dir_fd=dir_fd)
        except OSError as exc:
            with contextlib.suppress(OSError):
                os.unlink(temporary, dir_fd=dir_fd)
            raise ExportError(f"cannot write {path}: {exc.strerror}") from None


def _check(dir_fd: int, path: str, name: str, force: bool) -> None:
    """Refuse ``name`` in the open folder when it is not a regular file, or not a draft (unless ``force``)."""
    try:
        st = os.stat(name, dir_fd=dir_fd, follow_symlinks=False)
    except FileNotFoundError:
        return
    except OSError as exc:
        raise ExportError(f"cannot write {path}: {exc.strerror}") from None
    if not stat.S_ISREG(st.st_mode):
        raise ExportError(f"cannot write {path}: it is not a regular file (a symbolic link, folder or device)")
    if force:
        return
    try:
        fd = os.open(name, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0), dir_fd=dir_fd)
        with os.fdopen(fd, encoding="utf-8", errors="replace") as existing:
            first = existing.read(len(HEADER))
    except OSError as exc:
        raise ExportError(f"cannot write {path}: {exc.strerror}") from None
    if first != HEADER:
        raise ExportError(f"{path} exists and is not a draft: not overwritten (--force to replace it)")
