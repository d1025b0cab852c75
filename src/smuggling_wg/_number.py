"""Numbers written as text (a command's argument, a resource URI): ASCII digits only.

Python's ``int()`` also reads ``"٧"`` (an Arabic-Indic seven), ``"1_0"``, ``" 7 "`` and
``"+7"``; a number a person or a program writes in an address or an option is none of these.
"""

from __future__ import annotations

import re

__all__ = ["number", "parse_number"]

_DIGITS = re.compile(r"-?[0-9]{1,18}")


def parse_number(text: str) -> int:
    """The whole number ``text`` writes in ASCII digits (``"7"``, ``"07"``, ``"-1"``); :class:`ValueError` otherwise."""
    if not isinstance(text, str) or not _DIGITS.fullmatch(text):
        raise ValueError(f"a whole number in the digits 0-9 is expected, got {text!r}")
    return int(text)


def number(text: str) -> int:
    """:func:`parse_number` under the name argparse shows ("invalid number value: '٧'")."""
    return parse_number(text)
