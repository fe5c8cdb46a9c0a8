"""Events told only as a condition, a question or what a demand asks for are no events
(``hypothetical`` in event_parse.modality, never emitted); the sentence's real event stays.
Invented sentences about invented states (tests/data/fictional-actors.yaml)."""
import pytest

from event_helpers import run_events


@pytest.fixture(scope="module")
def pipe(fictional_pipeline):
    return fictional_pipeline


def _events(pipe, text):
    return {(e.type, e.actor and e.actor.split()[0], e.target and e.target.split()[0])
            for e in run_events(pipe, text) if e.modality != "negated"}


@pytest.mark.parametrize("text", [
    "If Valdoria invades Kesh, Ostrana will respond.",           # an opening "If" the parser hangs on "respond"
    "Ostrana will respond if Valdoria invades Kesh.",
    "Ostrana will not send envoys unless Valdoria withdraws from Kesh.",
    "Ostrana will respond should Valdoria invade Kesh.",          # inverted conditions
    "Had Valdoria attacked Kesh, Ostrana would have responded.",
])
def test_condition_is_no_event(pipe, text):
    assert not any(a == "VAL" for _, a, _ in _events(pipe, text))


@pytest.mark.parametrize("text", [
    "Talmar asked whether Valdoria would attack Kesh.",
    "Talmar asked Pellis if Valdoria would attack Kesh.",
])
def test_indirect_question_is_neither_the_act_nor_a_demand(pipe, text):
    assert _events(pipe, text) == set()


def test_demanded_act_is_not_done(pipe):
    evs = _events(pipe, "Talmar demanded that Valdoria withdraw its troops from Kesh.")
    assert ("DEMAND", "TAL", "VAL") in evs
    assert not any(a == "VAL" for _, a, _ in evs)


@pytest.mark.parametrize("text,ev", [
    ("Valdoria invaded Kesh on Monday.", ("FIGHT", "VAL", "KSH")),
    ("Talmar said that Valdoria had attacked Kesh.", ("ASSAULT", "VAL", "KSH")),
    ("Talmar warned that it would retaliate if Valdoria attacked its ports.", ("THREATEN", "TAL", "VAL")),
])
def test_told_events_stay(pipe, text, ev):
    assert ev in _events(pipe, text)


@pytest.mark.parametrize("text", [
    "Valdoria denied any role in the bombing of Kesh.",
    "Valdoria rejected responsibility for the blast in Kesh.",
])
def test_own_part_denied_is_no_rejection(pipe, text):
    assert not any(t == "REJECT" for t, _, _ in _events(pipe, text))


def test_request_denied_stays_a_rejection(pipe):
    assert ("REJECT", "VAL", "KSH") in _events(pipe, "Valdoria denied Kesh's request for aid.")


@pytest.mark.parametrize("text", [
    "Talmar said that Valdoria could attack Kesh.",
    "Talmar fears that Valdoria will attack Kesh.",
    "Talmar warned that Valdoria could invade Kesh within weeks.",   # a warning about another: no threat either
    "Talmar believes Valdoria may send troops to Kesh.",
])
def test_another_actors_act_foretold_is_no_event(pipe, text):
    assert _events(pipe, text) == set()


@pytest.mark.parametrize("text,ev", [
    ("Talmar said it would attack Kesh.", ("THREATEN", "TAL", "KSH")),            # the speaker's own intent
    ("Valdoria will send troops to Kesh, a senior official said.", ("AGREE", "VAL", "KSH")),  # a report with its source
    ("Talmar said Valdoria will send troops to Kesh.", ("AGREE", "VAL", "KSH")),  # a plan reported, not foretold
])
def test_own_intent_and_reported_plans_stay(pipe, text, ev):
    assert ev in _events(pipe, text)


@pytest.mark.parametrize("text", [
    "Valdoria has yet to attack Kesh.",
    "Valdoria is yet to recognise Kesh.",
    "Valdoria no longer criticizes Kesh.",
    "Neither Valdoria nor Talmar criticized Kesh.",
    "No Valdorian official criticized Kesh.",
    "Valdoria hardly criticized Kesh.",
])
def test_negation_spread_over_a_phrase(pipe, text):
    assert not any(a == "VAL" for _, a, _ in _events(pipe, text))


def test_own_deed_denied_is_no_rejection(pipe):
    assert not any(t == "REJECT" for t, _, _ in _events(pipe, "Valdoria denied attacking Kesh."))


@pytest.mark.parametrize("text", [
    "Will Valdoria attack Kesh?",
    "Is Valdoria going to invade Kesh?",
])
def test_yes_no_question_is_no_event(pipe, text):
    assert _events(pipe, text) == set()


def test_wh_question_keeps_the_deed_it_asks_about(pipe):
    assert ("ASSAULT", "VAL", "KSH") in _events(pipe, "Why did Valdoria attack Kesh?")


def test_label_given_is_no_call_on(pipe):
    """"called X's attack on Y a crime": the parser may hang "on Y" on "called"; a label (oprd) is no "call on"."""
    from sitrep.extract.event_parse import verb_type
    from sitrep.extract.event_vocab import load_vocab
    doc = pipe.nlp("Gondor called the Mordor attack on Arnor a crime.")
    call = next(t for t in doc if t.lower_ == "called")
    assert any(c.dep_ == "oprd" for c in call.children)
    assert verb_type(call, load_vocab())[0] != "DEMAND"


def test_no_actor_acts_on_itself(pipe):
    evs = run_events(pipe, "Valdoria's ambassador in Kesh was summoned over the attack.")
    assert not any(e.actor and e.actor == e.target for e in evs)


def test_protest_at_home_keeps_its_own_country(pipe):
    evs = _events(pipe, "Thousands of Valdorians protested in Castelmar on Sunday.")
    assert ("PROTEST", "VAL", "VAL") in evs


@pytest.mark.parametrize("text,ty,gone", [
    ("Valdoria lifted its sanctions on Kesh.", "RETREAT", "SANCTION"),   # the verb acts on the noun's event
    ("Valdoria ended its boycott of Kesh.", "CONCEDE", "REJECT"),
])
def test_noun_event_undone_by_its_verb_is_not_a_second_event(pipe, text, ty, gone):
    types = {t for t, a, _ in _events(pipe, text) if a == "VAL"}
    assert ty in types and gone not in types


@pytest.mark.parametrize("text", [
    "Valdoria declined to comment on the attack on Kesh.",
    "Valdoria refused to confirm the talks with Kesh.",
])
def test_refusing_to_say_rejects_no_one(pipe, text):
    assert not any(t == "REJECT" for t, _, _ in _events(pipe, text))


def test_refusing_to_act_is_a_rejection(pipe):
    assert ("REJECT", "VAL", "KSH") in _events(pipe, "Valdoria refused to meet Kesh.")


@pytest.mark.parametrize("text,ev", [
    ("Valdoria is considering sanctions against Kesh.", ("THREATEN", "VAL", "KSH")),  # as "considering imposing"
    ("Valdoria plans an offensive against Kesh.", ("THREATEN", "VAL", "KSH")),
    ("Valdoria is preparing an attack on Kesh.", ("MOBILIZE", "VAL", "KSH")),          # as "preparing to attack"
    ("Valdoria plans a visit to Kesh.", ("AGREE", "VAL", "KSH")),                      # intent to meet
])
def test_planned_noun_event_is_read_as_its_verb(pipe, text, ev):
    evs = _events(pipe, text)
    assert ev in evs
    assert not any(t in ("SANCTION", "ASSAULT", "FIGHT", "AID", "CONSULT") for t, _, _ in evs)


@pytest.mark.parametrize("text", [
    "Valdoria denied the attack on Kesh.",
    "Valdoria denied the bombing of the Keshi embassy.",
])
def test_deed_denied_is_no_rejection(pipe, text):
    assert not any(t == "REJECT" for t, _, _ in _events(pipe, text))
