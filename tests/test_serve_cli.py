"""`sitrep serve` refuses to bind off loopback without a token; `sitrep export`
writes GeoJSON, GraphML and the events CSV; the store's read views work on
SQLite and PostgreSQL alike."""
from __future__ import annotations

import csv
import io
import json

import pytest
from click.testing import CliRunner

from sitrep.cli import cli
from sitrep.serve.commands import is_loopback
from sitrep.store import Store
from web_store import build_store


@pytest.fixture
def db(tmp_path):
    path = str(tmp_path / "cli.db")
    with Store(path) as s:
        build_store(s)
    return path


def test_loopback_names():
    assert all(is_loopback(h) for h in ["127.0.0.1", "127.0.0.2", "localhost", "::1", "[::1]"])
    assert not any(is_loopback(h) for h in ["0.0.0.0", "192.168.1.5", "::", "example.org"])


def test_serve_off_loopback_needs_a_token(db):
    r = CliRunner().invoke(cli, ["--db", db, "serve", "--host", "0.0.0.0"], obj={})
    assert r.exit_code == 1
    assert "requires --token" in r.output
    r = CliRunner().invoke(cli, ["--db", db, "serve", "--host", "0.0.0.0", "--token", "short"], obj={})
    assert r.exit_code == 1 and "at least 8" in r.output


def test_export_formats(db, tmp_path):
    run = CliRunner()
    r = run.invoke(cli, ["--db", db, "export", "--format", "geojson"], obj={})
    assert r.exit_code == 0, r.output
    gj = json.loads(r.output)
    assert gj["type"] == "FeatureCollection" and len(gj["features"]) == 6 + 5
    out = tmp_path / "net.graphml"
    r = run.invoke(cli, ["--db", db, "export", "--format", "graphml", "--out", str(out)], obj={})
    assert r.exit_code == 0 and out.read_text().count("<edge ") == 4
    r = run.invoke(cli, ["--db", db, "export", "--format", "events-csv"], obj={})
    rows = list(csv.DictReader(io.StringIO(r.output)))
    assert len(rows) == 6 and {"event_date", "actor1", "actor2", "latitude", "longitude"} <= set(rows[0])
    r = run.invoke(cli, ["--db", db, "export", "--format", "jsonl", "--kind", "track"], obj={})
    assert json.loads(r.output.splitlines()[0])["kind"] == "track"
    r = run.invoke(cli, ["--db", db, "places", "--kind", "region", "--json"], obj={})
    assert r.exit_code == 0 and json.loads(r.output)[0]["name"] == "Kursk"


def test_views_on_each_backend(any_store):
    build_store(any_store)
    s = any_store
    assert s.count_documents() == 4 and s.count_documents(since="2024-11-12") == 2
    assert {f["value"] for f in s.facets("claim", "hedge")} == {"asserted", "unverified", "denied"}
    assert sum(c["count"] for c in s.event_counts()) == 6
    assert {p["name"] for p in s.place_points(country="RUS")} == {"Kursk", "Sudzha"}
    assert {e["location"] for e in s.event_points()} >= {"Odesa", "Kursk", "Sudzha", "Kharkiv"}
    tr = s.tracks()
    assert len(tr) == 1 and len(s.records_by_ids("quantity", tr[0].quantities)) == 3
    assert s.storylines()[0].name == "North Korean troops in Russia"
    newest = s.records("claim", order="-published", limit=1)[0]
    assert s.document(newest.doc_id).published == "2024-11-13"
    assert s.records("place", kind="region")[0].name == "Kursk"


def test_newest_first_pages_match_a_full_sort(mem_store):
    """Records ordered by their document's date, read a few documents at a time,
    give the same pages as sorting everything (sparse matches force K to grow)."""
    from sitrep.model import Claim, Document, Records, record_id
    items = []
    for i in range(700):
        text = f"Officials said that report number {i} was filed.\n"
        doc = Document.new(text, title=f"r{i}", published=f"2024-{1 + i % 12:02d}-{1 + i % 28:02d}")
        recs = Records(doc.id)
        if i % 37 == 0:
            s = text.index("report")
            recs.claims.append(Claim(record_id("claim", doc.id, s), doc.id, s, len(text) - 2, text[s:-2],
                                     "Officials", 0, 9, "said", "unverified" if i % 2 else "asserted"))
        items.append((doc, recs))
    mem_store.add(items)
    pub = {d.id: d.published for d, _ in items}
    every = mem_store.records("claim", limit=None)
    want = sorted(every, key=lambda c: (pub[c.doc_id], c.doc_id, c.start), reverse=False)
    want_desc = sorted(every, key=lambda c: pub[c.doc_id], reverse=True)
    got = mem_store.records("claim", order="published", limit=5) + mem_store.records("claim", order="published",
                                                                                     limit=5, offset=5)
    assert [c.id for c in got] == [c.id for c in want[:10]]
    got = mem_store.records("claim", order="-published", limit=len(every))
    assert [pub[c.doc_id] for c in got] == [pub[c.doc_id] for c in want_desc]
    assert len(mem_store.records("claim", order="-published", limit=50, hedge="unverified")) == \
        mem_store.count("claim", hedge="unverified")


def test_aggregate_cache_drops_on_ingest(tmp_path):
    from fastapi.testclient import TestClient

    from sitrep.model import Document, Event, Records, record_id
    from sitrep.serve import create_app
    s = Store(str(tmp_path / "c.db"))
    build_store(s)
    c = TestClient(create_app(s))
    before = sum(x["count"] for x in c.get("/api/charts/events").json()["items"])
    text = "Artillery hit a depot on the river bank.\n"
    doc = Document.new(text, title="new", published="2024-12-01")
    s.add([(doc, Records(doc.id, events=[Event(record_id("event", doc.id, 0), doc.id, 0, 9, "Artillery",
                                                     "ASSAULT", "RUS")]))])
    assert sum(x["count"] for x in c.get("/api/charts/events").json()["items"]) == before + 1
    s.close()


def test_api_on_each_backend(any_store):
    """The main endpoints give the same answers on SQLite and PostgreSQL."""
    from fastapi.testclient import TestClient

    from sitrep.serve import create_app
    build_store(any_store)
    c = TestClient(create_app(any_store))
    get = lambda u: c.get(u).json()  # noqa: E731
    assert get("/api/claims?hedge=unverified&sort=source")["total"] == 2
    assert get("/api/claims?sort=-published&limit=1")["items"][0]["document"]["published"] == "2024-11-13"
    assert get("/api/events?actor=RUS")["total"] == 2
    assert get("/api/quantities?source=PENTAGON")["items"][0]["value"] == 10000
    assert [h["title"][:5] for h in get("/api/search?q=glide%20bombs")["items"]] == ["Up to"]
    assert get("/api/relations?type=SUPPLIES")["items"][0]["evidence_count"] == 1
    assert sum(x["count"] for x in get("/api/charts/events")["items"]) == 6
    assert len(get("/api/map")["places"]) == 6
    assert get("/api/tracks")["total"] == 1
    assert c.get("/api/claims?source=a%00b").status_code == 422


def test_count_upto(mem_store):
    build_store(mem_store)
    assert mem_store.count_upto("claim", 100) == (8, True)
    assert mem_store.count_upto("claim", 3) == (3, False)
    assert mem_store.count_upto("claim", 3, hedge="unverified") == (2, True)


def test_warm_cache_fills_what_the_pages_ask(tmp_path):
    from fastapi.testclient import TestClient

    from sitrep.serve import create_app
    from sitrep.serve.api import warm_cache
    s = Store(str(tmp_path / "w.db"))
    build_store(s)
    app = create_app(s)
    warm_cache(app)
    assert len(app.state.agg_cache) == 2
    c = TestClient(app)
    assert sum(x["count"] for x in c.get("/api/charts/events").json()["items"]) == 6
    assert len(c.get("/api/map").json()["places"]) == 6
    assert len(app.state.agg_cache) == 2          # both answered from the warm cache
    s.close()
