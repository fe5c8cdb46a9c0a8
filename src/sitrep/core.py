"""The main job: read inputs, extract records, store them.

Order of stages for ``ingest``:

1. ``ingest.iter_inputs`` turns each path, folder or URL into documents (one
   reader per input shape: scraped page, HTML, feed, JSONL, CSV, plain text),
   page metadata (a scraped page's sidebar) and rejections (empty, binary,
   not UTF-8, too large, broken HTML, not XML, bad JSON, unreachable).
2. Documents already in the store (same normalized-text hash) are not
   extracted again; their new source is recorded.
3. ``extract.pipeline`` runs the extraction stages on new documents, in
   batches through ``nlp.pipe``.
4. ``store.add`` writes each batch (documents and records) in one
   transaction; a failure loses nothing already stored.

Rejected inputs are stored as data (``rejects`` table) and reported; the rest
of the batch goes on.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable, Iterable

from . import settings
from .ingest import iter_inputs
from .model import Document, PageInfo, Rejected
from .store import Store


@dataclass
class IngestReport:
    new: list[str] = field(default_factory=list)
    duplicates: list[str] = field(default_factory=list)
    rejected: list[Rejected] = field(default_factory=list)
    pages: int = 0

    @property
    def read(self) -> int:
        return len(self.new) + len(self.duplicates)


def ingest(paths: Iterable[str], store: Store, *, extract: bool | None = None, pipeline=None,
           batch_size: int | None = None, on_item: Callable[[object], None] | None = None) -> IngestReport:
    """Read ``paths`` into ``store``; return what was new, repeated and rejected."""
    extract = settings.get("extract") if extract is None else extract
    batch_size = batch_size or settings.get("batch_size")
    if extract and pipeline is None:
        from .extract.pipeline import get_pipeline
        pipeline = get_pipeline()
    report = IngestReport()
    batch: list[Document] = []

    def flush() -> None:
        if not batch:
            return
        known = store.existing_ids([d.id for d in batch])
        fresh, seen = [], set()
        for d in batch:
            if d.id not in known and d.id not in seen:
                fresh.append(d)
                seen.add(d.id)
        recs = {}
        if extract and fresh:
            recs = {d.id: r for d, r in pipeline.process(fresh)}
        items = [(d, recs.get(d.id)) for d in batch]
        for doc_id, is_new in store.add(items):
            (report.new if is_new else report.duplicates).append(doc_id)
        batch.clear()

    for item in iter_inputs(paths, max_bytes=settings.get("max_bytes")):
        if on_item:
            on_item(item)
        if isinstance(item, Rejected):
            store.add_reject(item)
            report.rejected.append(item)
        elif isinstance(item, PageInfo):
            store.add_page(item)
            report.pages += 1
        else:
            batch.append(item)
            if len(batch) >= batch_size:
                flush()
    flush()
    return report


def extract_stored(store: Store, *, pipeline=None, doc_ids: Iterable[str] | None = None,
                   on_doc: Callable[[str], None] | None = None) -> int:
    """Re-run extraction on stored documents (after the rules changed)."""
    if pipeline is None:
        from .extract.pipeline import get_pipeline
        pipeline = get_pipeline()
    docs = (store.document(i) for i in doc_ids) if doc_ids else store.iter_documents()
    n = 0
    for doc, recs in pipeline.process(docs):
        store.replace_records(doc.id, recs, extracted_with=pipeline.version)
        n += 1
        if on_doc:
            on_doc(doc.id)
    return n
