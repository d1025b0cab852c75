"""The report as other UN texts would give it: reflowed, hyphenated elsewhere, with page furniture, as a PDF.

Shared by the draft's tests. The variants are made from the shipped text by splitting it into
its printed units (a heading, a paragraph's start, an agenda item or sub-item, a link: each
starts a line in every layout), joining each unit by the data's one rule and setting it again
at another width, breaking words with a hyphen at other places.
"""

from __future__ import annotations

import random
import re
from collections import Counter
from pathlib import Path
from typing import Any

from smuggling_wg import _sourcetext

_STARTS = re.compile(r"^(?:\d{1,3}\.\s|[IVX]+\.\s|[A-Z]\.\s|[a-z]\)\s|Рекомендация \d+$|https?://)")
_CYRILLIC = re.compile(r"^[а-яёА-ЯЁ]+$")

#: Page furniture as the UN's PDFs have it: running document symbol, job number and page, bar code.
FRONT_MATTER = [
    "Организация Объединенных Наций",
    "CTOC/COP/WG.7/2020/4",
    "Конференция участников Конвенции",
    "Организации Объединенных Наций",
    "против транснациональной",
    "организованной преступности",
    "Distr.: General",
    "16 September 2020",
    "Russian",
    "Original: English",
    "",
]


def units(raw: str) -> list[str]:
    """The report's printed units, each as running text."""
    grouped: list[list[str]] = []
    for line in raw.splitlines():
        line = line.strip()
        if not line:
            continue
        alone = grouped and re.match(r"^(?:https?://|Рекомендация \d+$)", grouped[-1][0])
        if not grouped or _STARTS.match(line) or alone:
            grouped.append([line])
        else:
            grouped[-1].append(line)
    hyphens = _sourcetext.Hyphens.of(line for unit in grouped for line in unit)  # the whole report's evidence
    return [unit[0] if len(unit) == 1 else _sourcetext.flow("\n".join(unit), hyphens) for unit in grouped]


_COMPOUND = re.compile(r"^\(?(\w+)-(\w+)")


class _Compounds:
    """Which compounds may break at their own hyphen so that the data's rule still keeps it.

    Always when the text shows it by itself (both parts capitalized, a digit, a one-letter first
    part); else only while another occurrence of the same word is left whole within a line, the
    evidence the rule reads (a compound written once, or broken every time, cannot be told from a
    typesetting break: docs/own-data.md).
    """

    def __init__(self, words: list[str]) -> None:
        self.left = Counter(m.group(0).casefold() for w in words if (m := _COMPOUND.match(w)))

    def split(self, word: str) -> tuple[str, str] | None:
        found = _COMPOUND.match(word)
        if not found:
            return None
        head, tail, key = found.group(1), found.group(2), found.group(0).casefold()
        plain = (head[0].isupper() and tail[0].isupper()) or len(head) == 1 or any(c.isdigit() for c in key)
        if not plain and self.left[key] < 2:
            return None
        self.left[key] -= 1
        at = found.end(1) + 1
        return word[:at], word[at:]


def _pieces(word: str, rng: random.Random, compounds: _Compounds) -> tuple[str, str] | None:
    """A place to break ``word`` with a hyphen: a compound's own, or a typesetting one (Cyrillic, two on each side)."""
    if "-" in word:
        return compounds.split(word)
    core = word.rstrip(".,;:»)")
    if "/" in core and not core.startswith("("):
        at = core.rfind("/", 0, len(core) - 1)
        if at > 0:
            return word[: at + 1], word[at + 1 :]
    if not _CYRILLIC.match(core) or len(core) < 6:
        return None
    at = rng.randint(2, len(core) - 3)
    return word[:at] + "-", word[at:]


#: What ``reflow(..., compounds=True)`` breaks at a compound's own hyphen (a test checks each is there).
BROKEN_COMPOUNDS = (
    "Коста-\nРика",
    "государствам-\nучастникам",
    "информационно-\nкоммуникационных",
    "COVID-\n19",
    "г-\nжа",
)


def reflow(raw: str, width: int, seed: int = 0, hyphenate: float = 0.7, compounds: bool = False) -> str:
    """The report set again at ``width`` characters, words broken at other places.

    ``compounds``: also break every compound the data's rule can still tell at its own hyphen
    (a line ends «Коста-», «государствам-», «COVID-»), whatever the width.
    """
    rng = random.Random(seed)
    out: list[str] = []
    all_units = units(raw)
    spend = _Compounds([w for unit in all_units for w in unit.split(" ")])
    for unit in all_units:
        if unit.startswith("http"):
            out.append(unit)
            continue
        line = ""
        for word in unit.split(" "):
            forced = spend.split(word) if compounds and line and "-" in word else None
            if forced:
                out.append(line + " " + forced[0])
                line = forced[1]
            elif not line:
                line = word
            elif len(line) + 1 + len(word) <= width:
                line += " " + word
            else:
                pieces = _pieces(word, rng, spend) if rng.random() < hyphenate else None
                if pieces and len(line) + 1 + len(pieces[0]) <= width + 8:
                    out.append(line + " " + pieces[0])
                    line = pieces[1]
                else:
                    out.append(line)
                    line = word
        out.append(line)
        out.append("")
    return "\n".join(out) + "\n"


def furnished(text: str, lines_per_page: int = 40, pages: int = 9) -> str:
    """``text`` with a front matter and, on every page, header, footer and form feed."""
    lines = FRONT_MATTER + text.splitlines()
    out: list[str] = []
    for number, start in enumerate(range(0, len(lines), lines_per_page), 1):
        if number > 1:
            out += ["\f" + "CTOC/COP/WG.7/2020/4", ""]
        out += lines[start : start + lines_per_page]
        out += ["", f"{number}/{pages}" if number % 2 else f"V.20-04775 {number}/{pages}"]
        if number == 1:
            out += ["V.20-04775 (R)", "*2004775*"]
    return "\n".join(out) + "\n"


def pdf(text: str, path: Path) -> Path:
    """A PDF of ``text``, one printed line per line (fpdf2, with matplotlib's DejaVu Sans for Cyrillic)."""
    import matplotlib
    from fpdf import FPDF

    font = Path(matplotlib.get_data_path()) / "fonts" / "ttf" / "DejaVuSans.ttf"
    document: Any = FPDF(format="A4")
    document.set_auto_page_break(True, margin=15)
    document.add_font("DejaVu", fname=str(font))
    document.set_font("DejaVu", size=9)
    for page in text.split("\f"):
        document.add_page()
        for line in page.splitlines():
            document.cell(0, 4.5, line, new_x="LMARGIN", new_y="NEXT")
    document.output(str(path))
    return path


def docx(text: str, path: Path) -> Path:
    """A minimal .docx of ``text``: one Word paragraph per line (stdlib zipfile)."""
    import zipfile
    from xml.sax.saxutils import escape

    body = "".join(
        f'<w:p><w:r><w:t xml:space="preserve">{escape(line)}</w:t></w:r></w:p>' for line in text.splitlines()
    )
    xml = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
        f"<w:body>{body}</w:body></w:document>"
    )
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types/>')
        archive.writestr("word/document.xml", xml)
    return path
