"""The seed page: ``../shared/gold/seed-page.json``, hand-made answers for
``../shared/corpus/sample/warya-2024-11-page.txt``, every record kind.

The page is read by sitrep's own page reader; each gold document is paired
with the article of the same headline. Matching follows the gold README:

- entity: same type class (PERSON, ORG, GPE) and the canonical name equals
  the gold name or an alias (a person also by surname);
- place: same name and same country;
- quantity: value within 0.5 % (or low and high equal), same approx class,
  same unit class; then the figure's source is compared (a conversion in
  brackets counts as a figure of its own, as the gold lists it);
- claim: the source matches and the content span overlaps the sentence the
  gold claim comes from (the sentence sharing most content words with the
  gold ``about``); then cue, hedge and direct are compared;
- event: same type and actor and target (country part of the codes);
- relation: same type, from and to.

The page has no split: everything is reported as ``all``.
"""
from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from ..errors import SitrepError
from .match import greedy_match, names_match, norm_name, prf, sources_match, unit_class, values_match

SUITE = "seed"
HELP = "Hand-made gold for the shared scraped page: entities, places, quantities, claims, events, relations."

PAGE = "corpus/sample/warya-2024-11-page.txt"
GOLD = "gold/seed-page.json"
_WORD = re.compile(r"[A-Za-z0-9]{3,}")
_STOP = {"the", "and", "that", "with", "for", "are", "was", "were", "has", "have", "its", "from", "this", "will",
         "would", "could", "their", "his", "her", "not", "been", "into", "about", "more", "than", "which"}


def load(shared: Path):
    """Pairs of (Document, gold dict) for the nine articles of the page."""
    from ..ingest import iter_inputs
    from ..model import Document

    gold = json.loads((shared / GOLD).read_text(encoding="utf-8"))
    docs = [d for d in iter_inputs([str(shared / PAGE)]) if isinstance(d, Document)]
    by_title = {norm_name(d.title): d for d in docs}
    pairs = []
    for g in gold:
        d = by_title.get(norm_name(g["headline"]))
        if d is None:
            raise SitrepError(f"{shared / PAGE}: the page reader found no article headed {g['headline']!r}",
                              input=str(shared / PAGE), reason="split")
        pairs.append((d, g))
    return pairs


def extract_all(pairs, pipeline=None):
    from ..extract.pipeline import get_pipeline
    pipe = pipeline or get_pipeline()
    out = []
    for doc, g in pairs:
        sdoc = pipe.nlp(doc.text)
        out.append((doc, sdoc, pipe.extract(doc, sdoc), g))
    return out


def _code(c: str | None) -> str:
    return (c or "").split(" ")[0].upper()


def score(results) -> dict[str, float]:
    """Scores for ``[(doc, sdoc, records, gold)]``."""
    tot: dict[str, list[int]] = {}
    extra: dict[str, list[int]] = {}

    def add(kind: str, tp: int, nf: int, ng: int) -> None:
        t = tot.setdefault(kind, [0, 0, 0])
        t[0] += tp
        t[1] += nf
        t[2] += ng

    def acc(name: str, ok: bool) -> None:
        e = extra.setdefault(name, [0, 0])
        e[0] += int(ok)
        e[1] += 1

    for doc, sdoc, recs, g in results:
        # entities
        found = [e for e in recs.entities if e.type in ("PERSON", "ORG", "GPE")]
        pairs = greedy_match(found, g["entities"], lambda f, gg: f.type == gg["type"] and names_match(
            f.name, gg["name"], gg.get("aliases", []), person=gg["type"] == "PERSON"))
        add("entity", len(pairs), len(found), len(g["entities"]))
        # places
        pairs = greedy_match(recs.places, g["places"], lambda f, gg: names_match(
            f.name, gg["name"], gg.get("aliases", [])) and (f.country or None) == (gg.get("country") or None))
        add("place", len(pairs), len(recs.places), len(g["places"]))
        # quantities
        qs = _with_conversions(recs.quantities)

        def q_ok(f, gg) -> bool:
            if gg.get("value") is not None:
                vals = values_match(f.value, gg["value"])
            else:
                vals = values_match(f.low, gg.get("low")) and values_match(f.high, gg.get("high"))
            return vals and (f.approx or None) == (gg.get("approx") or None) and \
                unit_class(f.unit_class or f.unit) == unit_class(gg.get("unit"))
        pairs = greedy_match(qs, g["quantities"], q_ok)
        add("quantity", len(pairs), len(qs), len(g["quantities"]))
        for i, j in pairs:
            acc("quantity_source_accuracy", sources_match(qs[i].source, g["quantities"][j].get("source")))
        # claims
        sents = [(s.start_char, s.end_char, _words(s.text)) for s in sdoc.sents]
        gold_spans = [_best_sentence(sents, c["about"]) for c in g["claims"]]
        cl = recs.claims

        def c_ok(f, j) -> bool:
            s, e = gold_spans[j]
            return f.start < e and s < f.end and sources_match(f.source, g["claims"][j].get("source"))
        pairs = greedy_match(cl, list(range(len(g["claims"]))), c_ok,
                             lambda f, j: -abs(f.start - gold_spans[j][0]))
        add("claim", len(pairs), len(cl), len(g["claims"]))
        for i, j in pairs:
            gc = g["claims"][j]
            acc("claim_hedge_accuracy", cl[i].hedge == gc["hedge"])
            acc("claim_direct_accuracy", bool(cl[i].direct) == bool(gc["direct"]))
            acc("claim_cue_accuracy", norm_name(cl[i].cue) == norm_name(gc["cue"]))
        # events
        ev = [e for e in recs.events if e.modality != "negated"]
        pairs = greedy_match(ev, g["events"], lambda f, gg: f.type == gg["type"] and _code(f.actor) == _code(
            gg["actor"]) and _code(f.target) == _code(gg["target"]))
        add("event", len(pairs), len(ev), len(g["events"]))
        # relations (per document, deduplicated by type/from/to)
        rels = list({(r.type, _code(r.from_), _code(r.to)): r for r in recs.relations})
        grels = list({(r["type"], _code(r["from"]), _code(r["to"])) for r in g["relations"]})
        pairs = greedy_match(rels, grels, lambda f, gg: f == gg)
        add("relation", len(pairs), len(rels), len(grels))

    scores: dict[str, float] = {}
    for kind, (tp, nf, ng) in tot.items():
        for k, v in prf(tp, nf, ng).items():
            scores[f"{kind}_{k}"] = v
        scores[f"{kind}_found"] = nf
        scores[f"{kind}_gold"] = ng
    for name, (ok, n) in extra.items():
        scores[name] = round(ok / n, 4) if n else 0.0
    return scores


def _with_conversions(qs):
    """A conversion given in the text ("€118 billion ($126 billion)") is a figure
    of its own for scoring: the gold lists both amounts."""
    from dataclasses import replace
    out = []
    for q in qs:
        out.append(q)
        for val, unit in q.converted or ():
            out.append(replace(q, value=val, unit=unit, unit_class=None, converted=()))
    return out


def _words(s: str) -> set[str]:
    return {w.lower() for w in _WORD.findall(s)} - _STOP


def _best_sentence(sents, about: str) -> tuple[int, int]:
    aw = _words(about)
    best, span = -1.0, (0, 0)
    for s, e, w in sents:
        ov = len(aw & w) / (len(aw) or 1)
        if ov > best:
            best, span = ov, (s, e)
    return span


def run(shared: Path, split: str) -> dict[str, dict[str, Any]]:
    return {"all": score(extract_all(load(shared)))}
