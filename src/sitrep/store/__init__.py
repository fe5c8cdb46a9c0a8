"""The store: SQLite (default, one file, WAL, FTS5) or PostgreSQL, one interface.

``open_store(url)`` takes a file path, ``:memory:``, ``sqlite:///...`` or a
``postgresql://`` URL. All SQL is built by SQLAlchemy with bound parameters;
no SQL is ever assembled from user text.
"""
from __future__ import annotations

import re
from collections import defaultdict
from datetime import datetime, timezone
from typing import Any, Iterable, Iterator, Sequence

from sqlalchemy import and_, create_engine, delete, event, func, insert, or_, select, text, update
from sqlalchemy.engine import Engine
from sqlalchemy.exc import OperationalError, SQLAlchemyError
from sqlalchemy.pool import StaticPool

from ..errors import SitrepError
from ..model import (CLASS_OF, Document, Evidence, PageInfo, Records, Rejected, Relation, as_dict,
                     from_dict, record_id)
from . import schema as S
from .migrations import current_version, migrate
from .views import ViewsMixin, documents_filter

__all__ = ["Store", "open_store"]


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def engine_for(url: str, schema: str | None = None) -> Engine:
    if url.startswith(("postgresql://", "postgres://", "postgresql+psycopg://")):
        url = re.sub(r"^postgres(ql)?(\+psycopg)?://", "postgresql+psycopg://", url)
        kw: dict[str, Any] = {"pool_pre_ping": True}
        if schema:
            kw["connect_args"] = {"options": f"-csearch_path={schema}"}
        return create_engine(url, **kw)
    if url in (":memory:", "sqlite://", "sqlite:///:memory:"):
        eng = create_engine("sqlite://", poolclass=StaticPool, connect_args={"check_same_thread": False})
    else:
        path = url[len("sqlite:///"):] if url.startswith("sqlite:///") else url
        eng = create_engine(f"sqlite:///{path}", connect_args={"check_same_thread": False, "timeout": 30})

    @event.listens_for(eng, "connect")
    def _pragmas(dbapi_conn, _rec):  # pragma: no cover - exercised by every sqlite test
        cur = dbapi_conn.cursor()
        cur.execute("PRAGMA journal_mode=WAL")
        cur.execute("PRAGMA synchronous=NORMAL")
        cur.execute("PRAGMA foreign_keys=ON")
        cur.close()
    return eng


def _fts_query(q: str) -> str:
    """User text -> a safe FTS5 query: every word quoted, all must match."""
    words = re.findall(r"\w+", q, flags=re.UNICODE)
    return " ".join('"' + w.replace('"', '') + '"' for w in words)


# filters the record queries understand: name -> (column name, how)
_FILTERS = {
    "doc_id": ("doc_id", "eq"), "type": ("type", "eq"), "name": ("name", "ieq"), "code": ("code", "prefix"),
    "country": ("country", "eq"), "kind": ("kind", "eq"), "source": ("source", "ilike"),
    "hedge": ("hedge", "eq"), "cue": ("cue", "ieq"), "unit": ("unit", "ieq"),
    "unit_class": ("unit_class", "eq"), "approx": ("approx", "eq"), "actor": ("actor", "prefix"),
    "target": ("target", "prefix"), "location": ("location", "ieq"), "claim_id": ("claim_id", "eq"),
    "from_code": ("from_code", "prefix"), "to_code": ("to_code", "prefix"), "direct": ("direct", "eq"),
    "subject": ("subject", "ilike"), "text": ("text", "ilike"),
}


class Store(ViewsMixin):
    def __init__(self, url: str, *, schema: str | None = None):
        self.url = url
        try:
            self.engine = engine_for(url, schema)
            with self.engine.begin() as conn:
                migrate(conn)
        except SitrepError:
            raise
        except SQLAlchemyError as e:
            raise SitrepError(f"{url}: cannot open the store ({_short(e)})", input=url, reason="store") from e

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def schema_version(self) -> int:
        with self.engine.connect() as conn:
            return current_version(conn)

    # ---------------------------------------------------------------- writing
    def add(self, items: Sequence[tuple[Document, Records | None]]) -> list[tuple[str, bool]]:
        """Store documents (and their records) in one transaction.

        A document already stored (same normalized-text hash) is not stored
        again: its new source is recorded beside the old one. Returns
        ``(doc_id, is_new)`` per item."""
        out = []
        with self.engine.begin() as conn:
            for doc, recs in items:
                is_new = self._add_document(conn, doc)
                if is_new and recs is not None:
                    self._write_records(conn, doc.id, recs)
                out.append((doc.id, is_new))
        return out

    def _add_document(self, conn, doc: Document) -> bool:
        exists = conn.execute(select(S.documents.c.id).where(S.documents.c.id == doc.id)).first()
        if not exists:
            data = as_dict(doc)
            data.pop("text")
            conn.execute(insert(S.documents).values(
                id=doc.id, source_id=doc.source_id, title=doc.title, category=doc.category,
                published=doc.published, source=doc.source, format=doc.format, text=doc.text,
                data=data, added_at=_now()))
            if self.dialect == "sqlite":
                conn.execute(text("INSERT INTO documents_fts(doc_id, title, text) VALUES (:i, :t, :x)"),
                             {"i": doc.id, "t": doc.title or "", "x": doc.text})
        src = doc.source or "(unknown)"
        seen = conn.execute(select(S.document_sources.c.doc_id).where(
            and_(S.document_sources.c.doc_id == doc.id, S.document_sources.c.source == src))).first()
        if not seen:
            conn.execute(insert(S.document_sources).values(
                doc_id=doc.id, source=src, source_id=doc.source_id, added_at=_now()))
        return not exists

    def existing_ids(self, ids: Iterable[str]) -> set[str]:
        ids = list(ids)
        if not ids:
            return set()
        with self.engine.connect() as conn:
            return set(conn.execute(select(S.documents.c.id).where(S.documents.c.id.in_(ids))).scalars())

    def replace_records(self, doc_id: str, recs: Records, extracted_with: str | None = None) -> None:
        """Drop a document's records and store new ones (``sitrep extract``)."""
        with self.engine.begin() as conn:
            for table in S.RECORD_TABLES.values():
                conn.execute(delete(table).where(table.c.doc_id == doc_id))
            self._write_records(conn, doc_id, recs)
            if extracted_with:
                conn.execute(update(S.documents).where(S.documents.c.id == doc_id)
                             .values(extracted_with=extracted_with))

    def _write_records(self, conn, doc_id: str, recs: Records) -> None:
        rows: dict[str, list[dict]] = defaultdict(list)
        for kind, table in S.RECORD_TABLES.items():
            attr = {"entity": "entities", "place": "places", "date": "dates", "quantity": "quantities",
                    "claim": "claims", "event": "events", "relation": "relations"}[kind]
            for rec in getattr(recs, attr):
                rows[kind].extend(_rows_for(kind, table, rec, doc_id))
        for kind, rs in rows.items():
            if rs:
                conn.execute(insert(S.RECORD_TABLES[kind]), rs)

    def add_reject(self, rej: Rejected) -> None:
        with self.engine.begin() as conn:
            conn.execute(insert(S.rejects).values(input=rej.input, reason=rej.reason, detail=rej.detail, at=_now()))

    def add_page(self, info: PageInfo) -> None:
        with self.engine.begin() as conn:
            conn.execute(delete(S.pages).where(S.pages.c.source == info.source))
            conn.execute(insert(S.pages).values(source=info.source, data={"sidebar": list(info.sidebar),
                                                              **({"title": info.title} if info.title else {})},
                                                added_at=_now()))

    # ---------------------------------------------------------------- reading
    def document(self, doc_id: str) -> Document:
        """A document by id (or by a unique id prefix, or by its source id)."""
        d = S.documents
        with self.engine.connect() as conn:
            rows = conn.execute(select(d).where(d.c.id == doc_id)).mappings().all()
            if not rows and len(doc_id) >= 4:
                rows = conn.execute(select(d).where(d.c.id.like(_like_prefix(doc_id), escape="\\"))
                                    .limit(2)).mappings().all()
            if not rows:
                rows = conn.execute(select(d).where(d.c.source_id == doc_id).limit(2)).mappings().all()
        if not rows:
            raise SitrepError(f"{doc_id}: no such document in {self.url}", input=doc_id, reason="not_found")
        if len(rows) > 1:
            raise SitrepError(f"{doc_id}: ambiguous document id, give more characters", input=doc_id,
                              reason="ambiguous")
        return _doc_from_row(rows[0])

    def documents(self, *, limit: int | None = 50, offset: int = 0, since: str | None = None,
                  until: str | None = None, category: str | None = None, order: str = "added") -> list[Document]:
        d = S.documents
        q = documents_filter(select(d), since, until, category)
        q = q.order_by(d.c.published.desc(), d.c.id) if order == "published" else q.order_by(d.c.added_at, d.c.id)
        if limit is not None:
            q = q.limit(limit).offset(offset)
        with self.engine.connect() as conn:
            return [_doc_from_row(r) for r in conn.execute(q).mappings()]

    def iter_documents(self, batch: int = 200) -> Iterator[Document]:
        offset = 0
        while True:
            docs = self.documents(limit=batch, offset=offset)
            if not docs:
                return
            yield from docs
            offset += batch

    def sources_of(self, doc_id: str) -> list[dict]:
        t = S.document_sources
        with self.engine.connect() as conn:
            return [dict(r) for r in conn.execute(select(t.c.source, t.c.source_id, t.c.added_at)
                                                  .where(t.c.doc_id == doc_id)).mappings()]

    def search(self, query: str, *, limit: int = 20, offset: int = 0) -> list[dict]:
        """Full-text search: ``[{doc_id, title, snippet, rank}]``, best first."""
        if not re.search(r"\w", query or ""):
            return []
        with self.engine.connect() as conn:
            if self.dialect == "sqlite":
                rows = conn.execute(text(
                    "SELECT doc_id, title, snippet(documents_fts, 2, '[', ']', ' … ', 12) AS snippet, "
                    "bm25(documents_fts) AS rank FROM documents_fts WHERE documents_fts MATCH :q "
                    "ORDER BY rank LIMIT :n OFFSET :o"), {"q": _fts_query(query), "n": limit, "o": offset})
            else:
                rows = conn.execute(text(
                    "SELECT id AS doc_id, title, ts_headline('english', text, plainto_tsquery('english', :q), "
                    "'StartSel=[,StopSel=],MaxWords=24,MinWords=8') AS snippet, "
                    "-ts_rank(tsv, plainto_tsquery('english', :q)) AS rank FROM documents "
                    "WHERE tsv @@ plainto_tsquery('english', :q) ORDER BY rank, id LIMIT :n OFFSET :o"),
                    {"q": query, "n": limit, "o": offset})
            return [dict(r) for r in rows.mappings()]

    def records(self, kind: str, /, *, limit: int | None = 100, offset: int = 0, order: str | None = None,
                since: str | None = None, until: str | None = None, **filters: Any) -> list[Any]:
        """Records of one kind (``entity``, ``place``, ``date``, ``quantity``, ``claim``,
        ``event``), filtered by the named columns; ``since``/``until`` filter on the
        document's publication date."""
        if order and order.lstrip("-") == "published":   # the document's publication date
            return self._records_by_published(kind, order.startswith("-"), limit, offset, since, until, filters)
        q = self._records_query(kind, since=since, until=until, **filters)
        table = S.RECORD_TABLES[kind]
        if order:
            desc = order.startswith("-")
            col = table.c[order.lstrip("-")] if order.lstrip("-") in table.c else None
            if col is None:
                raise SitrepError(f"{order}: cannot sort {kind} records by this", input=order, reason="bad_sort")
            q = q.order_by(col.desc() if desc else col, table.c.id)
        else:
            q = q.order_by(table.c.doc_id, table.c.start, table.c.id)
        if limit is not None:
            q = q.limit(limit).offset(offset)
            return self._records_sorted_ids(kind, q)
        cls = CLASS_OF[kind]
        with self.engine.connect() as conn:   # every record: one query
            return [from_dict(cls, r.data) for r in conn.execute(q)]

    def count(self, kind: str, /, **filters: Any) -> int:
        q = self._records_query(kind, **filters)
        table = S.RECORD_TABLES[kind]
        with self.engine.connect() as conn:   # count ids only: never read the JSON of every row
            return conn.execute(q.with_only_columns(func.count(), maintain_column_froms=True)
                                ).scalar_one()

    def _records_query(self, kind: str, /, since: str | None = None, until: str | None = None, **filters: Any):
        if kind not in S.RECORD_TABLES:
            raise SitrepError(f"{kind}: no such record kind (one of {', '.join(S.RECORD_TABLES)})",
                              input=kind, reason="bad_kind")
        table = S.RECORD_TABLES[kind]
        q = select(table.c.data, table.c.id)
        for key, val in filters.items():
            if val is None:
                continue
            if key not in _FILTERS or _FILTERS[key][0] not in table.c:
                raise SitrepError(f"{key}: {kind} records cannot be filtered by this", input=key,
                                  reason="bad_filter")
            col = table.c[_FILTERS[key][0]]
            how = _FILTERS[key][1]
            if how == "eq":
                q = q.where(col == val)
            elif how == "ieq":
                q = q.where(func.lower(col) == str(val).lower())
            elif how == "prefix":
                q = q.where(or_(col == val, col.like(_like_prefix(str(val) + " "), escape="\\")))
            elif how == "ilike":
                pat = "%" + _like_escape(str(val).lower()) + "%"
                if key == "source" and "source_names" in table.c:   # any of a joint attribution's sources
                    q = q.where(or_(func.lower(col).like(pat, escape="\\"),
                                    func.lower(table.c.source_names).like(pat, escape="\\")))
                else:
                    q = q.where(func.lower(col).like(pat, escape="\\"))
        if since or until:
            d = S.documents
            q = q.join(d, d.c.id == table.c.doc_id)
            if since:
                q = q.where(d.c.published >= since)
            if until:
                q = q.where(d.c.published <= until)
        return q

    def relations(self, *, type: str | None = None, code: str | None = None) -> list[Relation]:
        """Relations aggregated over all documents: one per (type, from, to), with
        every piece of evidence and the items named."""
        t = S.relation_evidence
        q = select(t.c.type, t.c.from_code, t.c.to_code, t.c.item, t.c.doc_id, t.c.start, t.c.end, t.c.data)
        if type:
            q = q.where(t.c.type == type)
        if code:
            q = q.where(or_(t.c.from_code == code, t.c.to_code == code))
        groups: dict[tuple, dict] = {}
        with self.engine.connect() as conn:
            for r in conn.execute(q.order_by(t.c.type, t.c.from_code, t.c.to_code, t.c.doc_id, t.c.start)):
                g = groups.setdefault((r.type, r.from_code, r.to_code), {"items": [], "evidence": []})
                if r.item and r.item not in g["items"]:
                    g["items"].append(r.item)
                ev = (r.data or {}).get("evidence") or [{"doc_id": r.doc_id, "start": r.start, "end": r.end}]
                for e in ev:
                    g["evidence"].append(Evidence(e["doc_id"], e["start"], e["end"], e.get("text", "")))
        return [Relation(id=record_id("relation", "", ty, f, to), type=ty, from_=f, to=to,
                         item="; ".join(g["items"]) or None, evidence=tuple(g["evidence"]))
                for (ty, f, to), g in groups.items()]

    def rejects(self, limit: int = 100) -> list[dict]:
        with self.engine.connect() as conn:
            return [dict(r) for r in conn.execute(select(S.rejects).order_by(S.rejects.c.id.desc())
                                                  .limit(limit)).mappings()]

    def pages(self) -> list[dict]:
        with self.engine.connect() as conn:
            return [{"source": r.source, **(r.data or {})} for r in conn.execute(select(S.pages))]

    def stats(self) -> dict[str, int]:
        out = {}
        with self.engine.connect() as conn:
            out["documents"] = conn.execute(select(func.count()).select_from(S.documents)).scalar_one()
            out["sources"] = conn.execute(select(func.count()).select_from(S.document_sources)).scalar_one()
            for kind, table in S.RECORD_TABLES.items():
                out[kind] = conn.execute(select(func.count()).select_from(table)).scalar_one()
            out["rejects"] = conn.execute(select(func.count()).select_from(S.rejects)).scalar_one()
            out["tracks"] = conn.execute(select(func.count()).select_from(S.tracks)).scalar_one()
            out["storylines"] = conn.execute(select(func.count()).select_from(S.storylines)).scalar_one()
        return out


def _rows_for(kind: str, table, rec, doc_id: str) -> Iterable[dict]:
    data = as_dict(rec)
    if kind == "relation":
        for ev in rec.evidence or (Evidence(doc_id, 0, 0),):
            yield {"id": record_id("relation", doc_id, rec.type, rec.from_, rec.to, ev.start, ev.end),
                   "doc_id": ev.doc_id or doc_id, "start": ev.start, "end": ev.end, "type": rec.type,
                   "from_code": rec.from_, "to_code": rec.to, "item": rec.item,
                   "data": {**data, "evidence": [as_dict(ev)]}}
        return
    row = {"data": data}
    for col in table.c:
        if col.name == "data":
            continue
        if col.name in ("start", "end") and col.name not in data:
            row[col.name] = getattr(rec, col.name, None)
        elif col.name in data:
            row[col.name] = data[col.name]
    if "source_names" in table.c:
        row["source_names"] = source_names(rec)
    row["doc_id"] = doc_id
    yield row


def source_names(rec) -> str | None:
    """Every source of a claim or figure as one text: the source, then its co-sources
    ("Antony Blinken; Lloyd Austin"), for the ``source_names`` column."""
    names = [rec.source] if rec.source else []
    names += [s.name for s in getattr(rec, "co_sources", ()) if s.name not in names]
    return "; ".join(names) or None


def _doc_from_row(r) -> Document:
    data = dict(r["data"] or {})
    data.update(id=r["id"], text=r["text"])
    return from_dict(Document, data)


def _like_escape(s: str) -> str:
    return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _like_prefix(s: str) -> str:
    return _like_escape(s) + "%"


def _short(e: Exception) -> str:
    return str(e).splitlines()[0][:200]


def open_store(url: str | None = None, **kw: Any) -> Store:
    from .. import settings
    return Store(url or settings.get("db"), **kw)
