"""Tables of the store (SQLAlchemy Core), the same for SQLite and PostgreSQL.

Each record kind has a table with the columns analysts filter on, plus a
``data`` column holding the whole record as JSON (so a record can grow fields
without a migration). Column names follow the export contract.
"""
from __future__ import annotations

from sqlalchemy import (JSON, Boolean, Column, Float, Index, Integer, MetaData, String, Table, Text,
                        UniqueConstraint)

metadata = MetaData()

schema_migrations = Table(
    "schema_migrations", metadata,
    Column("version", Integer, primary_key=True),
    Column("name", String(200), nullable=False),
    Column("applied_at", String(40), nullable=False),
)

documents = Table(
    "documents", metadata,
    Column("id", String(32), primary_key=True),
    Column("source_id", String(500)),
    Column("title", Text),
    Column("category", String(200)),
    Column("published", String(40), index=True),
    Column("source", Text),
    Column("format", String(20)),
    Column("text", Text, nullable=False),
    Column("data", JSON),
    Column("added_at", String(40)),
    Column("extracted_with", String(80)),
)

document_sources = Table(
    "document_sources", metadata,
    Column("doc_id", String(32), nullable=False, index=True),
    Column("source", Text, nullable=False),
    Column("source_id", String(500)),
    Column("added_at", String(40)),
    UniqueConstraint("doc_id", "source", name="uq_document_source"),
)

pages = Table(
    "pages", metadata,
    Column("source", String(1000), primary_key=True),
    Column("data", JSON),
    Column("added_at", String(40)),
)

rejects = Table(
    "rejects", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("input", Text, nullable=False),
    Column("reason", String(40), nullable=False),
    Column("detail", Text),
    Column("at", String(40)),
)


def _record_table(name: str, *cols: Column) -> Table:
    return Table(
        name, metadata,
        Column("id", String(40), primary_key=True),
        Column("doc_id", String(32), nullable=False, index=True),
        Column("start", Integer),
        Column("end", Integer),
        *cols,
        Column("data", JSON, nullable=False),
    )


entities = _record_table(
    "entities",
    Column("name", String(300), index=True),
    Column("type", String(20)),
    Column("code", String(40), index=True),
    Column("role", String(300)),
)
places = _record_table(
    "places",
    Column("name", String(300), index=True),
    Column("kind", String(40)),
    Column("country", String(3), index=True),
    Column("lat", Float),
    Column("lon", Float),
)
dates = _record_table(
    "dates",
    Column("text", Text),
    Column("date", String(40)),
)
quantities = _record_table(
    "quantities",
    Column("text", Text),
    Column("value", Float),
    Column("low", Float),
    Column("high", Float),
    Column("approx", String(20)),
    Column("unit", String(80)),
    Column("unit_class", String(80), index=True),
    Column("subject", Text),
    Column("source", String(300), index=True),
    Column("hedge", String(20)),
    Column("claim_id", String(40)),
    Column("source_names", Text),      # every source, "; "-joined: the source, then its co-sources (migration 5)
)
claims = _record_table(
    "claims",
    Column("text", Text),
    Column("source", String(300), index=True),
    Column("cue", String(100)),
    Column("hedge", String(20), index=True),
    Column("direct", Boolean),
    Column("source_names", Text),      # every source, "; "-joined: the source, then its co-sources (migration 5)
)
events = _record_table(
    "events",
    Column("text", Text),
    Column("type", String(20), index=True),
    Column("actor", String(40), index=True),
    Column("target", String(40), index=True),
    Column("location", String(300)),
    Column("date", String(40)),
    Column("claim_id", String(40)),
)
# One row per piece of evidence; relations are these rows grouped by (type, from, to).
relation_evidence = _record_table(
    "relation_evidence",
    Column("type", String(20), index=True),
    Column("from_code", String(40), index=True),
    Column("to_code", String(40), index=True),
    Column("item", Text),
)

tracks = Table(
    "tracks", metadata,
    Column("id", String(40), primary_key=True),
    Column("name", Text),
    Column("unit", String(80)),
    Column("subject", Text),
    Column("data", JSON),
)
track_members = Table(
    "track_members", metadata,
    Column("track_id", String(40), nullable=False, index=True),
    Column("quantity_id", String(40), nullable=False, index=True),
    Column("why", Text),
    Column("role", String(20)),        # figure, part ("including 500 officers"), conversion ("($126 billion)")
    Column("data", JSON),              # what was read for the figure: owner, situation, place, date
    UniqueConstraint("track_id", "quantity_id", name="uq_track_member"),
)
# User edits of tracks (split, merge, rename), replayed after every rebuild (migration 2).
track_edits = Table(
    "track_edits", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("op", String(20), nullable=False),
    Column("data", JSON, nullable=False),
    Column("at", String(40)),
)
# Per-document signatures for storylines (MinHash, key terms), so new documents
# join storylines without recomputing the old ones (migration 2).
doc_signatures = Table(
    "doc_signatures", metadata,
    Column("doc_id", String(32), primary_key=True),
    Column("data", JSON, nullable=False),
)
storylines = Table(
    "storylines", metadata,
    Column("id", String(40), primary_key=True),
    Column("name", Text),
    Column("data", JSON),
)
storyline_documents = Table(
    "storyline_documents", metadata,
    Column("storyline_id", String(40), nullable=False, index=True),
    Column("doc_id", String(32), nullable=False, index=True),
    # the first document of its near-duplicate cluster (null: the first, or no copy) and the
    # MinHash Jaccard of the two (migration 6)
    Column("dup_of", String(32), index=True),
    Column("jaccard", Float),
    UniqueConstraint("storyline_id", "doc_id", name="uq_storyline_doc"),
)
# Signature keys of each document (MinHash bands, names, with a date bucket): a new document
# finds the documents it may link to by index, not by reading every signature (migration 6).
storyline_keys = Table(
    "storyline_keys", metadata,
    Column("key", String(200), nullable=False, index=True),
    Column("doc_id", String(32), nullable=False, index=True),
)

Index("ix_quantities_doc_start", quantities.c.doc_id, quantities.c.start)

#: kind (as in the export contract) -> table of per-document records
RECORD_TABLES = {
    "entity": entities,
    "place": places,
    "date": dates,
    "quantity": quantities,
    "claim": claims,
    "event": events,
    "relation": relation_evidence,
}

# Distributed ingest (sitrep.scale): one row per run, one per input partition.
# A partition row is written in the same transaction as the partition's documents
# and records, so a partition marked "loaded" is in the store exactly once.
scale_runs = Table(
    "scale_runs", metadata,
    Column("id", String(40), primary_key=True),
    Column("started_at", String(40)),
    Column("finished_at", String(40)),
    Column("status", String(20)),          # running, done, failed, interrupted
    Column("data", JSON),                  # inputs, options, counts, peak memory per worker
)
scale_partitions = Table(
    "scale_partitions", metadata,
    Column("id", String(40), primary_key=True),   # hash of the partition's input spec (stable across runs)
    Column("run_id", String(40), index=True),
    Column("status", String(20), nullable=False),  # loaded, failed
    Column("spec", JSON),
    Column("documents", Integer),
    Column("duplicates", Integer),
    Column("records", Integer),
    Column("error", Text),
    Column("at", String(40)),
)
