"""The ``smuggling-wg`` command: the dataset at a terminal, in tables for people and JSON, CSV or YAML for scripts.

Conventions, the same for every command:

* Exit codes: 0 ok; 1 a query that found nothing, data that failed validation, or an
  output that could not be written; 2 a usage error (an unknown option, command or value:
  the message names the valid values and the closest one); 130 interrupted (Ctrl-C);
  141 the reader of a pipe went away (``| head``), quietly.
* ``--format``: ``table`` for people (rich, without colour or box drawing when stdout is
  not a terminal or ``NO_COLOR`` is set; lines carry no trailing padding; ``COLUMNS`` sets
  the width); ``csv`` with the column names of the table exports; ``json`` and ``yaml``
  with the records as the JSON export writes them. A command that cannot give a format
  refuses it (exit 2).
* ``--lang ru|en``: the display language of texts and names (the data keeps both).
* ``--meeting N``: one meeting; by default every meeting loaded (a lookup of a numbered
  record says when more than one meeting has it).
* Data is printed as literal text: markup or control sequences in data never act on the terminal.
"""

from __future__ import annotations

import argparse
import json
import os
import signal
import sys
from collections.abc import Callable, Sequence
from typing import Any, NoReturn, get_args

from ._language import LANGS, set_display_language
from ._number import parse_number
from .dataset import Dataset, load
from .errors import DataError, InvalidFilter, NotFound, SmugglingWGError, closest, quoted, shortened
from .models import ActorProfile, Provenance, Record, State

__all__ = ["main", "main_entry"]

FORMATS = ("table", "json", "csv", "yaml")
EPILOG = """examples:
  smuggling-wg summary --lang en
  smuggling-wg recommendations --theme technology --modality encouraged
  smuggling-wg recommendations --topic digital_evidence --format csv
  smuggling-wg search "цифровые доказательства"
  smuggling-wg states --statements --include-panellists
  smuggling-wg show rec 8
  smuggling-wg show actor Italy
  smuggling-wg export --format datapackage --out data/
"""


class UsageError(SmugglingWGError):
    """Bad input from the command line: exit code 2."""

    exit_code = 2


# --- listings: each gives the records; how they look comes from their view and their table ---


def _recommendations(ds: Dataset, a: argparse.Namespace) -> tuple[Any, ...]:
    records: tuple[Any, ...] = ds.recommendations(
        meeting=a.meeting,
        theme=a.theme,
        modality=a.modality,
        text=a.text,
        topic=a.topic,
        provenance=a.provenance,
        specificity=a.specificity,
        sdg_target=a.sdg_target,
    )
    if a.query:  # the filtered recommendations the search finds, in their order (the very records: by identity)
        found = {id(h.record) for h in ds.search(a.query, meeting=a.meeting, kind="recommendation")}
        from . import Results  # the public class: the kept records still become a table and a DataFrame

        records = Results((r for r in records if id(r) in found), ds, type(records[0]) if records else None)
    return records


def _states(ds: Dataset, a: argparse.Namespace) -> tuple[Any, ...]:
    if a.statements:
        return ds.states_with_statements(meeting=a.meeting, include_panellists=a.include_panellists)
    if a.include_panellists:
        raise UsageError("--include-panellists goes with --statements (the states that made statements)")
    statuses = sorted({p.status for p in ds.participants(meeting=a.meeting) if isinstance(ds.actor(p.actor), State)})
    for status in a.status or ():
        if status.casefold() not in statuses:
            raise InvalidFilter("status of a state", status, statuses)
    chosen = ds.participants(meeting=a.meeting, status=a.status)
    return tuple(dict.fromkeys(s for s in (ds.actor(p.actor) for p in chosen) if isinstance(s, State)))


LISTINGS: dict[str, Callable[[Dataset, argparse.Namespace], tuple[Any, ...]]] = {
    "recommendations": _recommendations,
    "states": _states,
    "participants": lambda ds, a: ds.participants(meeting=a.meeting, status=a.status, actor=a.actor),
    "statements": lambda ds, a: ds.statements(
        meeting=a.meeting,
        kind=a.kind,
        actor=a.actor,
        agenda_item=a.agenda_item,
        include_group_items=a.include_group_items,
    ),
    "speakers": lambda ds, a: ds.speakers(meeting=a.meeting, agenda_item=a.agenda_item, actor=a.actor),
    "paragraphs": lambda ds, a: ds.paragraphs(meeting=a.meeting, topic=a.topic, standing=a.standing),
    "agenda": lambda ds, a: ds.agenda(meeting=a.meeting),
    "documents": lambda ds, a: ds.documents(meeting=a.meeting),
    "topics": lambda ds, a: ds.topics,
    "search": lambda ds, a: ds.search(
        a.query, language=a.search_language, meeting=a.meeting, kind=a.kind, standing=a.standing
    ),
}


# --- output ---------------------------------------------------------------------------------


def _plain(value: object) -> Any:
    """A record or hit as JSON-ready data (records as the JSON export writes them)."""
    from .search import SearchHit

    if isinstance(value, Record):
        return value.model_dump(mode="json")
    if isinstance(value, SearchHit):
        fields = {name: v for name, v in value.fields().items() if name != "record"}
        spans = [list(span) for span in value.spans]
        return {**fields, "source": list(value.source), "spans": spans, "record": _plain(value.record)}
    return value


#: The narrowest table the command lays out, whatever ``COLUMNS`` says.
MIN_WIDTH = 20


def _width(isatty: bool) -> int:
    """The width to lay tables out in: ``COLUMNS`` (at least :data:`MIN_WIDTH`), else the terminal's, else 80."""
    import shutil

    raw = os.environ.get("COLUMNS", "").strip()
    if raw.isdigit() and int(raw) > 0:
        return max(MIN_WIDTH, int(raw))
    return max(MIN_WIDTH, shutil.get_terminal_size((80, 24)).columns) if isatty else 80


def _console(stream: Any) -> Any:
    from rich.console import Console

    isatty = bool(getattr(stream, "isatty", lambda: False)())
    plain = not isatty or "NO_COLOR" in os.environ
    return Console(
        file=stream,
        no_color=plain,
        highlight=False,
        markup=False,
        emoji=False,
        soft_wrap=False,
        force_terminal=False if plain else None,
        width=_width(isatty),
    )


def _cell(value: object, styled: bool = False) -> Any:
    """A table cell as literal text; marked search matches in bold on a terminal, plain otherwise."""
    from rich.text import Text

    from ._views import marked

    plain, spans = marked("" if value is None else str(value))
    shown = Text(plain)
    for begin, end in spans if styled else ():
        shown.stylize("bold reverse", begin, end)
    return shown


def _print_table(header: list[str], rows: list[list[Any]], wide: set[str], title: str, out: Any) -> None:
    from rich import box
    from rich.table import Table

    console = _console(out)
    plain = console.no_color
    table = Table(
        title=title or None,
        box=None if plain else box.SIMPLE_HEAD,
        show_edge=False,
        pad_edge=False,
        title_justify="left",
        header_style="" if plain else "bold",
    )
    widths = []
    for index, label in enumerate(header):  # short columns keep their width, long ones wrap
        narrow = max([len(label), *(len(row[index].plain) for row in rows)])
        short = label not in wide and narrow <= 12
        widths.append(narrow if short else min(narrow, max(len(label), 10)))
        table.add_column(
            label, overflow="fold", ratio=3 if label in wide else None, no_wrap=short, min_width=widths[-1]
        )
    if sum(widths) + 2 * (len(widths) - 1) > console.width:  # too narrow for the columns: one record per block
        from rich.text import Text

        blocks = [Text(f"{label}: ").append_text(cell) for row in rows for label, cell in zip(header, row, strict=True)]
        per = len(header)
        with console.capture() as captured:
            for start in range(0, len(blocks), per):
                for block in blocks[start : start + per]:
                    console.print(block, overflow="fold")
                console.print()
        out.write(
            (title + "\n" if title else "") + "".join(line.rstrip() + "\n" for line in captured.get().splitlines())
        )
        return
    for row in rows:
        table.add_row(*row)
    if plain:  # piped: no trailing padding on any line
        with console.capture() as captured:
            console.print(table)
        out.write("".join(line.rstrip() + "\n" for line in captured.get().splitlines()))
    else:
        console.print(table)


def _emit(ds: Dataset, records: Sequence[Any], fmt: str, title: str, out: Any) -> None:
    """Records in ``fmt``: a table of their views, CSV of their table's columns, JSON or YAML of the records."""
    from . import _views

    if fmt == "json":
        out.write(json.dumps([_plain(r) for r in records], ensure_ascii=_ascii_only(out), indent=1) + "\n")
    elif fmt == "yaml":
        import yaml

        out.write(yaml.safe_dump([_plain(r) for r in records], allow_unicode=not _ascii_only(out), sort_keys=False))
    elif fmt == "csv":
        _csv(ds, records, out)
    else:
        header, values = _views.brief(records, ds)
        wide = _views.wide(type(records[0])) if records else set()
        styled = not _console(out).no_color
        _print_table(header, [[_cell(v, styled) for v in row] for row in values], wide, title, out)


def _csv(ds: Dataset, records: Sequence[Any], out: Any) -> None:
    """CSV with the column names, order and cells of the table exports (a search: one row per hit)."""
    import csv

    from ._tables import frame_rows, text_cell

    if len(records) == 1 and isinstance(records[0], ActorProfile):  # a profile: a row per role
        from ._tables import profile_rows

        columns, rows = profile_rows(records[0], ds.bundle)
    else:
        columns, rows = frame_rows(tuple(records), ds.bundle, getattr(records, "kind", None))
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(columns)
    writer.writerows([text_cell(v) for v in row] for row in rows)


def _title(command: str, a: argparse.Namespace) -> str:
    """A listing's title in the display language: what it lists, and of which meeting."""
    from . import _words

    try:
        title = _words.capital(_words.label(command, a.lang))
    except NotFound:  # a command the catalogue has no heading for: its name
        title = command
    return title if a.meeting is None else f"{title} ({_words.meeting_title(a.meeting, a.lang)})"


def _said(text: object, one_line: bool = False) -> str:
    r"""A message as the terminal is given it: what a terminal would obey or hide escaped.

    A file name, a path or a word the user gave can hold ESC (colours, an OSC 8 link, a cleared
    screen), a carriage return, a bidi override or a newline: each is shown as its ``\x..``
    escape, as a file name in a :class:`~smuggling_wg.errors.Problem` is. Newlines stay when the
    message has lines of its own, unless it is ``one_line``.
    """
    return "".join(c if c.isprintable() or (c == "\n" and not one_line) else repr(c)[1:-1] for c in str(text))


def _ascii_only(out: Any) -> bool:
    """True when the output's encoding cannot hold Cyrillic (then JSON escapes it)."""
    encoding = getattr(out, "encoding", None) or "utf-8"
    try:
        "ё".encode(encoding)
    except (UnicodeEncodeError, LookupError):
        return True
    return False


# --- commands -------------------------------------------------------------------------------

SHOWN = ("rec", "recommendation", "para", "paragraph", "actor", "speaker", "topic")


def _show(ds: Dataset, a: argparse.Namespace, out: Any) -> int:
    from . import _views, _words

    kind, key = a.what, " ".join(a.key)
    record: Any
    if kind in ("rec", "recommendation"):
        record = ds.recommendation(_int(key, "recommendation number"), meeting=a.meeting)
    elif kind in ("para", "paragraph"):
        record = ds.paragraph(_int(key, "paragraph number"), meeting=a.meeting)
    elif kind == "speaker":
        record = ds.speaker(_int(key, "speaker number"), meeting=a.meeting)
    elif kind == "topic":
        record = ds.topic(key)
    else:
        record = ds.profile(key)
    if a.format != "table":  # a profile whole: JSON and YAML its record, CSV a row per role (the exports' columns)
        _emit(ds, [record], a.format, "", out)
        return 0
    lines = _views.full(record, ds)
    field, value = _words.label("field", a.lang), _words.label("value", a.lang)
    if isinstance(record, ActorProfile):  # "Italy: profile", the name in the display language
        title = f"{record.actor.name.get(a.lang)}: {_words.label('profile', a.lang)}"
    else:  # "Recommendation 8", "Panellist 3", "Topic cyberspace"
        name = type(record).__name__.lower()
        word = _words.label(name, a.lang) if name == "topic" else _words.code("record_kind", name, a.lang)
        title = f"{_words.capital(word)} {key}"
    _print_table([field, value], [[_cell(label), _cell(shown)] for label, shown in lines], {value}, title, out)
    return 0


def _counts(ds: Dataset, a: argparse.Namespace, out: Any) -> int:
    """``counts DIMENSION``, ``crosstab ROW COLUMN``, ``participation``: the library's tables, in words or tidy rows."""
    from ._notebook import table
    from .analysis import tidy

    if a.command == "counts":
        shown: Any = ds.counts(a.dimension, meeting=a.meeting, provenance=a.provenance)
    elif a.command == "crosstab":
        shown = ds.crosstab(a.row, a.column, meeting=a.meeting, provenance=a.provenance)
    else:
        shown = ds.participation(meeting=a.meeting)
    if a.format == "table":
        _, header, rows = table(shown, a.lang)
        cells = [[_cell(v) for v in row] for row in rows]
        _print_table(
            header, cells, set(), _title("participants" if a.command == "participation" else "recommendations", a), out
        )
        return 0
    columns, counted = tidy(shown)
    if a.format == "csv":
        import csv

        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(columns)
        writer.writerows(counted)
        return 0
    _emit(ds, [dict(zip(columns, row, strict=True)) for row in counted], a.format, "", out)
    return 0


def _int(text: str, what: str) -> int:
    try:
        return parse_number(text)
    except ValueError:
        raise UsageError(f"{what} expected, got {quoted(text)}") from None


def _summary(ds: Dataset, a: argparse.Namespace, out: Any) -> int:
    from ._summary import document, render

    numbers = [m.number for m in ds.meetings] if a.meeting is None else [ds.meeting(a.meeting).number]
    if a.format in ("json", "yaml"):
        docs = [document(ds, n) for n in numbers]
        if a.format == "json":
            out.write(json.dumps(docs, ensure_ascii=_ascii_only(out), indent=1) + "\n")
        else:
            import yaml

            out.write(yaml.safe_dump(docs, allow_unicode=not _ascii_only(out), sort_keys=False))
        return 0
    width = _width(bool(getattr(out, "isatty", lambda: False)()))
    out.write("\n\n".join(render(ds, n, width=width) for n in numbers) + "\n")
    return 0


def _export(ds: Dataset, a: argparse.Namespace, out: Any) -> int:
    from .errors import ExportError
    from .export import export

    try:
        written = export(ds, a.export_format, a.out, force=a.force)
    except (ExportError, ImportError) as exc:
        print(f"smuggling-wg export: error: {_said(str(exc), one_line=True)}", file=sys.stderr)
        return 1
    out.write(f"wrote {len(written)} file{'s' if len(written) != 1 else ''} to {_said(a.out, one_line=True)}\n")
    return 0


def _site(ds: Dataset, a: argparse.Namespace, out: Any) -> int:
    from .export import site

    try:
        written = site(ds, a.out, meeting=a.meeting)
    except ImportError as exc:
        print(f"smuggling-wg site: error: {_said(str(exc), one_line=True)}", file=sys.stderr)
        return 1
    shown = _said(os.path.join(a.out, "index.html"), one_line=True)
    out.write(f"wrote {len(written)} files to {_said(a.out, one_line=True)}; open {shown}\n")
    return 0


def _schema(ds: Dataset | None, a: argparse.Namespace, out: Any) -> int:
    from . import models
    from .export import json_schema

    if a.file_format:
        from ._fileformat import file_schema

        schema = file_schema()
    elif a.model:
        names = sorted(
            n for n, c in vars(models).items() if isinstance(c, type) and issubclass(c, models.Record) and n != "Record"
        )
        found = {n.casefold(): n for n in names}.get(a.model.casefold())
        if found is None:
            raise InvalidFilter("model", a.model, names)
        schema = getattr(models, found).model_json_schema()
    else:
        schema = json_schema()
    if a.format == "yaml":
        import yaml

        out.write(yaml.safe_dump(schema, allow_unicode=True, sort_keys=False))
    else:
        out.write(json.dumps(schema, ensure_ascii=_ascii_only(out), indent=1) + "\n")
    return 0


def _validate(ds: Dataset | None, a: argparse.Namespace, out: Any) -> int:
    """Validate data files as additions to the bundled data (default: the bundled data and its YAML sources).

    The bundled data is always validated in full, and so are the files of ``$SMUGGLING_WG_PATH``
    (``load()`` would read them too). For good files, one line each says what the file adds
    and replaces. Parsing many files shows its progress on a terminal after a second.
    """
    import time

    from . import _loader
    from .dataset import PATH_VARIABLE, validate

    started = time.monotonic()

    def progress(done: int, total: int) -> None:
        if sys.stderr.isatty() and time.monotonic() - started > 1:
            sys.stderr.write(f"\rvalidating: {done:,} of {total:,} files" + ("\n" if done == total else ""))

    import warnings

    token = _loader.PROGRESS.set(progress)
    try:
        with warnings.catch_warnings(record=True) as caught:  # old keys still load: say so, as a note
            warnings.simplefilter("always", DeprecationWarning)
            problems = validate(*a.paths)
    finally:
        _loader.PROGRESS.reset(token)
    for note in dict.fromkeys(str(w.message) for w in caught if issubclass(w.category, DeprecationWarning)):
        print(f"smuggling-wg validate: note: {_said(note)}", file=sys.stderr)
    if problems:
        raise DataError(problems)
    also = f", with ${PATH_VARIABLE}" if os.environ.get(PATH_VARIABLE) else ""
    if not a.paths:
        bundle = _loader.read_yaml(_loader.data_dir() / name for name in _loader.SOURCE_FILES)
        counts = f"{len(bundle.meetings)} meetings, {len(bundle.actors)} actors"
        out.write(f"ok: the bundled data and sources, {counts}{also}\n")
        return 0
    done = _loader.summaries(_loader.bundled(), _loader.extra_paths(a.paths))
    out.write(f"ok: {len(done)} file(s) load with the bundled data{also}\n")
    out.write("".join(f"{name}: {what}\n" for name, what in done.items()))
    return 0


def _template(ds: Dataset | None, a: argparse.Namespace, out: Any) -> int:
    from ._sourcetext import read_source

    out.write(read_source("template.yaml"))
    return 0


def _mcp(ds: Dataset, a: argparse.Namespace, out: Any) -> int:
    """Serve the dataset to AI assistants over MCP on stdin/stdout (see :mod:`smuggling_wg._mcp`)."""
    try:
        from ._mcp import serve
    except ImportError as exc:  # a missing extra, as for export and site: exit 1
        print(
            f"smuggling-wg mcp: error: the MCP server needs the mcp package: pip install 'smuggling-wg[mcp]' ({exc})",
            file=sys.stderr,
        )
        return 1
    serve(ds)
    return 0


def _draft(ds: Dataset | None, a: argparse.Namespace, out: Any) -> int:
    from ._draft import run

    return run(a.report, a.number, a.out, a.force, out)


COMMANDS: dict[str, Callable[[Any, argparse.Namespace, Any], int]] = {
    "draft": _draft,
    "summary": _summary,
    "show": _show,
    "counts": _counts,
    "crosstab": _counts,
    "participation": _counts,
    "export": _export,
    "schema": _schema,
    "validate": _validate,
    "template": _template,
    "mcp": _mcp,
    "site": _site,
}
#: Commands that do not need the dataset loaded first.
WITHOUT_DATA = ("validate", "template", "schema", "draft")


# --- parser ---------------------------------------------------------------------------------


class _Parser(argparse.ArgumentParser):
    """argparse, quoting a value given as every message does (:func:`~smuggling_wg.errors.quoted`).

    The types below (:func:`number`, :func:`one_of`) word argparse's own messages for a bad
    number or choice; unrecognized arguments are listed here; any other message argparse makes
    is :func:`~smuggling_wg.errors.shortened`.
    """

    def parse_args(self, args: Sequence[str] | None = None, namespace: Any = None) -> Any:  # type: ignore[override]
        parsed, unknown = self.parse_known_args(args, namespace)
        if unknown:
            more = f" (and {len(unknown) - 5} more)" if unknown[5:] else ""
            self.error(f"unrecognized arguments: {' '.join(quoted(a) for a in unknown[:5])}{more}")
        return parsed

    def error(self, message: str) -> NoReturn:
        super().error(shortened(message))


def number(text: str) -> int:
    """An option's whole number, in the digits 0-9 (:func:`~smuggling_wg._number.parse_number`)."""
    try:
        return parse_number(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"invalid number value: {quoted(text)}") from None


def one_of(valid: Sequence[str]) -> Callable[[str], str]:
    """An option's value among ``valid``, in any case (argparse's ``choices``, its message quoting the value)."""

    def chosen(text: str) -> str:
        if text.casefold() not in valid:
            listed = ", ".join(map(repr, valid))
            raise argparse.ArgumentTypeError(f"invalid choice: {quoted(text)} (choose from {listed})")
        return text.casefold()

    return chosen


def _options(formats: Sequence[str] = FORMATS, lang: bool = True, meeting: bool = True) -> _Parser:
    """The options a command takes: only those it honours."""
    common = _Parser(add_help=False)
    common.add_argument(
        "--format",
        type=one_of(formats),
        choices=formats,
        default=formats[0],
        help=f"output format (default: {formats[0]})",
    )
    if lang:
        common.add_argument(
            "--lang",
            type=one_of(LANGS),
            choices=LANGS,
            default="ru",
            help="display language of texts and names (default: ru)",
        )
    if meeting:
        common.add_argument("--meeting", type=number, help="one meeting's (default: every meeting loaded)")
    return common


def _parser() -> _Parser:
    from ._formats import FORMATS as EXPORT_FORMATS  # the export registry's formats, not a copy

    parser = _Parser(
        prog="smuggling-wg",
        description="The report of the 7th meeting of the UN Working Group on the Smuggling of Migrants "
        "(Vienna, 8-9 September 2020) as data: every fact cited to its paragraph.",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="store_true", help="print the library and data versions and exit")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    def command(name: str, help_text: str, example: str, parents: Sequence[_Parser] = ()) -> _Parser:
        made = sub.add_parser(
            name,
            parents=list(parents),
            help=help_text,
            description=help_text,
            epilog=f"example:\n  {example}",
            formatter_class=argparse.RawDescriptionHelpFormatter,
        )
        own = {a.dest for a in made._actions}  # a command's own options keep their own defaults
        defaults = {"lang": "ru", "meeting": None, "format": "table"}
        made.set_defaults(**{k: v for k, v in defaults.items() if k not in own})
        return made

    listing = [_options()]
    command(
        "summary",
        "dates, themes, who made statements, participation",
        "smuggling-wg summary --lang en",
        [_options(("table", "json", "yaml"))],
    )
    recs = command(
        "recommendations", "the recommendations, filtered", "smuggling-wg recommendations --theme technology", listing
    )
    recs.add_argument("--theme", action="append", help="crises or technology (repeat for any of several)")
    recs.add_argument("--modality", action="append", help="should, encouraged or may_wish")
    recs.add_argument("--text", help="only those whose text contains this (case- and ё/е-insensitive)")
    recs.add_argument("--topic", action="append", help="an editorial topic id (repeat for any of several)")
    recs.add_argument("--specificity", type=number, action="append", help="editorial specificity level, 1-5")
    recs.add_argument("--sdg-target", action="append", help="an SDG target, e.g. 16.4")
    recs.add_argument("--query", help="only those matching this search query (stemmed, Russian or English)")
    recs.add_argument(
        "--provenance",
        type=one_of(get_args(Provenance)),
        choices=get_args(Provenance),
        help="count only labels of this provenance",
    )
    states = command(
        "states",
        "states: participating (by status) or that made statements",
        "smuggling-wg states --statements",
        listing,
    )
    states.add_argument("--statements", action="store_true", help="only states that made statements (paras 23-24)")
    states.add_argument(
        "--include-panellists",
        "--include-panelists",
        dest="include_panellists",
        action="store_true",
        help="with --statements: add panellists' states (--include-panelists: the old spelling)",
    )
    states.add_argument(
        "--status",
        action="append",
        help="a status states have in the data: party, signatory or non_party (repeat for several)",
    )
    participants = command(
        "participants", "every participant with its status", "smuggling-wg participants --status organization", listing
    )
    participants.add_argument(
        "--status", action="append", help="party, signatory, non_party, organization or permanent_observer"
    )
    participants.add_argument("--actor", action="append", help="an actor's code or name")
    statements = command(
        "statements", "who made statements, under which agenda items", "smuggling-wg statements --actor Italy", listing
    )
    statements.add_argument(
        "--kind", action="append", help="introductory, panel, party, observer_state or observer_organization"
    )
    statements.add_argument("--actor", action="append", help="an actor's code or name")
    statements.add_argument("--agenda-item", type=number, action="append", help="an agenda item's number")
    statements.add_argument(
        "--include-group-items",
        action="store_true",
        help="with --agenda-item, also statements whose items the report gives for a group of speakers (para 23)",
    )
    speakers = command("speakers", "the panellists", "smuggling-wg speakers --agenda-item 3", listing)
    speakers.add_argument("--agenda-item", type=number, action="append", help="only those under this agenda item")
    speakers.add_argument("--actor", action="append", help="a country's code or name")
    paragraphs = command(
        "paragraphs", "the report's paragraphs, filtered", "smuggling-wg paragraphs --standing chair_summary", listing
    )
    paragraphs.add_argument("--topic", action="append", help="an editorial topic id (repeat for any of several)")
    paragraphs.add_argument(
        "--standing", action="append", help="adopted, chair_summary or proceedings (repeat for any of several)"
    )
    command("agenda", "the agenda as adopted", "smuggling-wg agenda --lang en", listing)
    command("documents", "the documents before the meeting", "smuggling-wg documents", listing)
    command("topics", "the editorial topic vocabulary", "smuggling-wg topics --lang en", listing)
    search = command(
        "search",
        'full-text search (stemmed; "phrases", -exclusions, also as the first word)',
        'smuggling-wg search "цифровые доказательства" -киберпространства',
        listing,
    )
    search.add_argument("query", nargs="*", help='the search query: words, "phrases", -excluded words')
    search.add_argument("--kind", action="append", help="recommendation, paragraph, speaker, agenda_item or theme")
    search.add_argument(
        "--search-language", type=one_of(LANGS), choices=LANGS, help="search only the texts in this language"
    )
    search.add_argument(
        "--standing",
        action="append",
        help="adopted, chair_summary (the Chair's summary, not adopted) or proceedings (repeat for any of several)",
    )
    dimensions = "theme, modality, addressee_kind, specificity, topic, sdg_target, instrument or article"
    counts = command(
        "counts",
        "how many recommendations have each value of a dimension, zero counts included",
        "smuggling-wg counts theme --lang en",
        listing,
    )
    counts.add_argument("dimension", help=dimensions)
    crosstab = command(
        "crosstab",
        "how many recommendations have each pair of values of two dimensions, zero cells included",
        "smuggling-wg crosstab theme modality --format csv",
        listing,
    )
    crosstab.add_argument("row", help=f"the rows' dimension: {dimensions}")
    crosstab.add_argument("column", help="the columns' dimension (the same choice)")
    command(
        "participation",
        "participants counted by regional group and status, zero cells included",
        "smuggling-wg participation --lang en",
        listing,
    )
    for counting in (counts, crosstab):
        counting.add_argument("--provenance", help="count only labels of this provenance: source or editorial")
    show = command("show", "one record in full, with its citation", "smuggling-wg show actor Italy", listing)
    show.add_argument("what", type=one_of(SHOWN), choices=SHOWN)
    show.add_argument(
        "key", nargs="+", help="a number, an actor's code or name (several words: one name), or a topic id"
    )
    export = command(
        "export",
        "write the data as JSON, YAML, CSV, a Frictionless Data Package, JSON Schemas, SQLite (with Datasette "
        "metadata), Parquet or Akoma Ntoso XML",
        "smuggling-wg export --format datapackage --out data/",
    )
    export.add_argument(
        "--format",
        dest="export_format",
        type=one_of(EXPORT_FORMATS),
        choices=EXPORT_FORMATS,
        required=True,
        help="json: one document and its JSON Schema; yaml: one data file; csv: tidy tables; datapackage: the "
        "CSVs with a Frictionless descriptor; schema: every model's JSON Schema; sqlite: smuggling-wg.db with "
        "full-text search and Datasette's metadata.json [sqlite extra for datasette]; parquet: one file per "
        "table [parquet extra]; akn: the report as Akoma Ntoso 3.0 XML, Russian and English [akn extra]",
    )
    export.add_argument("--out", required=True, help="folder to write into (created if needed)")
    export.add_argument(
        "--force",
        action="store_true",
        help="overwrite files of the same name that no earlier smuggling-wg export wrote (symbolic links are "
        "never followed)",
    )
    site = command(
        "site",
        "write the web edition: a static site in Russian and English, searchable, for file:// or a server",
        "smuggling-wg site --out site/",
    )
    site.add_argument("--out", required=True, help="folder to write into (new, empty, or an earlier site)")
    site.add_argument(
        "--meeting", type=number, help="one meeting (default: every meeting loaded; several get a series page)"
    )
    schema = command(
        "schema",
        "print the JSON Schema of the JSON export, of one model, or of a data file",
        "smuggling-wg schema Recommendation",
        [_options(("json", "yaml"), lang=False, meeting=False)],
    )
    schema.add_argument("model", nargs="?", help="a model name, e.g. Recommendation")
    schema.add_argument("--file-format", action="store_true", help="the schema of a YAML data file (format_version 1)")
    validate = command(
        "validate",
        "check YAML files that add to the bundled data (none: the bundled data itself), and those of "
        "$SMUGGLING_WG_PATH; every problem located",
        "smuggling-wg validate my-meeting.yaml",
    )
    validate.add_argument("paths", nargs="*", help="YAML files or folders to validate together")
    command("template", "print a commented template for a meeting file of your own", "smuggling-wg template > my.yaml")
    draft = command(
        "draft",
        "draft a meeting's data file from its report (text, PDF with the pdf extra, .docx); every uncertain "
        "value a <<CHANGE: ...>> placeholder",
        "smuggling-wg draft report-08.ru.txt --out meeting-08.yaml",
    )
    draft.add_argument("report", help="the report: a text file, a PDF or a .docx (- for standard input)")
    draft.add_argument("--number", type=number, help="the meeting's number (default: the one the report gives)")
    draft.add_argument("--out", help="file to write (default: standard output); an earlier draft is replaced")
    draft.add_argument("--force", action="store_true", help="replace --out even if it is not an earlier draft")
    command(
        "mcp",
        "serve the queries to AI assistants over MCP (stdio), every answer cited; needs smuggling-wg[mcp]",
        "smuggling-wg mcp",
    )
    return parser


def _subcommands(parser: argparse.ArgumentParser) -> dict[str, argparse.ArgumentParser]:
    """Each command's own parser, by name."""
    sub = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    return dict(sub.choices)


def _commands(parser: argparse.ArgumentParser) -> list[str]:
    return list(_subcommands(parser))


def _search_words(argv: list[str], parser: argparse.ArgumentParser) -> list[str]:
    """``search`` takes words that start with one ``-`` (exclusions) anywhere, also first: they are not options.

    A token that starts with ``--`` is an option (an unknown one is a usage error), and ``--``
    alone ends the options, as everywhere.
    """
    if not argv or argv[0] != "search":
        return argv
    options = {o for a in _subcommands(parser)["search"]._actions for o in a.option_strings}
    rest, words, expects_value = ["search"], [], False
    for position, token in enumerate(argv[1:], 1):
        if expects_value:
            rest.append(token)
            expects_value = False
        elif token == "--":
            words += argv[position + 1 :]
            break
        elif token.split("=")[0] in options or token.startswith("--"):
            rest.append(token)
            expects_value = "=" not in token and token not in ("-h", "--help") and token in options
        else:
            words.append(token)
    return [*rest, "--", *words] if words else rest


def main(argv: Sequence[str] | None = None, out: Any = None) -> int:
    """Run the command line; return the exit code (see the module docstring)."""
    out = out or sys.stdout
    parser = _parser()
    args_list = list(sys.argv[1:] if argv is None else argv)
    if not args_list or (args_list[0].startswith("-") and args_list[0] not in ("-h", "--help", "--version")):
        args_list.insert(0, "summary")  # the default command: the meeting summary
    commands = _commands(parser)
    if args_list[0] not in (*commands, "-h", "--help", "--version"):
        close = closest(args_list[0], commands, n=1)
        hint = f" Did you mean {close[0]!r}?" if close else ""
        print(
            f"smuggling-wg: error: unknown command {quoted(args_list[0])}.{hint} Commands: {', '.join(commands)}.",
            file=sys.stderr,
        )
        return 2
    try:
        args = parser.parse_args(_search_words(args_list, parser))
    except SystemExit as exc:  # argparse: usage errors exit 2, --help exits 0
        return int(exc.code or 0)
    if args.version:
        from ._about import DATA_VERSION, version

        out.write(f"smuggling-wg {version()} (data {DATA_VERSION})\n")
        return 0
    command: str = args.command
    if "--include-panelists" in args_list:
        print(
            "smuggling-wg: note: --include-panelists is deprecated, use --include-panellists (removed in 2.0)",
            file=sys.stderr,
        )
    set_display_language(args.lang)
    if command == "search":
        args.query = " ".join(args.query)
        if not args.query.strip():
            print("smuggling-wg search: error: a query is needed, e.g. smuggling-wg search evidence", file=sys.stderr)
            return 2
    try:
        if command in WITHOUT_DATA:
            return COMMANDS[command](None, args, out)
        ds = load()
        if command in COMMANDS:
            return COMMANDS[command](ds, args, out)
        records = LISTINGS[command](ds, args)
        explanation = getattr(records, "explanation", None)  # a search says what it did with the query
        for line in explanation.lines() if explanation is not None else ():
            print(f"smuggling-wg {command}: note: {_said(line, one_line=True)}", file=sys.stderr)
        if not records:
            print(f"smuggling-wg {command}: nothing found", file=sys.stderr)
            if args.format in ("json", "yaml") or (args.format == "csv" and getattr(records, "kind", None)):
                _emit(ds, records, args.format, "", out)  # an empty list, or the header alone
            return 1
        _emit(ds, records, args.format, _title(command, args), out)
        return 0
    except SmugglingWGError as exc:  # the error says its exit code: 2 for a bad value, 1 otherwise
        print(f"smuggling-wg {command}: {'error: ' if exc.exit_code == 2 else ''}{_said(str(exc))}", file=sys.stderr)
        return exc.exit_code


def main_entry() -> None:
    """Console-script entry point: run :func:`main` as a well-behaved Unix tool and exit with its code.

    A closed pipe exits quietly (141), Ctrl-C exits 130 without a traceback, an output that
    cannot be written (a full disk, a closed stdout) is one line and exit 1, and an output
    encoding that cannot hold Cyrillic is written in UTF-8 when redirected (data), and as escapes
    with a note on a terminal.
    """
    if sys.stdout is None:  # started with stdout closed (>&-)
        if sys.stderr is not None:
            print("smuggling-wg: error: standard output is closed", file=sys.stderr)
        sys.exit(1)
    if _ascii_only(sys.stdout):
        if not sys.stdout.isatty():  # data for a file or a program: its bytes are UTF-8, never altered
            sys.stdout.reconfigure(encoding="utf-8")  # type: ignore[union-attr]
        else:  # a person at a terminal that cannot show Cyrillic: escapes, and a note saying so
            sys.stdout.reconfigure(errors="backslashreplace")  # type: ignore[union-attr]
            if sys.stderr is not None:
                sys.stderr.reconfigure(errors="backslashreplace")  # type: ignore[union-attr]
                print(
                    f"smuggling-wg: note: the terminal's encoding ({sys.stdout.encoding}) cannot show Cyrillic; "
                    "it is shown as \\u escapes (set PYTHONIOENCODING=utf-8 or a UTF-8 locale)",
                    file=sys.stderr,
                )
    try:
        code = main()
        sys.stdout.flush()
    except KeyboardInterrupt:
        _quiet_stdout()
        sys.exit(130)
    except BrokenPipeError:
        _quiet_stdout()
        sys.exit(128 + signal.SIGPIPE)
    except OSError as exc:
        _quiet_stdout()
        print(f"smuggling-wg: error: cannot write the output: {exc.strerror or exc}", file=sys.stderr)
        sys.exit(1)
    sys.exit(code)


def _quiet_stdout() -> None:
    """Point stdout at /dev/null, so that Python's final flush of a broken output says nothing."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):
        pass
