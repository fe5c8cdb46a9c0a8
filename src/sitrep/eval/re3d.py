"""re3d (Dstl): Syria/Iraq defence-analysis gold, relations and weapons.

``../shared/benchmarks/re3d/<source>/`` holds documents, entities (with
offsets) and relations. Of its relation types two map to ours:
FightingAgainst -> OPPOSES (also our FIGHT and ASSAULT events), AlliesOf ->
ALLIED_WITH; BelongsTo (membership) has no counterpart and is not scored. The
re3d actors are groups and people no country dictionary holds ("ISIL", "the
Peshmerga"), so the Organisation, Person, Nationality and Location names of the
gold are loaded as a user actor file (each its own code): the suite scores the
relation reading, not the dictionary. Plainly: every gold mention of those types
longer than two characters becomes a name the product matches, common nouns and
pronouns included ("fighting positions", "targets", "their allies", "the enemy",
"The", "their"; "Mosul" as an actor), so a relation with such a side is found only
because the gold named it, and a reading of the product can count against it when
it names such a side ("Coalition aircraft destroyed 22 targets"). Names of two
characters or fewer ("IS", "We", "He") are left out: they would match inside
ordinary text.

Matching is by span (re3d's source and target texts rarely equal our actor
names): a gold relation is found when a found record of the mapped type has an
evidence span overlapping the gold relation's span (source through target).

* ``relation_recall`` / ``relation_precision`` over OPPOSES and ALLIED_WITH;
* ``weapon_item_recall``: gold Weapon mentions inside the item of a found AID,
  REJECT or ASSAULT event (or its text, for ASSAULT modes);
* ``weapon_vocab_recall``: gold Weapon mentions containing a word of the
  weapons list of ``data/event_verbs.yaml`` (coverage of the mode vocabulary);
* ``weapon_relation_recall``: gold Weapon mentions inside the evidence of a found
  relation whose item names that weapon (``data/weapons.yaml`` gives OPPOSES its
  weapons; SUPPLIES and WITHHOLDS carry the supplied item);
  ``weapon_relation_precision``: of the weapon items found in relation evidence (each
  occurrence of an item in an evidence span), the share on a gold Weapon mention.

Split: documents in ``_id`` order, even positions ``dev``, odd ``test``.
"""
from __future__ import annotations

import json
import re
import tempfile
from pathlib import Path
from typing import Any

import yaml

SUITE = "re3d"
HELP = "re3d defence-analysis gold: OPPOSES / ALLIED_WITH relations by span, weapon items."

MAP = {"FightingAgainst": "OPPOSES", "AlliesOf": "ALLIED_WITH"}
ACTOR_TYPES = {"Organisation", "Person", "Nationality", "Location"}


def _jsonl(path: Path) -> list[dict]:
    out = []
    if not path.exists():
        return out
    for line in path.read_text(encoding="utf-8-sig").splitlines():
        line = line.strip()
        if line:
            out.append(json.loads(line))
    return out


def load(root: Path) -> tuple[list[dict], dict[str, list], dict[str, list]]:
    docs, ents, rels = [], {}, {}
    for folder in sorted(p for p in root.iterdir() if p.is_dir()):
        docs += _jsonl(folder / "documents.json")
        for e in _jsonl(folder / "entities.json"):
            ents.setdefault(e["documentId"], []).append(e)
        for r in _jsonl(folder / "relations.json"):
            rels.setdefault(r["documentId"], []).append(r)
    docs.sort(key=lambda d: d["_id"])
    return docs, ents, rels


def actor_entries(ents: dict[str, list]) -> list[dict]:
    seen: dict[str, dict] = {}
    for es in ents.values():
        for e in es:
            if e["type"] not in ACTOR_TYPES:
                continue
            name = " ".join(str(e["value"]).split())
            code = re.sub(r"[^A-Za-z0-9]", "", name).upper()[:24]
            if len(name) > 2 and code and name.lower() not in seen:
                seen[name.lower()] = {"name": name, "type": "ORG", "code": code, "help": "re3d entity name"}
    return list(seen.values())


def score(docs: list[dict], ents: dict, rels: dict, found: dict[str, tuple[list, list]], weapons: set[str]):
    g_n = g_hit = f_n = f_hit = 0
    w_n = w_item = w_vocab = w_rel = wf_n = wf_hit = 0
    for d in docs:
        did = d["_id"]
        evs, rs = found[did]
        spans: dict[str, list[tuple[int, int]]] = {"OPPOSES": [], "ALLIED_WITH": []}
        for r in rs:
            if r.type in spans:
                spans[r.type] += [(e.start, e.end) for e in r.evidence]
        for e in evs:
            if e.type in ("FIGHT", "ASSAULT"):
                spans["OPPOSES"].append((e.start, e.end))
        gold: dict[tuple, str] = {}
        for r in rels.get(did, []):
            ty = MAP.get(r["type"])
            if ty:
                lo = min(r["sourceBegin"], r["targetBegin"], r["begin"])
                hi = max(r["sourceEnd"], r["targetEnd"], r["end"])
                gold[(ty, lo, hi)] = ty
        for ty, lo, hi in gold:
            g_n += 1
            g_hit += any(s < hi and lo < e for s, e in spans[ty])
        for ty, ss in spans.items():
            for s, e in set(ss):
                f_n += 1
                f_hit += any(t == ty and s < hi and lo < e for t, lo, hi in gold)
        items = [(e.start, e.end, (e.item or "").lower()) for e in evs if e.type in ("AID", "REJECT", "ASSAULT")]
        named = []   # (start, end) of each relation item's occurrence in its evidence
        for r in rs:
            for it in {w.strip().lower() for w in (r.item or "").split(";") if w.strip()}:
                for ev in r.evidence:
                    named += [(ev.start + m.start(), ev.start + m.end())
                              for m in re.finditer(re.escape(it), ev.text.lower())]
        gw = [(en["begin"], en["end"]) for en in ents.get(did, []) if en["type"] == "Weapon"]
        for s, e in set(named):
            wf_n += 1
            wf_hit += any(s < ge and gs < e for gs, ge in gw)
        for en in ents.get(did, []):
            if en["type"] != "Weapon":
                continue
            w_rel += any(s < en["end"] and en["begin"] < e for s, e in named)
            w_n += 1
            val = str(en["value"]).lower()
            w_item += any(s <= en["begin"] and en["end"] <= e and (val in it or not it) for s, e, it in items)
            w_vocab += bool(set(re.findall(r"[a-z0-9-]+", val)) & weapons)
    r = lambda a, b: round(a / b, 4) if b else 0.0  # noqa: E731
    return {"relation_recall": r(g_hit, g_n), "relation_precision": r(f_hit, f_n), "relations_gold": g_n,
            "relations_found": f_n, "weapon_item_recall": r(w_item, w_n), "weapon_vocab_recall": r(w_vocab, w_n),
            "weapon_relation_recall": r(w_rel, w_n), "weapon_relation_precision": r(wf_hit, wf_n),
            "weapons_gold": w_n}


def run(shared: Path, split: str) -> dict[str, dict[str, Any]]:
    from ..extract.events import load_vocab
    from ..extract.pipeline import Pipeline
    from ..model import Document

    docs, ents, rels = load(shared / "benchmarks" / "re3d")
    weapons = {w.lower() for w in load_vocab()["items"]["weapons"]}
    with tempfile.TemporaryDirectory() as tmp:
        afile = Path(tmp) / "re3d-actors.yaml"
        afile.write_text(yaml.safe_dump(actor_entries(ents), allow_unicode=True), encoding="utf-8")
        pipe = Pipeline(actor_files=[str(afile)])
        objs = [Document.new(d["text"]) for d in docs]
        found = {}
        for d, (doc, recs) in zip(docs, pipe.process(objs)):
            found[d["_id"]] = ([e for e in recs.events if e.modality != "negated"], recs.relations)
    idx = {"dev": range(0, len(docs), 2), "test": range(1, len(docs), 2), "all": range(len(docs))}
    out = {}
    for name in (("dev", "test", "all") if split == "all" else (split,)):
        out[name] = score([docs[i] for i in idx[name]], ents, rels, found, weapons)
    return out
