"""The 7th meeting of the UN Working Group on the Smuggling of Migrants as data.

The report of the meeting (Vienna, 8-9 September 2020) as typed, validated, queryable
data, every fact cited to its paragraph.

>>> import smuggling_wg as swg
>>> ds = swg.load()
>>> [r.number for r in ds.recommendations(theme="crises")]
[1, 2, 3, 4, 5, 6, 7]

Importing the package is cheap: it reads no file and builds no model until a public
name is first used (module ``__getattr__``, PEP 562).
"""

from __future__ import annotations

from importlib import import_module

TYPE_CHECKING = False  # not `from typing import TYPE_CHECKING`: importing typing costs ~10 ms
if TYPE_CHECKING:
    from typing import Any

    from .dataset import Dataset, load
    from .errors import DataError, InvalidFilter, NotFound
    from .models import (
        Actor,
        AgendaItem,
        Bundle,
        Document,
        Meeting,
        Organization,
        Paragraph,
        Participant,
        Recommendation,
        Speaker,
        State,
        Statement,
        Text,
        Theme,
    )

#: Version of the bundled data (the ``data_version`` of ``data/dataset.yaml``; tested equal).
DATA_VERSION = "1.0.0"

_LAZY = {
    "load": "dataset",
    "Dataset": "dataset",
    "DataError": "errors",
    "InvalidFilter": "errors",
    "NotFound": "errors",
    **dict.fromkeys(
        (
            "Actor",
            "AgendaItem",
            "Bundle",
            "Document",
            "Meeting",
            "Organization",
            "Paragraph",
            "Participant",
            "Recommendation",
            "Speaker",
            "State",
            "Statement",
            "Text",
            "Theme",
        ),
        "models",
    ),
}

__all__ = ["DATA_VERSION", "__version__", *sorted(_LAZY)]


def __getattr__(name: str) -> Any:
    """Import a public name on first use; ``__version__`` comes from the installed metadata."""
    if name == "__version__":
        from importlib.metadata import version

        value: Any = version("smuggling-wg")
    elif name in _LAZY:
        value = getattr(import_module(f".{_LAZY[name]}", __name__), name)
    else:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))
