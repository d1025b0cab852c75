"""The 7th meeting of the UN Working Group on the Smuggling of Migrants as data.

The report of the meeting (Vienna, 8-9 September 2020) as typed, validated, queryable
data, every fact cited to its paragraph.

```python
>>> import smuggling_wg as swg
>>> ds = swg.load()
>>> [r.number for r in ds.recommendations(theme="crises")]
[1, 2, 3, 4, 5, 6, 7]

```

Importing the package is cheap: it reads no file and builds no model until a public
name is first used (module ``__getattr__``, PEP 562). The public modules are
:mod:`~smuggling_wg.models`, :mod:`~smuggling_wg.dataset`, :mod:`~smuggling_wg.errors`,
:mod:`~smuggling_wg.search`, :mod:`~smuggling_wg.analysis`, :mod:`~smuggling_wg.export`,
:mod:`~smuggling_wg.plot` and :mod:`~smuggling_wg.cli`; modules whose names start with
an underscore are internal.
"""

from __future__ import annotations

from importlib import import_module

TYPE_CHECKING = False  # not `from typing import TYPE_CHECKING`: importing typing costs ~10 ms
if TYPE_CHECKING:  # explicit re-exports (`X as X`) for type checkers; at run time names load lazily
    from typing import Any

    from ._about import DATA_VERSION as DATA_VERSION
    from ._draft import draft as draft
    from ._language import display_language as display_language
    from ._language import get_display_language as get_display_language
    from ._language import set_display_language as set_display_language
    from ._results import Results as Results
    from .dataset import Dataset as Dataset
    from .dataset import load as load
    from .dataset import validate as validate
    from .errors import DataError as DataError
    from .errors import ExportError as ExportError
    from .errors import InvalidFilter as InvalidFilter
    from .errors import NotFound as NotFound
    from .errors import Problem as Problem
    from .errors import SmugglingWGError as SmugglingWGError
    from .models import Actor as Actor
    from .models import ActorProfile as ActorProfile
    from .models import AgendaItem as AgendaItem
    from .models import Bundle as Bundle
    from .models import Document as Document
    from .models import Meeting as Meeting
    from .models import MeetingRole as MeetingRole
    from .models import Organization as Organization
    from .models import Paragraph as Paragraph
    from .models import Participant as Participant
    from .models import Recommendation as Recommendation
    from .models import Speaker as Speaker
    from .models import State as State
    from .models import Statement as Statement
    from .models import Text as Text
    from .models import Theme as Theme
    from .search import SearchHit as SearchHit


__all__ = [
    "DATA_VERSION",
    "Actor",
    "ActorProfile",
    "AgendaItem",
    "Bundle",
    "DataError",
    "Dataset",
    "Document",
    "ExportError",
    "InvalidFilter",
    "Meeting",
    "MeetingRole",
    "NotFound",
    "Organization",
    "Paragraph",
    "Participant",
    "Problem",
    "Recommendation",
    "Results",
    "SearchHit",
    "SmugglingWGError",
    "Speaker",
    "State",
    "Statement",
    "Text",
    "Theme",
    "__version__",
    "display_language",
    "draft",
    "get_display_language",
    "load",
    "set_display_language",
    "validate",
]

_HOME = {
    "DATA_VERSION": "_about",
    "Dataset": "dataset",
    "load": "dataset",
    "validate": "dataset",
    "Problem": "errors",
    "DataError": "errors",
    "ExportError": "errors",
    "InvalidFilter": "errors",
    "NotFound": "errors",
    "SmugglingWGError": "errors",
    "draft": "_draft",
    "display_language": "_language",
    "get_display_language": "_language",
    "set_display_language": "_language",
    "Results": "_results",
    "SearchHit": "search",
}

#: Names kept for 0.x code, each with its replacement; they warn and go in 2.0.
_DEPRECATED = {
    "language": "display_language",
    "get_language": "get_display_language",
    "set_language": "set_display_language",
}


def __getattr__(name: str) -> Any:
    """Import a public name on first use; ``__version__`` comes from the installed metadata."""
    if name in _DEPRECATED:
        import warnings

        new = _DEPRECATED[name]
        warnings.warn(f"smuggling_wg.{name} is deprecated, use {new} (to be removed in 2.0)", DeprecationWarning, 2)
        return __getattr__(new)
    if name == "__version__":
        from importlib.metadata import version

        value: Any = version("smuggling-wg")
    elif name in __all__:
        value = getattr(import_module(f".{_HOME.get(name, 'models')}", __name__), name)
    else:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))
