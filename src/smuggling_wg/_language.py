"""The one display-language choice that reprs, summaries and the command line honour.

The data always holds both languages; this only chooses which one is *shown*. Russian,
the report's own language, is the default.

```python
>>> import smuggling_wg as swg
>>> with swg.language("en"):
...     repr(swg.load().actor("ITA"))
'State(ITA, Italy)'

```
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Literal, TypeAlias, get_args

__all__ = ["LANGS", "Lang", "get_language", "language", "set_language"]

Lang: TypeAlias = Literal["ru", "en"]
LANGS: tuple[Lang, ...] = get_args(Lang)

_current: ContextVar[Lang] = ContextVar("smuggling_wg_language", default="ru")


def _valid(lang: str) -> Lang:
    for known in LANGS:
        if lang == known:
            return known
    raise ValueError(f"unknown language {lang!r}; choose one of: {', '.join(LANGS)}")


def get_language() -> Lang:
    """The language texts are shown in now (``"ru"`` unless changed)."""
    return _current.get()


def set_language(lang: Lang) -> None:
    """Show texts in ``lang`` from now on (in this thread or task)."""
    _current.set(_valid(lang))


@contextmanager
def language(lang: Lang) -> Iterator[None]:
    """Show texts in ``lang`` inside a ``with`` block."""
    token = _current.set(_valid(lang))
    try:
        yield
    finally:
        _current.reset(token)
