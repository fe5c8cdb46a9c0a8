"""What an input is, from its bytes first and its name or content type second
(an extension may lie), and its text as UTF-8.

Formats: ``feed`` (RSS/Atom/RDF), ``html``, ``jsonl``, ``json``, ``csv``,
``text`` (a scraped page or a plain article; ``page.py`` tells them apart) and
``not_xml`` (named as a feed or XML file but not markup at all).
"""
from __future__ import annotations

import codecs
import re

XML_EXTS = {".xml", ".rss", ".atom", ".rdf", ".feed"}
HTML_EXTS = {".html", ".htm", ".xhtml"}
JSON_EXTS = {".jsonl", ".ndjson", ".json"}
CSV_EXTS = {".csv", ".tsv"}

_BINARY_MAGIC = {b"%PDF": "PDF", b"PK\x03\x04": "ZIP archive", b"\x1f\x8b": "gzip", b"\x89PNG": "PNG image",
                 b"\xff\xd8\xff": "JPEG image", b"GIF8": "GIF image", b"\x7fELF": "executable",
                 b"SQLite format 3": "SQLite database"}


def known_binary(data: bytes) -> str | None:
    """The name of a known non-text file type (PDF, ZIP, images, ...), or None."""
    for magic, name in _BINARY_MAGIC.items():
        if data.startswith(magic):
            return name
    return None


def binary_kind(data: bytes) -> str | None:
    """A short description when the bytes are not text (None for text)."""
    known = known_binary(data)
    if known:
        return known
    head = data[:8192]
    if b"\x00" in head and not head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "contains NUL bytes"
    ctrl = sum(1 for b in head if b < 9 or 13 < b < 32)
    if head and ctrl / len(head) > 0.1:
        return "mostly control bytes"
    return None


def decode(data: bytes, *, markup: bool = False) -> tuple[str | None, str]:
    """``(text, "")`` or ``(None, why)``. Text is UTF-8 (a BOM is dropped);
    markup (HTML, XML) may declare another charset, which is honoured."""
    try:
        return data.decode("utf-8-sig"), ""
    except UnicodeDecodeError as e:
        why = f"invalid UTF-8 byte 0x{data[e.start]:02x} at offset {e.start}"
    if markup:
        m = re.search(rb"""(?:charset|encoding)\s*=\s*["']?([A-Za-z0-9_\-]+)""", data[:2048], re.I)
        if m:
            try:
                return data.decode(m.group(1).decode("ascii")), ""
            except (LookupError, UnicodeDecodeError):
                pass
    return None, why


def _looks_csv(first_line: str) -> bool:
    cells = [c.strip().strip('"').lower() for c in re.split(r"[,;\t]", first_line)]
    return 2 <= len(cells) <= 40 and any(c in ("text", "body", "content") for c in cells) \
        and all(len(c) <= 40 for c in cells)


def sniff(data: bytes, ext: str = "", content_type: str = "") -> str:
    head = data[:4096].decode("utf-8", errors="replace").lstrip("\ufeff \t\r\n")
    low = head.lower()
    ct = (content_type or "").split(";")[0].strip().lower()
    if low.startswith("<"):
        if re.search(r"<(rss|feed|rdf:rdf)[\s>]", low[:3000]):
            return "feed"
        if re.search(r"<(!doctype html|html)[\s>]", low):
            return "html"
        if low.startswith("<?xml") or ext in XML_EXTS or ct.endswith(("/xml", "+xml")):
            return "feed"     # XML: the feed reader says not_xml / unsupported when it is no feed
        return "html"
    first = head.split("\n", 1)[0].strip()
    if low.startswith("["):
        return "json"
    if low.startswith("{"):
        return "jsonl"
    if ext in XML_EXTS or ct.endswith(("/xml", "+xml")):
        return "not_xml"
    early = [ln.strip() for ln in head.split("\n")[:20] if ln.strip()]
    if (ext in JSON_EXTS or "json" in ct) and any(ln.startswith("{") for ln in early):
        return "jsonl"
    if (ext in CSV_EXTS or ct == "text/csv") and re.search(r"[,;\t]", first):
        return "csv"
    if _looks_csv(first):
        return "csv"
    if ct == "text/html" or ext in HTML_EXTS:
        return "text"   # named HTML but no markup: read it as text
    return "text"
