"""The library's exceptions: one family, with one base class.

Every error the library raises on purpose is a :class:`SmugglingWGError`:

* :class:`NotFound` (a ``KeyError``, so a ``LookupError``): a lookup found nothing: a
  meeting, an actor, a paragraph. The message names what exists and the closest match.
* :class:`InvalidFilter` (a ``ValueError``): a value that is not one of the valid ones:
  a filter (``theme="crisis"``), a language, an export format, a table name.
* :class:`DataError` (a ``ValueError``): data that could not be read or failed validation;
  ``problems`` lists every :class:`Problem`, located by file, line, column and field.

``except smuggling_wg.SmugglingWGError`` catches them all. A message quotes a value it was
given through :func:`quoted`: at most :data:`MAX_QUOTED` characters of it.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import ClassVar

__all__ = [
    "MAX_QUOTED",
    "DataError",
    "ExportError",
    "InvalidFilter",
    "NotFound",
    "Problem",
    "SmugglingWGError",
    "choices",
    "clipped",
    "closest",
    "did_you_mean",
    "quoted",
    "shortened",
]

#: Characters of a value given (a name, a query, a number) that a message quotes; past them it is cut, with "…".
MAX_QUOTED = 60


def clipped(text: str) -> str:
    """``text`` as a message shows it: at most :data:`MAX_QUOTED` characters, and "…" where it was cut."""
    return text if len(text) <= MAX_QUOTED else text[:MAX_QUOTED] + "…"


def quoted(value: object) -> str:
    """A value given, as every message of the library, the command line and the MCP server quotes it.

    Its ``repr``, cut to :data:`MAX_QUOTED` characters (a text is cut inside its quotes):
    a message stays short whatever it was given.
    """
    if isinstance(value, str):
        return repr(clipped(value))
    return clipped(repr(value))


def file_shown(path: object) -> str:
    """A file's name or path as every message shows it.

    As given, or its ``repr`` when it holds what a terminal would obey or hide (ESC, a carriage
    return, a newline, a bidi override).
    """
    name = str(path)
    return name if name.isprintable() else repr(name)


def shortened(message: str, head: int = 600, tail: int = 600) -> str:
    """A message made elsewhere (argparse's, the MCP SDK's), cut in its middle when it is long.

    The safety net under :func:`quoted`: the start says what is wrong, the end keeps the valid choices.
    """
    return message if len(message) <= head + tail else f"{message[:head]} … {message[-tail:]}"


def closest(wanted: object, valid: Iterable[object], n: int = 3, cutoff: float = 0.5) -> list[str]:
    """The valid values closest to ``wanted`` (case-insensitively), best first: the one "did you mean"."""
    import difflib  # only on the error path

    names = [str(v) for v in valid]
    by_folded = {name.casefold(): name for name in reversed(names)}
    close = difflib.get_close_matches(str(wanted).casefold(), list(by_folded), n=n, cutoff=cutoff)
    return [by_folded[c] for c in close]


def did_you_mean(wanted: object, valid: Iterable[object]) -> str:
    """'Did you mean ...?' naming the valid values closest to ``wanted`` as they are (3, not '3'); empty when none."""
    values = list(valid)
    originals = {str(v): v for v in reversed(values)}
    close = closest(wanted, values)
    return f"Did you mean {', '.join(repr(originals.get(c, c)) for c in close)}?" if close else ""


def choices(wanted: object, valid: Iterable[object]) -> str:
    """'Did you mean' and the valid choices, for an error message."""
    values = list(valid)
    names = [str(v) for v in values]
    hint = did_you_mean(wanted, values)
    shown = ", ".join(names[:40]) + (f", ... ({len(names)} in all)" if len(names) > 40 else "")
    return f"{' ' + hint if hint else ''} Valid: {shown}." if names else (f" {hint}" if hint else "")


class SmugglingWGError(Exception):
    """The base class of every error the library raises on purpose.

    ``exit_code``: the command's exit status for it (as click's exceptions carry theirs): 1 for
    what was not found or could not be read or written, 2 for a value that is not a valid one.
    """

    exit_code: ClassVar[int] = 1


class NotFound(SmugglingWGError, KeyError):
    """A lookup (meeting, actor, paragraph, ...) found nothing; the message names what exists."""

    def __init__(self, what: str, wanted: object, valid: Iterable[object], reason: str = "") -> None:
        self.what, self.wanted = what, wanted
        self.valid = tuple(valid)
        super().__init__(reason or f"no {what} {quoted(wanted)}.{choices(wanted, self.valid)}")

    def __str__(self) -> str:  # KeyError would print the message in quotes
        return str(self.args[0])


class InvalidFilter(SmugglingWGError, ValueError):
    """A value that is not one of the valid ones (e.g. ``theme="crisis"``, a language, a format)."""

    exit_code: ClassVar[int] = 2

    def __init__(self, name: str, wanted: object, valid: Iterable[object], reason: str = "") -> None:
        self.name, self.wanted = name, wanted
        self.valid = tuple(valid)
        super().__init__(reason or f"unknown {name} {quoted(wanted)}.{choices(wanted, self.valid)}")


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
        where = ":".join(str(x) for x in (file_shown(self.file), self.line, self.column) if x not in (None, ""))
        text = f"{where}: " if where else ""
        text += f"{self.path}: " if self.path else ""
        text += self.message
        said = [f"expected {self.expected}" if self.expected else "", f"found {self.found}" if self.found else ""]
        if any(said):
            text += f" ({', '.join(s for s in said if s)})"
        return text + (f" Hint: {self.suggestion}" if self.suggestion else "")


class DataError(SmugglingWGError, ValueError):
    """Data that could not be read or failed validation; ``problems`` lists every :class:`Problem` found."""

    def __init__(self, problems: Iterable[Problem | str]) -> None:
        self.problems = tuple(p if isinstance(p, Problem) else Problem("", "", p) for p in problems)
        count = len(self.problems)
        head = "1 problem" if count == 1 else f"{count} problems"
        # a problem with no field and no line is about a file itself (missing, unreadable, too big)
        where = "in the data" if any(p.path or p.line for p in self.problems) else "with the files given"
        super().__init__(f"{head} {where}:\n" + "\n".join(f"- {p}" for p in self.problems))


class ExportError(SmugglingWGError, OSError):
    """An export could not be written (a file in the way, a symbolic link, no space, no permission).

    The message is one line; files of an earlier export are left as they were.
    """
