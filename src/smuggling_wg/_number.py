"""Numbers written as text: in ASCII digits (a command's argument, a resource URI) and in Roman numerals.

Python's ``int()`` also reads ``"٧"`` (an Arabic-Indic seven), ``"1_0"``, ``" 7 "`` and
``"+7"``; a number a person or a program writes in an address or an option is none of these.
A report numbers its chapters in Roman numerals (``I``-``V``; any number to 3,999 here).
"""

from __future__ import annotations

import re

__all__ = ["STANDARD_ROMAN", "parse_number", "parse_roman", "roman", "standard_roman"]

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


#: The values of Roman numerals, largest first, with the subtractive pairs (CM, XL, IV, ...).
_ROMAN = (
    (1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
    (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"),
)  # fmt: skip
#: A Roman numeral in its one standard form (1 to 3,999; the empty text also matches): not "IIII", "VX" or "IC".
STANDARD_ROMAN = r"M{0,3}(?:CM|CD|D?C{0,3})(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})"
_STANDARD_ROMAN = re.compile(STANDARD_ROMAN)


def roman(number: int) -> str:
    """``number`` in Roman numerals, as a report numbers its chapters: ``roman(14) == "XIV"`` (1 to 3,999)."""
    if isinstance(number, bool) or not isinstance(number, int) or not 1 <= number <= 3999:
        from .errors import quoted

        raise ValueError(f"a Roman numeral is a whole number from 1 to 3999, got {quoted(number)}")
    written = ""
    for value, letters in _ROMAN:
        count, number = divmod(number, value)
        written += letters * count
    return written


def parse_roman(text: str) -> int:
    """The number a Roman numeral writes in its standard form (``"XIV"`` -> 14); :class:`ValueError` otherwise.

    ``"IIII"``, ``"VX"``, ``"iv"`` and ``""`` are not in the standard form: each number has one.
    """
    if not isinstance(text, str) or not text or not _STANDARD_ROMAN.fullmatch(text):
        from .errors import quoted

        raise ValueError(f"a Roman numeral in its standard form is expected (I, IV, XIV, ...), got {quoted(text)}")
    number, at = 0, 0
    for value, letters in _ROMAN:
        while text.startswith(letters, at):
            number, at = number + value, at + len(letters)
    return number


def standard_roman(text: str) -> str | None:
    """The standard form of a Roman numeral written otherwise, where one number is plainly meant.

    ``"iv"`` -> ``"IV"`` (capitals), ``"IIII"`` -> ``"IV"`` (letters largest first, added up);
    None for ``"VX"`` (which number was meant is not for a program to say) and for other text.
    """
    letters = {written: value for value, written in _ROMAN if len(written) == 1}
    upper = text.upper()
    if not text or len(text) > 30 or set(upper) - set(letters):
        return None
    values = [letters[c] for c in upper]
    try:
        return roman(parse_roman(upper))
    except ValueError:
        return roman(sum(values)) if values == sorted(values, reverse=True) and sum(values) <= 3999 else None
