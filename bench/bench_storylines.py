"""Benchmark: linking a batch of new documents into the storylines, as the
store grows (the cost should follow the batch, not the store).

The store grows in time, as a news store does: week after week, the
articles of the 2014 corpus (../shared/corpus/ukraine-2014, 88 with a text)
come again with a new first line and a date one week later (so each
article's weekly copies are near-duplicates of those of the weeks before and
one storyline per article runs through the whole store); with --undated,
the copies have no date (all in one date bucket: the keys' cap of
MAX_POSTING documents is what bounds the lookups). For each store size
(--docs, then doubled --steps times) a batch of --batch new documents (the
next weeks) is timed: their signatures (a worker's part in the distributed
ingest) and their linking (``build_storylines(doc_ids=...)``: the client's
part), in CPU seconds of this process (SQLite runs in it), against a full
rebuild of the storylines of the same store. Printed: per-document costs, the
work done (key rows read, pairs checked: counts, so they do not swing with
the machine's load) and their ratios between store sizes.

    PYTHONPATH=src python bench/bench_storylines.py [--docs 2000] [--steps 2] [--batch 500] [--shared ../shared]
"""
from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from sitrep.analyse.storylines import build_storylines, ensure_signatures, list_storylines  # noqa: E402
from sitrep.model import Document  # noqa: E402
from sitrep.store import Store  # noqa: E402

START = date(2014, 1, 6)


def week(arts: list[dict], w: int, undated: bool = False) -> list[Document]:
    day = None if undated else (START + timedelta(days=7 * w)).isoformat()
    return [Document.new(f"Week {w} edition.\n" + a["text"], title=f"{a['title']} (week {w})", published=day,
                         source_id=f"{a['id']}-w{w}", source=f"bench:w{w}") for a in arts]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--docs", type=int, default=2000, help="Documents in the first store measured.")
    ap.add_argument("--steps", type=int, default=2, help="Times the store is doubled after the first measurement.")
    ap.add_argument("--batch", type=int, default=500, help="Documents in the timed batch.")
    ap.add_argument("--shared", default=str(ROOT / ".." / "shared"))
    ap.add_argument("--undated", action="store_true", help="Copies without a date, as in the corpus of the "
                                                           "100,000-document run: one date bucket for all.")
    args = ap.parse_args()
    path = Path(args.shared) / "corpus" / "ukraine-2014" / "articles.jsonl"
    arts = [a for a in map(json.loads, path.read_text(encoding="utf-8").splitlines()) if a["text"].strip()]
    res = []
    with tempfile.TemporaryDirectory() as tmp:
        store = Store(str(Path(tmp) / "bench.db"))
        w, n = 0, 0
        pending: list[Document] = []

        def take(k: int) -> list[Document]:
            nonlocal w
            while len(pending) < k:
                pending.extend(week(arts, w, args.undated))
                w += 1
            out = pending[:k]
            del pending[:k]
            return out

        for step in range(args.steps + 1):
            want = args.docs * 2 ** step
            t = time.perf_counter()
            while n < want:                       # grow the store, batch by batch, as an ingest would
                more = take(min(args.batch, want - n))
                store.add([(d, None) for d in more])
                build_storylines(store, doc_ids=[d.id for d in more])
                n += len(more)
            grow = time.perf_counter() - t
            batch = take(args.batch)
            store.add([(d, None) for d in batch])
            ids = [d.id for d in batch]
            c = time.process_time()
            ensure_signatures(store, ids)          # the workers' part in the distributed ingest
            sig = time.process_time() - c
            c, t0 = time.process_time(), os.times()
            r = build_storylines(store, doc_ids=ids)   # the client's part
            link, t1 = time.process_time() - c, os.times()
            sys_s = t1.system - t0.system             # system time: SQLite's page reads from the OS
            n += len(batch)
            c = time.process_time()
            build_storylines(store, rebuild=True)
            full = time.process_time() - c
            sls = list_storylines(store)
            res.append((n, link, sig, full, r["key_rows"], r["pairs_checked"]))
            print(f"store of {n} documents (weeks 0-{w - 1}; grown in {grow:.1f} s wall): batch of {len(batch)}: "
                  f"signatures {sig:.2f} s, linking {link:.2f} s CPU (of which system {sys_s:.2f} s; "
                  f"{1000 * link / len(batch):.2f} ms a document; "
                  f"{r['storylines_written']} storylines written; per document {r['key_rows'] / len(batch):.0f} key rows "
                  f"read, {r['pairs_checked'] / len(batch):.1f} pairs checked); full rebuild {full:.1f} s "
                  f"({1000 * full / n:.2f} ms a document); batch / rebuild {link / full:.3f} "
                  f"(documents {len(batch) / n:.3f}); {len(sls)} storylines, largest {len(sls[0]['documents'])}",
                  flush=True)
        store.close()
    n1, l1, _, f1, k1, p1 = res[0]
    for nk, lk, _, fk, kk, pk in res[1:]:
        print(f"store {nk / n1:.2f}x as large: linking a batch {lk / l1:.2f}x CPU (key rows read {kk / k1:.2f}x, "
              f"pairs checked {pk / p1:.2f}x), a full rebuild {fk / f1:.2f}x")


if __name__ == "__main__":
    main()
