"""The records sitrep reads and produces: frozen dataclasses, one per kind.

Every record that is read from a document carries the document id and the
character offsets (Python string indices into ``Document.text``, end
exclusive) it was read from, so that ``text[start:end]`` is the surface.
Field names follow ``../shared/docs/export-format.md``; a record may carry
more fields than the export contract lists, never fewer.
"""
from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import asdict, dataclass, field, fields
from typing import Any, Iterable


def normalize_text(text: str) -> str:
    """The text a document's identity is computed from: NFKC, unified quotes
    and dashes, collapsed whitespace, lower case."""
    t = unicodedata.normalize("NFKC", text)
    t = t.translate(_PUNCT_MAP)
    t = re.sub(r"\s+", " ", t).strip().lower()
    return t


_PUNCT_MAP = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"',
                            "\u2013": "-", "\u2014": "-", "\u00a0": " "})


_SPACE_MAP = str.maketrans({"\u00a0": " ", "\u2007": " ", "\u2009": " ", "\u202f": " "})


def doc_id_for(text: str) -> str:
    """A document is identified by a hash of its normalized text."""
    return hashlib.sha256(normalize_text(text).encode("utf-8")).hexdigest()[:16]


def record_id(kind: str, doc_id: str, *parts: Any) -> str:
    """A deterministic record id: the same input gives the same id in every run
    (and on every worker of a cluster)."""
    h = hashlib.sha1("|".join([kind, doc_id, *map(str, parts)]).encode("utf-8")).hexdigest()[:12]
    return f"{kind[0]}{h}"


@dataclass(frozen=True)
class Mention:
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Evidence:
    doc_id: str
    start: int
    end: int
    text: str = ""


@dataclass(frozen=True)
class SourceRef:
    """One source of a joint attribution ("Blinken and Austin said", "according to the
    governor and the mayor"): its canonical name (as a claim's ``source``), the offsets and
    text of its span (``text[start:end]`` is ``text``), the actor code, the kind (named,
    anonymous, document) and the id of the entity record it resolved to, if any."""
    name: str
    start: int
    end: int
    text: str
    code: str | None = None
    kind: str | None = None
    entity_id: str | None = None


@dataclass(frozen=True)
class Subhead:
    """A short heading line inside an article body (kept in the body, marked)."""
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Document:
    id: str
    text: str
    title: str | None = None
    category: str | None = None
    published: str | None = None          # ISO date (YYYY-MM-DD) or None
    source: str | None = None             # path or URL it was read from
    source_id: str | None = None          # an id given by the input
    author: str | None = None
    site: str | None = None
    format: str | None = None             # page, html, feed, jsonl, csv, text
    subheads: tuple[Subhead, ...] = ()
    meta: dict = field(default_factory=dict, compare=False, hash=False)

    @classmethod
    def new(cls, text: str, **kw: Any) -> "Document":
        """A document of this text, its no-break and thin spaces made plain spaces (one character for
        one, so offsets into the input still hold): the parser splits a no-break space off as a token
        of its own, which cut "300\u00a0troops" and "$5\u00a0billion" apart."""
        return cls(id=doc_id_for(text), text=text.translate(_SPACE_MAP), **kw)


@dataclass(frozen=True)
class Rejected:
    """Input that could not be read, kept as data with the reason."""
    input: str
    reason: str       # short machine word: empty, binary, not_utf8, too_large, bad_html, not_xml, bad_json, unreachable, ...
    detail: str = ""

    def message(self) -> str:
        return f"{self.input}: {self.reason}" + (f" ({self.detail})" if self.detail else "")


@dataclass(frozen=True)
class PageInfo:
    """What a scraped page carries besides its articles (the trending sidebar)."""
    source: str
    sidebar: tuple[dict, ...] = ()     # {category, age, headline} per entry
    title: str | None = None           # the sidebar's own heading ("Trending"), when it has one


@dataclass(frozen=True)
class Entity:
    id: str
    doc_id: str
    name: str                 # canonical
    type: str                 # PERSON, ORG, GPE, LOC, NORP
    code: str | None = None   # ISO3 or bloc short name, optionally with a sector ("USA MIL")
    role: str | None = None
    mentions: tuple[Mention, ...] = ()
    sector: str | None = None
    known: bool = True        # in the actor dictionary (False: found by the model or a title pattern)

    @property
    def start(self) -> int:
        return self.mentions[0].start

    @property
    def end(self) -> int:
        return self.mentions[0].end


@dataclass(frozen=True)
class Place:
    id: str
    doc_id: str
    name: str
    kind: str | None = None      # country, region, city, continent, ...
    country: str | None = None   # ISO3
    lat: float | None = None
    lon: float | None = None
    mentions: tuple[Mention, ...] = ()
    geonameid: int | None = None

    @property
    def start(self) -> int:
        return self.mentions[0].start

    @property
    def end(self) -> int:
        return self.mentions[0].end


@dataclass(frozen=True)
class DateRef:
    id: str
    doc_id: str
    start: int
    end: int
    text: str
    date: str | None = None         # ISO date, or None when it cannot be resolved
    granularity: str | None = None  # day, month, year, ...
    anchor: str | None = None       # the date it was resolved against


@dataclass(frozen=True)
class Quantity:
    id: str
    doc_id: str
    start: int
    end: int
    text: str
    value: float | None = None
    low: float | None = None
    high: float | None = None
    approx: str | None = None       # None, about, at_least, at_most
    unit: str | None = None
    subject: str | None = None      # what is counted, as words of the text
    source: str | None = None       # canonical name of who gave the figure
    claim_id: str | None = None
    unit_class: str | None = None   # troops, drones, money:USD, ...
    subject_start: int | None = None
    subject_end: int | None = None
    hedge: str | None = None
    converted: tuple = ()           # ((value, unit), ...) a conversion given in the text
    date: str | None = None
    from_value: float | None = None  # a change "fell from 208 to 193": value 193, from_value 208
    co_sources: tuple[SourceRef, ...] = ()  # the other sources of a joint attribution, as its claim's


@dataclass(frozen=True)
class Claim:
    id: str
    doc_id: str
    start: int
    end: int
    text: str                       # the content
    source: str | None = None
    source_start: int | None = None
    source_end: int | None = None
    cue: str | None = None
    hedge: str = "asserted"         # asserted, reported, unverified, denied
    direct: bool = False
    cue_start: int | None = None
    cue_end: int | None = None
    source_code: str | None = None
    source_kind: str | None = None  # named, anonymous, document, none
    cited: str | None = None        # a source the source cites ("citing intelligence reports")
    hedge_cue: str | None = None
    cue_class: str = "speech"       # speech, belief, intention, stance (data/cues.yaml), other
    co_sources: tuple[SourceRef, ...] = ()  # the other sources of a joint attribution ("X and Y said"),
                                            # in text order; ``source`` is this claim's own
    cue_group_start: int | None = None      # where the cue's verb group begins when it has auxiliaries or
                                            # adverbs before it ("has long said": text[cue_group_start:cue_end])


@dataclass(frozen=True)
class Event:
    id: str
    doc_id: str
    start: int
    end: int
    text: str
    type: str
    actor: str | None = None
    target: str | None = None
    location: str | None = None
    date: str | None = None
    claim_id: str | None = None
    mode: str | None = None
    modality: str = "asserted"      # asserted, expected, negated
    trigger: str | None = None
    quantity_ids: tuple[str, ...] = ()
    item: str | None = None         # what was supplied, withheld or agreed ("artillery shells", "treaty")


@dataclass(frozen=True)
class Relation:
    id: str
    type: str                       # SUPPLIES, ALLIED_WITH, DEPLOYS_TO, OPPOSES, WITHHOLDS, ...
    from_: str
    to: str
    item: str | None = None
    evidence: tuple[Evidence, ...] = ()

    def to_dict(self) -> dict:
        """The record as the export contract has it (``from``, not ``from_``)."""
        return as_dict(self)


@dataclass(frozen=True)
class Track:
    id: str
    name: str
    unit: str | None
    subject: str | None
    quantities: tuple[str, ...] = ()
    why: tuple[str, ...] = ()


@dataclass(frozen=True)
class Storyline:
    id: str
    name: str
    documents: tuple[str, ...] = ()


@dataclass
class Records:
    """Everything extracted from one document."""
    doc_id: str
    entities: list[Entity] = field(default_factory=list)
    places: list[Place] = field(default_factory=list)
    dates: list[DateRef] = field(default_factory=list)
    quantities: list[Quantity] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    relations: list[Relation] = field(default_factory=list)   # per-document evidence, aggregated in the store

    KINDS = ("entities", "places", "dates", "quantities", "claims", "events", "relations")

    def all(self) -> Iterable[Any]:
        for k in self.KINDS:
            yield from getattr(self, k)


KIND_OF = {Entity: "entity", Place: "place", DateRef: "date", Quantity: "quantity", Claim: "claim",
           Event: "event", Relation: "relation", Track: "track", Storyline: "storyline", Document: "document"}
CLASS_OF = {v: k for k, v in KIND_OF.items()}


def as_dict(rec: Any) -> dict:
    """A record as plain JSON-able data (tuples of dataclasses become lists of dicts)."""
    if isinstance(rec, Relation):
        d = asdict(rec)
        d["from"] = d.pop("from_")
        return d
    return asdict(rec)


def from_dict(cls: type, d: dict) -> Any:
    """Rebuild a record from ``as_dict`` output (unknown keys are ignored)."""
    names = {f.name for f in fields(cls)}
    kw = {}
    for k, v in d.items():
        k = "from_" if (k == "from" and cls is Relation) else k
        if k not in names:
            continue
        if k == "mentions":
            v = tuple(Mention(**m) for m in v)
        elif k == "evidence":
            v = tuple(Evidence(**e) for e in v)
        elif k == "subheads":
            v = tuple(Subhead(**s) for s in v)
        elif k == "co_sources":
            v = tuple(SourceRef(**s) for s in v)
        elif isinstance(v, list):
            v = tuple(tuple(x) if isinstance(x, list) else x for x in v)
        kw[k] = v
    return cls(**kw)
