"""Helpers shared by the event tests."""
from __future__ import annotations

from sitrep.model import Document


def run_events(pipe, text: str) -> list:
    """The events of ``text``; each must trace to its own characters of this document."""
    doc = Document.new(text)
    evs = pipe.run(doc).events
    for e in evs:
        assert doc.text[e.start:e.end] == e.text   # offsets trace to the characters
        assert e.doc_id == doc.id
    return evs


def country_triples(evs) -> set:
    """(type, actor's country, target's country) of the events that are not negated."""
    return {(e.type, e.actor and e.actor.split()[0], e.target and e.target.split()[0]) for e in evs
            if e.modality != "negated"}
