"""Helpers shared by the claim tests."""
from __future__ import annotations


def by_cue(claims, cue: str):
    """The first claim whose cue is ``cue`` (any case); fails, listing the cues, when there is none."""
    found = [c for c in claims if c.cue.lower() == cue.lower()]
    assert found, f"no claim with cue {cue!r} in {[c.cue for c in claims]}"
    return found[0]
