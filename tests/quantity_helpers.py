"""Helpers shared by the quantity tests."""
from __future__ import annotations

from sitrep.extract.context import Context
from sitrep.extract.quantities import find_quantities
from sitrep.model import Document, Records


def figures(nlp, text: str) -> list:
    """The quantities of ``text``; each (and its subject) must trace to its own characters."""
    doc = Document.new(text)
    ctx = Context(doc=doc, sdoc=nlp(text), resources={}, records=Records(doc_id=doc.id))
    out = list(find_quantities(ctx))
    for q in out:
        assert text[q.start:q.end] == q.text
        if q.subject is not None:
            assert text[q.subject_start:q.subject_end] == q.subject
    return out
