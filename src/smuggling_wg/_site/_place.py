"""Putting a site in place: built beside the target, swapped in at once, nothing deleted that is not ours.

* **No link followed.** The target is taken as given (never resolved): a target that is a
  symbolic link, and an earlier site holding one anywhere inside, are refused.
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

from ..errors import ExportError

__all__ = ["MANIFEST", "Writer", "publish", "target_of"]

#: The file that marks a folder as a site written here: what it wrote, with each file's SHA-256.
MANIFEST = "smuggling-wg-site.json"
_JOURNAL = ".smuggling-wg-journal"
_OURS = re.compile(r"\.(?P<name>.+)\.(?:new|old)-[0-9a-f]{12}")

#: Writes one file of the site: its path inside the site (``a/b.html``) and its text.
Writer = Callable[[str, str], None]


def target_of(out: Path | str) -> Path:
    """The folder ``out`` as an absolute path, links not resolved; refused if it cannot hold a site."""
    if not str(out).strip():
        raise ExportError("no folder given for the site (--out is empty)")
    if "\0" in str(out):
        raise ExportError(f"{str(out)!r}: a folder name cannot hold a NUL character")
    target = Path(os.path.abspath(out))
    if target.parent == target:
        raise ExportError(f"{target}: give a folder of its own for the site, not the root")
    if target.is_symlink():
        raise ExportError(
            f"{target}: is a symbolic link; give the real folder (a site is never written through a link)"
        )
    if target.exists() and not target.is_dir():
        raise ExportError(f"{target} exists and is not a folder; give a folder for the site")
    here = Path.cwd().resolve()
    if target.resolve() == here or target.resolve() in here.parents:
        raise ExportError(f"{target} is the current folder or holds it; give a folder of its own for the site")
    if target.is_dir() and os.path.ismount(target):
        raise ExportError(
            f"{target}: is a mount point; the site is built beside its folder and renamed into place, "
            "so give a folder inside it"
        )
    return target


def publish(target: Path, write: Callable[[Writer], dict[str, Any]]) -> list[str]:
    """Build a site with ``write`` (which returns the manifest's header) and put it at ``target``."""
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise _located(exc, target, "cannot create the folder") from None
    with _locked(target.parent):
        try:
            _put_back(target)
            earlier = _earlier(target)
            _clean_stale(target)
            staging = _new_folder(target)
        except ExportError:
            raise
        except OSError as exc:
            raise _located(exc, target, "cannot prepare the site") from None
        try:
            files = _build(staging, write)
            _swap(staging, target, earlier)
        except ExportError:
            _remove_ours(staging)
            raise
        except OSError as exc:
            _remove_ours(staging)
            raise _located(exc, target, "cannot write the site", staging) from None
        except BaseException:
            _remove_ours(staging)
            raise
    return files


# --- what is there already ---------------------------------------------------------------------------


def _earlier(target: Path) -> dict[str, str] | None:
    """The earlier site's files and hashes, every one verified; None for no folder or an empty one."""
    if not target.is_dir() or not any(target.iterdir()):
        return None
    listed = _manifest(target / MANIFEST)
    if listed is None:
        raise ExportError(
            f"{target} is not empty and holds no earlier site (no {MANIFEST} listing its files with their "
            "SHA-256); choose an empty or new folder (a site replaces only an earlier site)"
        )
    foreign = _not_ours(target, listed)
    if foreign:
        shown = ", ".join(foreign[:3]) + (f" and {len(foreign) - 3} more" if len(foreign) > 3 else "")
        raise ExportError(
            f"{target} holds files an earlier site did not write ({shown}): not in its manifest with that "
            "content, a link or another folder; move them away, or choose another folder"
        )
    return listed


def _manifest(path: Path) -> dict[str, str] | None:
    """The files and SHA-256 a manifest lists; None if it is not a manifest of ours (or not a regular file)."""
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NOFOLLOW)
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


def _walk(root: Path) -> Iterator[tuple[str, os.DirEntry[str]]]:
    """Every entry under ``root`` (relative path, entry), children before their folder; links not followed."""
    with os.scandir(root) as entries:
        for entry in sorted(entries, key=lambda e: e.name):
            rel = entry.name
            if entry.is_dir(follow_symlinks=False):
                for sub, inner in _walk(Path(entry.path)):
                    yield f"{rel}/{sub}", inner
            yield rel, entry


def _folders_of(listed: Mapping[str, object]) -> set[str]:
    return {"/".join(rel.split("/")[:i]) for rel in listed for i in range(1, rel.count("/") + 1)}


def _not_ours(root: Path, listed: Mapping[str, str]) -> list[str]:
    """What under ``root`` the manifest does not vouch for: unlisted, changed, links, other folders."""
    folders = _folders_of(listed)
    foreign = []
    for rel, entry in _walk(root):
        if rel == MANIFEST and entry.is_file(follow_symlinks=False):
            continue
        if entry.is_dir(follow_symlinks=False):
            ok = rel in folders
        else:
            ok = entry.is_file(follow_symlinks=False) and listed.get(rel) == _sha256(Path(entry.path))
        if not ok:
            foreign.append(rel + ("/" if entry.is_dir(follow_symlinks=False) else ""))
    return foreign


def _sha256(path: Path) -> str | None:
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NOFOLLOW)
    except OSError:
        return None
    digest = hashlib.sha256()
    with os.fdopen(fd, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


# --- folders of ours beside the target ------------------------------------------------------------------


def _new_folder(target: Path) -> Path:
    folder = target.parent / f".{target.name}.new-{secrets.token_hex(6)}"
    folder.mkdir()
    return folder


def _journal(folder: Path) -> dict[str, tuple[str, int]]:
    """What a build recorded before writing each file: path -> (SHA-256, size)."""
    try:
        fd = os.open(folder / _JOURNAL, os.O_RDONLY | os.O_NOFOLLOW)
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


def _remove_ours(folder: Path) -> bool:
    """Remove from ``folder`` what its journal or manifest lists with that content; True when it is gone.

    A file the journal lists may also be empty (a kill before its one write); the folders of
    listed files go when empty, then the journal, the manifest and ``folder`` when nothing else is left.
    """
    if not folder.is_dir() or folder.is_symlink():
        return False
    journal = _journal(folder)
    listed = {rel: digest for rel, (digest, _) in journal.items()} | (_manifest(folder / MANIFEST) or {})
    folders = _folders_of(listed)
    for rel, entry in _walk(folder):
        with contextlib.suppress(OSError):
            if entry.is_dir(follow_symlinks=False):
                if rel in folders:
                    os.rmdir(entry.path)
            elif entry.is_file(follow_symlinks=False) and rel in listed:
                path = Path(entry.path)
                empty = rel in journal and os.stat(path, follow_symlinks=False).st_size == 0
                if empty or _sha256(path) == listed[rel]:
                    os.unlink(path)
    with contextlib.suppress(OSError):
        rest = {e.name for e in os.scandir(folder)}
        if rest <= {MANIFEST, _JOURNAL}:
            for name in rest:
                os.unlink(folder / name)
            os.rmdir(folder)
            return True
    return False


def _clean_stale(target: Path) -> None:
    """Remove what earlier builds into ``target`` left beside it when they were killed (only what is ours)."""
    for entry in os.scandir(target.parent):
        found = _OURS.fullmatch(entry.name)
        if found and found["name"] == target.name and entry.is_dir(follow_symlinks=False):
            _remove_ours(Path(entry.path))


def _put_back(target: Path) -> None:
    """An earlier site a kill left aside (between two renames, where they cannot be one step) goes back."""
    if target.exists() or target.is_symlink():
        return
    for entry in os.scandir(target.parent):
        aside = entry.name.startswith(f".{target.name}.old-") and _OURS.fullmatch(entry.name)
        if aside and entry.is_dir(follow_symlinks=False) and _manifest(Path(entry.path) / MANIFEST) is not None:
            os.rename(entry.path, target)
            return


# --- writing and swapping ----------------------------------------------------------------------------------


def _build(staging: Path, write: Callable[[Writer], dict[str, Any]]) -> list[str]:
    """Write every file into ``staging``, each recorded in the journal first; the manifest last."""
    hashes: dict[str, str] = {}
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW
    with os.fdopen(os.open(staging / _JOURNAL, flags, 0o644), "w", encoding="utf-8") as journal:

        def put(rel: str, text: str) -> None:
            data = text.encode("utf-8")
            digest = hashlib.sha256(data).hexdigest()
            journal.write(f"{digest} {len(data)} {rel}\n")
            journal.flush()
            path = staging / rel
            path.parent.mkdir(parents=True, exist_ok=True)
            fd = os.open(path, flags, 0o666)  # a new file: ours (O_EXCL), so ours to remove if writing fails
            try:
                with os.fdopen(fd, "wb") as handle:
                    handle.write(data)
            except BaseException:
                os.unlink(path)
                raise
            if rel != MANIFEST:
                hashes[rel] = digest

        header = write(put)
        files = sorted(hashes)
        manifest = {**header, "files": files, "sha256": dict(sorted(hashes.items()))}
        put(MANIFEST, json.dumps(manifest, ensure_ascii=False, indent=1) + "\n")
    os.unlink(staging / _JOURNAL)  # the manifest lists every file now
    return [*files, MANIFEST]


def _swap(staging: Path, target: Path, earlier: dict[str, str] | None) -> None:
    """Put ``staging`` at ``target``; the earlier site there (verified: ``earlier``) is removed after."""
    if not target.exists():
        os.rename(staging, target)
        return
    if _exchange(staging, target):
        aside = staging
    else:
        aside = target.parent / f".{target.name}.old-{secrets.token_hex(6)}"
        os.rename(target, aside)
        os.rename(staging, target)
    if earlier is None:
        with contextlib.suppress(OSError):
            os.rmdir(aside)  # it was empty
    else:
        _remove_ours(aside)


def _exchange(a: Path, b: Path) -> bool:
    """Swap two folders in one step (Linux ``renameat2``); False where the system cannot."""
    import ctypes
    import sys

    if not sys.platform.startswith("linux"):
        return False
    libc = ctypes.CDLL(None, use_errno=True)
    renameat2 = getattr(libc, "renameat2", None)
    if renameat2 is None:
        return False
    at_fdcwd, rename_exchange = -100, 2
    if renameat2(at_fdcwd, os.fsencode(a), at_fdcwd, os.fsencode(b), rename_exchange) == 0:
        return True
    code = ctypes.get_errno()
    if code in (errno.EINVAL, errno.ENOSYS, errno.ENOTSUP):
        return False  # a file system without the exchange
    raise OSError(code, os.strerror(code), str(b))


@contextlib.contextmanager
def _locked(folder: Path) -> Iterator[None]:
    import fcntl

    try:
        fd = os.open(folder, os.O_RDONLY | os.O_DIRECTORY)
    except OSError as exc:
        raise _located(exc, folder, "cannot open the folder") from None
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            raise ExportError(f"{folder}: another build is writing here; try again when it is done") from None
        yield
    finally:
        os.close(fd)


def _located(exc: OSError, target: Path, doing: str, staging: Path | None = None) -> ExportError:
    """One line naming the folder and the reason (a path inside the staging folder is shown at the target)."""
    from .._write import _reason

    where = exc.filename or target
    if staging is not None and str(where).startswith(str(staging)):
        where = str(target) + str(where)[len(str(staging)) :]
    reason = _reason(exc)
    if exc.errno == errno.EEXIST:
        reason = "a file of that name is in the way"
    elif exc.errno == errno.ENOTDIR:
        reason = "a file is where a folder should be"
    elif exc.errno in (errno.EBUSY, errno.EXDEV):
        reason = "it is a mount point or in use; give a folder inside it"
    return ExportError(f"{where}: {doing}: {reason}")
