"""The figure tracks of the 2014 corpus, and a sample of 20 figures to check by hand.

Reads ../shared/corpus/ukraine-2014/articles.jsonl into a temporary store
(outside the repository), extracts records, builds tracks and storylines, and
prints (1) a Markdown table of the tracks holding two or more figures and
(2) 20 figures (every n-th by quantity id, so the sample is the same on every
run) with their sentence and the other figures of their track, for a reader to
judge whether each was grouped right.

    PYTHONPATH=src python bench/tracks_2014.py [--shared ../shared] [--db FILE]

With --db FILE the store is kept and reused (documents are not read again), and
the tracks are rebuilt from scratch, so a change of the track rules shows.
"""
from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from sitrep.analyse.commands import update  # noqa: E402
from sitrep.analyse.features import sentence_bounds  # noqa: E402
from sitrep.analyse.tracks import list_tracks  # noqa: E402
from sitrep.core import ingest  # noqa: E402
from sitrep.store import Store  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--shared", default=str(ROOT / ".." / "shared"), help="The shared data folder.")
    ap.add_argument("--db", default=None, help="Keep the store in this file and reuse it (default: a temporary one).")
    ap.add_argument("--sample", type=int, default=20, help="How many figures to list for a check by hand.")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        db = args.db or str(Path(tmp) / "u14.db")
        store = Store(db)
        if not store.stats()["documents"]:
            ingest([str(Path(args.shared) / "corpus" / "ukraine-2014" / "articles.jsonl")], store)
        update(store, rebuild=bool(args.db))
        tracks = list_tracks(store)
        qs = sorted(store.records("quantity", limit=None), key=lambda q: q.id)
        alone = sum(1 for t in tracks for w in t["why"] if "not a count tracks follow" in w)
        print(f"{len(qs)} figures in {len(tracks)} tracks; "
              f"{sum(1 for t in tracks if t['figures'] > 1)} tracks hold two or more figures; "
              f"{alone} figures count no kind of thing tracks follow (durations, distances, shares, crowds, "
              f"countries: see `tracked` in tracks.yaml) and stay alone\n")
        print("| track | unit | figures | sources |\n|---|---|---|---|")
        for t in tracks:
            if t["figures"] > 1:
                print(f"| {t['name']} | {t['unit']} | {t['figures']} | {'; '.join(t['sources']) or '(unattributed)'} |")
        of = {q: t for t in tracks for q in t["quantities"]}
        text = {q.id: q.text for q in qs}
        step = max(1, len(qs) // args.sample)
        print(f"\nSample of {args.sample} figures (every {step}th by id):")
        for i, q in enumerate(qs[::step][:args.sample], 1):
            doc = store.document(q.doc_id)
            a, b = sentence_bounds(doc.text, q.start, q.end)
            t = of[q.id]
            others = [text[x] for x in t["quantities"] if x != q.id]
            print(f"{i}. “{q.text}” in: {' '.join(doc.text[a:b].split())[:240]}\n"
                  f"   track “{t['name']}” with {others[:6] or 'no other figure'}")
        store.close()


if __name__ == "__main__":
    main()
