"""The long distributed run: a large corpus through N local Dask workers into
PostgreSQL, logging progress as it goes (resumable: start it again with the
same arguments and it skips the partitions already loaded).

Every loaded partition appends one JSON line to LOG (time, documents done,
documents/s, load seconds, database size, resident memory of each worker
process sampled every few seconds with psutil); SUMMARY is rewritten at each
line, so an interrupted run leaves its partial figures behind.
``bench_scale.py --full`` runs its full corpus through ``run`` too.

    createdb -h 127.0.0.1 -U postgres sitrep100k
    PYTHONPATH=src python bench/scale_corpus.py --docs 100000 --out /work/scale-corpus
    PYTHONPATH=src nice -n 19 python bench/scale_run.py /work/scale-corpus/corpus-100000.jsonl \\
        --db postgresql://postgres@127.0.0.1:5432/sitrep100k --workers 2 --log /work/scale-corpus/run.log
"""
from __future__ import annotations

import argparse
import json
import os
import sys
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))


class RssSampler(threading.Thread):
    """Peak resident memory of every descendant process (the Dask nannies and workers)."""

    def __init__(self, every: float = 3.0):
        super().__init__(daemon=True)
        self.every, self.peak, self.names, self.stop = every, {}, {}, threading.Event()

    def run(self) -> None:
        import psutil
        me = psutil.Process()
        while not self.stop.wait(self.every):
            for p in me.children(recursive=True):
                try:
                    rss = p.memory_info().rss
                    if p.pid not in self.names:     # a LocalCluster's nannies run in this process
                        cmd = " ".join(p.cmdline())
                        self.names[p.pid] = ("worker" if "spawn_main" in cmd or "dask worker" in cmd
                                             else "other")
                except psutil.Error:
                    continue
                self.peak[p.pid] = max(self.peak.get(p.pid, 0), rss)
            self.peak["client"] = max(self.peak.get("client", 0), me.memory_info().rss)

    def workers_mb(self) -> dict:
        return {("client" if k == "client" else f"{self.names.get(k, k)}-{k}"): round(v / 2**20)
                for k, v in self.peak.items() if self.names.get(k) == "worker" or k == "client"}


def db_size(url: str) -> int | None:
    if not url.startswith("postgresql"):
        return None
    import psycopg
    with psycopg.connect(url.replace("postgresql+psycopg", "postgresql")) as c:
        return c.execute("SELECT pg_database_size(current_database())").fetchone()[0]


def run(paths: list[str], db: str, workers: int = 2, work_dir: str | Path = "/work/scale-corpus/run",
        log: str | Path | None = None, summary: str | Path | None = None, keep_shards: bool | None = None) -> dict:
    """``paths`` through ``workers`` local Dask workers into the store ``db``
    (resumable). With ``log``, one JSON line per loaded partition and
    analysis; ``summary`` (default LOG with .json) rewritten at each line.
    Returns the summary: the run's report, this invocation's figures, the
    sampled peak memory of the workers and the client, events by kind."""
    from sitrep.scale import ingest_distributed
    from sitrep.store import Store
    log = Path(log) if log else None
    summary = Path(summary) if summary else (log.with_suffix(".json") if log else None)
    store = Store(db)
    sampler = RssSampler()
    sampler.start()
    t0, c0 = time.time(), time.process_time()
    state = {"started": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(t0)), "db": db, "workers": workers,
             "paths": list(paths), "nice": os.nice(0), "partitions": None, "skipped": 0, "loaded": 0, "new": 0,
             "records": 0, "load_seconds": 0.0, "analysis_seconds": 0.0, "db_bytes_start": db_size(db),
             "events": {}}

    def write(kind: str, extra: dict) -> None:
        el = time.time() - t0
        state.update(elapsed_s=round(el, 1), docs_per_s=round(state["new"] / el, 3) if el else 0,
                     peak_rss_mb=sampler.workers_mb(), loadavg=os.getloadavg(), last=kind)
        if log:
            with open(log, "a", encoding="utf-8") as f:
                f.write(json.dumps({"t": time.strftime("%H:%M:%S", time.gmtime()), "event": kind, **extra,
                                    **{k: state[k] for k in ("loaded", "new", "records", "elapsed_s", "docs_per_s",
                                                             "load_seconds", "peak_rss_mb", "loadavg")}}) + "\n")
        if summary:
            summary.write_text(json.dumps(state, indent=2, default=str), encoding="utf-8")

    def on_event(kind: str, info: dict) -> None:
        state["events"][kind] = state["events"].get(kind, 0) + 1
        if kind == "planned":
            state.update(partitions=info["partitions"], skipped=info["skipped"])
            write(kind, info)
        elif kind == "loaded":
            state["loaded"] += 1
            state["new"] += info["new"]
            state["records"] += info["records"]
            state["load_seconds"] = round(state["load_seconds"] + info["seconds"], 2)
            state["db_bytes"] = db_size(db)
            write(kind, {"partition": info["partition"], "part_new": info["new"], "db_mb":
                         round((state["db_bytes"] or 0) / 2**20, 1)})
        elif kind == "analysed":
            state["analysis_seconds"] = round(state["analysis_seconds"] + info["seconds"], 2)
            write(kind, info)
        elif kind in ("retry", "failed"):
            write(kind, info)

    try:
        rep = ingest_distributed(paths, store, workers=workers, work_dir=work_dir, keep_shards=keep_shards,
                                 on_event=on_event)
    finally:
        sampler.stop.set()
        store.close()
    state["report"] = {k: v for k, v in rep.as_dict().items() if k not in ("rejected",)}
    state["client_cpu_seconds"] = round(time.process_time() - c0, 1)
    state["db_bytes"] = db_size(db)
    write("done", {})
    return state


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("paths", nargs="+")
    ap.add_argument("--db", required=True, help="store URL (a PostgreSQL database of its own)")
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--work-dir", default="/work/scale-corpus/run", help="run folder (Parquet shards)")
    ap.add_argument("--log", default="/work/scale-corpus/run.log")
    ap.add_argument("--summary", default=None, help="JSON summary (default LOG with .json)")
    a = ap.parse_args()
    state = run(a.paths, a.db, a.workers, a.work_dir, a.log, a.summary)
    print(json.dumps(state, indent=2, default=str))


if __name__ == "__main__":
    main()
