"""The draft as a data file (``format_version: 1``): a header saying where it came from, then YAML.

The YAML is PyYAML's safe dump (dates as dates, texts quoted where YAML would misread them),
parsed back by the library's own reader, and every placeholder is located by the loader's
own check, so what the command lists is what ``validate`` will refuse.
"""

from __future__ import annotations

import re
from typing import Any

from .. import _loader
from .._yaml import ParsedFile, parse
from ..errors import DataError, Problem

__all__ = ["HEADER", "dump", "placeholders"]

#: The first words of every draft: a file that starts otherwise was not written by ``draft``.
HEADER = "# A draft of a meeting's data, made by smuggling-wg"
_UNSAFE = re.compile(r"[^\w .,()\[\]/+:<>-]")


def dump(data: dict[str, Any], name: str, sha256: str, version: str) -> str:
    """The file's text: header lines, then the data."""
    import yaml

    shown = _UNSAFE.sub("_", name)[:200]
    header = (
        f"{HEADER} {version}\n"
        f"# from {shown} (SHA-256 {sha256}).\n"
        '# Check it against the report. Resolve every "<<CHANGE: ...>>" (the file is refused until\n'
        '# none is left); English (en: "") and editorial labels are not drafted: add them if you wish.\n'
        '#   smuggling-wg validate THIS-FILE      then      smuggling_wg.load(extra=["THIS-FILE"])\n'
    )

    class Dumper(getattr(yaml, "CSafeDumper", yaml.SafeDumper)):  # type: ignore[misc]  # libyaml when there
        def ignore_aliases(self, data: Any) -> bool:  # the format has no anchors: every value written out
            return True

    def numbers(dumper: Any, data: list[Any]) -> Any:  # [5, 26] on one line, as in the bundled files
        flow = bool(data) and all(isinstance(x, int) for x in data)
        return dumper.represent_sequence("tag:yaml.org,2002:seq", data, flow_style=flow or None)

    Dumper.add_representer(list, numbers)
    body = yaml.dump(data, Dumper=Dumper, allow_unicode=True, sort_keys=False, width=100, default_flow_style=False)
    return header + body


def placeholders(text: str, name: str) -> tuple[Problem, ...]:
    """Every placeholder of ``text``, located (file, line, column, field), as ``validate`` reports it."""
    parsed = parse(name, text.encode("utf-8"))
    if isinstance(parsed, Problem):  # the writer's own output always parses: this would be a bug
        raise DataError([parsed])
    assert isinstance(parsed, ParsedFile)
    return tuple(_loader._placeholders(parsed))
