"""Hostile data files, one per case, each with the message it must give (issue 13 and our own finds).

Every case is run through the API (``validate``, ``load(extra=...)``), ``$SMUGGLING_WG_PATH``
and the command line (``test_hostile_files.py``). ``kind`` names the class of failure.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml

EXAMPLE = Path(__file__).resolve().parent.parent.parent / "examples" / "example-meeting.yaml"
_EXAMPLE_TEXT = EXAMPLE.read_text(encoding="utf-8")


@dataclass(frozen=True)
class Case:
    """A hostile file: its name, its class of failure, its bytes and (part of) the message it must give."""

    name: str
    kind: str
    content: bytes
    message: str


def _org(**fields: str) -> bytes:
    """A file adding one organization (``xorg``) with these fields changed."""
    record = {"kind": "intergovernmental_organization", "id": "xorg", "name": {"ru": "Организация Х"}}
    for key, value in fields.items():
        if key in ("ru", "en"):
            record["name"][key] = value  # type: ignore[index]
        else:
            record[key] = value
    return yaml.safe_dump({"actors": [record]}, allow_unicode=True).encode("utf-8")


def _meeting(old: str, new: str) -> bytes:
    """The example meeting (99) with one line of its text changed."""
    assert old in _EXAMPLE_TEXT, old
    return _EXAMPLE_TEXT.replace(old, new, 1).encode("utf-8")


_NAMES = "{ar: а, zh: б, en: Italia, fr: Italie, ru: Италия, es: Italia}"

CASES = [
    # 2. anything that used to escape as a traceback
    Case(
        "feb29",
        "traceback",
        b"meetings:\n- start_date: 2021-02-29\n",
        "feb29.yaml:2:15: meetings.0.start_date: '2021-02-29' is not a valid !!timestamp value",
    ),
    Case("month13", "traceback", b"x: 2021-13-01\n", "'2021-13-01' is not a valid !!timestamp value"),
    Case("time", "traceback", b"x: 2021-01-01 25:61:00\n", "is not a valid !!timestamp value (hour must be in 0..23)"),
    Case(
        "tagged-int",
        "traceback",
        b"meetings:\n- number: !!int abc\n",
        "meetings.0.number: Input should be a valid integer",
    ),
    Case("tagged-bool", "traceback", b"x: !!bool maybe\n", "'maybe' is not a valid !!bool value"),
    Case("tagged-float", "traceback", b"x: !!float one\n", "'one' is not a valid !!float value"),
    Case("complex-key", "traceback", b"[a, b]: 1\n", "1:1: a list used as a key"),
    Case("complex-key-mapping", "traceback", b"? {a: 1}\n: 2\n", "1:1: a mapping used as a key"),
    Case("annotations-not-a-list", "traceback", b"annotations: 5\n", "annotations must be a list"),
    Case(
        "annotations-wrong-shape",
        "traceback",
        b"annotations:\n- meeting: 7\n  recommendations: [1, 2]\n",
        "3:20: annotations.0.recommendations: Input should be a valid dictionary",
    ),
    Case(
        "annotation-fields-a-list",
        "traceback",
        b"annotations:\n- meeting: 7\n  recommendations: {1: [x]}\n",
        "annotations.0.recommendations.1: Input should be a valid dictionary",
    ),
    Case("replace-a-list", "traceback", b"replace: [7]\n", "1:10: replace: Input should be a valid dictionary"),
    Case(
        "replace-nested",
        "traceback",
        b"replace: {meetings: [[7]]}\n",
        "replace.meetings.0: Input should be a valid integer",
    ),
    Case(
        "number-a-list",
        "traceback",
        b"meetings:\n- number: [7]\n",
        "2:11: meetings.0.number: Input should be a valid integer",
    ),
    Case(
        "id-a-mapping",
        "traceback",
        b"actors:\n- {kind: state, id: {a: 1}}\n",
        "actors.0.id: Input should be a valid string",
    ),
    Case("deep-flow", "traceback", b"x: " + b"[" * 1000 + b"]" * 1000 + b"\n", "nest"),
    Case(
        "deep-block", "traceback", "".join("  " * i + "a:\n" for i in range(100)).encode(), "nested more than 32 levels"
    ),
    Case("multiple-documents", "traceback", b"a: 1\n---\nb: 2\n", "expected a single document"),
    Case(
        "nul-byte", "traceback", b"meetings: []\x00\n", "nul-byte.yaml:1:13: a character YAML does not allow: '\\x00'"
    ),
    Case("tab-indent", "traceback", b"meetings:\n\t- number: 8\n", "Hint: YAML is indented with spaces, not tabs"),
    Case("format-version-date", "coercion", b"format_version: 2020-01-01\n", "unsupported format_version 2020-01-01;"),
    Case(
        "format-version-quoted",
        "coercion",
        b'format_version: "1"\n',
        "unsupported format_version '1'; this library reads 1 Hint: write the number 1, without quotes",
    ),
    Case("not-utf8", "traceback", b"x: \xff\xfe\n", "not UTF-8: byte 0xff at offset 3"),
    Case("utf16", "traceback", "meetings: []\n".encode("utf-16"), "not UTF-8"),
    Case("top-level-list", "traceback", b"- 1\n", "expected a mapping at the top level, found list"),
    Case("top-level-null-key", "traceback", b"null: 1\n", "unexpected top-level key None"),
    Case("meetings-a-mapping", "traceback", b"meetings: {a: 1}\n", "meetings must be a list"),
    Case("sdg-targets-a-list", "traceback", b"sdg_targets: [1]\n", "sdg_targets must map target numbers"),
    Case("state-names-a-list", "traceback", b"state_names: [ITA]\n", "state_names must map ISO alpha-3 codes"),
    Case("sdg-target-a-number", "traceback", b"sdg_targets: {16.4: text}\n", "SDG target 16.4 is not text"),
    Case("long-key", "traceback", b"a" * 201 + b": 1\n", "a key of 201 characters; the limit is 200"),
    # our own: tags that would coerce silently, or have no constructor
    Case("binary-tag", "tags", b"data_version: !!binary aGk=\n", "the tag !!binary is not allowed"),
    Case("set-tag", "tags", b"x: !!set {a, b}\n", "the tag !!set is not allowed"),
    Case("merge-key", "tags", b"a: {b: 1}\nc:\n  <<: {d: 2}\n", "the tag !!merge is not allowed"),
    Case("python-tag", "tags", b"x: !!python/object/apply:os.system ['echo pwned']\n", "is not allowed"),
    Case("alias", "tags", b"a: &x [1]\nb: *x\n", "anchors and aliases (&name, *name) are not allowed"),
    # 3. silent coercions
    Case("octal", "coercion", _meeting("number: 99", "number: 010"), "found '010') Hint: write the number in plain"),
    Case("sexagesimal", "coercion", _meeting("number: 99", "number: 1:39"), "found '1:39') Hint: write the number"),
    Case("hexadecimal", "coercion", _meeting("number: 99", "number: 0x63"), "found '0x63')"),
    Case("underscore", "coercion", _meeting("number: 99", "number: 9_9"), "found '9_9')"),
    Case("boolean", "coercion", _meeting("number: 99", "number: true"), "found True) Hint: YAML reads true/false"),
    Case("float", "coercion", _meeting("number: 99", "number: 99.0"), "found 99.0) Hint: write a plain whole number"),
    Case("exponent", "coercion", _meeting("number: 99", "number: 1.0e+3"), "found 1000.0)"),
    Case("quoted-number", "coercion", _meeting("number: 99", "number: '99'"), "a number in quotes is text"),
    Case("huge-number", "coercion", _meeting("number: 99", "number: " + "9" * 5000), "a number of 5000 digits"),
    Case(
        "big-number", "coercion", _meeting("number: 99", "number: 9223372036854775808"), "less than or equal to 10000"
    ),
    Case("meeting-over-limit", "coercion", _meeting("number: 99", "number: 10001"), "less than or equal to 10000"),
    Case(
        "paragraph-over-limit",
        "coercion",
        _meeting("  paragraphs:\n  - number: 1\n", "  paragraphs:\n  - number: 10001\n"),
        "less than or equal to 10000",
    ),
    Case("date-a-number", "coercion", _meeting("start_date: 2099-06-01", "start_date: 0"), "a date written YYYY-MM-DD"),
    Case(
        "date-with-a-time",
        "coercion",
        _meeting("start_date: 2099-06-01", "start_date: 2099-06-01 00:00:00"),
        "meetings.0.start_date: Input should be a date written YYYY-MM-DD",
    ),
    # 4. loss or override of bundled data
    Case(
        "replace-without-record", "override", b"replace: {meetings: [7]}\n", "replaces meeting 7 but gives no meeting 7"
    ),
    Case("replace-nothing", "override", b"replace: {actors: [XYZ]}\n", "nothing to replace: no actor 'XYZ' exists"),
    Case("sdg-override", "override", b"sdg_targets: {'16.4': changed}\n", "SDG target '16.4' already exists"),
    Case("names-override", "override", f"state_names: {{ITA: {_NAMES}}}\n".encode(), "ITA already has its UN names"),
    Case("meeting-again", "override", _meeting("number: 99", "number: 7"), "meeting 7 already exists"),
    # 5. data that breaks bundled lookups
    Case("id-other-case", "lookup", _org(id="ita"), "actor 'ita' already exists as 'ITA'"),
    Case("acronym-of-a-state", "lookup", _org(acronym="ITA"), "'ita' already names ITA in the bundled data"),
    Case("name-of-a-state", "lookup", _org(en="Italy"), "'italy' already names ITA in the bundled data"),
    Case("russian-name-of-a-state", "lookup", _org(ru="Италия"), "'италия' already names ITA"),
    Case("acronym-of-an-organization", "lookup", _org(acronym="UNHCR"), "'unhcr' already names unhcr"),
    # 6. text a reader cannot see, or that acts on the terminal
    Case("escape-sequence", "invisible", _org(ru="\x1b[2JОрг"), "a control character, U+001B, at character 1"),
    Case("osc8-link", "invisible", _org(ru="Орг\x1b]8;;http://x\x07"), "a control character, U+001B"),
    Case("c1-control", "invisible", _org(ru="Орг\x9b"), "a control character, U+009B"),
    Case("bidi-override", "invisible", _org(ru="Орг\u202eгро"), "a bidirectional control character"),
    Case(
        "bidi-isolate",
        "invisible",
        _org(acronym="A\u2066B"),
        "a bidirectional control character (it reorders what a reader sees), U+2066",
    ),
    Case("spaces-only", "invisible", _org(ru="   "), "the text shows nothing"),
    Case("zero-width-only", "invisible", _org(ru="\u200b\u200d\ufeff"), "the text shows nothing"),
    Case("newline-in-name", "invisible", _org(ru="Орг\nвторая строка"), "one line"),
    Case("line-separator-in-name", "invisible", _org(ru="Орг\u2028вторая строка"), "one line"),
    Case("escape-in-a-key", "invisible", b'meetings: [{"\\e[2J": 1}]\n', "meetings.0.'\\x1b[2J': Extra inputs"),
    Case(
        "control-in-long-text",
        "invisible",
        _meeting("ru: Пример совещания (иллюстрация формата данных, не настоящий доклад)", 'ru: "Пример\\x07"'),
        "U+0007",
    ),
    # 7. spreadsheet formulas
    Case("formula-name", "formula", _org(ru='=HYPERLINK("http://x")'), "may not start with '='"),
    Case("formula-acronym", "formula", _org(acronym="@SUM"), "may not start with '@'"),
    Case("formula-plus", "formula", _org(en="+1"), "may not start with '+'"),
    Case("formula-minus", "formula", _org(acronym="-2"), "may not start with '-'"),
    Case(
        "formula-as-written", "formula", _meeting("as_written: Италия", "as_written: '=1+1'"), "may not start with '='"
    ),
]
