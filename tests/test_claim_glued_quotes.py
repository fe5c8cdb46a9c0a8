"""Quotations scraped with missing marks and spaces, and sources described by a state or group
they belong to (sentences of our own, invented)."""
from __future__ import annotations

import pytest

from claim_helpers import by_cue, claims_runner


@pytest.fixture(scope="module")
def run(pipeline):
    return claims_runner(pipeline)


@pytest.mark.parametrize("text", [
    '"We found three dead,"a Velmar medic told reporters.',
    '"We found three dead," a Velmar medic told reporters.',
    '"We found three dead," a Russian medic told reporters.',
])
def test_a_source_described_by_its_state_is_the_person(run, text):
    doc, claims = run(text)
    c = by_cue(claims, "told reporters")
    assert c.source.endswith("medic") and c.text == "We found three dead" and c.direct


@pytest.mark.parametrize("text", [
    'Eleven were dead,"a Brenvik medic said.',
    'Rescuers reached the valley at dawn.\nEleven were dead," a Brenvik medic said.',
    'Eleven were dead,\u201d a Brenvik medic said. "We ran out of beds."',
])
def test_a_closing_mark_with_no_opening_one_quotes_from_the_paragraph_start(run, text):
    doc, claims = run(text)
    c = by_cue(claims, "said")
    assert c.text == "Eleven were dead" and c.direct and c.source == "a Brenvik medic"


@pytest.mark.parametrize("text", [
    'The minister said, "we will hold the bridge.',
    'The minister said,"We will hold the bridge.',
])
def test_an_opening_mark_stays_an_opening_mark(run, text):
    doc, claims = run(text)
    c = by_cue(claims, "said")
    assert c.text.lower().startswith("we will hold the bridge") and c.source == "minister"
