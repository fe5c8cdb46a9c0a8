"""Bulk load of one partition's shards into the store, exactly once.

One transaction per partition: its new documents (checked by id against the
store, which already holds every partition loaded before it), their records,
the sources of every document read (a repeated document gains a source, as in
``Store.add``), rejected inputs, page metadata, and the partition's row in
``scale_partitions``. Either all of it is stored or none, so a run killed at
any moment and started again never duplicates a document or a record.

PostgreSQL gets ``COPY ... FROM STDIN`` (psycopg); SQLite gets batched
``executemany`` inserts (and the full-text index rows).
"""
from __future__ import annotations

import time
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Iterable

from sqlalchemy import and_, delete, insert, select, update

from ..store import Store
from ..store import schema as S
from . import shards

CHUNK = 500     # ids per IN (...) query


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


@dataclass
class Loaded:
    partition: str
    new_ids: list[str] = field(default_factory=list)
    duplicates: int = 0
    records: int = 0
    rejects: list[dict] = field(default_factory=list)
    pages: int = 0
    seconds: float = 0.0
    skipped: bool = False       # already loaded (by an earlier run)


def loaded_ids(store: Store) -> set[str]:
    t = S.scale_partitions
    with store.engine.connect() as conn:
        return set(conn.execute(select(t.c.id).where(t.c.status == "loaded")).scalars())


def mark_failed(store: Store, part_id: str, run_id: str, spec: dict, error: str) -> None:
    t = S.scale_partitions
    with store.engine.begin() as conn:
        conn.execute(delete(t).where(and_(t.c.id == part_id, t.c.status != "loaded")))
        conn.execute(insert(t).values(id=part_id, run_id=run_id, status="failed", spec=spec, error=error[:2000],
                                      at=_now()))


def start_run(store: Store, run_id: str, data: dict) -> None:
    with store.engine.begin() as conn:
        conn.execute(insert(S.scale_runs).values(id=run_id, started_at=_now(), status="running", data=data))


def finish_run(store: Store, run_id: str, status: str, data: dict) -> None:
    with store.engine.begin() as conn:
        conn.execute(update(S.scale_runs).where(S.scale_runs.c.id == run_id)
                     .values(status=status, finished_at=_now(), data=data))


def load_partition(store: Store, folder: Path, run_id: str) -> Loaded:
    """Load one complete shard folder; a partition already loaded is skipped."""
    t0 = time.perf_counter()
    meta = shards.read_meta(folder)
    part = meta["partition"]
    out = Loaded(part["id"])
    now = _now()
    pg = store.dialect == "postgresql"
    with store.engine.begin() as conn:
        t = S.scale_partitions
        row = conn.execute(select(t.c.status).where(t.c.id == part["id"])).first()
        if row and row.status == "loaded":
            out.skipped = True
            return out
        known: set[str] = set()
        for batch in shards.read_rows(folder, "documents", 1000):
            ids = [r["id"] for r in batch]
            known |= _existing(conn, S.documents.c.id, ids)
            fresh = [dict(r, added_at=now) for r in batch if r["id"] not in known]
            out.new_ids.extend(r["id"] for r in fresh)
            _put(conn, S.documents, fresh, pg)
            if not pg and fresh:
                conn.exec_driver_sql("INSERT INTO documents_fts(doc_id, title, text) VALUES (?, ?, ?)",
                                     [(r["id"], r["title"] or "", r["text"]) for r in fresh])
        for table in S.RECORD_TABLES.values():
            for batch in shards.read_rows(folder, table.name):
                rs = [r for r in batch if r["doc_id"] not in known]
                out.records += len(rs)
                _put(conn, table, rs, pg)
        for batch in shards.read_rows(folder, S.doc_signatures.name):   # computed on the worker
            _put(conn, S.doc_signatures, [r for r in batch if r["doc_id"] not in known], pg)
        new = set(out.new_ids)
        read, pairs = 0, set()
        for batch in shards.read_rows(folder, "sources", 5000):
            read += len(batch)
            pairs |= _existing_sources(conn, {r["doc_id"] for r in batch} - new - {p[0] for p in pairs})
            rs = []
            for r in batch:
                if (r["doc_id"], r["source"]) not in pairs:
                    pairs.add((r["doc_id"], r["source"]))
                    rs.append(dict(r, added_at=now))
            _put(conn, S.document_sources, rs, pg)
        out.duplicates = read - len(out.new_ids)
        for rej in meta.get("rejects", []):
            conn.execute(insert(S.rejects).values(input=rej["input"], reason=rej["reason"],
                                                  detail=rej.get("detail", ""), at=now))
            out.rejects.append(rej)
        for page in meta.get("pages", []):
            conn.execute(delete(S.pages).where(S.pages.c.source == page["source"]))
            conn.execute(insert(S.pages).values(source=page["source"], data={"sidebar": page["sidebar"]},
                                                added_at=now))
            out.pages += 1
        conn.execute(delete(t).where(t.c.id == part["id"]))
        conn.execute(insert(t).values(id=part["id"], run_id=run_id, status="loaded", spec=part,
                                      documents=len(out.new_ids), duplicates=out.duplicates,
                                      records=out.records, at=now))
    out.seconds = time.perf_counter() - t0
    return out


def _existing(conn, col, ids: list[str]) -> set[str]:
    found: set[str] = set()
    for i in range(0, len(ids), CHUNK):
        found |= set(conn.execute(select(col).where(col.in_(ids[i:i + CHUNK]))).scalars())
    return found


def _existing_sources(conn, doc_ids: Iterable[str]) -> set[tuple[str, str]]:
    ids = list(doc_ids)
    t = S.document_sources
    out: set[tuple[str, str]] = set()
    for i in range(0, len(ids), CHUNK):
        out |= {(r.doc_id, r.source) for r in conn.execute(
            select(t.c.doc_id, t.c.source).where(t.c.doc_id.in_(ids[i:i + CHUNK])))}
    return out


def _put(conn, table, rows: list[dict], pg: bool) -> None:
    """Rows into a table: COPY on PostgreSQL, one DB-API executemany on SQLite.

    The shards hold JSON columns as the text the store's JSON type writes
    (``json.dumps``), so SQLite gets that text as it is: no decoding and
    re-encoding of every record through SQLAlchemy's bind processing (that
    round trip was a third to a half of the client's CPU in a SQLite load)."""
    if not rows:
        return
    cols = list(rows[0].keys())
    if pg:
        from psycopg import sql
        stmt = sql.SQL("COPY {} ({}) FROM STDIN").format(
            sql.Identifier(table.name), sql.SQL(", ").join(map(sql.Identifier, cols)))
        raw = conn.connection.dbapi_connection
        with raw.cursor() as cur, cur.copy(stmt) as cp:
            for r in rows:
                cp.write_row([r[c] for c in cols])
        return
    stmt = "INSERT INTO {} ({}) VALUES ({})".format(
        _quote(table.name), ", ".join(map(_quote, cols)), ", ".join("?" * len(cols)))
    conn.exec_driver_sql(stmt, [tuple(r[c] for c in cols) for r in rows])


def _quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'
