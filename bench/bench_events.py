"""Events and relations stages: their share of the pipeline's time.

Reads ``../shared/corpus/ukraine-2014/articles.jsonl`` (or ``--shared PATH``),
parses the texts with ``nlp.pipe`` (the baseline), runs the stages before
events on each parsed document (not timed: they are measured by their own
benches), then times ``find_events`` + ``find_relations``, in the same process,
and prints the throughput ratio of nlp.pipe alone to nlp.pipe plus these two
stages (the whole pipeline must keep >= 0.8 of bare ``nlp.pipe``; this share
should be small). Not a test:

    PYTHONPATH=src python bench/bench_events.py --rounds 3
"""
from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from sitrep.extract.context import Context  # noqa: E402
from sitrep.extract.events import find_events  # noqa: E402
from sitrep.extract.pipeline import Pipeline  # noqa: E402
from sitrep.extract.relations import find_relations  # noqa: E402
from sitrep.model import Document, Records  # noqa: E402

EARLIER = ("entities", "places", "dates", "claims", "quantities")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", default=None, help="path of ../shared (found like `sitrep eval` does)")
    ap.add_argument("--rounds", type=int, default=3)
    args = ap.parse_args()
    from sitrep.eval import find_shared
    path = find_shared(args.shared) / "corpus" / "ukraine-2014" / "articles.jsonl"
    texts = [json.loads(line).get("text", "") for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    pipe = Pipeline(stages=EARLIER)
    nlp = pipe.nlp
    parsed = []
    t0 = time.perf_counter()
    for sdoc in nlp.pipe(texts, batch_size=32):
        parsed.append(sdoc)
    base = [time.perf_counter() - t0]
    for _ in range(args.rounds - 1):
        t0 = time.perf_counter()
        for _s in nlp.pipe(texts, batch_size=32):
            pass
        base.append(time.perf_counter() - t0)
    ctxs = []
    for text, sdoc in zip(texts, parsed):
        doc = Document.new(text)
        recs = pipe.extract(doc, sdoc)  # the earlier stages, untimed
        ctxs.append((doc, sdoc, recs))
    ours, n_e, n_r = [], 0, 0
    for _ in range(args.rounds):
        t0 = time.perf_counter()
        n_e = n_r = 0
        for doc, sdoc, recs in ctxs:
            r = Records(doc_id=doc.id, entities=recs.entities, places=recs.places, dates=recs.dates,
                        claims=recs.claims, quantities=recs.quantities)
            ctx = Context(doc=doc, sdoc=sdoc, resources=pipe.resources, records=r)
            r.events.extend(find_events(ctx))
            r.relations.extend(find_relations(ctx))
            n_e += len(r.events)
            n_r += len(r.relations)
        ours.append(time.perf_counter() - t0)
    b, o = min(base), min(ours)
    print(f"{len(texts)} documents, {n_e} events, {n_r} relations")
    print(f"nlp.pipe alone:                 {len(texts) / b:7.1f} docs/s")
    print(f"nlp.pipe + events + relations:  {len(texts) / (b + o):7.1f} docs/s  (ratio {b / (b + o):.3f})")


if __name__ == "__main__":
    main()
