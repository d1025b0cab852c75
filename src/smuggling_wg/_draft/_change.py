"""The placeholder a person must resolve: ``<<CHANGE: what to check, and why>>`` (the loader refuses it)."""

from __future__ import annotations

__all__ = ["change", "items_of"]

import re


def change(message: str) -> str:
    """A placeholder saying what to check and why (``>`` would end it early: it becomes ``›``)."""
    return f"<<CHANGE: {' '.join(message.replace('>', '›').split())}>>"


_ITEMS = re.compile(r"пункт(?:а|у|ам|ами|ах|ов|ы)?\s+((?:\d{1,3}(?:,\s*|\s+и\s+)?)+)\s*(?:предварительной\s+)?повестки")


def items_of(text: str) -> list[int]:
    """The agenda items a sentence names («по пунктам 2 и 3 повестки дня» -> [2, 3]), in order, once each."""
    found: dict[int, None] = {}
    for match in _ITEMS.finditer(text):
        found.update(dict.fromkeys(int(n) for n in re.findall(r"\d+", match.group(1))))
    return list(found)
