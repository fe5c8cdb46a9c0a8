"""RSS and Atom feeds (feedparser): one document per entry. The entry's
content (or its summary) is the text, its link the source, its id the source
id, its published (or updated) date the publication date."""
from __future__ import annotations

from typing import Iterator

from ..model import Document, Rejected
from .dates import to_iso
from .html import fragment_text
from .shape import mark_subheads


def read_feed(data: bytes, source: str) -> Iterator[Document | Rejected]:
    """Documents of a feed's entries; a feed that is not well-formed XML and
    gives no readable entry is one ``not_xml`` rejection."""
    import feedparser
    parsed = feedparser.parse(data)
    out = list(_entries(parsed, source))
    if parsed.get("bozo") and not any(isinstance(x, Document) for x in out):
        exc = parsed.get("bozo_exception")
        yield Rejected(source, "not_xml", str(exc).splitlines()[0][:160] if exc else "not a feed")
        return
    if not parsed.get("bozo") and not parsed.get("version") and not any(isinstance(x, Document) for x in out):
        yield Rejected(source, "unsupported", "XML, but not an RSS or Atom feed")
        return
    yield from out


def _entries(parsed, source: str) -> Iterator[Document | Rejected]:
    entries = parsed.get("entries") or []
    if not entries:
        yield Rejected(source, "empty", "feed has no entries")
        return
    site = (parsed.get("feed") or {}).get("title") or None
    for n, e in enumerate(entries, 1):
        html = ""
        if e.get("content"):
            html = max((c.get("value") or "" for c in e["content"]), key=len)
        if len(html) < len(e.get("summary") or ""):
            html = e["summary"]
        text = fragment_text(html)
        where = e.get("link") or f"{source}#entry-{n}"
        if not text:
            yield Rejected(where, "empty", f"entry {n} of {source} has no text")
            continue
        published = to_iso(e.get("published_parsed") or e.get("updated_parsed")) \
            or to_iso(e.get("published") or e.get("updated"))
        tags = [t.get("term") for t in e.get("tags") or [] if t.get("term")]
        yield Document.new(text, title=(e.get("title") or "").strip() or None, published=published,
                           source=where, source_id=e.get("id") or None, author=e.get("author") or None,
                           site=site, category=tags[0] if tags else None, format="feed",
                           subheads=mark_subheads(text), meta={"feed": source, "entry": n})
