"""Event rules of plover8 (issue #5), written for generalisation rather than from gold wordings:
whole verb classes, coordinated passives, headline doers joined by a comma; no event is guessed
for a short text the rules read none in (a best-guess fallback was tried and dropped: it found
nothing right on the PLOVER dev records and coded events in PETRARCH's no-event records). Our own invented sentences about the invented
states of tests/data/fictional-actors.yaml."""
from __future__ import annotations

import pytest

from event_helpers import country_triples as triples
from event_helpers import run_events as events


@pytest.fixture(scope="module")
def pipe(fictional_pipeline):
    return fictional_pipeline


@pytest.mark.parametrize("text,expected", [
    # verb classes: violent harm to people or property, repression, a host greeting a visitor, headline "ink"
    ("Keshi militiamen plundered Valdorian farms along the river.", ("ASSAULT", "KSH", "VAL")),
    ("Brevikan rebels sabotaged an Ostranian pipeline near the border.", ("ASSAULT", "BRV", "OST")),
    ("Keshi rockets slammed into the Valdorian town of Castelmar on Monday.", ("ASSAULT", "KSH", "VAL")),
    ("Talmari police harassed Pellisian traders at the market.", ("COERCE", "TAL", "PEL")),
    ("The Ostranian authorities persecuted Brevikan monks for years.", ("COERCE", "OST", "BRV")),
    ("The Valdorian president greeted the visiting Keshi foreign minister at the airport.", ("CONSULT", "VAL", "KSH")),
    # more of each verb class: deals sealed, refutation, backtracking, vilifying, championing
    ("Kesh and Valdoria sealed a trade deal on Monday.", ("AGREE", "KSH", "VAL")),
    ("Talmar and Pellis finalised a border accord.", ("AGREE", "TAL", "PEL")),
    ("Kesh refuted Valdorian claims of an incursion.", ("REJECT", "KSH", "VAL")),
    ("The Brevikan government backtracked on its plan to tax Ostranian imports.", ("CONCEDE", "BRV", "OST")),
    ("Keshi state media demonized the Valdorian president.", ("ACCUSE", "KSH", "VAL")),
    ("Ostrana championed Brevik's bid for membership.", ("SUPPORT", "OST", "BRV")),
    ("Talmari police surrounded the Pellisian embassy.", ("COERCE", "TAL", "PEL")),
    ("Keshi rebels mortared a Valdorian army base overnight.", ("ASSAULT", "KSH", "VAL")),
    ("Valdorian troops quelled a revolt by Keshi prisoners.", ("COERCE", "VAL", "KSH")),
    ("Ostranian police put down a riot by Brevikan fans.", ("COERCE", "OST", "BRV")),
    ("Kesh disputed the Valdorian account of the incident.", ("REJECT", "KSH", "VAL")),
    ("Talmar scorned Pellis's offer of talks.", ("REJECT", "TAL", "PEL")),
    ("Keshi officials liaised with Valdorian border guards.", ("CONSULT", "KSH", "VAL")),
    ("The Ostranian press maligned the Brevikan leader.", ("ACCUSE", "OST", "BRV")),
    # a crowd with no name of its own: the people of the one place it is in, acting on another country
    ("Protesters stormed the Brevikan embassy in Lirn.", ("PROTEST", "OST", "BRV")),
    ("Angry crowds burned Keshi flags at a rally in Castelmar.", ("PROTEST", "VAL", "KSH")),
    # a participle coordinated with a passive shares its auxiliary and its agent
    ("Two Ostranian aid workers were kidnapped and murdered by Keshi militants.", ("ASSAULT", "KSH", "OST")),
    ("Three Talmari reporters were arrested and beaten by Pellisian police.", ("COERCE", "PEL", "TAL")),
    # headline doers joined by a comma
    ("Kesh, Valdoria sign peace deal", ("AGREE", "KSH", "VAL")),
    ("Ostrana and Brevik inked a trade pact on Monday.", ("AGREE", "OST", "BRV")),
])
def test_general_rules(pipe, text, expected):
    assert expected in triples(events(pipe, text))


def test_a_body_ordered_to_close_is_repressed_a_person_ordered_is_asked(pipe):
    assert ("COERCE", "VAL", "VAL") in triples(events(pipe, "The Valdorian government ordered the opposition newspaper "
                                                        "Castelmar Daily to suspend publication."))
    got = triples(events(pipe, "A Keshi judge ordered the former Valdorian minister to appear for questioning."))
    assert ("DEMAND", "KSH", "VAL") in got and not any(t[0] == "COERCE" for t in got)


def test_a_comma_pair_needs_the_verb_next(pipe):
    # an appositive set off by two commas describes the doer: one doer
    got = triples(events(pipe, "Kesh's neighbour, Valdoria, signed a trade deal with Talmar."))
    assert ("AGREE", "KSH", "VAL") not in got


def test_no_event_without_two_sides(pipe):
    assert not events(pipe, "A protest in the capital drew 10,000 people.")
    long = ("The weather was mild in Lirn on Sunday. Markets were calm. "
            "Ostranian gunboats in fresh clashes with Brevikan trawlers")
    assert not [e for e in events(pipe, long) if e.type == "FIGHT"]


def test_no_event_for_an_untold_doer_or_a_speaker(pipe):
    # an agentless passive names no doer; a speaker is no target
    assert not events(pipe, "Kesh was sharply criticized over its border dispute with Valdoria.")
    assert not [e for e in events(pipe, "Fresh clashes erupted near the river, a senior Ostranian official said.")
                if e.target]


def test_no_asserted_event_from_a_negated_word(pipe):
    assert not [e for e in events(pipe, "Valdoria did not attack Keshi villages, Kesh said.") if e.modality != "negated"]
