"""The event vocabulary (``data/event_verbs.yaml``) indexed for lookup, and the type classes
the event rules share (symmetric, hostile, cooperative types)."""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

DATA = Path(__file__).resolve().parents[1] / "data"
SYMMETRIC = {"AGREE", "CONSULT", "COOPERATE", "FIGHT"}
HOSTILE = {"ASSAULT", "SANCTION", "COERCE"}   # announced but not yet done: a THREATEN
REFUSABLE = {"accept", "agree", "approve", "ratify"}  # negated, these verbs say the actor rejects
COOPERATIVE = {"AID", "RETREAT", "CONCEDE", "CONSULT", "SUPPORT", "COOPERATE"}  # promised: an AGREE (intent)


@lru_cache(maxsize=1)
def weapon_words() -> frozenset[str]:
    """The one-word weapons of ``data/weapons.yaml`` ("bomb", "mortar", "sarin", "IED", "Grad"), lower-cased,
    with their plurals (-s, -es): with ``aid_items.weapons`` of event_verbs.yaml (the words that only an
    item supplied names: "systems", "chips"), the words an event's weapon item is told by."""
    rows = yaml.safe_load((DATA / "weapons.yaml").read_text(encoding="utf-8"))
    out: set[str] = set()
    for r in rows:
        ph = r["phrase"].lower()
        if " " in ph:
            continue  # "chemical agent", "mustard gas": their last word alone is no weapon
        out |= {ph, ph + "s", ph + "es"}
    return frozenset(out)


@lru_cache(maxsize=4)
def load_vocab(path: str | None = None) -> dict[str, Any]:
    """The event vocabulary, indexed for lookup: lemma -> type, phrase -> type, noun -> type."""
    raw = yaml.safe_load(Path(path or DATA / "event_verbs.yaml").read_text(encoding="utf-8"))
    v: dict[str, Any] = {"verb": {}, "phrase": {}, "noun": {}, "noun_phrase": {}, "of_phrase": {}, "reverse": {},
                         "preps": {}, "modes": {}, "needs_item": set(), "raw": raw}
    for ty, spec in raw["types"].items():
        for w in (spec.get("verbs") or []) + (spec.get("mutual") or []):
            parts = w.lower().split()
            if len(parts) == 1:
                v["verb"].setdefault(parts[0], ty)
            else:
                v["phrase"].setdefault(parts[0], []).append((parts[1:], ty))
        for w in spec.get("nouns") or []:
            parts = w.lower().split()
            if len(parts) == 3 and parts[1] == "of":  # "state of emergency": the head noun and its "of" object
                v["of_phrase"].setdefault(parts[0], []).append((parts[2], ty))
                continue
            (v["noun"] if len(parts) == 1 else v["noun_phrase"]).setdefault(
                parts[-1] if len(parts) == 1 else parts[-1], ty if len(parts) == 1 else [])
            if len(parts) > 1:
                v["noun_phrase"][parts[-1]].append((parts[:-1], ty))
        for w in spec.get("reverse") or []:
            v["reverse"][w.lower()] = ty
        v["preps"][ty] = set(spec.get("target_preps") or [])
        v["modes"][ty] = {m: set(ws) for m, ws in (spec.get("modes") or {}).items()}
        v["needs_item"].update(spec.get("needs_item") or [])
        v.setdefault("actor_object", set()).update(spec.get("actor_object") or [])
        v.setdefault("noun_preps", {}).update({k: set(ws) for k, ws in (spec.get("noun_preps") or {}).items()})
        v.setdefault("light_only", set()).update(spec.get("light_only") or [])
        for w in spec.get("voiced") or []:  # nouns that name the event only as a light verb's object
            v["noun"].setdefault(w, ty)
            v["light_only"].add(w)
            v.setdefault("voiced", set()).add(w)
        v["preps"][ty] |= set(spec.get("voiced_preps") or [])
        v.setdefault("mutual", set()).update(w.lower() for w in spec.get("mutual") or [])  # "A and B restored ties"
        v.setdefault("exclude", {})[ty] = set(spec.get("exclude_objects") or [])
        v.setdefault("noun_objects", {})[ty] = set(spec.get("noun_objects") or [])
    _nominalise(v, raw)
    v["light"] = set(raw["light_verbs"]["lemmas"])
    v["fight_by_forces"] = set(raw["types"]["ASSAULT"].get("fight_by_forces") or [])
    v["shows"] = frozenset(raw["types"]["MOBILIZE"].get("shows") or [])  # drills near X stay a MOBILIZE
    v["by_object"] = {}
    for rule in (raw.get("by_object") or {}).get("rules") or []:
        for w in rule["verbs"]:
            v["by_object"].setdefault(w, {}).update({o: rule["type"] for o in rule["objects"]})
    items = raw["aid_items"]
    v["items"] = {k: set(ws) for k, ws in items.items() if k != "help"}
    v["items"]["weapons"] |= weapon_words()  # the weapons lexicon's words (data/weapons.yaml), one list
    mod = raw["modality"]
    v["neg"] = set(mod["negation"])
    v["neg_heads"] = set(mod["negating_heads"])
    v["exp_aux"] = set(mod["expectation_aux"])
    v["exp_heads"] = set(mod["expectation_heads"])
    v["intent_heads"] = set(mod["intent_heads"])
    v["oath_heads"] = set(mod.get("oath_heads") or [])
    v["posture_heads"] = set(mod.get("posture_heads") or [])
    v["litotes_heads"] = frozenset(mod.get("litotes_heads") or [])  # "would not hesitate to": negated, a readiness
    v["intransitive"] = {w for spec in raw["types"].values() for w in spec.get("intransitive") or []}
    v["dyadic"] = set(raw["dyadic"]["types"])
    v["target_optional"] = set(raw["dyadic"].get("target_optional") or [])
    if v["target_optional"] - v["dyadic"]:  # petr5: a type kept without a target must be one that needs one
        from ..errors import SitrepError
        src = path or DATA / "event_verbs.yaml"
        raise SitrepError(f"{src}: dyadic.target_optional names types not in dyadic.types: "
                          f"{sorted(v['target_optional'] - v['dyadic'])}", input=str(src), reason="bad_vocab")
    v["clause_target"] = set((raw.get("clause_target") or {}).get("types") or [])
    v["envoy_verbs"] = set((raw.get("envoy_verbs") or {}).get("verbs") or [])
    v["intent_verbs"] = set((raw.get("intent_verbs") or {}).get("verbs") or [])
    v["stance_participles"] = set((raw.get("stance_participles") or {}).get("verbs") or [])
    v["taken_fire"] = frozenset((raw.get("taken_fire") or {}).get("nouns") or [])
    v["posted_envoys"] = frozenset((raw.get("posted_envoys") or {}).get("nouns") or [])
    v["representatives"] = frozenset((raw.get("representatives") or {}).get("nouns") or [])
    v["threat_idioms"] = frozenset((raw.get("threat_idioms") or {}).get("verbs") or [])
    v["threat_objects"] = frozenset((raw.get("threat_idioms") or {}).get("objects") or [])
    va = raw.get("verbal_attack") or {}
    v["verbal_attack"], v["verbal_doers"] = frozenset(va.get("verbs") or []), frozenset(va.get("doers") or [])
    bl = raw.get("blame_by_saying") or {}
    v["blame_adjs"], v["blame_preps"] = frozenset(bl.get("adjectives") or []), frozenset(bl.get("preps") or [])
    v["blame_verbs"] = frozenset(bl.get("verbs") or [])
    v["blame_small"] = frozenset(bl.get("small_clause") or [])
    rj = raw.get("reject_by_saying") or {}
    v["reject_adjs"], v["reject_phrases"] = frozenset(rj.get("adjectives") or []), [tuple(x) for x in rj.get("phrases") or []]  # "X held Y responsible": the small clause says the blame
    dc = raw.get("denied_claims") or {}
    v["denied_claims"] = {"heads": frozenset(dc.get("heads") or []), "nouns": frozenset(dc.get("nouns") or []),
                          "own_part": frozenset(dc.get("own_part") or [])}
    v["not_refusals"] = frozenset(raw["types"].get("REJECT", {}).get("not_refusals") or [])
    vc = raw.get("verbal_clash") or {}
    v["verbal_clash"], v["verbal_clash_preps"] = set(vc.get("verbs") or []), set(vc.get("preps") or [])
    v["verbal_clash_not"] = frozenset(vc.get("not_topics") or [])
    dm = raw.get("demand_by_saying") or {}
    v["demand_speech"], v["demand_modals"] = set(dm.get("speech") or []), set(dm.get("modals") or [])
    cv = raw.get("crowd_verbs") or {}
    v["crowd_verbs"], v["crowds"] = set(cv.get("verbs") or []), set(cv.get("crowds") or [])
    v["protest_light"] = set(cv.get("protest_light") or [])
    v["crowd_with_object"] = set(cv.get("with_object") or [])
    v["that_speech"] = set((raw.get("that_clause_speech") or {}).get("verbs") or [])  # "allowed that ..."
    v["riot_verbs"] = set(cv.get("riot_verbs") or [])
    v["demand_control"] = set(dm.get("control") or [])
    v["containers"] = set((raw.get("containers") or {}).get("nouns") or [])
    v["intent_nouns"] = set(mod.get("intent_nouns") or [])
    v["refusal_nouns"] = set(mod.get("refusal_nouns") or [])
    v["sector"] = {w: s for s, ws in raw["sectors"].items() if s != "help" for w in ws}
    # lemmas the vocabulary gives no type by themselves but a rule may type by their object or
    # clause (light verbs, by-object rules, reversed verbs, demand verbs): with the typed verbs,
    # crowd and riot verbs and the event nouns, every token that can trigger an event
    v["typed_by_context"] = frozenset().union(v["by_object"], v["light"], v["reverse"], v["demand_speech"],
                                              v["demand_control"], v["verbal_clash"],
                                              v["intent_verbs"], v["blame_verbs"])
    nouns = frozenset(v["noun"]) | frozenset(v["noun_phrase"]) | frozenset(v["of_phrase"])
    v["trigger_sets"] = (nouns, frozenset().union(v["verb"], v["phrase"], v["crowd_verbs"], v["riot_verbs"],
                                                  v["typed_by_context"], nouns))
    ho = raw.get("home_objects") or {}
    v["home_objects"] = set(ho.get("words") or []) | set(ho.get("authorities") or [])
    return v



def _nominalise(v: dict, raw: dict) -> None:
    """Event nouns derived from the one-word verbs of each type by the suffix rules of
    ``nominalisations`` ("withdraw" -> "withdrawal", "deport" -> "deportation", "deny" -> "denial"): a noun
    already typed keeps its type; the exceptions and the words of the party and item lists are left out."""
    spec = raw.get("nominalisations") or {}
    skip = set(spec.get("not_events") or [])
    skip |= {w for k, ws in raw["sectors"].items() if k != "help" for w in ws}
    skip |= {w for k, ws in raw["aid_items"].items() if k != "help" for w in ws}
    skip |= set((raw.get("crowd_verbs") or {}).get("crowds") or [])
    for verb, ty in list(v["verb"].items()):
        if "-" in verb or len(verb) < 4:
            continue
        for strip, add in spec.get("rules") or []:
            if strip and not verb.endswith(strip):
                continue
            noun = (verb[:-len(strip)] if strip else verb) + add
            if noun not in skip and noun not in v["noun"] and noun not in v["verb"]:
                v["noun"][noun] = ty
