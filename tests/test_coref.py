"""Within-document coreference (issue #3): the word lists are documented data, and later mentions join
the first one only where one candidate fits. Our own sentences about invented states
(tests/data/fictional-actors.yaml) and real office holders of the bundled dictionary."""
from __future__ import annotations

import yaml

from sitrep.extract import event_actors


def test_every_coref_word_group_has_a_help_line_and_words():
    groups = yaml.safe_load(event_actors.COREF_FILE.read_text(encoding="utf-8"))
    assert groups and len({g["group"] for g in groups}) == len(groups)
    for g in groups:
        assert isinstance(g.get("help"), str) and len(g["help"].split()) >= 5, g.get("group")
        assert g.get("words") or g.get("items") or g.get("value") is not None, g["group"]


def test_the_code_reads_its_pronoun_lists_from_the_data_file():
    from sitrep.extract import event_parse, event_roles
    assert "its" in event_actors.POSSESSIVE_OWNERS and "they" in event_actors.SPEAKER_PRONOUNS
    assert event_roles.PRONOUN_NUMBER["their"] == "plur" and "be" in event_roles.EXPLETIVE_HEADS
    assert event_parse.POSSESSIVE_OWNERS is event_actors.POSSESSIVE_OWNERS
    assert event_actors.NUMBERS["both"] == 2 and event_actors.FAR_SENTENCES == 8
