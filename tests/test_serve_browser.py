"""The web workspace in a real browser: Playwright drives Debian's chromium
against `sitrep serve`'s app on a loopback port over a store of our sample
articles. Checks what a person sees on each page, clicks from the ledger to
the reader, runs the attack article through every page (no script of it may
run), and saves a screenshot of each page into test-output/screenshots/.
"""
from __future__ import annotations

import contextlib
import os
import shutil
import socket
import subprocess
import threading
import time
from pathlib import Path

import pytest

from web_store import HOSTILE_TITLE, build_store

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM = "/usr/bin/chromium"
SHOTS = ROOT / "test-output" / "screenshots"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def _skip_reason() -> str | None:
    if not Path(CHROMIUM).exists():
        return f"{CHROMIUM} is missing (apt-get install chromium; .ci/run installs it in CI)"
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "the playwright package is not installed"
    from sitrep.serve.app import assets_built
    if not assets_built():
        if shutil.which("npm") and (ROOT / "frontend" / "package-lock.json").exists():
            subprocess.run(["make", "assets"], cwd=ROOT, check=True, capture_output=True)
        if not assets_built():
            return "page assets are not built and npm is missing (make assets)"
    return None


_SKIP = _skip_reason()
if _SKIP and os.environ.get("CI"):
    raise RuntimeError(f"browser tests cannot run in CI: {_SKIP}")
if _SKIP:
    pytest.skip(_SKIP, allow_module_level=True)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    from sitrep.store import Store
    store = Store(str(tmp_path_factory.mktemp("browser") / "web.db"))
    items = build_store(store)
    docs = {d.source_id: d for d, _ in items}
    with _serving(store) as url:
        yield {"url": url, "docs": docs, "store": store}
    store.close()


@contextlib.contextmanager
def _serving(store):
    """`sitrep serve`'s app over ``store`` on a free loopback port, in a thread."""
    import uvicorn

    from sitrep.serve import create_app
    port = _free_port()
    srv = uvicorn.Server(uvicorn.Config(create_app(store), host="127.0.0.1", port=port, log_level="warning"))
    th = threading.Thread(target=srv.run, daemon=True)
    th.start()
    for _ in range(100):
        if srv.started:
            break
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        srv.should_exit = True
        th.join(timeout=10)


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield b
        b.close()


@pytest.fixture
def page(browser):
    ctx = browser.new_context(viewport={"width": 1366, "height": 820})
    pg = ctx.new_page()
    pg.dialogs = []          # any alert/confirm/prompt means script of a document ran
    pg.errors = []
    pg.on("dialog", lambda d: (pg.dialogs.append(d.message), d.dismiss()))
    pg.on("pageerror", lambda e: pg.errors.append(str(e)))
    pg.csp = []              # what the Content-Security-Policy refused (a page must need nothing it forbids)
    pg.on("console", lambda m: pg.csp.append(m.text) if "Content Security Policy" in m.text else None)
    yield pg
    ctx.close()


def _shot(page, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"))


def _wait(page, js: str, timeout: float = 5.0) -> None:
    """Poll a JS expression (page.wait_for_function evaluates strings, which the CSP forbids)."""
    end = time.time() + timeout
    while not page.evaluate(js):
        if time.time() > end:
            raise AssertionError(f"timed out waiting for {js}")
        page.wait_for_timeout(50)


def _no_injection(page) -> None:
    assert page.dialogs == [], page.dialogs
    assert page.errors == [], page.errors
    assert page.evaluate("document.querySelectorAll('[onerror],[onload],[onmouseover],[onclick]').length") == 0
    assert page.evaluate("document.querySelectorAll('a[href^=\"javascript:\" i]').length") == 0
    assert page.evaluate("[...document.scripts].every(s => s.src.includes('/static/build/'))")
    assert page.evaluate("document.querySelectorAll('main img, main svg script, main iframe').length") == 0
    assert page.csp == [], page.csp


def test_overview(server, page):
    page.goto(server["url"] + "/")
    page.wait_for_selector("#counts dd")
    assert page.locator("#docs li").count() == 4
    _shot(page, "overview")


def test_reader_marks_spans_and_shows_records(server, page):
    doc = server["docs"]["troops"]
    page.goto(f"{server['url']}/reader?doc={doc.id}")
    page.wait_for_selector("#doc-text mark")
    assert page.locator("#doc-title").text_content() == doc.title
    for kind in ("actor", "place", "figure", "claim", "source", "event"):
        assert page.locator(f"#doc-text mark.k-{kind}").count() >= 1, kind
    # every mark covers exactly the text of its span
    spans = page.evaluate("[...document.querySelectorAll('#doc-text mark')].map(m => "
                          "[+m.dataset.start, +m.dataset.end, m.textContent])")
    for s, e, t in spans:
        assert doc.text[s:e] == t
    fig = page.locator("#doc-text mark.k-figure").first
    fig.hover()
    tip = page.locator("#tip")
    assert tip.is_visible() and "Pentagon" in tip.text_content() and "asserted" in tip.text_content()
    # by keyboard: tab to the first mark, the tooltip shows its record
    page.mouse.move(0, 0)
    for _ in range(10):                      # nav links, the source link, then the first mark
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.tagName") == "MARK":
            break
    assert page.evaluate("document.activeElement.tagName") == "MARK"
    assert tip.is_visible()
    side = page.locator("#figures li")
    assert side.count() == 2 and "South Korean intelligence" in page.locator("#figures").text_content()
    assert "unverified" in page.locator("#figures").text_content()
    assert page.locator("#events li").count() == 1
    page.locator("#doc-text mark.k-figure").nth(1).hover()       # the screenshot shows a record
    assert "unverified" in tip.text_content()
    _shot(page, "reader")
    _no_injection(page)


def test_ledger_filters_sorts_and_opens_the_reader(server, page):
    page.goto(server["url"] + "/ledger")
    page.wait_for_selector("#ledger tbody tr")
    assert page.locator("#ledger tbody tr").count() == 8
    _shot(page, "ledger")
    page.select_option("select[name=hedge]", "unverified")
    page.click("#filters button[type=submit]")
    _wait(page, "document.querySelectorAll('#ledger tbody tr').length === 2")
    page.click("th button[data-sort=source]")
    _wait(page, "location.search.includes('sort=source') && document.querySelector('#ledger tbody tr td:nth-child(2)')"
                ".textContent === 'Russian Ministry of Defence'")
    sources = page.locator("#ledger tbody tr td:nth-child(2)").all_text_contents()
    assert sources == ["Russian Ministry of Defence", "South Korean intelligence"]
    # figures tab
    page.click("#tab-quantity")
    _wait(page, "document.querySelector('#summary').textContent.startsWith('figures')")
    assert page.locator("#ledger tbody tr").count() == 1          # the unverified 12,000
    assert "12,000" in page.locator("#ledger tbody").text_content()
    # click through to the reader: the record's mark is the target and has focus
    rec_id = page.locator("#ledger tbody tr").first.get_attribute("data-id")
    page.locator("#ledger tbody tr a.open").first.click()
    page.wait_for_url("**/reader?doc=*")
    page.wait_for_selector("#doc-text mark.target")
    assert page.evaluate("document.activeElement.dataset.id") == rec_id
    assert page.locator("mark.target").first.text_content() == "as many as 12,000"
    _no_injection(page)


def test_charts_draw_tracks_and_event_counts(server, page):
    page.goto(server["url"] + "/charts")
    page.wait_for_selector(".track-chart canvas")
    page.wait_for_selector("#events-chart canvas")
    page.wait_for_timeout(300)
    inked = page.evaluate("""[...document.querySelectorAll('canvas')].map(c => {
        const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
        let n = 0; for (let i = 3; i < d.length; i += 4) if (d[i] > 0) n++; return n; })""")
    assert len(inked) >= 2 and all(n > 500 for n in inked), inked
    assert page.locator(".track h3").first.text_content().startswith("North Korean troops in Kursk")
    assert page.locator("#events-table tbody tr").count() == 6
    _shot(page, "charts")
    _no_injection(page)


def test_network_draws_relations_with_evidence(server, page):
    page.goto(server["url"] + "/network")
    page.wait_for_selector("#graph canvas")
    page.wait_for_selector("#edges li")
    assert page.locator("#edges li").count() == 4
    page.locator("#edges button", has_text="OPPOSES").click()
    assert "javascript:alert" in page.locator("#evidence").text_content()    # shown as text
    page.locator("#types input[value=OPPOSES]").uncheck()
    assert page.locator("#edges li").count() == 3
    page.locator("#edges button", has_text="SUPPLIES").click()
    assert "Poland supplies air defence missiles to Ukraine" in page.locator("#evidence").text_content()
    # Cytoscape drew the nodes, inside a container positioned by app.css, not by an injected <style>
    assert page.evaluate("document.querySelectorAll('head style').length") == 0
    assert page.evaluate("getComputedStyle(document.getElementById('graph')).position") == "relative"
    assert page.evaluate("(() => { const c = document.querySelector('#graph canvas:last-of-type'); "
                         "const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data; "
                         "let n = 0; for (let i = 3; i < d.length; i += 4) if (d[i] > 0) n++; return n; })()") > 200
    _shot(page, "network")
    _no_injection(page)
    assert page.csp == [], page.csp


def test_map_draws_countries_places_and_events(server, page):
    page.goto(server["url"] + "/map")
    page.wait_for_selector("#map-svg path.country")
    assert page.locator("#map-svg path.country").count() > 150          # Natural Earth 1:110m countries
    assert page.locator("#map-svg circle.place").count() == 6
    assert page.locator("#map-svg circle.event").count() == 5
    page.locator("#map-svg circle.place").first.focus()
    assert page.locator("#tip").is_visible()
    page.keyboard.press("Escape")
    _shot(page, "map")
    _no_injection(page)


def test_search_results_open_in_the_reader(server, page):
    page.goto(server["url"] + "/search")
    page.fill("#q", "glide bombs")
    page.keyboard.press("Enter")
    page.wait_for_selector("#results li")
    assert page.locator("#results li").count() == 1
    assert page.locator("#results mark").first.text_content() == "glide"
    _shot(page, "search")
    page.locator("#results a.hit").first.click()
    page.wait_for_selector("#doc-title")
    assert page.locator("#doc-title").text_content().startswith("Up to 11,000")


def test_attack_article_runs_no_script(server, page):
    doc = server["docs"]["hostile"]
    page.goto(f"{server['url']}/reader?doc={doc.id}")
    page.wait_for_selector("#doc-text mark")
    assert page.locator("#doc-title").text_content() == HOSTILE_TITLE        # the markup shows as text
    assert "<script>alert('quote')</script> We will not leave" in page.locator("#doc-text").text_content()
    assert page.locator("#article a", has_text="javascript").count() == 0     # a javascript: source is no link
    for m in page.locator("#doc-text mark").all():
        m.hover()
        m.focus()
    page.wait_for_timeout(200)
    _no_injection(page)
    # the Content-Security-Policy stops inline script even if some were put in the page
    page.evaluate("document.body.append(Object.assign(document.createElement('script'), "
                  "{textContent: 'window.__pwned = 1'}))")
    assert page.evaluate("window.__pwned") is None
    page.dialogs.clear()
    page.errors.clear()
    page.csp.clear()
    for url in ["/", "/ledger", "/ledger?kind=quantity", "/network", "/map", "/charts", "/search?q=shelter",
                "/search?q=%3Cscript%3Ealert(1)%3C%2Fscript%3E"]:
        page.goto(server["url"] + url)
        page.wait_for_load_state("networkidle")
        page.wait_for_timeout(150)
        _no_injection(page)
    page.goto(server["url"] + "/ledger")
    page.wait_for_selector("#ledger tbody tr")
    assert HOSTILE_TITLE in page.locator("#ledger").text_content()


# ------------------------------------------------------------------ the shared page, real extraction
# The README's screenshots: `sitrep serve` over the shared scraped page as the pipeline reads it.

@pytest.fixture(scope="module")
def page_server(tmp_path_factory, pipeline):
    from sitrep.analyse.commands import update
    from sitrep.core import ingest
    from sitrep.store import Store
    from conftest import SHARED
    page_file = SHARED / "corpus" / "sample" / "warya-2024-11-page.txt"
    if not page_file.exists():
        if os.environ.get("CI"):
            pytest.fail(f"{page_file} is missing")
        pytest.skip(f"{page_file} is missing")
    store = Store(str(tmp_path_factory.mktemp("page") / "page.db"))
    ingest([str(page_file)], store, pipeline=pipeline)
    update(store)
    with _serving(store) as url:
        yield {"url": url, "store": store}
    store.close()


def test_shared_page_reader(page_server, page):
    store = page_server["store"]
    doc = next(d for d in store.documents(limit=None) if d.title.startswith("Speculation Surrounding"))
    page.goto(f"{page_server['url']}/reader?doc={doc.id}")
    page.wait_for_selector("#doc-text mark")
    for kind in ("actor", "place", "figure", "claim", "event"):
        assert page.locator(f"#doc-text mark.k-{kind}").count() >= 1, kind
    assert "GUR" in page.locator("#figures").text_content()
    page.locator("#doc-text mark.k-figure").first.hover()
    _shot(page, "page-reader")
    _no_injection(page)


def test_shared_page_ledger_charts_network_map(page_server, page):
    url = page_server["url"]
    page.goto(url + "/ledger")
    page.wait_for_selector("#ledger tbody tr")
    assert page.locator("#ledger tbody tr").count() >= 20
    _shot(page, "page-ledger")
    page.goto(url + "/charts")
    page.wait_for_selector(".track-chart canvas")
    page.wait_for_timeout(300)
    titles = page.locator(".track h3").all_text_contents()
    assert any("North Korean troops" in t for t in titles), titles
    _shot(page, "page-charts")
    page.goto(url + "/network")
    page.wait_for_selector("#graph canvas")
    page.wait_for_selector("#edges li")
    edges = page.locator("#edges").text_content()
    assert "SUPPLIES" in edges and "IRN" in edges and "PRK" in edges
    page.wait_for_timeout(500)
    _shot(page, "page-network")
    page.goto(url + "/map")
    page.wait_for_selector("#map-svg path.country")
    assert page.locator("#map-svg circle.place").count() >= 5
    _shot(page, "page-map")
    _no_injection(page)


def test_joint_sources_show_in_reader_and_ledger(server, page):
    """A claim and a figure of two sources ("Ukraine's military intelligence and
    its defence ministry said"): the reader marks both sources and its sidebar
    and tooltip name both; the ledger's source column too, for claims and figures."""
    doc = server["docs"]["kursk"]
    page.goto(f"{server['url']}/reader?doc={doc.id}")
    page.wait_for_selector("#doc-text mark")
    marks = page.locator("#doc-text mark.k-source").all_text_contents()
    assert "Ukraine's military intelligence" in marks and "its defence ministry" in marks
    both = "Ukrainian military intelligence and Ukrainian Ministry of Defence"
    assert both in page.locator("#claims").text_content()
    assert both in page.locator("#figures").text_content()
    page.locator("#doc-text mark.k-source", has_text="its defence ministry").hover()
    assert both in page.locator("#tip").text_content()
    for kind in ("claim", "quantity"):
        page.goto(f"{server['url']}/ledger?kind={kind}&source=Ukrainian%20Ministry%20of%20Defence")
        _wait(page, "document.querySelectorAll('#ledger tbody tr').length === 1")
        assert page.locator("#ledger tbody td.source").first.text_content() == both
    _no_injection(page)
