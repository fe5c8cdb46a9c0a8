"""The HTTP API over a store of our sample articles (tests/web_store.py):
every endpoint and filter, paging and sorting, evidence spans, the one error
shape, the security headers and the token."""
from __future__ import annotations

import csv
import io
import json
import xml.etree.ElementTree as ET

import pytest
from fastapi.testclient import TestClient

from sitrep.serve import create_app
from sitrep.store import Store
from web_store import HOSTILE_TITLE, build_store


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    s = Store(str(tmp_path_factory.mktemp("web") / "web.db"))
    build_store(s)
    yield s
    s.close()


@pytest.fixture(scope="module")
def client(store):
    return TestClient(create_app(store), raise_server_exceptions=False)


@pytest.fixture(scope="module")
def docs(store):
    return {d.source_id: d for d in store.documents(limit=None)}


def _items(client, url, **params):
    r = client.get(url, params=params)
    assert r.status_code == 200, r.text
    return r.json()


def _check_error(r, status, code=None):
    assert r.status_code == status, r.text
    body = r.json()
    assert set(body) == {"error"}
    err = body["error"]
    assert set(err) == {"status", "code", "message", "details"}
    assert err["status"] == status and isinstance(err["message"], str) and err["message"]
    if code:
        assert err["code"] == code
    return err


def _check_evidence(store, rec):
    assert rec["evidence"], rec
    for e in rec["evidence"]:
        doc = store.document(e["doc_id"])
        assert doc.text[e["start"]:e["end"]] == e["text"]


# ------------------------------------------------------------------ documents and search
def test_stats_and_documents(client):
    s = _items(client, "/api/stats")
    assert s["documents"] == 4 and s["claim"] == 8 and s["tracks"] == 1
    res = _items(client, "/api/documents")
    assert res["total"] == 4
    assert [d["published"] for d in res["items"]] == sorted((d["published"] for d in res["items"]), reverse=True)
    assert _items(client, "/api/documents", since="2024-11-05", until="2024-11-12")["total"] == 2
    page = _items(client, "/api/documents", limit=1, offset=1)
    assert len(page["items"]) == 1 and page["items"][0]["id"] == res["items"][1]["id"]


def test_search_and_documents_q(client, docs):
    hits = _items(client, "/api/search", q="glide bombs")["items"]
    assert [h["doc_id"] for h in hits] == [docs["kursk"].id]
    assert "[glide]" in hits[0]["snippet"] and hits[0]["published"] == "2024-11-12"
    assert _items(client, "/api/documents", q="glide bombs")["items"][0]["doc_id"] == docs["kursk"].id
    assert _items(client, "/api/search", q="zeppelin")["items"] == []


def test_document_has_everything_the_reader_needs(client, store, docs):
    d = _items(client, f"/api/documents/{docs['troops'].id}")
    assert d["document"]["title"].startswith("Pentagon puts")
    assert {k: len(v) for k, v in d["records"].items()} == {"entity": 3, "place": 2, "date": 0, "quantity": 2,
                                                              "claim": 3, "event": 1}
    for kind in ("entity", "place", "quantity", "claim", "event"):
        for rec in d["records"][kind]:
            _check_evidence(store, rec)
    assert {r["type"] for r in d["relations"]} == {"DEPLOYS_TO", "ALLIED_WITH"}
    # a prefix of the id and the source id find the document too
    assert _items(client, f"/api/documents/{docs['troops'].id[:8]}")["document"]["id"] == docs["troops"].id
    assert _items(client, "/api/documents/troops")["document"]["id"] == docs["troops"].id


# ------------------------------------------------------------------ records and filters
def test_claims_filters_and_sorting(client, store):
    all_ = _items(client, "/api/claims")
    assert all_["total"] == 8 and all_["total_exact"] is True
    for rec in all_["items"]:
        _check_evidence(store, rec)
        roles = {e["role"] for e in rec["evidence"]}
        assert {"content", "source", "cue"} <= roles
    assert [c["source"] for c in _items(client, "/api/claims", hedge="unverified", sort="source")["items"]] == [
        "Russian Ministry of Defence", "South Korean intelligence"]
    assert [c["source"] for c in _items(client, "/api/claims", source="pentagon")["items"]] == ["Pentagon"]
    assert _items(client, "/api/claims", q="foreign soldiers")["items"][0]["hedge"] == "denied"
    assert _items(client, "/api/claims", direct="true")["total"] == 2
    assert _items(client, "/api/claims", cue="denied")["total"] == 1
    dated = _items(client, "/api/claims", since="2024-11-05", until="2024-11-05")
    assert dated["total"] == 3 and {c["document"]["published"] for c in dated["items"]} == {"2024-11-05"}
    newest = _items(client, "/api/claims", sort="-published", limit=1)["items"][0]
    assert newest["document"]["published"] == "2024-11-13"
    oldest = _items(client, "/api/claims", sort="published", limit=1)["items"][0]
    assert oldest["document"]["published"] == "2024-11-04"
    p1 = _items(client, "/api/claims", sort="source", limit=3)
    p2 = _items(client, "/api/claims", sort="source", limit=3, offset=3)
    assert p1["total"] == p2["total"] == 8
    assert not {c["id"] for c in p1["items"]} & {c["id"] for c in p2["items"]}


def test_quantities_filters(client, store):
    res = _items(client, "/api/quantities", unit_class="troops", sort="value")
    assert [q["value"] for q in res["items"]] == [10000, 11000, 12000]
    for q in res["items"]:
        _check_evidence(store, q)
        assert {"figure", "subject"} <= {e["role"] for e in q["evidence"]}
    assert [q["value"] for q in _items(client, "/api/quantities", hedge="unverified")["items"]] == [12000]
    assert _items(client, "/api/quantities", subject="north korean", source="pentagon")["total"] == 1
    assert _items(client, "/api/quantities", unit="DRONES")["total"] == 3
    assert _items(client, "/api/quantities", since="2024-11-12", unit_class="troops")["total"] == 1
    assert [q["value"] for q in _items(client, "/api/quantities", sort="-value", limit=2)["items"]] == [12000, 11000]


def test_events_filters(client, store):
    assert _items(client, "/api/events")["total"] == 6
    ru = _items(client, "/api/events", actor="RUS")["items"]
    assert {e["actor"] for e in ru} == {"RUS", "RUS MIL"}       # a code matches its sectors
    assert [e["location"] for e in _items(client, "/api/events", place="sudzha")["items"]] == ["Sudzha"]
    assert _items(client, "/api/events", type="DEFEND")["items"][0]["target"] == "RUS MIL"
    assert _items(client, "/api/events", target="UKR")["total"] == 3
    assert _items(client, "/api/events", q="glide")["total"] == 1
    assert [e["date"] for e in _items(client, "/api/events", sort="date", actor="RUS")["items"]] == [
        "2024-11-03", "2024-11-11"]
    for e in ru:
        _check_evidence(store, e)


def test_entities_and_places(client, store):
    assert _items(client, "/api/entities", type="PERSON")["total"] == 2
    assert [e["name"] for e in _items(client, "/api/entities", actor="UKR", sort="name")["items"]][:2] == [
        '<img src=x onerror=alert("entity")>', "Oleh Kiper"]
    assert _items(client, "/api/entities", name="pentagon")["items"][0]["code"] == "USA MIL"
    for e in _items(client, "/api/entities")["items"]:
        _check_evidence(store, e)
    assert {p["name"] for p in _items(client, "/api/places", country="RUS")["items"]} == {"Kursk", "Sudzha"}
    assert _items(client, "/api/places", kind="region")["items"][0]["name"] == "Kursk"
    assert _items(client, "/api/places", place="odesa")["items"][0]["lat"] == pytest.approx(46.48)
    assert _items(client, "/api/entities", doc_id=store.document("drones").id)["total"] == 4


def test_relations_network_tracks_storylines(client, store, docs):
    rels = _items(client, "/api/relations")
    assert rels["total"] == 4
    sup = _items(client, "/api/relations", type="SUPPLIES")["items"]
    assert [(r["from"], r["to"], r["item"]) for r in sup] == [("POL", "UKR", "air defence missiles")]
    assert sup[0]["evidence"][0]["text"] == "Poland supplies air defence missiles to Ukraine"
    assert sup[0]["evidence"][0]["title"].startswith("Drones hit")
    assert {r["type"] for r in _items(client, "/api/relations", actor="PRK")["items"]} == {"DEPLOYS_TO", "ALLIED_WITH"}
    one = _items(client, "/api/relations", evidence=1, limit=2)
    assert one["total"] == 4 and len(one["items"]) == 2
    assert all(r["evidence_count"] >= len(r["evidence"]) == 1 for r in one["items"])
    net = _items(client, "/api/network")
    assert {n["id"] for n in net["nodes"]} >= {"POL", "UKR", "PRK", "RUS"} and len(net["edges"]) == 4
    tr = _items(client, "/api/tracks")
    assert tr["total"] == 1
    t = tr["items"][0]
    assert sorted(m["value"] for m in t["members"]) == [10000, 11000, 12000]
    assert {m["source"] for m in t["members"]} == {"Pentagon", "South Korean intelligence",
                                                    "Ukrainian military intelligence"}
    assert _items(client, f"/api/tracks/{t['id']}")["name"] == t["name"]
    _check_error(client.get("/api/tracks/nope"), 404, "not_found")
    st = _items(client, "/api/storylines")["items"]
    assert st[0]["documents"] and set(st[0]["documents"]) == {docs["troops"].id, docs["kursk"].id}


def test_facets_charts_map(client):
    hedges = {f["value"]: f["count"] for f in _items(client, "/api/facets/claim/hedge")["items"]}
    assert hedges == {"asserted": 5, "unverified": 2, "denied": 1}
    counts = _items(client, "/api/charts/events")["items"]
    assert sum(c["count"] for c in counts) == 6
    assert {"type": "ASSAULT", "day": "2024-11-11", "count": 1} in counts
    assert sum(c["count"] for c in _items(client, "/api/charts/events", type="ASSAULT")["items"]) == 4
    m = _items(client, "/api/map")
    assert {p["name"] for p in m["places"]} >= {"Odesa", "Kursk", "Seoul"}
    odesa = [e for e in m["events"] if e["location"] == "Odesa"]
    assert odesa and odesa[0]["lat"] == pytest.approx(46.48)


# ------------------------------------------------------------------ exports
def test_exports(client, store):
    r = client.get("/api/export/jsonl")
    assert r.status_code == 200 and r.headers["content-type"].startswith("application/x-ndjson")
    lines = [json.loads(x) for x in r.text.splitlines()]
    kinds = {x["kind"] for x in lines}
    assert {"document", "entity", "claim", "event", "relation", "track", "storyline"} <= kinds
    only = [json.loads(x) for x in client.get("/api/export/jsonl", params={"kind": "claim"}).text.splitlines()]
    assert len(only) == 8 and {x["kind"] for x in only} == {"claim"}
    rows = list(csv.DictReader(io.StringIO(client.get("/api/export/events-csv").text)))
    assert len(rows) == 6
    odesa = [x for x in rows if x["location"] == "Odesa"][0]
    assert odesa["actor1"] == "RUS MIL" and odesa["latitude"] == "46.48" and odesa["source"] == "Ukrainian Air Force"
    assert odesa["event_date"] == "2024-11-03" and odesa["year"] == "2024"
    hostile = [x for x in rows if x["actor1"].startswith("<svg")]
    assert hostile  # text kept as text (a CSV is not markup); formulas are defused:
    assert not any(v.startswith(("=", "+", "@")) for x in rows for v in x.values())
    gj = client.get("/api/export/geojson").json()
    assert gj["type"] == "FeatureCollection"
    layers = {f["properties"]["layer"] for f in gj["features"]}
    assert layers == {"place", "event"}
    for f in gj["features"]:
        lon, lat = f["geometry"]["coordinates"]
        assert -180 <= lon <= 180 and -90 <= lat <= 90
    g = ET.fromstring(client.get("/api/export/graphml").content)
    ns = {"g": "http://graphml.graphdrawing.org/xmlns"}
    assert len(g.findall(".//g:edge", ns)) == 4
    assert "attachment" in client.get("/api/export/geojson").headers["content-disposition"]
    csv_claims = list(csv.DictReader(io.StringIO(client.get("/api/export/csv", params={"kind": "claim"}).text)))
    assert len(csv_claims) == 8 and "hedge" in csv_claims[0]


# ------------------------------------------------------------------ errors
@pytest.mark.parametrize("url,status,code", [
    ("/api/nope", 404, "not_found"),
    ("/nope", 404, "not_found"),
    ("/api/documents/ffffffffffffffff", 404, "not_found"),
    ("/api/claims?limit=0", 422, "invalid"),
    ("/api/claims?limit=abc", 422, "invalid"),
    ("/api/claims?offset=-1", 422, "invalid"),
    ("/api/claims?since=yesterday", 422, "invalid"),
    ("/api/claims?sort=drop_table", 422, "invalid"),
    ("/api/claims?direct=maybe", 422, "invalid"),
    ("/api/events?sort=value", 422, "invalid"),
    ("/api/search", 422, "invalid"),
    ("/api/facets/claim/text", 404, "not_found"),
    ("/api/facets/secret/hedge", 422, "invalid"),
    ("/api/export/pdf", 422, "invalid"),
    ("/api/export/csv?kind=claim&kind=event", 400, "bad_kind"),
    ("/api/claims?source=a%00b", 422, "invalid"),
])
def test_one_error_shape(client, url, status, code):
    err = _check_error(client.get(url), status, code)
    if status == 422:
        assert err["details"] and all({"where", "problem"} <= set(d) for d in err["details"])


def test_method_not_allowed_and_server_error_have_the_shape(store):
    app = create_app(store)

    @app.get("/api/boom")
    def boom():
        raise RuntimeError("secret internals")
    c = TestClient(app, raise_server_exceptions=False)
    err = _check_error(c.get("/api/boom"), 500, "server_error")
    assert "secret internals" not in err["message"]
    _check_error(c.post("/api/claims"), 405, "method_not_allowed")


def test_filter_text_is_data_not_sql(client):
    for evil in ["' OR 1=1 --", "%", "_", "\\", "\"; DROP TABLE claims; --"]:
        assert _items(client, "/api/claims", source=evil)["total"] == 0
        assert _items(client, "/api/search", q=evil)["items"] == []
    assert _items(client, "/api/claims")["total"] == 8


# ------------------------------------------------------------------ security
def test_security_headers_on_every_response(client):
    for url in ["/", "/reader", "/api/claims", "/api/nope", "/static/app.css", "/openapi.json"]:
        r = client.get(url)
        csp = r.headers["content-security-policy"]
        assert "script-src 'self'" in csp and "unsafe-inline" not in csp and "unsafe-eval" not in csp
        assert "default-src 'none'" in csp and "frame-ancestors 'none'" in csp
        assert r.headers["x-content-type-options"] == "nosniff"


def test_pages_have_no_inline_script(client):
    import re
    for page in ["/", "/reader", "/ledger", "/charts", "/network", "/map", "/search"]:
        html = client.get(page).text
        assert r"<title>" in html
        for tag in re.findall(r"<script[^>]*>", html):
            assert 'src="/static/build/' in tag
        assert not re.search(r"<script[^>]*>\s*[^<\s]", html)           # no script body
        assert not re.search(r"\son[a-z]+=", html)                     # no event-handler attributes


def test_hostile_text_is_served_as_json_data(client, docs):
    r = client.get(f"/api/documents/{docs['hostile'].id}")
    assert r.headers["content-type"].startswith("application/json")
    assert r.json()["document"]["title"] == HOSTILE_TITLE      # kept verbatim, shown by the pages as text


def test_token_required_when_set(store):
    c = TestClient(create_app(store, token="s3cret-token"), raise_server_exceptions=False)
    _check_error(c.get("/api/claims"), 401, "unauthorized")
    _check_error(c.get("/"), 401)
    _check_error(c.get("/api/claims", headers={"Authorization": "Bearer wrong-token"}), 401)
    assert c.get("/api/claims", headers={"Authorization": "Bearer s3cret-token"}).status_code == 200
    assert c.get("/api/claims", headers={"X-Sitrep-Token": "s3cret-token"}).status_code == 200
    # a page opened with ?token= sets an HttpOnly cookie and drops the token from the address
    r = c.get("/ledger?token=s3cret-token&kind=claim", follow_redirects=False)
    assert r.status_code == 303 and r.headers["location"] == "/ledger?kind=claim"
    assert "HttpOnly" in r.headers["set-cookie"] and "samesite=strict" in r.headers["set-cookie"].lower()
    assert c.get("/api/claims").status_code == 200          # the cookie is carried now


def test_unknown_host_refused(store):
    c = TestClient(create_app(store), raise_server_exceptions=False)
    _check_error(c.get("/api/claims", headers={"Host": "evil.example:8765"}), 400, "bad_host")
    assert c.get("/api/claims", headers={"Host": "127.0.0.1:8765"}).status_code == 200
    assert c.get("/api/claims", headers={"Host": "localhost:8765"}).status_code == 200


def test_openapi_lists_every_endpoint(client):
    spec = client.get("/openapi.json").json()
    paths = set(spec["paths"])
    for p in ["/api/documents", "/api/documents/{doc_id}", "/api/search", "/api/entities", "/api/places",
              "/api/quantities", "/api/claims", "/api/events", "/api/relations", "/api/tracks",
              "/api/storylines", "/api/export/{fmt}", "/api/charts/events", "/api/map"]:
        assert p in paths
    assert "ErrorBody" in spec["components"]["schemas"]
