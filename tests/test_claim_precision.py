"""Attribution rules for PolNeAR precision, headlines and cue spans (issue #4), on sentences written
for these tests."""
from __future__ import annotations

import pytest

from claim_helpers import by_cue as one, claims_runner, source_text as _src


@pytest.fixture(scope="module")
def run(claims_pipeline):
    return claims_runner(claims_pipeline)


# headlines: a title-case line is read in sentence case, its verb's claim kept even where the
# document's own parse saw the verb with no content

def test_headline_trailing_says(run):
    doc, claims = run("Council Hid Past Flood Damage From Residents, Former City Engineer Says.\n\n"
                      "Secrecy is common in the trade.")
    c = one(claims, "Says")
    assert _src(doc, c) == "Former City Engineer"
    assert c.text.startswith("Council Hid Past Flood Damage")


def test_headline_speech_verb_takes_the_rest_of_the_line(run):
    doc, claims = run("Senator Vance Speaks ‘Plainly To Young Voters’ After Latest Debate.\n\n"
                      "The senator spoke on Sunday in the town hall.")
    c = one(claims, "Speaks")
    assert _src(doc, c) == "Senator Vance"
    assert "Plainly To Young Voters" in c.text


def test_headline_publish_verb_with_opinion_object(run):
    doc, claims = run("Twelve Farmers Share Their Honest Thoughts On The Dam.\n\n"
                      "The farmers live downstream of the new dam on the river.")
    c = one(claims, "Share")
    assert "Farmers" in _src(doc, c)


def test_headline_belief_verb_without_clause_is_no_claim(run):
    doc, claims = run("River Town Seeks More Ferry Pilots As Mayor Recognizes Harbour Day.\n\n"
                      "The town needs pilots.")
    assert not [c for c in claims if c.cue.lower() == "recognizes"]


# "call": the object the parser folded into what is said of it

def test_call_with_object_parsed_as_modifier_of_the_predicate(run):
    doc, claims = run("Mayor Moreau calls Eastgate ‘crazy scheme’ during council debate.")
    c = one(claims, "calls")
    assert _src(doc, c) == "Mayor Moreau" and "Eastgate" in c.text and "crazy scheme" in c.text


def test_headline_belief_verb_with_quoted_words(run):
    doc, claims = run("Governor Sees 'Grave Insult' If Farmers Don't Back Dam Plan.\n\n"
                      "The governor spoke on Monday.")
    c = one(claims, "Sees")
    assert _src(doc, c) == "Governor" and "Grave Insult" in c.text


# verbs of saying in another sense (cues.yaml prep_senses, particle_senses, object_senses, person_senses)

def _cues(claims):
    return [c.cue.lower() for c in claims]


def test_show_up_is_no_claim(run):
    doc, claims = run('"Summonses are not a suggestion," committee chair Ana Ruiz said after Dorrance '
                      "failed to show up at the second hearing he was called to this month.")
    assert "show up" not in _cues(claims)
    assert _src(doc, one(claims, "said")) == "committee chair Ana Ruiz"


def test_calling_in_to_a_show_is_no_claim(run):
    doc, claims = run("She recently called in to a radio town hall about flood relief for farmers.")
    assert not claims


def test_show_signs_is_no_claim(run):
    doc, claims = run("Her support among students still lags, and the mayor's backers continue to show "
                      "signs of greater enthusiasm.")
    assert "show signs" not in _cues(claims)


def test_questioning_people_is_no_claim(run):
    doc, claims = run("Senators have been trying to question several of those witnesses, including the "
                      "firm's top engineer, who set up the pumps.")
    assert "question" not in _cues(claims)


def test_when_questioned_is_no_claim_but_the_answer_is(run):
    doc, claims = run('The mayor hardly clarified the matter, treating the remark as a compliment and, when '
                      'questioned after the hearing, asserting, "Of course, I pay my taxes."')
    assert "questioned" not in _cues(claims)


def test_questioning_a_ruling_stays_a_claim(run):
    doc, claims = run("The senator questioned whether the new bridge was safe.")
    assert _src(doc, one(claims, "questioned")) == "The senator"


def test_lets_say_is_a_supposition(run):
    doc, claims = run("Let's say you think a degree will cost $100,000 in ten years.")
    assert "say" not in _cues(claims)


def test_goes_without_saying_is_no_claim(run):
    doc, claims = run("It goes without saying that raising tolls on trucks while leaving the old rules "
                      "intact is anathema to hauliers.")
    assert "saying" not in _cues(claims)


# a leading participle telling the occasion of the saying is no claim of its own

def test_occasion_participle_before_a_saying_verb(run):
    doc, claims = run("Giving a speech in Dunmore, Varga says the local boxer nicknamed “Iron Jo” is a "
                      "longtime, dedicated advocate for children.")
    assert _cues(claims) == ["says"]


def test_writing_for_a_paper_before_a_saying_verb(run):
    doc, claims = run("Writing for a Harbour Times panel that all agreed Moreau won the debate, Ana Ruiz "
                      "noted that the way Moreau carried himself was critical.")
    assert "writing" not in _cues(claims)
    assert _src(doc, one(claims, "noted")) == "Ana Ruiz"


def test_participle_with_its_own_clause_stays_a_claim(run):
    doc, claims = run("Noting that prices rose, the minister said wages must follow.")
    assert "noting" in _cues(claims) and "said" in _cues(claims)


# an intention verb the tagger took for a plural noun at the root of a headline

def test_headline_votes_to_taken_for_a_noun(run):
    doc, claims = run("Senate panel votes to subpoena former port director Ana Ruiz.\n\nThe vote was close.")
    c = one(claims, "votes")
    assert _src(doc, c) == "Senate panel" and c.text.startswith("to subpoena")
    assert c.cue_class == "intention"


def test_clarification_label_is_no_speaker(run):
    doc, claims = run("Port Plan Stalls.\n\nThe council met on Monday.\n\nCLARIFICATION: The first sentence has "
                      "been clarified to reflect that Ruiz is calling for a review of the port budget, not that "
                      "she is calling for that review to start at once.")
    assert not [c for c in claims if _src(doc, c) == "CLARIFICATION"]
    assert _src(doc, one(claims, "calling for")) == "Ruiz"


# the cue's verb group: auxiliaries, negation and adverbs before the verb (Claim.cue_group_start);
# ``cue`` keeps the bare verb

@pytest.mark.parametrize("text, cue, group", [
    ("The harbour master has long said the channel is too shallow.", "said", "has long said"),
    ("The minister also noted that ferry fares rose in May.", "noted", "also noted"),
    ("Council members are urging the mayor to reopen the depot.", "urging", "are urging"),
    ("He's claiming the count was rigged.", "claiming", None),
    ("The mayor said the plan would fail.", "said", None),
])
def test_cue_group(run, text, cue, group):
    doc, claims = run(text)
    c = one(claims, cue)
    assert c.cue == cue
    if group is None:
        assert c.cue_group_start is None
    else:
        assert doc.text[c.cue_group_start:c.cue_end] == group


def test_no_claim_in_an_editors_note_line(run):
    text = ("The mayor said the bridge would reopen in May.\n\n"
            "Editor\u2019s note: Mayor Dorn is a candidate who has repeatedly pledged to close the port.")
    doc, claims = run(text)
    assert [c.cue for c in claims] == ["said"]


def test_apparently_alone_makes_no_claim(run):
    doc, claims = run("The reference was apparently about old footage of the singer from a show in Lisbon.")
    assert not claims


def test_no_claim_when_the_noun_is_whom_one_talked_to(run):
    doc, claims = run("Several people the council has tried to talk to about the levy have refused to cooperate.")
    assert not [c for c in claims if "talk" in c.cue]
    doc, claims = run("She spoke to reporters about the levy.")
    assert one(claims, "spoke to reporters about").text == "the levy"
