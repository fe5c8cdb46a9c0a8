"""Dates: relative expressions against the anchor, our rules and dateparser, no guesses (our own sentences)."""
from __future__ import annotations

from datetime import date

from sitrep.extract.dates import resolve
from sitrep.model import Document

A = date(2024, 11, 13)     # a Wednesday


def test_rules_resolve_relative_expressions():
    assert resolve("Monday", A) == (date(2024, 11, 11), "day")
    assert resolve("Monday", A, future=True) == (date(2024, 11, 18), "day")
    assert resolve("last month", A) == (date(2024, 10, 1), "month")
    assert resolve("mid-September", A) == (date(2024, 9, 15), "month")
    assert resolve("in December", A) == (date(2023, 12, 1), "month")
    assert resolve("over the weekend", A) == (date(2024, 11, 9), "weekend")
    assert resolve("8 months ago", A) == (date(2024, 3, 13), "month")
    assert resolve("two weeks ago", A) == (date(2024, 10, 30), "week")
    assert resolve("yesterday", A) == (date(2024, 11, 12), "day")
    assert resolve("earlier this year", A) == (date(2024, 1, 1), "year")
    assert resolve("March 3", A) == (date(2024, 3, 3), "day")


def test_absolute_dates_need_no_anchor_and_relative_ones_do():
    assert resolve("February 24, 2022", None) == (date(2022, 2, 24), "day")
    assert resolve("24 February 2022", None) == (date(2022, 2, 24), "day")
    assert resolve("2014", None) == (date(2014, 1, 1), "year")
    assert resolve("last week", None) == (None, None)
    assert resolve("Tuesday", None) == (None, None)


def test_durations_and_vague_phrases_stay_unresolved():
    for text in ("three years", "the coming days", "recent weeks", "decades"):
        assert resolve(text, A) == (None, None), text


def test_stage_finds_dates_with_offsets(pipeline):
    text = ("The convoy left on Sunday, officials said, and a second one will depart on Friday. "
            "The bridge had been hit 3 days ago and again in early October.")
    doc = Document.new(text, published="2024-11-13")
    recs = pipeline.run(doc)
    got = {d.text: d.date for d in recs.dates}
    for d in recs.dates:
        assert doc.text[d.start:d.end] == d.text and d.anchor == "2024-11-13"
    assert got["Sunday"] == "2024-11-10"
    assert got["Friday"] == "2024-11-15"
    assert got["3 days ago"] == "2024-11-10"
    assert got["early October"] == "2024-10-01"


def test_no_anchor_no_guess(pipeline):
    doc = Document.new("The talks were held last Thursday in Geneva.")
    recs = pipeline.run(doc)
    assert recs.dates and all(d.date is None for d in recs.dates)


def test_pattern_lead_class_keeps_every_match():
    """PATTERNS tests a character class before its alternation (speed): it must find what the bare
    alternation finds, for every alternative, in either case, and with non-ASCII digits."""
    import re

    from sitrep.extract import dates as D
    text = ("On Tuesday the convoy moved; last Friday evening, Saturday and on sunday nothing. Yesterday, today "
            "and tomorrow. Over the weekend, over the weekend, this weekend, next weekend. 3 days ago, ١٢ weeks ago, "
            "a month ago, an hour ago, eleven years ago, Earlier this week, later this month, last year, Past week, "
            "next month, this year, mid-March, Early Sept. and late Oct, Mid October, early Jan. Twelve days ago, "
            "seven years ago, five weeks ago, four days ago, nine months ago, two weeks ago, ten years ago, "
            "Late November; Next week; This Monday morning; Last Wednesday night; Early Thursday afternoon.")
    bare = re.compile(D._PATTERN_BODY)
    got = [m.span() for m in D.PATTERNS.finditer(text)]
    assert got == [m.span() for m in bare.finditer(text)]
    assert len(got) >= 30
