"""URLs, served from a loopback http.server in a thread: a page, a feed, an
HTML article, a 404, a server error, a refused port, a too-large body."""
from __future__ import annotations

import socket
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from sitrep import core
from sitrep.ingest import iter_inputs
from sitrep.model import Document, PageInfo, Rejected

DATA = Path(__file__).parent / "data"

ROUTES = {
    "/news/page": ("text/plain; charset=utf-8", (DATA / "pages" / "frontline-sidebar.txt").read_bytes()),
    "/feed": ("application/rss+xml", (DATA / "feed.rss").read_bytes()),
    "/atom-as-text": ("text/plain", (DATA / "feed.atom").read_bytes()),
    "/story.html": ("text/html; charset=utf-8", (DATA / "article.html").read_bytes()),
    "/data.jsonl": ("application/x-ndjson", (DATA / "articles.jsonl").read_bytes()),
    "/big": ("text/plain", b"A long line of words. " * 5000),
}


class _Handler(BaseHTTPRequestHandler):
    def do_GET(self):  # noqa: N802 - http.server API
        if self.path == "/slow":
            time.sleep(2)
        if self.path == "/boom":
            self.send_error(503)
            return
        if self.path == "/moved":
            self.send_response(302)
            self.send_header("Location", "/story.html")
            self.end_headers()
            return
        if self.path not in ROUTES:
            self.send_error(404)
            return
        ctype, body = ROUTES[self.path]
        self.send_response(200)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def server():
    srv = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    t = threading.Thread(target=srv.serve_forever, daemon=True)
    t.start()
    yield f"http://127.0.0.1:{srv.server_address[1]}"
    srv.shutdown()
    srv.server_close()


def _free_port() -> int:
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    return port


def _read(url, **kw):
    return list(iter_inputs([url], timeout=5, **kw))


def test_page_url(server):
    items = _read(server + "/news/page")
    docs = [x for x in items if isinstance(x, Document)]
    assert [d.category for d in docs] == ["Frontline Report", "Energy", "Frontline Report"]
    assert all(d.source == server + "/news/page" for d in docs)
    assert sum(isinstance(x, PageInfo) for x in items) == 1


def test_feed_url_by_content_type_and_by_content(server):
    docs = [x for x in _read(server + "/feed") if isinstance(x, Document)]
    assert len(docs) == 2 and docs[0].format == "feed"
    docs = [x for x in _read(server + "/atom-as-text") if isinstance(x, Document)]
    assert len(docs) == 2 and docs[0].format == "feed"


def test_html_url_and_redirect(server):
    [d] = [x for x in _read(server + "/moved") if isinstance(x, Document)]
    assert d.format == "html" and d.title.startswith("Drone Debris")
    assert d.source == server + "/moved"


def test_jsonl_url(server):
    docs = [x for x in _read(server + "/data.jsonl") if isinstance(x, Document)]
    assert [d.source_id for d in docs] == ["tb-001", "tb-002", "tb-005"]


@pytest.mark.parametrize("path,reason", [("/missing", "not_found"), ("/boom", "unreachable")])
def test_http_errors(server, path, reason):
    [r] = _read(server + path)
    assert isinstance(r, Rejected) and r.reason == reason and r.input == server + path


def test_refused_port():
    url = f"http://127.0.0.1:{_free_port()}/x"
    [r] = _read(url)
    assert r.reason == "unreachable" and r.input == url


def test_timeout_is_unreachable(server):
    [r] = list(iter_inputs([server + "/slow"], timeout=0.3))
    assert r.reason == "unreachable" and "timed out" in r.detail


def test_too_large_url(server):
    [r] = _read(server + "/big", max_bytes=10_000)
    assert r.reason == "too_large"


def test_urls_and_files_in_one_ingest(server, mem_store):
    rep = core.ingest([server + "/feed", server + "/missing", str(DATA / "feed.rss")], mem_store, extract=False)
    # the same two entries from the URL and from the file: stored once, both inputs were read
    assert len(rep.new) == 2 and len(rep.duplicates) == 2
    assert [r.reason for r in rep.rejected] == ["empty", "not_found", "empty"]
