"""The JSON API: documents (with full-text search), records of each kind with
the filters analysts use, relations, tracks, storylines, facets, chart and map
data. Every record comes with ``evidence``: the spans of its document it was
read from, each with its text, and with ``document`` (title, publication
date). Reads go through the store's methods only.

Lists are ``{"items": [...], "total": n, "limit": l, "offset": o}``; record lists
count at most COUNT_CAP matches (``total_exact`` false: "at least that many").
"""
from __future__ import annotations

import time
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Path, Query, Request

from ..errors import SitrepError
from ..model import as_dict
from ..network import to_json
from ..store import Store

router = APIRouter()

DATE = r"^\d{4}(-\d{2}(-\d{2})?)?$"
Limit = Annotated[int, Query(ge=1, le=1000, description="Records per page")]
Offset = Annotated[int, Query(ge=0, le=10_000_000, description="Records to skip")]
Since = Annotated[str | None, Query(pattern=DATE, description="Published on or after (YYYY[-MM[-DD]])")]
Until = Annotated[str | None, Query(pattern=DATE, description="Published on or before (YYYY[-MM[-DD]])")]
NO_NUL = r"^[^\x00]*$"          # PostgreSQL cannot store or compare NUL characters
Text = Annotated[str | None, Query(max_length=300, pattern=NO_NUL)]
DocId = Annotated[str | None, Query(max_length=64, pattern=NO_NUL, description="Only records of this document")]
Q = Annotated[str | None, Query(max_length=300, pattern=NO_NUL, description="Words the record's text contains")]


def _store(request: Request) -> Store:
    return request.app.state.store


CACHE_SECONDS = 300.0
COUNT_CAP = 10_000


def _cached(request: Request, key: tuple, fn):
    """Aggregates over the whole store (chart counts, map points, relation edges,
    facets) are cached per app for CACHE_SECONDS, and dropped at once when the
    number of documents changes (an ingest)."""
    cache: dict = request.app.state.__dict__.setdefault("agg_cache", {})
    n_docs = _store(request).count_documents()
    now = time.monotonic()
    hit = cache.get(key)
    if hit and hit[0] == n_docs and now - hit[1] < CACHE_SECONDS:
        return hit[2]
    val = fn()
    if len(cache) > 256:
        cache.clear()
    cache[key] = (n_docs, now, val)
    return val


def _span(doc_text: str | None, doc_id: str, start: int | None, end: int | None, role: str) -> dict | None:
    if start is None or end is None:
        return None
    return {"doc_id": doc_id, "start": start, "end": end, "role": role,
            "text": doc_text[start:end] if doc_text is not None else None}


def evidence_of(kind: str, rec: Any, text: str | None) -> list[dict]:
    """The spans a record was read from (with their text)."""
    if kind in ("entity", "place"):
        spans = [_span(text, rec.doc_id, m.start, m.end, "mention") for m in rec.mentions]
    elif kind == "relation":
        return [{"doc_id": e.doc_id, "start": e.start, "end": e.end, "role": "evidence", "text": e.text or None}
                for e in rec.evidence]
    elif kind == "claim":
        spans = [_span(text, rec.doc_id, rec.start, rec.end, "content"),
                 _span(text, rec.doc_id, rec.source_start, rec.source_end, "source"),
                 _span(text, rec.doc_id, rec.cue_start, rec.cue_end, "cue")]
    elif kind == "quantity":
        spans = [_span(text, rec.doc_id, rec.start, rec.end, "figure"),
                 _span(text, rec.doc_id, rec.subject_start, rec.subject_end, "subject")]
    else:
        spans = [_span(text, rec.doc_id, rec.start, rec.end, kind)]
    return [s for s in spans if s]


def serialize(store: Store, kind: str, recs: list[Any], meta: dict[str, dict] | None = None) -> list[dict]:
    if meta is None:
        meta = store.doc_meta(r.doc_id for r in recs)
    out = []
    for r in recs:
        m = meta.get(r.doc_id, {})
        d = as_dict(r)
        d["kind"] = kind
        d["evidence"] = evidence_of(kind, r, m.get("text"))
        d["document"] = {"id": r.doc_id, "title": m.get("title"), "published": m.get("published")}
        out.append(d)
    return out


def _page(store: Store, kind: str, limit: int, offset: int, sort: str | None, since: str | None,
          until: str | None, /, **filters: Any) -> dict:
    filters = {k: v for k, v in filters.items() if v is not None}
    recs = store.records(kind, limit=limit, offset=offset, order=sort, since=since, until=until, **filters)
    total, exact = store.count_upto(kind, COUNT_CAP, since=since, until=until, **filters)
    return {"items": serialize(store, kind, recs), "total": total, "total_exact": exact, "limit": limit,
            "offset": offset}


def warm_cache(app) -> None:
    """Compute the unfiltered chart and map aggregates ahead of the first visit
    (``sitrep serve`` runs this in a thread at start)."""
    store = app.state.store
    cache: dict = app.state.__dict__.setdefault("agg_cache", {})
    n_docs = store.count_documents()
    cache[("events", None, None, None, None)] = (n_docs, time.monotonic(), store.event_counts())
    cache[("map", None, None)] = (n_docs, time.monotonic(), {"places": store.place_points(),
                                                            "events": store.event_points()})


# ------------------------------------------------------------------ documents
@router.get("/stats", summary="Counts of what the store holds")
def stats(request: Request) -> dict:
    from .app import assets_built
    s = _store(request).stats()
    s["assets_built"] = assets_built()
    return s


@router.get("/documents", summary="Documents, newest first, or full-text search with q")
def documents(request: Request, q: Q = None, since: Since = None, until: Until = None,
              category: Text = None, limit: Limit = 50, offset: Offset = 0,
              sort: Literal["published", "added"] = "published") -> dict:
    store = _store(request)
    if q:
        return search(request, q=q, limit=limit, offset=offset)
    docs = store.documents(limit=limit, offset=offset, since=since, until=until, category=category, order=sort)
    items = [{"id": d.id, "title": d.title, "published": d.published, "category": d.category,
              "source": d.source, "chars": len(d.text)} for d in docs]
    return {"items": items, "total": store.count_documents(since=since, until=until, category=category),
            "limit": limit, "offset": offset}


@router.get("/search", summary="Full-text search; snippets mark matches with [ ]")
def search(request: Request, q: Annotated[str, Query(min_length=1, max_length=300, pattern=NO_NUL)],
           limit: Limit = 20, offset: Offset = 0) -> dict:
    store = _store(request)
    hits = store.search(q, limit=limit, offset=offset)
    meta = store.doc_meta((h["doc_id"] for h in hits), with_text=False)
    for h in hits:
        h["published"] = meta.get(h["doc_id"], {}).get("published")
    return {"items": hits, "total": None, "limit": limit, "offset": offset, "q": q}


@router.get("/documents/{doc_id}", summary="One document with all its records (what the reader shows)")
def document(request: Request, doc_id: Annotated[str, Path(max_length=64, pattern=NO_NUL)]) -> dict:
    store = _store(request)
    doc = store.document(doc_id)
    meta = {doc.id: {"text": doc.text, "title": doc.title, "published": doc.published}}
    recs = {kind: serialize(store, kind, store.records(kind, doc_id=doc.id, limit=None), meta)
            for kind in ("entity", "place", "date", "quantity", "claim", "event")}
    rels = [{**r.to_dict(), "kind": "relation", "evidence": evidence_of("relation", r, doc.text)}
            for r in store.records("relation", doc_id=doc.id, limit=None)]
    for r in rels:
        for e in r["evidence"]:
            e["text"] = doc.text[e["start"]:e["end"]]
    return {"document": as_dict(doc), "sources": store.sources_of(doc.id), "records": recs, "relations": rels}


# ------------------------------------------------------------------ records
EntitySort = Literal["name", "-name", "type", "code", "-code", "doc_id", "start"]
PlaceSort = Literal["name", "-name", "country", "-country", "kind", "lat", "lon", "doc_id"]
QuantitySort = Literal["value", "-value", "source", "-source", "hedge", "-hedge", "subject", "-subject",
                       "unit", "published", "-published", "doc_id", "start"]
ClaimSort = Literal["source", "-source", "hedge", "-hedge", "cue", "published", "-published", "doc_id", "start"]
EventSort = Literal["type", "-type", "actor", "-actor", "target", "location", "date", "-date", "published",
                    "-published", "doc_id", "start"]


@router.get("/entities", summary="Actors: people, organisations, states (actor = code prefix, e.g. RUS)")
def entities(request: Request, type: Text = None, actor: Text = None, name: Text = None, doc_id: DocId = None,
             limit: Limit = 50, offset: Offset = 0, sort: EntitySort | None = None) -> dict:
    return _page(_store(request), "entity", limit, offset, sort, None, None, type=type, code=actor, name=name,
                 doc_id=doc_id)


@router.get("/places", summary="Places, geocoded where known (place = exact name)")
def places(request: Request, country: Annotated[str | None, Query(max_length=3, pattern=NO_NUL)] = None, kind: Text = None,
           place: Text = None, doc_id: DocId = None, limit: Limit = 50, offset: Offset = 0,
           sort: PlaceSort | None = None) -> dict:
    return _page(_store(request), "place", limit, offset, sort, None, None, country=country, kind=kind,
                 name=place, doc_id=doc_id)


@router.get("/quantities", summary="Figures with unit, subject, source and hedge")
def quantities(request: Request, source: Text = None, hedge: Text = None, unit: Text = None,
               unit_class: Text = None, subject: Text = None, q: Q = None, doc_id: DocId = None,
               since: Since = None, until: Until = None, limit: Limit = 50, offset: Offset = 0,
               sort: QuantitySort | None = None) -> dict:
    return _page(_store(request), "quantity", limit, offset, sort, since, until, source=source, hedge=hedge,
                 unit=unit, unit_class=unit_class, subject=subject, text=q, doc_id=doc_id)


@router.get("/claims", summary="Attributed claims with source, cue and hedge")
def claims(request: Request, source: Text = None, hedge: Text = None, cue: Text = None,
           direct: bool | None = None, q: Q = None, doc_id: DocId = None, since: Since = None,
           until: Until = None, limit: Limit = 50, offset: Offset = 0, sort: ClaimSort | None = None) -> dict:
    return _page(_store(request), "claim", limit, offset, sort, since, until, source=source, hedge=hedge,
                 cue=cue, direct=direct, text=q, doc_id=doc_id)


@router.get("/events", summary="Events: who did what to whom, where, when (actor/target = code prefix)")
def events(request: Request, type: Text = None, actor: Text = None, target: Text = None, place: Text = None,
           q: Q = None, doc_id: DocId = None, since: Since = None, until: Until = None, limit: Limit = 50,
           offset: Offset = 0, sort: EventSort | None = None) -> dict:
    return _page(_store(request), "event", limit, offset, sort, since, until, type=type, actor=actor,
                 target=target, location=place, text=q, doc_id=doc_id)


@router.get("/relations", summary="Lasting relations aggregated over documents (most evidenced first), "
            "each with its evidence count and first pieces of evidence")
def relations(request: Request, type: Text = None, actor: Text = None, limit: Limit = 500,
              offset: Offset = 0, evidence: Annotated[int, Query(ge=1, le=200)] = 10) -> dict:
    store = _store(request)
    page, total = _cached(request, ("relations", type, actor, limit, offset, evidence),
                          lambda: store.relation_edges(type=type, code=actor, limit=limit, offset=offset,
                                                       evidence=evidence))
    meta = store.doc_meta(e.doc_id for r, _ in page for e in r.evidence)
    items = []
    for r, n in page:
        d = r.to_dict()
        d["kind"] = "relation"
        d["evidence_count"] = n
        d["evidence"] = []
        for e in r.evidence:
            m = meta.get(e.doc_id, {})
            text = m.get("text")
            d["evidence"].append({"doc_id": e.doc_id, "start": e.start, "end": e.end, "role": "evidence",
                                  "text": text[e.start:e.end] if text else (e.text or None),
                                  "title": m.get("title"), "published": m.get("published")})
        items.append(d)
    return {"items": items, "total": total, "limit": limit, "offset": offset}


@router.get("/network", summary="The relations as a graph: nodes (actor codes) and edges")
def network(request: Request, type: Text = None) -> dict:
    return to_json(_store(request).relations(type=type))


# ------------------------------------------------------------------ tracks and storylines
def _track_out(store: Store, tr: Any) -> dict:
    qs = store.records_by_ids("quantity", tr.quantities)
    d = as_dict(tr)
    d["kind"] = "track"
    d["members"] = serialize(store, "quantity", qs)
    return d


@router.get("/tracks", summary="Figure tracks (figures counting the same thing over time), where made")
def tracks(request: Request, limit: Limit = 50, offset: Offset = 0) -> dict:
    store = _store(request)
    items = [_track_out(store, t) for t in store.tracks(limit=limit, offset=offset)]
    return {"items": items, "total": store.count_tracks(), "limit": limit, "offset": offset}


@router.get("/tracks/{track_id}", summary="One track with its figures")
def track(request: Request, track_id: Annotated[str, Path(max_length=64, pattern=NO_NUL)]) -> dict:
    store = _store(request)
    for t in store.tracks(limit=None):
        if t.id == track_id:
            return _track_out(store, t)
    raise SitrepError(f"{track_id}: no such track", input=track_id, reason="not_found")


@router.get("/storylines", summary="Storylines (documents that tell one story), where made")
def storylines(request: Request, limit: Limit = 50, offset: Offset = 0) -> dict:
    store = _store(request)
    items = [{**as_dict(s), "kind": "storyline"} for s in store.storylines(limit=limit, offset=offset)]
    return {"items": items, "total": store.count_storylines(), "limit": limit, "offset": offset}


# ------------------------------------------------------------------ facets, charts, map
@router.get("/facets/{kind}/{column}", summary="Distinct values of a filter column with counts")
def facets(request: Request, kind: Literal["entity", "place", "quantity", "claim", "event", "relation"],
           column: Annotated[str, Path(max_length=40, pattern=NO_NUL)], limit: Limit = 200) -> dict:
    from ..store.views import FACETS
    if column not in FACETS[kind]:   # a path that names no facet is a resource that is not there
        raise SitrepError(f"{kind}/{column}: no such facet (for {kind}: {', '.join(FACETS[kind])})",
                          input=column, reason="not_found")
    return {"items": _cached(request, ("facets", kind, column, limit),
                             lambda: _store(request).facets(kind, column, limit=limit))}


@router.get("/charts/events", summary="Event counts by type and day")
def event_counts(request: Request, since: Since = None, until: Until = None, type: Text = None,
                 actor: Text = None) -> dict:
    return {"items": _cached(request, ("events", since, until, type, actor),
                             lambda: _store(request).event_counts(since=since, until=until, type=type, actor=actor))}


@router.get("/map", summary="Geocoded places and located events, aggregated, for the map")
def map_points(request: Request, country: Annotated[str | None, Query(max_length=3, pattern=NO_NUL)] = None,
               type: Text = None) -> dict:
    store = _store(request)
    return _cached(request, ("map", country, type), lambda: {"places": store.place_points(country=country),
                                                             "events": store.event_points(type=type)})
