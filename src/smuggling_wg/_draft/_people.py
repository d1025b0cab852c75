"""Who was there and who spoke: participants by status, statements, panellists, the chair.

Each reads the sentences the report template uses for it (quoted in the patterns below);
names are resolved by :class:`~smuggling_wg._draft._actors.Lookup`, and a name it cannot
resolve to exactly one actor becomes a placeholder naming the candidates.
"""

from __future__ import annotations

import re
from typing import Any

from ._actors import Lookup, Resolved
from ._change import change, items_of
from ._russian import split_list
from ._structure import Block, Skeleton

__all__ = ["chair", "participants", "speakers_and_statements"]

Record = dict[str, Any]

#: The sentence opening each list of participants, and the status it gives.
_STATUS = (
    (re.compile(r"^На совещании были представлены следующие участники [^:]*:\s*"), "party"),
    (re.compile(r"^Наблюдателями были представлены следующие государства, подписавшие [^:]*:\s*"), "signatory"),
    (re.compile(r"^Наблюдателями были представлены следующие государства, не являющиеся [^:]*:\s*"), "non_party"),
    (
        re.compile(r"^Наблюдателями были представлены следующие (?:межправительственные )?организации[^:]*:\s*"),
        "organization",
    ),
)
_PERMANENT = re.compile(
    r"^Наблюдател\w+ (?:был|была|было|были) представлен\w* (.+?) — организаци\w+, имеющ\w+ постоянн"
)
_OTHER_LIST = re.compile(r"^(?:Наблюдател\w+ (?:был|была|было|были) представлен\w*|На совещании были представлены)")


def _names(text: str, lookup: Lookup) -> list[tuple[str, Resolved]]:
    """The names of a list «А, Б и В.», each resolved; the last «и» is read where both sides name an actor."""
    parts = split_list(text.rstrip(" ."))
    if not parts:
        return []
    *head, last = parts
    out = [(name, lookup.resolve(name)) for name in head]
    splits = [m.start() for m in re.finditer(r" и ", last)]
    whole = lookup.resolve(last)
    readings = [[(last, whole)]] if whole.actor else []
    for at in splits:
        left, right = last[:at], last[at + 3 :]
        pair = [(left, lookup.resolve(left)), (right, lookup.resolve(right))]
        if all(r.actor for _, r in pair):
            readings.append(pair)
    if len(readings) == 1:
        return out + readings[0]
    if not readings and splits:  # nothing resolves: the last «и» is the list's, but say so
        left, right = last[: splits[-1]], last[splits[-1] + 3 :]
        why = "; the list's last «и» was read as the one before the last name: check the split"
        pair = [(part, lookup.resolve(part)) for part in (left, right)]
        return out + [(part, found if found.actor else Resolved(None, found.problem + why)) for part, found in pair]
    if not readings:
        return [*out, (last, whole)]
    shown = " or ".join(" + ".join(f"«{n}»" for n, _ in r) for r in readings)
    return [*out, (last, Resolved(None, f"«{last}» can be read as {shown}: say which (one record per name)"))]


def _actor(resolved: Resolved) -> str:
    return resolved.actor or change(resolved.problem)


def participants(skeleton: Skeleton, lookup: Lookup) -> list[Record]:
    """Everyone the report lists as represented (chapter «Участники»), with status and actor."""
    out: list[Record] = []
    for block in skeleton.of("paragraph"):
        text = block.text
        permanent = _PERMANENT.match(text)
        if permanent:
            name = permanent.group(1)
            out.append(_participant(name, lookup.resolve(name), "permanent_observer", block))
            continue
        for pattern, status in _STATUS:
            opening = pattern.match(text)
            if opening:
                out += [_participant(n, r, status, block) for n, r in _names(text[opening.end() :], lookup)]
                break
        else:
            if _OTHER_LIST.match(text) and ":" in text:
                why = f"paragraph {block.number} lists participants in words the draft does not know: give their status"
                out += [_participant(n, r, change(why), block) for n, r in _names(text.split(":", 1)[1], lookup)]
    return out


def _participant(name: str, resolved: Resolved, status: str, block: Block) -> Record:
    return {"actor": _actor(resolved), "status": status, "as_written": name, "source": [block.number]}


_GROUPS = {
    "африканских": "african",
    "азиатско-тихоокеанских": "asia_pacific",
    "восточноевропейских": "eastern_european",
    "латиноамериканских и карибских": "latin_american_caribbean",
    "западноевропейских и других": "western_european_other",
}
_NAME = r"[А-ЯЁ][а-яё]+(?:-[А-ЯЁ]?[а-яё]+)?(?:\s+[А-ЯЁ][а-яё]+(?:-[А-ЯЁ]?[а-яё]+)?)*"
#: «Первой от имени Группы африканских государств выступила директор ... г-жа Аманда Ледваба.»
_INTRODUCED = re.compile(
    rf"(?:от имени Группы ([а-яё\- ]+?) государств\s+)?выступил[аи]?\s+([^.]*?),?\s+(г-жа|г-н)\s+({_NAME})\.(?=\s|$)"
)
#: «По пункту 2 повестки дня обсуждение ... вели следующие члены дискуссионной группы: г-жа Ледваба (Южная Африка), ...»
_PANEL = re.compile(r"^По пункту (\d+) повестки дня[^:]*член\w* дискуссионной группы:\s*(.+?)\.?$")
_PANELLIST = re.compile(rf"^(г-жа|г-н)\s+({_NAME})\s+\(([^)]+)\)$")
_INTRODUCTORY = re.compile(r"вступительн\w+ заявлени\w+.*?выступил[аи]?\s+(представител\w+\s+(.+?))\.?$")
_PARTIES = re.compile(r"^С заявлениями[^:]*?выступили представители следующих участников[^:]*:\s*(.+)$")
_OBSERVERS = re.compile(r"(?:выступили|заслушала заявлени\w+) наблюдател\w+ от (.+)$")


def _capital(honorific: str) -> str:
    return honorific[:1].upper() + honorific[1:]


def speakers_and_statements(skeleton: Skeleton, lookup: Lookup) -> tuple[list[Record], list[Record]]:
    """The panellists (intro sentence + panel list + the paragraphs on their remarks) and the statements."""
    paragraphs = skeleton.of("paragraph")
    introduced: list[tuple[Block, re.Match[str]]] = [
        (block, match) for block in paragraphs for match in _INTRODUCED.finditer(block.text)
    ]
    speakers: list[Record] = []
    statements: list[Record] = []
    used: set[int] = set()
    for block in paragraphs:
        text = block.text
        panel = _PANEL.match(text)
        if panel:
            item = int(panel.group(1))
            for entry in re.split(r",\s+|\s+и\s+(?=г-)", panel.group(2)):
                speaker, statement = _panellist(entry.strip(), item, block, introduced, used, paragraphs, lookup)
                speaker["order"] = statement["speaker"] = len(speakers) + 1
                speakers.append(speaker)
                statements.append(statement)
            continue
        intro = _INTRODUCTORY.search(text)
        if intro:
            resolved = lookup.resolve(intro.group(1))
            if not resolved.actor:
                resolved = lookup.resolve(intro.group(2))
            statements.append(_statement(resolved, "introductory", items_of(text), intro.group(1), [block.number]))
            continue
        parties = _PARTIES.match(text)
        observers = None if parties else _OBSERVERS.search(text)
        for found, kind in ((parties, "party"), (observers, None)):
            if found:
                names = _names(found.group(1), lookup)
                for name, resolved in names:
                    fixed = kind or {"state": "observer_state", "organization": "observer_organization"}.get(
                        resolved.kind,
                        change(f"is «{name}» a state or an organization? observer_state or observer_organization"),
                    )
                    record = _statement(resolved, fixed, items_of(text), name, [block.number])
                    if record["agenda_items"] and len(names) > 1:  # the items are said of the list, not of each
                        record = {**dict(list(record.items())[:3]), "agenda_attribution": "group", **record}
                    statements.append(record)
    return speakers, statements


def _statement(resolved: Resolved, kind: str, items: list[int], name: str, source: list[int]) -> Record:
    return {"actor": _actor(resolved), "kind": kind, "agenda_items": items, "as_written": name, "source": source}


def _panellist(
    entry: str,
    item: int,
    block: Block,
    introduced: list[tuple[Block, re.Match[str]]],
    used: set[int],
    paragraphs: list[Block],
    lookup: Lookup,
) -> tuple[Record, Record]:
    listed = _PANELLIST.match(entry)
    if not listed:
        why = f"paragraph {block.number} names a panellist as «{entry}»: write the honorific, name and country"
        resolved = Resolved(None, why)
        honorific, surname, country = change(why), change(why), entry
    else:
        honorific, surname, country = listed.groups()
        resolved = lookup.resolve(country)
    intro = next(
        (
            (b, m)
            for i, (b, m) in enumerate(introduced)
            if i not in used
            and m.group(3) == honorific
            and (m.group(4) == surname or m.group(4).endswith(" " + surname))
        ),
        None,
    )
    remarks = [p.number for p in paragraphs if p.text.startswith(f"{_capital(honorific)} {surname} ")]
    speaker: Record = {"order": 0, "honorific": honorific}
    if intro:
        used.add(introduced.index(intro))
        source, match = intro[0].number, intro[1]
        group = _GROUPS.get(match.group(1) or "")
        speaker["name"] = {"ru": match.group(4), "en": ""}
        speaker["surname"] = {"ru": surname, "en": ""}
        speaker["position"] = {"ru": match.group(2).strip().rstrip(","), "en": ""}
        speaker["actor"] = _actor(resolved)
        speaker["regional_group"] = group or change(
            f"paragraph {source} does not say on behalf of which regional group {surname} spoke: write it or check"
        )
        sources = sorted({source, block.number})
    else:
        why = f"no paragraph introduces {honorific} {surname} (listed in paragraph {block.number}): "
        speaker["name"] = {"ru": change(why + "write the full name as the report gives it"), "en": ""}
        speaker["surname"] = {"ru": surname, "en": ""}
        speaker["position"] = {"ru": change(why + "write the position as written"), "en": ""}
        speaker["actor"] = _actor(resolved)
        speaker["regional_group"] = change(why + "write the regional group")
        sources = [block.number]
    speaker |= {"agenda_item": item, "remarks": remarks, "source": sources}
    statement = {
        "actor": speaker["actor"],
        "kind": "panel",
        "agenda_items": [item],
        "as_written": entry,
        "speaker": 0,
        "source": sorted({*sources, *remarks}),
    }
    return speaker, statement


_CHAIR = re.compile(rf"Председател\w*\s+Рабочей\s+группы\s+({_NAME})\s+\(([^)]+)\)")


def chair(skeleton: Skeleton, lookup: Lookup) -> Record | None:
    """The chair, named with a country in brackets («Председатель Рабочей группы Франческо Теста (Италия)»)."""
    for block in skeleton.of("paragraph"):
        found = _CHAIR.search(block.text)
        if found:
            return {
                "name": {"ru": found.group(1), "en": ""},
                "actor": _actor(lookup.resolve(found.group(2))),
                "source": [block.number],
            }
    return None
