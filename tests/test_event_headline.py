"""Events in headlines written in title case or in capitals (our own invented sentences)."""
from __future__ import annotations

import pytest

from sitrep.extract.headline_case import headline_span, name_forms, sentence_case, shouting
from sitrep.model import Document


@pytest.fixture(scope="module")
def pipe(fictional_pipeline):
    return fictional_pipeline


def triples(pipe, text):
    doc = Document.new(text)
    evs = pipe.run(doc).events
    for e in evs:
        assert doc.text[e.start:e.end] == e.text   # offsets hold over the original capitals
    return {(e.type, e.actor and e.actor.split()[0], e.target and e.target.split()[0]) for e in evs}


def test_line_in_capitals_keeps_the_dictionary_names():
    names = name_forms({("Kesh",): ("KSH", "Kesh"), ("Talmar",): ("TAL", "Talmar"), ("KLF",): ("KSH REB", "KLF"),
                        ("Kesh", "City"): ("KSH", "Kesh")})
    line = "KESH CITY WARNS TALMAR AS KLF MASSES TROOPS"
    assert shouting(line)
    out = sentence_case(line, "", names)
    assert out == "Kesh City warns Talmar as KLF masses troops"
    assert len(out) == len(line)
    assert sentence_case("DOCKERS STRIKE IN PORT", "", names) == "Dockers strike in port"
    assert sentence_case("RIVER FERRY SINKS NEAR ORLAN", "\n\nThe ferry left Orlan at dawn.", {}) == \
        "River ferry sinks near Orlan"   # the body writes the name


def test_one_line_record_may_be_its_own_headline():
    assert headline_span("KESH ATTACKS TALMAR") is None   # no line break: no headline line
    assert headline_span("KESH ATTACKS TALMAR", whole=True) == (0, 19)
    assert headline_span("Kesh attacked a Talmari border post on Monday.", whole=True) is None


@pytest.mark.parametrize("text,expected", [
    ("KESH ATTACKS TALMAR", ("ASSAULT", "KSH", "TAL")),
    ("VALDORIA AND OSTRANA SIGN TRADE DEAL", ("AGREE", "VAL", "OST")),
    ("KLF Condemns Valdorian Raid", ("ACCUSE", "KSH", "VAL")),
    ("Brevik Sends Troops To Ostrana", ("AID", "BRV", "OST")),
])
def test_headline_events(pipe, text, expected):
    assert expected in triples(pipe, text)


def test_headline_over_a_body(pipe):
    text = "TALMAR EXPELS KESHI DIPLOMATS\nTalmar ordered four diplomats to leave within two days."
    doc = Document.new(text)
    evs = [e for e in pipe.run(doc).events if e.end <= text.index("\n")]
    assert [(e.type, e.actor, e.target, e.text) for e in evs] == [("SANCTION", "TAL", "KSH GOV", "TALMAR EXPELS KESHI DIPLOMATS")]


def test_sentence_case_headline_is_not_parsed_twice(pipe):
    evs = triples(pipe, "Kesh attacked Talmar on Monday.")
    assert evs == {("ASSAULT", "KSH", "TAL")}


def test_a_headline_line_is_parsed_once_per_document():
    from types import SimpleNamespace

    from sitrep.extract.headline_case import parse_line
    seen = []

    def nlp(line):
        seen.append(line)
        return ("parse", line)
    ctx = SimpleNamespace(scratch={})
    line = "Harbour board warns ferry crews"
    first = parse_line(ctx, nlp, line)
    assert parse_line(ctx, nlp, line) is first   # the claims and the events stages share one parse
    assert parse_line(ctx, nlp, "Harbour Board warns ferry crews") == ("parse", "Harbour Board warns ferry crews")
    assert seen == [line, "Harbour Board warns ferry crews"]   # another line, another parse
    assert parse_line(SimpleNamespace(scratch={}), nlp, line) == first and len(seen) == 3   # another document
