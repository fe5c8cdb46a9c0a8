"""Attribution rules for PolNeAR precision, headlines and cue spans (issue #4), on sentences written
for these tests."""
from __future__ import annotations

import pytest

from claim_helpers import by_cue as one

from sitrep.model import Document


@pytest.fixture(scope="module")
def run(claims_pipeline):
    def _run(text: str):
        doc = Document.new(text)
        return doc, claims_pipeline.run(doc).claims
    return _run


def _src(doc, c):
    return None if c.source_start is None else doc.text[c.source_start:c.source_end]


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
