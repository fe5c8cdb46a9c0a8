"""CPU time of each extraction stage (``time.process_time``: steadier than wall clock on a
loaded machine), and a dump of every record, to check a speed change leaves output alone.

Parses the articles once, then runs the stages over the parses ``--rounds`` times (user_data
restored before each round) and prints the best CPU seconds per stage and those of round 1
(cold caches). ``--interleaved`` (with ``--bare``) splits a run as ``Pipeline.process`` does it
into its parse and extract parts. ``--components`` adds the CPU of each spaCy component. ``--out`` writes all records as JSON; ``--compare OTHER.json`` says whether they
equal another run's (e.g. of a ``git archive`` copy of the code before the change):

    PYTHONPATH=/tmp/old/src python bench/stage_cpu.py --out /tmp/old.json
    PYTHONPATH=src python bench/stage_cpu.py --out /tmp/new.json --compare /tmp/old.json
"""
from __future__ import annotations

import argparse
import cProfile
import json
import os
import pstats
import sys
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("path", nargs="?", default=os.environ.get("SITREP_SHARED", str(ROOT / "../shared"))
                    + "/corpus/ukraine-2014/articles.jsonl")
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--out")
    ap.add_argument("--compare")
    ap.add_argument("--profile", help="a stage name: cProfile it in round 1")
    ap.add_argument("--bare", action="store_true", help="also CPU-time bare nlp.pipe: the CPU ratio of bench_speed "
                    "(both parses --rounds times, alternating, best of)")
    ap.add_argument("--interleaved", action="store_true", help="CPU of bare nlp.pipe and of a run as "
                    "Pipeline.process does it (parse and stages interleaved, on fresh parses), split into its parse "
                    "and extract parts: where bench_speed's gap lies (best of --rounds)")
    ap.add_argument("--components", action="store_true", help="CPU seconds of each spaCy component (sitrep's own "
                    "included), component by component over all documents")
    a = ap.parse_args()
    import sitrep
    from sitrep.extract.context import Context
    from sitrep.extract.pipeline import Pipeline, _anchor
    from sitrep.model import Document, Records, as_dict

    print("code:", Path(sitrep.__file__).parent)
    texts = [json.loads(line)["text"] for line in open(a.path, encoding="utf-8") if line.strip()]
    docs = [Document.new(t, published="2014-06-01") for t in texts]
    pipe = Pipeline()
    bare = None
    if a.bare:
        from sitrep.extract.pipeline import load_model
        bare = load_model()
        list(bare.pipe(texts[:5]))
    list(pipe.nlp.pipe(texts[:5]))   # warm up
    # parse --rounds times (alternating with bare nlp.pipe under --bare, to even out machine noise): best CPU
    pipe_cpu, bare_cpu = 1e9, 1e9
    for _ in range(a.rounds if a.bare else 1):
        if bare is not None:
            c0 = time.process_time()
            list(bare.pipe(texts, batch_size=50))
            bare_cpu = min(bare_cpu, time.process_time() - c0)
        c0 = time.process_time()
        sdocs = list(pipe.nlp.pipe(texts, batch_size=50))
        pipe_cpu = min(pipe_cpu, time.process_time() - c0)
    print(f"nlp.pipe (with sitrep's components): {pipe_cpu:.2f} s CPU")
    if a.components:
        _component_cpu(pipe.nlp, texts, a.rounds)
    if a.interleaved:
        _interleaved_cpu(pipe, bare, texts, docs, a.rounds)
    saved = [dict(sd.user_data) for sd in sdocs]
    best: dict[str, float] = defaultdict(lambda: 1e9)
    first, dump = None, None
    prof = cProfile.Profile() if a.profile else None
    for r in range(a.rounds):
        tot: dict[str, float] = defaultdict(float)
        out = []
        for doc, sdoc, ud in zip(docs, sdocs, saved):
            sdoc.user_data.clear()
            sdoc.user_data.update(ud)
            recs = Records(doc_id=doc.id)
            ctx = Context(doc=doc, sdoc=sdoc, resources=pipe.resources, records=recs, anchor=_anchor(doc))
            for name, func in pipe.stages:
                on = prof is not None and name == a.profile and r == 0
                if on:
                    prof.enable()
                c = time.process_time()
                getattr(recs, name).extend(func(ctx))
                tot[name] += time.process_time() - c
                if on:
                    prof.disable()
            out.append({k: [as_dict(x) for x in getattr(recs, k)] for k in Records.KINDS})
        for k, v in tot.items():
            best[k] = min(best[k], v)
        first, dump = first or dict(tot), out
    print(f"stage CPU seconds over {len(texts)} documents, best of {a.rounds} (round 1 in brackets):")
    for k, v in best.items():
        print(f"  {k:12s} {v:.3f}  ({first[k]:.3f})")
    print(f"  {'total':12s} {sum(best.values()):.3f}  ({sum(first.values()):.3f})")
    print("records:", sum(len(v) for d in dump for v in d.values()))
    if a.bare:
        b = bare_cpu
        full = pipe_cpu + sum(best.values())
        print(f"bare nlp.pipe {b:.2f} s CPU; sitrep (its nlp.pipe + stages) {full:.2f} s CPU; ratio {b / full:.2f}")
    blob = json.dumps(dump, sort_keys=True, default=str)
    if a.out:
        Path(a.out).write_text(blob, encoding="utf-8")
    if a.compare:
        same = Path(a.compare).read_text(encoding="utf-8") == blob
        print("records identical to", a.compare, ":", "yes" if same else "NO")
        if not same:
            sys.exit(1)
    if prof:
        pstats.Stats(prof).sort_stats("tottime").print_stats(30)


def _interleaved_cpu(pipe, bare, texts, docs, rounds: int) -> None:
    """Best CPU seconds of bare ``nlp.pipe`` and of the parse / extract parts of a ``Pipeline.process`` run."""
    best: dict[str, float] = defaultdict(lambda: 1e9)
    pt = time.process_time
    for _ in range(rounds):
        if bare is not None:
            c = pt()
            sum(len(d) for d in bare.pipe(texts, batch_size=50))
            best["bare nlp.pipe"] = min(best["bare nlp.pipe"], pt() - c)
        parse = extract = 0.0
        c0 = pt()
        it = pipe.nlp.pipe(texts, batch_size=50)
        for doc in docs:
            c = pt()
            sdoc = next(it)
            parse += pt() - c
            c = pt()
            sum(1 for _ in pipe.extract(doc, sdoc).all())
            extract += pt() - c
        best["interleaved total"] = min(best["interleaved total"], pt() - c0)
        best["  its parse part"] = min(best["  its parse part"], parse)
        best["  its extract part"] = min(best["  its extract part"], extract)
    print("interleaved run (as Pipeline.process), CPU seconds, best of", rounds, ":",
          ", ".join(f"{k.strip()} {v:.3f}" for k, v in best.items()))
    if "bare nlp.pipe" in best:
        print(f"  CPU ratio bare / interleaved {best['bare nlp.pipe'] / best['interleaved total']:.2f}")


def _component_cpu(nlp, texts, rounds: int) -> None:
    """Best CPU seconds of the tokenizer and of each pipeline component over all texts."""
    best: dict[str, float] = defaultdict(lambda: 1e9)
    for _ in range(rounds):
        c = time.process_time()
        docs = [nlp.make_doc(t) for t in texts]
        best["tokenizer"] = min(best["tokenizer"], time.process_time() - c)
        for name, proc in nlp.pipeline:
            c = time.process_time()
            docs = list(proc.pipe(docs, batch_size=50)) if hasattr(proc, "pipe") else [proc(d) for d in docs]
            best[name] = min(best[name], time.process_time() - c)
    print("component CPU seconds, best of", rounds, ":", ", ".join(f"{k} {v:.3f}" for k, v in best.items()))


if __name__ == "__main__":
    main()
