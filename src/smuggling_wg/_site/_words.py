"""The web edition's words: every one comes from the catalogue (:mod:`smuggling_wg._words`).

This module holds no word of its own: it says which catalogue entry each of the site's
keys shows (``ui``), how a code reads (``code``), and which headings name an editorial
field (marked from the field's declared origin, :func:`smuggling_wg.models.origin_of`).
"""

from __future__ import annotations

from .. import _words
from .._language import Lang
from ..models import Recommendation, Topic, origin_of

__all__ = ["code", "ui"]

#: The site's keys that show a catalogue label under another key.
_LABELS: dict[str, str] = {
    "meeting": "the_meeting",
    "sessions": "meetings_held",
    "delegates": "registered_delegates",
    "adopted": "adopted_on",
    "participation": "participation_by_status",
    "participation_groups": "participation_by_group",
    "sdg": "sdg_targets",
    "topic_tags": "topics",
    "record": "record_in_full",
    "not_state": "not_a_state",
    "languages": "language",
    "participants_count": "participants",
}
#: The site's keys that show the words of a code.
_CODES: dict[str, tuple[str, str]] = {
    "provenance_source": ("provenance", "source"),
    "provenance_editorial": ("provenance", "editorial"),
    "none_group": ("regional_group", "none"),
}
#: Headings that name a field of the data: marked "(editorial)" when the field is editorial.
_FIELDS: dict[str, tuple[type, str]] = {
    "topic": (Recommendation, "topics"),
    "topic_tags": (Recommendation, "topics"),
    "specificity": (Recommendation, "specificity"),
    "sdg_target": (Recommendation, "sdg_targets"),
    "sdg": (Recommendation, "sdg_targets"),
    "addressee_kind": (Recommendation, "addressee_kind"),
    "definition": (Topic, "definition"),
    "by_topic": (Recommendation, "topics"),
    "by_specificity": (Recommendation, "specificity"),
}
#: Keys whose words stand inside a sentence (not capitalized as a heading).
_INLINE = frozenset(
    {
        "decided_by", "all", "of", "not_stated", "quote", "rationale", "speaker_of", "try", "provenance_source",
        "provenance_editorial", "article", "participants_count", "none_group", "not_state",
        "on", "and", "about_n", "data_version", "the_report_words", "report_order",
        "in_alphabetical_order", "english_only",
    }
)  # fmt: skip
#: The kinds a bare code value is looked up in, in this order (a ``kind:`` prefix names the kind).
_KINDS = ("status", "modality", "format", "regional_group", "instrument", "specificity", "theme", "addressee_kind")


def ui(key: str, lang: Lang) -> str:
    """One of the site's words in ``lang`` (a heading capitalized; "(editorial)" after an editorial field)."""
    words = _words.code(*_CODES[key], lang) if key in _CODES else _words.label(_LABELS.get(key, key), lang)
    if key in _FIELDS and origin_of(*_FIELDS[key]) == "editorial":
        words += f" ({_words.label('whose_editorial', lang)})"
    return words if key in _INLINE else _words.capital(words)


def code(value: object, lang: Lang, kind: str | None = None) -> str:
    """A code as a person reads it: of ``kind`` (or a ``"kind:"`` prefix), else of the first kind that has it.

    A status is a heading over a list (plural, capitalized); a specificity level reads
    '3 — consider'. A value the catalogue has no words for is shown as it is.
    """
    text = str(value)
    if kind is None and ":" in text:
        kind, text = text.split(":", 1)
        kind = {"statement": "statement_kind"}.get(kind, kind)
    for chosen in (kind,) if kind else _KINDS:
        if text in _words.codes(chosen):
            break
    else:
        return text
    if chosen == "specificity":
        return f"{text} — {_words.code(chosen, text, lang)}"
    if chosen == "status":
        return _words.capital(_words.code(chosen, text, lang, plural=True))
    return _words.code(chosen, text, lang)
