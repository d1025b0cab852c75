"""The 1.0 contract: one rule per question, for every query (docs/api-contract.md)."""

from __future__ import annotations

import inspect
from pathlib import Path

import pandas
import pytest

import smuggling_wg as swg
from smuggling_wg import _tables
from smuggling_wg.dataset import Dataset
from smuggling_wg.search import HIT_FIELDS

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "example-meeting.yaml"
QUERIES = (
    "recommendations",
    "paragraphs",
    "statements",
    "states_with_statements",
    "participants",
    "participation",
    "speakers",
    "counts",
    "crosstab",
    "search",
)


@pytest.fixture(scope="module")
def both() -> Dataset:
    """The bundled meeting and the example meeting 99."""
    return swg.load(extra=[EXAMPLE])


@pytest.mark.parametrize("name", QUERIES)
def test_filters_are_keyword_only_and_meeting_means_every_meeting(name: str) -> None:
    parameters = inspect.signature(getattr(Dataset, name)).parameters
    for parameter in list(parameters.values())[1:]:
        if parameter.name not in ("query", "dimension", "row", "column"):
            assert parameter.kind is inspect.Parameter.KEYWORD_ONLY, (name, parameter.name)
    assert parameters["meeting"].default is None, name


def test_one_meeting_rule_with_two_meetings(both: Dataset, ds: Dataset) -> None:
    assert len(both.recommendations()) == 23 and len(both.recommendations(meeting=7)) == 22
    assert len(both.participants()) == len(ds.participants()) + len(both.meeting(99).participants)
    assert len(both.recommendations(meeting=[7, 99])) == 23
    with pytest.raises(
        swg.NotFound,
        match=r"recommendation 1 is in meetings 7 and 99: say which meeting \(meeting=N; on the command line",
    ):
        both.recommendation(1)
    assert both.recommendation(1, meeting=99).text.en == "States parties should exchange information (example text)."
    assert both.recommendation(14).number == 14, "only meeting 7 has a recommendation 14"
    with pytest.raises(swg.NotFound, match="no recommendation 40"):
        both.recommendation(40)


def test_filter_values_in_any_case_one_or_several(ds: Dataset) -> None:
    assert ds.recommendations(theme="Crises") == ds.recommendations(theme="crises")
    assert len(ds.recommendations(theme=["crises", "TECHNOLOGY"])) == 22
    assert len(ds.recommendations(modality=["should", "may_wish"])) == 15
    signatories = ds.participants(status="SIGNATORY")  # type: ignore[arg-type]
    assert [p.actor for p in signatories] == ["BOL", "THA"]
    assert len(ds.participants(status=["signatory", "permanent_observer"])) == 3
    assert ds.topic("DIGITAL_EVIDENCE").id == "digital_evidence"
    with pytest.raises(swg.InvalidFilter, match=r"unknown theme 'crisis'\. Did you mean 'crises'\?"):
        ds.recommendations(theme="crisis")


def test_numbers_are_integers_said_plainly(ds: Dataset) -> None:
    with pytest.raises(swg.InvalidFilter, match=r"recommendation numbers are integers: got '14'; use 14"):
        ds.recommendation("14")  # type: ignore[arg-type]
    with pytest.raises(swg.InvalidFilter, match="paragraph numbers are integers"):
        ds.paragraph(2.0)  # type: ignore[arg-type]


def test_deprecated_names_still_work_and_warn(ds: Dataset) -> None:
    with pytest.warns(DeprecationWarning, match="include_panelists= is deprecated, use include_panellists="):
        old = ds.states_with_statements(include_panelists=True)
    assert old == ds.states_with_statements(include_panellists=True) and len(old) == 16
    with pytest.warns(DeprecationWarning, match="kinds= is deprecated, use kind="):
        hits = ds.search("цифровые доказательства", kinds="recommendation")
    with pytest.warns(DeprecationWarning, match="lang= is deprecated, use language="):
        english = ds.search("digital evidence", lang="en")
    assert [h.key for h in hits] == [14, 17, 11, 12] and {h.language for h in english} == {"en"}


def test_one_family_of_errors(ds: Dataset, tmp_path: Path) -> None:
    for error in (swg.NotFound, swg.InvalidFilter, swg.DataError):
        assert issubclass(error, swg.SmugglingWGError)
    assert issubclass(swg.NotFound, LookupError) and issubclass(swg.InvalidFilter, ValueError)
    from smuggling_wg.export import export

    for call in (
        lambda: swg.set_display_language("fr"),  # type: ignore[arg-type]
        lambda: export(ds, "xml", tmp_path),  # type: ignore[arg-type]
        lambda: ds.to_dataframe("nope"),  # type: ignore[arg-type]
        lambda: swg.Text(ru="текст").get("fr"),  # type: ignore[arg-type]
        lambda: ds.actor("Atlantis"),
        lambda: ds.speaker(0),
        lambda: ds.speaker(99),
    ):
        with pytest.raises(swg.SmugglingWGError):
            call()


def test_a_states_whole_story(ds: Dataset) -> None:
    assert [(s.kind, s.agenda_items) for s in ds.statements(actor="Italy")] == [("panel", (2,)), ("party", (2, 3))]
    assert [s.surname.en for s in ds.speakers(actor="ITA")] == ["Ragazzi"]
    assert ds.statements(agenda_item=3, kind="party") == (), "para 23 gives the items of the group, not of each"
    assert {s.actor for s in ds.statements(agenda_item=3, kind="party", include_group_items=True)} >= {"AUS", "ITA"}
    profile = ds.profile("Италия")
    (role,) = profile.meetings
    assert profile.actor.id == "ITA" and role.participation is not None and role.participation.status == "party"
    assert role.chair is not None and role.chair.name.en == "Francesco Testa"
    assert role.source == (6, 9, 19, 21, 23, 27)
    eurojust = ds.profile("eurojust").meetings[0]
    assert [s.kind for s in eurojust.statements] == ["observer_organization"] and eurojust.speakers == ()


def test_results_become_the_tables_dataframes(ds: Dataset) -> None:
    frame = ds.recommendations(theme="technology").to_dataframe()
    table = ds.to_dataframe("recommendations")
    assert list(frame.columns) == [c.name for c in _tables.table("recommendations").columns]
    assert len(frame) == 15 and list(frame["number"]) == list(range(8, 23))
    assert dict(frame.dtypes) == dict(table.dtypes), "the same dtypes as the table export"
    assert frame["source"].iloc[0] == [3], "lists stay lists"
    states = ds.states_with_statements().to_dataframe()
    assert list(states["id"])[:2] == ["AUS", "BRA"] and "regional_group" in states.columns
    hits = ds.search("COVID-19", kind="recommendation").to_dataframe()
    assert list(hits.columns) == list(HIT_FIELDS) and len(hits) == 4  # 13 says «пандемии» alone
    assert ds.recommendations(text="квантовый").to_dataframe().empty
    participants = ds.participants(status="signatory").to_dataframe()
    assert list(participants["position"]) == [75, 76] and set(participants["meeting"]) == {7}


def test_counts_and_crosstabs_name_their_axes(ds: Dataset) -> None:
    assert list(ds.counts("theme").to_dataframe().columns) == ["theme", "n"]
    frame = ds.crosstab("theme", "modality").to_dataframe()
    assert frame.index.name == "theme" and frame.columns.name == "modality"
    assert int(frame.loc["technology", "should"]) == 8
    participation = ds.participation().to_dataframe()
    assert participation.index.name == "regional_group" and participation.columns.name == "status"


def test_table_names_are_a_literal_type() -> None:
    assert set(_tables.TableName.__args__) == {t.name for t in _tables.TABLES}  # type: ignore[attr-defined]
    assert isinstance(swg.load().to_dataframe("states"), pandas.DataFrame)


def test_values_of_the_wrong_type_are_refused_plainly(ds: Dataset) -> None:
    for call, said in (
        (lambda: ds.recommendations(specificity=4.0), "specificity values are integers: got 4.0"),  # type: ignore[arg-type]
        (lambda: ds.recommendations(meeting=7.0), "meeting numbers are integers: got 7.0"),  # type: ignore[arg-type]
        (lambda: ds.statements(agenda_item=[2.0]), "agenda item values are integers: got 2.0"),  # type: ignore[list-item]
        (lambda: ds.search(None), "a query is text: got None"),  # type: ignore[call-overload]
        (lambda: ds.actor(None), "an actor is named by text"),  # type: ignore[arg-type]
    ):
        with pytest.raises(swg.InvalidFilter, match=said):
            call()


def test_empty_and_sliced_results_keep_their_columns(ds: Dataset) -> None:
    assert list(ds.search("zzzz").to_dataframe().columns) == list(HIT_FIELDS)
    sliced = ds.paragraphs()[2:4]
    assert isinstance(sliced, swg.Results) and list(sliced.to_dataframe()["number"]) == [3, 4]
    assert ds.paragraphs()[0:0].to_dataframe().columns.tolist() == [c.name for c in _tables.table("paragraphs").columns]
