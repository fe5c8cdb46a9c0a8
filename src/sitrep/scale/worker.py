"""What runs on a Dask worker: one loaded pipeline per worker process, and the
task that turns one partition into Parquet shards.

The pipeline is loaded once per process (``PipelinePlugin`` loads it when the
worker starts, so the first task does not pay for it; ``_pipeline`` is the
per-process cache either way) and documents stream through it in spaCy
batches: a worker holds one partition's output at a time, never the corpus.
A lock keeps two threads of one worker from sharing the pipeline (start
workers with ``--nthreads 1``; more threads only wait).
"""
from __future__ import annotations

import gc
import json
import os
import resource
import threading
import time
from typing import Any

from distributed.diagnostics.plugin import WorkerPlugin

from ..model import Document, PageInfo, Rejected, as_dict
from ..store import _rows_for
from ..store import schema as S
from . import partitions, shards

_LOCK = threading.Lock()
_KIND_ATTR = {"entity": "entities", "place": "places", "date": "dates", "quantity": "quantities",
              "claim": "claims", "event": "events", "relation": "relations"}


def _apply_env(env: dict[str, str]) -> None:
    """The client's SITREP_* settings (model, actor files, ...) on this worker."""
    for k, v in (env or {}).items():
        if k.startswith("SITREP_"):
            os.environ[k] = v


def _pipeline(env: dict[str, str] | None = None):
    from ..extract import pipeline as P
    if P._PIPELINE is None:
        _apply_env(env or {})
    return P.get_pipeline()


class PipelinePlugin(WorkerPlugin):
    """Loads the extraction pipeline once when a worker starts (or joins)."""
    name = "sitrep-pipeline"

    def __init__(self, env: dict[str, str], extract: bool = True):
        self.env = env
        self.extract = extract

    def setup(self, worker) -> None:
        relax_malloc_trim()
        if self.extract:
            with _LOCK:
                _pipeline(self.env)
                # the loaded model's objects live as long as the worker: keep them out of
                # the collector's scans (measured: about 2-3% less CPU per document)
                gc.freeze()


#: glibc's thresholds on a worker (bytes): the upper bounds its dynamic defaults grow to
MMAP_THRESHOLD = 32 * 2**20
TRIM_THRESHOLD = 2 * MMAP_THRESHOLD


def relax_malloc_trim() -> bool:
    """Undo Dask's ``MALLOC_TRIM_THRESHOLD_=65536`` in this worker process.

    A Nanny starts every worker with that variable (``distributed.nanny.pre-spawn-environ``)
    so that freed memory goes back to the system at once; with spaCy's many
    short-lived allocations glibc then returns and re-requests heap pages all the
    time, which cost a worker about 20% more CPU per document than the single
    process (measured: 43.6 vs 35.9 ms on one partition; docs/scale.md). A local
    cluster is started without it (``run._client_for``); on a cluster started
    elsewhere the variable is already read, so it is overridden here with
    ``mallopt``. Peak memory is bounded by the partition size either way.
    Returns whether the threshold was changed (glibc only)."""
    if "MALLOC_TRIM_THRESHOLD_" not in os.environ:
        return False
    try:
        import ctypes
        libc = ctypes.CDLL("libc.so.6")
        M_TRIM_THRESHOLD, M_MMAP_THRESHOLD = -1, -3
        return bool(libc.mallopt(M_TRIM_THRESHOLD, TRIM_THRESHOLD)
                    and libc.mallopt(M_MMAP_THRESHOLD, MMAP_THRESHOLD))
    except (OSError, AttributeError):    # not glibc (macOS, musl): nothing to undo
        return False


def peak_rss() -> int:
    """Peak resident memory of this process so far, in bytes (Linux: ru_maxrss is in KiB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024


def _worker_name() -> str:
    try:
        from distributed import get_worker
        return get_worker().address
    except Exception:  # noqa: BLE001 - not on a worker (a local call)
        return f"pid {os.getpid()}"


def run_partition(part: partitions.Partition, *, env: dict[str, str], max_bytes: int,
                  batch_size: int | None = None) -> dict[str, Any]:
    """Read, deduplicate and extract one partition; return its shards (Parquet
    bytes per table) and its meta (rejects, pages, counts, peak memory)."""
    with _LOCK:
        return _run(part, env=env, max_bytes=max_bytes, batch_size=batch_size)


def _run(part, *, env, max_bytes, batch_size) -> dict[str, Any]:
    t0, c0 = time.perf_counter(), time.process_time()
    rows: dict[str, list[dict]] = {name: [] for name in shards.SCHEMAS}
    rejects: list[dict] = []
    pages: list[dict] = []
    seen: set[str] = set()
    counts = {"read": 0, "documents": 0, "records": 0}

    def fresh_docs():
        """New documents of this partition, in order; every document read leaves a source row."""
        for item in partitions.read(part, max_bytes=max_bytes):
            if isinstance(item, Rejected):
                rejects.append(as_dict(item))
            elif isinstance(item, PageInfo):
                pages.append({"source": item.source, "sidebar": list(item.sidebar)})
            elif isinstance(item, Document):
                counts["read"] += 1
                rows["sources"].append({"doc_id": item.id, "source": item.source or "(unknown)",
                                        "source_id": item.source_id})
                if item.id not in seen:
                    seen.add(item.id)
                    yield item

    tracked: dict[str, Any] = {"ok": True, "seconds": 0.0}
    if part.extract:
        pipe = _pipeline(env)
        for doc, recs in pipe.process(fresh_docs(), batch_size=batch_size):
            counts["records"] += add_rows(rows, doc, recs)
            if tracked["ok"]:
                add_track_rows(rows, doc, recs, tracked)
            add_signature(rows, doc)
    else:
        for doc in fresh_docs():
            add_rows(rows, doc)
            add_signature(rows, doc)
    counts["documents"] = len(rows["documents"])
    encoded = shards.encode(rows)
    meta = {"partition": part.to_json(), "rejects": rejects, "pages": pages, **counts,
            "worker": _worker_name(), "pid": os.getpid(), "seconds": round(time.perf_counter() - t0, 3),
            "cpu_seconds": round(time.process_time() - c0, 3),
            "peak_rss": peak_rss(), "track_rows": bool(part.extract and tracked["ok"]),
            "track_seconds": round(tracked["seconds"], 3)}
    if tracked.get("error"):
        meta["track_rows_error"] = tracked["error"]
    return {"id": part.id, "shards": encoded, "meta": meta}


def add_signature(rows: dict[str, list[dict]], doc: Document) -> None:
    """The document's storyline signature (MinHash, key terms), computed here so
    the client's storyline update does not compute it; stored with the document."""
    try:
        from ..analyse.storylines import signature
    except ImportError:
        return
    rows.setdefault(S.doc_signatures.name, []).append(
        {"doc_id": doc.id, "data": json.dumps(signature(doc.title, doc.text, doc.published))})


def add_track_rows(rows: dict[str, list[dict]], doc: Document, recs, state: dict) -> None:
    """The document's figures read for their tracks, here on the worker (a figure's
    track depends on its own document only): the client merges the rows into the
    tracks without reading the figures again. A failure drops the partition's
    rows (the client then reads the figures from the store)."""
    if not recs.quantities:
        return
    t = time.perf_counter()
    try:
        from ..analyse.tracks import doc_figures, needed_claims, track_rows
        figs = doc_figures(doc, list(recs.quantities), recs.entities, recs.places, recs.dates,
                           needed_claims(recs.quantities, recs.claims))
        for r in track_rows(figs):
            rows.setdefault(shards.TRACK_ROWS, []).append(
                {"doc_id": r["doc_id"], "quantity_id": r["quantity_id"], "data": json.dumps(r)})
    except Exception as e:  # noqa: BLE001 - tracks are rebuilt from the store instead
        state.update(ok=False, error=f"{type(e).__name__}: {e}"[:300])
        rows.pop(shards.TRACK_ROWS, None)
    state["seconds"] += time.perf_counter() - t


def add_rows(rows: dict[str, list[dict]], doc: Document, recs=None) -> int:
    """Append a document's row and its records' rows (the store's columns, JSON as
    text) to ``rows``; return the number of record rows."""
    _doc_row(rows, doc)
    n = 0
    for kind, table in S.RECORD_TABLES.items():
        for rec in getattr(recs, _KIND_ATTR[kind]) if recs is not None else ():
            for r in _rows_for(kind, table, rec, doc.id):
                r["data"] = json.dumps(r["data"])      # as the store's JSON columns write it
                rows.setdefault(table.name, []).append(r)
                n += 1
    return n


def _doc_row(rows: dict, doc: Document) -> None:
    data = as_dict(doc)
    data.pop("text")
    rows.setdefault("documents", []).append(
        {"id": doc.id, "source_id": doc.source_id, "title": doc.title, "category": doc.category,
         "published": doc.published, "source": doc.source, "format": doc.format, "text": doc.text,
         "data": json.dumps(data, default=str)})
