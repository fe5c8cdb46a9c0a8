"""Ingestion: paths, folders and URLs in; documents, page metadata and
rejections out.

``iter_inputs`` walks the inputs (folders recursively, hidden files skipped,
only the file types in ``FOLDER_EXTS``; a file named directly is always read),
checks each file's size before reading it, and hands the bytes to
``read_bytes``, which sniffs the format from the content (the name or content
type only breaks ties) and calls one reader per input shape:

- ``page``: scraped text pages (articles + trending sidebar) and, through
  ``text``, plain article files;
- ``html``: HTML article pages (trafilatura);
- ``feeds``: RSS and Atom (feedparser);
- ``tabular``: JSON Lines, JSON arrays and CSV;
- ``fetch``: http(s) URLs, then the same readers.

Nothing here raises on bad input: each failure is a ``Rejected(input, reason,
detail)`` with a short reason word (empty, binary, not_utf8, too_large,
bad_html, not_xml, bad_json, bad_csv, unreachable, not_found, unreadable,
unsupported).
"""
from __future__ import annotations

from pathlib import Path
from typing import Iterable, Iterator

from ..model import Document, PageInfo, Rejected
from . import sniff as sn
from .fetch import fetch, is_url

Item = Document | PageInfo | Rejected

#: file types read when walking a folder (a file named on the command line is always read)
FOLDER_EXTS = {".txt", ".text", ".page"} | sn.HTML_EXTS | sn.XML_EXTS | sn.JSON_EXTS | sn.CSV_EXTS

__all__ = ["iter_inputs", "read_bytes", "read_file", "Item"]


def iter_inputs(paths: Iterable[str], *, max_bytes: int = 50_000_000,
                timeout: float | None = None) -> Iterator[Item]:
    """Everything read from ``paths`` (files, folders, URLs), in order."""
    if timeout is None:
        from .. import settings
        timeout = settings.get("fetch_timeout")
    for p in paths:
        p = str(p)
        if is_url(p):
            got = fetch(p, max_bytes=max_bytes, timeout=timeout)
            if isinstance(got, Rejected):
                yield got
            else:
                body, ctype, ext = got
                yield from read_bytes(body, p, ext=ext, content_type=ctype, max_bytes=max_bytes)
            continue
        path = Path(p)
        if path.is_dir():
            for f in folder_files(p):
                if isinstance(f, Rejected):
                    yield f
                else:
                    yield from read_file(f, max_bytes=max_bytes)
        elif not path.exists():
            yield Rejected(p, "not_found", "no such file or folder")
        else:
            yield from read_file(path, max_bytes=max_bytes)


def folder_files(folder: str) -> Iterator[Path | Rejected]:
    """The files a folder is read as, in order: hidden files and __pycache__ skipped,
    only ``FOLDER_EXTS`` (or no extension) read, the rest and an empty folder rejected.
    Used by ``iter_inputs`` and by the scale-out partitioner, so both walk alike."""
    path = Path(folder)
    files = sorted(f for f in path.rglob("*") if f.is_file()
                   and not any(part.startswith(".") or part == "__pycache__"
                               for part in f.relative_to(path).parts))
    if not files:
        yield Rejected(folder, "empty", "folder holds no files")
    for f in files:
        if f.suffix.lower() in FOLDER_EXTS or not f.suffix:
            yield f
        else:
            yield Rejected(str(f), "unsupported", f"{f.suffix} files are not read from folders; "
                           "name the file itself to read it")


def read_file(path: Path, *, max_bytes: int) -> Iterator[Item]:
    """One file: the size is checked before anything is read."""
    src = str(path)
    try:
        size = path.stat().st_size
        if size > max_bytes:
            yield Rejected(src, "too_large", f"{size} bytes, limit {max_bytes} (setting max_bytes)")
            return
        data = path.read_bytes()
    except OSError as e:
        yield Rejected(src, "unreadable", e.strerror or type(e).__name__)
        return
    yield from read_bytes(data, src, ext=path.suffix.lower(), max_bytes=max_bytes)


def read_bytes(data: bytes, source: str, *, ext: str = "", content_type: str = "",
               max_bytes: int = 50_000_000) -> Iterator[Item]:
    """Sniff ``data`` and read it with the reader for its shape."""
    if not data.strip():
        yield Rejected(source, "empty", "no content")
        return
    known = sn.known_binary(data)
    if known:
        yield Rejected(source, "unsupported", f"{known}: not a format sitrep reads")
        return
    kind = sn.binary_kind(data)
    if kind:
        yield Rejected(source, "binary", kind)
        return
    fmt = sn.sniff(data, ext, content_type)
    if fmt == "not_xml":
        yield Rejected(source, "not_xml", "named as a feed or XML file but holds no markup")
        return
    if fmt == "feed":
        from .feeds import read_feed
        yield from read_feed(data, source)
        return
    if fmt in ("jsonl", "json"):
        from .tabular import read_json, read_jsonl
        yield from (read_json if fmt == "json" else read_jsonl)(data, source)
        return
    text, why = sn.decode(data, markup=fmt == "html")
    if text is None:
        yield Rejected(source, "not_utf8", why)
        return
    if fmt == "html":
        from .html import read_html
        yield read_html(text, source, url=source if is_url(source) else None)
    elif fmt == "csv":
        from .tabular import read_csv
        yield from read_csv(text, source, max_field=max_bytes)
    else:
        yield from _read_text(text, source)


def _read_text(text: str, source: str) -> Iterator[Item]:
    from .page import page_documents, parse_page
    from .text import read_text
    page = parse_page(text)
    if page.is_page:
        docs = page_documents(page, source)
        if page.sidebar:
            yield PageInfo(source, tuple(page.sidebar), page.sidebar_title)
        if not docs:
            yield Rejected(source, "empty", "page holds no article text")
        yield from docs
        return
    doc = read_text(text, source)
    yield doc if doc else Rejected(source, "empty", "no text")
