"""Ingest speed: documents per second into SQLite and PostgreSQL.

Reads ``../shared/corpus/ukraine-2014/articles.jsonl`` (90 real articles; or
``--shared PATH``) through ``sitrep.core.ingest`` into a fresh store per
round, and reports documents/second for:

- SQLite file, extraction off (the baseline),
- PostgreSQL, extraction off (skipped with the reason when no server),
- SQLite file, extraction on (pipeline loaded once before timing),

each with its ratio to the baseline measured in the same run. Not a test:
run it by hand, e.g.

    PYTHONPATH=src python bench/bench_ingest.py --rounds 5
"""
from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from sitrep import core  # noqa: E402
from sitrep.store import Store  # noqa: E402


def _sqlite_store(tmp: str) -> tuple[Store, callable]:
    path = os.path.join(tmp, f"bench-{uuid.uuid4().hex[:8]}.db")
    s = Store(path)

    def done():
        s.close()
        for suffix in ("", "-wal", "-shm"):
            if os.path.exists(path + suffix):
                os.remove(path + suffix)
    return s, done


def _pg_store(url: str) -> tuple[Store, callable]:
    import psycopg
    schema = "bench_" + uuid.uuid4().hex[:10]
    with psycopg.connect(url, autocommit=True) as c:
        c.execute(f'CREATE SCHEMA "{schema}"')
    s = Store(url, schema=schema)

    def done():
        s.close()
        with psycopg.connect(url, autocommit=True) as c:
            c.execute(f'DROP SCHEMA "{schema}" CASCADE')
    return s, done


def measure(make, corpus: Path, rounds: int, *, extract: bool, pipeline=None) -> tuple[float, int]:
    """Median documents/second over ``rounds`` fresh stores; and documents per round."""
    rates, n = [], 0
    for _ in range(rounds):
        store, done = make()
        try:
            t0 = time.perf_counter()
            rep = core.ingest([str(corpus)], store, extract=extract, pipeline=pipeline)
            dt = time.perf_counter() - t0
        finally:
            done()
        n = rep.read
        rates.append(n / dt)
    return statistics.median(rates), n


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--shared", default=str(ROOT / ".." / "shared"), help="path of ../shared")
    ap.add_argument("--rounds", type=int, default=5, help="fresh stores per backend (median reported)")
    ap.add_argument("--extract-rounds", type=int, default=1, help="rounds with extraction on")
    ap.add_argument("--pg", default=os.environ.get("SITREP_TEST_PG", "postgresql://postgres@127.0.0.1:5432/test"))
    args = ap.parse_args(argv)
    corpus = Path(args.shared) / "corpus" / "ukraine-2014" / "articles.jsonl"
    if not corpus.exists():
        print(f"{corpus}: not found (give --shared)", file=sys.stderr)
        return 2
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        base, n = measure(lambda: _sqlite_store(tmp), corpus, args.rounds, extract=False)
        rows.append(("sqlite, extraction off", base))
        try:
            pg, _ = measure(lambda: _pg_store(args.pg), corpus, args.rounds, extract=False)
            rows.append(("postgresql, extraction off", pg))
        except Exception as e:  # noqa: BLE001 - report why and go on
            rows.append((f"postgresql skipped: {str(e).splitlines()[0][:100]}", None))
        from sitrep.extract.pipeline import get_pipeline
        t0 = time.perf_counter()
        pipe = get_pipeline()
        load = time.perf_counter() - t0
        ex, _ = measure(lambda: _sqlite_store(tmp), corpus, args.extract_rounds, extract=True, pipeline=pipe)
        rows.append((f"sqlite, extraction on (pipeline {getattr(pipe, 'version', '?')}, load {load:.1f} s "
                     "not counted)", ex))
    print(f"corpus {corpus} ({n} documents), median of {args.rounds} rounds, fresh store each round")
    for name, rate in rows:
        if rate is None:
            print(f"  {name}")
        else:
            print(f"  {name:<60} {rate:9.1f} docs/s   x{rate / base:.3f} of sqlite")
    return 0


if __name__ == "__main__":
    sys.exit(main())
