"""Exports for the tools analysts already use, beside the JSON Lines contract
(``export.py``) and GraphML (``network.py``):

- GeoJSON of places and events (opens in QGIS): one Point feature per
  geocoded place record, and one per event whose location is a geocoded place
  of the same document;
- a CSV of events with GDELT/ACLED-like columns (one row per event, with the
  coordinates of its location where known and the span it was read from).
"""
from __future__ import annotations

import csv
import json
from typing import IO, Iterator

from . import export
from .errors import SitrepError
from .model import Event, Place
from .network import to_graphml
from .store import Store

#: export formats and their media types
MEDIA = {"jsonl": "application/x-ndjson", "csv": "text/csv", "events-csv": "text/csv",
         "geojson": "application/geo+json", "graphml": "application/graphml+xml"}

EVENT_COLUMNS = ["event_id", "event_date", "year", "event_type", "modality", "actor1", "actor2", "location",
                 "country", "latitude", "longitude", "source", "source_url", "doc_id", "start", "end", "notes"]


def _pages(store: Store, kind: str, page: int = 1000, **filters) -> Iterator:
    offset = 0
    while True:
        recs = store.records(kind, limit=page, offset=offset, **filters)
        if not recs:
            return
        yield recs
        offset += page


def _doc_places(store: Store, doc_id: str) -> dict[str, Place]:
    return {p.name.lower(): p for p in store.records("place", doc_id=doc_id, limit=None)
            if p.lat is not None and p.lon is not None}


def _located_events(store: Store, **filters) -> Iterator[tuple[Event, Place | None, dict]]:
    """Events with the geocoded place of the same document their location names."""
    cache: dict[str, dict[str, Place]] = {}
    for recs in _pages(store, "event", **filters):
        meta = store.doc_meta((e.doc_id for e in recs), with_text=False)
        for ev in recs:
            if ev.doc_id not in cache:
                if len(cache) > 2000:
                    cache.clear()
                cache[ev.doc_id] = _doc_places(store, ev.doc_id)
            place = cache[ev.doc_id].get((ev.location or "").lower()) if ev.location else None
            yield ev, place, meta.get(ev.doc_id, {})


def iter_geojson_features(store: Store) -> Iterator[dict]:
    for recs in _pages(store, "place"):
        for p in recs:
            if p.lat is None or p.lon is None:
                continue
            m = p.mentions[0] if p.mentions else None
            yield {"type": "Feature", "geometry": {"type": "Point", "coordinates": [p.lon, p.lat]},
                   "properties": {"layer": "place", "id": p.id, "doc_id": p.doc_id, "name": p.name,
                                  "kind": p.kind, "country": p.country, "mentions": len(p.mentions),
                                  "start": m.start if m else None, "end": m.end if m else None}}
    for ev, place, meta in _located_events(store):
        if place is None:
            continue
        yield {"type": "Feature", "geometry": {"type": "Point", "coordinates": [place.lon, place.lat]},
               "properties": {"layer": "event", "id": ev.id, "doc_id": ev.doc_id, "type": ev.type,
                              "actor": ev.actor, "target": ev.target, "location": ev.location,
                              "country": place.country, "date": ev.date or meta.get("published"),
                              "modality": ev.modality, "start": ev.start, "end": ev.end, "text": ev.text}}


def write_geojson(store: Store, out: IO[str]) -> int:
    """A GeoJSON FeatureCollection (WGS84 lon/lat), written feature by feature."""
    out.write('{"type": "FeatureCollection", "features": [\n')
    n = 0
    for f in iter_geojson_features(store):
        out.write((",\n" if n else "") + json.dumps(f, ensure_ascii=False))
        n += 1
    out.write("\n]}\n")
    return n


def write_events_csv(store: Store, out: IO[str]) -> int:
    """Events as CSV with GDELT/ACLED-like columns (see ``EVENT_COLUMNS``)."""
    w = csv.writer(out)
    w.writerow(EVENT_COLUMNS)
    n = 0
    claims: dict[str, str | None] = {}
    for ev, place, meta in _located_events(store):
        date = ev.date or meta.get("published")
        source = None
        if ev.claim_id:
            if ev.claim_id not in claims:
                found = store.records("claim", claim_id=None, limit=None, doc_id=ev.doc_id)
                claims.update({c.id: c.source for c in found})
            source = claims.get(ev.claim_id)
        w.writerow([_csv_safe(v) if isinstance(v, str) else v for v in [ev.id, date, (date or "")[:4] or None, ev.type, ev.modality, ev.actor, ev.target,
                    ev.location, place.country if place else None, place.lat if place else None,
                    place.lon if place else None, source, meta.get("source"), ev.doc_id, ev.start, ev.end,
                    ev.text]])
        n += 1
    return n


def _csv_safe(s: str | None) -> str | None:
    """Text that a spreadsheet will not run as a formula (CSV injection)."""
    if s and s[0] in "=+-@\t\r":
        return "'" + s
    return s


def write_export(store, fmt: str, out, kinds: list[str] | None = None) -> int:
    """Write one export format to an open text file; returns the records written."""
    if fmt == "jsonl":
        return export.write_jsonl(store, out, kinds or export.KINDS)
    if fmt == "csv":
        if kinds and len(kinds) > 1:
            raise SitrepError("kind: CSV takes one kind per file", input="kind", reason="bad_kind")
        return export.write_csv(store, out, kinds[0] if kinds else "document")
    if fmt == "events-csv":
        return write_events_csv(store, out)
    if fmt == "geojson":
        return write_geojson(store, out)
    if fmt == "graphml":
        rels = store.relations()
        out.write(to_graphml(rels))
        return len(rels)
    raise SitrepError(f"{fmt}: no such export format (one of {', '.join(MEDIA)})", input=fmt, reason="bad_format")
