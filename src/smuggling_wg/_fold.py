"""Folding text for matching: case, ё/е and accents, the same way for data and queries."""

from __future__ import annotations

import re
import unicodedata

__all__ = ["fold"]

_BREVE = "\u0306"  # keeps й a letter of its own: Russian stemming depends on it
_PLAIN = re.compile(r"[a-z0-9а-я\s\-.,()]*")  # nothing to decompose: the common case, kept fast


def fold(text: str) -> str:
    """Case-, ё/е- and accent-insensitive form of ``text`` ("Türkiye" -> "turkiye", "Ёж" -> "еж")."""
    lowered = text.casefold().replace("ё", "е")
    if _PLAIN.fullmatch(lowered):
        return lowered
    decomposed = unicodedata.normalize("NFD", lowered)
    kept = (
        c
        for i, c in enumerate(decomposed)
        if not unicodedata.combining(c) or (c == _BREVE and decomposed[i - 1] == "и")
    )
    return unicodedata.normalize("NFC", "".join(kept))
