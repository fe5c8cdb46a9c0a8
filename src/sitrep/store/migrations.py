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


def _v2_track_edits(conn: Connection) -> None:
    """Figure tracks: member role and data columns, user edits of tracks, and
    per-document storyline signatures. Idempotent: version 1 creates every
    table of schema.py, so a fresh store already has them."""
    insp = inspect(conn)
    have = {c["name"] for c in insp.get_columns("track_members")}
    for name, sqltype in (("role", "VARCHAR(20)"), ("data", "JSON")):
        if name not in have:
            conn.execute(text(f"ALTER TABLE track_members ADD COLUMN {name} {sqltype}"))
    S.track_edits.create(conn, checkfirst=True)
    S.doc_signatures.create(conn, checkfirst=True)


#: (table, columns) of the indexes the web workspace's filters and default order need:
#: a filter column followed by the default order (doc_id, start), so that a filtered,
#: ordered page reads only its own rows.
WEB_INDEXES = [
    ("claims", ("hedge", "doc_id", "start")),
    ("quantities", ("hedge", "doc_id", "start")),
    ("quantities", ("unit_class", "doc_id", "start")),
    ("quantities", ("doc_id", "start")),
    ("claims", ("doc_id", "start")),
    ("events", ("doc_id", "start")),
    ("entities", ("doc_id", "start")),
    ("places", ("doc_id", "start")),
    ("events", ("type", "doc_id", "start")),
    ("events", ("actor", "doc_id", "start")),
    ("events", ("doc_id", "location")),
    ("entities", ("type", "doc_id", "start")),
    ("places", ("country", "doc_id", "start")),
    ("places", ("doc_id", "name")),
    ("relation_evidence", ("type", "from_code", "to_code")),
    ("documents", ("published", "id")),     # newest documents first, covering
    ("documents", ("id", "published")),     # a record's date without reading the document's text
]


def _v2_web_indexes(conn: Connection) -> None:
    """Composite indexes for filtered, ordered pages of records (the API and the ledger)."""
    for table, cols in WEB_INDEXES:
        name = f"ix_{table}_" + "_".join(cols)
        quoted = ", ".join(f'"{c}"' for c in cols)   # fixed names from the list above, never user text
        conn.execute(text(f'CREATE INDEX IF NOT EXISTS {name} ON {table} ({quoted})'))


def _v4_scale_manifest(conn: Connection) -> None:
    """Runs and partitions of the distributed ingest (sitrep.scale), for resuming."""
    S.metadata.create_all(conn, tables=[S.scale_runs, S.scale_partitions])


def _v5_source_names(conn: Connection) -> None:
    """Claims and figures with several sources ("Blinken and Austin said"): a
    ``source_names`` column on claims and quantities holding every source's name,
    filled from ``source`` for the records stored before (they have one source;
    re-extract a document to read its co-sources). Idempotent: version 1 creates
    every table of schema.py, so a fresh store already has the column."""
    insp = inspect(conn)
    for table in ("claims", "quantities"):
        if "source_names" not in {c["name"] for c in insp.get_columns(table)}:
            conn.execute(text(f"ALTER TABLE {table} ADD COLUMN source_names TEXT"))
        conn.execute(text(f"UPDATE {table} SET source_names = source "
                          "WHERE source_names IS NULL AND source IS NOT NULL"))


def _v6_storyline_keys(conn: Connection) -> None:
    """Storylines built by linking documents: signature keys looked up by index
    (``storyline_keys``) and each member's near-duplicate cluster
    (``storyline_documents.dup_of``, ``jaccard``). Storylines of an earlier
    version are dropped (their rule was another): the next ``sitrep storylines``
    or ingest rebuilds them. Idempotent."""
    insp = inspect(conn)
    have = {c["name"] for c in insp.get_columns("storyline_documents")}
    for name, sqltype in (("dup_of", "VARCHAR(32)"), ("jaccard", "FLOAT")):
        if name not in have:
            conn.execute(text(f"ALTER TABLE storyline_documents ADD COLUMN {name} {sqltype}"))
    conn.execute(text("CREATE INDEX IF NOT EXISTS ix_storyline_documents_dup_of ON storyline_documents (dup_of)"))
    S.storyline_keys.create(conn, checkfirst=True)
    conn.execute(S.storyline_documents.delete())
    conn.execute(S.storylines.delete())


MIGRATIONS: list[tuple[int, str, Callable[[Connection], None]]] = [
    (1, "initial schema with full-text search", _v1_initial),
    (2, "track member roles, track edits, storyline signatures", _v2_track_edits),
    (3, "composite indexes for filtered record pages", _v2_web_indexes),
    (4, "distributed ingest manifest (scale_runs, scale_partitions)", _v4_scale_manifest),
    (5, "every source of a claim or figure (source_names)", _v5_source_names),
    (6, "storylines linked by indexed signature keys (storyline_keys, dup_of)", _v6_storyline_keys),
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
