"""Stage: PLOVER events — who did what to whom, where, when — read from the dependency parse.

The vocabulary is data (``data/event_verbs.yaml``): verb lemmas, event nouns and
light verbs per PLOVER type. For each trigger in a sentence:

* actor = the subject (or the ``by`` agent of a passive; the owner of a noun
  event: "Russia's strike", "Russian strike", "strike by Russia"); a verb
  without its own subject takes it from the verb it is coordinated with or
  controlled by ("condemned X and promised aid", "decided to send troops");
* target = the object, else the object of a target preposition of the type
  ("talks with", "attack on"); a coordinated clause without one borrows its
  sibling's ("X armed Ukraine, while Y supplied missiles");
* several actors or targets in coordination give one event per pair;
* modality: ``negated`` ("did not attack", "refused to send"), ``expected``
  (modal verbs, "is expected to", "plans to"); a promised attack or sanction
  is a THREATEN;
* place, date, figures and the claim that carries the event are taken from the
  records of the earlier stages in the same sentence;
* drones or missiles shot down imply the attack they were part of (DEFEND X<-Y
  gives ASSAULT Y->X), as conflict-event coders code both.

Codes come from the actors stage (entity mentions) and the actor dictionary
(see ``event_actors``), with a sector from the head noun ("troops" = MIL). The
parse-reading helpers live in ``event_parse``.
"""
from __future__ import annotations

from dataclasses import replace
from functools import lru_cache
from pathlib import Path
from typing import Any, Iterator

import yaml

from ..model import Event, record_id
from .context import Context
from .event_actors import TokenActors, build_table, load_actor_entries
from .event_parse import (OBJ_PREPS, SUBJ, _agent, _codes, _inherited_subject, _objects, _passive,  # noqa: F401
                          _preps, _subject, country, distinct, item_class, item_phrase, item_span, modality,
                          noun_type, phrase_actors, pronoun_owner, verb_type)

DATA = Path(__file__).resolve().parents[1] / "data"
SYMMETRIC = {"AGREE", "CONSULT", "COOPERATE", "FIGHT"}
HOSTILE = {"ASSAULT", "SANCTION", "COERCE"}   # announced but not yet done: a THREATEN
REFUSABLE = {"accept", "agree", "approve", "ratify"}  # negated, these verbs say the actor rejects
COOPERATIVE = {"AID", "RETREAT", "CONCEDE", "CONSULT", "SUPPORT", "COOPERATE"}  # promised: an AGREE (intent)


@lru_cache(maxsize=4)
def load_vocab(path: str | None = None) -> dict[str, Any]:
    """The event vocabulary, indexed for lookup: lemma -> type, phrase -> type, noun -> type."""
    raw = yaml.safe_load(Path(path or DATA / "event_verbs.yaml").read_text(encoding="utf-8"))
    v: dict[str, Any] = {"verb": {}, "phrase": {}, "noun": {}, "noun_phrase": {}, "reverse": {},
                         "preps": {}, "modes": {}, "needs_item": set(), "raw": raw}
    for ty, spec in raw["types"].items():
        for w in spec.get("verbs") or []:
            parts = w.lower().split()
            if len(parts) == 1:
                v["verb"].setdefault(parts[0], ty)
            else:
                v["phrase"].setdefault(parts[0], []).append((parts[1:], ty))
        for w in spec.get("nouns") or []:
            parts = w.lower().split()
            (v["noun"] if len(parts) == 1 else v["noun_phrase"]).setdefault(
                parts[-1] if len(parts) == 1 else parts[-1], ty if len(parts) == 1 else [])
            if len(parts) > 1:
                v["noun_phrase"][parts[-1]].append((parts[:-1], ty))
        for w in spec.get("reverse") or []:
            v["reverse"][w.lower()] = ty
        v["preps"][ty] = set(spec.get("target_preps") or [])
        v["modes"][ty] = {m: set(ws) for m, ws in (spec.get("modes") or {}).items()}
        v["needs_item"].update(spec.get("needs_item") or [])
        v.setdefault("exclude", {})[ty] = set(spec.get("exclude_objects") or [])
        v.setdefault("noun_objects", {})[ty] = set(spec.get("noun_objects") or [])
    v["light"] = set(raw["light_verbs"]["lemmas"])
    items = raw["aid_items"]
    v["items"] = {k: set(ws) for k, ws in items.items() if k != "help"}
    mod = raw["modality"]
    v["neg"] = set(mod["negation"])
    v["neg_heads"] = set(mod["negating_heads"])
    v["exp_aux"] = set(mod["expectation_aux"])
    v["exp_heads"] = set(mod["expectation_heads"])
    v["intent_heads"] = set(mod["intent_heads"])
    v["intransitive"] = {w for spec in raw["types"].values() for w in spec.get("intransitive") or []}
    v["dyadic"] = set(raw["dyadic"]["types"])
    dm = raw.get("demand_by_saying") or {}
    v["demand_speech"], v["demand_modals"] = set(dm.get("speech") or []), set(dm.get("modals") or [])
    v["sector"] = {w: s for s, ws in raw["sectors"].items() if s != "help" for w in ws}
    return v


def setup(nlp: Any, resources: dict[str, Any]) -> None:
    resources["event_vocab"] = load_vocab()
    resources["event_actor_table"] = build_table(nlp, load_actor_entries(resources.get("actor_files") or []))


def _resources(ctx: Context) -> tuple[dict, dict]:
    vocab = ctx.resources.get("event_vocab") or load_vocab()
    table = ctx.resources.get("event_actor_table")
    if table is None:
        table = ctx.resources["event_actor_table"] = build_table(
            ctx.sdoc.vocab and _blank_nlp(), load_actor_entries(ctx.resources.get("actor_files") or []))
    return vocab, table


@lru_cache(maxsize=1)
def _blank_nlp():
    import spacy
    return spacy.blank("en")


def token_actors(ctx: Context) -> TokenActors:
    """The per-document actor index, built once and shared with the relations stage."""
    ta = ctx.scratch.get("token_actors")
    if ta is None:
        _, table = _resources(ctx)
        ta = ctx.scratch["token_actors"] = TokenActors(ctx, table)
    return ta


def find_events(ctx: Context) -> Iterator[Event]:
    if ctx.resources.get("cameo_verbs") or ctx.resources.get("discards"):  # user verb / discards files
        from .cameo_events import find_user_events
        yield from find_user_events(ctx, _own_events)
        return
    yield from _own_events(ctx)


def _own_events(ctx: Context) -> Iterator[Event]:
    vocab, _ = _resources(ctx)
    ta = token_actors(ctx)
    found: list[dict] = []
    for sent in ctx.sdoc.sents:
        found.extend(_sentence_events(sent, vocab, ta))
    _borrow_targets(found)
    seen: set = set()
    events = [x for f in found for x in _emit(ctx, f, seen)]
    # drones or missiles shot down were launched at the side that downed them: the interception
    # implies the attack ("X downed Y's drones" -> Y ASSAULT X by drone), as conflict coders code both
    for noun_only, e in list(events):
        if e.type == "DEFEND" and e.target and e.mode in ("drone", "missile") and e.modality == "asserted":
            events.append((noun_only, replace(e, id=record_id("event", e.doc_id, e.start, e.end, "ASSAULT", e.target,
                                                               e.actor), type="ASSAULT", actor=country(e.target),
                                              target=country(e.actor))))
    # every mention is kept, noun mentions of an event a verb already told included ("the
    # treaty", "its supplies to Russia"): an event list counts reports, the relations aggregate them
    for _, e in events:
        yield e


def _sentence_events(sent, vocab: dict, ta: TokenActors) -> list[dict]:
    out: list[dict] = []
    for t in sent:
        ev = None
        if t.pos_ in ("VERB", "AUX") or (t.pos_ == "NOUN" and t.dep_ == "ROOT" and t.tag_ == "VBZ"):
            ev = _verb_event(t, vocab, ta)
        elif t.pos_ in ("NOUN", "PROPN") and t.dep_ not in ("compound",):
            ev = _noun_event(t, vocab, ta)
        if ev:
            ev["sent"] = sent
            out.append(ev)
    return out


def _verb_event(v, vocab: dict, ta: TokenActors) -> dict | None:
    ty, extra = verb_type(v, vocab)
    lem = v.lemma_.lower()
    noun = None
    obj = next((c for c in v.children if c.dep_ in ("dobj", "nsubjpass")), None)
    if obj is None and v.dep_ == "acl" and v.tag_ == "VBN":
        obj = v.head  # "the treaty, endorsed by ...": the noun it qualifies is its object
    if obj is not None and lem in vocab["light"] and noun_type(obj, vocab):
        noun, ty = obj, noun_type(obj, vocab)
        extra = [obj] if obj.i != v.head.i or v.dep_ != "acl" else [obj]
    if ty is not None and obj is not None and obj.lemma_.lower() in vocab["exclude"].get(ty, ()):
        return None
    reverse = False
    if ty is None and lem in vocab["reverse"]:
        ty, reverse = vocab["reverse"][lem], True
    if ty is None and lem in vocab["demand_speech"] and any(
            c.dep_ == "ccomp" and any(a.dep_ == "aux" and a.lower_ in vocab["demand_modals"] for a in c.children)
            for c in v.children):
        ty = "DEMAND"  # "X said Y must return the aircraft": X demands of Y
    if ty is None:
        return None
    if lem in vocab["intransitive"] and any(c.dep_ == "dobj" for c in v.children):
        return None  # "demonstrated the risk" is no protest
    if v.tag_ == "VBN" and v.dep_ in ("oprd", "acomp", "amod", "advcl") and not any(
            c.dep_ in ("agent", "nsubjpass", "auxpass", "aux", "nsubj") for c in v.children):
        return None  # "sees its interests as threatened", "the attacked village": a state, not an act
    if v.dep_ == "xcomp" and verb_type(v.head, vocab)[0] and v.head.pos_ in ("VERB", "AUX"):
        return None  # "threatened to withdraw": the governing verb is the event
    if v.dep_ == "acl" and v.head.pos_ == "NOUN" and noun_type(v.head, vocab) and v.tag_ != "VBN":
        return None  # "threats to withdraw", "decision to send": the noun is the event
    item = item_phrase(v, vocab, ta) if ty in ("AID", "REJECT", "TEST", "AGREE") or reverse else None
    icls = item_class(item, vocab)
    if (lem in vocab["needs_item"] or reverse) and ty in ("AID", "TEST") and icls is None:
        return None
    if ty == "TEST" and icls != "weapons":
        return None
    subj, _ = _inherited_subject(v)
    passive = _passive(v) and noun is None
    actors_tok, targets = [], []
    if reverse:
        src = _preps(v, {"from"}) + [p for o in _objects(v) for p in _preps(o, {"from"})]
        actors = [a for p in src for a in _codes(phrase_actors(p, ta, vocab))]
        targets = _codes(phrase_actors(subj, ta, vocab)) if subj is not None else []
    elif passive:
        agent = _agent(v)
        actors = _codes(phrase_actors(agent, ta, vocab)) if agent is not None else []
        theme = subj if subj is not None else (v.head if v.dep_ == "acl" else None)
        if ty == "AID" and item is None and theme is not None and ta.code[theme.i] is None:
            item, icls = theme, item_class(theme, vocab)  # "the €85 billion provided by X"
        if theme is not None:
            tcodes = _codes(phrase_actors(theme, ta, vocab))
            forces = theme.lemma_.lower() in vocab["items"]["troops"] or (
                ty == "AID" and item_class(theme, vocab) in ("weapons", "troops"))
            if not actors and (forces or ty in ("MOBILIZE",)):
                actors = tcodes  # "North Korean troops were deployed to Russia": the forces' owner acts
            elif ty not in ("AID",) or not forces:
                targets = tcodes
        for c in v.children:
            if c.dep_ == "dobj":
                targets += _codes(phrase_actors(c, ta, vocab))
    else:
        actors = _codes(phrase_actors(subj, ta, vocab)) if subj is not None else []
        for o in _objects(v):
            if (noun is not None and o == noun) or ty == "MOBILIZE":
                continue  # "deploy troops": the object is the force, not the target
            targets += _codes(phrase_actors(o, ta, vocab, preps=OBJ_PREPS))
    preps = vocab["preps"].get(ty, set())
    for x in extra:  # "arrive in X", "appeal to X": the phrase's own preposition names the target
        if not targets and x.dep_ == "prep":
            targets += [c for p in x.children if p.dep_ == "pobj" for c in _codes(phrase_actors(p, ta, vocab))]
    if not targets:
        objs = [c for o in _objects(v) if ta.code[o.i] is None for c in (o, *o.conjuncts)]
        # "welcomed the resumption of ties with X": the object's own partner is the target
        objs += [p for o in list(objs) for p in _preps(o, {"of", "in"}) if p.pos_ == "NOUN" and ta.code[p.i] is None]
        for p in _preps(v, preps) + (_preps(noun, preps) if noun is not None else []) + \
                [p for o in objs for p in _preps(o, (preps | {"with", "between"}) - {"of"})]:
            targets += _codes(phrase_actors(p, ta, vocab))
            if targets:
                break
    if noun is not None and not targets:
        targets = [c for c in _codes(phrase_actors(noun, ta, vocab, deps={"poss", "compound", "amod", "prep", "pobj", "conj"},
                                                       preps={"of"}))]
    if not targets and not (len(actors) > 1 and ty in SYMMETRIC):  # "A and B met": each other
        for c in v.children:
            if c.dep_ in ("xcomp", "ccomp") or (c.dep_ == "advcl" and c.tag_ == "VBG"):
                s = _subject(c)
                if s is not None and (ty in ("DEMAND", "CONCEDE") or ty in ("THREATEN", "SUPPORT", "ACCUSE") and c.dep_ == "xcomp"):
                    # "urged X to", "demanded that X": X; but "warned that X could" names no target
                    targets = _codes(phrase_actors(s, ta, vocab))
                if not targets:
                    for o in _objects(c):
                        targets += _codes(phrase_actors(o, ta, vocab))
                if not targets:
                    for p in _preps(c, {"from", "on", "against", "to", "with", "into"}):
                        targets += _codes(phrase_actors(p, ta, vocab))
                if not targets and c.dep_ == "xcomp":  # "threatened to break relations with X"
                    targets = _clause_target({"verb": c, "actors": actors, "trigger": [c]}, None, ta)
    if ty == "THREATEN" and not targets and any(c.dep_ == "ccomp" for c in v.children):
        return None  # "X cautioned that Y could ...": a warning about, not a threat to
    mod, head_lemma = modality(v, vocab)
    will = any(c.dep_ == "aux" and c.lower_ in ("will", "would", "'ll", "shall") for c in v.children)
    if mod == "expected" and ty != "THREATEN" and any(
            c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ == "unless" for m in c.children) for c in v.children):
        ty, mod = "THREATEN", "asserted"  # "will withdraw its troops unless X ...": a conditional threat
    elif mod == "expected" and (ty in HOSTILE or ty == "REJECT" and will):
        ty, mod = "THREATEN", "asserted"  # "vowed to impose sanctions", "would boycott the talks"
    elif mod == "expected" and ty in COOPERATIVE and (head_lemma in vocab["intent_heads"] or will and not head_lemma):
        ty, mod = "AGREE", "asserted"  # "offered to negotiate", "will provide aid": intent to cooperate
    if mod == "negated" and ty == "AGREE" and noun is None and v.lemma_.lower() in REFUSABLE:
        ty, mod = "REJECT", "asserted"  # "will not accept the plan", "did not agree to": a rejection
    heads = [subj] + [p for c in subj.children if c.dep_ == "prep" and c.lower_ == "of"
                      for p in c.children if p.dep_ == "pobj"] if subj is not None else []
    if ty == "CONSULT" and any(h.lemma_.lower() in vocab["items"]["troops"] for h in heads):
        ty = "MOBILIZE"  # "peacekeeping troops arrived in X" is a deployment, not a visit
    place_targets = []
    if ty in ("ASSAULT", "FIGHT", "DEFEND", "MOBILIZE", "AID"):
        for p in _preps(v, {"in", "on", "into", "over", "to", "across", "near", "at"}) + (
                _preps(noun, {"on", "in", "against", "into", "across", "at", "over"}) if noun is not None else []):
            place_targets += [ta.place_country[t.i] for t in p.subtree if ta.place_country[t.i]]
    trig = sorted([v, *extra], key=lambda t: t.i)
    actor_c = {country(a) for a in actors}
    targets = [t for t in targets if all(distinct(a, t) for a in actors)]
    return {"type": ty, "actors": actors, "targets": targets, "trigger": trig, "verb": v, "noun": noun,
            "modality": mod, "item": item, "item_class": icls, "subj": subj, "place_targets": place_targets}


def _noun_event(n, vocab: dict, ta: TokenActors) -> dict | None:
    ty = noun_type(n, vocab)
    if ty is None:
        return None
    need = vocab["noun_objects"].get(ty)
    if need and not any(p.lower_ in need or p.lemma_.lower() in need for p in _preps(n, {"of"})):
        return None
    h = n.head
    if h.pos_ in ("VERB", "AUX") and h.lemma_.lower() in vocab["light"] and (
            n.dep_ in ("dobj", "nsubjpass") or (h.dep_ == "acl" and h.head == n)):
        return None  # the light verb carries it (see _verb_event)
    if n.dep_ == "acl" or any(c.dep_ == "acl" and c.tag_ == "VBN" and c.lemma_.lower() in vocab["light"]
                              for c in n.children):
        return None
    owners = phrase_actors(n, ta, vocab, deps={"poss", "compound", "amod", "nmod", "conj", "cc"}, preps=set())
    owners = [(c, t) for c, t in owners if t.i < n.i]
    agent = []
    agent_preps = ("by", "from") if ty in ("ACCUSE", "SUPPORT", "DEMAND", "THREATEN") else ("by",)
    for c in n.children:
        if c.dep_ == "prep" and c.lower_ in agent_preps:
            for p in c.children:
                if p.dep_ == "pobj":
                    agent += _codes(phrase_actors(p, ta, vocab))
    actors = agent or _codes(owners) or pronoun_owner(n, ta)
    if not actors and h.dep_ == "prep" and h.lower_ in ("in", "during", "at") and h.head.pos_ in ("VERB", "AUX"):
        s, _ = _inherited_subject(h.head)  # "X, in a meeting with Y, said": X met Y
        actors = _codes(phrase_actors(s, ta, vocab)) if s is not None else []
    if not actors and n.dep_ == "dobj" and h.pos_ == "VERB" and verb_type(h, vocab)[0] is None:
        s, _ = _inherited_subject(h)  # "X ramped up its sales to Y": X sells to Y
        actors = _codes(phrase_actors(s, ta, vocab)) if s is not None else []
    if not actors:
        return None
    if ty in ("AID",) and not (n.lemma_.lower() in vocab["items"]["money"] or item_class(n, vocab)):
        pass
    targets = []
    for p in _preps(n, vocab["preps"].get(ty, set()) | {"against", "on", "with", "to"}):
        targets += _codes(phrase_actors(p, ta, vocab))
        if targets:
            break
    for c in n.children:  # "threats to withdraw from NATO": the target is in the clause the noun governs
        if not targets and c.dep_ == "acl" and c.pos_ == "VERB" and any(x.lower_ == "to" for x in c.children):
            for o in _objects(c):
                targets += _codes(phrase_actors(o, ta, vocab, preps=OBJ_PREPS))
            for p in _preps(c, {"from", "to", "against", "on", "into", "with"}):
                targets += _codes(phrase_actors(p, ta, vocab))
    place_targets = []
    if ty in ("ASSAULT", "FIGHT", "DEFEND"):
        for p in _preps(n, {"on", "in", "against", "into", "across", "at", "over"}):
            place_targets += [ta.place_country[t.i] for t in p.subtree if ta.place_country[t.i]]
        gov = n.head
        if n.dep_ in ("nsubj",) and gov.pos_ == "VERB":
            for o in _objects(gov):
                place_targets += [ta.place_country[t.i] for t in o.subtree if ta.place_country[t.i]]
            for p in _preps(gov, {"in", "on", "at", "across"}):
                place_targets += [ta.place_country[t.i] for t in p.subtree if ta.place_country[t.i]]
    if not targets and ty == "AID" and h.dep_ == "prep" and h.lower_ in ("on", "upon", "for") and \
            h.head.lemma_.lower() in ("reliance", "dependence", "dependency", "need", "request", "appeal"):
        # "Ukraine's reliance on US military aid": the one relying receives it
        targets = _codes(phrase_actors(h.head, ta, vocab, deps={"poss", "compound", "amod"}, preps=set()))
        targets = [t for t in targets if t not in actors] or pronoun_owner(h.head, ta)
    if h.pos_ == "VERB" and verb_type(h, vocab)[0] == "REJECT" and n.dep_ in ("dobj", "nsubjpass"):
        return None  # "cancelled a visit by X": the visit did not happen; the REJECT is the event
    if not targets and agent and n.dep_ == "dobj" and h.pos_ == "VERB" and ty in ("ACCUSE", "SUPPORT", "DEMAND",
                                                                                "THREATEN"):
        # "the test drew condemnation from X": X condemns the test's owner
        s, sv = _inherited_subject(h)
        if s is not None and s.tag_ == "WDT" and sv is not None and sv.dep_ == "relcl":
            s = sv.head  # "the test, which prompted condemnation": the test
        if s is not None:
            codes = _codes(phrase_actors(s, ta, vocab, preps=OBJ_PREPS)) or pronoun_owner(s, ta)
            targets = [c for c in codes if c not in actors]
    if not targets and not place_targets and ty != "TEST":
        return None
    if ty == "TEST" and item_class(n, vocab) != "weapons":
        return None
    gov = n.head
    mod = modality(gov, vocab)[0] if gov.pos_ in ("VERB", "AUX") else "asserted"
    item = None
    icls = None
    item_text = None
    if ty == "AID":
        # "ammunition supplies", "supplies of ammunition": the thing supplied, not the supplying
        things = [c for c in n.children if c.dep_ == "compound" and ta.code[c.i] is None]
        things += [p for c in n.children if c.dep_ == "prep" and c.lower_ == "of" for p in c.children
                   if p.dep_ == "pobj" and ta.code[p.i] is None]
        if n.lemma_.lower() in ("support", "aid", "assistance"):  # "military aid" is the item itself
            mods = [c for c in n.children if c.dep_ in ("compound", "amod") and ta.code[c.i] is None and c.i < n.i]
            item_text = " ".join([*(c.text for c in mods), n.text])
            icls = item_class(n, vocab)
        elif things:
            item_text = " ".join(item_span(t).text for t in things)
            icls = item_class(things[0], vocab)
        elif any(c.dep_ == "amod" and c.lower_ in ("military", "material", "financial") for c in n.children):
            item_text = " ".join(t.text for t in n.children if t.dep_ == "amod" and t.i < n.i) + " " + n.text
            icls = "weapons" if "military" in item_text.lower() else "money" if "financial" in item_text.lower() else None
    return {"type": ty, "actors": actors, "targets": targets, "trigger": [n], "verb": gov, "noun": n,
            "modality": mod, "item": item, "item_class": icls, "subj": None, "place_targets": place_targets,
            "item_text": item_text}


def _borrow_targets(found: list[dict]) -> None:
    """A clause coordinated with another of the same type shares its target
    ("X equipped Ukraine with missiles, while Y supplied drones")."""
    for f in found:
        if f["targets"] or not f["actors"]:
            continue
        v = f["verb"]
        for g in found:
            if g is f or g["type"] != f["type"] or not g["targets"] or g["sent"] != f["sent"]:
                continue
            w = g["verb"]
            if v.head == w or w.head == v or (v.head == w.head and v.dep_ == w.dep_ == "conj"):
                if v.dep_ in ("conj", "advcl") or w.dep_ in ("conj", "advcl"):
                    f["targets"] = list(g["targets"])
                    break
        if f["targets"]:
            continue
        for g in found:  # "allocated aid to X, surpassing the sums provided by Y": Y's aid went to X too
            if g is not f and g["type"] == f["type"] and g["targets"] and g["verb"].is_ancestor(f["verb"]):
                f["targets"] = list(g["targets"])
                break
        if f["targets"] or f["subj"] is None:
            continue
        for g in reversed(found[:found.index(f)]):  # gapping: "A armed X with tanks, while B supplied jets"
            if g["sent"] == f["sent"] and g["type"] == f["type"] and g["targets"] and g["verb"].pos_ == "VERB":
                f["targets"] = list(g["targets"])
                break


def _emit(ctx: Context, f: dict, seen: set) -> Iterator[Event]:
    doc = ctx.doc
    sent = f["sent"]
    ty = f["type"]
    actors, targets = f["actors"], list(f["targets"])
    if not targets and f["place_targets"]:
        actor_c = {country(a) for a in actors}
        targets = [c for c in dict.fromkeys(f["place_targets"]) if c not in actor_c][:1]
    if ty == "MOBILIZE" and targets and any(country(t) != country(a) for t in targets for a in actors):
        if any(ctx.scratch.get("token_actors").code[t.i] is None for t in f["trigger"]):
            ty = "AID"  # forces sent to another state: military aid in troops
            f = {**f, "item_class": "troops"}
    actor_c = {country(a) for a in actors}
    targets = [t for t in targets if all(distinct(a, t) for a in actors)]  # "the U.K. and France supplied Anglo-French missiles"
    if not actors:
        return  # an event without a known actor is not coded
    vocab = ctx.resources.get("event_vocab") or load_vocab()
    noun_only = all(t.pos_ not in ("VERB", "AUX") for t in f["trigger"])
    if not targets and ty in vocab["dyadic"] and not (len(actors) > 1 and ty in SYMMETRIC) and not noun_only:
        targets = _clause_target(f, ctx)  # the nearest other actor in the trigger's clause
        if not targets:
            return
    pairs = []
    if actors and targets:
        pairs = [(a, t) for a in actors for t in targets if distinct(a, t)]
    elif len(actors) > 1 and ty in SYMMETRIC:
        pairs = [(actors[i], actors[j]) for i in range(len(actors)) for j in range(i + 1, len(actors))
                 if distinct(actors[i], actors[j])]
    elif actors:
        pairs = [(a, None) for a in actors]
    else:
        pairs = [(None, t) for t in targets]
    if not pairs:
        return
    trig = f["trigger"]
    noun_only = all(t.pos_ not in ("VERB", "AUX") for t in trig)
    toks = [*trig]
    if f["subj"] is not None and f["subj"].sent is sent:
        toks.append(f["subj"])
    span_toks = set()
    for t in toks:
        span_toks.update(x.i for x in t.subtree)
    v = f["verb"]
    span_toks.update(x.i for x in v.subtree) if v.pos_ in ("VERB", "AUX") and f["noun"] is None or v == trig[0] else None
    s = max(min(span_toks), sent.start)
    e = min(max(span_toks) + 1, sent.end)
    sd = ctx.sdoc
    while e > s + 1 and sd[e - 1].is_punct:
        e -= 1
    while s < e - 1 and (sd[s].is_punct or sd[s].dep_ in ("cc", "mark") or sd[s].is_space):
        s += 1
    start, end = sd[s].idx, sd[e - 1].idx + len(sd[e - 1].text)
    mode = _mode(ty, f, sd[s:e], ctx)
    loc = _location(ctx, start, end, sent)
    date = _date(ctx, sent)
    qids = tuple(q.id for q in ctx.records.quantities if sent.start_char <= q.start < sent.end_char)
    claim = _claim(ctx, trig[0].idx)
    item = f.get("item_text")
    if item is None and f.get("item") is not None:
        sp = item_span(f["item"])
        item = sp.text if len(sp) else None
    if ty == "CONSULT":  # "hosted X for naval drills": the purpose names the event
        for p in _preps(trig[0], {"for"}) + [x for o in _objects(trig[0]) for x in _preps(o, {"for"})]:
            if noun_type(p, ctx.resources.get("event_vocab") or load_vocab()) == "MOBILIZE":
                ty = "MOBILIZE"
    for a, t in pairs:
        ety = ty
        if ty == "ASSAULT" and a and t and a.endswith(" MIL") and t.endswith(" MIL"):
            ety = "FIGHT"  # force against force is a clash; ASSAULT is one-sided
        key = (ety, country(a), country(t), sent.start)  # one event per pair and type in a sentence
        if key in seen:
            continue
        seen.add(key)
        yield noun_only, Event(id=record_id("event", doc.id, start, end, ety, a, t), doc_id=doc.id, start=start,
                               end=end, text=doc.text[start:end], type=ety, actor=a, target=t, location=loc,
                               date=date, claim_id=claim, mode=mode, modality=f["modality"],
                               trigger=" ".join(x.text for x in trig), quantity_ids=qids, item=item)


def _clause_target(f: dict, ctx: Context | None, ta: TokenActors | None = None) -> list[str]:
    """For a two-sided event whose target the parse did not attach: the first actor named
    after the trigger inside the trigger verb's own clause (not in a subordinate clause)."""
    ta = ta or ctx.scratch["token_actors"]
    v = f["verb"]
    actor_c = {country(a) for a in f["actors"]}
    stop = {"relcl", "advcl", "ccomp", "csubj", "parataxis"}

    def walk(t):
        yield t
        for c in t.children:
            if c.dep_ not in stop and not (c.dep_ == "conj" and c.pos_ in ("VERB", "AUX")):
                yield from walk(c)
    trig_i = max(t.i for t in f["trigger"])
    for t in sorted(walk(v), key=lambda x: x.i):
        if t.i > trig_i and ta.code[t.i] and country(ta.code[t.i]) not in actor_c:
            return [ta.code[t.i]]
    return []


def _mode(ty: str, f: dict, span, ctx: Context) -> str | None:
    vocab = ctx.resources.get("event_vocab") or load_vocab()
    if ty == "AID" or (ty == "REJECT" and f.get("item") is not None):
        return f.get("item_class")
    modes = vocab["modes"].get(ty) or {}
    words = {t.lower_ for t in span} | {t.lemma_.lower() for t in span}
    text = span.text.lower()
    for m, ws in modes.items():
        if words & ws or any(" " in w and w in text for w in ws):
            return m
    return None


def _location(ctx: Context, start: int, end: int, sent) -> str | None:
    best = None
    for p in ctx.records.places:
        for m in p.mentions:
            if start <= m.start < end:
                return p.name
            if best is None and sent.start_char <= m.start < sent.end_char:
                best = p.name
    return best


def _date(ctx: Context, sent) -> str | None:
    for d in ctx.records.dates:
        if sent.start_char <= d.start < sent.end_char:
            return d.date or d.text
    return None


def _claim(ctx: Context, pos: int) -> str | None:
    best = None
    for c in ctx.records.claims:
        if c.start <= pos < c.end and (best is None or c.end - c.start < best.end - best.start):
            best = c
    return best.id if best else None
