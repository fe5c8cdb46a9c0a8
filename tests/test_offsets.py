"""Every record sitrep produces on all of ../shared/corpus maps back to its text."""
from __future__ import annotations

import json

import pytest

from sitrep.ingest import iter_inputs
from sitrep.model import Document

pytestmark = pytest.mark.slow


def _corpus_docs(shared):
    docs = [d for d in iter_inputs([str(shared / "corpus" / "sample")]) if isinstance(d, Document)]
    with open(shared / "corpus" / "ukraine-2014" / "articles.jsonl", encoding="utf-8") as f:
        for line in f:
            a = json.loads(line)
            docs.append(Document.new(a["text"], title=a["title"], source_id=a["id"]))
    return docs


def _check(doc, recs) -> list[str]:
    bad = []
    t = doc.text
    for e in recs.entities + recs.places:
        for m in e.mentions:
            if t[m.start:m.end] != m.text:
                bad.append(f"{type(e).__name__} {e.name}: {t[m.start:m.end]!r} != {m.text!r}")
    for r in recs.dates + recs.quantities + recs.events:
        if t[r.start:r.end] != r.text:
            bad.append(f"{type(r).__name__}: {t[r.start:r.end]!r} != {r.text!r}")
    for q in recs.quantities:
        if q.subject_start is not None and t[q.subject_start:q.subject_end] != q.subject:
            bad.append(f"quantity subject: {t[q.subject_start:q.subject_end]!r} != {q.subject!r}")
    for c in recs.claims:
        if t[c.start:c.end] != c.text:
            bad.append(f"claim: {t[c.start:c.end]!r} != {c.text!r}")
        if c.source_start is not None and not (0 <= c.source_start < c.source_end <= len(t)):
            bad.append(f"claim source offsets out of range: {c.source_start}-{c.source_end}")
        if c.cue_start is not None and c.cue and t[c.cue_start:c.cue_end] != c.cue:
            bad.append(f"claim cue: {t[c.cue_start:c.cue_end]!r} != {c.cue!r}")
    for r in recs.claims + recs.quantities:   # the other sources of a joint attribution ("X and Y said")
        for co in r.co_sources:
            if t[co.start:co.end] != co.text:
                bad.append(f"{type(r).__name__} co-source {co.name}: {t[co.start:co.end]!r} != {co.text!r}")
    for rel in recs.relations:
        for ev in rel.evidence:
            if ev.doc_id != doc.id or not (0 <= ev.start < ev.end <= len(t)):
                bad.append(f"relation evidence out of range: {ev}")
            elif ev.text and t[ev.start:ev.end] != ev.text:
                bad.append(f"relation evidence: {t[ev.start:ev.end]!r} != {ev.text!r}")
    for r in recs.all():
        if getattr(r, "doc_id", doc.id) != doc.id:
            bad.append(f"{type(r).__name__} carries doc id {r.doc_id}, not {doc.id}")
    return bad


def test_every_record_maps_back_to_its_text(shared, pipeline):
    docs = _corpus_docs(shared)
    assert len(docs) >= 90
    bad, n = [], 0
    for doc, recs in pipeline.process(docs):
        n += sum(1 for _ in recs.all())
        bad += [f"{doc.title}: {b}" for b in _check(doc, recs)]
    assert not bad, "\n".join(bad[:30])
    assert n > 0
