"""Generate the codebook (docs/codebook.md) from the models and the bundled data, so it cannot drift.

    python tools/codebook.py          # write docs/codebook.md
    python tools/codebook.py --check  # exit 1 if docs/codebook.md is out of date

For every model and field: its type, allowed values, meaning (the field's description),
whether its values are the report's own, editorial, reference data or mixed (the origin each
field declares in models.py, ``json_schema_extra={"origin": ...}``), and for record types the
report paragraphs their records come from in the bundled data.
"""

from __future__ import annotations

import sys
import types
import typing
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from pydantic import BaseModel

import smuggling_wg as swg
from generated import run
from smuggling_wg import models

ROOT = Path(__file__).resolve().parent.parent
TARGET = ROOT / "docs" / "codebook.md"
#: The rules behind the editorial links (tests/test_link_rules.py applies them to every recommendation).
LINK_RULES = ROOT / "analysis" / "link-rules.yaml"
ORDER = (
    "Bundle",
    "Meeting",
    "Paragraph",
    "Chapter",
    "Section",
    "Theme",
    "Recommendation",
    "TopicTag",
    "TreatyRef",
    "SdgLink",
    "Specificity",
    "AgendaItem",
    "AgendaSubItem",
    "Speaker",
    "Statement",
    "Participant",
    "Document",
    "Resolution",
    "PriorMeeting",
    "NumberedMeeting",
    "FormatDecision",
    "Chair",
    "Quantity",
    "Text",
    "State",
    "UnNames",
    "FormerNames",
    "Organization",
    "Topic",
    "Instrument",
)


def _type(annotation: object) -> str:
    """A readable type: Annotated constraints dropped, Literals as their value type."""
    origin, args = typing.get_origin(annotation), typing.get_args(annotation)
    if origin is typing.Annotated:
        return _type(args[0])
    if origin is typing.Literal:
        return type(args[0]).__name__
    if origin in (typing.Union, types.UnionType):
        return " | ".join(dict.fromkeys(_type(a) for a in args))
    if origin in (tuple, list, dict):
        inner = ", ".join("..." if a is Ellipsis else _type(a) for a in args)
        return f"{origin.__name__}[{inner}]"
    return getattr(annotation, "__name__", str(annotation)).replace("NoneType", "None")


def _literals(annotation: object) -> list[str]:
    """Every literal value an annotation allows, flattened through unions and Annotated."""
    if typing.get_origin(annotation) is typing.Literal:
        return [str(v) for v in typing.get_args(annotation)]
    return [v for arg in typing.get_args(annotation) for v in _literals(arg)]


def origin(model: str, field: str) -> str:
    """The origin a field declares (:func:`smuggling_wg.models.origin_of`); none is an error (never a guess)."""
    try:
        return models.origin_of(getattr(models, model), field)
    except TypeError as exc:
        raise SystemExit(f"{exc}: add json_schema_extra=_origin(...) in models.py") from None


def _records(ds: swg.Dataset) -> dict[str, list[BaseModel]]:
    """Every record of the bundled data by model name (found by walking the dataset)."""
    found: dict[str, list[BaseModel]] = {}
    stack: list[object] = [ds.bundle]
    while stack:
        item = stack.pop()
        if isinstance(item, BaseModel):
            found.setdefault(type(item).__name__, []).append(item)
            stack.extend(getattr(item, name) for name in type(item).model_fields)
        elif isinstance(item, tuple | list):
            stack.extend(item)
        elif isinstance(item, dict):
            stack.extend(item.values())
    return found


def _ranges(numbers: set[int]) -> str:
    """{3, 4, 5, 9} -> '3–5, 9'."""
    out: list[str] = []
    for n in sorted(numbers):
        if out and out[-1].split("–")[-1] == str(n - 1):
            out[-1] = f"{out[-1].split('–')[0]}–{n}"
        else:
            out.append(str(n))
    return ", ".join(out)


def _sections() -> Iterator[str]:
    ds = swg.load()
    records = _records(ds)
    for name in ORDER:
        cls = getattr(models, name)
        doc = (cls.__doc__ or "").strip().splitlines()[0]
        yield f"## {name}\n\n{doc}\n"
        cited = {n for r in records.get(name, []) for n in getattr(r, "source", ())}
        count = len(records.get(name, []))
        if count:
            where = f", from paragraphs {_ranges(cited)}" if cited else ""
            yield f"In the bundled data: {count} record{'s' if count != 1 else ''}{where}.\n"
        yield "| field | type | allowed values | origin | meaning |\n|---|---|---|---|---|"
        for field, info in cls.model_fields.items():
            description = (info.description or "").replace("|", "\\|").replace("\n", " ")
            values = ", ".join(f"`{v}`" for v in _literals(info.annotation))
            kind = _type(info.annotation).replace("|", "\\|")
            yield f"| `{field}` | `{kind}` | {values} | {origin(name, field)} | {description} |"
        yield ""


def link_rules() -> list[dict[str, Any]]:
    """The rules behind the editorial links, as ``analysis/link-rules.yaml`` writes them."""
    import yaml

    rules: list[dict[str, Any]] = yaml.safe_load(LINK_RULES.read_text(encoding="utf-8"))["rules"]
    return rules


def _cell(text: object) -> str:
    return str(text).replace("|", "\\|").replace("\n", " ")


def _rules() -> Iterator[str]:
    """The section that says when each editorial treaty link and SDG link is made."""
    yield "## Rules of the editorial links\n"
    yield (
        "When this library links a recommendation to a treaty article or an SDG target (`TreatyRef` with "
        '`provenance="editorial"`, `SdgLink`). A rule applies when the recommendation\'s Russian text has '
        "one of its wordings (regular expressions, case-insensitive) and none of its exceptions; "
        "`tests/test_link_rules.py` checks both ways for every recommendation: a rule that applies gives its "
        "link, and every editorial link is given by a rule, so the same wording gets the same link. Source: "
        "`analysis/link-rules.yaml`. The report's own references (recommendation 8: art. 19 of the Convention; "
        "recommendation 14: the Protocol) are not editorial and follow no rule.\n"
    )
    yield "| link | where | when | wording | except |\n|---|---|---|---|---|"
    for rule in link_rules():
        wording = ", ".join(f"`{w}`" for w in rule["wording"])
        unless = ", ".join(f"`{u}`" for u in rule.get("unless", ()))
        unless += f" ({rule['unless_why']})" if unless else ""
        cells = [f"`{rule['link']}`", rule.get("where", ""), rule["when"], wording, unless]
        yield "| " + " | ".join(_cell(c) for c in cells) + " |"
    yield ""


def render() -> str:
    """The whole codebook as Markdown."""
    head = [
        "# Codebook",
        "",
        "Every model and field of the data. *origin*: **report** — the value is the report's own "
        "(texts copied exactly, facts as stated); **editorial** — this library's judgment or translation "
        "(marked in the data too); **reference** — a standard outside the report (ISO and M49 codes, UN "
        "names and regional groups, treaty article titles, SDG targets); **mixed** — record by record, as the "
        "record's `provenance` says (the report's own treaty references and this library's links). Each field "
        "declares its origin in the models; generated from them and the bundled data by `tools/codebook.py`; "
        "a test fails if it is out of date or a field has no description or no origin.",
        "",
    ]
    return "\n".join([*head, *_sections(), *_rules()]).rstrip("\n") + "\n"


def main(argv: list[str] | None = None) -> int:
    """Write the codebook, or with --check only compare it; return the exit code."""
    return run(__doc__ or "", "codebook.py", lambda: {TARGET: render()}, argv)


if __name__ == "__main__":
    sys.exit(main())
