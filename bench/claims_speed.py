"""Throughput of the claims stage (with its hedges) as a ratio of bare spaCy parsing.

    PYTHONPATH=src python bench/claims_speed.py [TEXT_FILES...]

Parses the texts with ``nlp.pipe`` alone, then runs the claims stage over the
parses, in the same process; prints parse time / (parse + claims) time. The
brief asks the whole pipeline to keep >= 0.8 of bare parsing throughput, so
this stage alone should stay well above that (measured ~0.93-0.95 on the
PolNeAR dev texts, the default input: ../shared or $SITREP_SHARED).
"""
from __future__ import annotations

import sys
import time
from pathlib import Path


def main(paths: list[str]) -> None:
    from sitrep.extract.pipeline import Pipeline
    from sitrep.model import Document

    if paths:
        texts = [Path(p).read_text(encoding="utf-8") for p in paths]
    else:
        from sitrep.errors import SitrepError
        from sitrep.eval import find_shared
        try:
            base = find_shared() / "benchmarks" / "polnear" / "data" / "dev" / "text"
        except SitrepError as e:
            sys.exit(str(e))
        texts = [p.read_text(encoding="utf-8") for p in sorted(base.glob("*.txt"))[:40]]
    if not texts:
        sys.exit("no input texts: pass text files or put ../shared beside the project")
    pipe = Pipeline(stages=["claims"])
    list(pipe.nlp.pipe(texts[:2]))  # warm up
    t0 = time.perf_counter()
    sdocs = list(pipe.nlp.pipe(texts))
    t1 = time.perf_counter()
    n = 0
    for text, sdoc in zip(texts, sdocs):
        n += len(pipe.extract(Document.new(text), sdoc).claims)
    t2 = time.perf_counter()
    print(f"{len(texts)} texts, {n} claims; parse {t1 - t0:.2f}s, claims {t2 - t1:.2f}s; "
          f"throughput ratio {(t1 - t0) / (t2 - t0):.3f}")


if __name__ == "__main__":
    main(sys.argv[1:])
