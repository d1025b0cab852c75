"""Putting a site in place: built beside the target, swapped in at once, nothing deleted that is not ours.

* **No link followed.** The target is taken as given (never resolved): its folder is opened
  one folder of its path at a time without following a link (:func:`smuggling_wg._folders.open_folder`),
  and everything after (the staging folder, its journal and manifest, the exchange, the
  clean-up) is done relative to that open folder. A symbolic link as the target, as any
  folder of its path (``--out link/site``), or anywhere inside an earlier site is refused.
* **Only our files deleted.** The manifest (:data:`MANIFEST`) lists the SHA-256 of every file
  the site wrote. A file can be replaced or deleted only when the manifest lists it, its
  path is one a site writes (``index.html``, ``ru/…html``, ``en/…html``, ``assets/…``) and
  its content still has that hash; anything else in the folder (a file not listed, a page
  edited since, a link, a folder no listed file is in, even an empty one) makes the build
  refuse before it writes anything. The manifest cannot be signed (a secret would have to
  be kept somewhere): a hand-made one can make us delete only a file with a site's name
  whose exact content it states, never a file changed since it was listed.
* **Atomic.** The new site is written in full in ``.NAME.new-<random>`` beside the target,
  each file recorded (hash and size) in its journal before it is written, then exchanged
  with the earlier site in one step (``renameat2(RENAME_EXCHANGE)`` on Linux), so a kill at
  any point leaves the earlier site or the new one, complete. Where the exchange is not
  available, two renames are used and a site left aside by a kill between them is put back
  by the next build. Folders of ours that a kill left behind are removed by the next build
  (only what their journal or manifest lists, with its hash, or an empty file it lists).
* **One build at a time** beside a folder (a lock on the parent folder).
"""

from __future__ import annotations

import contextlib
import errno
import hashlib
import json
import os
import re
import secrets
import stat
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path
from typing import Any

from .._folders import FOLDER, folder_fd, open_folder, open_in, reason
from ..errors import ExportError, file_shown

__all__ = ["MANIFEST", "Writer", "publish", "target_of"]

#: The file that marks a folder as a site written here: what it wrote, with each file's SHA-256.
MANIFEST = "smuggling-wg-site.json"
_JOURNAL = ".smuggling-wg-journal"
_OURS = re.compile(r"\.(?P<name>.+)\.(?:new|old)-[0-9a-f]{12}")
_NEW_FILE = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0)

#: Writes one file of the site: its path inside the site (``a/b.html``) and its text.
Writer = Callable[[str, str], None]


def target_of(out: Path | str) -> Path:
    """The folder ``out`` as an absolute path, links not resolved; refused if it cannot hold a site.

    A ``..`` in ``out`` is taken as the system takes it: the folders up to the last one are
    opened (no link followed, so none is before a ``..``), then the path is written without them.
    """
    if not str(out).strip():
        raise ExportError("no folder given for the site (--out is empty)")
    if "\0" in str(out):
        raise ExportError(f"{str(out)!r}: a folder name cannot hold a NUL character")
    parts = os.fspath(out).split("/")
    if ".." in parts:
        through = len(parts) - parts[::-1].index("..")
        os.close(open_folder("/".join(parts[:through]) or "/", create=False, writing=os.fspath(out)))
    target = Path(os.path.abspath(out))  # exact now: no link is before a ``..``
    if target.parent == target:
        raise ExportError(f"{target}: give a folder of its own for the site, not the root")
    here = Path(os.getcwd())  # the real path, as the folders of a target without a link are
    if target == here or target in here.parents:
        raise ExportError(f"{target} is the current folder or holds it; give a folder of its own for the site")
    return target


def publish(target: Path, write: Callable[[Writer], dict[str, Any]]) -> list[str]:
    """Build a site with ``write`` (which returns the manifest's header) and put it at ``target``."""
    name = target.name
    with folder_fd(target.parent, create=True, writing=target) as parent, _locked(parent, target.parent):
        try:
            earlier = _earlier(parent, name, target)
            _clean_stale(parent, name)
            staging = _new_folder(parent, name)
        except ExportError:
            raise
        except OSError as exc:
            raise _located(exc, target, "cannot prepare the site") from None
        try:
            files = _build(parent, staging, write)
            _swap(parent, staging, name, earlier)
        except ExportError:
            _remove_ours(parent, staging)
            raise
        except OSError as exc:
            _remove_ours(parent, staging)
            raise _located(exc, target, "cannot write the site", staging) from None
        except BaseException:
            _remove_ours(parent, staging)
            raise
    return files


# --- what is there already ---------------------------------------------------------------------------


def _earlier(parent: int, name: str, target: Path) -> dict[str, str] | None:
    """The earlier site's files and hashes, every one verified; None for no folder or an empty one.

    An earlier site a kill left aside is put back first; a link, a file, a mount point are refused.
    """
    _put_back(parent, name)
    fd = open_in(parent, name, here=str(target), writing=str(target))
    if fd is None:
        return None
    try:
        if os.fstat(fd).st_dev != os.fstat(parent).st_dev:
            raise ExportError(
                f"{file_shown(target)}: is a mount point; the site is built beside its folder and renamed into place, "
                "so give a folder inside it"
            )
        with os.scandir(fd) as entries:
            if next(entries, None) is None:
                return None
        listed = _manifest(fd)
        if listed is None:
            raise ExportError(
                f"{file_shown(target)} is not empty and holds no earlier site (no {MANIFEST} listing its files with "
                "their SHA-256); choose an empty or new folder (a site replaces only an earlier site)"
            )
        foreign = _not_ours(fd, target, listed)
    finally:
        os.close(fd)
    if foreign:
        shown_ = ", ".join(foreign[:3]) + (f" and {len(foreign) - 3} more" if len(foreign) > 3 else "")
        raise ExportError(
            f"{file_shown(target)} holds files an earlier site did not write ({shown_}): not in its manifest with that "
            "content, a link or another folder; move them away, or choose another folder"
        )
    return listed


def _manifest(folder: int) -> dict[str, str] | None:
    """The files and SHA-256 the manifest in the open ``folder`` lists; None if it is not a manifest of ours."""
    try:
        fd = os.open(MANIFEST, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK, dir_fd=folder)
        with os.fdopen(fd, "rb") as handle:
            if not stat.S_ISREG(os.fstat(handle.fileno()).st_mode):
                return None
            content = json.loads(handle.read(10_000_001))
        hashes = content["sha256"]
        if not isinstance(hashes, dict) or not all(
            isinstance(k, str) and isinstance(v, str) and _safe_rel(k) for k, v in hashes.items()
        ):
            return None
    except (OSError, ValueError, KeyError, TypeError):
        return None
    return dict(hashes)


#: The only paths a site writes (so the only ones a manifest can make us delete): pages and assets, of one
#: meeting's site or, in a series, of each meeting's site under ``meetings/N/``.
_SITE_PATH = re.compile(
    r"(?:meetings/[0-9]{1,9}/)?(?:index\.html|(?:ru|en)/(?:[a-z]+/)?[A-Za-z0-9_]+\.html|assets/[a-z-]+\.(?:css|js|svg))"
)


def _safe_rel(rel: str) -> bool:
    return bool(_SITE_PATH.fullmatch(rel))


def _walk(folder: int, where: Path) -> Iterator[tuple[str, os.DirEntry[str], int]]:
    """Every entry under the open ``folder`` (relative path, entry, the open folder holding it), children first.

    Links are not followed. ``where``: the folder's path, to name a folder that cannot be opened.
    """
    with os.scandir(folder) as found:
        entries = sorted(found, key=lambda e: e.name)
    for entry in entries:
        rel = entry.name
        if entry.is_dir(follow_symlinks=False):
            try:
                inner = os.open(entry.name, FOLDER, dir_fd=folder)
            except OSError as exc:
                raise OSError(exc.errno, exc.strerror, str(where / rel)) from None
            try:
                for sub, item, at in _walk(inner, where / rel):
                    yield f"{rel}/{sub}", item, at
            finally:
                os.close(inner)
        yield rel, entry, folder


def _folders_of(listed: Mapping[str, object]) -> set[str]:
    return {"/".join(rel.split("/")[:i]) for rel in listed for i in range(1, rel.count("/") + 1)}


def _not_ours(folder: int, where: Path, listed: Mapping[str, str]) -> list[str]:
    """What under the open ``folder`` the manifest does not vouch for: unlisted, changed, links, other folders."""
    folders = _folders_of(listed)
    foreign = []
    for rel, entry, at in _walk(folder, where):
        if rel == MANIFEST and entry.is_file(follow_symlinks=False):
            continue
        if entry.is_dir(follow_symlinks=False):
            ok = rel in folders
        else:
            ok = entry.is_file(follow_symlinks=False) and listed.get(rel) == _sha256(at, entry.name)
        if not ok:
            foreign.append(rel + ("/" if entry.is_dir(follow_symlinks=False) else ""))
    return foreign


def _sha256(folder: int, name: str) -> str | None:
    try:
        fd = os.open(name, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK, dir_fd=folder)
    except OSError:
        return None
    digest = hashlib.sha256()
    with os.fdopen(fd, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


# --- folders of ours beside the target ------------------------------------------------------------------


def _new_folder(parent: int, name: str) -> str:
    folder = f".{name}.new-{secrets.token_hex(6)}"
    os.mkdir(folder, 0o777, dir_fd=parent)
    return folder


def _journal(folder: int) -> dict[str, tuple[str, int]]:
    """What a build recorded before writing each file: path -> (SHA-256, size)."""
    try:
        fd = os.open(_JOURNAL, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK, dir_fd=folder)
        with os.fdopen(fd, "r", encoding="utf-8") as handle:
            lines = handle.read(10_000_001).splitlines()
    except (OSError, UnicodeDecodeError):
        return {}
    found = {}
    for line in lines:
        digest, size, rel = (line.split(" ", 2) + ["", ""])[:3]
        if re.fullmatch(r"[0-9a-f]{64}", digest) and size.isdigit() and _safe_rel(rel):
            found[rel] = (digest, int(size))
    return found


def _remove_ours(parent: int, name: str) -> bool:
    """Remove from folder ``name`` what its journal or manifest lists with that content; True when it is gone.

    A file the journal lists may also be empty (a kill before its one write); the folders of
    listed files go when empty, then the journal, the manifest and the folder when nothing else is left.
    """
    try:
        folder = os.open(name, FOLDER, dir_fd=parent)
    except OSError:
        return False
    try:
        journal = _journal(folder)
        listed = {rel: digest for rel, (digest, _) in journal.items()} | (_manifest(folder) or {})
        folders = _folders_of(listed)
        with contextlib.suppress(OSError):
            for rel, entry, at in _walk(folder, Path(name)):
                with contextlib.suppress(OSError):
                    if entry.is_dir(follow_symlinks=False):
                        if rel in folders:
                            os.rmdir(entry.name, dir_fd=at)
                    elif entry.is_file(follow_symlinks=False) and rel in listed:
                        size = os.stat(entry.name, dir_fd=at, follow_symlinks=False).st_size
                        if (rel in journal and size == 0) or _sha256(at, entry.name) == listed[rel]:
                            os.unlink(entry.name, dir_fd=at)
        rest = None
        with contextlib.suppress(OSError), os.scandir(folder) as entries:
            rest = {e.name for e in entries}
        if rest is not None and rest <= {MANIFEST, _JOURNAL}:
            with contextlib.suppress(OSError):
                for left in rest:
                    os.unlink(left, dir_fd=folder)
                os.rmdir(name, dir_fd=parent)
                return True
    finally:
        os.close(folder)
    return False


def _clean_stale(parent: int, name: str) -> None:
    """Remove what earlier builds into ``name`` left beside it when they were killed (only what is ours)."""
    with os.scandir(parent) as entries:
        stale = [e.name for e in entries if _is_ours(e, name) and e.is_dir(follow_symlinks=False)]
    for folder in stale:
        _remove_ours(parent, folder)


def _is_ours(entry: os.DirEntry[str], name: str, kind: str = "") -> bool:
    found = _OURS.fullmatch(entry.name)
    return found is not None and found["name"] == name and entry.name.startswith(f".{name}.{kind}")


def _put_back(parent: int, name: str) -> None:
    """An earlier site a kill left aside (between two renames, where they cannot be one step) goes back."""
    try:
        os.stat(name, dir_fd=parent, follow_symlinks=False)
        return
    except FileNotFoundError:
        pass
    with os.scandir(parent) as entries:
        aside = [e.name for e in entries if _is_ours(e, name, "old-") and e.is_dir(follow_symlinks=False)]
    for folder in aside:
        try:
            fd = os.open(folder, FOLDER, dir_fd=parent)
        except OSError:
            continue
        try:
            kept = _manifest(fd) is not None
        finally:
            os.close(fd)
        if kept:
            os.rename(folder, name, src_dir_fd=parent, dst_dir_fd=parent)
            return


# --- writing and swapping ----------------------------------------------------------------------------------


def _build(parent: int, staging: str, write: Callable[[Writer], dict[str, Any]]) -> list[str]:
    """Write every file into folder ``staging``, each recorded in the journal first; the manifest last."""
    hashes: dict[str, str] = {}
    folders = {"": os.open(staging, FOLDER, dir_fd=parent)}

    def opened(folder: str) -> int:
        """The open folder ``folder`` of the site (``ru/states``), made if needed."""
        if folder not in folders:
            up, _, name = folder.rpartition("/")
            at = opened(up)
            with contextlib.suppress(FileExistsError):
                os.mkdir(name, 0o777, dir_fd=at)
            folders[folder] = os.open(name, FOLDER, dir_fd=at)
        return folders[folder]

    try:
        with os.fdopen(os.open(_JOURNAL, _NEW_FILE, 0o644, dir_fd=folders[""]), "w", encoding="utf-8") as journal:

            def put(rel: str, text: str) -> None:
                data = text.encode("utf-8")
                digest = hashlib.sha256(data).hexdigest()
                journal.write(f"{digest} {len(data)} {rel}\n")
                journal.flush()
                folder, _, name = rel.rpartition("/")
                try:
                    at = opened(folder)
                    fd = os.open(name, _NEW_FILE, 0o666, dir_fd=at)  # a new file: ours (O_EXCL), so ours to remove
                    try:
                        with os.fdopen(fd, "wb") as handle:
                            handle.write(data)
                    except BaseException:
                        os.unlink(name, dir_fd=at)
                        raise
                except OSError as exc:
                    raise OSError(exc.errno, exc.strerror, f"{staging}/{rel}") from None
                if rel != MANIFEST:
                    hashes[rel] = digest

            header = write(put)
            files = sorted(hashes)
            manifest = {**header, "files": files, "sha256": dict(sorted(hashes.items()))}
            put(MANIFEST, json.dumps(manifest, ensure_ascii=False, indent=1) + "\n")
        os.unlink(_JOURNAL, dir_fd=folders[""])  # the manifest lists every file now
    finally:
        for fd in folders.values():
            os.close(fd)
    return [*files, MANIFEST]


def _exists(parent: int, name: str) -> bool:
    try:
        os.stat(name, dir_fd=parent, follow_symlinks=False)
    except FileNotFoundError:
        return False
    return True


def _swap(parent: int, staging: str, name: str, earlier: dict[str, str] | None) -> None:
    """Put ``staging`` at ``name``; the earlier site there (verified: ``earlier``) is removed after."""
    if not _exists(parent, name):
        os.rename(staging, name, src_dir_fd=parent, dst_dir_fd=parent)
        return
    if _exchange(parent, staging, name):
        aside = staging
    else:
        aside = f".{name}.old-{secrets.token_hex(6)}"
        os.rename(name, aside, src_dir_fd=parent, dst_dir_fd=parent)
        os.rename(staging, name, src_dir_fd=parent, dst_dir_fd=parent)
    if earlier is None:
        with contextlib.suppress(OSError):
            os.rmdir(aside, dir_fd=parent)  # it was empty
    else:
        _remove_ours(parent, aside)


def _exchange(parent: int, a: str, b: str) -> bool:
    """Swap two folders of the open folder ``parent`` in one step (Linux ``renameat2``); False where it cannot."""
    import ctypes
    import sys

    if not sys.platform.startswith("linux"):
        return False
    libc = ctypes.CDLL(None, use_errno=True)
    renameat2 = getattr(libc, "renameat2", None)
    if renameat2 is None:
        return False
    rename_exchange = 2
    if renameat2(parent, os.fsencode(a), parent, os.fsencode(b), rename_exchange) == 0:
        return True
    code = ctypes.get_errno()
    if code in (errno.EINVAL, errno.ENOSYS, errno.ENOTSUP):
        return False  # a file system without the exchange
    raise OSError(code, os.strerror(code), b)


@contextlib.contextmanager
def _locked(fd: int, folder: Path) -> Iterator[None]:
    """The open ``folder`` locked: one build at a time beside it."""
    import fcntl

    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        raise ExportError(f"{file_shown(folder)}: another build is writing here; try again when it is done") from None
    yield


def _located(exc: OSError, target: Path, doing: str, staging: str | None = None) -> ExportError:
    """One line naming the folder and the reason (a name in the staging folder is shown at the target).

    Names relative to the target's folder (all that is done beside the target) are shown in it.
    """
    where = str(target.parent / exc.filename) if exc.filename else str(target)
    if staging is not None:
        inside = str(target.parent / staging)
        if where == inside or where.startswith(inside + "/"):
            where = str(target) + where[len(inside) :]
    why = reason(exc)
    if exc.errno == errno.EEXIST:
        why = "a file of that name is in the way"
    elif exc.errno == errno.ENOTDIR:
        why = "a file is where a folder should be"
    elif exc.errno in (errno.EBUSY, errno.EXDEV):
        why = "it is a mount point or in use; give a folder inside it"
    return ExportError(f"{file_shown(where)}: {doing}: {why}")
