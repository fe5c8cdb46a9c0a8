"""``ingest_distributed``: extraction on a Dask cluster, bulk load into the store.

1. The input is cut into partitions (``partitions.plan``); those the store's
   manifest marks as loaded (by an earlier, interrupted run) are skipped, and
   those whose shards are already on disk are loaded without recomputing.
2. The rest go to the workers, a bounded number in flight at a time (the
   client never holds more than a few partitions' output). A worker that dies
   loses its task to another worker (Dask reschedules it); a partition whose
   task fails is resubmitted alone, ``retries`` times, then recorded as failed
   while the others go on.
3. Shards are written to the run folder as they arrive and loaded in input
   order (so the first reading of a repeated document is the one stored, as in
   the single-process ingest), one transaction per partition.
4. Tracks are brought up to date for the new documents of each loaded
   partition, right after its load, at a cost that follows the partition, not
   the store: the worker has read the figures for their tracks
   (``worker.add_track_rows``, a ``track_rows`` shard) and the client only
   merges them (``tracks.merge_rows``); without those rows the client reads
   the partition's figures itself (``tracks.build_tracks(doc_ids=...)``). No
   long pass blocks the load at the end. Storylines likewise after each
   loaded partition (every ``analyse_every``): the workers computed the
   documents' signatures, and the client links the new documents through the
   stored signature keys (``storylines.build_storylines(doc_ids=...)``), so
   that cost too follows the partition.
"""
from __future__ import annotations

import os
import shutil
import tempfile
import time
import uuid
from collections import Counter, deque
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterable

from .. import settings
from ..errors import SitrepError
from ..store import Store
from . import load, partitions, shards
from .worker import PipelinePlugin, run_partition


@dataclass
class ScaleReport:
    run_id: str
    partitions: int = 0
    skipped: int = 0                  # loaded by an earlier run
    reused: int = 0                   # shards found on disk, loaded without recomputing
    computed: int = 0
    retried: int = 0
    failed: list[dict] = field(default_factory=list)
    new: int = 0
    duplicates: int = 0
    records: int = 0
    rejected: list[dict] = field(default_factory=list)
    pages: int = 0
    seconds: float = 0.0
    load_seconds: float = 0.0
    shard_bytes: int = 0
    cpu_seconds: float = 0.0          # CPU time the workers spent on the partitions of this run
    peak_rss: dict[str, int] = field(default_factory=dict)   # worker -> peak resident bytes
    workers: int = 0
    analysis: str = ""

    @property
    def read(self) -> int:
        return self.new + self.duplicates

    def as_dict(self) -> dict:
        return {**asdict(self), "read": self.read}


def default_work_dir(store: Store) -> Path:
    """The run folder: beside a SQLite file, else ./sitrep-scale (setting scale_dir overrides)."""
    if settings.get("scale_dir"):
        return Path(settings.get("scale_dir"))
    url = store.url
    if store.dialect == "sqlite" and url not in (":memory:", "sqlite://", "sqlite:///:memory:"):
        path = url[len("sqlite:///"):] if url.startswith("sqlite:///") else url
        return Path(path + ".scale")
    if store.dialect == "sqlite":
        return Path(tempfile.gettempdir()) / f"sitrep-scale-{os.getpid()}"
    return Path("sitrep-scale")


#: Dask's housekeeping timers, slowed down for a local cluster: the defaults (an event-loop
#: tick every 20 ms in every process, work stealing every 100 ms, the nanny's memory check of
#: each worker every 100 ms, system monitor every 500 ms) cost an idle 2-worker cluster about
#: 0.65 s of CPU per 20 s in the client and as much in the workers, CPU taken from the
#: pipeline on a machine with one core per worker; with these, 0.14 and 0.11 s (docs/scale.md)
QUIET = {"distributed.admin.tick.interval": "1s", "distributed.scheduler.work-stealing-interval": "1s",
         "distributed.worker.memory.monitor-interval": "1s", "distributed.admin.system-monitor.interval": "2s"}


def _client_for(client: Any, workers: int | None):
    """(client, what to close at the end) from a Client, an address or a worker count."""
    from distributed import Client, LocalCluster
    if client is not None and not isinstance(client, str):
        return client, []
    if isinstance(client, str):
        try:
            c = Client(client, timeout="10s")
            return c, [c]
        except (OSError, TimeoutError) as e:
            raise SitrepError(f"{client}: cannot reach the Dask scheduler ({e})", input=client,
                              reason="no_cluster") from e
    if not workers:
        raise SitrepError("no Dask cluster: give --cluster ADDRESS or --workers N", input="--workers",
                          reason="bad_option")
    import logging

    import dask
    # the statistical profiler samples the task thread every 10 ms: CPU the pipeline can use;
    # MALLOC_TRIM_THRESHOLD_ (Dask's default for new workers) costs ~20% CPU per document
    # (worker.relax_malloc_trim); the thread pools stay at 1 per worker process
    environ = {k: v for k, v in (dask.config.get("distributed.nanny.pre-spawn-environ") or {}).items()
               if k != "MALLOC_TRIM_THRESHOLD_"}
    with dask.config.set({"distributed.worker.profile.enabled": False,
                          "distributed.nanny.pre-spawn-environ": environ, **QUIET}):
        cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=":0",
                               silence_logs=logging.ERROR)
    c = Client(cluster)
    return c, [c, cluster]


def ingest_distributed(paths: Iterable[str], store: Store, client: Any = None, workers: int | None = None, *,
                       work_dir: str | Path | None = None, extract: bool | None = None,
                       lines_per_partition: int | None = None, files_per_partition: int | None = None,
                       retries: int = 2, max_in_flight: int | None = None, keep_shards: bool | None = None,
                       analyse_every: int = 1, tracks_every: int = 1,
                       on_event: Callable[[str, dict], None] | None = None) -> ScaleReport:
    """Read ``paths`` into ``store`` on a Dask cluster.

    ``client`` is a ``distributed.Client`` or a scheduler address
    (``tcp://host:8786``); without one, a LocalCluster of ``workers``
    processes is started (and closed at the end)."""
    t0 = time.perf_counter()
    if client is None and workers is not None and workers < 1:
        raise SitrepError("--workers: give a number of worker processes (1 or more) or --cluster ADDRESS",
                          input="--workers", reason="bad_option")
    extract = settings.get("extract") if extract is None else extract
    keep_shards = settings.get("scale_keep") if keep_shards is None else keep_shards
    max_bytes = settings.get("max_bytes")
    work = Path(work_dir) if work_dir else default_work_dir(store)
    work.mkdir(parents=True, exist_ok=True)
    event = on_event or (lambda kind, info: None)
    plan = partitions.plan(paths, lines_per_partition=lines_per_partition, files_per_partition=files_per_partition,
                           most=settings.get("partition_docs"), extract=extract, max_bytes=max_bytes)
    report = ScaleReport(run_id=uuid.uuid4().hex[:12], partitions=len(plan))
    done = load.loaded_ids(store)
    todo = [p for p in plan if p.id not in done]
    report.skipped = len(plan) - len(todo)
    folder = {p.id: work / f"part-{p.id}" for p in todo}
    ready = {p.id for p in todo if shards.complete(folder[p.id])}
    report.reused = len(ready)
    failed: set[str] = set()
    env = {k: v for k, v in os.environ.items() if k.startswith("SITREP_") and k != "SITREP_DB"}
    load.start_run(store, report.run_id, {"inputs": list(map(str, paths)), "work_dir": str(work),
                                          "partitions": len(plan), "skipped": report.skipped})
    event("planned", {"partitions": len(plan), "skipped": report.skipped, "reused": report.reused})
    client_obj, owned = None, []
    head = 0
    pending_ids: list[str] = []
    status = "interrupted"

    def analyse(doc_ids: list[str] | None, only: tuple[str, ...] = ("tracks", "storylines")) -> None:
        t = time.perf_counter()
        said = rebuild_analysis(store, doc_ids, only)
        if only == ("tracks", "storylines") or not report.analysis:
            report.analysis = said
        event("analysed", {"documents": None if doc_ids is None else len(doc_ids), "what": list(only),
                           "seconds": round(time.perf_counter() - t, 2)})

    track_ids: list[str] = []

    def merge_tracks(where: Path, new_ids: list[str]) -> bool:
        """Merge the track rows the worker computed for this partition's new documents."""
        import importlib
        import json
        merge = importlib.import_module("sitrep.analyse.tracks").merge_rows
        t = time.perf_counter()
        new = set(new_ids)
        rows = [json.loads(r["data"]) for batch in shards.read_rows(where, shards.TRACK_ROWS)
                for r in batch if r["doc_id"] in new]
        merge(store, rows)
        if not report.analysis:
            report.analysis = f"updated tracks for {len(new_ids)} new documents"
        event("analysed", {"documents": len(new_ids), "what": ["tracks"], "merged": len(rows),
                           "seconds": round(time.perf_counter() - t, 2)})
        return True

    def load_ready() -> None:
        """Load the completed partitions at the head of the input order."""
        nonlocal head
        while head < len(todo) and (todo[head].id in ready or todo[head].id in failed):
            part = todo[head]
            head += 1
            if part.id in failed:
                continue
            report.shard_bytes += shards.size(folder[part.id])
            meta = shards.read_meta(folder[part.id])
            report.cpu_seconds += meta.get("cpu_seconds", 0.0)
            if meta.get("peak_rss"):
                w = meta.get("worker", "?")
                report.peak_rss[w] = max(report.peak_rss.get(w, 0), meta["peak_rss"])
            got = load.load_partition(store, folder[part.id], report.run_id)
            report.new += len(got.new_ids)
            report.duplicates += got.duplicates
            report.records += got.records
            report.rejected.extend(got.rejects)
            report.pages += got.pages
            report.load_seconds += got.seconds
            pending_ids.extend(got.new_ids)
            if tracks_every and got.new_ids and meta.get("track_rows") and merge_tracks(folder[part.id], got.new_ids):
                pass                                     # the worker read the figures: merged here
            else:
                track_ids.extend(got.new_ids)
            if not keep_shards:
                shutil.rmtree(folder[part.id], ignore_errors=True)
            event("loaded", {"partition": part.id, "describe": part.describe(), "new": len(got.new_ids),
                             "records": got.records, "seconds": got.seconds})
            if tracks_every and (head % tracks_every == 0) and track_ids:
                analyse(track_ids, ("tracks",))          # this partition's figures: bounded cost
                track_ids.clear()
            if analyse_every and (head % analyse_every == 0) and pending_ids:
                analyse(pending_ids, ("storylines",) if tracks_every else ("tracks", "storylines"))
                pending_ids.clear()
                if not tracks_every:
                    track_ids.clear()

    try:
        load_ready()
        queue = deque(p for p in todo if p.id not in ready)
        if queue:
            client_obj, owned = _client_for(client, workers)
            _compute(client_obj, queue, report, env, max_bytes, retries, max_in_flight, folder, ready, failed,
                     store, load_ready, event, extract)
        load_ready()
        if report.skipped or report.reused:
            # a resumed run: documents an interrupted run loaded may have missed their update
            analyse(None)
        elif pending_ids or track_ids:
            if track_ids:
                analyse(track_ids, ("tracks",))
            analyse(pending_ids, ("storylines",))
        status = "failed" if report.failed else "done"
    finally:
        report.seconds = time.perf_counter() - t0
        try:
            load.finish_run(store, report.run_id, status, report.as_dict())
        finally:
            event("closing", {})
            for thing in owned:
                thing.close()
            report.seconds = time.perf_counter() - t0     # with the cluster's closing
    return report


def _compute(client, queue, report, env, max_bytes, retries, max_in_flight, folder, ready, failed, store,
             load_ready, event, extract) -> None:
    """Run the queued partitions on the cluster, a bounded number at a time; write
    each result's shards, retry a failed partition alone, load as results come."""
    from distributed import as_completed
    client.register_plugin(PipelinePlugin(env, extract))
    info = client.scheduler_info()["workers"]
    event("cluster", {"workers": len(info)})
    report.workers = len(info)
    threads = sum(w.get("nthreads", 1) for w in info.values()) or 1
    in_flight = max_in_flight or 2 * threads + 2
    attempts: Counter[str] = Counter()
    running: dict[str, tuple[Any, Any]] = {}     # task key -> (partition, future)
    ac = as_completed()

    def submit(part) -> None:
        attempts[part.id] += 1
        fut = client.submit(run_partition, part, env=env, max_bytes=max_bytes, pure=False,
                            key=f"sitrep-{part.id}-{attempts[part.id]}")
        running[fut.key] = (part, fut)
        ac.add(fut)

    try:
        while queue and len(running) < in_flight:
            submit(queue.popleft())
        for fut in ac:
            part, _ = running.pop(fut.key)
            try:
                res = fut.result()
            except Exception as e:  # noqa: BLE001 - any task failure: retry the partition alone
                msg = f"{type(e).__name__}: {str(e).splitlines()[0] if str(e) else ''}"[:500]
                if attempts[part.id] <= retries:
                    report.retried += 1
                    event("retry", {"partition": part.id, "describe": part.describe(), "error": msg})
                    submit(part)
                else:
                    failed.add(part.id)
                    report.failed.append({"partition": part.id, "input": part.describe(), "error": msg})
                    load.mark_failed(store, part.id, report.run_id, part.to_json(), msg)
                    event("failed", {"partition": part.id, "describe": part.describe(), "error": msg})
            else:
                shards.write(folder[part.id], res["shards"], res["meta"])
                ready.add(part.id)
                report.computed += 1
                event("computed", {"partition": part.id, "meta": {k: v for k, v in res["meta"].items()
                                                                   if k not in ("rejects", "pages")}})
            fut.release()
            while queue and len(running) < in_flight:
                submit(queue.popleft())
            load_ready()
    finally:
        if running:             # interrupted: leave no task of ours running on a shared cluster
            client.cancel([f for _, f in running.values()])


def rebuild_analysis(store: Store, doc_ids: list[str] | None,
                     only: Iterable[str] = ("tracks", "storylines")) -> str:
    """Bring tracks and storylines up to date for newly loaded documents, without
    recomputing them from zero.

    HOOK into the triangulation stage (sitrep.analyse), whichever of its
    incremental entry points exists: ``tracks.update(store, doc_ids)`` or
    ``tracks.build_tracks(store, doc_ids=...)`` (incremental unless
    ``rebuild=True``); the same for storylines (``storylines.update`` or
    ``storylines.build_storylines``). ``doc_ids=None``: every document not yet
    in a track or storyline. ``only``: which of the two. Returns one line
    saying what ran."""
    import importlib
    import inspect
    done = []
    only = tuple(only)
    for name, builder in (("tracks", "build_tracks"), ("storylines", "build_storylines")):
        if name not in only:
            continue
        try:
            mod = importlib.import_module(f"sitrep.analyse.{name}")
        except ModuleNotFoundError as e:
            if e.name and f"sitrep.analyse.{name}".startswith(e.name):
                continue
            raise
        # only functions of that module (tracks.py imports SQLAlchemy's ``update``)
        own = [f for f in (getattr(mod, "update", None), getattr(mod, builder, None))
               if callable(f) and getattr(f, "__module__", None) == mod.__name__]
        if not own:
            continue
        fn = own[0]
        params = inspect.signature(fn).parameters
        if fn is getattr(mod, "update", None):
            fn(store, None if doc_ids is None else list(doc_ids))
        elif "doc_ids" in params and doc_ids is not None:
            fn(store, doc_ids=list(doc_ids))
        else:
            fn(store)           # incremental by default: only documents not yet assigned
        done.append(name)
    which = "every document not yet assigned" if doc_ids is None else f"{len(doc_ids)} new documents"
    return f"updated {' and '.join(done)} for {which}" if done else \
        f"{' and '.join(only)} not updated: no sitrep.analyse.{'/'.join(only)} on this branch"
