"""Speed of the extraction pipeline against bare spaCy, in the same run.

Reads ../shared/corpus/ukraine-2014/articles.jsonl (or the path given), then
times, alternating to even out machine noise:
- baseline: ``nlp.pipe`` of the same model with its stock components only;
- sitrep:   ``Pipeline.process`` (sitrep's components plus every stage).
Prints tokens/s and documents/s of each, the ratio sitrep/baseline (target
>= 0.8), the same ratio in CPU time (process time) and the pipeline load time
(target < 2 s).

    PYTHONPATH=src python bench/bench_speed.py [articles.jsonl] [--rounds N]
"""
from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("path", nargs="?", default=os.environ.get("SITREP_SHARED", str(ROOT / "../shared"))
                    + "/corpus/ukraine-2014/articles.jsonl")
    ap.add_argument("--rounds", type=int, default=3)
    args = ap.parse_args()
    from sitrep.extract.pipeline import Pipeline, load_model
    from sitrep.model import Document

    texts = [json.loads(line)["text"] for line in open(args.path, encoding="utf-8") if line.strip()]
    docs = [Document.new(t, published="2014-06-01") for t in texts]
    t0 = time.perf_counter()
    bare = load_model()
    model_load = time.perf_counter() - t0
    t0 = time.perf_counter()
    pipe = Pipeline()
    load = time.perf_counter() - t0
    n_tok = sum(len(d) for d in bare.pipe(texts[:5]))  # warm up
    base_t, full_t, base_c, full_c = [], [], [], []
    for _ in range(args.rounds):
        t0, c0 = time.perf_counter(), time.process_time()
        n_tok = sum(len(d) for d in bare.pipe(texts, batch_size=50))
        base_t.append(time.perf_counter() - t0)
        base_c.append(time.process_time() - c0)
        t0, c0 = time.perf_counter(), time.process_time()
        n_rec = sum(sum(1 for _ in recs.all()) for _, recs in pipe.process(docs, batch_size=50))
        full_t.append(time.perf_counter() - t0)
        full_c.append(time.process_time() - c0)
    b, f = min(base_t), min(full_t)
    print(f"documents: {len(texts)}, tokens: {n_tok}, records: {n_rec}, rounds: {args.rounds} (best of)")
    print(f"bare nlp.pipe: {n_tok / b:,.0f} tokens/s, {len(texts) / b:.1f} docs/s")
    print(f"sitrep:        {n_tok / f:,.0f} tokens/s, {len(texts) / f:.1f} docs/s")
    print(f"ratio sitrep/bare: {b / f:.2f} (target >= 0.8)")
    print(f"CPU (process time, steadier on a loaded machine): bare {min(base_c):.2f} s, sitrep {min(full_c):.2f} s, "
          f"ratio {min(base_c) / min(full_c):.2f}")
    print(f"pipeline load: {load:.2f} s (target < 2 s): bare model load {model_load:.2f} s, so sitrep's own "
          f"setup ~{max(0.0, load - model_load):.2f} s; stages: {', '.join(n for n, _ in pipe.stages)}")


if __name__ == "__main__":
    main()
