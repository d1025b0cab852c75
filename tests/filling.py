"""Filling in the template as a user would (shared by the tests of the template)."""

from __future__ import annotations

#: What a user writes for each placeholder of the template (the rest become a Russian text).
TEMPLATE_ANSWERS = {
    "the meeting's number, e.g. 8": "100",
    "the first day, YYYY-MM-DD": "2099-01-01",
    "the last day, YYYY-MM-DD": "2099-01-02",
    "in_person, online or hybrid": "in_person",
    "how many meetings (заседания) were held": "1",
    "the paragraphs that say the above": "1",
    "paragraph": "1",
    "a short id, e.g. crises": "my_theme",
    "the theme's id": "my_theme",
    "should, encouraged or may_wish": "should",
}


def filled_template(text: str) -> str:
    """The template with every placeholder replaced, as a user would."""
    import re

    return re.sub(
        r'"<<CHANGE(?:: ((?:[^>"]|\\")*))?>>"', lambda m: TEMPLATE_ANSWERS.get(m.group(1) or "", '"Текст"'), text
    )
