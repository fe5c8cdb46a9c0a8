"""Storylines: articles about the same story grouped across sources, and
near-duplicates (the same wire story on two sites) recognised.

A lexical method, no model download: each document gets a signature (stored
in ``doc_signatures``, computed on the worker in a distributed ingest) with
- a MinHash of its word 5-gram shingles (64 hashes, in 32 bands);
- its key terms (the 30 most frequent content words of title and text, with
  counts; names counted twice) and, among them, its names (capitalised words
  not opening a sentence), less the names of states, their capitals and
  peoples (the bundled ``data/actors-states.yaml``: they say where a story is,
  not which one).

Two documents are linked when a rule on the pair alone says so:
- near-duplicates: estimated shingle Jaccard of at least ``DUP_JACCARD``
  (both dated at most ``DUP_DAYS`` apart, or both undated);
- the same story: at least ``MIN_SHARED_NAMES`` names in common, a cosine of
  the key-term counts of at least ``STORY_COSINE``, and either a Jaccard of
  the two name sets of at least ``NAME_JACCARD`` or a cosine of at least
  ``STORY_COSINE_ALONE`` (both dated at most ``STORY_DAYS`` apart, or both
  undated).
A storyline is a connected component of these links, and a near-duplicate
cluster one of the near-duplicate links; each is named after its first
document (by publication date, then id). Nothing depends on the order in
which documents arrive or on the rest of the store, so building batch by
batch gives what one rebuild gives (``tests/test_storylines_incremental.py``).
A new document finds the documents it may link to through its signature keys
(``storyline_keys``: its MinHash bands and names, each with a date bucket) by
index, and only the storylines it joins are read and written
(``story_links.link_batch``): the cost follows the batch, not the store.
A key stores at most ``MAX_POSTING`` documents (the first to come; a key
that many documents share says little): below that, batches in any order
give exactly what a rebuild gives; a key past it still finds its first
documents for every newcomer (a big cluster of copies stays one), but which
documents those are depends on the order of arrival.
"""
from __future__ import annotations

import math
import re
import zlib
from collections import Counter, defaultdict
from datetime import date as _date
from functools import lru_cache
from pathlib import Path
from typing import Any, Iterable

import numpy as np
from sqlalchemy import delete, exists, func, insert, select

from ..store import Store
from ..store import schema as S

DUP_JACCARD = 0.5          # near-duplicates: estimated shingle Jaccard
DUP_DAYS = 30              # ... published at most this many days apart (or both undated)
STORY_COSINE = 0.5         # the same story: cosine of the key-term counts
MIN_SHARED_NAMES = 3       # ... at least this many names in common
NAME_JACCARD = 0.2         # ... and this share of the two documents' names,
STORY_COSINE_ALONE = 0.6   # ... or a cosine of at least this
STORY_DAYS = 10            # ... published at most this many days apart (or both undated)
MAX_POSTING = 20           # documents stored under one key at most (the first to come)
BANDS = 32
N_HASH = 64
N_TERMS = 30
_PRIME = 4294967311
_rng = np.random.RandomState(20141)
_A = _rng.randint(1, 2 ** 31 - 1, size=N_HASH).astype(np.int64)
_B = _rng.randint(0, 2 ** 31 - 1, size=N_HASH).astype(np.int64)
_A64 = ((_A.astype(np.uint64) << np.uint64(33)) ^ (_B.astype(np.uint64) << np.uint64(1))) | np.uint64(1)  # odd, 64-bit
_B64 = (_B.astype(np.uint64) << np.uint64(32)) ^ _A.astype(np.uint64)

_STOP = set("""a about above after again against all also am an and any are as at be because been before being
below between both but by can could did do does doing down during each few for from further had has have having he
her here hers herself him himself his how i if in into is it its itself just me more most my myself no nor not now
of off on once only or other our ours out over own same she should so some such than that the their theirs them
then there these they this those through to too under until up very was we were what when where which while who whom
why will with would you your yours said says say told according also new one two three year years last week month
since may might must shall would could percent mr mrs ms however among within without would like just still even
many much well per including told week monday tuesday wednesday thursday friday saturday sunday""".split())
_TOKEN = re.compile(r"[a-z][a-z’'-]+")
_NAME = re.compile(r"(?<![.!?\n]\s)(?<![.!?\n])(?<!^)\b([A-Z][a-z’'-]{3,})")


def _tokens(text: str) -> list[str]:
    return _TOKEN.findall(text.lower().replace("’", "'"))


SIG_VERSION = 3
_MIX = np.array([0x9E3779B1, 0x85EBCA77, 0xC2B2AE3D, 0x27D4EB2F, 0x165667B1], dtype=np.uint64)


def _shingle_hashes(toks: list[str]) -> np.ndarray:
    """Hashes of the word 5-grams: each word hashed once (crc32), five mixed."""
    if len(toks) < 5:
        return np.array([zlib.crc32(" ".join(toks).encode())], dtype=np.int64) if toks else np.zeros(0, np.int64)
    cache = {t: zlib.crc32(t.encode()) for t in set(toks)}
    th = np.fromiter(map(cache.__getitem__, toks), dtype=np.uint64, count=len(toks))
    n = len(toks) - 4
    h = np.zeros(n, dtype=np.uint64)
    for i in range(5):
        h = (h * np.uint64(31) + th[i:i + n] * _MIX[i]) & np.uint64(0xFFFFFFFF)
    return np.unique(h.astype(np.int64))


def _minhash(h: np.ndarray) -> np.ndarray:
    """64 hash functions (multiply-add, high 32 bits), the minimum of each."""
    with np.errstate(over="ignore"):   # products wrap modulo 2**64 on purpose
        h64 = h.astype(np.uint64) * np.uint64(0x9E3779B97F4A7C15)
        x = (h64[:, None] * _A64[None, :] + _B64[None, :]) >> np.uint64(32)
    return x.min(axis=0).astype(np.int64)


def signature(title: str | None, text: str, published: str | None = None) -> dict[str, Any]:
    """A document's storyline signature (JSON-able)."""
    toks = _tokens(text)
    h = _shingle_hashes(toks)
    if len(h):
        mh = _minhash(h)
    else:
        mh = np.full(N_HASH, 2 ** 32, dtype=np.int64)
    raw = Counter(_tokens((title or "") + " " + (title or "")))   # title words first: ties go to them
    raw.update(toks)
    counts: Counter = Counter()
    for t, c in raw.items():
        w = t.strip("'-")
        if len(w) > 3 and w not in _STOP:
            counts[w] += c
    # names (capitalised words not opening a sentence) say more about the story: count them twice
    names = Counter(_NAME.findall(text + "\n" + (title or "")))
    for n, c in names.items():
        w = n.lower().replace("’", "'").strip("'-")
        if w in counts:
            counts[w] += c
    terms = dict(counts.most_common(N_TERMS))
    named = {n.lower().replace("’", "'").strip("'-") for n in names}
    states = _state_names()
    story_names = sorted(w[:80] for w in terms if w in named and _base(w) not in states)
    return {"minhash": mh.tolist(), "terms": terms, "names": story_names, "published": published, "title": title,
            "empty": not len(h), "v": SIG_VERSION}


def _base(w: str) -> str:
    return w[:-2] if w.endswith("'s") else w


@lru_cache(maxsize=1)
def _state_names() -> frozenset[str]:
    """One-word names of states, their capitals and peoples (lower case), from
    the bundled actor dictionary of states: a story's place, not its subject."""
    import yaml
    path = Path(__file__).resolve().parents[1] / "data" / "actors-states.yaml"
    out = set()
    for a in yaml.safe_load(path.read_text(encoding="utf-8")) or []:
        for n in [a.get("name") or ""] + list(a.get("aliases") or []) + list(a.get("demonyms") or []):
            if n and " " not in n:
                out.add(n.lower())
    return frozenset(out)


def jaccard(a: list[int], b: list[int]) -> float:
    return sum(x == y for x, y in zip(a, b)) / len(a)


def _days(a: str | None, b: str | None) -> int | None:
    try:
        return abs((_date.fromisoformat(a[:10]) - _date.fromisoformat(b[:10])).days)
    except (TypeError, ValueError):
        return None


def _dated(sig: dict) -> bool:
    return _days(sig.get("published"), sig.get("published")) is not None


def _near_in_time(a: dict, b: dict, days: int) -> bool:
    """Both dated at most ``days`` apart, or both undated."""
    if not _dated(a) or not _dated(b):
        return not _dated(a) and not _dated(b)
    return _days(a["published"], b["published"]) <= days


# ------------------------------------------------------------------ the rule, on a pair alone
def dup_link(a: dict, b: dict) -> float | None:
    """The estimated Jaccard of two near-duplicates (None: not near-duplicates)."""
    if a.get("empty") or b.get("empty") or not _near_in_time(a, b, DUP_DAYS):
        return None
    j = jaccard(a["minhash"], b["minhash"])
    return round(j, 3) if j >= DUP_JACCARD else None


def cosine(a: dict, b: dict) -> float:
    ta, tb = a["terms"], b["terms"]
    dot = sum(c * tb[t] for t, c in ta.items() if t in tb)
    na = math.sqrt(sum(c * c for c in ta.values())) or 1.0
    nb = math.sqrt(sum(c * c for c in tb.values())) or 1.0
    return dot / (na * nb)


def story_link(a: dict, b: dict) -> bool:
    """Do two documents tell the same story (names in common, alike terms, near in time)?"""
    na, nb = set(a.get("names") or ()), set(b.get("names") or ())
    shared = len(na & nb)
    if shared < MIN_SHARED_NAMES or not _near_in_time(a, b, STORY_DAYS):
        return False
    c = cosine(a, b)
    return c >= STORY_COSINE and (shared >= NAME_JACCARD * len(na | nb) or c >= STORY_COSINE_ALONE)


# ------------------------------------------------------------------ signature keys (indexed lookup)
def _bucket(sig: dict, days: int) -> int | None:
    try:
        return _date.fromisoformat(sig["published"][:10]).toordinal() // days
    except (TypeError, ValueError, KeyError):
        return None


def _band_keys(sig: dict) -> list[str]:
    if sig.get("empty"):
        return []
    mh, r = sig["minhash"], N_HASH // BANDS
    return [f"b{b}:" + ":".join(map(str, mh[b * r:(b + 1) * r])) for b in range(BANDS)]


def _with_buckets(keys: list[str], bucket: int | None, near: bool) -> list[str]:
    if bucket is None:
        return [f"{k}@-" for k in keys]
    return [f"{k}@{b}" for b in ((bucket - 1, bucket, bucket + 1) if near else (bucket,)) for k in keys]


def keys(sig: dict, *, lookup: bool = False) -> tuple[list[str], list[str]]:
    """A document's signature keys (band keys, name keys), each with its date
    bucket: those stored for it, or (``lookup``) those to look up, in its own
    and the two neighbouring buckets, so that two documents a link may join
    always share one."""
    return (_with_buckets(_band_keys(sig), _bucket(sig, DUP_DAYS), lookup),
            _with_buckets([f"n:{n}" for n in sig.get("names") or ()], _bucket(sig, STORY_DAYS), lookup))


class _UF:
    def __init__(self):
        self.p: dict[str, str] = {}

    def find(self, x: str) -> str:
        self.p.setdefault(x, x)
        while self.p[x] != x:
            self.p[x] = self.p[self.p[x]]
            x = self.p[x]
        return x

    def union(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.p[max(ra, rb)] = min(ra, rb)


# ------------------------------------------------------------------ building
def ensure_signatures(store: Store, doc_ids: list[str]) -> dict[str, dict]:
    """Signatures of these documents, computing (and storing) those not stored
    yet or stored by an older version."""
    sigs: dict[str, dict] = {}
    stale: list[str] = []
    with store.engine.connect() as conn:
        for i in range(0, len(doc_ids), 500):
            for r in conn.execute(select(S.doc_signatures.c.doc_id, S.doc_signatures.c.data)
                                  .where(S.doc_signatures.c.doc_id.in_(doc_ids[i:i + 500]))):
                if (r.data or {}).get("v") == SIG_VERSION:
                    sigs[r.doc_id] = r.data
                else:
                    stale.append(r.doc_id)
    missing = [d for d in doc_ids if d not in sigs]
    new = {}
    for i in range(0, len(missing), 500):
        with store.engine.connect() as conn:
            rows = conn.execute(select(S.documents.c.id, S.documents.c.title, S.documents.c.text,
                                       S.documents.c.published).where(S.documents.c.id.in_(missing[i:i + 500]))).all()
        for r in rows:
            new[r.id] = signature(r.title, r.text, r.published)
    if new:
        with store.engine.begin() as conn:
            if stale:
                for i in range(0, len(stale), 500):
                    conn.execute(delete(S.doc_signatures).where(S.doc_signatures.c.doc_id.in_(stale[i:i + 500])))
            conn.execute(insert(S.doc_signatures), [{"doc_id": k, "data": v} for k, v in new.items()])
    sigs.update(new)
    return sigs


def _unassigned(store: Store) -> list[str]:
    d, m = S.documents, S.storyline_documents
    with store.engine.connect() as conn:
        return sorted(conn.execute(select(d.c.id).where(~exists().where(m.c.doc_id == d.c.id))).scalars())


def build_storylines(store: Store, *, rebuild: bool = False, doc_ids: Iterable[str] | None = None,
                     chunk: int = 2000) -> dict[str, int]:
    """Link documents into storylines and near-duplicate clusters. New
    documents (``doc_ids``, or every document not yet in a storyline) are
    linked to the stored ones through their signature keys; only the
    storylines they join are read and written. ``rebuild``: start over (the
    same storylines, since the rule is order-free)."""
    from .story_links import link_batch
    if rebuild:
        with store.engine.begin() as conn:
            for table in (S.storyline_documents, S.storylines, S.storyline_keys):
                conn.execute(delete(table))
    todo = _unassigned(store) if doc_ids is None or rebuild else sorted(set(doc_ids))
    got = Counter()
    for i in range(0, len(todo), chunk):
        part = todo[i:i + chunk]
        got.update(link_batch(store, ensure_signatures(store, part)))
    with store.engine.connect() as conn:
        n = conn.execute(select(func.count()).select_from(S.storylines)).scalar_one()
        pairs = conn.execute(select(func.count()).select_from(S.storyline_documents)
                             .where(S.storyline_documents.c.dup_of.is_not(None))).scalar_one()
    return {"storylines": n, "new_documents": got["new_documents"], "duplicate_pairs": pairs,
            "storylines_written": got["storylines_written"], "key_rows": got["key_rows"],
            "pairs_checked": got["pairs_checked"]}


# ------------------------------------------------------------------ reading
def duplicate_clusters(store: Store, doc_ids: Iterable[str] | None = None) -> dict[str, str]:
    """Document id -> the first document of its near-duplicate cluster (only
    documents that have a near-duplicate are listed)."""
    m = S.storyline_documents
    out: dict[str, str] = {}
    with store.engine.connect() as conn:
        if doc_ids is None:
            for r in conn.execute(select(m.c.doc_id, m.c.dup_of).where(m.c.dup_of.is_not(None))):
                out[r.doc_id] = out[r.dup_of] = r.dup_of
            return out
        want = sorted(set(doc_ids))
        wanted = set(want)
        for i in range(0, len(want), 500):
            c = want[i:i + 500]
            for r in conn.execute(select(m.c.doc_id, m.c.dup_of).where(m.c.dup_of.is_not(None))
                                  .where(m.c.doc_id.in_(c) | m.c.dup_of.in_(c))):
                out[r.doc_id] = r.dup_of
                out[r.dup_of] = r.dup_of
    return {d: r for d, r in out.items() if d in wanted}


def list_storylines(store: Store) -> list[dict]:
    with store.engine.connect() as conn:
        mem = defaultdict(list)
        dups = defaultdict(list)
        for r in conn.execute(select(S.storyline_documents)):
            mem[r.storyline_id].append(r.doc_id)
            if r.dup_of:
                a, b = sorted((r.dup_of, r.doc_id))
                dups[r.storyline_id].append([a, b, r.jaccard])
        out = []
        for r in conn.execute(select(S.storylines)):
            data = r.data or {}
            out.append({"id": r.id, "name": r.name, "documents": sorted(mem.get(r.id, [])),
                        "duplicates": sorted(dups.get(r.id, [])), "distinct": data.get("distinct"),
                        "first": data.get("first"), "last": data.get("last"), "terms": data.get("terms", [])})
    out.sort(key=lambda s: (-len(s["documents"]), s["name"] or "", s["id"]))
    return out
