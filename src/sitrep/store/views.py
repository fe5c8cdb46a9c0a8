"""Read views of the store for the web workspace and the exports: tracks and
storylines, document metadata for a page of records, facets for filter menus,
event counts by type and day, and map points.

A mixin of ``Store`` (it uses ``self.engine`` and ``self.dialect``). Every
query is built by SQLAlchemy with bound parameters; column names that come
from a request are looked up in a fixed table, never pasted into SQL.
"""
from __future__ import annotations

from typing import Any, Iterable

from sqlalchemy import and_, delete, func, insert, or_, select, tuple_

from ..errors import SitrepError
from ..model import CLASS_OF, Evidence, Relation, Storyline, Track, as_dict, from_dict, record_id
from . import schema as S

#: columns a facet (the distinct values of a filter menu) may be asked of, per kind
FACETS = {
    "entity": ("type", "code"), "place": ("kind", "country"),
    "quantity": ("source", "hedge", "unit", "unit_class", "approx"),
    "claim": ("source", "hedge", "cue"), "event": ("type", "actor", "target", "location"),
    "relation": ("type", "from_code", "to_code"),
}


def documents_filter(q, since: str | None, until: str | None, category: str | None):
    """Narrow a query over ``documents`` by publication date range and category."""
    d = S.documents
    if since:
        q = q.where(d.c.published >= since)
    if until:
        q = q.where(d.c.published <= until)
    if category:
        q = q.where(d.c.category == category)
    return q


class ViewsMixin:
    engine: Any
    dialect: str

    # ------------------------------------------------------------ documents
    def count_documents(self, *, since: str | None = None, until: str | None = None,
                        category: str | None = None) -> int:
        q = documents_filter(select(func.count()).select_from(S.documents), since, until, category)
        with self.engine.connect() as conn:
            return conn.execute(q).scalar_one()

    def doc_meta(self, doc_ids: Iterable[str], *, with_text: bool = True) -> dict[str, dict]:
        """``{doc_id: {title, published, source, text}}`` for a page of records."""
        ids = sorted(set(doc_ids))
        if not ids:
            return {}
        d = S.documents
        cols = [d.c.id, d.c.title, d.c.published, d.c.source] + ([d.c.text] if with_text else [])
        out: dict[str, dict] = {}
        with self.engine.connect() as conn:
            for i in range(0, len(ids), 500):
                for r in conn.execute(select(*cols).where(d.c.id.in_(ids[i:i + 500]))).mappings():
                    out[r["id"]] = dict(r)
        return out

    def records_by_ids(self, kind: str, ids: Iterable[str]) -> list[Any]:
        """Records of one kind by id, in the order of ``ids`` (unknown ids are skipped)."""
        if kind not in S.RECORD_TABLES:
            raise SitrepError(f"{kind}: no such record kind", input=kind, reason="bad_kind")
        ids = list(dict.fromkeys(ids))
        t = S.RECORD_TABLES[kind]
        found: dict[str, Any] = {}
        with self.engine.connect() as conn:
            for i in range(0, len(ids), 500):
                for r in conn.execute(select(t.c.id, t.c.data).where(t.c.id.in_(ids[i:i + 500]))):
                    found[r.id] = from_dict(CLASS_OF[kind], r.data)
        return [found[i] for i in ids if i in found]

    def _records_by_published(self, kind: str, desc: bool, limit: int | None, offset: int, since: str | None,
                              until: str | None, filters: dict) -> list[Any]:
        """Records in their documents' publication order (newest first when ``desc``).

        Sorting every record by a joined column would read them all; instead the
        newest (or oldest) K documents come from the publication-date index and only
        their records are read and sorted, K growing fourfold until the page is full
        or every document was taken. Ties in the date are broken by document id, then
        offset, so pages never overlap."""
        d = S.documents
        t = S.RECORD_TABLES[kind]
        pub = d.c.published.desc() if desc else d.c.published
        n_docs = None
        k = 256
        while True:
            docs_q = select(d.c.id)
            if since:
                docs_q = docs_q.where(d.c.published >= since)
            if until:
                docs_q = docs_q.where(d.c.published <= until)
            whole = limit is None or (n_docs is not None and k >= n_docs)
            if not whole:
                docs_q = docs_q.order_by(pub, d.c.id).limit(k)
            q = self._records_query(kind, **filters).join(d, d.c.id == t.c.doc_id)
            q = q.where(t.c.doc_id.in_(docs_q.scalar_subquery())).order_by(pub, d.c.id, t.c.start, t.c.id)
            if limit is not None:
                q = q.limit(limit).offset(offset)
            recs = self._records_sorted_ids(kind, q)
            if whole or len(recs) >= limit:
                return recs
            if n_docs is None:
                n_docs = self.count_documents(since=since, until=until)
            k *= 4

    def _records_sorted_ids(self, kind: str, q) -> list[Any]:
        """Run a sorted, paged record query in two steps: sort and page the ids only,
        then read the JSON of that page (sorting rows with their JSON is what is slow)."""
        t = S.RECORD_TABLES[kind]
        with self.engine.connect() as conn:
            ids = list(conn.execute(q.with_only_columns(t.c.id, maintain_column_froms=True)).scalars())
            if not ids:
                return []
            data: dict[str, Any] = {}
            for i in range(0, len(ids), 500):
                for r in conn.execute(select(t.c.id, t.c.data).where(t.c.id.in_(ids[i:i + 500]))):
                    data[r.id] = r.data
        cls = CLASS_OF[kind]
        return [from_dict(cls, data[i]) for i in ids if i in data]

    def count_upto(self, kind: str, cap: int, /, **filters: Any) -> tuple[int, bool]:
        """``(n, exact)``: the number of matching records, counting no further than
        ``cap`` (then ``(cap, False)``) -- an exact count of a substring filter over
        millions of rows would read them all for a number nobody needs exactly."""
        t = S.RECORD_TABLES[kind]
        q = self._records_query(kind, **filters).with_only_columns(t.c.id, maintain_column_froms=True)
        with self.engine.connect() as conn:
            n = conn.execute(select(func.count()).select_from(q.limit(cap + 1).subquery())).scalar_one()
        return (n, True) if n <= cap else (cap, False)

    # ------------------------------------------------------------ facets and counts
    def facets(self, kind: str, column: str, *, limit: int = 200) -> list[dict]:
        """Distinct values of one filter column with their counts, most common first."""
        if kind not in FACETS or column not in FACETS[kind]:
            raise SitrepError(f"{kind}.{column}: no facet for this (facets: "
                              + ", ".join(f"{k}.{c}" for k, cs in FACETS.items() for c in cs) + ")",
                              input=f"{kind}.{column}", reason="bad_facet")
        t = S.RECORD_TABLES[kind]
        col = t.c[column]
        n = func.count().label("n")
        q = (select(col.label("value"), n).where(col.is_not(None)).group_by(col)
             .order_by(n.desc(), col).limit(limit))
        with self.engine.connect() as conn:
            return [{"value": r.value, "count": r.n} for r in conn.execute(q)]

    def event_counts(self, *, since: str | None = None, until: str | None = None,
                     type: str | None = None, actor: str | None = None) -> list[dict]:
        """Events per (type, day): the event's own date, else its document's publication date."""
        e, d = S.events, S.documents
        day = func.coalesce(e.c.date, d.c.published)
        q = select(e.c.type, day.label("day"), func.count().label("n")).select_from(
            e.join(d, d.c.id == e.c.doc_id))
        if since:
            q = q.where(day >= since)
        if until:
            q = q.where(day <= until)
        if type:
            q = q.where(e.c.type == type)
        if actor:
            q = q.where(e.c.actor == actor)
        q = q.group_by(e.c.type, day).order_by(day, e.c.type)
        with self.engine.connect() as conn:
            return [{"type": r.type, "day": (r.day or "")[:10] or None, "count": r.n} for r in conn.execute(q)]

    def place_points(self, *, country: str | None = None, limit: int = 5000) -> list[dict]:
        """Geocoded places aggregated by (name, country, lat, lon), with how many
        records and documents name them."""
        p = S.places
        n = func.count().label("n")
        q = (select(p.c.name, p.c.kind, p.c.country, p.c.lat, p.c.lon, n,
                    func.count(p.c.doc_id.distinct()).label("docs"))
             .where(and_(p.c.lat.is_not(None), p.c.lon.is_not(None)))
             .group_by(p.c.name, p.c.kind, p.c.country, p.c.lat, p.c.lon).order_by(n.desc()).limit(limit))
        if country:
            q = q.where(p.c.country == country)
        with self.engine.connect() as conn:
            return [{"name": r.name, "kind": r.kind, "country": r.country, "lat": r.lat, "lon": r.lon,
                     "count": r.n, "documents": r.docs} for r in conn.execute(q)]

    def event_points(self, *, type: str | None = None, limit: int = 5000) -> list[dict]:
        """Events whose location is (by name, exactly, so the (doc_id, name) index
        serves the join) a geocoded place of the same document, aggregated by
        (location, type) with their coordinates."""
        e, p = S.events, S.places
        n = func.count(e.c.id.distinct()).label("n")
        q = (select(e.c.location, e.c.type, func.min(p.c.lat).label("lat"), func.min(p.c.lon).label("lon"),
                    func.min(p.c.country).label("country"), n)
             .select_from(e.join(p, and_(p.c.doc_id == e.c.doc_id, p.c.name == e.c.location)))
             .where(and_(p.c.lat.is_not(None), p.c.lon.is_not(None)))
             .group_by(e.c.location, e.c.type).order_by(n.desc()).limit(limit))
        if type:
            q = q.where(e.c.type == type)
        with self.engine.connect() as conn:
            return [{"location": r.location, "type": r.type, "lat": r.lat, "lon": r.lon, "country": r.country,
                     "count": r.n} for r in conn.execute(q)]

    # ------------------------------------------------------------ relations, a page at a time
    def relation_edges(self, *, type: str | None = None, code: str | None = None, limit: int = 500,
                       offset: int = 0, evidence: int = 10) -> tuple[list[tuple[Relation, int]], int]:
        """Relations aggregated in SQL, most evidenced first: ``([(relation, n_evidence)], n_relations)``;
        each relation carries at most ``evidence`` pieces of its evidence (the first by document and
        offset) and up to 20 distinct items. Unlike ``relations()``, it never loads every row."""
        t = S.relation_evidence
        keys = (t.c.type, t.c.from_code, t.c.to_code)
        cond = []
        if type:
            cond.append(t.c.type == type)
        if code:
            cond.append(or_(t.c.from_code == code, t.c.to_code == code))
        n = func.count().label("n")
        q = select(*keys, n).where(*cond).group_by(*keys)
        with self.engine.connect() as conn:
            total = conn.execute(select(func.count()).select_from(q.subquery())).scalar_one()
            groups = conn.execute(q.order_by(n.desc(), *keys).limit(limit).offset(offset)).all()
            if not groups:
                return [], total
            wanted = [tuple(g[:3]) for g in groups]
            rn = func.row_number().over(partition_by=keys, order_by=(t.c.doc_id, t.c.start)).label("rn")
            inner = (select(*keys, t.c.item, t.c.doc_id, t.c.start, t.c.end, rn)
                     .where(tuple_(*keys).in_(wanted)).subquery())
            rows = conn.execute(select(inner).where(inner.c.rn <= max(evidence, 20))
                                .order_by(inner.c.type, inner.c.from_code, inner.c.to_code, inner.c.rn)).all()
        ev: dict[tuple, list[Evidence]] = {}
        items: dict[tuple, list[str]] = {}
        for r in rows:
            k = (r.type, r.from_code, r.to_code)
            if r.rn <= evidence:
                ev.setdefault(k, []).append(Evidence(r.doc_id, r.start, r.end))
            if r.item and r.item not in items.setdefault(k, []):
                items[k].append(r.item)
        out = []
        for g in groups:
            k = tuple(g[:3])
            rel = Relation(id=record_id("relation", "", *k), type=k[0], from_=k[1], to=k[2],
                           item="; ".join(items.get(k, [])) or None, evidence=tuple(ev.get(k, ())))
            out.append((rel, g.n))
        return out, total

    # ------------------------------------------------------------ tracks and storylines
    def tracks(self, *, limit: int | None = None, offset: int = 0) -> list[Track]:
        """Figure tracks (written by the triangulation stage), members included."""
        t, m = S.tracks, S.track_members
        q = select(t).order_by(t.c.name, t.c.id)
        if limit is not None:
            q = q.limit(limit).offset(offset)
        with self.engine.connect() as conn:
            rows = conn.execute(q).mappings().all()
            ids = [r["id"] for r in rows]
            members: dict[str, list[tuple[str, str | None]]] = {}
            if ids:
                for r in conn.execute(select(m.c.track_id, m.c.quantity_id, m.c.why)
                                      .where(m.c.track_id.in_(ids)).order_by(m.c.track_id, m.c.quantity_id)):
                    members.setdefault(r.track_id, []).append((r.quantity_id, r.why))
        out = []
        for r in rows:
            data = dict(r["data"] or {})
            data.update(id=r["id"], name=r["name"], unit=r["unit"], subject=r["subject"])
            mem = members.get(r["id"], [])
            if mem and not data.get("quantities"):
                data["quantities"] = [q for q, _ in mem]
                data["why"] = [w or "" for _, w in mem]
            out.append(from_dict(Track, data))
        return out

    def count_tracks(self) -> int:
        with self.engine.connect() as conn:
            return conn.execute(select(func.count()).select_from(S.tracks)).scalar_one()

    def storylines(self, *, limit: int | None = None, offset: int = 0) -> list[Storyline]:
        s, m = S.storylines, S.storyline_documents
        q = select(s).order_by(s.c.name, s.c.id)
        if limit is not None:
            q = q.limit(limit).offset(offset)
        with self.engine.connect() as conn:
            rows = conn.execute(q).mappings().all()
            docs: dict[str, list[str]] = {}
            ids = [r["id"] for r in rows]
            if ids:
                for r in conn.execute(select(m.c.storyline_id, m.c.doc_id).where(m.c.storyline_id.in_(ids))
                                      .order_by(m.c.storyline_id, m.c.doc_id)):
                    docs.setdefault(r.storyline_id, []).append(r.doc_id)
        out = []
        for r in rows:
            data = dict(r["data"] or {})
            data.update(id=r["id"], name=r["name"])
            if not data.get("documents"):
                data["documents"] = docs.get(r["id"], [])
            out.append(from_dict(Storyline, data))
        return out

    def count_storylines(self) -> int:
        with self.engine.connect() as conn:
            return conn.execute(select(func.count()).select_from(S.storylines)).scalar_one()

    def replace_tracks(self, tracks: Iterable[Track]) -> int:
        """Drop all tracks and store these (with their member rows)."""
        n = 0
        with self.engine.begin() as conn:
            conn.execute(delete(S.track_members))
            conn.execute(delete(S.tracks))
            for tr in tracks:
                conn.execute(insert(S.tracks).values(id=tr.id, name=tr.name, unit=tr.unit, subject=tr.subject,
                                                     data=as_dict(tr)))
                whys = list(tr.why) + [""] * (len(tr.quantities) - len(tr.why))
                rows = [{"track_id": tr.id, "quantity_id": q, "why": w}
                        for q, w in dict(zip(tr.quantities, whys)).items()]
                if rows:
                    conn.execute(insert(S.track_members), rows)
                n += 1
        return n

    def replace_storylines(self, storylines: Iterable[Storyline]) -> int:
        n = 0
        with self.engine.begin() as conn:
            conn.execute(delete(S.storyline_documents))
            conn.execute(delete(S.storylines))
            for st in storylines:
                conn.execute(insert(S.storylines).values(id=st.id, name=st.name, data=as_dict(st)))
                rows = [{"storyline_id": st.id, "doc_id": d} for d in dict.fromkeys(st.documents)]
                if rows:
                    conn.execute(insert(S.storyline_documents), rows)
                n += 1
        return n

