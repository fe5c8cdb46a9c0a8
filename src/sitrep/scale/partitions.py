"""Cut the input into partitions, and read one partition back as documents.

A partition is a small, self-describing piece of input that any worker can
read on its own:

* ``files``: a group of whole files (or URLs), read by ``ingest.iter_inputs``
  exactly as the single-process ``sitrep ingest`` reads them; folders are
  expanded in the same order (sorted, recursive).
* ``lines``: a range of lines of one JSON Lines file, found by byte offsets
  in one streaming pass at planning time (the corpus is never loaded).
  Lines are only split apart when the reader reads a JSON Lines file as one
  document per line; otherwise the file stays whole.

Each partition has a stable id (a hash of its spec: path, size, range and
whether extraction runs) so that a run started again finds the partitions an
interrupted run already loaded. Input paths must be readable at the same path
on every worker (a shared or copied folder).
"""
from __future__ import annotations

import hashlib
import json
import os
import tempfile
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Iterable, Iterator

from .. import ingest
from ..ingest import iter_inputs
from ..model import Document, PageInfo, Rejected

JSONL_SUFFIXES = (".jsonl", ".ndjson")


@dataclass(frozen=True)
class Partition:
    kind: str                               # files | lines
    paths: tuple[str, ...]                  # files/URLs (kind files) or the one JSONL file (kind lines)
    start: int = 0                          # byte offset of the first line (kind lines)
    end: int = 0                            # byte offset after the last line (kind lines)
    first_line: int = 0                     # 0-based number of the first line (kind lines)
    lines: int = 0
    sizes: tuple[int, ...] = field(default=())  # file sizes at planning time (part of the id)
    extract: bool = True
    rejected: tuple[tuple[str, str, str], ...] = ()   # (input, reason, detail) found walking folders

    @property
    def id(self) -> str:
        key = json.dumps(asdict(self), sort_keys=True)
        return "p" + hashlib.sha1(key.encode("utf-8")).hexdigest()[:20]

    def describe(self) -> str:
        if self.kind == "lines":
            return f"{self.paths[0]} lines {self.first_line + 1}-{self.first_line + self.lines}"
        if not self.paths:
            return f"{len(self.rejected)} rejected inputs"
        return self.paths[0] if len(self.paths) == 1 else f"{self.paths[0]} (+{len(self.paths) - 1} files)"

    def to_json(self) -> dict:
        return {**asdict(self), "id": self.id}


def _is_url(p: str) -> bool:
    return p.startswith(("http://", "https://"))


def _expand(paths: Iterable[str]) -> Iterator[str | Rejected]:
    """Paths, folders and URLs -> the files and URLs ``iter_inputs`` reads, in its
    order, and what it rejects while walking a folder (``ingest.folder_files``, the
    same walk); test_scale checks that the two agree on a folder holding each case."""
    for p in paths:
        p = str(p)
        if _is_url(p) or not Path(p).is_dir():
            yield p
            continue
        for f in ingest.folder_files(p):
            yield f if isinstance(f, Rejected) else str(f)


_SPLITS_JSONL: bool | None = None


def reader_splits_jsonl() -> bool:
    """Does ``iter_inputs`` read a JSON Lines file as one document per line?
    (Asked of the reader itself, so partitions never change what is read.)"""
    global _SPLITS_JSONL
    if _SPLITS_JSONL is None:
        with tempfile.TemporaryDirectory(prefix="sitrep-probe-") as d:
            f = Path(d) / "probe.jsonl"
            f.write_text('{"id": "a", "title": "One", "text": "The first probe line of text."}\n'
                         '{"id": "b", "title": "Two", "text": "The second probe line of text."}\n',
                         encoding="utf-8")
            docs = [x for x in iter_inputs([str(f)]) if isinstance(x, Document)]
            _SPLITS_JSONL = len(docs) == 2
    return _SPLITS_JSONL


def plan(paths: Iterable[str], *, lines_per_partition: int | None = None, files_per_partition: int | None = None,
         bytes_per_partition: int = 16_000_000, extract: bool = True, max_bytes: int | None = None,
         most: int = 500, target: int = 64) -> list[Partition]:
    """Partitions of the input, in reading order.

    Without explicit sizes, a partition holds ``total / target`` documents
    (at least 10, at most ``most``): a small corpus still gives every worker
    several partitions, a large one gets partitions of ``most`` documents.
    The sizes depend only on the input, so a run started again plans the same
    partitions. A JSON Lines file over ``max_bytes`` stays whole, so the reader
    rejects it exactly as the single-process ingest does. Files are counted,
    not read (JSON Lines files are scanned for line ends)."""
    files: list[tuple[str | Rejected, int]] = [
        (p, os.path.getsize(p) if isinstance(p, str) and not _is_url(p) and os.path.isfile(p) else -1)
        for p in _expand(paths)]
    split = None
    checked: dict[str, bool] = {}

    def splittable(p: str | Rejected, size: int) -> bool:
        nonlocal split
        if not (isinstance(p, str) and p.lower().endswith(JSONL_SUFFIXES) and size > 0
                and (max_bytes is None or size <= max_bytes)):
            return False
        split = reader_splits_jsonl() if split is None else split
        if split and p not in checked:
            checked[p] = _first_line_is_object(p)
        return split and checked[p]

    if lines_per_partition is None or files_per_partition is None:
        total = sum(_count_lines(p) if splittable(p, size) else 1 for p, size in files)
        auto = min(most, max(10, -(-total // target)))
        lines_per_partition = lines_per_partition or auto
        files_per_partition = files_per_partition or auto
    out: list[Partition] = []
    group: list[str] = []
    sizes: list[int] = []
    rejected: list[tuple[str, str, str]] = []

    def flush() -> None:
        if group or rejected:
            out.append(Partition("files", tuple(group), sizes=tuple(sizes), extract=extract,
                                 rejected=tuple(rejected)))
            group.clear()
            sizes.clear()
            rejected.clear()

    for p, size in files:
        if isinstance(p, Rejected):
            rejected.append((p.input, p.reason, p.detail))
            continue
        if splittable(p, size):
            flush()
            out.extend(_jsonl_ranges(p, size, lines_per_partition, extract))
            continue
        if group and (len(group) >= files_per_partition or sum(sizes) + max(size, 0) > bytes_per_partition):
            flush()
        group.append(p)
        sizes.append(size)
    flush()
    return out


def _first_line_is_object(path: str) -> bool:
    """Only a file of one JSON object a line is cut into line ranges (a JSON
    array, or one pretty-printed object, is read whole by the reader)."""
    with open(path, "rb") as f:
        for raw in f:
            raw = raw.strip().lstrip(b"\xef\xbb\xbf")
            if raw:
                try:
                    return isinstance(json.loads(raw), dict)
                except ValueError:
                    return False
    return False


def _count_lines(path: str) -> int:
    n, last = 0, b"\n"
    with open(path, "rb") as f:
        while chunk := f.read(1 << 22):
            n += chunk.count(b"\n")
            last = chunk[-1:]
    return n + (last != b"\n")


def _jsonl_ranges(path: str, size: int, per: int, extract: bool) -> Iterator[Partition]:
    start, line_no, first, n = 0, 0, 0, 0
    pos = 0
    with open(path, "rb") as f:
        for line in f:
            pos += len(line)
            line_no += 1
            n += 1
            if n >= per:
                yield Partition("lines", (path,), start, pos, first, n, (size,), extract)
                start, first, n = pos, line_no, 0
    if n:
        yield Partition("lines", (path,), start, pos, first, n, (size,), extract)


def read(part: Partition, *, max_bytes: int) -> Iterator[Document | PageInfo | Rejected]:
    """The documents, page metadata and rejections of one partition."""
    for inp, reason, detail in part.rejected:
        yield Rejected(inp, reason, detail)
    if part.kind == "files":
        yield from iter_inputs(list(part.paths), max_bytes=max_bytes)
        return
    # A line range is handed to the same reader as a small JSON Lines file of its
    # own; what the reader reports as the source is mapped back to the real file.
    real = part.paths[0]
    with tempfile.TemporaryDirectory(prefix="sitrep-part-") as d:
        tmp = str(Path(d) / Path(real).name)
        with open(real, "rb") as src, open(tmp, "wb") as dst:
            src.seek(part.start)
            left = part.end - part.start
            while left > 0:
                chunk = src.read(min(left, 1 << 20))
                if not chunk:
                    break
                dst.write(chunk)
                left -= len(chunk)
        for item in iter_inputs([tmp], max_bytes=max_bytes):
            yield _relocate(item, tmp, real, part.first_line)


def _relocate(item, tmp: str, real: str, first_line: int):
    """Put the real file's path and line numbers back where the reader wrote the
    temp file's (``source``, ``meta["input"]`` = ``path:N``, a rejection's input
    and its ``line N`` detail)."""
    import dataclasses
    import re

    def fix(s: str | None) -> str | None:
        if not s or not s.startswith(tmp):
            return s
        rest = s[len(tmp):]
        m = re.match(r"^([#:])(\d+)$", rest)
        if m:
            rest = f"{m.group(1)}{int(m.group(2)) + first_line}"
        return real + rest

    if isinstance(item, Document):
        meta = item.meta
        if isinstance(meta.get("input"), str):
            meta = {**meta, "input": fix(meta["input"])}
        return dataclasses.replace(item, source=fix(item.source), meta=meta)
    if isinstance(item, Rejected):
        detail = item.detail
        if item.input.startswith(tmp + ":") and first_line:
            detail = re.sub(r"^line (\d+)", lambda m: f"line {int(m.group(1)) + first_line}", detail)
        return dataclasses.replace(item, input=fix(item.input) or item.input, detail=detail)
    if isinstance(item, PageInfo):
        return dataclasses.replace(item, source=fix(item.source) or item.source)
    return item
