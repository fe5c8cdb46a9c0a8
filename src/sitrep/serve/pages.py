"""The workspace's HTML pages, rendered once from templates/: one layout
(templates/layout.html: head, stylesheet, the page's script bundle, the
navigation) and each page's main content (templates/pages/NAME.html).

Pages hold no inline script or style (the Content-Security-Policy forbids
both): each loads /static/build/NAME.js, bundled from frontend/src/NAME.js.
"""
from __future__ import annotations

from functools import lru_cache

import jinja2

# page name -> (path, title in the tab and the navigation), in navigation order
PAGES = {"index": ("/", "Overview"), "reader": ("/reader", "Reader"), "ledger": ("/ledger", "Ledger"),
         "charts": ("/charts", "Charts"), "network": ("/network", "Network"), "map": ("/map", "Map"),
         "search": ("/search", "Search")}


@lru_cache(maxsize=1)
def _env() -> jinja2.Environment:
    return jinja2.Environment(loader=jinja2.PackageLoader("sitrep.serve", "templates"), autoescape=True,
                              trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True,
                              undefined=jinja2.StrictUndefined)


@lru_cache(maxsize=None)
def render_page(name: str) -> str:
    """The HTML of page ``name`` (a key of PAGES)."""
    path, title = PAGES[name]
    return _env().get_template(f"pages/{name}.html").render(
        name=name, title=title, nav=[(p, t) for p, t in PAGES.values()])
