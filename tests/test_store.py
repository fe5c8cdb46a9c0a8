"""The store on a SQLite file and on PostgreSQL: documents, dedup with every
source recorded, records, full-text search, migrations, rejects, pages and the
JSONL export contract (../shared/docs/export-format.md)."""
from __future__ import annotations

import io
import json
import re
from pathlib import Path

import pytest

from sitrep import core, export
from sitrep.model import (Claim, DateRef, Document, Entity, Evidence, Event, Mention, PageInfo, Place, Quantity,
                          Records, Rejected, Relation, record_id)
from sitrep.store import Store
from sitrep.store.migrations import MIGRATIONS

DATA = Path(__file__).parent / "data"

TEXT = ("Officials in Kyiv said 40 drones hit the town of Shostka overnight. "
        "Iran supplies drone engines to Russia, a report said.")


def _doc(text=TEXT, **kw) -> Document:
    return Document.new(text, title=kw.pop("title", "Drones Hit Shostka"), **kw)


def _span(doc: Document, s: str) -> tuple[int, int]:
    i = doc.text.index(s)
    return i, i + len(s)


def _records(doc: Document) -> Records:
    r = Records(doc.id)
    s, e = _span(doc, "Kyiv")
    r.places.append(Place(record_id("place", doc.id, s), doc.id, "Kyiv", "city", "UKR", 50.45, 30.52,
                          (Mention(s, e, "Kyiv"),)))
    s, e = _span(doc, "Iran")
    r.entities.append(Entity(record_id("entity", doc.id, "Iran"), doc.id, "Iran", "GPE", "IRN",
                             mentions=(Mention(s, e, "Iran"),)))
    s, e = _span(doc, "40 drones")
    r.quantities.append(Quantity(record_id("quantity", doc.id, s), doc.id, s, e, "40 drones", value=40,
                                 unit="drones", unit_class="drones", source="Officials", hedge="asserted"))
    s, e = _span(doc, "overnight")
    r.dates.append(DateRef(record_id("date", doc.id, s), doc.id, s, e, "overnight"))
    s, e = _span(doc, "40 drones hit the town of Shostka overnight")
    r.claims.append(Claim(record_id("claim", doc.id, s), doc.id, s, e, doc.text[s:e], source="Officials",
                          cue="said", hedge="asserted"))
    r.events.append(Event(record_id("event", doc.id, s), doc.id, s, e, doc.text[s:e], "ASSAULT", actor="RUS",
                          target="UKR", location="Shostka"))
    s, e = _span(doc, "Iran supplies drone engines to Russia")
    r.relations.append(Relation(record_id("relation", doc.id, s), "SUPPLIES", "IRN", "RUS", "drone engines",
                                (Evidence(doc.id, s, e),)))
    return r


def test_add_and_read_document(any_store):
    d = _doc(source="a.txt", source_id="x-1", category="Frontline", published="2024-11-02")
    assert any_store.add([(d, None)]) == [(d.id, True)]
    got = any_store.document(d.id)
    assert got == d
    assert any_store.document(d.id[:6]).id == d.id           # id prefix
    assert any_store.document("x-1").id == d.id               # source id
    assert any_store.documents(category="Frontline")[0].id == d.id


def test_same_content_twice_adds_nothing(any_store):
    d = _doc(source="a.txt")
    any_store.add([(d, _records(d))])
    before = any_store.stats()
    assert any_store.add([(d, _records(d))]) == [(d.id, False)]
    assert any_store.stats() == before


def test_same_article_two_sources_kept_once(any_store):
    a = _doc(source="https://one.example/a", source_id="one-1")
    # the same article with other whitespace, quotes and case normalizes to the same id
    b = _doc(text=TEXT.replace(" ", "  ").upper(), source="https://two.example/b", source_id="two-9")
    assert a.id == b.id
    res = any_store.add([(a, None), (b, None)])
    assert res == [(a.id, True), (a.id, False)]
    assert any_store.stats()["documents"] == 1
    srcs = any_store.sources_of(a.id)
    assert sorted((s["source"], s["source_id"]) for s in srcs) == [("https://one.example/a", "one-1"),
                                                                    ("https://two.example/b", "two-9")]


def test_dedup_through_ingest(any_store, tmp_path):
    copy = tmp_path / "copy.txt"
    copy.write_bytes((DATA / "pages" / "single-article.txt").read_bytes())
    r1 = core.ingest([str(DATA / "pages" / "single-article.txt")], any_store, extract=False)
    r2 = core.ingest([str(DATA / "pages" / "single-article.txt"), str(copy)], any_store, extract=False)
    assert len(r1.new) == 1 and r2.new == [] and len(r2.duplicates) == 2
    assert any_store.stats()["documents"] == 1
    assert len(any_store.sources_of(r1.new[0])) == 2


def test_records_roundtrip_offsets_and_filters(any_store):
    d = _doc()
    any_store.add([(d, _records(d))])
    for kind in ("entity", "place", "date", "quantity", "claim", "event"):
        recs = any_store.records(kind)
        assert len(recs) == 1, kind
        r = recs[0]
        if hasattr(r, "mentions"):
            assert all(d.text[m.start:m.end] == m.text for m in r.mentions)
        else:
            assert d.text[r.start:r.end] == r.text
    assert any_store.records("quantity", unit="DRONES")[0].value == 40
    assert any_store.records("event", actor="RUS")[0].location == "Shostka"
    assert any_store.records("entity", code="IRN")[0].name == "Iran"
    assert any_store.count("claim", hedge="asserted") == 1
    [rel] = any_store.relations(type="SUPPLIES")
    assert (rel.from_, rel.to, rel.item) == ("IRN", "RUS", "drone engines")
    ev = rel.evidence[0]
    assert d.text[ev.start:ev.end] == "Iran supplies drone engines to Russia"


def test_relations_aggregate_over_documents(any_store):
    d1 = _doc()
    d2 = _doc(text="Another report: Iran supplies drone engines to Russia by sea.")
    r2 = Records(d2.id)
    s, e = _span(d2, "Iran supplies drone engines to Russia")
    r2.relations.append(Relation("r2", "SUPPLIES", "IRN", "RUS", "engines", (Evidence(d2.id, s, e),)))
    any_store.add([(d1, _records(d1)), (d2, r2)])
    [rel] = any_store.relations(type="SUPPLIES")
    assert {ev.doc_id for ev in rel.evidence} == {d1.id, d2.id}
    assert rel.item == "drone engines; engines"


def test_full_text_search(any_store):
    docs = [_doc(), _doc(text="Grain ships left the port of Odesa despite missile strikes.", title="Grain")]
    any_store.add([(d, None) for d in docs])
    hits = any_store.search("drones Shostka")
    assert [h["doc_id"] for h in hits] == [docs[0].id]
    assert "[" in hits[0]["snippet"]
    assert [h["doc_id"] for h in any_store.search("grain ships")] == [docs[1].id]
    assert any_store.search("submarine") == []
    assert any_store.search('"; DROP TABLE documents; --') == []   # user text never becomes SQL
    assert any_store.stats()["documents"] == 2


def test_migrations_recorded(any_store):
    assert any_store.schema_version() == MIGRATIONS[-1][0]
    from sqlalchemy import select

    from sitrep.store import schema as S
    with any_store.engine.connect() as conn:
        rows = conn.execute(select(S.schema_migrations)).mappings().all()
    assert [r["version"] for r in rows] == [m[0] for m in MIGRATIONS]
    assert all(r["name"] and r["applied_at"] for r in rows)


def test_reopen_does_not_migrate_again(tmp_path):
    url = str(tmp_path / "re.db")
    with Store(url) as s:
        s.add([(_doc(), None)])
    with Store(url) as s:
        assert s.schema_version() == MIGRATIONS[-1][0]
        assert s.stats()["documents"] == 1


def test_rejects_and_pages_are_data(any_store):
    any_store.add_reject(Rejected("bad.xml", "not_xml", "no markup"))
    info = PageInfo("page.txt", ({"category": "Analysis", "age": "3 weeks ago", "headline": "H"},))
    any_store.add_page(info)
    any_store.add_page(info)                 # re-ingesting a page replaces its sidebar
    any_store.add_page(PageInfo("other.txt", info.sidebar, "Trending"))
    assert [(r["input"], r["reason"]) for r in any_store.rejects()] == [("bad.xml", "not_xml")]
    assert sorted(any_store.pages(), key=lambda p: p["source"]) == [
        {"source": "other.txt", "sidebar": [dict(info.sidebar[0])], "title": "Trending"},
        {"source": "page.txt", "sidebar": [dict(info.sidebar[0])]}]


def _contract_fields(shared: Path) -> dict[str, list[str]]:
    out = {}
    for line in (shared / "docs" / "export-format.md").read_text(encoding="utf-8").splitlines():
        m = re.match(r"\|\s*(\w+)\s*\|(.*)\|\s*$", line)
        if m and m.group(1) not in ("kind",):
            out[m.group(1)] = re.findall(r"`(\w+)`", re.sub(r"\([^)]*\)", "", m.group(2)))
    return out


def test_export_jsonl_follows_contract(any_store, shared):
    fields = _contract_fields(shared)
    assert "document" in fields and "quantity" in fields
    d = _doc(source="a.txt", source_id="s1", published="2024-11-02", category="Frontline")
    any_store.add([(d, _records(d))])
    buf = io.StringIO()
    n = export.write_jsonl(any_store, buf)
    lines = [json.loads(x) for x in buf.getvalue().splitlines()]
    assert n == len(lines) == 8
    kinds = {rec["kind"] for rec in lines}
    assert kinds == {"document", "entity", "place", "date", "quantity", "claim", "event", "relation"}
    for rec in lines:
        # every line's ``kind`` is the record kind; a place's own kind is ``place_kind``
        want = ["place_kind" if (rec["kind"] == "place" and f == "kind") else f for f in fields.get(rec["kind"], [])]
        missing = [f for f in want if f not in rec]
        assert not missing, (rec["kind"], missing)
    doc = next(r for r in lines if r["kind"] == "document")
    assert doc["text"] == d.text and doc["source_id"] == "s1" and doc["published"] == "2024-11-02"
    q = next(r for r in lines if r["kind"] == "quantity")
    assert d.text[q["start"]:q["end"]] == q["text"]
    assert next(r for r in lines if r["kind"] == "place")["place_kind"] == "city"
    rel = next(r for r in lines if r["kind"] == "relation")
    assert rel["from"] == "IRN" and rel["evidence"][0]["doc_id"] == d.id


def test_export_csv_documents(any_store):
    d = _doc(source="a.txt")
    any_store.add([(d, None)])
    buf = io.StringIO()
    assert export.write_csv(any_store, buf, "document") == 1
    header = buf.getvalue().splitlines()[0].split(",")
    assert header[:7] == ["id", "source_id", "title", "category", "published", "source", "text"]


JOINT = "Oskar Vale and Ada Brenn said 40 drones hit the depot at Krell overnight."


def _joint_records(doc: Document) -> Records:
    """A claim and its figure given by two sources: the first in ``source``, the other a co-source."""
    from sitrep.model import SourceRef
    r = Records(doc.id)
    a, b = _span(doc, "Oskar Vale")
    s, e = _span(doc, "Ada Brenn")
    co = (SourceRef("Ada Brenn", s, e, "Ada Brenn", code="XYZ", kind="named", entity_id="e-brenn"),)
    cs, ce = _span(doc, "40 drones hit the depot at Krell overnight")
    claim = Claim(record_id("claim", doc.id, cs), doc.id, cs, ce, doc.text[cs:ce], source="Oskar Vale",
                  source_start=a, source_end=b, cue="said", hedge="asserted", co_sources=co)
    r.claims.append(claim)
    qs, qe = _span(doc, "40 drones")
    r.quantities.append(Quantity(record_id("quantity", doc.id, qs), doc.id, qs, qe, "40 drones", value=40,
                                 unit="drones", unit_class="drones", source="Oskar Vale", claim_id=claim.id,
                                 hedge="asserted", co_sources=co))
    return r


def test_joint_sources_roundtrip_filter_and_export(any_store):
    d = _doc(text=JOINT)
    recs = _joint_records(d)
    any_store.add([(d, recs)])
    assert any_store.records("claim") == recs.claims          # co-sources come back as SourceRef
    assert any_store.records("quantity") == recs.quantities
    [c] = any_store.records("claim", source="brenn")           # either source finds the claim
    assert c.source == "Oskar Vale" and d.text[c.co_sources[0].start:c.co_sources[0].end] == "Ada Brenn"
    assert any_store.count("claim", source="Vale") == 1 and any_store.count("claim", source="Kirby") == 0
    assert [q.value for q in any_store.records("quantity", source="Ada Brenn")] == [40]
    from sqlalchemy import select

    from sitrep.store import schema as S
    with any_store.engine.connect() as conn:
        assert conn.execute(select(S.claims.c.source, S.claims.c.source_names)).one() == \
            ("Oskar Vale", "Oskar Vale; Ada Brenn")
    lines = [json.loads(x) for x in _jsonl(any_store).splitlines()]
    for kind in ("claim", "quantity"):
        rec = next(x for x in lines if x["kind"] == kind)
        assert rec["source"] == "Oskar Vale"                   # the contract's field keeps one name
        assert rec["co_sources"] == [{"name": "Ada Brenn", "start": JOINT.index("Ada"), "end": JOINT.index("Ada") + 9,
                                      "text": "Ada Brenn", "code": "XYZ", "kind": "named", "entity_id": "e-brenn"}]


def _jsonl(store) -> str:
    buf = io.StringIO()
    export.write_jsonl(store, buf)
    return buf.getvalue()


def test_migration_5_adds_and_fills_source_names_on_an_older_store(any_store):
    """A store of schema version 4 (no source_names) gets the column, filled from ``source``."""
    from sqlalchemy import select, text

    from sitrep.store import schema as S
    from sitrep.store.migrations import migrate
    d = _doc()
    any_store.add([(d, _records(d))])
    with any_store.engine.begin() as conn:        # back to version 4
        for table in ("claims", "quantities"):
            conn.execute(text(f"ALTER TABLE {table} DROP COLUMN source_names"))
        conn.execute(text("DELETE FROM schema_migrations WHERE version >= 5"))
    with any_store.engine.begin() as conn:
        assert migrate(conn)[0] == 5
    with any_store.engine.connect() as conn:
        assert conn.execute(select(S.claims.c.source_names)).scalar_one() == "Officials"
        assert conn.execute(select(S.quantities.c.source_names)).scalar_one() == "Officials"
    assert any_store.schema_version() == MIGRATIONS[-1][0]
    assert any_store.count("claim", source="officials") == 1
