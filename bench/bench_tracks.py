"""Benchmark: building figure tracks and storylines for 10,000 documents.

The records are those the pipeline extracts from the 2014 corpus
(../shared/corpus/ukraine-2014), repeated with changed document ids and a
varied text (each copy's lines rotated and numbered) until there are --docs
documents, written to a temporary SQLite store outside the repository.
Printed: seconds for each step, and the ratio of the build to a baseline run in
the same process (reading every quantity, entity and document of the store
once), so the figure means the same on a slower machine. Target: tracks and
storylines of 10,000 documents in under a minute.

Then the incremental update as the distributed ingest runs it after each
partition: --batch new documents, the tracks of those documents only
(read the batch's figures, as a worker does, then ``merge_rows``, as the
client does), as a ratio to a full rebuild of the tracks of the same store in
the same process; measured on the store and again on the
store grown by --grow documents (the batch cost should stay flat while the
rebuild grows).

    PYTHONPATH=src python bench/bench_tracks.py [--docs 10000] [--batch 500] [--shared ../shared]
"""
from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from dataclasses import fields, replace
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from sitrep.analyse.storylines import build_storylines  # noqa: E402
from sitrep.analyse.tracks import build_tracks, list_tracks, merge_rows, read_figures, track_rows  # noqa: E402
from sitrep.extract.pipeline import Pipeline  # noqa: E402
from sitrep.model import Document, Records, record_id  # noqa: E402
from sitrep.store import Store  # noqa: E402
from sitrep.store import schema as S  # noqa: E402


def _copy(doc: Document, recs: Records, k: int) -> tuple[Document, Records]:
    """Copy k of a document: the same text with a numbered first line (offsets
    shift by its length), so the records stay true to the text."""
    head = f"Copy {k} of a wire story.\n"
    text = head + doc.text
    d = Document.new(text, title=f"{doc.title or ''} ({k})", published=doc.published, source=f"bench:{k}",
                     source_id=f"{doc.source_id}-{k}")
    n = len(head)
    out = Records(doc_id=d.id)

    def sh(r):
        kw = {"doc_id": d.id}
        names = {f.name for f in fields(r)}
        for f in ("start", "end", "subject_start", "subject_end", "source_start", "source_end", "cue_start",
                  "cue_end"):
            if f in names and getattr(r, f) is not None:
                kw[f] = getattr(r, f) + n
        if hasattr(r, "mentions"):
            kw["mentions"] = tuple(replace(m, start=m.start + n, end=m.end + n) for m in r.mentions)
        kw["id"] = record_id(type(r).__name__.lower(), d.id, r.id)
        return replace(r, **kw)

    for kind in ("entities", "places", "dates", "quantities", "claims", "events"):
        setattr(out, kind, [sh(r) for r in getattr(recs, kind)])
    out.quantities = [replace(q, claim_id=record_id("claim", d.id, q.claim_id) if q.claim_id else None)
                      for q in out.quantities]
    return d, out


def _by_doc(figs) -> list:
    out: dict = {}
    for f in figs:
        out.setdefault(f.q.doc_id, []).append(f)
    return list(out.values())


def _fill(store: Store, extracted: list, want: int) -> tuple[int, int]:
    t = time.perf_counter()
    batch, k, n = [], 0, 0
    while n < want:
        for doc, recs in extracted:
            if n >= want:
                break
            batch.append(_copy(doc, recs, k) if k else (doc, recs))
            n += 1
            if len(batch) >= 500:
                store.add(batch)
                batch = []
        k += 1
    if batch:
        store.add(batch)
    print(f"stored {n} documents in {time.perf_counter() - t:.1f} s: {store.stats()}")
    return n, k


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--docs", type=int, default=10000)
    ap.add_argument("--shared", default=str(ROOT / ".." / "shared"))
    ap.add_argument("--batch", type=int, default=500, help="Documents in the incremental batch.")
    ap.add_argument("--grow", type=int, default=None, help="Documents added between the two batch "
                                                          "measurements (default: as many as --docs).")
    ap.add_argument("--db", default=None, help="Keep the synthetic store in this file (outside the repository) "
                                                "and reuse it on the next run.")
    args = ap.parse_args()
    args.grow = args.docs if args.grow is None else args.grow
    path = Path(args.shared) / "corpus" / "ukraine-2014" / "articles.jsonl"
    arts = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    docs = [Document.new(a["text"], title=a["title"], source_id=a["id"], source=f"{path}#{a['id']}")
            for a in arts if a["text"].strip()]
    t = time.perf_counter()
    extracted = list(Pipeline().process(docs))
    print(f"extracted {len(extracted)} documents in {time.perf_counter() - t:.1f} s "
          f"({sum(len(r.quantities) for _, r in extracted)} quantities)")
    with tempfile.TemporaryDirectory() as tmp:
        db = args.db or str(Path(tmp) / "bench.db")
        store = Store(db)
        if store.stats()["documents"] >= args.docs:     # a kept store: build again from scratch
            with store.engine.begin() as conn:
                for table in (S.track_members, S.tracks, S.storyline_documents, S.storylines, S.storyline_keys,
                              S.doc_signatures):
                    conn.execute(table.delete())
            n, k = store.stats()["documents"], args.docs // len(extracted) + 1
            print(f"reusing {db}: {n} documents")
        else:
            n, k = _fill(store, extracted, args.docs)
        t = time.perf_counter()
        q = store.records("quantity", limit=None)
        e = store.records("entity", limit=None)
        list(store.iter_documents(batch=1000))
        base = time.perf_counter() - t
        print(f"baseline: read {len(q)} quantities, {len(e)} entities and every document in {base:.2f} s")

        t = time.perf_counter()
        s = build_storylines(store)
        ts = time.perf_counter() - t
        t = time.perf_counter()
        r = build_tracks(store)
        tt = time.perf_counter() - t
        tracks = list_tracks(store)
        print(f"storylines: {ts:.1f} s {s}")
        print(f"tracks:     {tt:.1f} s {r}; {len(tracks)} tracks, "
              f"{sum(1 for x in tracks if x['figures'] > 1)} with two or more figures")
        print(f"total {ts + tt:.1f} s for {n} documents (target < 60 s); ratio to baseline {(ts + tt) / base:.1f}x")

        # incremental, as the distributed ingest runs it: a batch of --batch new documents, then
        # the tracks of the batch only (doc_ids), timed against a full rebuild of the same store in
        # this process; twice, the second time on a store grown by --grow documents, to show the
        # batch cost follows the batch, not the store
        k = max(k, store.stats()["documents"])      # a copy number no earlier run used
        res = []
        for step in range(2):
            if step:
                grow = [_copy(doc, recs, k + 1000 + i // len(extracted))
                        for i, (doc, recs) in enumerate(extracted * (args.grow // len(extracted) + 1))][:args.grow]
                store.add(grow)
                build_tracks(store, doc_ids=[d.id for d, _ in grow])
                build_storylines(store, doc_ids=[d.id for d, _ in grow])
            more = [_copy(doc, recs, k + 1 + step * 5000 + i // len(extracted))
                    for i, (doc, recs) in enumerate(extracted * (args.batch // len(extracted) + 1))][:args.batch]
            store.add(more)
            ids = sorted(d.id for d, _ in more)
            # CPU time of this process (SQLite runs in it): on a machine shared with other work, wall
            # time swings with the load between steps; CPU time much less
            c = time.process_time()       # what a worker does in the distributed ingest: read the figures
            rows = [r for fs in _by_doc(read_figures(store, ids)) for r in track_rows(fs)]
            tr = time.process_time() - c
            c = time.process_time()       # what the client does: merge them into the tracks
            r = merge_rows(store, rows)
            tm = time.process_time() - c
            tb = tr + tm
            t = time.perf_counter()
            build_storylines(store, doc_ids=ids)     # the batch's storylines (bench/bench_storylines.py)
            sb = time.perf_counter() - t
            ndocs = store.stats()["documents"]
            c = time.process_time()
            build_tracks(store, rebuild=True)
            tf = time.process_time() - c
            res.append((ndocs, tb, tf, sb, tm))
            print(f"store of {ndocs} documents, CPU seconds: tracks of a batch of {len(more)} {tb:.2f} s (figures "
                  f"read {tr:.2f} s, merged {tm:.3f} s; {r}); full rebuild of the tracks {tf:.1f} s; "
                  f"batch / rebuild = {tb / tf:.3f} (documents: {len(more) / ndocs:.3f}), merge / rebuild = "
                  f"{tm / tf:.4f}; per document: batch {1000 * tb / len(more):.2f} ms (merge "
                  f"{1000 * tm / len(more):.2f} ms), rebuild {1000 * tf / ndocs:.2f} ms; "
                  f"storylines after the batch {sb:.1f} s (wall)")
        (n1, tb1, tf1, _, tm1), (n2, tb2, tf2, _, tm2) = res
        print(f"tracks, batch of {args.batch} (CPU): {tb1:.2f} s on {n1} documents, {tb2:.2f} s on {n2} "
              f"({tb2 / tb1:.2f}x for a store {n2 / n1:.2f}x as large; merge alone {tm2 / tm1:.2f}x); "
              f"full rebuild {tf2 / tf1:.2f}x")
        store.close()


if __name__ == "__main__":
    main()
