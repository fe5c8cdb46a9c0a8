"""Helpers shared by the claim tests."""
from __future__ import annotations


def by_cue(claims, cue: str):
    """The first claim whose cue is ``cue`` (any case); fails, listing the cues, when there is none."""
    found = [c for c in claims if c.cue.lower() == cue.lower()]
    assert found, f"no claim with cue {cue!r} in {[c.cue for c in claims]}"
    return found[0]


def claims_runner(pipeline):
    """``run(text) -> (document, claims)`` over ``pipeline`` (the shared ``claims_pipeline``)."""
    from sitrep.model import Document

    def run(text: str):
        doc = Document.new(text)
        return doc, pipeline.run(doc).claims
    return run


def source_text(doc, claim):
    """The characters of a claim's source span, or None when it has none."""
    return None if claim.source_start is None else doc.text[claim.source_start:claim.source_end]
