"""The analytical layer: topics, treaty and SDG links, specificity, provenance, counts and cross-tabs."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

import smuggling_wg as swg
from smuggling_wg import _loader
from smuggling_wg.dataset import Dataset
from smuggling_wg.models import Meeting

ROOT = Path(__file__).resolve().parent.parent


def _numbers(records: tuple[swg.Recommendation, ...]) -> list[int]:
    return [r.number for r in records]


def test_vocabulary(ds: Dataset) -> None:
    assert 12 <= len(ds.topics) <= 20
    assert len({t.id for t in ds.topics}) == len(ds.topics)
    assert all(t.label_en and t.label_ru and t.definition.endswith(".") for t in ds.topics)
    assert ds.topic("digital_evidence").label("en") == "Digital and electronic evidence"
    with pytest.raises(swg.NotFound, match="Did you mean 'cyberspace'"):
        ds.topic("cyber_space")


def test_every_recommendation_is_tagged_and_every_topic_used(ds: Dataset, m7: Meeting) -> None:
    assert all(r.topics for r in m7.recommendations)
    used = {t.topic for r in m7.recommendations for t in r.topics}
    assert used == {t.id for t in ds.topics}
    assert all(n > 0 for _, n in ds.counts("topic"))


def test_every_tag_quotes_its_own_text(m7: Meeting) -> None:
    for r in m7.recommendations:
        assert all(t.quote in r.text.ru and t.provenance == "editorial" for t in r.topics), r.number
    tagged = [p for p in m7.paragraphs if p.topics]
    assert [p.number for p in tagged] == [7, 8, 9, 10, 13, 14, 15, 16]
    for p in tagged:
        assert all(t.quote in p.text.ru for t in p.topics), p.number


def test_every_link_points_into_the_reference_data(ds: Dataset, m7: Meeting) -> None:
    articles = {i.id: i.articles for i in ds.bundle.instruments}
    assert len(articles["convention"]) == 41 and len(articles["smuggling_protocol"]) == 25
    assert articles["convention"][19] == "Joint investigations"
    assert articles["smuggling_protocol"][16] == "Protection and assistance measures"
    # Data 1.1: recs 7 and 13 have no link a lawyer would defend, and no reference of the report's own
    assert [r.number for r in m7.recommendations if not r.treaty_refs] == [7, 13]
    for r in m7.recommendations:
        for ref in r.treaty_refs:
            assert ref.article is None or ref.article in articles[ref.instrument]
            assert (ref.provenance == "source") == bool(ref.as_written)
            assert (ref.provenance == "editorial") == bool(ref.rationale)
        assert all(s.target in ds.bundle.sdg_targets for s in r.sdg_targets), r.number
    # Data 1.2: a target only where a written rule gives one (analysis/link-rules.yaml); rec 9 asks for research
    # on organized criminal groups, not action against them, so no rule gives it one (the blind second check agrees)
    assert [r.number for r in m7.recommendations if not r.sdg_targets] == [9]
    assert ds.bundle.sdg_targets["10.7"].startswith("Facilitate orderly, safe, regular and responsible migration")


def test_stated_references_stay_the_reports(ds: Dataset) -> None:
    stated = [
        (r.number, t.instrument, t.article)
        for r in ds.recommendations()
        for t in r.treaty_refs
        if t.provenance == "source"
    ]
    assert stated == [(8, "convention", 19), (14, "smuggling_protocol", None)]
    assert _numbers(ds.recommendations(article="convention:19", provenance="source")) == [8]
    assert _numbers(ds.recommendations(instrument="smuggling_protocol", provenance="source")) == [14]
    assert ds.recommendations(topic="cyberspace", provenance="source") == ()


def test_addressee_kind_and_specificity(ds: Dataset) -> None:
    assert _numbers(ds.recommendations(addressee_kind="states_with_international_support")) == [5]
    assert len(ds.recommendations(addressee_kind="states_parties")) == 21
    # hand count of the levels typed in analysis-07.yaml, by the verb each recommendation uses
    assert _numbers(ds.recommendations(specificity=3)) == [8, 12, 21]  # «рассмотреть»
    assert _numbers(ds.recommendations(specificity=2)) == []  # 15 «продолжать» also asks «регулярно оценивать»: 4
    # «обмениваться информацией», «расширять сотрудничество», «партнерские связи»
    assert _numbers(ds.recommendations(specificity=1)) == [5, 13, 18]
    # a concrete instrument, also as the means after «(в том числе) путем» (Data 1.1: 14 joins 3 and 19)
    assert _numbers(ds.recommendations(specificity=5)) == [1, 3, 14, 19, 20]
    assert _numbers(ds.recommendations(specificity=4)) == [2, 4, 6, 7, 9, 10, 11, 15, 16, 17, 22]
    assert all(r.specificity and r.specificity.rationale for r in ds.recommendations())


def test_topic_filters_match_a_hand_count(ds: Dataset) -> None:
    assert _numbers(ds.recommendations(topic="digital_evidence")) == [11, 12, 14, 17]
    assert _numbers(ds.recommendations(topic="cyberspace")) == [9, 10, 12, 21, 22]
    assert _numbers(ds.recommendations(topic=["gender_children", "justice_continuity"])) == [4, 7]
    assert _numbers(ds.recommendations(theme=["crises"], topic="digital_evidence")) == []
    assert _numbers(ds.recommendations(theme=["crises", "technology"], modality="may_wish")) == [12]
    assert _numbers(ds.recommendations(sdg_target="3.d")) == [13]


def test_counts_and_crosstab_match_a_hand_count(ds: Dataset) -> None:
    assert ds.counts("theme") == (("crises", 7), ("technology", 15))
    assert ds.counts("modality") == (("should", 14), ("encouraged", 7), ("may_wish", 1))
    assert dict(ds.counts("specificity")) == {1: 3, 2: 0, 3: 3, 4: 11, 5: 5}
    table = ds.crosstab("theme", "modality")
    assert [(c.row, c.column, c.n) for c in table] == [
        ("crises", "should", 6),
        ("crises", "encouraged", 1),
        ("crises", "may_wish", 0),
        ("technology", "should", 8),
        ("technology", "encouraged", 6),
        ("technology", "may_wish", 1),
    ]
    topic_by_theme = {(c.row, c.column): c.n for c in ds.crosstab("topic", "theme")}
    assert topic_by_theme[("crisis_preparedness", "crises")] == 7
    assert topic_by_theme[("crisis_preparedness", "technology")] == 1  # rec. 13
    assert sum(topic_by_theme.values()) == sum(len(r.topics) for r in ds.recommendations())


def test_bad_filter_values(ds: Dataset) -> None:
    with pytest.raises(swg.InvalidFilter, match="Did you mean 'digital_evidence'"):
        ds.recommendations(topic="digital")
    with pytest.raises(swg.InvalidFilter, match="unknown dimension 'topics'"):
        ds.counts("topics")  # type: ignore[arg-type]
    with pytest.raises(swg.InvalidFilter, match="unknown provenance 'report'"):
        ds.crosstab("topic", "theme", provenance="report")  # type: ignore[arg-type]
    with pytest.raises(swg.InvalidFilter, match="unknown specificity 6"):
        ds.recommendations(specificity=6)


def test_dataframes(ds: Dataset) -> None:
    frame = ds.crosstab("theme", "modality").to_dataframe()
    assert frame.loc["technology", "encouraged"] == 6
    assert list(frame.columns) == ["should", "encouraged", "may_wish"]
    assert ds.counts("theme").to_dataframe()["n"].tolist() == [7, 15]


def test_dataframe_without_pandas(ds: Dataset, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "pandas", None)
    with pytest.raises(ImportError, match=r"pip install 'smuggling-wg\[pandas\]'"):
        ds.counts("theme").to_dataframe()


def test_tags_are_the_first_pass_plus_the_recorded_decisions(m7: Meeting) -> None:
    first = json.loads((ROOT / "analysis" / "tags-first-pass.json").read_text(encoding="utf-8"))
    blind = json.loads((ROOT / "analysis" / "tags-blind-pass.json").read_text(encoding="utf-8"))
    decisions = yaml.safe_load((ROOT / "analysis" / "tag-decisions.yaml").read_text(encoding="utf-8"))["decisions"]
    decided = {(d["recommendation"], d["topic"]): d["decision"] for d in decisions}
    for r in m7.recommendations:
        a = {t["topic"] for t in first[str(r.number)]}
        b = {t["topic"] for t in blind[str(r.number)]}
        assert {(r.number, t) for t in a ^ b} <= set(decided), "every disagreement has a decision"
        expected = (a & b) | {t for t in a ^ b if decided[(r.number, t)] == "add"}
        assert {t.topic for t in r.topics} == expected, r.number


def test_agreement_report_is_up_to_date() -> None:
    done = subprocess.run([sys.executable, "tools/agreement.py", "--check"], cwd=ROOT, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    report = (ROOT / "analysis" / "agreement.md").read_text(encoding="utf-8")
    assert "| investigation_prosecution | 11 | 10 | 10 | 0.91 |" in report
    assert "| 7 | investigation_prosecution | True | False | add |" in report
    assert "Overall (pooled): kappa 0.991; 373 of 374 judgments agree." in report


def _bundle_json() -> dict[str, Any]:
    data: dict[str, Any] = json.loads((_loader.data_dir() / _loader.BUNDLED_JSON).read_bytes())
    return data


def test_unknown_labels_are_rejected() -> None:
    data = _bundle_json()
    rec = data["meetings"][0]["recommendations"][0]
    rec["topics"][0]["topic"] = "astrology"
    rec["sdg_targets"][0]["target"] = "18.1"
    rec["treaty_refs"][0]["article"] = 99
    with pytest.raises(swg.DataError) as caught:
        _loader.read_json(json.dumps(data))
    text = str(caught.value)
    assert "meetings.0.recommendations.0.topics.0.topic: unknown topic 'astrology'" in text
    assert "unknown SDG target '18.1'" in text
    assert "recommendations.0.treaty_refs.0.article: smuggling_protocol article 99 is not in the reference data" in text


def test_editorial_link_needs_a_rationale() -> None:
    data = _bundle_json()
    data["meetings"][0]["recommendations"][0]["treaty_refs"][0]["rationale"] = ""
    with pytest.raises(swg.DataError, match="an editorial treaty link needs a rationale"):
        _loader.read_json(json.dumps(data))


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        (
            "{addressee_kind: states}",
            "4:25: annotations.0.recommendations.1.addressee_kind: addressee_kind is already set",
        ),
        ("{modality: should}", "4:19: annotations.0.recommendations.1.modality: Extra inputs are not permitted"),
    ],
)
def test_annotation_cannot_overwrite_the_report(tmp_path: Path, fields: str, message: str) -> None:
    """A label already set stays; a field of the report's own data is no label at all."""
    folder = _loader.data_dir()
    clash = tmp_path / "clash.yaml"
    clash.write_text(f"annotations:\n- meeting: 7\n  recommendations:\n    1: {fields}\n", encoding="utf-8")
    with pytest.raises(swg.DataError, match=re.escape(f"clash.yaml:{message}")):
        _loader.read_yaml([*(folder / n for n in _loader.SOURCE_FILES), clash])


def test_paragraphs_by_topic(ds: Dataset) -> None:
    assert [p.number for p in ds.paragraphs(topic="digital_evidence")] == [13, 16]
    assert [p.number for p in ds.paragraphs(topic=["gender_children", "justice_continuity"])] == [7, 9, 10]
    assert len(ds.paragraphs()) == 34
    with pytest.raises(swg.InvalidFilter):
        ds.paragraphs(topic="nothing")
