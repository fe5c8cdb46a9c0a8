"""JSON Lines, JSON arrays and CSV: one document per object or row.

Fields (first name found wins): text (``text``, ``body``, ``content``), title
(``title``, ``headline``), published (``published``, ``date``, ...), url
(``url``, ``link``), id (``id``, ``source_id``, ``guid``; kept as
``Document.source_id``), and optionally category, author, site. A bad line or
row is rejected with its line number (``path:N``); the other lines still read.
"""
from __future__ import annotations

import csv
import io
import json
from typing import Any, Iterator

from ..model import Document, Rejected
from .dates import to_iso

FIELDS = {
    "text": ("text", "body", "content", "article", "maintext"),
    "title": ("title", "headline"),
    "published": ("published", "date", "pubdate", "published_at", "publish_date", "date_publish"),
    "url": ("url", "link", "source_url"),
    "id": ("id", "source_id", "guid", "doc_id"),
    "category": ("category", "section"),
    "author": ("author", "byline"),
    "site": ("site", "source_name", "outlet"),
}


def _get(rec: dict, key: str) -> Any:
    low = {str(k).lower(): v for k, v in rec.items()}
    for name in FIELDS[key]:
        v = low.get(name)
        if v not in (None, ""):
            return v
    return None


def record_document(rec: Any, source: str, where: str, fmt: str) -> Document | Rejected:
    """One input record -> a Document (or a rejection naming ``where``)."""
    if not isinstance(rec, dict):
        return Rejected(where, "bad_json" if fmt != "csv" else "bad_csv", "not an object")
    text = _get(rec, "text")
    if not isinstance(text, str) or not text.strip():
        named = [k for k in rec if str(k).lower() in FIELDS["text"]]
        if named:
            return Rejected(where, "empty", f"the {named[0]!r} field is empty")
        return Rejected(where, "empty", "no text field (text, body or content)")
    text = text.replace("\r\n", "\n").strip()
    url = _get(rec, "url")
    sid = _get(rec, "id")

    def s(key: str) -> str | None:
        v = _get(rec, key)
        return str(v).strip() or None if v is not None else None

    return Document.new(text, title=s("title"), published=to_iso(_get(rec, "published")),
                        source=str(url) if url else source, source_id=str(sid) if sid is not None else None,
                        category=s("category"), author=s("author"), site=s("site"), format=fmt,
                        meta={"input": where})


def read_jsonl(data: bytes, source: str) -> Iterator[Document | Rejected]:
    """Objects one a line; a whole-file JSON array or object is read too."""
    stripped = data.lstrip(b"\xef\xbb\xbf \t\r\n")
    if stripped.startswith(b"["):
        yield from read_json(data, source)
        return
    lines = data.split(b"\n")
    bad_first = None
    for n, raw in enumerate(lines, 1):
        raw = raw.strip()
        if n == 1:
            raw = raw.lstrip(b"\xef\xbb\xbf")
        if not raw:
            continue
        where = f"{source}:{n}"
        try:
            line = raw.decode("utf-8")
        except UnicodeDecodeError as e:
            yield Rejected(where, "not_utf8", f"invalid UTF-8 byte 0x{raw[e.start]:02x}")
            continue
        try:
            rec = json.loads(line)
        except json.JSONDecodeError as e:
            if bad_first is None and n == 1 and len(lines) > 1:
                # maybe one pretty-printed JSON document rather than JSON Lines
                try:
                    whole = json.loads(data.decode("utf-8-sig"))
                except (ValueError, UnicodeDecodeError):
                    whole = None
                if whole is not None:
                    yield from _records([whole] if isinstance(whole, dict) else whole, source, "json")
                    return
            bad_first = n
            yield Rejected(where, "bad_json", f"line {n}: {e.msg} at column {e.colno}")
            continue
        yield record_document(rec, source, where, "jsonl")


def read_json(data: bytes, source: str) -> Iterator[Document | Rejected]:
    try:
        whole = json.loads(data.decode("utf-8-sig"))
    except UnicodeDecodeError as e:
        yield Rejected(source, "not_utf8", f"invalid UTF-8 byte at offset {e.start}")
        return
    except json.JSONDecodeError as e:
        yield Rejected(source, "bad_json", f"line {e.lineno}: {e.msg} at column {e.colno}")
        return
    yield from _records(whole if isinstance(whole, list) else [whole], source, "json")


def _records(recs: list, source: str, fmt: str) -> Iterator[Document | Rejected]:
    for n, rec in enumerate(recs, 1):
        yield record_document(rec, source, f"{source}#{n}", fmt)


def read_csv(text: str, source: str, *, max_field: int = 50_000_000) -> Iterator[Document | Rejected]:
    csv.field_size_limit(max(max_field, 131072))
    first = text.split("\n", 1)[0]
    try:
        dialect = csv.Sniffer().sniff(first, delimiters=",;\t")
        delim = dialect.delimiter
    except csv.Error:
        delim = ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delim, strict=True)
    try:
        header = next(reader)
    except (csv.Error, StopIteration) as e:
        yield Rejected(source, "bad_csv", f"no header row ({e})" if str(e) else "no header row")
        return
    names = [h.strip().lstrip("\ufeff").lower() for h in header]
    if not any(n in FIELDS["text"] for n in names):
        yield Rejected(source, "bad_csv", f"no text column (text, body or content) in header: {', '.join(names)[:120]}")
        return
    while True:
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as e:
            yield Rejected(f"{source}:{reader.line_num}", "bad_csv", f"line {reader.line_num}: {e}")
            return
        if not any(c.strip() for c in row):
            continue
        where = f"{source}:{reader.line_num}"
        if len(row) != len(names):
            yield Rejected(where, "bad_csv", f"line {reader.line_num}: {len(row)} fields, header has {len(names)}")
            continue
        yield record_document(dict(zip(names, row)), source, where, "csv")
