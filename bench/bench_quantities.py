"""Quantities stage speed: throughput of spaCy alone vs spaCy + find_quantities.

Reads ``../shared/corpus/ukraine-2014/articles.jsonl`` (or ``--shared PATH``),
parses the texts with ``nlp.pipe`` (the baseline) and again with the quantities
stage run on every parsed document, in the same process, and prints the ratio
of the two throughputs (the pipeline must keep >= 0.8 of bare ``nlp.pipe``
with all stages; this stage's own share should be small). Not a test:

    PYTHONPATH=src python bench/bench_quantities.py --rounds 3
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
from sitrep.extract.pipeline import Pipeline  # noqa: E402
from sitrep.extract.quantities import find_quantities  # noqa: E402
from sitrep.model import Document, Records  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--shared", default=None, help="path of ../shared (found like `sitrep eval` does)")
    ap.add_argument("--rounds", type=int, default=3)
    args = ap.parse_args()
    from sitrep.eval import find_shared
    path = find_shared(args.shared) / "corpus" / "ukraine-2014" / "articles.jsonl"
    texts = [json.loads(line).get("text", "") for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    pipe = Pipeline(stages=())
    nlp = pipe.nlp
    base, withq, n_q = [], [], 0
    for _ in range(args.rounds):
        t0 = time.perf_counter()
        for _sdoc in nlp.pipe(texts, batch_size=32):
            pass
        base.append(time.perf_counter() - t0)
        t0 = time.perf_counter()
        n_q = 0
        for text, sdoc in zip(texts, nlp.pipe(texts, batch_size=32)):
            doc = Document.new(text)
            ctx = Context(doc=doc, sdoc=sdoc, resources=pipe.resources, records=Records(doc_id=doc.id))
            n_q += sum(1 for _ in find_quantities(ctx))
        withq.append(time.perf_counter() - t0)
    b, w = min(base), min(withq)
    print(f"{len(texts)} documents, {n_q} figures")
    print(f"nlp.pipe alone:        {len(texts) / b:7.1f} docs/s")
    print(f"nlp.pipe + quantities: {len(texts) / w:7.1f} docs/s  (ratio {b / w:.3f})")


if __name__ == "__main__":
    main()
