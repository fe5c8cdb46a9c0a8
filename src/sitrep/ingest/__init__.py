"""Ingestion: paths, folders and URLs in; documents, page metadata and
rejections out. (Minimal first version: plain text files only.)"""
from __future__ import annotations

from pathlib import Path
from typing import Iterable, Iterator

from ..model import Document, PageInfo, Rejected


def iter_inputs(paths: Iterable[str], *, max_bytes: int = 50_000_000) -> Iterator[Document | PageInfo | Rejected]:
    for p in paths:
        path = Path(p)
        files = sorted(x for x in path.rglob("*") if x.is_file()) if path.is_dir() else [path]
        for f in files:
            if not f.exists():
                yield Rejected(str(f), "not_found")
                continue
            data = f.read_bytes()
            if not data.strip():
                yield Rejected(str(f), "empty")
                continue
            try:
                text = data.decode("utf-8")
            except UnicodeDecodeError as e:
                yield Rejected(str(f), "not_utf8", str(e))
                continue
            yield Document.new(text, source=str(f), format="text")
