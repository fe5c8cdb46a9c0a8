"""Where a claim's content ends (``claim_bounds.py``), on sentences written for these tests."""
from __future__ import annotations

import pytest

from claim_helpers import by_cue

from sitrep.model import Document


@pytest.fixture(scope="module")
def run(claims_pipeline):
    def _run(text: str):
        return claims_pipeline.run(Document.new(text)).claims
    return _run


def test_a_second_verb_of_saying_ends_the_first_content(run):
    claims = run("The harbour master said the ferry would resume service on Monday and warned that "
                 "fares would rise.")
    said, warned = by_cue(claims, "said"), by_cue(claims, "warned")
    assert said.text == "the ferry would resume service on Monday"
    assert "harbour master" in warned.source and warned.text == "that fares would rise"


def test_a_participle_after_a_comma_is_the_speakers_second_claim(run):
    claims = run("The governor said the levee had held, adding that the river would crest overnight.")
    said, adding = by_cue(claims, "said"), by_cue(claims, "adding")
    assert said.text == "the levee had held"
    assert "governor" in adding.source and adding.text == "that the river would crest overnight"


def test_a_second_speaker_after_though_ends_the_first_content(run):
    claims = run("The mayor said the bridge would reopen next week, though she conceded that repairs "
                 "were behind schedule.")
    assert by_cue(claims, "said").text == "the bridge would reopen next week"
    assert by_cue(claims, "conceded").text == "that repairs were behind schedule"


def test_an_appended_attribution_after_a_comma_is_a_claim_of_its_own(run):
    claims = run("The minister praised the new harbour plan, which the union said would cost too much.")
    assert by_cue(claims, "praised").text == "the new harbour plan"
    said = by_cue(claims, "said")
    assert "union" in said.source and "would cost too much" in said.text


def test_a_participle_of_a_speaking_subject_is_not_the_outer_speakers(run):
    claims = run("The envoy said the ministers met on Tuesday, urging calm on both sides of the border.")
    assert not [c for c in claims if c.cue == "urging" and "envoy" in (c.source or "")]


def test_a_participle_without_a_clause_reports_nothing(run):
    claims = run("The analyst said the strike widened the war, adding a new front in the south.")
    assert not [c for c in claims if c.cue == "adding"]
    assert "a new front" in by_cue(claims, "said").text


def test_a_dash_signature_keeps_the_initial_of_a_name(run):
    claims = run("\u201cThe convoy never reached the town.\u201d \u2015 Maria T. Okafor")
    assert by_cue(claims, "\u2015").source == "Maria T. Okafor"


def test_a_participle_after_the_speakers_own_pronoun_is_the_speakers(run):
    claims = run("The senator said he doubted the figures, arguing that the survey was too small.")
    assert by_cue(claims, "said").text == "he doubted the figures"
    arguing = by_cue(claims, "arguing")
    assert "senator" in arguing.source and arguing.text == "that the survey was too small"


def test_a_sentence_before_a_semicolon_is_not_what_the_verb_after_it_reports(run):
    claims = run("It is a long shot; the campaign says the senator will run again.")
    assert by_cue(claims, "says").text == "the senator will run again"


def test_a_relative_clause_attribution_after_a_name_is_its_own_claim(run):
    claims = run("The senator endorsed Varga, who says he is grateful.")
    assert by_cue(claims, "endorsed").text == "Varga"
    assert by_cue(claims, "says").text == "he is grateful"


def test_a_named_second_speaker_after_and_ends_the_first_content(run):
    claims = run("The ministry said the talks had stalled and Moldova accused the rebels of breaking the truce.")
    assert by_cue(claims, "said").text == "the talks had stalled"
    assert by_cue(claims, "accused").source == "Moldova"


def test_a_quotation_before_a_titled_name_is_attributed_to_the_name(run):
    claims = run("\u201cThe levee will hold through the weekend. The pumps are working,\u201d "
                 "Rep. Ana T. Ruiz (D-Md.) said in a phone interview.")
    c = by_cue(claims, "said")
    assert c.text.startswith("The levee will hold") and c.direct
    assert "Ruiz" in c.source


def test_a_leading_concession_with_its_own_verb_is_its_own_claim(run):
    claims = run("While he acknowledged pay was a major reason he felt tired serving under the council, "
                 "Okafor also noted several \u201csmall things\u201d left him further discouraged.")
    noted, acknowledged = by_cue(claims, "noted"), by_cue(claims, "acknowledged")
    assert noted.text == "several \u201csmall things\u201d left him further discouraged"
    assert acknowledged.text.startswith("pay was a major reason")
