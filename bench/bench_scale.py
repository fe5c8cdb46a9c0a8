"""Benchmark of the distributed ingest: documents per second, single process vs
1 and 2 local Dask workers, in the same run; peak memory per worker; time and
size of the PostgreSQL bulk load.

The corpus is made from ../shared/corpus/ukraine-2014/articles.jsonl repeated
with new ids and a small change per copy (so deduplication keeps them all),
written OUTSIDE the repo (default /tmp/sitrep-bench-scale). The ratio is the
figure to read (goal: 2 workers >= 1.8x the single process on 2 cores);
absolute rates depend on the machine and on what else runs on it.

    PYTHONPATH=src python bench/bench_scale.py --docs 2000
    PYTHONPATH=src python bench/bench_scale.py --docs 100000 --pg postgresql://postgres@127.0.0.1:5432/test

With ``--full M`` the same run goes on, after the three-way comparison on the
first ``--docs`` documents, to a 2-worker run of the whole M-document corpus
(whose first ``--docs`` documents are the compared ones, byte for byte)
straight into a PostgreSQL database of its own (``--full-db``): documents per
second, peak resident memory per worker, time of the COPY load and size in
PostgreSQL at that scale. The full run resumes where it stopped if started
again (its partitions are recorded in the database):

    createdb -h 127.0.0.1 -U postgres sitrep100k
    PYTHONPATH=src python bench/bench_scale.py --docs 10000 --full 100000 \
        --full-db postgresql://postgres@127.0.0.1:5432/sitrep100k --dir /work/scale-bench
"""
from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import sys
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

_CANDIDATES = [os.environ.get("SITREP_SHARED"), ROOT / ".." / "shared", ROOT / ".." / ".." / "shared"]
SHARED = next((Path(p).resolve() for p in _CANDIDATES if p and (Path(p) / "corpus").is_dir()), ROOT / ".." / "shared")
SOURCE = SHARED / "corpus" / "ukraine-2014" / "articles.jsonl"


def build_corpus(n: int, out: Path, fmt: str, per_file: int | None = None) -> Path:
    """n documents from the shared articles, each copy with its own id and a
    one-line change; JSON Lines (one file, or with ``per_file`` a folder of
    files of that many lines: one file stays under the reader's size limit,
    SITREP_MAX_BYTES) or a folder of text files."""
    rows = [json.loads(x) for x in SOURCE.read_text(encoding="utf-8").splitlines() if x.strip()]
    out.mkdir(parents=True, exist_ok=True)
    target = out / (f"corpus-{n}-jsonl{per_file}" if fmt == "jsonl" and per_file else
                    f"corpus-{n}.jsonl" if fmt == "jsonl" else f"corpus-{n}")
    if target.exists():
        return target
    if fmt == "jsonl" and per_file is None and n > per_file_default():
        return build_corpus(n, out, fmt, per_file_default())
    tmp = target.with_name(target.name + ".tmp")
    if fmt == "jsonl" and per_file:
        tmp.mkdir()
        for first in range(0, n, per_file):
            with open(tmp / f"part-{first // per_file:05d}.jsonl", "w", encoding="utf-8") as f:
                for i in range(first, min(n, first + per_file)):
                    f.write(_line(rows, i))
    elif fmt == "jsonl":
        with open(tmp, "w", encoding="utf-8") as f:
            for i in range(n):
                f.write(_line(rows, i))
    else:
        tmp.mkdir()
        for i in range(n):
            r = rows[i % len(rows)]
            k = i // len(rows)
            sub = tmp / f"{i // 1000:04d}"
            sub.mkdir(exist_ok=True)
            (sub / f"{i:07d}.txt").write_text(f"{r.get('title') or ''}\n{r['text']}\nFiled as item {i} in edition {k} of the archive.\n",
                                              encoding="utf-8")
    os.replace(tmp, target)
    return target


def per_file_default() -> int:
    """Lines per JSON Lines file for a large corpus: files stay well under the
    reader's size limit (setting max_bytes) at ~4 KB a document."""
    return 10_000


def _line(rows: list[dict], i: int) -> str:
    r = rows[i % len(rows)]
    k = i // len(rows)
    return json.dumps({**r, "id": f"{r.get('id', i)}-copy{k}",
                       "text": f"{r['text']}\nFiled as item {i} in edition {k} of the archive."}) + "\n"


def run_single(path: Path, work: Path) -> dict:
    """``sitrep ingest`` in this process; then, timed apart, the tracks and
    storylines update that the distributed ingest also runs after its load (the
    single-process ingest leaves it to ``sitrep analyse``): the distributed
    runs are compared with both."""
    from sitrep import core
    from sitrep.extract.pipeline import get_pipeline
    from sitrep.scale.run import rebuild_analysis
    from sitrep.store import Store
    store = Store(str(work / "single.db"))
    t0, c0 = time.perf_counter(), time.process_time()
    get_pipeline()                      # counted: the distributed runs load theirs too
    rep = core.ingest([str(path)], store)
    secs, cpu = time.perf_counter() - t0, time.process_time() - c0
    t1, c1 = time.perf_counter(), time.process_time()
    rebuild_analysis(store, list(rep.new))
    a_secs, a_cpu = time.perf_counter() - t1, time.process_time() - c1
    store.close()
    return {"docs": rep.read, "new": len(rep.new), "seconds": secs, "cpu_seconds": cpu,
            "analysis_seconds": a_secs, "analysis_cpu_seconds": a_cpu,
            "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}


def run_workers(path: Path, work: Path, n: int, keep: bool, per: int | None = None) -> dict:
    from sitrep.scale import ingest_distributed
    from sitrep.store import Store
    store = Store(str(work / f"w{n}.db"))
    t0, c0 = time.perf_counter(), time.process_time()
    marks: dict[str, float] = {}
    busy: list[float] = []

    def on_event(kind: str, info: dict) -> None:
        now = round(time.perf_counter() - t0, 2)
        marks.setdefault(f"first_{kind}", now)
        marks[f"last_{kind}"] = now
        if kind == "computed":
            busy.append(info["meta"].get("seconds", 0.0))

    rep = ingest_distributed([str(path)], store, workers=n, work_dir=work / f"run{n}", keep_shards=keep,
                             lines_per_partition=per, files_per_partition=per, on_event=on_event)
    secs, client_cpu = time.perf_counter() - t0, time.process_time() - c0
    store.close()
    return {"docs": rep.read, "new": rep.new, "seconds": secs, "worker_cpu_seconds": rep.cpu_seconds,
            "client_cpu_seconds": client_cpu,
            # when things happened (s from the start): where the wall time goes besides extraction
            "timeline": {k: marks[k] for k in ("first_planned", "first_cluster", "first_computed", "last_computed",
                                                "last_loaded", "first_analysed", "last_analysed", "first_closing")
                         if k in marks},
            "task_seconds": round(sum(busy), 2), "worker_busy": round(sum(busy) / (n * secs), 3),
            "partitions": rep.partitions,
            "failed": len(rep.failed), "load_seconds": rep.load_seconds, "shard_bytes": rep.shard_bytes,
            "peak_rss_mb_per_worker": {w: round(v / 2**20) for w, v in rep.peak_rss.items()}}


def run_pg_load(work: Path, path: Path, pg: str) -> dict:
    """Load the kept shards of the 2-worker run into a fresh PostgreSQL schema
    (no extraction: the time of the bulk COPY alone), and its size there."""
    import psycopg

    from sitrep.scale import ingest_distributed
    from sitrep.store import Store
    schema = "bench_" + uuid.uuid4().hex[:8]
    with psycopg.connect(pg, autocommit=True) as c:
        c.execute(f'CREATE SCHEMA "{schema}"')
    try:
        store = Store(pg, schema=schema)
        t0 = time.perf_counter()
        rep = ingest_distributed([str(path)], store, None, work_dir=work / "run2", keep_shards=True)
        secs = time.perf_counter() - t0
        store.close()
        with psycopg.connect(pg) as c:
            size = c.execute("SELECT coalesce(sum(pg_total_relation_size(format('%%I.%%I', schemaname, tablename))), 0) "
                             "FROM pg_tables WHERE schemaname = %s", (schema,)).fetchone()[0]
        return {"docs": rep.new, "reused_partitions": rep.reused, "computed": rep.computed, "seconds": secs,
                "copy_seconds": rep.load_seconds, "size_mb": round(float(size) / 2**20, 1)}
    finally:
        with psycopg.connect(pg, autocommit=True) as c:
            c.execute(f'DROP SCHEMA "{schema}" CASCADE')


def run_full(corpus: Path, work: Path, db: str, workers: int) -> dict:
    """The whole corpus through ``workers`` local workers into PostgreSQL
    ``db`` (resumable: partitions already loaded there are skipped; the
    figures count this invocation's documents): ``scale_run.run``, the long
    run's own script, with a log beside the run folder."""
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from scale_run import run
    state = run([str(corpus)], db, workers, work / f"full{workers}", log=work / f"full{workers}.log",
                keep_shards=False)
    rep = state["report"]
    secs = state["elapsed_s"]
    import psycopg
    with psycopg.connect(db.replace("postgresql+psycopg", "postgresql")) as c:
        total = c.execute("SELECT count(*) FROM documents").fetchone()[0]
        rows = {t: c.execute(f"SELECT count(*) FROM {t}").fetchone()[0]   # noqa: S608 (fixed names)
                for t in ("quantities", "claims", "events", "tracks", "storylines")}
    return {"docs": rep["read"], "new": rep["new"], "seconds": secs,
            "docs_per_second": round(rep["new"] / secs, 2) if secs else None,
            "worker_cpu_seconds": rep["cpu_seconds"], "client_cpu_seconds": state["client_cpu_seconds"],
            "partitions": rep["partitions"], "skipped_partitions": rep["skipped"], "failed": len(rep["failed"]),
            "copy_seconds": rep["load_seconds"], "analysis_seconds": state["analysis_seconds"],
            "documents_in_db": total, "rows_in_db": rows, "db_mb": round((state["db_bytes"] or 0) / 2**20, 1),
            "peak_rss_mb_per_worker": {w: round(v / 2**20) for w, v in rep["peak_rss"].items()},
            "peak_rss_mb_children_sampled": state["peak_rss_mb"], "events": state["events"]}


def full_record(a, base: Path, fmt: str) -> dict:
    """The --full run as it goes into the result: corpus, load before and after."""
    full = build_corpus(a.full, base, fmt)
    return {"corpus": str(full), "workers": 2, "loadavg_before": os.getloadavg(),
            **run_full(full, base, a.full_db, 2), "loadavg_after": os.getloadavg()}


def idle_cost(seconds: float) -> dict:
    """CPU an idle local cluster of 2 workers spends in ``seconds`` (client
    process, which hosts the scheduler and nannies; workers), with Dask's
    default housekeeping timers and with ``run.QUIET``."""
    import psutil

    from sitrep.scale import run
    out = {}
    for name, quiet in (("dask_defaults", {}), ("quiet", run.QUIET)):
        saved = run.QUIET
        run.QUIET = quiet
        try:
            client, owned = run._client_for(None, 2)
        finally:
            run.QUIET = saved
        kids = [p for p in psutil.Process().children() if "spawn_main" in " ".join(p.cmdline())]
        w0 = sum(sum(p.cpu_times()[:2]) for p in kids)
        c0 = time.process_time()
        time.sleep(seconds)
        out[name] = {"client_cpu_seconds": round(time.process_time() - c0, 3),
                     "workers_cpu_seconds": round(sum(sum(p.cpu_times()[:2]) for p in kids) - w0, 3)}
        for thing in owned:
            thing.close()
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--docs", type=int, default=100_000, help="documents in the corpus (default 100000)")
    ap.add_argument("--dir", default="/tmp/sitrep-bench-scale", help="where the corpus and stores go (not the repo)")
    ap.add_argument("--format", choices=["auto", "jsonl", "txt"], default="auto",
                    help="corpus as one JSON Lines file, or a folder of text files (auto: JSON Lines when the "
                         "reader reads one document per line)")
    ap.add_argument("--workers", default="1,2", help="worker counts to run (default 1,2)")
    ap.add_argument("--pg", default=os.environ.get("SITREP_TEST_PG", "postgresql://postgres@127.0.0.1:5432/test"),
                    help="PostgreSQL for the load measurement ('' to skip)")
    ap.add_argument("--partition-docs", type=int, default=None,
                    help="documents per partition (default: the planner's choice, 10-500)")
    ap.add_argument("--out", default="/tmp/sitrep-bench-scale/result.json")
    ap.add_argument("--full", type=int, default=0,
                    help="then run this many documents (a corpus whose first --docs are the compared ones) "
                         "through 2 workers into --full-db")
    ap.add_argument("--full-db", default="postgresql://postgres@127.0.0.1:5432/sitrep100k",
                    help="PostgreSQL database of its own for the --full run")
    ap.add_argument("--full-only", action="store_true",
                    help="skip the comparison: only (re)start the --full run, adding its figures to --out "
                         "(as full_resumed when --out already holds a full run)")
    ap.add_argument("--idle", type=float, default=0,
                    help="only measure the CPU an idle 2-worker cluster spends in this many seconds, "
                         "Dask's timers as they are and slowed down (run.QUIET)")
    a = ap.parse_args()
    if a.idle:
        print(json.dumps(idle_cost(a.idle), indent=2))
        return
    from sitrep.scale.partitions import reader_splits_jsonl
    fmt = a.format if a.format != "auto" else ("jsonl" if reader_splits_jsonl() else "txt")
    base = Path(a.dir)
    if a.full_only:
        prev = json.loads(Path(a.out).read_text(encoding="utf-8")) if Path(a.out).exists() else {}
        key = "full_resumed" if "full" in prev else "full"
        prev[key] = full_record(a, base, fmt)
        Path(a.out).write_text(json.dumps(prev, indent=2), encoding="utf-8")
        print(json.dumps(prev[key], indent=2))
        return
    corpus = build_corpus(a.docs, base, fmt)
    work = base / f"work-{a.docs}"
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    res: dict = {"docs": a.docs, "format": fmt, "corpus": str(corpus), "cpus": os.cpu_count(),
                 "loadavg_before": os.getloadavg()}
    counts = [int(x) for x in a.workers.split(",") if x]
    for n in counts:        # the distributed runs first: the single run then loads spaCy in this process
        res[f"workers_{n}"] = run_workers(corpus, work, n, keep=(n == max(counts)), per=a.partition_docs)
        print(f"{n} worker(s): {res[f'workers_{n}']}", flush=True)
    res["single"] = run_single(corpus, work)
    print(f"single process: {res['single']}", flush=True)
    rate = {k: v["docs"] / v["seconds"] for k, v in res.items() if isinstance(v, dict) and "seconds" in v}
    res["docs_per_second"] = {k: round(v, 2) for k, v in rate.items()}
    res["ratio_vs_single"] = {k: round(v / rate["single"], 3) for k, v in rate.items() if k != "single"}
    # the same work on both sides: the distributed runs also update tracks and storylines
    s = res["single"]
    same = s["docs"] / (s["seconds"] + s["analysis_seconds"])
    res["ratio_vs_single_with_analysis"] = {k: round(v / same, 3) for k, v in rate.items() if k != "single"}
    if "workers_1" in rate:
        res["ratio_2_vs_1"] = {f"workers_{n}": round(rate[f"workers_{n}"] / rate["workers_1"], 3)
                               for n in counts if n != 1}
    # CPU seconds per document: what the machine's load does not change (the
    # single process counts its pipeline load; workers count partition work only)
    # (distributed: the workers' CPU plus the client's: planning, shards, bulk load)
    res["cpu_ms_per_doc"] = {k: round(1000 * (v.get("cpu_seconds") or (v.get("worker_cpu_seconds", 0)
                                                                          + v.get("client_cpu_seconds", 0))) / v["docs"], 1)
                             for k, v in res.items() if isinstance(v, dict) and "seconds" in v and v.get("docs")}
    # what 2 free cores would give: the single process's CPU cost per document over
    # the distributed run's, times the workers (the client shares the cores)
    for n in counts:
        v = res[f"workers_{n}"]
        res[f"cpu_bound_ratio_{n}"] = round(n * (s["cpu_seconds"] + s["analysis_cpu_seconds"])
                                            / (v["worker_cpu_seconds"] + v["client_cpu_seconds"]), 3)
    if a.pg and 2 in counts:
        res["postgres_load"] = run_pg_load(work, corpus, a.pg)
    res["loadavg_after"] = os.getloadavg()
    Path(a.out).parent.mkdir(parents=True, exist_ok=True)
    Path(a.out).write_text(json.dumps(res, indent=2), encoding="utf-8")
    if a.full:
        res["full"] = full_record(a, base, fmt)
    Path(a.out).parent.mkdir(parents=True, exist_ok=True)
    Path(a.out).write_text(json.dumps(res, indent=2), encoding="utf-8")
    print(json.dumps(res, indent=2))


if __name__ == "__main__":
    main()
