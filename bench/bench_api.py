"""p50/p95 latency of the main API endpoints on a large store.

The store is built outside the repository from ../shared/corpus/ukraine-2014/
articles.jsonl, repeated with new ids (each copy gets a line of its own, so its
hash differs, and a publication date spread over a year) until it holds
--docs documents. Records are made by a load generator, not by the extractor
(whose stages are written separately): at real offsets of each text it makes a
figure for every number, a claim for every sentence with a speech verb, an
event for every sentence with an attack verb, actors and places from a short
list, and a relation per document. What is measured is the API and the store
at that volume, not extraction.

Requests go through the ASGI app in this process (FastAPI TestClient): the
time is the server's (routing, store queries, JSON), without a network.
Aggregates (event counts, map points, relation edges, facets) are cached by
the app for five minutes (dropped on ingest): they are measured warm and, marked
"cold", with the cache cleared before each request.
Each endpoint's p95 is also given as a ratio to the p50 of a baseline request
(GET /openapi.json, served from memory) measured in the same process.

    PYTHONPATH=src python bench/bench_api.py --docs 10000 --db /tmp/bench-api.db
    PYTHONPATH=src python bench/bench_api.py --docs 10000 \\
        --db postgresql://postgres@127.0.0.1:5432/test --pg-schema bench_api
"""
from __future__ import annotations

import argparse
import json
import os
import random
import re
import statistics
import sys
import time
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from sitrep.model import (Claim, Document, Entity, Event, Evidence, Mention, Place, Quantity,  # noqa: E402
                          Records, Relation, record_id)

def _shared() -> Path:
    if os.environ.get("SITREP_SHARED"):
        return Path(os.environ["SITREP_SHARED"])
    for up in ROOT.parents:                    # ../shared beside the clone (or beside the worktrees)
        if (up / "shared" / "corpus").is_dir():
            return up / "shared"
    return ROOT.parent / "shared"


CORPUS = _shared() / "corpus/ukraine-2014/articles.jsonl"

ACTORS = {"Russia": ("GPE", "RUS"), "Ukraine": ("GPE", "UKR"), "Moscow": ("GPE", "RUS GOV"), "Kiev": ("GPE", "UKR GOV"),
          "NATO": ("ORG", "NATO"), "Putin": ("PERSON", "RUS GOV"), "United States": ("GPE", "USA"),
          "European Union": ("ORG", "EU"), "Crimea": ("LOC", "UKR")}
PLACES = {"Crimea": ("region", "UKR", 45.3, 34.4), "Kiev": ("city", "UKR", 50.45, 30.52),
          "Donetsk": ("city", "UKR", 48.0, 37.8), "Moscow": ("city", "RUS", 55.75, 37.62),
          "Sevastopol": ("city", "UKR", 44.6, 33.52), "Kharkiv": ("city", "UKR", 49.99, 36.23),
          "Simferopol": ("city", "UKR", 44.95, 34.1), "Luhansk": ("city", "UKR", 48.57, 39.3)}
SPEECH = re.compile(r"\b(said|says|told|claimed|reported|denied|according to)\b")
ATTACK = re.compile(r"\b(attack\w*|shell\w*|seiz\w*|fir(?:ed|ing)|kill\w*|troops|clash\w*)\b", re.I)
NUMBER = re.compile(r"\b\d[\d,]*(?:\.\d+)?\b")
SOURCES = ["Russian officials", "Ukrainian officials", "the Pentagon", "NATO", "witnesses", "the UN"]
HEDGES = ["asserted", "asserted", "reported", "unverified", "denied"]
EVENT_TYPES = ["ASSAULT", "FIGHT", "MOBILIZE", "THREATEN", "CONSULT", "SANCTION"]


def synth_records(doc: Document, rnd: random.Random) -> Records:
    text = doc.text
    recs = Records(doc.id)
    for name, (ty, code) in ACTORS.items():
        ms = tuple(Mention(m.start(), m.end(), name) for m in re.finditer(re.escape(name), text))[:20]
        if ms:
            recs.entities.append(Entity(record_id("entity", doc.id, name), doc.id, name, ty, code, None, ms))
    for name, (kind, cc, lat, lon) in PLACES.items():
        ms = tuple(Mention(m.start(), m.end(), name) for m in re.finditer(re.escape(name), text))[:20]
        if ms:
            recs.places.append(Place(record_id("place", doc.id, name), doc.id, name, kind, cc, lat, lon, ms))
    sent_re = re.compile(r"[^.\n]+[.\n]")
    for m in sent_re.finditer(text):
        s, e = m.start(), m.end()
        sent = m.group()
        if SPEECH.search(sent):
            src = rnd.choice(SOURCES)
            recs.claims.append(Claim(record_id("claim", doc.id, s), doc.id, s, e, sent, src, None, None,
                                     SPEECH.search(sent).group(), rnd.choice(HEDGES)))
        a = ATTACK.search(sent)
        if a and len(recs.events) < 15:
            place = next((p for p in PLACES if p in sent), None)
            recs.events.append(Event(record_id("event", doc.id, s), doc.id, s, e, sent, rnd.choice(EVENT_TYPES),
                                     rnd.choice(["RUS", "RUS MIL", "UKR", "UKR MIL"]), rnd.choice(["UKR", "RUS"]),
                                     place, doc.published))
    for m in NUMBER.finditer(text):
        if len(recs.quantities) >= 25:
            break
        try:
            v = float(m.group().replace(",", ""))
        except ValueError:
            continue
        recs.quantities.append(Quantity(record_id("quantity", doc.id, m.start()), doc.id, m.start(), m.end(),
                                        m.group(), v, unit=rnd.choice(["troops", "people", "tanks", None]),
                                        source=rnd.choice(SOURCES), hedge=rnd.choice(HEDGES),
                                        subject="people"))
    if recs.entities and len(recs.entities) > 1:
        a, b = recs.entities[0], recs.entities[1]
        recs.relations.append(Relation(record_id("relation", doc.id, a.code, b.code),
                                       rnd.choice(["SUPPLIES", "OPPOSES", "ALLIED_WITH"]), a.code.split()[0],
                                       b.code.split()[0], None,
                                       (Evidence(doc.id, a.mentions[0].start, a.mentions[0].end),)))
    return recs


def build(store, n_docs: int, seed: int = 7) -> None:
    base = [json.loads(x) for x in CORPUS.read_text(encoding="utf-8").splitlines() if x.strip()]
    rnd = random.Random(seed)
    have = store.count_documents()
    batch: list = []
    t0 = time.perf_counter()
    for i in range(have, n_docs):
        a = base[i % len(base)]
        text = f"{a['text'].rstrip()}\n(bench copy {i})\n"
        day = (date(2014, 2, 20) + timedelta(days=i % 365)).isoformat()
        doc = Document.new(text, title=f"{a.get('title') or 'untitled'} #{i}", published=day,
                           source=f"bench://{a['id']}/{i}", source_id=f"bench-{i}", category="bench", format="jsonl")
        batch.append((doc, synth_records(doc, rnd)))
        if len(batch) >= 500:
            store.add(batch)
            batch = []
            print(f"  built {i + 1}/{n_docs} documents ({time.perf_counter() - t0:.0f} s)", file=sys.stderr)
    if batch:
        store.add(batch)


def settle(store, schema: str | None) -> None:
    """What a store that has been in use for a while has: planner statistics and,
    on PostgreSQL, a vacuumed visibility map (autovacuum's work), so that counts
    can use index-only scans."""
    from sqlalchemy import text

    from sitrep.store import schema as S
    if store.dialect == "postgresql":
        with store.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
            for t in [S.documents.name, *(t.name for t in S.RECORD_TABLES.values())]:
                conn.execute(text(f'VACUUM ANALYZE "{schema}"."{t}"' if schema else f'VACUUM ANALYZE "{t}"'))
    else:
        with store.engine.begin() as conn:
            conn.execute(text("ANALYZE"))


def measure(client, url: str, n: int) -> list[float]:
    out = []
    for i in range(n):
        u = url.format(i=i, off=(i * 37) % 2000)
        t = time.perf_counter()
        r = client.get(u)
        out.append((time.perf_counter() - t) * 1000)
        if r.status_code != 200:
            raise SystemExit(f"{u}: {r.status_code} {r.text[:200]}")
    return out


def pct(xs: list[float], p: float) -> float:
    xs = sorted(xs)
    return xs[min(len(xs) - 1, int(round(p / 100 * (len(xs) - 1))))]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--docs", type=int, default=10000, help="documents in the store (default 10000)")
    ap.add_argument("--db", default="/tmp/sitrep-bench-api.db", help="SQLite path or postgresql:// URL (outside the repo)")
    ap.add_argument("--pg-schema", default=None, help="PostgreSQL schema to use (created if missing)")
    ap.add_argument("--requests", type=int, default=40, help="requests per endpoint")
    ap.add_argument("--json", dest="json_out", default=None, help="also write the results here")
    args = ap.parse_args()

    from fastapi.testclient import TestClient

    from sitrep.serve import create_app
    from sitrep.store import Store
    if args.pg_schema:
        import psycopg
        with psycopg.connect(args.db, autocommit=True) as c:
            c.execute(f'CREATE SCHEMA IF NOT EXISTS "{args.pg_schema}"')
    store = Store(args.db, schema=args.pg_schema)
    t0 = time.perf_counter()
    build(store, args.docs)
    built = time.perf_counter() - t0
    settle(store, args.pg_schema)
    stats = store.stats()
    print(f"store {store.dialect}: {stats} (built in {built:.0f} s)", file=sys.stderr)
    client = TestClient(create_app(store))
    ids = [d.id for d in store.documents(limit=args.requests, offset=0, order="published")]
    endpoints = [
        ("baseline GET /openapi.json", "/openapi.json"),
        ("documents (page)", "/api/documents?limit=50&offset={off}"),
        ("document with its records", None),
        ("search", "/api/search?q=border%20troops&limit=20"),
        ("claims (page)", "/api/claims?limit=50&offset={off}"),
        ("claims hedge=unverified", "/api/claims?hedge=unverified&limit=50&offset={off}"),
        ("claims source filter", "/api/claims?source=pentagon&limit=50"),
        ("claims newest first", "/api/claims?sort=-published&limit=50"),
        ("claims date range", "/api/claims?since=2014-05-01&until=2014-05-31&limit=50"),
        ("figures source+hedge", "/api/quantities?source=officials&hedge=reported&limit=50"),
        ("events actor=RUS", "/api/events?actor=RUS&limit=50&offset={off}"),
        ("events place", "/api/events?place=Donetsk&limit=50"),
        ("entities actor=UKR", "/api/entities?actor=UKR&limit=50"),
        ("facet claim sources", "/api/facets/claim/source"),
        ("event counts by day", "/api/charts/events"),
        ("map points", "/api/map"),
        ("relations SUPPLIES", "/api/relations?type=SUPPLIES&limit=100"),
    ]
    app = client.app
    endpoints += [(f"{n} (cold: cache cleared)", u) for n, u in endpoints
                  if u and any(k in u for k in ("charts", "map", "relations", "facets"))]
    client.get("/openapi.json")
    rows = []
    for name, url in endpoints:
        if "cold" in name:
            lat = []
            for i in range(max(3, args.requests // 8)):
                app.state.__dict__.pop("agg_cache", None)
                t = time.perf_counter()
                assert client.get(url).status_code == 200
                lat.append((time.perf_counter() - t) * 1000)
        elif url is None:
            lat = []
            for i in range(args.requests):
                t = time.perf_counter()
                assert client.get(f"/api/documents/{ids[i % len(ids)]}").status_code == 200
                lat.append((time.perf_counter() - t) * 1000)
        else:
            lat = measure(client, url, args.requests)
        rows.append({"endpoint": name, "n": len(lat), "p50_ms": round(pct(lat, 50), 1), "p95_ms": round(pct(lat, 95), 1)})
    base = rows[0]["p50_ms"] or 0.1
    print(f"\n{store.dialect}, {stats['documents']} documents, {stats['claim']} claims, {stats['quantity']} figures, "
          f"{stats['event']} events, {stats['entity']} actors")
    print(f"{'endpoint':34} {'n':>4} {'p50 ms':>8} {'p95 ms':>8} {'p95/base':>9}")
    for r in rows:
        r["p95_ratio"] = round(r["p95_ms"] / base, 1)
        print(f"{r['endpoint']:34} {r['n']:>4} {r['p50_ms']:>8} {r['p95_ms']:>8} {r['p95_ratio']:>9}")
    if args.json_out:
        Path(args.json_out).write_text(json.dumps({"dialect": store.dialect, "stats": stats, "rows": rows}, indent=2))
    store.close()


if __name__ == "__main__":
    main()
