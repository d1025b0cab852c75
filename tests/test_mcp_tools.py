"""The MCP tools beyond search and recommendations, each driven over stdio with good and bad arguments.

Every answer is compared with the library's own answer to the same query: the tools add
citations and marks, never other data.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from mcp.types import TextContent

import smuggling_wg as swg
from smuggling_wg import _words
from smuggling_wg._mcp import examples
from smuggling_wg.dataset import Dataset
from test_mcp import Server, serve_session


@pytest.fixture(scope="module")
def server() -> Iterator[Server]:
    yield from serve_session({})


def _records(answer: dict[str, Any]) -> list[Any]:
    return [item["record"] for item in answer["results"]]


def _dumped(records: Any) -> list[Any]:
    return [r.model_dump(mode="json") for r in records]


def _cited(answer: dict[str, Any]) -> list[int]:
    return [c["paragraph"] for c in answer["cited_paragraphs"]]


def _editorial(answer: dict[str, Any]) -> dict[str, str]:
    return {e["field"]: e["marker"] for e in answer["editorial"]}


def _summary(server: Server, tool: str, **arguments: Any) -> str:
    block = server.call(tool, **arguments).content[0]
    assert isinstance(block, TextContent)
    return block.text


def test_paragraphs_by_topic(server: Server, ds: Dataset) -> None:
    answer = server.answer("paragraphs", topic="digital_evidence")
    assert _records(answer) == _dumped(ds.paragraphs(topic="digital_evidence"))
    tagged = [p.number for p in ds.paragraphs(topic="digital_evidence")]
    assert [i["source"] for i in answer["results"]] == [[n] for n in tagged] and _cited(answer) == tagged
    assert answer["results"][0]["uri"] == f"smuggling-wg://meeting/7/paragraph/{tagged[0]}"
    assert server.answer("paragraphs", meeting=7)["count"] == 34
    assert server.answer("paragraphs", topic=["digital_evidence", "cyberspace"])["count"] == len(
        ds.paragraphs(topic=["digital_evidence", "cyberspace"])
    )
    assert "unknown topic 'nope'. Valid: crisis_preparedness" in server.error("paragraphs", topic="nope")
    assert "no meeting 8" in server.error("paragraphs", meeting=8)


def test_paragraphs_by_standing(server: Server, ds: Dataset) -> None:
    summary = server.answer("paragraphs", standing="chair_summary")
    assert [p["number"] for p in _records(summary)] == list(range(4, 18))
    assert {p["standing"] for p in _records(summary)} == {"chair_summary"}
    both = server.answer("paragraphs", standing=["adopted", "proceedings"], topic="cyberspace")
    assert _records(both) == _dumped(ds.paragraphs(standing=["adopted", "proceedings"], topic="cyberspace"))
    text = _summary(server, "paragraph", number=13)
    assert text.startswith("Paragraph 13 of the 7th meeting (chapter III; the Chair's summary, not adopted).")
    assert "- 7/3 (adopted by the Working Group): " in _summary(server, "paragraphs", standing="adopted")
    assert "paragraph 13 (chapter III; the Chair's summary, not adopted)." in server.read(
        "smuggling-wg://meeting/7/paragraph/13"
    )
    hits = server.answer("search", query="пандемия", standing="chair_summary", kind="paragraph")
    assert [(h["kind"], h["key"]) for h in hits["results"]] == [
        (h.kind, h.key) for h in ds.search("пандемия", standing="chair_summary", kind="paragraph")[:10]
    ]
    assert all(4 <= h["key"] <= 17 for h in hits["results"])
    assert "unknown standing 'adopt'. Did you mean 'adopted'?" in server.error("paragraphs", standing="adopt")


def test_source_text_of_a_range_of_paragraphs(server: Server, ds: Dataset) -> None:
    answer = server.answer("source_text", first=23, last=24)
    (record,) = _records(answer)
    assert record["text"].startswith("23. С заявлениями по пунктам 2 и 3 повестки дня выступили представители")
    assert "24. С заявлениями также выступили наблюдатели" in record["text"] and "25." not in record["text"]
    assert record["text"] in ds.source_text(), "the report's lines exactly as shipped"
    assert _cited(answer) == [23, 24] and answer["results"][0]["source"] == [23, 24]
    flowed = _records(server.answer("source_text", first=23, flowed=True))[0]
    assert flowed["last"] == 23 and ds.paragraph(23).text.ru in flowed["text"] and "\n" not in flowed["text"]
    whole = _records(server.answer("source_text"))[0]
    assert whole["text"] == ds.source_text().strip("\n") and whole["first"] is None
    assert "the report of the 7th meeting, paras 23 and 24, as printed" in _summary(
        server, "source_text", first=23, last=24
    ).replace("The report", "the report")
    assert "no paragraph 35." in server.error("source_text", first=35)
    assert "ends before it starts: 24 to 23" in server.error("source_text", first=24, last=23)
    assert "give first with last" in server.error("source_text", last=3)
    assert "argument flowed takes true or false" in server.error("source_text", first=1, flowed="yes")


def test_meeting_overview(server: Server, ds: Dataset) -> None:
    answer = server.answer("meeting", number=7)
    (record,) = _records(answer)
    m = ds.meeting(7)
    assert record["counts"] == {
        "paragraphs": 34,
        "recommendations": 22,
        "agenda": 5,
        "speakers": 5,
        "statements": len(m.statements),
        "participants": len(m.participants),
        "documents": 4,
    }
    assert record["city"] == m.city.model_dump(mode="json") and record["format"] == "hybrid"
    assert "paragraphs" not in record, "the long lists are other tools' answers"
    assert _editorial(answer)["results[].record.city.en"] == "en_origin=un_official"
    summary = _summary(server, "meeting", number=7)
    assert summary.startswith("The 7th meeting: Доклад о работе совещания") and "8–9 September 2020" in summary
    assert "hybrid (in person and online)" in summary and "5 agenda items, 5 panellists" in summary
    assert "no meeting 8. Valid: 7." in server.error("meeting", number=8)


def test_statements_by_kind_actor_and_agenda_item(server: Server, ds: Dataset) -> None:
    organizations = server.answer("statements", kind="observer_organization")
    assert _records(organizations) == _dumped(ds.statements(kind="observer_organization"))
    assert _cited(organizations) == [25]
    italy = server.answer("statements", actor="Italy")
    assert [s["kind"] for s in _records(italy)] == ["panel", "party"]
    on_item_2 = server.answer("statements", agenda_item=2)
    assert [s["actor"] for s in _records(on_item_2)] == ["secretariat", "ZAF", "ARG", "ITA"]
    with_groups = server.answer("statements", agenda_item=2, include_group_items=True, kind="party")
    assert _records(with_groups) == _dumped(ds.statements(agenda_item=2, include_group_items=True, kind="party"))
    assert len(_records(with_groups)) == 8 and _cited(with_groups) == [23]
    assert "(statement by a party to the Protocol; items 2 and 3 (said of the group); para 23)" in _summary(
        server, "statements", actor="AUS"
    )
    assert "argument include_group_items takes true or false" in server.error(
        "statements", agenda_item=2, include_group_items="yes"
    )
    assert "unknown statement kind 'speech'" in server.error("statements", kind="speech")
    assert "no actor 'Atlantis'" in server.error("statements", actor="Atlantis")
    assert "unknown agenda item 9" in server.error("statements", agenda_item=9)


def test_participants_by_status(server: Server, ds: Dataset) -> None:
    signatories = server.answer("participants", status="signatory")
    assert [p["actor"] for p in _records(signatories)] == ["BOL", "THA"]
    assert _cited(signatories) == [28]
    several = server.answer("participants", status=["non_party", "permanent_observer"])
    assert _records(several) == _dumped(ds.participants(status=["non_party", "permanent_observer"]))
    assert server.answer("participants")["count"] == len(ds.participants())
    assert "(signatory State (observer); para 28)" in _summary(server, "participants", status="signatory")
    assert "unknown status 'observer'. Did you mean 'permanent_observer'?" in server.error(
        "participants", status="observer"
    )


def test_participation_by_group_and_status(server: Server, ds: Dataset) -> None:
    answer = server.answer("participation")
    cells = [(c["row"], c["column"], c["n"]) for c in answer["results"]]
    assert cells == [tuple(c) for c in ds.participation()]
    assert sum(n for _, _, n in cells) == len(ds.participants())
    assert _cited(answer) == [27, 28, 29, 30, 31]
    african = next(c for c in answer["results"] if (c["row"], c["column"]) == ("african", "party"))
    assert african["source"] == [27] and african["meeting"] == 7
    assert "- African States × party to the Protocol: 10" in _summary(server, "participation")
    assert "argument meeting takes a whole number or a list of whole numbers" in server.error(
        "participation", meeting="7"
    )


def test_speakers_and_one_speaker(server: Server, ds: Dataset) -> None:
    on_item_3 = server.answer("speakers", agenda_item=3)
    assert [s["actor"] for s in _records(on_item_3)] == ["ESP", "ECU"]
    assert _records(server.answer("speakers", actor="Argentina")) == _dumped(ds.speakers(actor="ARG"))
    assert "results[].record.name.en" in _editorial(on_item_3)
    one = server.answer("speaker", order=1)
    assert _records(one) == [ds.speaker(1).model_dump(mode="json")] and _cited(one) == [6, 7, 21]
    assert "for the African States, on item 2" in _summary(server, "speaker", order=1)
    assert "no speaker 6. Valid: 1, 2, 3, 4, 5." in server.error("speaker", order=6)
    assert "unknown agenda item 9" in server.error("speakers", agenda_item=9)


def test_profile_of_an_actor(server: Server, ds: Dataset) -> None:
    answer = server.answer("profile", actor="Italy")
    assert _records(answer) == [ds.profile("Italy").model_dump(mode="json")]
    assert _cited(answer) == sorted({n for role in ds.profile("ITA").meetings for n in role.source})
    assert {6, 19, 23, 27} <= set(_cited(answer)), "panel, chair, statement, participation"
    assert answer["results"][0]["uri"] == "smuggling-wg://actor/ITA"
    summary = _summary(server, "profile", actor="Италии")
    assert "- the 7th meeting: chair Франческо Теста, para 19" in summary
    assert "- the 7th meeting: participant: party to the Protocol, para 27" in summary
    assert "no actor 'Atlantis'. Closest:" in server.error("profile", actor="Atlantis")


def test_agenda_and_documents(server: Server, ds: Dataset) -> None:
    agenda = server.answer("agenda")
    assert _records(agenda) == _dumped(ds.meeting(7).agenda)
    assert agenda["results"][2]["uri"] == "smuggling-wg://meeting/7/agenda_item/3"
    assert [i["source"] for i in agenda["results"]] == [list(a.source) for a in ds.meeting(7).agenda]
    documents = server.answer("documents", meeting=7)
    assert [d["symbol"] for d in _records(documents)] == [d.symbol for d in ds.meeting(7).documents]
    assert _cited(documents) == sorted({n for d in ds.meeting(7).documents for n in d.source})
    assert "no meeting 8" in server.error("agenda", meeting=8)
    assert "no meeting 99" in server.error("documents", meeting=[7, 99])


def test_topics_and_one_topic(server: Server, ds: Dataset) -> None:
    topics = server.answer("topics")
    assert _records(topics) == _dumped(ds.topics)
    assert topics["results"][0]["uri"] == f"smuggling-wg://topic/{ds.topics[0].id}"
    assert _editorial(topics) == {
        f"results[].record.{name}": "origin=editorial" for name in ("id", "label_en", "label_ru", "definition")
    }
    one = server.answer("topic", id="digital_evidence")
    assert _records(one) == [ds.topic("digital_evidence").model_dump(mode="json")]
    recommendations = ds.recommendations(topic="digital_evidence")
    paragraphs = ds.paragraphs(topic="digital_evidence")
    where = {n for r in recommendations for n in r.source} | {p.number for p in paragraphs}
    assert _cited(one) == sorted(where), "where it is tagged: the recommendations' paragraph and the paragraphs"
    said = (
        f"Tagged recommendations: {_words.join([r.number for r in recommendations], 'en')}; "
        f"tagged paragraphs: {_words.join([p.number for p in paragraphs], 'en')}."
    )
    assert said in _summary(server, "topic", id="digital_evidence")
    assert "no topic 'digital'. Did you mean 'digital_evidence'?" in server.error("topic", id="digital")
    assert server.error("topics", id="x") == "topics: unknown argument 'id'. It takes no arguments."


def test_counts_with_the_recommendations_counted(server: Server, ds: Dataset) -> None:
    themes = server.answer("counts", dimension="theme")
    assert [(c["value"], c["n"], c["recommendations"]) for c in themes["results"]] == [
        ("crises", 7, [1, 2, 3, 4, 5, 6, 7]),
        ("technology", 15, list(range(8, 23))),
    ]
    assert themes["editorial"] == [] and _cited(themes) == [3]
    topics = server.answer("counts", dimension="topic")
    assert [(c["value"], c["n"]) for c in topics["results"]] == [tuple(c) for c in ds.counts("topic")]
    assert all(c["n"] == len(c["recommendations"]) for c in topics["results"])
    assert _editorial(topics) == {"results[].value": "origin=editorial"}
    articles = server.answer("counts", dimension="article", provenance="source")
    assert [(c["value"], c["n"]) for c in articles["results"]] == [
        tuple(c) for c in ds.counts("article", provenance="source")
    ]
    assert articles["editorial"] == [], "the report's own references only"
    n = dict(ds.counts("topic"))["digital_evidence"]
    assert f"- Digital and electronic evidence (digital_evidence): {n}" in _summary(server, "counts", dimension="topic")
    assert "unknown dimension 'colour'" in server.error("counts", dimension="colour")
    assert "argument dimension is required" in server.error("counts")


def test_crosstab(server: Server, ds: Dataset) -> None:
    answer = server.answer("crosstab", row="theme", column="modality")
    assert [(c["row"], c["column"], c["n"]) for c in answer["results"]] == [
        tuple(c) for c in ds.crosstab("theme", "modality")
    ]
    crises_should = answer["results"][0]
    assert (crises_should["row"], crises_should["column"], crises_should["source"]) == ("crises", "should", [3])
    editorial = server.answer("crosstab", row="topic", column="specificity")
    assert _editorial(editorial) == {"results[].row": "origin=editorial", "results[].column": "origin=editorial"}
    assert "- Technology and cyberspace × encouraged: 6" in _summary(server, "crosstab", row="theme", column="modality")
    assert "unknown dimension 'colour'" in server.error("crosstab", row="theme", column="colour")
    assert "unknown provenance 'mine'" in server.error("crosstab", row="theme", column="modality", provenance="mine")


def test_every_description_example_is_a_call_that_answers(server: Server) -> None:
    tools = server.portal.call(server.session.list_tools).tools
    for tool in tools:
        calls = examples(tool.description or "")
        assert calls, f"{tool.name}: its description gives no example"
        for arguments in calls:
            answer = server.answer(tool.name, **arguments)
            assert answer["data_version"] == swg.DATA_VERSION, (tool.name, arguments)
