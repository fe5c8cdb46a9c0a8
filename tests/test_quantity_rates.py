"""Rates over a round number, margins written with a plus-minus sign, and a part of what was
just counted ("five of whom"), as the quantities stage reads them. Sentences of our own, invented."""
from __future__ import annotations

import pytest

from quantity_helpers import figures


@pytest.fixture(scope="module")
def nlp(pipeline):
    return pipeline.nlp


def test_rate_over_a_round_number_is_one_figure(nlp):
    qs = figures(nlp, "In Kesselberg the assault rate reached 14 per 100,000 residents, and 2.7 per 1,000 "
                      "recruits deserted, against 300 per million people a decade ago.")
    assert [(q.value, q.unit) for q in qs if q.unit and q.unit.startswith("per ")] == [
        (14.0, "per 100,000 residents"), (2.7, "per 1,000 recruits"), (300.0, "per million people")]
    assert not [q for q in qs if q.value in (100000.0, 1000.0, 1e6)]      # the base is no figure of its own
    assert [q.subject for q in qs[:2]] == ["residents", "recruits"]


def test_rate_over_a_round_number_needs_a_round_number(nlp):
    qs = figures(nlp, "The depot in Ravnik shipped 40 per 37 trucks.")
    assert not [q for q in qs if q.unit and q.unit.startswith("per ")]


def test_measure_rate_over_a_round_number(nlp):
    qs = figures(nlp, "The old trucks of the Ravnik brigade burn 38 litres per 100 km.")
    assert [(q.value, q.unit) for q in qs] == [(38.0, "litre per 100 kilometre")]


def test_plus_minus_is_a_margin_not_a_negative(nlp):
    qs = figures(nlp, "The Velsk poll of 900 voters has a margin of error of ±3.4 percentage points; "
                      "the earlier one, plus or minus 4 percentage points.")
    assert [(q.value, q.unit) for q in qs if q.unit == "percentage point"] == [
        (3.4, "percentage point"), (4.0, "percentage point")]


def test_a_word_number_of_whom_counts_what_came_before(nlp):
    qs = figures(nlp, "Thirty sailors were rescued off Cape Morrow, six of whom were taken to hospital; "
                      "the storm sank 12 boats, two of which belonged to the navy, and half of which were old.")
    assert [(q.value, q.unit) for q in qs] == [(30.0, "sailors"), (6.0, "sailors"), (12.0, "boats"),
                                               (2.0, "boats")]


def test_a_vague_plural_after_a_verb_of_casualties_counts_them(nlp):
    qs = figures(nlp, "The shelling of Dornovo killed dozens and wounded hundreds; scores were injured in Pelk. "
                      "The club has scores of fans and the judges gave scores.")
    assert [((q.low, q.high), q.unit) for q in qs] == [((12.0, 120.0), "killed"), ((100.0, 1000.0), "wounded"),
                                                       ((20.0, 200.0), "injured"), ((20.0, 200.0), "fans")]


def test_a_bare_count_reported_dead_counts_the_dead(nlp):
    qs = figures(nlp, 'At least 11 were reported dead,"a medic in Sorvino said. Four are feared dead in Pelk, '
                      'and 30 were left homeless. The dead numbered 7.')
    assert [(q.value, q.unit, q.unit_class) for q in qs if q.unit == "dead"] == [(11.0, "dead", "killed"),
                                                                                 (4.0, "dead", "killed")]
