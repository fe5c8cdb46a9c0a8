"""PolNeAR attribution (``benchmarks/polnear``): source, cue and content spans.

PolNeAR annotates 2016 US election news in brat standoff: ``T`` lines are
spans typed Source, Cue or Content (a span may be discontinuous, "a;b c;d":
exact match compares its outer bounds, overlap needs a character in common
with one of its pieces, not with the gap between them), ``E`` lines link them
into one attribution; a source or cue shared by several attributions is one
span. A text annotated by several annotators is scored against the
first annotation file (sorted by name). Dev is for tuning, test for reporting.

Scoring, per document and per role (source, cue, content): the gold spans are
the distinct spans of that role over all attributions; the found spans the
distinct ``source_start:source_end`` (for a joint attribution, the extent
of all its sources: "X and Y"), ``cue_start:cue_end`` (from ``cue_group_start``
when sitrep gives the cue's verb group: PolNeAR marks a cue with its auxiliaries,
negation and adverbs, "has also said", where ``cue`` keeps the bare word) and
``start:end`` of sitrep's claims. Spans are compared after trimming
whitespace and punctuation at both ends; a cue that is punctuation only
(PolNeAR marks the colon of "Pence: ..." as a cue), gold or found, is kept as
it is rather than trimmed to nothing, so it can be matched.

- exact: same start and end;
- overlap: at least one character in common.

Each found span matches at most one gold span and each gold span at most one
found span (a maximum matching: a greedy one undercounts when a long found
span overlaps two gold spans).
Precision = matched found / found, recall = matched gold / gold, F1 their
harmonic mean, summed over the documents of the split. For content, spans
are long and annotators differ on their edges: the overlap figure is the
meaningful one.

PolNeAR itself defines no scorer for systems (the benchmark folder holds only the
data; the upstream README reports annotator agreement: token-wise Krippendorff's
alpha and attribution-wise agreement), so the per-role exact and overlap F1 of the
attribution-extraction literature (PARC3) is used.

Univocal figures (``univocal_*``, added beside the figures above, which stay
as they were). PolNeAR's README states that its annotation is univocal: each
token has one label and takes part in at most one attribution, so an
attribution nested in another's content ('X condemned what Y called "a
breach"') is never annotated when the outer one is. The univocal figures
first reduce sitrep's claims to a univocal set, as an annotator would: a claim
whose cue lies inside the content of another claim is left out (the outer one
kept), then score the same way. sitrep's claims stage now keeps one attribution
per stretch of text itself (``claims._univocal``), but for claims with no source
("reportedly") and what a document named in a content says ("a statement
criticizing ..."), so the two figures differ only by those.
"""
from __future__ import annotations

from pathlib import Path
from typing import Any

from .match import max_matching

SUITE = "polnear"
HELP = "PolNeAR attribution: source, cue and content spans (exact and overlap F1), dev and test."

ROLES = ("source", "cue", "content")
_TRIM = " \t\n\r.,;:!?\"'\u201c\u201d\u2018\u2019()-\u2014\u2015"


def read_ann(path: Path) -> list[dict[str, tuple[int, int]]]:
    """The attributions of one .ann file: [{role: (start, end)}]; a discontinuous span
    also gives its pieces under ``role + "_pieces"``."""
    spans: dict[str, tuple] = {}
    events: list[list[str]] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if line.startswith("T") and len(parts) >= 2:
            head = parts[1].split(" ", 1)
            if len(head) < 2:
                continue
            kind, offs = head
            pieces = [tuple(int(x) for x in piece.split()) for piece in offs.split(";")]
            nums = [x for p in pieces for x in p]
            spans[parts[0]] = (kind, min(nums), max(nums), tuple(sorted(pieces)))
        elif line.startswith("E") and len(parts) >= 2:
            events.append(parts[1].split())
    out = []
    for ev in events:
        att: dict[str, tuple[int, int]] = {}
        for arg in ev[1:]:
            role, _, tid = arg.partition(":")
            role = role.rstrip("0123456789").lower()
            if role in ROLES and tid in spans:
                att[role] = spans[tid][1:3]
                if len(spans[tid][3]) > 1:
                    att[role + "_pieces"] = spans[tid][3]
        if att:
            out.append(att)
    return out


def load_split(shared: Path, split: str) -> list[tuple[str, str, list[dict]]]:
    """[(doc name, text, attributions)] of a split (dev or test)."""
    base = shared / "benchmarks" / "polnear" / "data" / split
    anns: dict[str, Path] = {}
    for p in sorted((base / "attributions").glob("*.ann")):
        stem = p.stem.rsplit("_", 1)[0]
        anns.setdefault(stem, p)
    out = []
    for stem, p in sorted(anns.items()):
        tp = base / "text" / f"{stem}.txt"
        if tp.exists():
            out.append((stem, tp.read_text(encoding="utf-8"), read_ann(p)))
    return out


def _trim(text: str, a: int, b: int, keep_empty: bool = False) -> tuple[int, int]:
    a0, b0 = a, b
    while a < b and text[a] in _TRIM:
        a += 1
    while b > a and text[b - 1] in _TRIM:
        b -= 1
    if keep_empty and b <= a:
        return a0, b0
    return a, b


def _match(found: list[tuple[int, int]], gold: list[tuple], exact: bool) -> int:
    """Size of a maximum matching of found to gold spans. A gold span is (start, end) or
    (start, end, pieces): overlap with a discontinuous span means overlap with a piece."""
    def hit(f, g) -> bool:
        if exact:
            return f[0] == g[0] and f[1] == g[1]
        pieces = g[2] if len(g) > 2 else (g[:2],)
        return any(f[0] < pb and pa < f[1] for pa, pb in pieces)

    edges = [[j for j, g in enumerate(gold) if hit(f, g)] for f in sorted(found)]
    return max_matching(edges)


def _prf(tp_f: int, nf: int, tp_g: int, ng: int) -> tuple[float, float, float]:
    p = tp_f / nf if nf else 0.0
    r = tp_g / ng if ng else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def _gold_spans(text: str, atts: list[dict], role: str) -> set[tuple]:
    """The distinct gold spans of a role: trimmed (start, end), with the trimmed pieces of a
    discontinuous span as a third item."""
    out = set()
    for a in atts:
        if role not in a:
            continue
        span = _trim(text, *a[role], keep_empty=True)
        pieces = a.get(role + "_pieces")
        if pieces:
            kept = tuple(p for p in (_trim(text, *p) for p in pieces) if p[1] > p[0])
            span = span + (kept or (span,),)
        out.add(span)
    return out


def univocal(claims) -> list:
    """The claims an annotator of univocal attributions would mark: a claim whose cue lies
    inside another claim's content is left out (the outer claim stays)."""
    def nested(c) -> bool:
        return c.cue_start is not None and any(
            o is not c and o.start <= c.cue_start < o.end and not (o.cue_start == c.cue_start)
            and not (c.start <= (o.cue_start if o.cue_start is not None else -1) < c.end) for o in claims)
    return [c for c in claims if not nested(c)]


def _source_extent(c) -> tuple[int, int]:
    """A claim's source span; for a joint attribution ("X and Y said", kept as
    ``co_sources``) the extent from the first to the last of its sources, the
    one span PolNeAR marks for them."""
    a, b = c.source_start, c.source_end
    for s in getattr(c, "co_sources", None) or ():
        if s.start is not None and s.end is not None:
            a, b = min(a, s.start), max(b, s.end)
    return a, b


def _cue_start(c) -> int:
    """Where a claim's cue begins as PolNeAR marks it: with its verb group (``cue_group_start``:
    "has long said", "would not confirm", "also noted"), which sitrep outputs beside the bare cue."""
    g = getattr(c, "cue_group_start", None)
    return g if g is not None and g < c.cue_start else c.cue_start


def _found(text: str, claims) -> dict[str, set]:
    return {
        "source": {_trim(text, *_source_extent(c)) for c in claims if c.source_start is not None},
        "cue": {_trim(text, _cue_start(c), c.cue_end, keep_empty=True) for c in claims if c.cue_start is not None},
        "content": {_trim(text, c.start, c.end) for c in claims},
    }


def score_split(docs, pipeline) -> dict[str, float]:
    from ..model import Document

    kinds = ("", "univocal_")
    tot = {(u, r, m): [0, 0, 0] for u in kinds for r in ROLES for m in ("exact", "overlap")}
    texts = [t for _, t, _ in docs]
    for (name, text, atts), sdoc in zip(docs, pipeline.nlp.pipe(texts, batch_size=8)):
        doc = Document.new(text, source_id=name)
        recs = pipeline.extract(doc, sdoc)
        for u, claims in (("", recs.claims), ("univocal_", univocal(recs.claims))):
            found = _found(text, claims)
            for role in ROLES:
                gold = sorted(_gold_spans(text, atts, role))
                f = sorted(x for x in found[role] if x[1] > x[0])
                for m in ("exact", "overlap"):
                    k = _match(f, gold, m == "exact")
                    t = tot[(u, role, m)]
                    t[0] += k
                    t[1] += len(f)
                    t[2] += len(gold)
    out: dict[str, float] = {}
    for (u, role, m), (tp, nf, ng) in tot.items():
        p, r, f1 = _prf(tp, nf, tp, ng)
        out[f"{u}{role}_{m}_precision"] = round(p, 4)
        out[f"{u}{role}_{m}_recall"] = round(r, 4)
        out[f"{u}{role}_{m}_f1"] = round(f1, 4)
    return out


def run(shared: Path, split: str = "all") -> dict[str, dict[str, Any]]:
    from ..extract.pipeline import Pipeline

    pipe = Pipeline(stages=["entities", "claims"])
    splits = ["dev", "test"] if split == "all" else [split]
    return {s: score_split(load_split(shared, s), pipe) for s in splits}
