"""quantulum3's own English test cases: pass rate of the quantities reader.

A case passes when the figures read from its sentence (``scan(bare=True)``:
numbers without a unit count too, as quantulum's "dimensionless") are exactly
the expected ones as a multiset of (value, unit): values equal within a
relative 1e-6 (a range is never averaged, so a case expecting the average of a
range fails), units compared as in the NewsQuant suite (currency codes to
names, percent -> percentage, "dimensionless" = no unit). No split: "all".
"""
from __future__ import annotations

import json
from pathlib import Path

SUITE = "quantulum"
HELP = "quantulum3 test cases: pass rate (value and unit)"


def _close(a, b) -> bool:
    return a is not None and b is not None and abs(a - b) <= 1e-9 + 1e-6 * abs(b)


def passes(figs: list[dict], res: list[dict]) -> bool:
    from .newsquant import units_match
    if len(figs) != len(res):
        return False
    left = list(figs)
    for r in res:
        unit = None if r.get("unit") == "dimensionless" else r.get("unit")
        hit = next((f for f in left if _close(f["value"], float(r["value"]))
                    and (units_match(f["unit"], unit) if unit else f["unit"] is None)), None)
        if hit is None:
            return False
        left.remove(hit)
    return True


def run(shared: Path, split: str = "all") -> dict:
    from ..extract.pipeline import Pipeline
    from ..extract.quantities import lexicon, scan

    cases = json.loads((Path(shared) / "benchmarks" / "quantulum3_tests" / "quantities.json").read_text("utf-8"))
    pipe = Pipeline(stages=())
    lex = lexicon()
    ok = sum(passes(scan(sdoc, lex, bare=True), c["res"])
             for c, sdoc in zip(cases, pipe.nlp.pipe(c["req"] for c in cases)))
    return {"all": {"pass": round(ok / len(cases), 4)}}
