"""The re3d scorer's actor file: gold names, but no bare pronouns or two-letter names."""
from __future__ import annotations

from sitrep.eval import re3d


def test_re3d_actor_file_leaves_out_pronouns_and_short_names():
    ents = {"d1": [{"type": "Organisation", "value": v} for v in
                   ("The", "their", "We", "the Marrow Brigade", "border guards", "Their Brigade")]}
    names = {e["name"] for e in re3d.actor_entries(ents)}
    assert names == {"the Marrow Brigade", "border guards", "Their Brigade"}
