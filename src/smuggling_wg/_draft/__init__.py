"""Draft a meeting's data from its report: ``smuggling_wg.draft`` and ``smuggling-wg draft``.

One job per module, in the order the text goes through them: :mod:`._input` reads the
report (text, PDF, .docx) within the limits of data files; :mod:`._clean` removes page
furniture; :mod:`._structure` finds chapters, sections, paragraphs and recommendations;
:mod:`._records`, :mod:`._lists`, :mod:`._people` and :mod:`._meeting` read the facts (names
resolved by :mod:`._actors`, the library's own lookup); :mod:`._writer` writes the data file.
What the draft cannot determine with certainty is a ``<<CHANGE: ...>>`` placeholder.
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..errors import DataError, Problem, file_shown, quoted
from ..models import MAX_MEETING

if TYPE_CHECKING:
    from ..dataset import Dataset

__all__ = ["Draft", "draft", "run"]


@dataclass(frozen=True)
class Draft:
    """A drafted data file: its YAML ``text``, where it came from, what it holds and what a person must resolve."""

    text: str
    name: str
    sha256: str
    number: int | None
    counts: dict[str, int]
    placeholders: tuple[Problem, ...]

    def summary(self) -> str:
        """What was drafted, in one line."""
        held = ", ".join(f"{count} {what}" for what, count in self.counts.items())
        meeting = f"meeting {self.number}" if self.number is not None else "a meeting (number not found)"
        name = file_shown(self.name)
        return f"drafted {meeting} from {name}: {held}; {len(self.placeholders)} placeholder(s) to resolve"


def draft(
    report: str | bytes | os.PathLike[str], *, number: int | None = None, dataset: Dataset | None = None
) -> Draft:
    """Draft a meeting's data file from the report of a meeting of the Working Group.

    ``report``: a path (``str`` without a line break, or ``os.PathLike``; ``-`` is standard
    input) to the report's text, PDF (``[pdf]`` extra) or .docx; or the text itself (``str``
    with line breaks); or the file's ``bytes``. ``number``: the meeting's number (default: the
    one the report gives in words). ``dataset``: whose actors names are resolved against
    (default: ``load()``, with ``$SMUGGLING_WG_PATH``). Raises :class:`~smuggling_wg.DataError`
    for input that is not a report (binary, empty, too large, no numbered paragraph).
    """
    from ..dataset import load
    from ._input import from_bytes, from_path, from_text

    if isinstance(report, bytes):
        source = from_bytes(report, "<bytes>")
    elif isinstance(report, str) and ("\n" in report or "\r" in report):
        source = from_text(report)
    elif isinstance(report, (str, os.PathLike)):
        source = from_path(report)
    else:
        raise DataError([Problem("", "", f"a report is a path, its text or its bytes: got {type(report).__name__}")])
    if number is not None and (
        not isinstance(number, int) or isinstance(number, bool) or not 1 <= number <= MAX_MEETING
    ):
        said = f"the meeting's number is an integer from 1 to {MAX_MEETING}: got {quoted(number)}"
        raise DataError([Problem(source.name, "", said)])
    return _drafted(source, number, dataset or load())


def _drafted(source: Any, number: int | None, ds: Dataset) -> Draft:
    from importlib.metadata import version

    from ._actors import Lookup
    from ._clean import clean
    from ._lists import agenda, documents
    from ._meeting import meeting_facts
    from ._people import chair, participants, speakers_and_statements
    from ._records import chapters, paragraphs, recommendations
    from ._sittings import numbered_meetings
    from ._structure import structure
    from ._writer import dump, placeholders

    lines = clean(source.text)
    skeleton = structure(lines.lines)
    if not skeleton.of("paragraph"):
        raise DataError(
            [Problem(source.name, "", "no numbered paragraph («1. ...»): this is not the text of a report")]
        )
    lookup = Lookup(ds)
    meeting = meeting_facts(skeleton, number)
    found_chair = chair(skeleton, lookup)
    the_agenda = agenda(skeleton)
    held_in: list[int] = []
    facts: dict[str, Any] = {}
    for key, value in meeting.items():
        if key == "title":
            facts[key] = value
            facts["symbol"] = lines.symbol
            facts["language"] = "ru"
        elif key == "__chair__":
            if found_chair:
                facts["chair"] = found_chair
        elif key == "__held_in__":
            held_in = value
        else:
            facts[key] = value
    sittings = numbered_meetings(skeleton, facts["meetings_held"], held_in, the_agenda, facts.get("end_date"))
    if sittings:  # after meetings_held, as in the data files
        ordered = list(facts.items())
        at = [k for k, _ in ordered].index("meetings_held") + 1
        facts = dict([*ordered[:at], ("numbered_meetings", sittings), *ordered[at:]])
    themes, recs = recommendations(skeleton)
    speakers, statements = speakers_and_statements(skeleton, lookup)
    facts |= {
        "chapters": chapters(skeleton),
        "themes": themes,
        "agenda": the_agenda,
        "speakers": speakers,
        "statements": statements,
        "participants": participants(skeleton, lookup),
        "documents": documents(skeleton, lines.links),
        "recommendations": recs,
        "paragraphs": paragraphs(skeleton),
    }
    text = dump({"format_version": 1, "meetings": [facts]}, source.name, source.sha256, version("smuggling-wg"))
    counts = {k: len(facts[k]) for k in ("paragraphs", "recommendations", "participants", "statements")}
    counts["agenda items"] = len(facts["agenda"])
    counts["panellists"] = len(speakers)
    counts["documents"] = len(facts["documents"])
    drafted_number = facts["number"] if isinstance(facts["number"], int) else None
    return Draft(text, source.name, source.sha256, drafted_number, counts, placeholders(text, source.name))


def run(report: str, number: int | None, out: str | None, force: bool, stdout: Any) -> int:
    """The ``smuggling-wg draft`` command: the file to ``out`` (or standard output), the summary to standard error."""
    from ._output import write

    # a name from the command line is always a file's name, even one holding a line break
    result = draft(report if report == "-" else Path(report), number=number)
    where = file_shown(out) if out else "<stdout>"
    if out:
        write(out, result.text, force)
    else:
        stdout.write(result.text)
    print(f"smuggling-wg draft: {result.summary()}", file=sys.stderr)
    for problem in result.placeholders:
        print(f"{where}:{problem.line}: {problem.path}: {problem.message.split(': ', 1)[-1]}", file=sys.stderr)
    if out:
        print(f"smuggling-wg draft: wrote {where}; next: smuggling-wg validate {where}", file=sys.stderr)
    return 0
