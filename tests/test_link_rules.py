"""The rules behind the editorial links (analysis/link-rules.yaml, rendered in the codebook), applied to every
recommendation: the same wording gets the same link."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
import yaml

from smuggling_wg.dataset import Dataset
from smuggling_wg.models import Recommendation

RULES: list[dict[str, Any]] = yaml.safe_load(
    (Path(__file__).resolve().parent.parent / "analysis" / "link-rules.yaml").read_text(encoding="utf-8")
)["rules"]


def _applies(rule: dict[str, Any], text: str) -> bool:
    found = any(re.search(w, text, re.IGNORECASE) for w in rule["wording"])
    return found and not any(re.search(u, text, re.IGNORECASE) for u in rule.get("unless", ()))


def _links(r: Recommendation) -> set[str]:
    """A recommendation's editorial links as the rules name them."""
    treaty = {f"{t.instrument}:{t.article}" for t in r.treaty_refs if t.provenance == "editorial"}
    return treaty | {f"sdg:{s.target}" for s in r.sdg_targets}


def test_rules_are_well_formed(ds: Dataset) -> None:
    articles = {i.id: i.articles for i in ds.bundle.instruments}
    for rule in RULES:
        kind, _, key = rule["link"].partition(":")
        if kind == "sdg":
            assert key in ds.bundle.sdg_targets, rule
        else:
            assert int(key) in articles[kind] and rule["where"].startswith(f"art. {key}"), rule
        assert rule["when"] and rule["wording"], rule
        assert bool(rule.get("unless")) == bool(rule.get("unless_why")), "an exception says why"
        texts = [r.text.ru for r in ds.recommendations()]
        assert any(_applies(rule, t) for t in texts), f"rule {rule['link']} applies to no recommendation"


@pytest.mark.parametrize("number", range(1, 23))
def test_every_recommendation_has_exactly_the_links_its_wording_gives(ds: Dataset, number: int) -> None:
    r = ds.recommendation(number)
    given = {rule["link"] for rule in RULES if _applies(rule, r.text.ru)}
    assert _links(r) == given, f"recommendation {number}: missing {given - _links(r)}, not given {_links(r) - given}"


def test_the_rules_cover_every_editorial_link(ds: Dataset) -> None:
    ruled = {rule["link"] for rule in RULES}
    used = {link for r in ds.recommendations() for link in _links(r)}
    assert used <= ruled and used == ruled


def test_a_link_with_two_rules_says_which_in_its_rationale(ds: Dataset) -> None:
    """Convention art. 31 has two rules (para. 2 (a): private sector; para. 5: public awareness): each
    link's rationale names the paragraph of the rule that gives it."""
    by_link: dict[str, list[dict[str, Any]]] = {}
    for rule in RULES:
        by_link.setdefault(rule["link"], []).append(rule)
    twice = {link: rules for link, rules in by_link.items() if len(rules) > 1}
    assert set(twice) == {"convention:31"}
    for r in ds.recommendations():
        for t in r.treaty_refs:
            rules = twice.get(f"{t.instrument}:{t.article}", [])
            paragraphs = [rule["where"].split(", ")[1] for rule in rules if _applies(rule, r.text.ru)]
            if rules:
                assert paragraphs and any(t.rationale.startswith(f"Art. {t.article}, {p}") for p in paragraphs), (
                    r.number,
                    t.rationale,
                )
