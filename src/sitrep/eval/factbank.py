"""FactBank uncertainty cues (``benchmarks/szeged_uncertainty/factbank.xml``).

The Szeged uncertainty corpus marks uncertainty cues in FactBank's news
sentences (``<ccue type="speculation_...">may</ccue>``). sitrep's detector
(``extract.hedges.speculation_cues``, cue words in ``data/cues.yaml``) is scored
two ways:

- sentence level: a sentence is uncertain when it holds at least one cue;
  precision/recall/F1 of the uncertain sentences;
- cue level: a found cue matches a gold cue when their characters overlap
  (each gold cue matched at most once).

Split: sentences in file order, even positions (0, 2, ...) dev, odd test.
"""
from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

SUITE = "factbank"
HELP = "FactBank (Szeged uncertainty marks): uncertainty cue detection, sentence and cue level, dev/test."

PATH = "benchmarks/szeged_uncertainty/factbank.xml"


def load(shared: Path) -> list[tuple[str, list[tuple[int, int]]]]:
    """[(sentence text, [(cue start, cue end)])] in file order."""
    from ..errors import SitrepError
    p = shared / PATH
    try:
        root = ET.fromstring(p.read_bytes())   # the DOCTYPE names a DTD that is not fetched
    except (OSError, ET.ParseError) as e:
        raise SitrepError(f"{p}: cannot read ({e})", input=str(p), reason="bad_xml") from e
    out = []
    for s in root.iter("Sentence"):
        parts, cues = [], []

        def walk(el):
            if el.text:
                parts.append(el.text)
            for ch in el:
                start = sum(map(len, parts))
                walk(ch)
                if ch.tag == "ccue":
                    cues.append((start, sum(map(len, parts))))
                if ch.tail:
                    parts.append(ch.tail)
        walk(s)
        out.append(("".join(parts), cues))
    return out


def _prf(tp_p: int, nf: int, tp_r: int, ng: int) -> dict[str, float]:
    p = tp_p / nf if nf else 0.0
    r = tp_r / ng if ng else 0.0
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(2 * p * r / (p + r) if p + r else 0.0, 4)}


def score(items, nlp) -> dict[str, float]:
    from ..extract.hedges import load_cues, speculation_cues
    cues = load_cues()
    s_tp = s_f = s_g = 0
    c_tp_f = c_tp_g = c_f = c_g = 0
    for (text, gold), sdoc in zip(items, nlp.pipe((t for t, _ in items), batch_size=64)):
        found = [(a, b) for a, b, _ in speculation_cues(sdoc, cues)]
        s_f += bool(found)
        s_g += bool(gold)
        s_tp += bool(found) and bool(gold)
        used: set[int] = set()
        for a, b in found:
            j = next((j for j, (ga, gb) in enumerate(gold) if j not in used and a < gb and ga < b), None)
            if j is not None:
                used.add(j)
                c_tp_f += 1
        c_tp_g += len(used)
        c_f += len(found)
        c_g += len(gold)
    out = {f"sentence_{k}": v for k, v in _prf(s_tp, s_f, s_tp, s_g).items()}
    out.update({f"cue_{k}": v for k, v in _prf(c_tp_f, c_f, c_tp_g, c_g).items()})
    return out


def run(shared: Path, split: str = "all") -> dict[str, dict[str, Any]]:
    from ..extract.pipeline import load_model
    items = load(shared)
    nlp = load_model()
    splits = ["dev", "test"] if split == "all" else [split]
    return {s: score(items[(0 if s == "dev" else 1)::2], nlp) for s in splits}
