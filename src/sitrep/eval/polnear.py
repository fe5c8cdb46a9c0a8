"""PolNeAR attribution (``benchmarks/polnear``): source, cue and content spans.

PolNeAR annotates 2016 US election news in brat standoff: ``T`` lines are
spans typed Source, Cue or Content (a span may be discontinuous: its pieces
are joined, the outer bounds used), ``E`` lines link them into one
attribution. A text annotated by several annotators is scored against the
first annotation file (sorted by name). Dev is for tuning, test for reporting.

Scoring, per document and per role (source, cue, content): the gold spans are
the distinct spans of that role over all attributions; the found spans the
distinct ``source_start:source_end``, ``cue_start:cue_end`` and
``start:end`` of sitrep's claims. Spans are compared after trimming
whitespace and punctuation at both ends.

- exact: same start and end;
- overlap: at least one character in common.

Each found span matches at most one gold span (greedy, in text order).
Precision = matched found / found, recall = matched gold / gold, F1 their
harmonic mean, summed over the documents of the split. For content, spans
are long and annotators differ on their edges: the overlap figure is the
meaningful one.
"""
from __future__ import annotations

from pathlib import Path
from typing import Any

SUITE = "polnear"
HELP = "PolNeAR attribution: source, cue and content spans (exact and overlap F1), dev and test."

ROLES = ("source", "cue", "content")
_TRIM = " \t\n\r.,;:!?\"'\u201c\u201d\u2018\u2019()-\u2014\u2015"


def read_ann(path: Path) -> list[dict[str, tuple[int, int]]]:
    """The attributions of one .ann file: [{role: (start, end)}]."""
    spans: dict[str, tuple[str, int, int]] = {}
    events: list[list[str]] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if line.startswith("T") and len(parts) >= 2:
            head = parts[1].split(" ", 1)
            if len(head) < 2:
                continue
            kind, offs = head
            nums = [int(x) for piece in offs.split(";") for x in piece.split()]
            spans[parts[0]] = (kind, min(nums), max(nums))
        elif line.startswith("E") and len(parts) >= 2:
            events.append(parts[1].split())
    out = []
    for ev in events:
        att: dict[str, tuple[int, int]] = {}
        for arg in ev[1:]:
            role, _, tid = arg.partition(":")
            role = role.rstrip("0123456789").lower()
            if role in ROLES and tid in spans:
                att[role] = spans[tid][1:]
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


def _trim(text: str, a: int, b: int) -> tuple[int, int]:
    while a < b and text[a] in _TRIM:
        a += 1
    while b > a and text[b - 1] in _TRIM:
        b -= 1
    return a, b


def _match(found: list[tuple[int, int]], gold: list[tuple[int, int]], exact: bool) -> int:
    used: set[int] = set()
    n = 0
    for fa, fb in sorted(found):
        for j, (ga, gb) in enumerate(gold):
            if j in used:
                continue
            if (fa == ga and fb == gb) if exact else (fa < gb and ga < fb):
                used.add(j)
                n += 1
                break
    return n


def _prf(tp_f: int, nf: int, tp_g: int, ng: int) -> tuple[float, float, float]:
    p = tp_f / nf if nf else 0.0
    r = tp_g / ng if ng else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def score_split(docs, pipeline) -> dict[str, float]:
    from ..model import Document

    tot = {(r, m): [0, 0, 0] for r in ROLES for m in ("exact", "overlap")}
    texts = [t for _, t, _ in docs]
    for (name, text, atts), sdoc in zip(docs, pipeline.nlp.pipe(texts, batch_size=8)):
        doc = Document.new(text, source_id=name)
        recs = pipeline.extract(doc, sdoc)
        found = {
            "source": {_trim(text, c.source_start, c.source_end) for c in recs.claims if c.source_start is not None},
            "cue": {_trim(text, c.cue_start, c.cue_end) for c in recs.claims if c.cue_start is not None},
            "content": {_trim(text, c.start, c.end) for c in recs.claims},
        }
        for role in ROLES:
            gold = sorted({_trim(text, *a[role]) for a in atts if role in a})
            f = sorted(x for x in found[role] if x[1] > x[0])
            for m in ("exact", "overlap"):
                k = _match(f, gold, m == "exact")
                t = tot[(role, m)]
                t[0] += k
                t[1] += len(f)
                t[2] += len(gold)
    out: dict[str, float] = {}
    for (role, m), (tp, nf, ng) in tot.items():
        p, r, f1 = _prf(tp, nf, tp, ng)
        out[f"{role}_{m}_precision"] = round(p, 4)
        out[f"{role}_{m}_recall"] = round(r, 4)
        out[f"{role}_{m}_f1"] = round(f1, 4)
    return out


def run(shared: Path, split: str = "all") -> dict[str, dict[str, Any]]:
    from ..extract.pipeline import Pipeline

    pipe = Pipeline(stages=["entities", "claims"])
    splits = ["dev", "test"] if split == "all" else [split]
    return {s: score_split(load_split(shared, s), pipe) for s in splits}
