"""Linking a batch of new documents into the stored storylines (the rule is
in ``storylines``: ``dup_link``, ``story_link``, ``keys``).

For a batch: the keys its documents look up are read by index
(``storyline_keys.key``), its documents' own keys are stored (at most
``MAX_POSTING`` documents a key), and each candidate the keys name is
checked with the pair rule, skipping candidates already joined (so a new
copy of a story checks one of its documents, not all). The storylines the
batch joins are merged (union-find) and rewritten; their aggregates (first
document, dates, term counts, distinct texts) are merged from the stored rows
without reading their members, and members are relabelled only when two
storylines merge or a new document becomes a storyline's first. The same for
near-duplicate clusters (``storyline_documents.dup_of``). Every choice is a
function of the final sets (the earliest document by date then id), so the
order of the batches does not matter.
"""
from __future__ import annotations

from collections import Counter, defaultdict
from typing import Iterable

from sqlalchemy import bindparam, delete, insert, select, update

from ..model import record_id
from ..store import Store
from ..store import schema as S
from .storylines import MAX_POSTING, MIN_SHARED_NAMES, _UF, _base, _state_names, dup_link, jaccard, keys, story_link

_CHUNK = 500
TOP_TERMS = 8


def _first_key(doc_id: str, sig: dict) -> list[str]:
    return [sig.get("published") or "9999", doc_id]


def _chunks(ids: list, n: int = _CHUNK) -> Iterable[list]:
    for i in range(0, len(ids), n):
        yield ids[i:i + n]


def _signatures(conn, ids: Iterable[str]) -> dict[str, dict]:
    out = {}
    for c in _chunks(sorted(set(ids))):
        for r in conn.execute(select(S.doc_signatures.c.doc_id, S.doc_signatures.c.data)
                              .where(S.doc_signatures.c.doc_id.in_(c))):
            out[r.doc_id] = r.data
    return out


def link_batch(store: Store, new_sigs: dict[str, dict]) -> dict[str, int]:
    """Put these documents (id -> signature; those already in a storyline are
    left alone) into storylines. Returns counts."""
    k, m, st = S.storyline_keys, S.storyline_documents, S.storylines
    with store.engine.connect() as conn:
        placed = {r for c in _chunks(sorted(new_sigs)) for r in conn.execute(
            select(m.c.doc_id).where(m.c.doc_id.in_(c))).scalars()}
    new = {d: s for d, s in new_sigs.items() if d not in placed}
    if not new:
        return {"new_documents": 0, "storylines_written": 0, "key_rows": 0, "pairs_checked": 0}
    ids = sorted(new)
    with store.engine.begin() as conn:        # keys of an interrupted earlier attempt
        for c in _chunks(ids):
            conn.execute(delete(k).where(k.c.doc_id.in_(c)))
    # 1. the documents stored under the keys the batch looks up (its own and the neighbouring buckets)
    wanted: dict[str, list[str]] = defaultdict(list)
    for d in ids:
        bands, names = keys(new[d], lookup=True)
        for key in bands + names:
            wanted[key].append(d)
    posting: dict[str, list[str]] = defaultdict(list)
    key_rows = 0
    with store.engine.connect() as conn:
        for c in _chunks(sorted(wanted)):
            for key, o in conn.execute(select(k.c.key, k.c.doc_id).where(k.c.key.in_(c))):
                key_rows += 1
                posting[key].append(o)
    # 2. the batch's own keys, each under a key fewer than MAX_POSTING documents hold (in id order):
    # a key that many documents share says little, and the lookup stays bounded
    rows = []
    for d in ids:
        for part in keys(new[d]):
            for key in part:
                if len(posting[key]) < MAX_POSTING:
                    posting[key].append(d)
                    rows.append({"key": key, "doc_id": d})
    with store.engine.begin() as conn:
        for c in _chunks(rows, 5000):
            conn.execute(insert(k), c)
    # 3. candidates: documents sharing a band key, or MIN_SHARED_NAMES name keys
    band_c: dict[str, set[str]] = defaultdict(set)
    name_c: dict[str, dict[str, int]] = defaultdict(dict)
    for key, ds in wanted.items():
        for o in posting.get(key, ()):
            for d in ds:
                if o == d:
                    continue
                if key[0] == "b":
                    band_c[d].add(o)
                else:
                    nc = name_c[d]
                    nc[o] = nc.get(o, 0) + 1
    with store.engine.connect() as conn:
        story_c = {d: {o for o, n in cs.items() if n >= MIN_SHARED_NAMES} for d, cs in name_c.items()}
        old = {o for cs in list(band_c.values()) + list(story_c.values()) for o in cs} - set(new)
        member = {r.doc_id: r for c in _chunks(sorted(old)) for r in conn.execute(
            select(m.c.doc_id, m.c.storyline_id, m.c.dup_of).where(m.c.doc_id.in_(c)))}
    sigs = dict(new)
    checked = 0

    def sig(o: str) -> dict | None:
        """A candidate's signature, read when a pair is checked (a candidate already joined is not)."""
        if o not in sigs:
            with store.engine.connect() as conn:
                sigs[o] = conn.execute(select(S.doc_signatures.c.data)
                                       .where(S.doc_signatures.c.doc_id == o)).scalar_one_or_none()
        return sigs[o]
    # 4. union-find: an old document stands for its storyline (S:) and its near-duplicate cluster (D:)
    story, dup = _UF(), _UF()

    def s_node(x: str) -> str:
        return f"S:{member[x].storyline_id}" if x in member else x

    def d_node(x: str) -> str:
        return f"D:{member[x].dup_of or x}" if x in member else x

    for d in ids:
        story.find(d)
        dup.find(d)
        for o in sorted(band_c.get(d, ())):
            if (o not in member and o not in new) or dup.find(d_node(o)) == dup.find(d) or not sig(o):
                continue
            checked += 1
            if dup_link(new[d], sigs[o]) is not None:
                dup.union(d, d_node(o))
                story.union(d, s_node(o))
        for o in sorted(story_c.get(d, ())):
            if (o not in member and o not in new) or story.find(s_node(o)) == story.find(d) or not sig(o):
                continue
            checked += 1
            if story_link(new[d], sigs[o]):
                story.union(d, s_node(o))
    comps: dict[str, list[str]] = defaultdict(list)
    for node in list(story.p):
        comps[story.find(node)].append(node)
    dcomps: dict[str, list[str]] = defaultdict(list)
    for node in list(dup.p):
        dcomps[dup.find(node)].append(node)
    root_sl = {r.dup_of or x: r.storyline_id for x, r in member.items()}
    with store.engine.begin() as conn:
        written = _write(conn, comps, dcomps, new, sigs, root_sl)
    return {"new_documents": len(ids), "storylines_written": written, "key_rows": key_rows, "pairs_checked": checked}


def _write(conn, comps: dict, dcomps: dict, new: dict, sigs: dict, root_sl: dict[str, str]) -> int:
    m, st = S.storyline_documents, S.storylines
    old_ids = sorted({n[2:] for nodes in comps.values() for n in nodes if n.startswith("S:")})
    olddata = {r.id: (r.name, r.data or {}) for c in _chunks(old_ids)
               for r in conn.execute(select(st.c.id, st.c.name, st.c.data).where(st.c.id.in_(c)))}
    # near-duplicate clusters first: each new document's dup_of, and relabelled members
    dup_of: dict[str, tuple[str | None, float | None]] = {}
    demoted: Counter = Counter()           # old storyline -> its first documents of a cluster no longer first
    for nodes in dcomps.values():
        docs = [n for n in nodes if not n.startswith("D:")]
        roots = [n[2:] for n in nodes if n.startswith("D:")]
        if not docs:
            continue
        if len(nodes) == 1:
            dup_of[docs[0]] = (None, None)
            continue
        sigs.update(_signatures(conn, [r for r in roots if r not in sigs]))
        first = min(docs + roots, key=lambda d: _first_key(d, sigs[d]))
        for d in docs:
            dup_of[d] = (None, None) if d == first else (first, round(jaccard(sigs[first]["minhash"],
                                                                               sigs[d]["minhash"]), 3))
        moved = [r for r in roots if r != first]
        demoted.update(root_sl[r] for r in moved)
        if moved:              # clusters merged, or a new document is the cluster's first: relabel
            for c in _chunks(moved):
                olds = [r.doc_id for r in conn.execute(select(m.c.doc_id).where(m.c.dup_of.in_(c)))] + list(c)
                osigs = _signatures(conn, olds)
                conn.execute(update(m).where(m.c.doc_id == bindparam("d"))
                             .values(dup_of=bindparam("r"), jaccard=bindparam("j")),
                             [{"d": o, "r": first if o != first else None,
                               "j": round(jaccard(sigs[first]["minhash"], osigs[o]["minhash"]), 3)
                               if o != first else None} for o in olds])
    written = 0
    for nodes in comps.values():
        docs = sorted(n for n in nodes if not n.startswith("S:"))
        if not docs:
            continue
        olds = sorted(n[2:] for n in nodes if n.startswith("S:"))
        agg = _aggregate([olddata[o][1] for o in olds if o in olddata], {d: new[d] for d in docs})
        first = agg["first_key"][1]
        sid = record_id("storyline", "", first)
        name = next((olddata[o][0] for o in olds if o in olddata and olddata[o][1].get("first_key") ==
                     agg["first_key"]), None) or new.get(first, {}).get("title") or \
            " ".join(list(new.get(first, {}).get("terms", {}))[:5]) or first
        others = [o for o in olds if o != sid]
        if others:
            conn.execute(update(m).where(m.c.storyline_id.in_(others)).values(storyline_id=sid))
            conn.execute(delete(st).where(st.c.id.in_(others)))
        conn.execute(insert(m), [{"storyline_id": sid, "doc_id": d, "dup_of": dup_of[d][0],
                                  "jaccard": dup_of[d][1]} for d in docs])
        # distinct texts: the storylines' own, the new documents first of their cluster, less demoted firsts
        agg["distinct"] = sum(olddata[o][1].get("distinct", 0) - demoted[o] for o in olds if o in olddata) + \
            sum(1 for d in docs if dup_of[d][0] is None)
        agg["terms"] = top_terms(agg["term_counts"])
        if sid in olds:
            conn.execute(update(st).where(st.c.id == sid).values(name=name, data=agg))
        else:
            conn.execute(insert(st).values(id=sid, name=name, data=agg))
        written += 1
    return written


def top_terms(counts: dict[str, int]) -> list[str]:
    """The storyline's most frequent key terms, less the names of states (every story of a war has them)."""
    states = _state_names()
    return [t for t, _ in sorted(counts.items(), key=lambda x: (-x[1], x[0]))
            if _base(t) not in states][:TOP_TERMS]


def _aggregate(olds: list[dict], docs: dict[str, dict]) -> dict:
    """A storyline's summary from the summaries of the storylines it merges and
    its new documents: first document, first and last date, term counts."""
    counts: Counter = Counter()
    firsts, dates = [], []
    for o in olds:
        counts.update(o.get("term_counts") or {})
        firsts.append(list(o["first_key"]))
        dates.extend(x for x in (o.get("first"), o.get("last")) if x)
    for d, s in docs.items():
        counts.update(s.get("terms") or {})
        firsts.append(_first_key(d, s))
        if s.get("published"):
            dates.append(s["published"])
    return {"first_key": min(firsts), "first": min(dates, default=None), "last": max(dates, default=None),
            "term_counts": dict(sorted(counts.items()))}
