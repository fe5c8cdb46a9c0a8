"""Storylines: articles about the same story grouped across sources, and
near-duplicates (the same wire story on two sites) recognised.

A lexical method, no model download: each document gets a signature (stored
in ``doc_signatures``) with
- a MinHash of its word 5-gram shingles (64 hashes, in 32 bands for lookup):
  two documents whose estimated shingle Jaccard is at least ``DUP_JACCARD``
  are near-duplicates, and a copy joins the storyline of what it copies;
- its key terms (the 30 most frequent content words of title and text, with
  counts): cosine of these, weighted by inverse document frequency over all
  signatures, of at least ``STORY_COSINE`` puts two documents in one storyline
  (when both are dated, at most ``STORY_DAYS`` apart).
Candidates come from an inverted index on key terms (terms most documents
share are skipped), so a new document is compared only with documents sharing
rarer terms. Building is incremental: new
documents join (and may merge) the storylines already stored.
"""
from __future__ import annotations

import math
import re
import zlib
from collections import Counter, defaultdict
from datetime import date as _date
from typing import Any, Iterable

import numpy as np
from sqlalchemy import delete, exists, insert, select

from ..model import record_id
from ..store import Store
from ..store import schema as S

DUP_JACCARD = 0.5
STORY_COSINE = 0.36
STORY_DAYS = 10
MIN_SHARED_TERMS = 3
MAX_POSTING = 20
BANDS = 32
MAX_DUP_CHECKS = 20
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


SIG_VERSION = 2
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
    return {"minhash": mh.tolist(), "terms": terms, "published": published, "title": title,
            "empty": not len(h), "v": SIG_VERSION}


def jaccard(a: list[int], b: list[int]) -> float:
    return sum(x == y for x, y in zip(a, b)) / len(a)


def _days(a: str | None, b: str | None) -> int | None:
    try:
        return abs((_date.fromisoformat(a[:10]) - _date.fromisoformat(b[:10])).days)
    except (TypeError, ValueError):
        return None


class _Index:
    """Signatures in memory: idf over key terms, an inverted index for candidates."""

    def __init__(self, sigs: dict[str, dict]):
        self.sigs = sigs
        self.post: dict[str, set[str]] = defaultdict(set)
        df: Counter = Counter()
        for did, s in sigs.items():
            for t in s["terms"]:
                self.post[t].add(did)
                df[t] += 1
        n = max(1, len(sigs))
        self.idf = {t: math.log((1 + n) / (1 + c)) + 1.0 for t, c in df.items()}
        self._vec: dict[str, tuple[dict, float]] = {}

    def vec(self, did: str) -> tuple[dict, float]:
        if did not in self._vec:
            v = {t: c * self.idf.get(t, 1.0) for t, c in self.sigs[did]["terms"].items()}
            self._vec[did] = (v, math.sqrt(sum(x * x for x in v.values())) or 1.0)
        return self._vec[did]

    def cosine(self, a: str, b: str) -> float:
        va, na = self.vec(a)
        vb, nb = self.vec(b)
        if len(va) > len(vb):
            va, vb = vb, va
        return sum(w * vb[t] for t, w in va.items() if t in vb) / (na * nb)

    def candidates(self, did: str) -> list[str]:
        shared: Counter = Counter()
        for t in self.sigs[did]["terms"]:
            post = self.post.get(t, ())
            if len(post) > max(MAX_POSTING, 0.01 * len(self.sigs)):   # a word many documents share says little
                continue
            shared.update(post)
        return [o for o, c in shared.items() if o != did and c >= MIN_SHARED_TERMS]


class _LSH:
    """MinHash bands: documents sharing a band are near-duplicate candidates."""

    def __init__(self, sigs: dict[str, dict]):
        self.rows = N_HASH // BANDS
        self.buckets: dict[tuple, list[str]] = defaultdict(list)
        self.sigs = sigs
        for did, s in sigs.items():
            if not s.get("empty"):
                for key in self._keys(s["minhash"]):
                    self.buckets[key].append(did)

    def _keys(self, mh: list[int]):
        r = self.rows
        return [(b, *mh[b * r:(b + 1) * r]) for b in range(BANDS)]

    def candidates(self, did: str) -> set[str]:
        s = self.sigs[did]
        if s.get("empty"):
            return set()
        out: set[str] = set()
        for key in self._keys(s["minhash"]):
            out.update(self.buckets.get(key, ()))
        out.discard(did)
        return out


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


def _ensure_signatures(store: Store) -> dict[str, dict]:
    """Signatures of every document, computing those not stored yet."""
    sigs: dict[str, dict] = {}
    with store.engine.connect() as conn:
        stale = []
        for r in conn.execute(select(S.doc_signatures.c.doc_id, S.doc_signatures.c.data)):
            if (r.data or {}).get("v") == SIG_VERSION:
                sigs[r.doc_id] = r.data
            else:
                stale.append(r.doc_id)
        missing = conn.execute(select(S.documents.c.id).where(~exists().where(
            S.doc_signatures.c.doc_id == S.documents.c.id))).scalars().all() + stale
    if stale:
        with store.engine.begin() as conn:
            conn.execute(delete(S.doc_signatures).where(S.doc_signatures.c.doc_id.in_(stale)))
    new = {}
    for i in range(0, len(missing), 500):
        chunk = missing[i:i + 500]
        with store.engine.connect() as conn:
            rows = conn.execute(select(S.documents.c.id, S.documents.c.title, S.documents.c.text,
                                       S.documents.c.published).where(S.documents.c.id.in_(chunk))).all()
        for r in rows:
            new[r.id] = signature(r.title, r.text, r.published)
    if new:
        with store.engine.begin() as conn:
            conn.execute(insert(S.doc_signatures), [{"doc_id": k, "data": v} for k, v in new.items()])
    sigs.update(new)
    return sigs


def build_storylines(store: Store, *, rebuild: bool = False) -> dict[str, int]:
    """Group documents into storylines and find near-duplicates. Documents
    already in a storyline keep it; new ones join or merge storylines."""
    sigs = _ensure_signatures(store)
    idx = _Index(sigs)
    with store.engine.connect() as conn:
        old: dict[str, list[str]] = defaultdict(list)
        if not rebuild:
            for r in conn.execute(select(S.storyline_documents)):
                old[r.storyline_id].append(r.doc_id)
            olddata = {r.id: (r.data or {}) for r in conn.execute(select(S.storylines))}
        else:
            olddata = {}
    groups: list[list[str]] = [sorted(ds) for ds in old.values()]
    group_sid: list[str | None] = list(old)          # an existing storyline keeps its id
    group_of = {d: i for i, ds in enumerate(groups) for d in ds}
    dups: set[tuple[str, str, float]] = set()
    for sid, ds in old.items():
        for a, b, j in olddata.get(sid, {}).get("duplicates", []):
            dups.add((a, b, j))
    order = sorted((d for d in sigs if d not in group_of), key=lambda d: (sigs[d].get("published") or "", d))
    lsh = _LSH(sigs)
    for did in order:
        # near-duplicates first (MinHash bands): a copy of a placed document joins its storyline
        # (one confirmed copy is enough: copies of copies are found through it)
        best = None
        for o in sorted(lsh.candidates(did), key=lambda o: (o not in group_of, o))[:MAX_DUP_CHECKS]:
            j = jaccard(sigs[did]["minhash"], sigs[o]["minhash"])
            if j >= DUP_JACCARD:
                a, b = sorted((did, o))
                dups.add((a, b, round(j, 3)))
                if o in group_of:
                    best = group_of[o]
                    break
        if best is None:
            # average link: join the storyline whose documents are, on average, most alike
            per_group: dict[int, float] = defaultdict(float)
            for o in idx.candidates(did):
                if o not in group_of:
                    continue
                gap = _days(sigs[did].get("published"), sigs[o].get("published"))
                if gap is not None and gap > STORY_DAYS:
                    continue
                per_group[group_of[o]] += idx.cosine(did, o)
            best_sim = STORY_COSINE
            for gi in sorted(per_group):
                m = per_group[gi] / len(groups[gi])
                if m >= best_sim:
                    best, best_sim = gi, m
        if best is None:
            groups.append([did])
            group_sid.append(None)
            best = len(groups) - 1
        else:
            groups[best].append(did)
        group_of[did] = best
    rows, members = [], []
    for ds, sid in zip(groups, group_sid):
        ds.sort(key=lambda d: (sigs[d].get("published") or "9999", d))
        sid = sid or record_id("storyline", "", ds[0])
        some = ds[:40]
        central = max(some, key=lambda d: (sum(idx.cosine(d, o) for o in some if o != d), d)) if len(ds) > 2 else ds[0]
        dset = set(ds)
        sdups = sorted(x for x in dups if x[0] in dset)
        sources = len(_dup_clusters(ds, sdups))
        dates = sorted(sigs[d]["published"] for d in ds if sigs[d].get("published"))
        rows.append({"id": sid, "name": sigs[central].get("title") or _first_words(idx, central),
                     "data": {"duplicates": [list(x) for x in sdups], "distinct": sources,
                              "first": dates[0] if dates else None, "last": dates[-1] if dates else None,
                              "terms": _top_terms(idx, ds)}})
        members.extend({"storyline_id": sid, "doc_id": d} for d in ds)
    with store.engine.begin() as conn:
        conn.execute(delete(S.storyline_documents))
        conn.execute(delete(S.storylines))
        if rows:
            conn.execute(insert(S.storylines), rows)
            conn.execute(insert(S.storyline_documents), members)
    return {"storylines": len(rows), "documents": len(sigs), "new_documents": len(order),
            "duplicate_pairs": len(dups)}


def _first_words(idx: _Index, did: str) -> str:
    terms = list(idx.sigs[did]["terms"])[:5]
    return " ".join(terms) or did


def _top_terms(idx: _Index, ds: list[str]) -> list[str]:
    c: Counter = Counter()
    for d in ds:
        for t, n in idx.sigs[d]["terms"].items():
            c[t] += n * idx.idf.get(t, 1.0)
    return [t for t, _ in c.most_common(8)]


def _dup_clusters(ds: Iterable[str], pairs: Iterable) -> dict[str, str]:
    uf = _UF()
    for d in ds:
        uf.find(d)
    for a, b, *_ in pairs:
        uf.union(a, b)
    return {d: uf.find(d) for d in uf.p if uf.find(d) == d}


def duplicate_clusters(store: Store, doc_ids: Iterable[str] | None = None) -> dict[str, str]:
    """Document id -> the first document of its near-duplicate cluster (only
    documents that have a near-duplicate are listed)."""
    uf = _UF()
    with store.engine.connect() as conn:
        for r in conn.execute(select(S.storylines.c.data)):
            for a, b, *_ in (r.data or {}).get("duplicates", []):
                uf.union(a, b)
    want = set(doc_ids) if doc_ids is not None else None
    return {d: uf.find(d) for d in list(uf.p) if want is None or d in want}


def list_storylines(store: Store) -> list[dict]:
    with store.engine.connect() as conn:
        mem = defaultdict(list)
        for r in conn.execute(select(S.storyline_documents)):
            mem[r.storyline_id].append(r.doc_id)
        out = []
        for r in conn.execute(select(S.storylines)):
            data = r.data or {}
            out.append({"id": r.id, "name": r.name, "documents": sorted(mem.get(r.id, [])),
                        "duplicates": data.get("duplicates", []), "distinct": data.get("distinct"),
                        "first": data.get("first"), "last": data.get("last"), "terms": data.get("terms", [])})
    out.sort(key=lambda s: (-len(s["documents"]), s["name"] or "", s["id"]))
    return out
