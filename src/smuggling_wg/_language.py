"""The display language: the one choice that reprs, views, summaries and the command line honour.

The data always holds both languages; this only chooses which one is *shown*. Russian,
the report's own language, is the default. (Which texts a *search* looks in is a
separate thing: the ``language`` argument of :meth:`~smuggling_wg.Dataset.search`.)

```python
>>> import smuggling_wg as swg
>>> with swg.display_language("en"):
...     repr(swg.load().actor("ITA"))
'State(ITA, Italy)'

```
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Literal, TypeAlias, get_args

__all__ = [
    "LANGS",
    "Lang",
    "display_language",
    "get_display_language",
    "lang_of",
    "set_display_language",
]

Lang: TypeAlias = Literal["ru", "en"]
LANGS: tuple[Lang, ...] = get_args(Lang)

_current: ContextVar[Lang] = ContextVar("smuggling_wg_display_language", default="ru")


def lang_of(lang: object, name: str = "language") -> Lang:
    """``lang`` if it is a language of the data (``"ru"`` or ``"en"``, any case); InvalidFilter otherwise."""
    folded = lang.casefold() if isinstance(lang, str) else lang
    for known in LANGS:
        if folded == known:
            return known
    from .errors import InvalidFilter

    raise InvalidFilter(name, lang, LANGS)


def get_display_language() -> Lang:
    """The language texts are shown in now (``"ru"`` unless changed)."""
    return _current.get()


def set_display_language(lang: Lang) -> None:
    """Show texts in ``lang`` from now on (in this thread or task)."""
    _current.set(lang_of(lang, "display language"))


@contextmanager
def display_language(lang: Lang) -> Iterator[None]:
    """Show texts in ``lang`` inside a ``with`` block."""
    token = _current.set(lang_of(lang, "display language"))
    try:
        yield
    finally:
        _current.reset(token)
