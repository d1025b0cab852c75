"""Numbers written as text (a command's argument, a resource URI): ASCII digits only.

Python's ``int()`` also reads ``"٧"`` (an Arabic-Indic seven), ``"1_0"``, ``" 7 "`` and
``"+7"``; a number a person or a program writes in an address or an option is none of these.
"""

from __future__ import annotations

import re

__all__ = ["parse_number"]

_DIGITS = re.compile(r"-?[0-9]{1,18}")
#: As written by a program, e.g. in a URI: no leading zero ("07"), no "-0".
_CANONICAL = re.compile(r"0|-?[1-9][0-9]{0,17}")


def parse_number(text: str, canonical: bool = False) -> int:
    """The whole number ``text`` writes in ASCII digits (``"7"``, ``"07"``, ``"-1"``); :class:`ValueError` otherwise.

    ``canonical=True``: written as Python writes it, without leading zeros (``"07"`` is refused,
    the message naming ``7``): an address has one spelling for each number.
    """
    from .errors import quoted

    if not isinstance(text, str) or not _DIGITS.fullmatch(text):
        raise ValueError(f"a whole number in the digits 0-9 is expected, got {quoted(text)}")
    if canonical and not _CANONICAL.fullmatch(text):
        raise ValueError(f"a whole number without leading zeros is expected, got {quoted(text)}: write {int(text)}")
    return int(text)
