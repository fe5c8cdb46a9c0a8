"""The workspace pages come from one layout: each has the same head and
navigation, its own title and script bundle, and no inline script or style."""
from __future__ import annotations

import re

import pytest

from sitrep.serve.pages import PAGES, render_page


@pytest.mark.parametrize("name", list(PAGES))
def test_page_has_the_shared_head_and_its_own_script(name):
    html = render_page(name)
    path, title = PAGES[name]
    assert html.startswith("<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">")
    assert f"<title>{title} · sitrep</title>" in html
    assert re.findall(r"<script[^>]*>", html) == [f'<script type="module" src="/static/build/{name}.js">']
    assert "<style" not in html and " style=" not in html and not re.search(r"\son[a-z]+=", html)
    assert re.findall(r'<a href="([^"#]+)">', html)[:len(PAGES)] == [p for p, _ in PAGES.values()]
    assert f'<body class="page-{name}">' in html and html.count('<main id="main"') == 1
    assert html.rstrip().endswith("</main>\n</body>\n</html>")


def test_pages_are_served(tmp_path):
    from fastapi.testclient import TestClient

    from sitrep.serve import create_app
    from sitrep.store import Store
    with Store(str(tmp_path / "p.db")) as store:
        client = TestClient(create_app(store))
        for name, (path, title) in PAGES.items():
            r = client.get(path)
            assert r.status_code == 200 and r.headers["content-type"].startswith("text/html")
            assert f"<title>{title} · sitrep</title>" in r.text
            assert "style-src 'self'" in r.headers["content-security-policy"]
