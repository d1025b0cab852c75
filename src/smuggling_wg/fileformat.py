"""The format of a YAML data file (``format_version`` 1), as a model and as a JSON Schema.

This describes what :func:`smuggling_wg.loader.read_yaml` and ``load(extra=...)`` accept, so
editors and other tools can check a file before the library does. It is documentation
made executable: the loader applies the same models when it validates merged data.
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import Field

from .models import (
    Actor,
    AddresseeKind,
    Instrument,
    Meeting,
    Record,
    SdgLink,
    Specificity,
    Topic,
    TopicTag,
    TreatyRef,
    UnNames,
)

__all__ = ["DataFile", "file_schema"]


class Replaces(Record):
    """Records this file replaces on purpose (otherwise a key given twice is an error)."""

    meetings: tuple[int, ...] = ()
    actors: tuple[str, ...] = ()
    topics: tuple[str, ...] = ()


class RecommendationLabels(Record):
    """Editorial labels added to one recommendation."""

    addressee_kind: AddresseeKind | None = None
    specificity: Specificity | None = None
    topics: tuple[TopicTag, ...] = ()
    treaty_refs: tuple[TreatyRef, ...] = ()
    sdg_targets: tuple[SdgLink, ...] = ()


class ParagraphLabels(Record):
    """Editorial labels added to one paragraph."""

    topics: tuple[TopicTag, ...] = ()


class Annotation(Record):
    """Editorial labels for one meeting's records, by recommendation and paragraph number."""

    meeting: int
    recommendations: dict[int, RecommendationLabels] = Field(default_factory=dict)
    paragraphs: dict[int, ParagraphLabels] = Field(default_factory=dict)


class DataFile(Record):
    """One YAML data file. Every key is optional; lists add to the data already loaded."""

    format_version: Literal[1] = 1
    data_version: str | None = Field(default=None, description="Only in the file that starts a whole dataset.")
    actors: tuple[Actor, ...] = ()
    meetings: tuple[Meeting, ...] = ()
    topics: tuple[Topic, ...] = ()
    instruments: tuple[Instrument, ...] = ()
    sdg_targets: dict[str, str] = Field(default_factory=dict)
    state_names: dict[str, UnNames] = Field(default_factory=dict, description="Six-language UN names by ISO alpha-3.")
    annotations: tuple[Annotation, ...] = ()
    replace: Replaces | None = None


def file_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of a data file."""
    schema = DataFile.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "smuggling_wg data file, format_version 1"
    return schema
