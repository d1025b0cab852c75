"""The library's exceptions (all :class:`SmugglingWGError`): a lookup that misses, a bad filter, bad data, an export."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

__all__ = ["DataError", "ExportError", "InvalidFilter", "NotFound", "Problem", "SmugglingWGError", "choices"]


def choices(wanted: object, valid: Iterable[object]) -> str:
    """'Did you mean' and the valid choices, for an error message."""
    import difflib  # only on the error path

    names = [str(v) for v in valid]
    close = difflib.get_close_matches(str(wanted), names, n=3, cutoff=0.5)
    hint = f" Did you mean {', '.join(map(repr, close))}?" if close else ""
    shown = ", ".join(names[:40]) + (f", ... ({len(names)} in all)" if len(names) > 40 else "")
    return f"{hint} Valid: {shown}."


class SmugglingWGError(Exception):
    """The base of every error the library raises on purpose."""


class NotFound(SmugglingWGError, KeyError):
    """A lookup (meeting, actor, paragraph, ...) found nothing; the message names what exists."""

    def __init__(self, what: str, wanted: object, valid: Iterable[object], reason: str = "") -> None:
        self.what, self.wanted = what, wanted
        self.valid = tuple(valid)
        super().__init__(reason or f"no {what} {wanted!r}.{choices(wanted, self.valid)}")

    def __str__(self) -> str:  # KeyError would print the message in quotes
        return str(self.args[0])


class InvalidFilter(SmugglingWGError, ValueError):
    """A filter was given a value that does not exist (e.g. ``theme="crisis"``)."""

    def __init__(self, name: str, wanted: object, valid: Iterable[object], reason: str = "") -> None:
        self.name, self.wanted = name, wanted
        self.valid = tuple(valid)
        super().__init__(reason or f"unknown {name} {wanted!r}.{choices(wanted, self.valid)}")


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a data file: where (file, line, column, field path), what, and a hint."""

    file: str
    path: str
    message: str
    line: int | None = None
    column: int | None = None
    expected: str = ""
    found: str = ""
    suggestion: str = ""

    def __str__(self) -> str:
        where = ":".join(str(x) for x in (self.file, self.line, self.column) if x not in (None, ""))
        text = f"{where}: " if where else ""
        text += f"{self.path}: " if self.path else ""
        text += self.message
        if self.expected or self.found:
            text += f" (expected {self.expected or '?'}, found {self.found or '?'})"
        return text + (f" Hint: {self.suggestion}" if self.suggestion else "")


class DataError(SmugglingWGError, ValueError):
    """Data that could not be read or failed validation; ``problems`` lists every :class:`Problem` found."""

    def __init__(self, problems: Iterable[Problem | str]) -> None:
        self.problems = tuple(p if isinstance(p, Problem) else Problem("", "", p) for p in problems)
        count = len(self.problems)
        head = "1 problem" if count == 1 else f"{count} problems"
        super().__init__(f"{head} in the data:\n" + "\n".join(f"- {p}" for p in self.problems))


class ExportError(SmugglingWGError, OSError):
    """An export could not be written (a file in the way, a symbolic link, no space, no permission).

    The message is one line; files of an earlier export are left as they were.
    """
