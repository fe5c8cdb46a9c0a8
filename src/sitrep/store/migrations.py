"""Schema versions: an ordered list of migrations, each recorded in
``schema_migrations`` when applied. Add a migration at the end; never edit one
that has shipped."""
from __future__ import annotations

from datetime import datetime, timezone
from typing import Callable

from sqlalchemy import Connection, inspect, select, text

from . import schema as S


def _v1_initial(conn: Connection) -> None:
    """Every table of schema.py as of version 1, and full-text search."""
    S.metadata.create_all(conn)
    if conn.dialect.name == "sqlite":
        conn.execute(text(
            "CREATE VIRTUAL TABLE IF NOT EXISTS documents_fts USING fts5("
            "doc_id UNINDEXED, title, text, tokenize='porter unicode61')"))
    else:
        conn.execute(text(
            "ALTER TABLE documents ADD COLUMN IF NOT EXISTS tsv tsvector GENERATED ALWAYS AS "
            "(to_tsvector('english', coalesce(title, '') || ' ' || text)) STORED"))
        conn.execute(text("CREATE INDEX IF NOT EXISTS ix_documents_tsv ON documents USING GIN (tsv)"))


def _v2_scale_manifest(conn: Connection) -> None:
    """Runs and partitions of the distributed ingest (sitrep.scale), for resuming."""
    S.metadata.create_all(conn, tables=[S.scale_runs, S.scale_partitions])


MIGRATIONS: list[tuple[int, str, Callable[[Connection], None]]] = [
    (1, "initial schema with full-text search", _v1_initial),
    (2, "distributed ingest manifest (scale_runs, scale_partitions)", _v2_scale_manifest),
]


def current_version(conn: Connection) -> int:
    if not inspect(conn).has_table("schema_migrations"):
        return 0
    rows = conn.execute(select(S.schema_migrations.c.version)).scalars().all()
    return max(rows, default=0)


def migrate(conn: Connection) -> list[int]:
    """Apply the migrations the database has not seen; return their versions."""
    have = current_version(conn)
    applied = []
    for version, name, fn in MIGRATIONS:
        if version <= have:
            continue
        fn(conn)
        conn.execute(S.schema_migrations.insert().values(
            version=version, name=name, applied_at=datetime.now(timezone.utc).isoformat()))
        applied.append(version)
    return applied
