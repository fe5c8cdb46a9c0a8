"""What a stage sees: the document, its spaCy parse, the records of the stages
before it, and the pipeline's loaded resources."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from ..model import Document, Records


@dataclass
class Context:
    doc: Document
    sdoc: Any                      # spacy.tokens.Doc over doc.text
    resources: dict[str, Any]      # loaded once per pipeline (actor dictionary, place index, ...)
    records: Records
    anchor: date | None = None     # the date relative expressions are resolved against
    scratch: dict[str, Any] = field(default_factory=dict)  # per-document notes a stage leaves for later ones
