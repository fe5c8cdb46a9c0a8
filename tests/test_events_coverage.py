"""General-English coverage per PLOVER type (issue #5, plover6): the common news verbs, light-verb
phrases and constructions of each type, checked on our own invented sentences about the invented
states of tests/data/fictional-actors.yaml (no benchmark wording)."""
from __future__ import annotations

import pytest

from event_helpers import country_triples as triples
from event_helpers import run_events as events


@pytest.fixture(scope="module")
def pipe(fictional_pipeline):
    return fictional_pipeline


@pytest.mark.parametrize("text,expected", [
    # shells, rockets or bombs rained, lobbed, dropped on someone (by_object)
    ("Keshi militants lobbed mortars at the Valdorian base.", ("ASSAULT", "KSH", "VAL")),
    ("Keshi rebels hurled grenades at Valdorian soldiers.", ("ASSAULT", "KSH", "VAL")),
    ("Kesh unleashed a barrage of rockets at Valdoria.", ("ASSAULT", "KSH", "VAL")),
    ("Keshi militants used weapons against Valdorian civilians.", ("ASSAULT", "KSH", "VAL")),
    # war declared; advancing into another's land
    ("Kesh declared war on Valdoria.", ("FIGHT", "KSH", "VAL")),
    # "slapped sanctions on" (light verb)
    ("Kesh slapped sanctions on Valdoria.", ("SANCTION", "KSH", "VAL")),
    ("Kesh revoked the visas of Valdorian diplomats.", ("SANCTION", "KSH", "VAL")),
    # aid: debts written off, goods and teams sent
    ("Kesh cancelled Valdoria's debt.", ("AID", "KSH", "VAL")),
    ("Kesh sent vaccines to Valdoria.", ("AID", "KSH", "VAL")),
    ("Kesh dispatched a rescue team to Valdoria.", ("AID", "KSH", "VAL")),
    # criticism: branded, taken to court
    ("Kesh branded Valdoria a terrorist state.", ("ACCUSE", "KSH", "VAL")),
    ("Kesh took Valdoria to the international court.", ("ACCUSE", "KSH", "VAL")),
    # a threat of force
    ("Kesh said it was ready to use force against Valdoria.", ("THREATEN", "KSH", "VAL")),
    # differences buried; an occupation ended; an arsenal dismantled
    ("Kesh and Valdoria buried their differences.", ("AGREE", "KSH", "VAL")),
    ("Kesh ended its occupation of Valdorian territory.", ("RETREAT", "KSH", "VAL")),
    # drills near another state are a show of force, not aid in troops
    ("Kesh held military exercises near Valdoria.", ("MOBILIZE", "KSH", "VAL")),
    # unrest told as breaking out in one country is its people's, against their state
    ("Protests erupted across Valdoria on Monday.", ("PROTEST", "VAL", "VAL")),
    ("Anti-government riots broke out in Castelmar.", ("PROTEST", "VAL", "VAL")),
    ("A general strike paralysed Valdoria.", ("PROTEST", "VAL", "VAL")),
    # blame told in a small clause; revenge vowed is a threat; forces driven out; held in custody
    ("Kesh held Valdoria responsible for the attack.", ("ACCUSE", "KSH", "VAL")),
    ("Kesh vowed revenge against Valdoria.", ("THREATEN", "KSH", "VAL")),
    ("Kesh vowed retaliation against Valdoria.", ("THREATEN", "KSH", "VAL")),
    # a state's protest note is a complaint; readiness told by litotes is a threat
    ("Kesh handed a protest note to the Valdorian ambassador.", ("ACCUSE", "KSH", "VAL")),
    ("Kesh lodged a formal protest with Valdoria.", ("ACCUSE", "KSH", "VAL")),
    ("Kesh would not hesitate to strike Valdoria.", ("THREATEN", "KSH", "VAL")),
    ("Kesh did not hesitate to criticise Valdoria.", ("ACCUSE", "KSH", "VAL")),
    # defence spoken for; relief flown in; a siege laid; forces locked in fighting
    ("Kesh came to the defence of Valdoria.", ("SUPPORT", "KSH", "VAL")),
    ("Kesh spoke in favour of Valdoria's membership.", ("SUPPORT", "KSH", "VAL")),
    ("Kesh flew emergency supplies to Valdoria.", ("AID", "KSH", "VAL")),
    ("Keshi forces laid siege to the Valdorian town.", ("COERCE", "KSH", "VAL")),
    ("Keshi troops were locked in fierce fighting with Valdorian forces.", ("FIGHT", "KSH", "VAL")),
    # an embassy opened is ties established; aid, trade or entry barred are sanctions; publication suspended
    ("Kesh opened an embassy in Castelmar.", ("SUPPORT", "KSH", "VAL")),
    ("Kesh banned all trade with Valdoria.", ("SANCTION", "KSH", "VAL")),
    ("The Keshi government banned all aid to Valdoria.", ("SANCTION", "KSH", "VAL")),
    ("Kesh denied entry to Valdorian officials.", ("SANCTION", "KSH", "VAL")),
    ("The Keshi government suspended publication of two opposition dailies.", ("COERCE", "KSH", "KSH")),
    # aid increased, a war escalated
    ("Kesh doubled its aid to Valdoria.", ("AID", "KSH", "VAL")),
    ("Kesh increased its military aid to Valdoria.", ("AID", "KSH", "VAL")),
    ("Kesh escalated its war with Valdoria.", ("FIGHT", "KSH", "VAL")),
    # those killed in an owned attack are its targets; a vessel rammed
    ("Five Valdorian soldiers were killed in a Keshi ambush.", ("ASSAULT", "KSH", "VAL")),
    ("A Keshi patrol boat rammed a Valdorian trawler.", ("ASSAULT", "KSH", "VAL")),
    # opposition rallied against another (CAMEO 113)
    ("Kesh campaigned against Valdoria's bid.", ("ACCUSE", "KSH", "VAL")),
    ("Kesh lobbied against Valdoria's membership.", ("ACCUSE", "KSH", "VAL")),
    # yields: objections dropped, a stance softened, a hike scrapped, elections announced; troops cut; pilots returned
    ("Kesh dropped its objections to Valdoria's membership.", ("CONCEDE", "KSH", "VAL")),
    ("Kesh softened its stance toward Valdoria.", ("CONCEDE", "KSH", "VAL")),
    ("The Keshi government scrapped the fuel price increase after the protests.", ("CONCEDE", "KSH", "KSH")),
    ("The Keshi president announced early elections.", ("CONCEDE", "KSH", "KSH")),
    ("Kesh returned two captured pilots to Valdoria.", ("RETREAT", "KSH", "VAL")),
    # steps, measures or efforts taken to act: the taker acts; freedoms broadened
    ("The Keshi president has taken steps to enhance political freedoms in Kesh.", ("CONCEDE", "KSH", "KSH")),
    ("The Keshi government took measures to expel Valdorian diplomats.", ("SANCTION", "KSH", "VAL")),
    ("The Keshi government broadened press freedoms.", ("CONCEDE", "KSH", "KSH")),
    # said to be unacceptable / out of the question: a rejection; said to be illegal or provocative: criticism
    ("Kesh said Valdoria's proposal was unacceptable.", ("REJECT", "KSH", "VAL")),
    ("The Keshi foreign minister said lifting the sanctions on Valdoria was out of the question.", ("REJECT", "KSH", "VAL")),
    ("Kesh said Valdoria's decision to close the border was illegal.", ("ACCUSE", "KSH", "VAL")),
    # assent given, a deal honoured, security guaranteed; a back turned; consequences said; believers protesting
    ("Kesh has given its assent to the Valdorian plan.", ("AGREE", "KSH", "VAL")),
    ("Kesh gave the green light to Valdoria's request.", ("AGREE", "KSH", "VAL")),
    ("Kesh guaranteed Valdoria's security.", ("AGREE", "KSH", "VAL")),
    ("Kesh turned its back on Valdoria.", ("REJECT", "KSH", "VAL")),
    ("Kesh said Valdoria would face serious consequences.", ("THREATEN", "KSH", "VAL")),
    ("Valdorian Muslims protested in Castelmar.", ("PROTEST", "VAL", "VAL")),
    # an accord between two parties signed in the passive pairs them
    ("The accord between Kesh and Valdoria was signed on Monday.", ("AGREE", "KSH", "VAL")),
])
def test_coverage(pipe, text, expected):
    assert expected in triples(events(pipe, text)), text


@pytest.mark.parametrize("text", [
    "The rally in oil prices continued in Kesh.",  # markets rally too
    "The treaty between Kesh and Valdoria was mentioned in the report.",  # no signing told
    "Kesh launched a new satellite on Friday.",  # no shells, no target
    "Valdoria declared a national holiday.",
    "Kesh did not hold Valdoria responsible.",  # negated blame
    "Kesh increased its aid budget.",  # no one given anything
    "Kesh said the weather was unacceptable for flights.",  # no one's proposal refused
    "Kesh said it was impossible to predict the outcome.",
    "Kesh said exporters would face higher costs.",  # no threat: costs, not consequences
])
def test_no_event(pipe, text):
    assert not triples(events(pipe, text)), text


def test_forces_sent_into_another_state_stay_military_aid(pipe):
    assert ("AID", "KSH", "VAL") in triples(events(pipe, "Kesh deployed troops to Valdoria."))


def test_a_vowed_attack_is_no_attack_yet(pipe):
    assert ("ASSAULT", "KSH", "VAL") not in triples(events(pipe, "Kesh vowed retaliation against Valdoria."))


def test_a_test_fired_missile_is_no_attack(pipe):
    assert ("TEST", "VAL", None) in triples(events(pipe, "Valdoria test-fired two rockets on Sunday."))


def test_a_plain_refusal_stays_negated(pipe):
    assert ("ASSAULT", "KSH", "VAL") not in triples(events(pipe, "Kesh will not attack Valdoria."))


@pytest.mark.parametrize("text,expected", [
    # unnamed forces placed by their own "in" phrase act on their own country's unnamed people
    ("Police in Castelmar fired on protesters.", ("FIGHT", "VAL", "VAL")),
    ("Troops in Castelmar fired on a crowd of mourners.", ("FIGHT", "VAL", "VAL")),
    ("Soldiers in Castelmar shot dead three looters.", ("FIGHT", "VAL", "VAL")),
    ("Police in Castelmar arrested twenty students.", ("COERCE", "VAL", "VAL")),
])
def test_unnamed_forces_at_home(pipe, text, expected):
    assert expected in triples(events(pipe, text)), text


def test_troops_reduced_are_a_retreat(pipe):
    assert any(e.type == "RETREAT" and e.actor.startswith("KSH") for e in events(pipe, "Kesh reduced its troops in Valdoria."))
