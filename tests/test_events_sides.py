"""Sides and types told by the phrase around the trigger (events9): a summoned envoy's host, fire taken
from a side, a strike's locative place, a reported clause's "its", weapon items from data/weapons.yaml.
Invented sentences about invented states (tests/data/fictional-actors.yaml)."""
import pytest

from sitrep.model import Document


@pytest.fixture(scope="module")
def pipe(fictional_pipeline):
    return fictional_pipeline


def _events(pipe, text):
    doc = Document.new(text)
    evs = pipe.run(doc).events
    for e in evs:
        assert doc.text[e.start:e.end] == e.text
    return {(e.type, e.actor and e.actor.split()[0], e.target and e.target.split()[0]) for e in evs}


def test_reported_its_is_the_speakers(pipe):
    assert ("ASSAULT", "KSH", "VAL") in _events(pipe, "Valdoria said Kesh had shelled its villages.")
    assert not any(t == "VAL" for _, _, t in _events(pipe, "Valdoria said Kesh had shelled its own villages."))


@pytest.mark.parametrize("text", [
    "Valdoria's ambassador in Kesh was summoned.",
    "The Valdorian ambassador to Kesh was summoned on Monday.",
    "Valdoria's ambassador in Kesh was summoned by the foreign ministry.",
])
def test_agentless_summons_is_the_host_states(pipe, text):
    evs = _events(pipe, text)
    assert ("ACCUSE", "KSH", "VAL") in evs and ("ACCUSE", "VAL", "KSH") not in evs


def test_summons_with_a_named_agent_stays_the_agents(pipe):
    assert ("ACCUSE", "KSH", "VAL") in _events(pipe, "The Valdorian ambassador was summoned by Kesh.")


@pytest.mark.parametrize("text", [
    "Valdorian troops came under fire from Kesh.",
    "Valdorian forces received artillery fire from Kesh.",
    "Valdoria received fire from Kesh.",
])
def test_fire_taken_is_an_assault_by_its_source(pipe, text):
    evs = _events(pipe, text)
    assert ("ASSAULT", "KSH", "VAL") in evs
    assert not any(ty == "AID" for ty, _, _ in evs)


def test_a_fire_breaking_out_is_no_assault(pipe):
    assert _events(pipe, "A fire broke out in the Valdorian embassy in Kesh.") == set()


def test_weapons_received_stay_aid(pipe):
    assert ("AID", "KSH", "VAL") in _events(pipe, "Valdoria received tanks from Kesh.")


@pytest.mark.xfail(strict=True, reason="known defect, left open: the rule that made a strike's locative place "
                   "no side dropped the whole event (no actor left), costing re3d test weapon recall below its floors; "
                   "it needs actorless strike events first")
def test_a_strikes_locative_place_is_no_side(pipe):
    evs = _events(pipe, "Airstrikes in Kesh killed 12 civilians.")
    assert not any(a == "KSH" for _, a, _ in evs)


def test_rebels_in_a_state_are_still_its_own(pipe):
    assert any(a == "KSH" for _, a, _ in _events(pipe, "Rebels in Kesh attacked a Valdorian convoy."))


def test_weapon_items_come_from_the_weapons_lexicon():
    from sitrep.extract.event_vocab import load_vocab, weapon_words
    w = load_vocab()["items"]["weapons"]
    assert {"bomb", "bombs", "mortar", "grenade", "rpg", "ied", "vbied", "sarin", "chlorine"} <= w
    assert weapon_words() <= w and "systems" in w  # and the supply-only words of event_verbs.yaml


def test_mortar_sent_is_weapons_aid(pipe):
    doc = Document.new("Kesh sent mortars to Valdoria.")
    evs = [e for e in pipe.run(doc).events if e.type == "AID"]
    assert evs and evs[0].mode == "weapons"


def test_a_struck_place_names_its_state_as_target(pipe):
    assert ("ASSAULT", "KSH", "UKR") in _events(pipe, "Kesh shelled Kharkiv overnight.")
    # reported: the event stands, its claim is the speaker's
    doc = Document.new("The Valdorian leader said Kesh had attacked Kharkiv.")
    evs = [e for e in pipe.run(doc).events if e.type == "ASSAULT"]
    assert evs and evs[0].target == "UKR" and evs[0].claim_id and evs[0].location == "Kharkiv"


def test_a_states_own_place_struck_is_no_target(pipe):
    assert not any(t == "RUS" for _, a, t in _events(pipe, "Russian forces attacked Belgorod."))


def test_where_a_named_sides_people_are_is_no_side(pipe):
    evs = _events(pipe, "The Valdorian foreign minister met with his Keshi counterpart in Lirn.")
    assert ("CONSULT", "VAL", "KSH") in evs and not any(t == "OST" for _, _, t in evs)
    evs = _events(pipe, "Valdorian officials in Lirn condemned the attack on Kesh.")
    assert not any(a == "OST" for _, a, _ in evs)


def _spans(pipe, text):
    doc = Document.new(text)
    return [(e.type, e.actor, e.target, e.text) for e in pipe.run(doc).events]


@pytest.mark.parametrize("text", [
    "A Valdorian patrol came under heavy fire from Keshi forces.",
    "A patrol in Valdoria came under fire from Keshi troops on Sunday.",
])
def test_fire_taken_from_troops_is_their_assault(pipe, text):
    # (evt10) fire taken from troops is their attack on the patrol's side, not troops opening fire (FIGHT);
    # the event's text is the clause, not only "heavy fire"
    evs = _spans(pipe, text)
    assert any(t == "ASSAULT" and a == "KSH MIL" and (g or "").split()[0] == "VAL" for t, a, g, _ in evs), evs
    assert not any(t == "FIGHT" for t, *_ in evs), evs
    assert all(s.startswith("A ") and "Keshi" in s for *_, s in evs), evs


@pytest.mark.parametrize("text", [
    "The Valdorian embassy in Lirn was attacked by a mob.",
    "The Valdorian consulate in Lirn was attacked by a crowd on Friday.",
    "The Valdorian embassy was attacked by a mob in Lirn.",
])
def test_crowd_in_a_by_phrase_is_the_places_people(pipe, text):
    # (evt10) a mob named only as the passive's agent: the people of the one country it is in, and a
    # riot as in the active voice ("a mob attacked the Valdorian embassy in Lirn")
    assert ("PROTEST", "OST", "VAL") in _events(pipe, text)
    assert _events(pipe, text) == _events(pipe, "A mob attacked the Valdorian embassy in Lirn.")


def test_armed_agent_in_a_by_phrase_is_no_crowd(pipe):
    assert ("PROTEST", "OST", "VAL") not in _events(pipe, "A Valdorian convoy was attacked by Keshi troops in Lirn.")


@pytest.mark.parametrize("text", [
    "Keshi forces attacked Kesh City.",
    "Kesh City was attacked by Keshi forces.",
    "Keshi forces launched an attack on Kesh City.",
])
def test_forces_striking_their_own_capital_is_domestic(pipe, text):
    # (evt10) the capital is an alias of the state: its own forces striking it act at home, coded as
    # domestic events are (the forces on their own country, as "police fired on protesters in X"), never
    # against another state nor dropped
    evs = _spans(pipe, text)
    assert [(t, a, g) for t, a, g, _ in evs] == [("ASSAULT", "KSH MIL", "KSH")], evs


def test_the_state_itself_never_attacks_itself(pipe):
    assert _events(pipe, "Kesh bombed Kesh City.") == set()
    assert ("ASSAULT", "KSH", "OST") in _events(pipe, "Keshi forces attacked Kesh City and Lirn.")
