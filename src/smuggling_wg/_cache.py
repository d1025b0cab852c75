"""The process-wide cache of datasets: what :func:`smuggling_wg.load` returns again.

The bundled dataset is built once, however many threads ask at the same time. Datasets
with extra data are kept by the content of their files (a key the caller makes, the
SHA-256 of the bytes read), the most recently used last, at most ``limit`` of them.
Nothing here knows what a dataset is: :mod:`.dataset` gives the keys and the builders.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import Generic, TypeVar

__all__ = ["Cache"]

T = TypeVar("T")


class Cache(Generic[T]):
    """The bundled value, built once, and the last ``limit`` values with extra data, by key."""

    def __init__(self, limit: int) -> None:
        self.limit = limit
        self._lock = threading.Lock()
        self._bundled: list[T] = []
        self._extended: OrderedDict[Hashable, T] = OrderedDict()

    def bundled(self, build: Callable[[], T]) -> T:
        """The bundled value, built on the first call (once, whatever the threads)."""
        if not self._bundled:
            with self._lock:
                if not self._bundled:
                    self._bundled.append(build())
        return self._bundled[0]

    def built(self) -> T | None:
        """The bundled value if it was built, else None (nothing is built here)."""
        return self._bundled[0] if self._bundled else None

    def extended(self, key: Hashable, build: Callable[[], T]) -> T:
        """The value for ``key``: kept from an earlier call, or built now (dropping the least recently used)."""
        with self._lock:
            if key in self._extended:
                self._extended.move_to_end(key)
            else:
                self._extended[key] = build()
                while len(self._extended) > self.limit:
                    self._extended.popitem(last=False)
            return self._extended[key]
