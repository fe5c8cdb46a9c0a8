"""HTML article pages, read with trafilatura: main text, title, date, author,
site name. Boilerplate (menus, footers, comments) is dropped by trafilatura;
a page where it finds no article text is rejected as ``bad_html``."""
from __future__ import annotations

from ..model import Document, Rejected
from .dates import to_iso
from .shape import mark_subheads


def read_html(html: str, source: str, url: str | None = None) -> Document | Rejected:
    import trafilatura
    try:
        res = trafilatura.bare_extraction(html, url=url, with_metadata=True, include_comments=False,
                                          include_tables=False, include_images=False)
    except Exception as e:  # noqa: BLE001 - lxml/trafilatura raise many kinds on broken markup
        return Rejected(source, "bad_html", f"cannot parse: {str(e).splitlines()[0][:120]}")
    if res is None:
        return Rejected(source, "bad_html", "no article text found")
    meta = res.as_dict() if hasattr(res, "as_dict") else dict(res)
    text = (meta.get("text") or "").strip()
    title = (meta.get("title") or "").strip() or None
    # trafilatura keeps the <h1> headline as the first line of the text
    if title and text.split("\n", 1)[0].strip() == title:
        text = text.split("\n", 1)[1].strip() if "\n" in text else ""
    if not text:
        return Rejected(source, "bad_html", "no article text found")
    cats = meta.get("categories") or []
    return Document.new(text, title=title, published=to_iso(meta.get("date")), source=source,
                        author=meta.get("author") or None, site=meta.get("sitename") or meta.get("hostname") or None,
                        category=cats[0] if cats else None, format="html", subheads=mark_subheads(text),
                        meta={k: meta[k] for k in ("description", "language") if meta.get(k)})


def fragment_text(fragment: str) -> str:
    """Text of an HTML fragment (a feed entry's content): block elements become
    line breaks, whitespace inside a block is collapsed."""
    import re

    import lxml.html
    if "<" not in fragment:
        return re.sub(r"[ \t]+", " ", fragment).strip()
    try:
        root = lxml.html.fragment_fromstring(fragment, create_parent="div")
    except Exception:  # noqa: BLE001
        return re.sub(r"<[^>]+>", " ", fragment).strip()
    for br in root.iter("br"):
        br.tail = "\n" + (br.tail or "")
    for el in root.iter("p", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "tr"):
        el.tail = "\n" + (el.tail or "")
        el.text = "\n" + (el.text or "")
    raw = root.text_content()
    lines = [re.sub(r"[ \t\u00a0]+", " ", ln).strip() for ln in raw.split("\n")]
    return "\n".join(ln for ln in lines if ln)
