"""CQE's four unit test sets (age, currency, dimension, temperature): held-out checks of the quantities stage.

The sets are ``<set>-model.json`` beside NewsQuant.json in ``benchmarks/cqe_newsquant`` (CQE, EMNLP
2023): short sentences, each with its gold quantities (value and CQE's normalized unit). They are
scored with the NewsQuant suite's value equality and unit names (``newsquant.figures`` and
``newsquant.score``; see ``eval/newsquant.py``), one row per set, but counted one-to-one: each found
figure answers at most one gold figure (``newsquant.score``'s ``*_1to1_*`` metrics). CQE's own count
is not used here: each gold figure credits every found figure of its value and unit, so a sentence
that writes one speed four ways (4 gold, 4 found, all "10 kilometre per hour") gives 16 hits for 4
figures, and on the dimension set value+unit P would come out above 1 (1.027). (Before 2026-11-26
this suite capped CQE's count per sentence instead; on all four sets the capped figures equalled the
one-to-one ones.)

These are held-out checks: nobody tunes on them, so there is no dev/test split, and everything is
reported as ``all``, whatever ``--split`` asks (as the seed, msrt and quantulum suites do).

Metrics per set (prefixed ``<set>_``): ``value_p/r/f1``, ``value_unit_p/r/f1`` (one-to-one), and the
counts ``sentences``, ``gold``, ``found``.
"""
from __future__ import annotations

import json
from pathlib import Path

SUITE = "cqe_units"
HELP = ("CQE unit test sets (age, currency, dimension, temperature): value and value+unit F1 per set; "
        "held-out checks, nobody tunes on them (no split: 'all')")

SETS = ("age", "currency", "dimension", "temperature")
# the name reported -> the one-to-one metric of ``newsquant.score`` it takes
KEEP = {f"{m}_{x}": f"{m}_1to1_{x}" for m in ("value", "value_unit") for x in ("p", "r", "f1")}


def score_set(pairs) -> dict:
    """[(found figures, gold quantities)] of one set -> its metrics and counts."""
    from .newsquant import score
    sc = score(pairs)
    out = {name: sc[metric] for name, metric in KEEP.items()}
    out["sentences"] = len(pairs)
    out["gold"] = sum(len(g) for _, g in pairs)
    out["found"] = sum(len(f) for f, _ in pairs)
    return out


def run(shared: Path, split: str = "all") -> dict:
    from ..errors import SitrepError
    from ..extract.context import Context
    from ..extract.pipeline import Pipeline
    from ..extract.quantities import find_quantities
    from ..model import Document, Records
    from .newsquant import figures

    folder = Path(shared) / "benchmarks" / "cqe_newsquant"
    pipe = Pipeline(stages=())
    row = {}
    for name in SETS:
        path = folder / f"{name}-model.json"
        if not path.exists():
            raise SitrepError(f"{path}: CQE unit test set not found", input=str(path), reason="not_found")
        items = json.loads(path.read_text(encoding="utf-8"))
        pairs = []
        for item, sdoc in zip(items, pipe.nlp.pipe((x["text"] for x in items), batch_size=64)):
            doc = Document.new(item["text"])
            ctx = Context(doc=doc, sdoc=sdoc, resources=pipe.resources, records=Records(doc_id=doc.id))
            pairs.append((figures(find_quantities(ctx)), item["quantities"]))
        row.update({f"{name}_{k}": v for k, v in score_set(pairs).items()})
    return {"all": row}
