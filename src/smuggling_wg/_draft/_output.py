"""Write a draft atomically, never over a file that ``draft`` did not write (unless told to)."""

from __future__ import annotations

import contextlib
import os
import secrets
import stat

from ..errors import ExportError
from ._writer import HEADER

__all__ = ["write"]


def write(path: str, text: str, force: bool) -> None:
    """Write ``text`` to ``path`` through a temporary file and a rename (see the module docstring)."""
    try:
        st = os.lstat(path)
    except FileNotFoundError:
        st = None
    except OSError as exc:
        raise ExportError(f"cannot write {path}: {exc.strerror}") from None
    if st is not None:
        if not stat.S_ISREG(st.st_mode):
            raise ExportError(f"cannot write {path}: it is not a regular file (a symbolic link, folder or device)")
        if not force:
            try:
                with open(path, encoding="utf-8", errors="replace") as existing:
                    first = existing.read(len(HEADER))
            except OSError as exc:
                raise ExportError(f"cannot write {path}: {exc.strerror}") from None
            if first != HEADER:
                raise ExportError(f"{path} exists and is not a draft: not overwritten (--force to replace it)")
    folder = os.path.dirname(os.path.abspath(path))
    try:
        # created as any file the user writes (0666 less the umask), not mkstemp's 0600
        temporary = os.path.join(folder, f".smuggling-wg-draft-{secrets.token_hex(6)}.yaml")
        fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW, 0o666)
    except OSError as exc:
        raise ExportError(f"cannot write {path}: {exc.strerror}") from None
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temporary, path)
    except OSError as exc:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise ExportError(f"cannot write {path}: {exc.strerror}") from None
