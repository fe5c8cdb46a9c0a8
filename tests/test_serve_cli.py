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
