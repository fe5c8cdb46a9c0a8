"""Parquet shards: what one partition produced, as rows of the store's tables.

A shard folder ``part-<id>/`` holds one Parquet file per table that got rows
(``documents``, ``sources`` and one per record kind, named after the store
table, e.g. ``entities.parquet``), with the table's own columns and the
record as JSON in ``data``; ``doc_signatures.parquet``, the documents'
storyline signatures (MinHash and key terms, computed on the worker);
``track_rows.parquet``, the documents' figures as
read for their tracks; and ``meta.json`` (rejected inputs, page
metadata, counts, the worker and its peak memory). The shards open in any
Parquet reader (DuckDB, pandas, Spark), and the loader copies them into the
store unchanged. A folder is complete when ``meta.json`` is there: it is
written last, and the folder is renamed into place in one step.
"""
from __future__ import annotations

import io
import json
import os
import shutil
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq
from sqlalchemy import Boolean, Float, Integer

from ..store import schema as S

#: rows of every document read (also the duplicates): its sources
SOURCES = ("doc_id", "source", "source_id")
#: the documents table, less what the loader fills in
DOC_COLUMNS = ("id", "source_id", "title", "category", "published", "source", "format", "text", "data")


def _arrow_type(col) -> pa.DataType:
    t = col.type
    if isinstance(t, Boolean):
        return pa.bool_()
    if isinstance(t, Integer):
        return pa.int64()
    if isinstance(t, Float):
        return pa.float64()
    return pa.string()          # String, Text, and JSON (kept as its JSON text)


def _schemas() -> dict[str, pa.Schema]:
    out = {"documents": pa.schema([(c, _arrow_type(S.documents.c[c])) for c in DOC_COLUMNS]),
           "sources": pa.schema([(c, pa.string()) for c in SOURCES])}
    for table in S.RECORD_TABLES.values():
        out[table.name] = pa.schema([(c.name, _arrow_type(c)) for c in table.c])
    out[S.doc_signatures.name] = pa.schema([("doc_id", pa.string()), ("data", pa.string())])
    out[TRACK_ROWS] = pa.schema([("doc_id", pa.string()), ("quantity_id", pa.string()), ("data", pa.string())])
    return out


#: the figures of the partition's documents read for their tracks on the worker (``tracks.track_rows``,
#: one row per figure, the row as JSON in ``data``): the client only merges them into the tracks
TRACK_ROWS = "track_rows"


SCHEMAS = _schemas()
#: columns holding JSON text in the shards (objects in the store)
JSON_COLUMNS = {name: ({"data"} if name != "sources" else set()) for name in SCHEMAS}


def encode(rows: dict[str, list[dict[str, Any]]]) -> dict[str, bytes]:
    """Rows per table -> Parquet bytes per table (tables without rows are left out)."""
    out = {}
    for name, rs in rows.items():
        if not rs:
            continue
        schema = SCHEMAS[name]
        cols = {f.name: [r.get(f.name) for r in rs] for f in schema}
        buf = io.BytesIO()
        pq.write_table(pa.Table.from_pydict(cols, schema=schema), buf, compression="zstd")
        out[name] = buf.getvalue()
    return out


def write(folder: Path, shards: dict[str, bytes], meta: dict) -> Path:
    """Write one partition's shards as ``folder`` (atomically: temp folder, then rename)."""
    tmp = folder.with_name(folder.name + f".tmp{os.getpid()}")
    if tmp.exists():
        shutil.rmtree(tmp)
    tmp.mkdir(parents=True)
    for name, data in shards.items():
        (tmp / f"{name}.parquet").write_bytes(data)
    (tmp / "meta.json").write_text(json.dumps(meta, ensure_ascii=False, indent=1), encoding="utf-8")
    if folder.exists():
        shutil.rmtree(folder)
    os.replace(tmp, folder)
    return folder


def complete(folder: Path) -> bool:
    return (folder / "meta.json").is_file()


def read_meta(folder: Path) -> dict:
    return json.loads((folder / "meta.json").read_text(encoding="utf-8"))


def read_rows(folder: Path, name: str, batch_rows: int = 5000):
    """Batches of rows (dicts) of one table of a shard folder; nothing when the table is absent."""
    f = folder / f"{name}.parquet"
    if not f.exists():
        return
    pf = pq.ParquetFile(f)
    for batch in pf.iter_batches(batch_size=batch_rows):
        yield batch.to_pylist()


def size(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.iterdir() if p.is_file()) if folder.is_dir() else 0
