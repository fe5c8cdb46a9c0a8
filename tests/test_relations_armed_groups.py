"""Relations among the armed groups of the Syrian and Iraqi wars (actors.yaml), on our own sentences."""
from __future__ import annotations

import pytest

from sitrep.model import Document


def _rels(pipe, text):
    return {(r.type, r.from_, r.to) for r in pipe.run(Document.new(text)).relations}


@pytest.mark.parametrize("text,name,code", [
    ("Daesh fighters withdrew from the village.\n", "Islamic State", "IRQ REB"),
    ("The SDF said it held the dam.\n", "Syrian Democratic Forces", "SYR REB"),
    ("Peshmerga forces entered the town.\n", "Peshmerga", "IRQ MIL"),
    ("Jabhat al-Nusra claimed the bombing.\n", "Nusra Front", "SYR REB"),
    ("Villagers said IS had left the valley.\n", "Islamic State", "IRQ REB"),
])
def test_armed_groups_of_the_syrian_and_iraqi_wars(pipeline, text, name, code):
    ents = {(e.name, e.code) for e in pipeline.run(Document.new(text)).entities}
    assert (name, code) in ents


def test_the_backer_of_a_force_is_not_its_doer(pipeline):
    keys = _rels(pipeline, "US-backed SDF fighters retook the bridge from Daesh last week.\n")
    assert ("OPPOSES", "SYR REB", "IRQ REB") in keys and ("ALLIED_WITH", "USA", "SYR REB") in keys
    assert ("OPPOSES", "USA", "IRQ REB") not in keys


def test_a_phase_of_a_campaign_is_its_doers(pipeline):
    keys = _rels(pipeline, "The Peshmerga have begun the second phase of the campaign to defeat ISIL.\n")
    assert ("OPPOSES", "IRQ", "IRQ REB") in keys


def test_rebels_fighting_their_own_state(pipeline):
    keys = _rels(pipeline, "Free Syrian Army units fought the Syrian Arab Army south of the city.\n")
    assert ("OPPOSES", "SYR REB", "SYR") in keys


def test_operations_launched_against_a_group(pipeline):
    keys = _rels(pipeline, "Kurdish Peshmerga launched operations against IS west of the river.\n")
    assert ("OPPOSES", "IRQ", "IRQ REB") in keys
