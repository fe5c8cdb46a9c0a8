"""Plain article files: an optional headline line, then the article text.

The text is kept as written (line breaks and blank lines included, outer
whitespace stripped) so that offsets point into what the user sees; single
heading-shaped lines between paragraphs are marked as subheads.
"""
from __future__ import annotations

from ..model import Document
from .shape import is_heading, mark_subheads


def read_text(text: str, source: str) -> Document | None:
    text = text.replace("\r\n", "\n").replace("\r", "\n").strip()
    title = None
    first, _, rest = text.partition("\n")
    if rest.strip() and is_heading(first) and not is_heading(rest.strip().split("\n", 1)[0]):
        title, text = first.strip(), rest.strip()
    if not text:
        return None
    return Document.new(text, title=title, source=source, format="text", subheads=mark_subheads(text))
