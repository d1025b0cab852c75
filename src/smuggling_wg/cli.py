"""The ``smuggling-wg`` command: the dataset at a terminal, in tables for people and JSON, CSV or YAML for scripts.

Exit codes: 0 ok; 1 a query that found nothing, or data that failed validation; 2 a usage
error (an unknown option or value: the message names the valid values and the closest one).
Tables use rich, without colour or box drawing when stdout is not a terminal or NO_COLOR is set.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from ._language import LANGS, Lang, set_language
from .dataset import Dataset, load
from .errors import DataError, InvalidFilter, NotFound
from .models import Actor, AgendaItem, Organization, Record, State

__all__ = ["main"]

FORMATS = ("table", "json", "csv", "yaml")
EPILOG = """examples:
  smuggling-wg summary --lang en
  smuggling-wg recommendations --theme technology --modality encouraged
  smuggling-wg recommendations --topic digital_evidence --format csv
  smuggling-wg search "цифровые доказательства"
  smuggling-wg states --statements --include-panelists
  smuggling-wg show rec 8 | smuggling-wg show para 27 | smuggling-wg show actor ITA
  smuggling-wg export --format datapackage --out data/
"""


class UsageError(Exception):
    """Bad input from the command line: exit code 2."""


@dataclass(frozen=True)
class Column:
    """A column of a listing: header and how to get the cell from a record."""

    header: str
    get: Callable[[Any], object]


def _paras(numbers: Sequence[int]) -> str:
    return ", ".join(map(str, numbers))


def _name(ds: Dataset, actor_id: str) -> str:
    return ds.actor(actor_id).name.get()


# --- listings -------------------------------------------------------------------------------


def _recommendations(ds: Dataset, a: argparse.Namespace) -> tuple[list[Column], tuple[Any, ...]]:
    records: tuple[Any, ...] = ds.recommendations(
        meeting=a.meeting, theme=a.theme, modality=a.modality, text=a.text, topic=a.topic, provenance=a.provenance
    )
    if a.query:
        found = {id(h.record) for h in ds.search(a.query, meeting=a.meeting, kinds="recommendation")}
        records = tuple(r for r in records if id(r) in found)
    columns = [
        Column("no.", lambda r: r.number),
        Column("theme", lambda r: r.theme),
        Column("modality", lambda r: r.modality),
        Column("text", lambda r: r.text.get()),
        Column("para", lambda r: _paras(r.source)),
    ]
    return columns, records


def _states(ds: Dataset, a: argparse.Namespace) -> tuple[list[Column], tuple[Any, ...]]:
    if a.statements:
        records: tuple[Actor, ...] = ds.states_with_statements(a.meeting, include_panelists=a.include_panelists)
    else:
        chosen = ds.participants(a.meeting, status=a.status)
        records = tuple(s for s in (ds.actor(p.actor) for p in chosen) if isinstance(s, State))
    columns = [
        Column("id", lambda s: s.id),
        Column("name", lambda s: s.name.get()),
        Column("regional group", lambda s: s.regional_group or ""),
        Column("m49", lambda s: s.m49),
    ]
    return columns, records


def _participants(ds: Dataset, a: argparse.Namespace) -> tuple[list[Column], tuple[Any, ...]]:
    columns = [
        Column("actor", lambda p: p.actor),
        Column("name", lambda p: _name(ds, p.actor)),
        Column("status", lambda p: p.status),
        Column("para", lambda p: _paras(p.source)),
    ]
    return columns, ds.participants(a.meeting, status=a.status)


def _speakers(ds: Dataset, a: argparse.Namespace) -> tuple[list[Column], tuple[Any, ...]]:
    columns = [
        Column("no.", lambda s: s.order),
        Column("name", lambda s: s.name.get()),
        Column("position", lambda s: s.position.get()),
        Column("country", lambda s: s.actor),
        Column("item", lambda s: s.agenda_item),
        Column("para", lambda s: _paras(sorted({*s.source, *s.remarks}))),
    ]
    return columns, ds.speakers(a.meeting, agenda_item=a.agenda_item)


def _agenda(ds: Dataset, a: argparse.Namespace) -> tuple[list[Column], tuple[Any, ...]]:
    def title(item: AgendaItem) -> str:
        subs = "; ".join(f"{s.letter}) {s.title.get()}" for s in item.sub_items)
        return item.title.get() + (f": {subs}" if subs else "")

    columns = [Column("item", lambda i: i.number), Column("title", title), Column("para", lambda i: _paras(i.source))]
    return columns, ds.meeting(a.meeting).agenda


def _documents(ds: Dataset, a: argparse.Namespace) -> tuple[list[Column], tuple[Any, ...]]:
    columns = [
        Column("symbol", lambda d: d.symbol),
        Column("title", lambda d: d.title.get()),
        Column("para", lambda d: _paras(d.source)),
    ]
    return columns, ds.meeting(a.meeting).documents


def _topics(ds: Dataset, a: argparse.Namespace) -> tuple[list[Column], tuple[Any, ...]]:
    counts = dict(ds.counts("topic", meeting=a.meeting))
    columns = [
        Column("id", lambda t: t.id),
        Column("label", lambda t: t.label()),
        Column("recs", lambda t: counts.get(t.id, 0)),
    ]
    return columns, ds.topics


def _search(ds: Dataset, a: argparse.Namespace) -> tuple[list[Column], tuple[Any, ...]]:
    columns = [
        Column("kind", lambda h: h.kind),
        Column(
            "record", lambda h: getattr(h.record, "number", None) or getattr(h.record, "order", None) or h.record.id
        ),
        Column("para", lambda h: _paras(h.source)),
        Column("lang", lambda h: h.lang),
        Column("snippet", lambda h: h.snippet),
    ]
    return columns, ds.search(a.query, lang=a.search_lang, meeting=a.meeting, kinds=a.kind)


LISTINGS: dict[str, Callable[[Dataset, argparse.Namespace], tuple[list[Column], tuple[Any, ...]]]] = {
    "recommendations": _recommendations,
    "states": _states,
    "participants": _participants,
    "speakers": _speakers,
    "agenda": _agenda,
    "documents": _documents,
    "topics": _topics,
    "search": _search,
}


# --- output ---------------------------------------------------------------------------------


def _plain(value: object) -> Any:
    """A record or value as JSON-ready data."""
    from .search import SearchHit

    if isinstance(value, Record):
        return value.model_dump(mode="json")
    if isinstance(value, SearchHit):
        return {
            "kind": value.kind,
            "meeting": value.meeting,
            "source": list(value.source),
            "lang": value.lang,
            "score": value.score,
            "snippet": value.snippet,
            "record": _plain(value.record),
        }
    return value


def _console(stream: Any) -> Any:
    from rich.console import Console

    plain = not stream.isatty() or "NO_COLOR" in os.environ
    return Console(
        file=stream,
        no_color=plain,
        highlight=False,
        emoji=False,
        soft_wrap=False,
        force_terminal=False if plain else None,
        width=80 if plain else None,
    )


def _emit(columns: list[Column], records: Sequence[Any], fmt: str, title: str, out: Any) -> None:
    if fmt == "json":
        out.write(json.dumps([_plain(r) for r in records], ensure_ascii=False, indent=1) + "\n")
    elif fmt == "yaml":
        import yaml

        out.write(yaml.safe_dump([_plain(r) for r in records], allow_unicode=True, sort_keys=False))
    elif fmt == "csv":
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(c.header for c in columns)
        writer.writerows([_text(c.get(r)) for c in columns] for r in records)
    else:
        _table(columns, [[_text(c.get(r)) for c in columns] for r in records], title, out)


def _text(value: object) -> str:
    return "" if value is None else str(value)


def _table(columns: list[Column], rows: list[list[str]], title: str, out: Any) -> None:
    from rich import box
    from rich.table import Table

    console = _console(out)
    plain = console.no_color
    table = Table(
        title=title,
        box=None if plain else box.SIMPLE_HEAD,
        show_edge=False,
        pad_edge=False,
        title_justify="left",
        header_style="" if plain else "bold",
    )
    for index, column in enumerate(columns):
        wide = column.header in ("text", "title", "snippet", "position", "name", "label", "value")
        narrow = max([len(column.header), *(len(row[index]) for row in rows)])
        table.add_column(
            column.header,
            overflow="fold",
            ratio=3 if wide else None,
            no_wrap=not wide,
            min_width=None if wide else min(narrow, 28),
        )
    for row in rows:
        table.add_row(*row)
    console.print(table)


# --- commands -------------------------------------------------------------------------------


def _show(ds: Dataset, a: argparse.Namespace, out: Any) -> int:
    kind, key = a.what, a.key
    if kind in ("rec", "recommendation"):
        record: Any = ds.recommendation(_int(key, "recommendation number"), a.meeting)
    elif kind in ("para", "paragraph"):
        record = ds.paragraph(_int(key, "paragraph number"), a.meeting)
    elif kind == "speaker":
        record = ds.speakers(a.meeting)[_int(key, "speaker number") - 1] if key.isdigit() else None
        if record is None:
            raise UsageError(f"speaker number expected, got {key!r}")
    else:
        record = ds.actor(key)
    if a.format in ("json", "yaml"):
        _emit([], [record], a.format, "", out)
        return 0
    lines = _describe(ds, record)
    if a.format == "csv":
        csv.writer(out, lineterminator="\n").writerows([["field", "value"], *lines])
    else:
        _table(
            [Column("field", lambda r: r[0]), Column("value", lambda r: r[1])],
            [list(x) for x in lines],
            f"{type(record).__name__} {key}",
            out,
        )
    return 0


def _int(text: str, what: str) -> int:
    try:
        return int(text)
    except ValueError:
        raise UsageError(f"{what} expected, got {text!r}") from None


def _describe(ds: Dataset, record: Any) -> list[tuple[str, str]]:
    """A record as (field, value) lines for people, with its citation."""
    from .models import Paragraph, Recommendation, Speaker

    if isinstance(record, Recommendation):
        refs = "; ".join(
            f"{t.instrument}" + (f" art. {t.article}" if t.article else "") + f" ({t.provenance})"
            for t in record.treaty_refs
        )
        return [
            ("number", str(record.number)),
            ("cited from", f"para {_paras(record.source)}"),
            ("theme", record.theme),
            ("modality", record.modality),
            ("addressee", record.addressee),
            ("text (ru, the report)", record.text.ru),
            ("text (en, editorial)", record.text.en),
            ("topics (editorial)", ", ".join(t.topic for t in record.topics)),
            ("treaty references", refs),
            ("SDG targets (editorial)", ", ".join(s.target for s in record.sdg_targets)),
            ("specificity (editorial)", str(record.specificity.level) if record.specificity else ""),
        ]
    if isinstance(record, Paragraph):
        return [
            ("number", str(record.number)),
            ("chapter", record.chapter + (f".{record.section}" if record.section else "")),
            ("text (ru, the report)", record.text.ru),
            ("text (en, editorial)", record.text.en),
            ("topics (editorial)", ", ".join(t.topic for t in record.topics)),
        ]
    if isinstance(record, Speaker):
        return [
            ("name", record.name.get()),
            ("position", record.position.get()),
            ("country", record.actor),
            ("regional group", record.regional_group),
            ("agenda item", str(record.agenda_item)),
            ("cited from", f"paras {_paras(sorted({*record.source, *record.remarks}))}"),
        ]
    lines = [("id", record.id), ("kind", record.kind), ("name (ru)", record.name.ru), ("name (en)", record.name.en)]
    if isinstance(record, State):
        lines += [
            ("ISO alpha-2", record.alpha2),
            ("M49", record.m49),
            ("regional group", record.regional_group or "none"),
            ("group note", record.regional_group_note),
        ]
        lines += [(f"UN name ({k})", v) for k, v in (record.names.model_dump().items() if record.names else ())]
    elif isinstance(record, Organization):
        lines += [("acronym", record.acronym), ("note", record.note)]
    cited = [p for m in ds.meetings for p in m.participants if p.actor == record.id]
    lines += (
        [
            (f"meeting {m.number}", f"{p.status} (para {_paras(p.source)})")
            for m in ds.meetings
            for p in m.participants
            if p.actor == record.id
        ]
        if cited
        else [("participation", "none")]
    )
    return lines


def _export(ds: Dataset, a: argparse.Namespace, out: Any) -> int:
    from .export import export

    written = export(ds, a.export_format, a.out)
    out.write(f"wrote {len(written)} files to {a.out}\n")
    return 0


def _site(ds: Dataset, a: argparse.Namespace, out: Any) -> int:
    from .export import site

    try:
        written = site(ds, a.out, meeting=a.meeting, force=a.force)
    except (OSError, ImportError) as exc:
        raise UsageError(str(exc)) from None
    out.write(f"wrote {len(written)} files to {a.out}; open {os.path.join(a.out, 'index.html')}\n")
    return 0


def _schema(ds: Dataset, a: argparse.Namespace, out: Any) -> int:
    from . import models
    from .export import json_schema

    if a.file_format:
        from ._fileformat import file_schema

        schema = file_schema()
    elif a.model:
        cls = getattr(models, a.model, None)
        if not (isinstance(cls, type) and issubclass(cls, models.Record)) or cls is models.Record:
            names = sorted(
                n
                for n, c in vars(models).items()
                if isinstance(c, type) and issubclass(c, models.Record) and n != "Record"
            )
            raise InvalidFilter("model", a.model, names)
        schema = cls.model_json_schema()
    else:
        schema = json_schema()
    out.write(json.dumps(schema, ensure_ascii=False, indent=1) + "\n")
    return 0


def _validate(ds: Dataset | None, a: argparse.Namespace, out: Any) -> int:
    """Validate data files as additions to the bundled data (default: the bundled data and its YAML sources).

    The bundled data is always validated in full, and so are the files of ``$SMUGGLING_WG_PATH``
    (``load()`` would read them too).
    """
    from . import _loader
    from .dataset import PATH_VARIABLE, validate

    problems = validate(*a.paths)
    if problems:
        raise DataError(problems)
    also = f", with ${PATH_VARIABLE}" if os.environ.get(PATH_VARIABLE) else ""
    if not a.paths:
        bundle = _loader.read_yaml(_loader.data_dir() / name for name in _loader.SOURCE_FILES)
        counts = f"{len(bundle.meetings)} meetings, {len(bundle.actors)} actors"
        out.write(f"ok: the bundled data and sources, {counts}{also}\n")
        return 0
    files, _ = _loader.expand(a.paths)
    out.write(f"ok: {len(files)} file(s) load with the bundled data{also}\n")
    return 0


def _template(ds: Dataset | None, a: argparse.Namespace, out: Any) -> int:
    from ._sourcetext import read_source

    out.write(read_source("template.yaml"))
    return 0


def _summary(ds: Dataset, a: argparse.Namespace, out: Any) -> int:
    from ._summary import render

    out.write(render(ds, a.meeting) + "\n")
    return 0


# --- parser ---------------------------------------------------------------------------------


def _parser() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--format", choices=FORMATS, default="table", help="output format (default: table)")
    common.add_argument("--lang", choices=LANGS, default="ru", help="language of texts and names (default: ru)")
    common.add_argument("--meeting", type=int, default=7, help="meeting number (default: 7)")

    parser = argparse.ArgumentParser(
        prog="smuggling-wg",
        description="The report of the 7th meeting of the UN Working Group on the Smuggling of Migrants "
        "(Vienna, 8-9 September 2020) as data: every fact cited to its paragraph.",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="store_true", help="print the library and data versions and exit")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    def command(name: str, help_text: str, example: str, options: bool = True) -> argparse.ArgumentParser:
        made = sub.add_parser(
            name,
            parents=[common] if options else [],
            help=help_text,
            description=help_text,
            epilog=f"example:\n  {example}",
            formatter_class=argparse.RawDescriptionHelpFormatter,
        )
        made.set_defaults(format="table", lang="ru", meeting=7)
        return made

    command("summary", "dates, themes, who made statements, participation", "smuggling-wg summary --lang en")
    recs = command(
        "recommendations", "the recommendations, filtered", "smuggling-wg recommendations --theme technology"
    )
    recs.add_argument("--theme", help="crises or technology")
    recs.add_argument("--modality", help="should, encouraged or may_wish")
    recs.add_argument("--text", help="only those whose text contains this (case- and ё/е-insensitive)")
    recs.add_argument("--topic", action="append", help="an editorial topic id (repeat for any of several)")
    recs.add_argument("--query", help="only those matching this search query (stemmed, Russian or English)")
    recs.add_argument("--provenance", choices=("source", "editorial"), help="count only labels of this provenance")
    states = command(
        "states", "states: participating (by status) or that made statements", "smuggling-wg states --statements"
    )
    states.add_argument("--statements", action="store_true", help="only states that made statements (paras 23-24)")
    states.add_argument("--include-panelists", action="store_true", help="with --statements: add panellists' states")
    states.add_argument("--status", help="party, signatory or non_party")
    participants = command(
        "participants", "every participant with its status", "smuggling-wg participants --status organization"
    )
    participants.add_argument("--status", help="party, signatory, non_party, organization or permanent_observer")
    speakers = command("speakers", "the panellists", "smuggling-wg speakers --agenda-item 3")
    speakers.add_argument("--agenda-item", type=int, help="only those under this agenda item")
    command("agenda", "the agenda as adopted", "smuggling-wg agenda --lang en")
    command("documents", "the documents before the meeting", "smuggling-wg documents")
    command("topics", "the editorial topic vocabulary with counts", "smuggling-wg topics --lang en")
    search = command(
        "search", 'full-text search (stemmed; "phrases", -exclusions)', 'smuggling-wg search "цифровые доказательства"'
    )
    search.add_argument("query", help="the search query")
    search.add_argument("--kind", action="append", help="recommendation, paragraph, speaker, agenda_item or theme")
    search.add_argument("--search-lang", choices=LANGS, help="search only texts in this language")
    show = command("show", "one record in full, with its citation", "smuggling-wg show rec 8")
    show.add_argument("what", choices=("rec", "recommendation", "para", "paragraph", "actor", "speaker"))
    show.add_argument("key", help="a number, or an actor's code or name")
    export = command(
        "export",
        "write the data as JSON, YAML, CSV, a Frictionless Data Package or JSON Schemas",
        "smuggling-wg export --format datapackage --out data/",
        options=False,
    )
    export.add_argument(
        "--format", dest="export_format", choices=("json", "yaml", "csv", "datapackage", "schema"), required=True
    )
    export.add_argument("--out", required=True, help="folder to write into (created if needed)")
    site = command(
        "site",
        "write the web edition: a static site in Russian and English, searchable, for file:// or a server",
        "smuggling-wg site --out site/",
        options=False,
    )
    site.add_argument("--out", required=True, help="folder to write into (new, empty, or an earlier site)")
    site.add_argument("--meeting", type=int, default=7, help="meeting number (default: 7)")
    site.add_argument("--force", action="store_true", help="replace a folder that is not an earlier site")
    schema = command(
        "schema", "print the JSON Schema of the JSON export, or of one model", "smuggling-wg schema Recommendation"
    )
    schema.add_argument("model", nargs="?", help="a model name, e.g. Recommendation")
    schema.add_argument("--file-format", action="store_true", help="the schema of a YAML data file (format_version 1)")
    validate = command(
        "validate",
        "check YAML files that add to the bundled data (none: the bundled data itself), and those of "
        "$SMUGGLING_WG_PATH; every problem located",
        "smuggling-wg validate my-meeting.yaml",
        options=False,
    )
    validate.add_argument("paths", nargs="*", help="YAML files or folders to validate together")
    command(
        "template",
        "print a commented template for a meeting file of your own",
        "smuggling-wg template > my-meeting.yaml",
        options=False,
    )
    return parser


COMMANDS: dict[str, Callable[[Any, argparse.Namespace, Any], int]] = {
    "summary": _summary,
    "show": _show,
    "export": _export,
    "site": _site,
    "schema": _schema,
    "validate": _validate,
    "template": _template,
}


def main(argv: Sequence[str] | None = None, out: Any = None) -> int:
    """Run the command line; return the exit code (0 ok, 1 nothing found or bad data, 2 usage error)."""
    out = out or sys.stdout
    parser = _parser()
    argv = list(sys.argv[1:] if argv is None else argv)
    if not argv or (argv[0].startswith("-") and argv[0] not in ("-h", "--help", "--version")):
        argv.insert(0, "summary")  # the default command: the meeting summary
    args = parser.parse_args(argv)
    if args.version:
        from importlib.metadata import version

        from . import DATA_VERSION

        out.write(f"smuggling-wg {version('smuggling-wg')} (data {DATA_VERSION})\n")
        return 0
    command: str = args.command
    lang: Lang = args.lang
    set_language(lang)
    try:
        if command in ("validate", "template"):
            return COMMANDS[command](None, args, out)
        ds = load()
        if command in COMMANDS:
            return COMMANDS[command](ds, args, out)
        columns, records = LISTINGS[command](ds, args)
        if not records:
            print(f"smuggling-wg {command}: nothing found", file=sys.stderr)
            if args.format in ("json", "yaml"):
                _emit(columns, records, args.format, "", out)
            return 1
        _emit(columns, records, args.format, f"{command} (meeting {args.meeting})", out)
        return 0
    except (InvalidFilter, UsageError) as exc:
        print(f"smuggling-wg {command}: error: {exc}", file=sys.stderr)
        return 2
    except NotFound as exc:
        print(f"smuggling-wg {command}: {exc}", file=sys.stderr)
        return 1
    except DataError as exc:
        print(f"smuggling-wg {command}: {exc}", file=sys.stderr)
        return 1
    except BrokenPipeError:  # e.g. piped into head
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 0
    return 0  # pragma: no cover


def main_entry() -> None:
    """Console-script entry point: run :func:`main` and exit with its code."""
    sys.exit(main())
