"""Tracks built batch by batch, as the distributed ingest loads them, equal the
tracks of one rebuild over the same store: the same tracks with the same
names, subjects and data, the same members with the same reasons. On SQLite
and on PostgreSQL (skipped with the reason when no server answers)."""
from __future__ import annotations

import random
from dataclasses import fields, replace

from sqlalchemy import select

from sitrep.analyse.tracks import build_tracks, edit_rename
from sitrep.model import Document, Records, record_id
from sitrep.store import schema as S
from tracks_sample import build


def _copy(doc: Document, recs: Records, k: int) -> tuple[Document, Records]:
    """Copy k of a sample article: a numbered first line, records shifted."""
    head = f"Report {k} of the day.\n"
    d = Document.new(head + doc.text, title=f"{doc.title} ({k})", published=doc.published,
                     source=f"copy:{k}:{doc.source}", source_id=f"{doc.source_id}-{k}", site=doc.site)
    n = len(head)
    out = Records(doc_id=d.id)

    def sh(r):
        kw = {"doc_id": d.id, "id": record_id(type(r).__name__.lower(), d.id, r.id)}
        names = {f.name for f in fields(r)}
        for f in ("start", "end", "subject_start", "subject_end", "source_start", "source_end", "cue_start",
                  "cue_end"):
            if f in names and getattr(r, f) is not None:
                kw[f] = getattr(r, f) + n
        if "mentions" in names:
            kw["mentions"] = tuple(replace(m, start=m.start + n, end=m.end + n) for m in r.mentions)
        if "claim_id" in names and getattr(r, "claim_id", None):
            kw["claim_id"] = record_id("claim", d.id, r.claim_id)
        return replace(r, **kw)

    for kind in ("entities", "places", "dates", "quantities", "claims"):
        setattr(out, kind, [sh(r) for r in getattr(recs, kind)])
    if k == 2:      # a copy that names no subject: a track's subject is its first figure that names one
        out.quantities = [replace(q, subject=None, subject_start=None, subject_end=None) for q in out.quantities]
    return d, out


def _corpus() -> list[tuple[Document, Records]]:
    base = build()
    return base + [_copy(d, r, k) for k in (1, 2, 3) for d, r in base]


def _snapshot(store) -> tuple[list, list]:
    with store.engine.connect() as conn:
        tracks = sorted((r.id, r.name, r.unit, r.subject, repr(sorted((r.data or {}).items())))
                        for r in conn.execute(select(S.tracks)))
        members = sorted((r.track_id, r.quantity_id, r.why, r.role, repr(sorted((r.data or {}).items())))
                         for r in conn.execute(select(S.track_members)))
    return tracks, members


def _batches(items: list, n: int, seed: int) -> list[list]:
    items = list(items)
    random.Random(seed).shuffle(items)      # batches in no particular order of ids or dates
    return [items[i::n] for i in range(n)]


def test_batches_equal_a_rebuild(any_store):
    corpus = _corpus()
    for batch in _batches(corpus, 4, seed=7):
        any_store.add(batch)
        got = build_tracks(any_store, doc_ids=[d.id for d, _ in batch])
        assert got["documents"] == len(batch)
    incremental = _snapshot(any_store)
    assert len(incremental[1]) == any_store.count("quantity")
    assert sum(1 for t in incremental[0]) < len(incremental[1])   # some tracks hold figures of several batches
    build_tracks(any_store, rebuild=True)
    assert _snapshot(any_store) == incremental


def test_batches_without_ids_and_with_an_edit_equal_a_rebuild(mem_store):
    """The resumed-run path (every document not yet in a track) and a renamed
    track, replayed after each batch, give what a rebuild gives."""
    corpus = _corpus()
    first, *rest = _batches(corpus, 3, seed=11)
    mem_store.add(first)
    build_tracks(mem_store)
    with mem_store.engine.connect() as conn:
        tid = conn.execute(select(S.tracks.c.id).order_by(S.tracks.c.id)).scalars().first()
    edit_rename(mem_store, tid, "A track renamed by the analyst")
    for batch in rest:
        mem_store.add(batch)
        build_tracks(mem_store)
    incremental = _snapshot(mem_store)
    assert any(t[1] == "A track renamed by the analyst" for t in incremental[0])
    build_tracks(mem_store, rebuild=True)
    assert _snapshot(mem_store) == incremental
