"""Exports: JSON Lines per ``../shared/docs/export-format.md`` and CSV.

Fields of the contract are never renamed; records carry extra fields beside
them. Kinds the store does not hold are simply absent.
"""
from __future__ import annotations

import csv
import json
from typing import IO, Any, Iterable, Iterator

from .model import as_dict
from .store import Store

KINDS = ("document", "entity", "place", "date", "quantity", "claim", "event", "relation", "track", "storyline")

# contract fields in order, per kind (used for CSV columns)
CONTRACT = {
    "document": ["id", "source_id", "title", "category", "published", "source", "text"],
    "entity": ["id", "doc_id", "name", "type", "code", "role", "mentions"],
    "place": ["id", "doc_id", "name", "place_kind", "country", "lat", "lon", "mentions"],
    "date": ["id", "doc_id", "start", "end", "text", "date"],
    "quantity": ["id", "doc_id", "start", "end", "text", "value", "low", "high", "approx", "unit", "subject",
                 "source", "claim_id"],
    "claim": ["id", "doc_id", "start", "end", "text", "source", "source_start", "source_end", "cue", "hedge",
              "direct"],
    "event": ["id", "doc_id", "start", "end", "text", "type", "actor", "target", "location", "date", "claim_id"],
    "relation": ["id", "type", "from", "to", "item", "evidence"],
    "track": ["id", "name", "unit", "subject", "quantities"],
    "storyline": ["id", "name", "documents"],
}


def iter_records(store: Store, kinds: Iterable[str] = KINDS, page: int = 1000) -> Iterator[dict[str, Any]]:
    """Every stored record of the given kinds as a contract dict with ``kind``."""
    for kind in kinds:
        if kind == "document":
            for doc in store.iter_documents():
                d = as_dict(doc)
                d["sources"] = [s["source"] for s in store.sources_of(doc.id)]
                yield {"kind": "document", **d}
        elif kind == "relation":
            for rel in store.relations():
                yield {"kind": "relation", **rel.to_dict()}
        elif kind in ("track", "storyline"):
            fn = getattr(store, kind + "s", None)
            if fn is None:
                continue
            for rec in fn():
                yield {"kind": kind, **(rec if isinstance(rec, dict) else as_dict(rec))}
        else:
            offset = 0
            while True:
                recs = store.records(kind, limit=page, offset=offset)
                if not recs:
                    break
                for r in recs:
                    yield _tagged(kind, as_dict(r))
                offset += page


def _tagged(kind: str, d: dict[str, Any]) -> dict[str, Any]:
    """``kind`` names the record kind on every line; a place's own ``kind``
    (country, region, city) would overwrite it, so it goes to ``place_kind``."""
    if "kind" not in d:
        return {"kind": kind, **d}
    own = d.pop("kind")
    return {"kind": kind, **d, f"{kind}_kind": own}


def write_jsonl(store: Store, out: IO[str], kinds: Iterable[str] = KINDS) -> int:
    n = 0
    for rec in iter_records(store, kinds):
        out.write(json.dumps(rec, ensure_ascii=False) + "\n")
        n += 1
    return n


def write_csv(store: Store, out: IO[str], kind: str = "document") -> int:
    """One kind as CSV: the contract columns first, lists as JSON text."""
    cols = CONTRACT[kind]
    n = 0
    writer = None
    for rec in iter_records(store, [kind]):
        rec.pop("kind")
        if writer is None:
            extra = [k for k in rec if k not in cols]
            writer = csv.DictWriter(out, fieldnames=cols + extra, extrasaction="ignore")
            writer.writeheader()
        writer.writerow({k: (json.dumps(v, ensure_ascii=False) if isinstance(v, (list, dict)) else v)
                         for k, v in rec.items()})
        n += 1
    if writer is None:
        csv.writer(out).writerow(cols)
    return n

