"""The format of a YAML data file (``format_version`` 1), as a model and as a JSON Schema.

This describes what :func:`smuggling_wg._loader.read_yaml` and ``load(extra=...)`` accept, so
editors and other tools can check a file before the library does. It is documentation
made executable: the loader applies the same models when it validates merged data.
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import Field

from .models import (
    Actor,
    ActorId,
    AddresseeKind,
    Instrument,
    InstrumentId,
    Line,
    Meeting,
    MeetingNumber,
    NumberKey,
    Prose,
    Record,
    SdgLink,
    SdgTarget,
    Slug,
    Specificity,
    Topic,
    TopicTag,
    TreatyRef,
    UnNames,
)

__all__ = ["DataFile", "file_schema"]


class Replaces(Record):
    """Records this file replaces on purpose, giving each new one itself (otherwise a key given twice is an error)."""

    meetings: tuple[MeetingNumber, ...] = Field(default=(), description="Numbers of meetings this file replaces.")
    actors: tuple[ActorId, ...] = Field(default=(), description="Ids of actors this file replaces.")
    topics: tuple[Slug, ...] = Field(default=(), description="Ids of topics this file replaces.")
    instruments: tuple[InstrumentId, ...] = Field(default=(), description="Ids of instruments this file replaces.")
    sdg_targets: tuple[SdgTarget, ...] = Field(default=(), description="SDG targets whose text this file replaces.")


class RecommendationLabels(Record):
    """Editorial labels added to one recommendation."""

    addressee_kind: AddresseeKind | None = Field(default=None, description="Who is asked to act, normalised.")
    specificity: Specificity | None = Field(default=None, description="Editorial specificity level with rationale.")
    topics: tuple[TopicTag, ...] = Field(default=(), description="Editorial topic tags to add.")
    treaty_refs: tuple[TreatyRef, ...] = Field(default=(), description="Treaty references or links to add.")
    sdg_targets: tuple[SdgLink, ...] = Field(default=(), description="Editorial SDG links to add.")


class ParagraphLabels(Record):
    """Editorial labels added to one paragraph."""

    topics: tuple[TopicTag, ...] = Field(default=(), description="Editorial topic tags to add.")


class Annotation(Record):
    """Editorial labels for one meeting's records, by recommendation and paragraph number."""

    meeting: MeetingNumber = Field(description="Number of the meeting whose records are labelled.")
    recommendations: dict[NumberKey, RecommendationLabels] = Field(
        description="Labels by recommendation number.", default_factory=dict
    )
    paragraphs: dict[NumberKey, ParagraphLabels] = Field(
        description="Labels by paragraph number.", default_factory=dict
    )


class DataFile(Record):
    """One YAML data file. Every key is optional; lists add to the data already loaded."""

    format_version: Literal[1] = Field(default=1, description="Version of this file format (1).")
    data_version: Line | None = Field(default=None, description="Only in the file that starts a whole dataset.")
    actors: tuple[Actor, ...] = Field(default=(), description="States and organizations to add.")
    meetings: tuple[Meeting, ...] = Field(default=(), description="Meetings to add.")
    topics: tuple[Topic, ...] = Field(default=(), description="Topics to add to the vocabulary.")
    instruments: tuple[Instrument, ...] = Field(default=(), description="Treaties that links may point into.")
    sdg_targets: dict[SdgTarget, Prose] = Field(
        description="SDG targets (number -> official text) that links may point into.", default_factory=dict
    )
    state_names: dict[ActorId, UnNames] = Field(
        default_factory=dict, description="Six-language UN names by ISO alpha-3."
    )
    annotations: tuple[Annotation, ...] = Field(default=(), description="Editorial labels for existing records.")
    replace: Replaces | None = Field(default=None, description="Records this file replaces on purpose.")


def file_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of a data file."""
    schema = DataFile.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "smuggling_wg data file, format_version 1"
    return schema
