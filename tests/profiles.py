"""Hypothesis profiles: ``quick`` for the README's test command, ``ci`` (ten times the examples) after it.

``.ci/run`` runs the README's command (quick), then the property tests again with
``--hypothesis-profile=ci``. A test states how many examples it needs in the quick profile
with :func:`scaled`; the ci profile runs ten times as many.
"""

from __future__ import annotations

from hypothesis import settings

settings.register_profile("quick", max_examples=100, deadline=None)
settings.register_profile("ci", max_examples=1000, deadline=None)
settings.load_profile("quick")  # pytest's --hypothesis-profile=ci loads the other one after this


def scaled(quick: int) -> int:
    """``quick`` examples in the quick profile, ten times as many in the ci profile."""
    return max(1, quick * settings().max_examples // 100)
