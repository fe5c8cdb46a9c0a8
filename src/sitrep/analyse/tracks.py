"""Figure tracks: the quantities of the store that count the same thing, side
by side, across documents and sources.

A figure goes in the track of its key (unit group, owner, situation, place;
see ``features.track_key``); every figure is in exactly one track. Building is
incremental: only quantities not yet in a track are read, and they join the
tracks already stored (``build_tracks``); ``rebuild=True`` starts over. A
figure's track depends on its own document only (``doc_figures``,
``track_rows``: computable on a Dask worker), and the rows of a batch are
merged reading and writing only the tracks they join (``merge_rows``), so
building batch by batch gives what one rebuild gives. User
edits (split, merge, rename) are stored as operations in ``track_edits`` and
replayed after every build, so they survive a rebuild.

``track_view`` shows one track: each figure with value or bounds, source,
hedge, date stated and evidence; the spread; the latest figure of each source;
contradictions between sources; revisions of one source.
"""
from __future__ import annotations

from collections import ChainMap, defaultdict
from datetime import date as _date
from functools import lru_cache
from typing import Any, Iterable, Mapping

from sqlalchemy import bindparam, delete, exists, insert, select, update

from ..model import Document, Quantity, from_dict, record_id
from ..store import Store
from ..store import schema as S
from .features import (DocContext, Figure, _ns, figure_data, inherit_owners, link_parts, read_figure, track_key,
                       why_text)
from .track_edits import _redirects, _track_exists, edit_merge, edit_rename, edit_split, replay_edits
from .track_rules import (_what_alone, merge_summary, name_from_summary, order_key, settle_keys,
                          subject_from_summary, summary)

__all__ = ["build_tracks", "update_tracks", "merge_rows", "doc_figures", "track_rows", "track_view", "list_tracks",
           "edit_split", "edit_merge", "edit_rename", "replay_edits", "interval"]

_BATCH = 500


def track_id_for(key: tuple) -> str:
    return record_id("track", "", *key)


# ------------------------------------------------------------------ building
def _load_rows(store: Store, table, doc_ids: list[str]) -> dict[str, list[dict]]:
    out: dict[str, list[dict]] = defaultdict(list)
    with store.engine.connect() as conn:
        for i in range(0, len(doc_ids), _BATCH):
            chunk = doc_ids[i:i + _BATCH]
            for r in conn.execute(select(table.c.doc_id, table.c.data).where(table.c.doc_id.in_(chunk))):
                out[r.doc_id].append(r.data)
    return out


@lru_cache(maxsize=4)
def _dictionary_names(files: tuple[str, ...]) -> dict[str, str]:
    """Canonical name (lower case) -> actor code, from the actor dictionary
    (bundled and the user's files, setting ``actors``)."""
    from ..extract import actordict
    names: dict[str, str] = {}
    for a in actordict.load(files).actors.values():
        if a.code and a.type != "PERSON":
            names.setdefault(a.name.lower(), a.code.split()[0])
    return names


def _names_index(erows: Iterable) -> Mapping[str, str]:
    """Mention text (lower case) -> actor code: lets words such as "N. Korean"
    found without a record still name a coded owner. Canonical names come from
    the actor dictionary, mention texts from the entities of the document
    itself, so a figure reads the same whatever else the store holds (an
    incremental build equals a rebuild)."""
    from .. import settings
    files = tuple(p for p in (settings.get("actors") or "").split(":") if p)   # as the pipeline reads it
    own: dict[str, str] = {}
    for d in map(_ns, erows):            # records or their stored dicts
        if d.code and d.type != "PERSON":
            code = d.code.split()[0]
            for m in map(_ns, d.mentions or ()):
                own.setdefault(m.text.lower(), code)
    return ChainMap(_dictionary_names(files), own)


def read_figures(store: Store, doc_ids: list[str]) -> list[Figure]:
    """Read the figures of these documents (all their quantities)."""
    rows = {k: _load_rows(store, S.RECORD_TABLES[k], doc_ids) for k in ("quantity", "entity", "place", "date")}
    rows["claim"] = _claims_needed(store, rows["quantity"])
    docs: dict[str, Document] = {}
    with store.engine.connect() as conn:
        for i in range(0, len(doc_ids), _BATCH):
            chunk = doc_ids[i:i + _BATCH]
            for r in conn.execute(select(S.documents).where(S.documents.c.id.in_(chunk))).mappings():
                data = dict(r["data"] or {})
                data.update(id=r["id"], text=r["text"])
                docs[r["id"]] = from_dict(Document, data)
    figs: list[Figure] = []
    for did in doc_ids:
        if did not in docs or not rows["quantity"].get(did):
            continue
        figs.extend(doc_figures(docs[did], [from_dict(Quantity, d) for d in rows["quantity"][did]],
                                rows["entity"].get(did, ()), rows["place"].get(did, ()), rows["date"].get(did, ()),
                                rows["claim"].get(did, ())))
    figs.sort(key=order_key)          # reading order, whichever batch a document came in
    return figs


def doc_figures(doc: Document, quantities: list[Quantity], entities: Iterable = (), places: Iterable = (),
                dates: Iterable = (), claims: Iterable = ()) -> list[Figure]:
    """The figures of one document, read from its records (or their stored
    dicts): all a figure's track depends on. ``claims``: those figures without
    their own source or hedge point to (``needed_claims``)."""
    entities = list(entities)
    qs = sorted(quantities, key=lambda q: (q.start, q.end, q.id))
    ctx = DocContext(doc, entities, places, dates, claims, _names_index(entities),
                     spans=[(q.start, q.end) for q in qs])
    figs = [read_figure(q, ctx) for q in qs]
    link_parts(figs, ctx.text)
    inherit_owners(figs, ctx.text, ctx.starts)
    return sorted(figs, key=order_key)


def needed_claims(quantities: Iterable[Quantity], claims: Iterable) -> list[dict]:
    """Source and hedge of the claims that figures without their own point to
    (as ``read_figures`` reads them from the store)."""
    want = {q.claim_id for q in quantities if q.claim_id and (not q.source or not q.hedge)}
    return [{"id": c.id, "source": c.source, "hedge": c.hedge} for c in claims if c.id in want]


def track_rows(figs: list[Figure]) -> list[dict]:
    """One document's figures as rows for ``merge_rows`` (JSON-able): the key
    of the track each goes in, its reason, role and what was read, and its
    share of the track's summary; a track kept to the document also gets what
    its first figure counts (its name's noun)."""
    keys = settle_keys(figs, {f.q.id: track_key(f) for f in figs})
    out, first = [], {}
    for f in figs:
        key = keys.get(f.parent) if f.parent else keys[f.q.id]
        if key is None:
            key = keys[f.q.id]
        if key[4] and (key not in first or (first[key].role != "figure" and f.role == "figure")):
            first[key] = f
        out.append({"doc_id": f.q.doc_id, "quantity_id": f.q.id, "key": list(key), "why": why_text(f),
                    "role": f.role, "data": figure_data(f), "summary": summary([f]), "order": order_key(f)})
    for r in out:
        k = tuple(r["key"])
        if k[4]:
            r["what"] = _what_alone(first[k], k[0].split(":")[0])
    return out


def _claims_needed(store: Store, qrows: dict[str, list[dict]]) -> dict[str, list[dict]]:
    """Source and hedge of the claims that figures without their own point to."""
    want = sorted({d["claim_id"] for ds in qrows.values() for d in ds
                   if d.get("claim_id") and (not d.get("source") or not d.get("hedge"))})
    out: dict[str, list[dict]] = defaultdict(list)
    c = S.claims
    with store.engine.connect() as conn:
        for i in range(0, len(want), _BATCH):
            for r in conn.execute(select(c.c.id, c.c.doc_id, c.c.source, c.c.hedge).where(c.c.id.in_(want[i:i + _BATCH]))):
                out[r.doc_id].append({"id": r.id, "source": r.source, "hedge": r.hedge})
    return out


def _unassigned_docs(store: Store) -> list[str]:
    q, m = S.quantities, S.track_members
    with store.engine.connect() as conn:
        return sorted(set(conn.execute(select(q.c.doc_id).where(~exists().where(m.c.quantity_id == q.c.id)))
                          .scalars()))


def _in_chunks(conn, stmt_for, ids: list[str]):
    for i in range(0, len(ids), _BATCH):
        yield from conn.execute(stmt_for(ids[i:i + _BATCH]))


def build_tracks(store: Store, *, rebuild: bool = False, doc_ids: Iterable[str] | None = None) -> dict[str, int]:
    """Put every quantity not yet in a track into one (all of them with
    ``rebuild``), then replay the user's edits. Returns counts.

    With ``doc_ids`` (the documents of a new batch) only those documents are
    read, and only the tracks their figures join are read and written: the
    cost follows the batch, not the store. A figure's track depends on its own
    document only, and a track's name and subject on a summary its figures
    add up to (``track_rules.summary``), so building batch by batch gives the
    tracks a rebuild gives (``tests/test_tracks_incremental.py``)."""
    m, t = S.track_members, S.tracks
    with store.engine.begin() as conn:
        if rebuild:
            conn.execute(delete(m))
            conn.execute(delete(t))
        elif doc_ids is None:   # figures whose quantity is gone (re-extracted documents) leave their tracks
            conn.execute(delete(m).where(~exists().where(S.quantities.c.id == m.c.quantity_id)))
            conn.execute(delete(t).where(~exists().where(m.c.track_id == t.c.id)))
    todo = sorted(set(doc_ids)) if doc_ids is not None else _unassigned_docs(store)
    got = {"figures": 0, "tracks_new": 0, "tracks_updated": 0}
    for i in range(0, len(todo), 2000):        # a bounded number of documents in memory at a time
        by_doc: dict[str, list[Figure]] = defaultdict(list)
        for f in read_figures(store, todo[i:i + 2000]):
            by_doc[f.q.doc_id].append(f)
        for k, v in merge_rows(store, [r for fs in by_doc.values() for r in track_rows(fs)]).items():
            got[k] += v
    if not todo:
        replay_edits(store)
    got["documents"] = len(todo)
    return got


def merge_rows(store: Store, rows: list[dict]) -> dict[str, int]:
    """Put the figures of these rows (``track_rows``, computed here or on a
    worker) into their tracks: new tracks are made, the tracks they join get
    their summary, name and subject updated; nothing else is read or written.
    Figures already in a track are left where they are. Then the user's edits
    are replayed."""
    m, t = S.track_members, S.tracks
    with store.engine.connect() as conn:
        assigned = {r.quantity_id for r in _in_chunks(
            conn, lambda c: select(m.c.quantity_id).where(m.c.quantity_id.in_(c)), [r["quantity_id"] for r in rows])}
    rows = sorted((r for r in rows if r["quantity_id"] not in assigned), key=lambda r: r["order"])
    redirect = _redirects(store)
    members: dict[str, list[dict]] = defaultdict(list)
    key_of: dict[str, tuple] = {}
    for r in rows:
        key = tuple(r["key"])
        tid = track_id_for(key)
        tid = redirect.get(tid, tid)
        members[tid].append(r)
        key_of.setdefault(tid, key)
    with store.engine.connect() as conn:
        existing = {r.id: r for r in _in_chunks(conn, lambda c: select(t).where(t.c.id.in_(c)), sorted(members))}
    new_rows, changed, member_rows = [], [], []
    for tid, rs in members.items():
        summ = None
        for r in rs:
            summ = merge_summary(summ, r["summary"])
        if tid not in existing:
            key = key_of[tid]
            data = {"key": list(key), "owner": key[1] or None, "situation": key[2] or None,
                    "place": key[3] or None, "auto": True}
            if not key[4]:      # a track across documents keeps its summary for the batches to come
                data["summary"] = summ
            new_rows.append({"id": tid, "name": name_from_summary(key, summ, rs[0].get("what") if key[4] else None),
                             "unit": key[0], "subject": subject_from_summary(summ), "data": data})
        else:                   # a track of earlier batches: its summary grows, its name follows
            row = existing[tid]
            data = dict(row.data or {})
            key = tuple(data["key"]) if data.get("key") else key_of[tid]
            if "summary" in data:   # (a track kept to one document gets no figures from another)
                data["summary"] = merge_summary(data["summary"], summ)
                changed.append({"tid": tid, "name": name_from_summary(key, data["summary"]),
                                "subject": subject_from_summary(data["summary"]), "data": data})
        member_rows.extend({"track_id": tid, "quantity_id": r["quantity_id"], "why": r["why"], "role": r["role"],
                            "data": r["data"]} for r in rs)
    with store.engine.begin() as conn:
        for i in range(0, len(new_rows), 2000):
            conn.execute(insert(t), new_rows[i:i + 2000])
        if changed:
            conn.execute(update(t).where(t.c.id == bindparam("tid"))
                         .values(name=bindparam("name"), subject=bindparam("subject"), data=bindparam("data")),
                         changed)
        for i in range(0, len(member_rows), 2000):
            conn.execute(insert(m), member_rows[i:i + 2000])
    replay_edits(store)
    return {"figures": len(rows), "tracks_new": len(new_rows), "tracks_updated": len(changed)}


def update_tracks(store: Store, doc_ids: Iterable[str] | None = None) -> dict[str, int]:
    """Bring tracks up to date for the documents of a new batch (every
    document not yet in a track when ``doc_ids`` is None)."""
    return build_tracks(store, doc_ids=doc_ids)


# ------------------------------------------------------------------ reading
def list_tracks(store: Store) -> list[dict]:
    """Every track with its member quantity ids, largest first."""
    t, m = S.tracks, S.track_members
    with store.engine.connect() as conn:
        mem: dict[str, list[tuple]] = defaultdict(list)
        q = S.quantities
        for r in conn.execute(select(m.c.track_id, m.c.quantity_id, m.c.why, m.c.role, m.c.data, q.c.source,
                                     q.c.source_names).select_from(m.outerjoin(q, q.c.id == m.c.quantity_id))):
            mem[r.track_id].append(r)
        out = []
        for r in conn.execute(select(t)).mappings():
            ms = sorted(mem.get(r["id"], []), key=lambda x: x.quantity_id)
            data = r["data"] or {}
            sources = sorted({s for x in ms if x.role == "figure" for s in _sources(x)} - {""})
            out.append({"id": r["id"], "name": r["name"], "unit": r["unit"], "subject": r["subject"],
                        "quantities": [x.quantity_id for x in ms], "why": [x.why for x in ms],
                        "owner": data.get("owner"), "situation": data.get("situation"), "place": data.get("place"),
                        "edited": bool(data.get("edited")), "sources": sources,
                        "figures": sum(1 for x in ms if x.role == "figure")})
    out.sort(key=lambda d: (-len(d["sources"]), -d["figures"], d["name"] or "", d["id"]))
    return out


def _sources(member) -> list[str]:
    """Every source of a track member: the source read for the figure and,
    when that is the quantity's own, its co-sources ("Blinken and Austin")."""
    src = (member.data or {}).get("source") or ""
    if src and src == member.source and member.source_names:
        return [src, *(n for n in member.source_names.split("; ") if n)]
    return [src]


INF = float("inf")


def interval(value: float | None, low: float | None, high: float | None, approx: str | None) -> tuple[float, float]:
    """The bounds a figure states: "about" allows 10 %, "more than" is open above,
    "up to" is open below (to zero), a range is its ends."""
    if low is not None or high is not None:
        lo, hi = (low if low is not None else 0.0), (high if high is not None else INF)
        if approx == "about":
            lo, hi = lo * 0.9, hi * 1.1
        return lo, hi
    if value is None:
        return 0.0, INF
    if approx == "about":
        return value * 0.9, value * 1.1
    if approx == "at_least":
        return value, INF
    if approx == "at_most":
        return 0.0, value
    return value, value


def _days(a: str | None, b: str | None) -> int | None:
    try:
        return abs((_date.fromisoformat(a[:10]) - _date.fromisoformat(b[:10])).days)
    except (TypeError, ValueError):
        return None


def track_view(store: Store, track_id: str, same_time_days: int = 3) -> dict[str, Any]:
    """One track for reading: figures, spread, latest per source, contradictions,
    revisions. Near-duplicate documents (storylines) fold a figure repeated by
    several sites into one figure reported several times."""
    tr = _track_exists(store, track_id)
    tid = tr["id"]
    m = S.track_members
    with store.engine.connect() as conn:
        mem = conn.execute(select(m.c.quantity_id, m.c.why, m.c.role, m.c.data).where(m.c.track_id == tid)).all()
        qrows = {r.id: r.data for r in conn.execute(select(S.quantities.c.id, S.quantities.c.data)
                                                    .where(S.quantities.c.id.in_([x.quantity_id for x in mem])))}
        docs = {r.id: r for r in conn.execute(select(S.documents.c.id, S.documents.c.title, S.documents.c.published,
                                                     S.documents.c.source)
                                              .where(S.documents.c.id.in_({d["doc_id"] for d in qrows.values()})))}
    from .storylines import duplicate_clusters
    dup = duplicate_clusters(store, list(docs))
    figures = []
    for x in mem:
        q = qrows.get(x.quantity_id)
        if q is None:
            continue
        info = x.data or {}
        d = docs.get(q["doc_id"])
        lo, hi = interval(q.get("value"), q.get("low"), q.get("high"), q.get("approx"))
        figures.append({
            "quantity_id": q["id"], "doc_id": q["doc_id"], "start": q["start"], "end": q["end"], "text": q["text"],
            "value": q.get("value"), "low": q.get("low"), "high": q.get("high"), "approx": q.get("approx"),
            "unit": q.get("unit"), "bounds": [lo, None if hi == INF else hi],
            "source": info.get("source") or q.get("source"), "hedge": info.get("hedge") or q.get("hedge"),
            "co_sources": [c["name"] for c in q.get("co_sources") or ()   # "Blinken and Austin": the others
                           if (info.get("source") or q.get("source")) == q.get("source")],
            "date": info.get("date"), "date_from": info.get("date_from"), "situation": info.get("situation"),
            "place": info.get("place"), "role": x.role or "figure", "parent": info.get("parent"),
            "why": x.why, "doc_title": d.title if d else None, "published": d.published if d else None,
            "reported_in": [q["doc_id"]]})
    figures.sort(key=lambda f: (f["date"] or "", f["doc_id"], f["start"]))
    # fold repeats: the same source's same figure in near-duplicate documents
    folded: dict[tuple, dict] = {}
    main = []
    for f in figures:
        k = (dup.get(f["doc_id"], f["doc_id"]), f["source"], f["value"], f["low"], f["high"], f["approx"], f["role"])
        if f["doc_id"] != k[0] or k in folded:
            if k in folded:
                folded[k]["reported_in"].append(f["doc_id"])
                continue
        folded[k] = f
        main.append(f)
    counted = [f for f in main if f["role"] == "figure"]
    spread = None
    if counted:
        los = [f["bounds"][0] for f in counted]
        his = [f["bounds"][1] for f in counted if f["bounds"][1] is not None]
        vals = [v for f in counted for v in (f["value"], f["low"], f["high"]) if v is not None]
        spread = {"min": min(vals) if vals else min(los), "max": max(vals) if vals else (max(his) if his else None),
                  "sources": len({f["source"] or ("doc:" + f["doc_id"]) for f in counted}),
                  "figures": len(counted), "reports": sum(len(f["reported_in"]) for f in counted)}
    latest: dict[str, dict] = {}
    for f in counted:
        latest[f["source"] or "(unattributed)"] = f
    contradictions, revisions = [], []
    for i, a in enumerate(counted):
        for b in counted[i + 1:]:
            disjoint = a["bounds"][0] > (b["bounds"][1] if b["bounds"][1] is not None else INF) or \
                b["bounds"][0] > (a["bounds"][1] if a["bounds"][1] is not None else INF)
            if not disjoint or (a["situation"] and b["situation"] and a["situation"] != b["situation"]):
                continue          # compatible, or not counting the same moment (in Russia / joining the fighting)
            gap = _days(a["date"], b["date"])
            if a["source"] and b["source"] and a["source"] == b["source"]:
                if a["doc_id"] != b["doc_id"] or (gap or 0) > 0:
                    revisions.append({"source": a["source"], "from": a["quantity_id"], "to": b["quantity_id"],
                                      "from_text": a["text"], "to_text": b["text"], "from_date": a["date"],
                                      "to_date": b["date"], "direction": "up" if b["bounds"][0] > a["bounds"][0]
                                      else "down"})
            elif a["source"] and b["source"] and (gap is not None and gap <= same_time_days
                                                  or (gap is None and a["doc_id"] == b["doc_id"])):
                contradictions.append({"a": a["quantity_id"], "b": b["quantity_id"], "a_source": a["source"],
                                       "b_source": b["source"], "a_text": a["text"], "b_text": b["text"],
                                       "a_date": a["date"], "b_date": b["date"], "days_apart": gap})
    return {"id": tid, "name": tr["name"], "unit": tr["unit"], "subject": tr["subject"],
            "data": tr["data"] or {}, "figures": main, "spread": spread,
            "latest": {s: {"quantity_id": f["quantity_id"], "text": f["text"], "date": f["date"]}
                       for s, f in sorted(latest.items())},
            "contradictions": contradictions, "revisions": revisions}
