"""The cache on disk of users' data files: what they loaded to, kept for the next process.

Loading data files parses YAML and validates every record; a second process given the same
files learns nothing new from doing it again. So :func:`smuggling_wg.load` keeps what files
loaded to (the validated dataset as compact JSON, and later its search index) in the
platform's cache folder (:func:`folder`), and reads it back when the same files are loaded
again by the same library:

* **Keyed by everything the result depends on** (:func:`entry`): the SHA-256 of each file's
  bytes, in order, and the fingerprint of the library (:func:`fingerprint`: the bundled
  data's seal, which covers ``dataset.json`` and the models' source, the SHA-256 of every
  module of the package and of its compiled data, the stemmer's code, the pydantic and
  Python versions). Any change to any of them is another key: nothing is ever served stale.
* **Only good loads are kept.** Files with problems raise :class:`~smuggling_wg.errors.DataError`
  as before, every time; files that use a deprecated key are not kept either, so the
  ``DeprecationWarning`` is given at every load.
* **Never trusted blindly.** An entry holds its key and the SHA-256 of its content and is used
  only when both match; a kept dataset is then validated in full by the models (:func:`bundle`).
  Anything else (truncated, corrupted, edited, another entry renamed, another library's, records
  the models refuse) is ignored and written anew. The folder and its entries are used only when
  they are ours: a real folder (not a symbolic link), owned by the user, not writable by others;
  entries are opened without following links. As with Python's own ``__pycache__``, whoever can
  write the user's own files could also change the library itself: an entry forged with a
  recomputed SHA-256 (records valid but not what the files say, or a search index that does not
  fit them) is beyond what a cache can detect.
* **Written atomically**, each entry to a new temporary file renamed into place, so a reader
  (another process, at the same time) sees a whole entry or none; two processes writing the
  same entry write the same bytes.
* **Bounded**: at most :data:`MAX_ENTRIES` entries and :data:`MAX_BYTES` bytes; the least
  recently used go first. Only files named as this module names its entries are ever removed.
* **Optional.** ``SMUGGLING_WG_CACHE=0`` turns it off; ``SMUGGLING_WG_CACHE=/some/folder``
  puts it there. A folder that cannot be made, is not ours, is read-only or full only makes
  loading as slow as without it: every failure of the cache is a miss, never an error.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import re
import secrets
import stat
import sys
import time
from collections.abc import Callable, Sequence
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Literal

from pydantic import ValidationError

from ._loader import BUNDLED_JSON, Source, _without_gc, seal
from .models import _RENAMED_KEYS, Bundle

__all__ = ["CACHE_VARIABLE", "MAX_BYTES", "MAX_ENTRIES", "Entry", "bundle", "entry", "fingerprint", "folder"]

#: The environment variable that turns the cache off (``0``, ``off``, ``no``, ``false``) or names its folder.
CACHE_VARIABLE = "SMUGGLING_WG_CACHE"
#: Entries kept at most (a dataset and its search index are one entry each).
MAX_ENTRIES = 64
#: Bytes kept at most, all entries together (ten meetings of the bundled meeting's size take about 2.5 MB).
MAX_BYTES = 256 * 1024 * 1024
#: What an entry is: the loaded dataset, or its search index.
Kind = Literal["dataset", "index"]

_APP = "smuggling-wg"
_OFF = frozenset({"0", "off", "no", "false"})
_FORMAT = "smuggling-wg-cache 1"
_ENTRY = re.compile(r"[0-9a-f]{64}\.(?:dataset|index)")
_TEMP = ".smuggling-wg-cache-tmp-"
_STALE_TEMP_S = 3600  # a temporary file older than this was left by a writer that died
#: Keys of a meeting that make loading warn (renamed keys): files that use them are not kept.
_WARNS = re.compile(b"(?:" + b"|".join(k.encode() for k in _RENAMED_KEYS) + rb")[\"']?[ \t]*:")


def folder() -> Path | None:
    r"""Where the cache is: ``$SMUGGLING_WG_CACHE``, else the platform's cache folder; None when it is off.

    Linux and other Unix: ``$XDG_CACHE_HOME/smuggling-wg`` (``~/.cache/smuggling-wg``); macOS:
    ``~/Library/Caches/smuggling-wg``; Windows: ``%LOCALAPPDATA%\smuggling-wg\Cache``.
    """
    chosen = os.environ.get(CACHE_VARIABLE, "").strip()
    if chosen.lower() in _OFF:
        return None
    if chosen:
        return Path(chosen)
    try:
        if sys.platform == "win32":
            base = os.environ.get("LOCALAPPDATA") or str(Path.home() / "AppData" / "Local")
            return Path(base) / _APP / "Cache"
        if sys.platform == "darwin":
            return Path.home() / "Library" / "Caches" / _APP
        xdg = os.environ.get("XDG_CACHE_HOME", "")
        return (Path(xdg) if os.path.isabs(xdg) else Path.home() / ".cache") / _APP
    except (RuntimeError, KeyError, OSError):  # no home folder to be found
        return None


@lru_cache(maxsize=1)
def fingerprint() -> str:
    """What the library is, as far as what files load to is concerned (empty when it cannot be told).

    The bundled data's seal (:func:`~smuggling_wg._loader.seal`: ``dataset.json`` and the
    models' source), the SHA-256 of every module of the package and of its compiled data,
    the stemmer's two modules (they make the search index), and the pydantic and Python versions.
    """
    import importlib.util

    import pydantic

    try:
        package = Path(str(resources.files("smuggling_wg")))
        digest = hashlib.sha256(f"{_FORMAT}|{pydantic.VERSION}|{sys.version_info[:2]}".encode())
        digest.update(seal((package / "data" / BUNDLED_JSON).read_bytes()).encode())
        files = sorted(package.rglob("*.py")) + sorted((package / "data").glob("*.json"))
        spec = importlib.util.find_spec("snowballstemmer")
        stemmers = Path((spec.submodule_search_locations or [""])[0]) if spec else None
        if stemmers is not None:
            files += [stemmers / "russian_stemmer.py", stemmers / "english_stemmer.py"]
        for path in files:
            digest.update(f"{path.relative_to(path.parent.parent)}\0".encode())
            digest.update(hashlib.sha256(path.read_bytes()).digest())
    except (OSError, ValueError, ImportError):  # not installed as files: nothing vouches for an entry
        return ""
    return digest.hexdigest()


class Entry:
    """The place in the cache of what some files load to (see :func:`entry`)."""

    __slots__ = ("folder", "key")

    def __init__(self, folder: Path, key: str) -> None:
        self.folder, self.key = folder, key

    def read(self, kind: Kind) -> bytes | None:
        """The content kept for ``kind``, if there is a whole, matching entry of ours; None otherwise."""
        path = self.folder / f"{self.key}.{kind}"
        try:
            if not _ours(self.folder):
                return None
            fd = os.open(path, os.O_RDONLY | _flag("O_NOFOLLOW") | _flag("O_NONBLOCK") | _flag("O_BINARY"))
            try:
                info = os.fstat(fd)
                if not stat.S_ISREG(info.st_mode) or not _owned(info) or info.st_size > MAX_BYTES:
                    return None
                with os.fdopen(os.dup(fd), "rb") as handle:
                    raw = handle.read(MAX_BYTES + 1)
                if os.utime in os.supports_fd:
                    os.utime(fd)  # recently used: evicted last
            finally:
                os.close(fd)
        except OSError:
            return None
        header, _, payload = raw.partition(b"\n")
        expected = f"{_FORMAT} {kind} {self.key} {hashlib.sha256(payload).hexdigest()}".encode()
        return payload if header == expected else None

    def write(self, kind: Kind, payload: bytes) -> None:
        """Keep ``payload`` for ``kind``, atomically; any failure (read-only, full, not ours) keeps nothing."""
        digest = hashlib.sha256(payload).hexdigest()
        content = f"{_FORMAT} {kind} {self.key} {digest}\n".encode() + payload
        if len(content) > MAX_BYTES:
            return
        temp: Path | None = None
        try:
            self.folder.mkdir(mode=0o700, parents=True, exist_ok=True)
            if not _ours(self.folder):
                return
            temp = self.folder / f"{_TEMP}{secrets.token_hex(8)}"
            flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | _flag("O_NOFOLLOW") | _flag("O_BINARY")
            with os.fdopen(os.open(temp, flags, 0o600), "wb") as handle:
                handle.write(content)
            os.replace(temp, self.folder / f"{self.key}.{kind}")
            temp = None
            _evict(self.folder, f"{self.key}.{kind}")
        except OSError:
            pass
        finally:
            if temp is not None:
                _remove(temp)


def entry(sources: Sequence[Source], digests: Sequence[str]) -> Entry | None:
    """Where what ``sources`` (with these SHA-256 digests) load to is kept; None when it is not to be kept.

    None when the cache is off, when the library cannot be fingerprinted, or when a file
    uses a deprecated key (loading it must warn, every time).
    """
    where = folder()
    library = fingerprint()
    if where is None or not library or any(_WARNS.search(raw) for _, raw in sources):
        return None
    key = hashlib.sha256("\n".join((library, *digests)).encode()).hexdigest()
    return Entry(where, key)


def bundle(stored: Entry | None, build: Callable[[], Bundle]) -> Bundle:
    """The dataset kept in ``stored`` if there is a good one; otherwise ``build()``, kept for next time.

    A kept dataset is validated in full by the models, from its JSON (pydantic-core's JSON
    validation: for ten meetings about as fast as building the records unvalidated, and it
    lets no record in that the models refuse). The JSON has the fields each record was given
    (``exclude_unset``), so the records are identical to those the files validated to: the
    same values and the same fields set. What validation of one record cannot see (the files'
    merging, the checks across records of :func:`smuggling_wg.load`) is vouched for by the
    entry's key and SHA-256.
    """
    if stored is not None:
        raw = stored.read("dataset")
        if raw is not None:
            try:
                with _without_gc():
                    return Bundle.model_validate_json(raw)
            except (ValidationError, ValueError, RecursionError):
                pass  # not what this library keeps: built again and kept anew
    with _without_gc():
        built = build()
    if stored is not None:
        stored.write("dataset", built.model_dump_json(exclude_unset=True).encode())
    return built


def _flag(name: str) -> int:
    return int(getattr(os, name, 0))


def _owned(info: os.stat_result) -> bool:
    """Whether a file or folder is the user's own and nobody else may write it (always so where there are no users)."""
    if not hasattr(os, "getuid"):
        return True
    return info.st_uid == os.getuid() and not info.st_mode & (stat.S_IWGRP | stat.S_IWOTH)


def _ours(where: Path) -> bool:
    """Whether the cache folder is a real folder (not a link) of the user's own."""
    info = os.lstat(where)
    return stat.S_ISDIR(info.st_mode) and _owned(info)


def _evict(where: Path, newest: str) -> None:
    """Remove the least recently used entries past the bounds (never ``newest``), and temporary files writers left."""
    entries: list[tuple[bool, float, str, int]] = []
    now = time.time()
    with os.scandir(where) as found:
        for item in found:
            try:
                info = item.stat(follow_symlinks=False)
            except OSError:
                continue
            if _ENTRY.fullmatch(item.name) and stat.S_ISREG(info.st_mode):
                entries.append((item.name == newest, info.st_mtime, item.name, info.st_size))
            elif item.name.startswith(_TEMP) and now - info.st_mtime > _STALE_TEMP_S:
                _remove(where / item.name)
    entries.sort(reverse=True)  # the one just written, then the most recently used (file times may tie)
    total = 0
    for count, (_, _, name, size) in enumerate(entries, 1):
        total += size
        if count > MAX_ENTRIES or total > MAX_BYTES:
            _remove(where / name)


def _remove(path: Path) -> None:
    with contextlib.suppress(OSError):  # gone already (another process evicted it), or not ours to remove
        path.unlink()
