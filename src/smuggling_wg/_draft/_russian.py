"""The Russian of a UN report that the draft reads: dates, number words, ordinals, lists, case forms.

Only forms the report template uses are known; anything else is not guessed (the caller
writes a placeholder).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator

__all__ = [
    "CITIES",
    "DATE_SPAN",
    "MONTHS",
    "ORDINALS",
    "WORDS",
    "nominative_candidates",
    "number_word",
    "ordinal",
    "span",
    "split_list",
]

MONTHS = {
    "января": 1, "февраля": 2, "марта": 3, "апреля": 4, "мая": 5, "июня": 6,
    "июля": 7, "августа": 8, "сентября": 9, "октября": 10, "ноября": 11, "декабря": 12,
}  # fmt: skip
_MONTH = "|".join(MONTHS)

#: Cardinal number words (the report writes «было проведено четыре заседания»).
WORDS = {
    "одно": 1, "один": 1, "два": 2, "две": 2, "три": 3, "четыре": 4, "пять": 5, "шесть": 6, "семь": 7,
    "восемь": 8, "девять": 9, "десять": 10, "одиннадцать": 11, "двенадцать": 12,
}  # fmt: skip

#: Ordinal stems (neuter and feminine forms: «седьмое совещание», «на ее пятой сессии»).
ORDINALS = {
    "перв": 1, "втор": 2, "трет": 3, "четверт": 4, "пят": 5, "шест": 6, "седьм": 7, "восьм": 8,
    "девят": 9, "десят": 10, "одиннадцат": 11, "двенадцат": 12, "тринадцат": 13, "четырнадцат": 14,
    "пятнадцат": 15, "шестнадцат": 16, "семнадцат": 17, "восемнадцат": 18, "девятнадцат": 19, "двадцат": 20,
}  # fmt: skip
_ORDINAL = re.compile(
    r"^(" + "|".join(sorted(ORDINALS, key=len, reverse=True)) + r")(?:ое|ая|ой|ого|ий|ый|ые|ье|ья|ьей|ьего|ей)$"
)

#: Cities where the Conference's working groups meet: the locative the report writes -> the city.
CITIES = {"Вене": "Вена", "Нью-Йорке": "Нью-Йорк", "Женеве": "Женева", "Дохе": "Доха"}

#: A span of days: «8 и 9 сентября 2020 года», «8–9 сентября 2020 года», «с 11 по 13 ноября 2013 года»,
#: «с 30 мая по 1 июня 2012 года», «8 сентября 2020 года».
DATE_SPAN = (
    rf"(?:с\s+)?(\d{{1,2}})(?:\s+({_MONTH}))?(?:\s*(?:и|по|–|-|—)\s*(\d{{1,2}})\s+)?\s*({_MONTH})\s+(\d{{4}})\s+года"
)
_SPAN = re.compile(DATE_SPAN)


def number_word(word: str) -> int | None:
    """The number a cardinal number word or a figure stands for, or None."""
    word = word.casefold()
    return int(word) if word.isdigit() and len(word) < 5 else WORDS.get(word)


def ordinal(word: str) -> int | None:
    """The number of an ordinal word («Седьмое» -> 7), or None."""
    found = _ORDINAL.match(word.casefold())
    return ORDINALS[found.group(1)] if found else None


def span(match: re.Match[str]) -> tuple[dt.date, dt.date] | None:
    """First and last day of a :data:`DATE_SPAN` match (None for a day that does not exist)."""
    first, first_month, last, month, year = match.groups()
    try:
        end = dt.date(int(year), MONTHS[month], int(last or first))
        start_month = MONTHS[first_month] if first_month else end.month
        start = dt.date(int(year) - (start_month > end.month), start_month, int(first))
    except ValueError:
        return None
    return (start, end) if start <= end else None


def spans(text: str) -> Iterator[tuple[re.Match[str], tuple[dt.date, dt.date] | None]]:
    """Every span of days in ``text``."""
    for match in _SPAN.finditer(text):
        yield match, span(match)


def split_list(text: str) -> list[str]:
    """The names of a list «А, Б, В и Г» (the last «и» may also sit inside a name: see the caller)."""
    return [part.strip() for part in re.split(r",\s+(?![^()]*\))", text) if part.strip()]


# Genitive (and dative) endings -> nominative endings, for the names of states and organizations.
_ENDINGS = (
    ("ии", "ия"), ("ии", "ий"), ("а", "о"), ("ы", "а"), ("и", "а"), ("и", "ь"), ("и", "ы"), ("а", ""),
    ("я", "й"), ("я", "ь"),
    ("ов", "ы"), ("ей", "и"), ("ой", "ая"), ("ей", "яя"), ("ого", "ое"), ("ого", "ий"), ("ого", "ый"),
    ("его", "ее"), ("его", "ий"), ("ых", "ые"), ("их", "ие"), ("у", ""), ("е", "а"),
)  # fmt: skip


def _word_forms(word: str) -> list[str]:
    forms = [word]
    for old, new in _ENDINGS:
        if word.endswith(old) and len(word) > len(old) + 1:
            forms.append(word[: -len(old)] + new)
    return forms


def nominative_candidates(name: str, limit: int = 256) -> list[str]:
    """Possible nominative forms of a name written in another case («Южной Африки» -> «Южная Африка», ...).

    Words in brackets are kept (the UN writes «Ирана (Исламская Республика)»), so are words
    after a preposition or a noun in the genitive («Агентства ... по сотрудничеству»): only
    the first few words change.
    """
    head, bracket, tail = name.partition(" (")
    words = head.split(" ")
    changing = min(len(words), 3)
    results = [""]
    for index, word in enumerate(words):
        options = _word_forms(word) if index < changing else [word]
        results = [f"{r} {o}".strip() for r in results for o in options][:limit]
    return [r + (bracket + tail if bracket else "") for r in results if r != name]
