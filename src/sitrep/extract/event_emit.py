"""From event candidates to ``Event`` records: shared targets of coordinated clauses,
actor-target pairs, the event's span, mode, place, date, figures and claim."""
from __future__ import annotations

from typing import Iterator

from ..model import Event, record_id
from .context import Context
from .event_parse import (QUESTION_MARKS, _objects, _preps, country, distinct, item_span, noun_type, place_codes,
                          prediction)
from .event_vocab import COOPERATIVE, HOSTILE, SYMMETRIC, load_vocab
from .tokkids import kids_of
from .verb_events import _clause_target


def split_code(code: str) -> list[str]:
    """A several-actor code ("FRO/BIL/SAM", "FRO/BIL GOV"), one code per actor, the sector kept."""
    head, _, sector = code.partition(" ")
    parts = [p for p in head.split("/") if p]
    if len(parts) < 2:
        return [code]
    return [f"{p} {sector}" if sector else p for p in parts]

DOMESTIC = {"PROTEST", "COERCE", "CONCEDE"}
DEEDS = {"ASSAULT", "FIGHT", "COERCE", "MOBILIZE"}  # deeds one denies having done ("denied the attack")
LOCAL_SECTORS = {"COP", "GOV", "JUD", "REB", "MIL", "UAF", "OPP"}  # unnamed police, officials, courts, rebels,
# troops, gunmen or the opposition act where they are
# what unnamed police, troops, rebels or crowds do to their own country ("guerrillas kidnapped a Keshi
# senator"), unlike unnamed leaders appealing to a foreign one
HOME_ACTS = {"PROTEST", "COERCE", "CONCEDE", "ASSAULT", "FIGHT", "DEMAND", "REJECT", "ACCUSE", "RETREAT"}
STATE_ACTS = {"COERCE", "CONCEDE", "ACCUSE"}  # what unnamed authorities do to their own people ("the government
# banned two Keshi newspapers"), unlike a demand or a refusal, which may face the only state named
DISSENT_SECTORS = {"OPP", "REB"}  # the opposition and rebels, whose demands and refusals face their own state
HOME_DEMANDS = {"DEMAND", "REJECT"}
ARMED_SECTORS = {"REB", "UAF"}  # irregulars striking no named victim strike their own state
PLACE_WORDS = {"in", "near", "at", "outside", "around", "across"}
CASUALTY_VERBS = {"kill", "wound", "injure", "maim"}  # an attack told by its toll
ATTACK_CAUSES = {"explosion", "blast", "bomb", "mine", "ied", "landmine", "bomber"}  # "a suicide bomber killed"  # an attack told by its weapon
# types whose event takes the target of its purpose clause ("rallied to demand X's resignation")
PURPOSE_BORROW = {"PROTEST", "MOBILIZE", "ACCUSE", "COERCE", "THREATEN"}  # types whose place target may be the actor's own country


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
        if f["targets"]:
            continue
        for g in found:  # "staged a hunger strike to demand reforms from X": the protest targets X too
            w = g["verb"]
            if g is not f and g["targets"] and g["sent"] == f["sent"] and f["type"] in PURPOSE_BORROW and \
                    w.head in (v, f["noun"]) and (w.dep_ == "advcl" or w.dep_ in ("acl", "xcomp") and w.tag_ == "VB"):
                f["targets"] = list(g["targets"])
                break
        if not f["targets"] and f.get("open_intent"):  # "agreed to send troops to X": the intended act's target
            for g in found:
                if g is not f and g["verb"].head == v and g["verb"].dep_ == "xcomp" and (g["targets"] or g["place_targets"]):
                    f["targets"] = list(g["targets"] or [c for c in g["place_targets"]
                                                         if c not in {country(a) for a in f["actors"]}][:1])
                    break
            for g in found:  # "X met Y and offered to mediate": the same actor's other act in the sentence
                if not f["targets"] and g is not f and g["sent"] == f["sent"] and g["targets"] and \
                        set(g["actors"]) & set(f["actors"]):
                    f["targets"] = list(g["targets"])
        if f["targets"] or f["subj"] is None:
            continue
        for g in reversed(found[:found.index(f)]):  # gapping: "A armed X with tanks, while B supplied jets"
            if g["sent"] == f["sent"] and g["type"] == f["type"] and g["targets"] and g["verb"].pos_ == "VERB":
                f["targets"] = list(g["targets"])
                break



def _emit(ctx: Context, f: dict, seen: set) -> Iterator[Event]:
    if f["modality"] == "hypothetical":  # told only as a condition or a question: no event (event_parse)
        return
    vocab = ctx.resources.get("event_vocab") or load_vocab()
    if f["type"] == "DEMAND" and f.get("noun") is None and f["verb"] is not None and any(
            c.dep_ == "ccomp" and any(m.dep_ == "mark" and m.lower_ in QUESTION_MARKS for m in kids_of(c))
            for c in kids_of(f["verb"])):
        return  # "asked (X) whether Y would attack": a question put, not a demand
    if f["type"] == "THREATEN" and f.get("noun") is None and f["verb"] is not None and any(
            c.dep_ == "ccomp" and prediction(c) and c.lemma_.lower() not in vocab["threat_idioms"]
            for c in kids_of(f["verb"])):
        return  # "warned that Y could attack Z": a warning about another's act, no threat ("Y would pay" is one)
    if f["type"] == "REJECT" and f["verb"] is not None and (_own_part_denied(f["verb"], vocab) or any(
            c.dep_ == "xcomp" and c.lemma_.lower() in vocab["not_refusals"] for c in kids_of(f["verb"]))):
        return  # "denied any role in the attack on X": a denial; "declined to comment on": silence; no rejection of X
    f = _planned_noun(f, vocab)
    doc = ctx.doc
    sent = f["sent"]
    ty = f["type"]
    actors, targets = f["actors"], list(f["targets"])
    home = False
    if not targets and f["place_targets"]:
        actor_c = {country(a) for a in actors}
        home = ty in DOMESTIC  # a protest or a curfew in one's own country targets it
        targets = [c for c in dict.fromkeys(f["place_targets"]) if home or c not in actor_c][:1]
    if ty == "MOBILIZE" and targets and not f.get("against") and any(country(t) != country(a) for t in targets for a in actors):
        if any(ctx.scratch.get("token_actors").code[t.i] is None for t in f["trigger"]) and not any(
                t.lemma_.lower() in vocab["shows"] for t in f["trigger"]):  # drills: a show
            ty = "AID"  # forces sent to another state: military aid in troops
            f = {**f, "item_class": "troops"}
    if ty in DOMESTIC and targets and actors and all(t and " " not in t for t in targets) and \
            {country(t) for t in targets} <= {country(a) for a in actors if a}:
        home = True  # "took part in a march in X's capital": the protest of X's people is in X, against X
    if not actors:
        actors, targets, home = _unnamed_actor(f, ty, targets, home, ctx.scratch.get("token_actors"))
    if ty in ("ASSAULT", "COERCE") and len(actors) == 1 and (actors[0] or "").split(" ")[-1] in ARMED_SECTORS \
            and not targets:
        targets, home = [country(actors[0])], True  # insurgents striking an unnamed victim: their own state
    if (ty in DOMESTIC or ty == "AGREE" and f.get("intent_of") in DOMESTIC | {"RETREAT"} or
            ty == "THREATEN" and f.get("intent_of") in DOMESTIC) and actors and actors[0] \
            and not targets and not _foreign(ctx, sent, actors[0]):
        # (a promise to free prisoners or to allow parties, naming no one else: made to one's own country)
        # a protest, an arrest or a concession naming no one else: within one's own country
        targets, home = [country(actors[0])], True
    crowd = f["subj"] is not None and f["subj"].lemma_.lower() in vocab["crowds"]
    if ty in HOME_DEMANDS and not targets and actors and actors[0] and (
            actors[0].split(" ")[-1] in DISSENT_SECTORS or crowd) and not _foreign(ctx, sent, actors[0]):
        # "the opposition demanded early elections", "rebels rejected the amnesty", "unions demanded higher
        # wages": of their own state
        targets, home = [f"{country(actors[0])} GOV"], True
    if not targets and f.get("home_obj") is not None and actors and actors[0] and not _foreign(ctx, sent, actors[0]):
        # "called on the rebels to disarm", "released 50 prisoners": people of the actor's own country
        sec = f["home_obj"]
        targets, home = [f"{country(actors[0])} {sec}".strip()], True
    if not home:  # "the U.K. and France supplied Anglo-French missiles"
        targets = [t for t in targets if all(distinct(a, t) for a in actors)]
    if not actors:
        return  # an event without a known actor is not coded
    # several-actor codes ("FRO/BIL/SAM", as CAMEO-format dictionaries write a name for a group of
    # actors): one actor each, as the user-verbs mode does
    actors = list(dict.fromkeys(x for a in actors for x in (split_code(a) if a else [a])))
    targets = list(dict.fromkeys(x for t in targets for x in (split_code(t) if t else [t])))
    if ty == "MOBILIZE" and f["noun"] is not None and not targets and len({country(a) for a in actors}) > 1:
        ty = "COOPERATE"  # "A and B launched joint drills": military cooperation, each with the other
    noun_only = all(t.pos_ not in ("VERB", "AUX") for t in f["trigger"])
    mutual = len(actors) > 1 and (ty in SYMMETRIC or f.get("mutual"))  # "A and B met": each other
    if not targets and f.get("promise"):
        if not f.get("open_intent") and not mutual:  # ("A and B pledged to boost trade": to each other)
            return  # a promise of an untyped act: alone, or at home, never to whoever the act concerns
    elif not targets and ty in vocab["dyadic"] and not mutual and not noun_only:
        targets = _clause_target(f, ctx)  # the nearest other actor in the trigger's clause
        if not targets and not f.get("open_intent") and ty not in vocab["target_optional"]:
            return  # (a type kept with an unknown target stands alone: target None)
    elif not targets and ty in vocab["clause_target"] and not mutual and not noun_only:
        targets = _clause_target(f, ctx)  # "X deplored the raid from Y": Y; none found, the event stands alone
    pairs = []
    if actors and targets:
        pairs = [(a, t) for a in actors for t in targets if (home or distinct(a, t)) and (a != t or " " not in a)]
        # (one part of a country acting on itself, same code and sector, is no event: a country acting at home is)
    elif mutual:
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
    if f["subj"] is not None and sent.start <= f["subj"].i < sent.end:  # (spans are made afresh: no identity)
        toks.append(f["subj"])
    span_toks = set()
    for t in toks:
        span_toks.update(x.i for x in t.subtree)
    v = f["verb"]
    span_toks.update(x.i for x in v.subtree) if v.pos_ in ("VERB", "AUX") and f["noun"] is None or v == trig[0] else None
    if f.get("suffered") is not None and f["suffered"].sent == sent:  # "a patrol came under heavy fire from X": the clause
        span_toks.update(x.i for x in f["suffered"].subtree if not x.dep_ in ("advcl", "ccomp", "parataxis") or x == f["suffered"])
    s = max(min(span_toks), sent.start)
    e = min(max(span_toks) + 1, sent.end)
    sd = ctx.sdoc
    while e > s + 1 and (sd[e - 1].is_punct or sd[e - 1].is_space):  # no closing mark or paragraph break
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
            if noun_type(p, vocab) == "MOBILIZE":
                ty = "MOBILIZE"
    fire = vocab["fight_by_forces"]
    for a, t in pairs:
        ety = ty
        if ty == "ASSAULT" and a and t and a.endswith(" MIL") and t.endswith(" MIL"):
            ety = "FIGHT"  # force against force is a clash; ASSAULT is one-sided
        elif ty == "ASSAULT" and a and a.split()[-1] in ("MIL", "COP") and {x.lemma_.lower() for x in trig} & fire \
                and f.get("suffered") is None:  # (fire taken from troops, "came under fire from X": X's attack)
            ety = "FIGHT"  # troops or police opening fire or shelling: conventional force (PLOVER)
        key = (ety, country(a), country(t), sent.start)  # one event per pair and type in a sentence
        if key in seen:
            continue
        seen.add(key)
        yield noun_only, Event(id=record_id("event", doc.id, start, end, ety, a, t), doc_id=doc.id, start=start,
                               end=end, text=doc.text[start:end], type=ety, actor=a, target=t, location=loc,
                               date=date, claim_id=claim, mode=mode, modality=f["modality"],
                               trigger=" ".join(x.text for x in trig), quantity_ids=qids, item=item)



def _planned_noun(f: dict, vocab: dict) -> dict:
    """A noun event that is the object of a plan ("is considering sanctions against X", "plans an
    offensive against X", "is preparing an attack on X") is read as its verb would be ("considering
    imposing sanctions"): hostile, a THREATEN (prepared force, a MOBILIZE); cooperative, an intent (AGREE)."""
    n = f.get("noun")
    if n is None or f["trigger"] != [n] or n.dep_ != "dobj" or f["modality"] != "asserted":
        return f
    lem, ty = n.head.lemma_.lower(), f["type"]
    if lem not in vocab["exp_heads"] and lem not in vocab["posture_heads"] and lem not in vocab["intent_heads"]:
        return f
    if ty in ("ASSAULT", "FIGHT") and lem in vocab["posture_heads"]:
        return {**f, "type": "MOBILIZE", "against": True}  # a show of force against X, no troops sent to X
    if ty in HOSTILE or ty == "FIGHT":
        return {**f, "type": "THREATEN"}
    if ty in COOPERATIVE and lem in vocab["intent_heads"]:
        return {**f, "type": "AGREE"}
    return {**f, "modality": "expected"}


def _own_part_denied(v, vocab: dict) -> bool:
    """The verb denies or rejects its subject's own part in a deed ("denied any role in", "rejected
    responsibility for"; ``denied_claims.own_part``; "denied attacking X"): a denial, which PLOVER
    does not code."""
    dc = vocab["denied_claims"]
    if v.lemma_.lower() not in dc["heads"]:
        return False
    if any(c.dep_ in ("xcomp", "ccomp") and c.tag_ in ("VBG", "VBN") for c in kids_of(v)):
        return True  # "denied attacking X", "denied having sent troops": its own deed denied
    objs = [c for c in kids_of(v) if c.dep_ in ("dobj", "nsubjpass")]
    # "denied the attack on X", "denied the bombing": a deed denied, as "denied attacking X"
    return bool(objs) and all(o.lemma_.lower() in dc["own_part"] or noun_type(o, vocab) in DEEDS
                              for o in objs)


def _unnamed_actor(f: dict, ty: str, targets: list, home: bool, ta=None) -> tuple[list, list, bool]:
    """The actor of an event whose doer is named by no code, where the sentence still tells it:
    people protesting in a country with no other country named are its own ("prisoners rioted
    in X": X -> X); an arrest or a charge told in the passive with no agent is the state's where
    it happened ("was arrested in X": X's government); an attack told by its weapon or by an
    agentless passive ("a car bomb killed ...", "were killed in a bombing") keeps an unknown actor;
    unnamed police, officials, courts or rebels are those of the one country the clause places them in."""
    places = list(dict.fromkeys(f["place_targets"]))
    v = f["verb"]
    passive = v.pos_ in ("VERB", "AUX") and any(c.dep_ in ("nsubjpass", "auxpass") for c in kids_of(v))
    agent = any(c.dep_ == "agent" for c in kids_of(v))
    if ty == "PROTEST" and len(places) == 1 and not f["targets"] or ty == "PROTEST" and places and \
            set(map(country, targets)) <= set(places):
        return [places[0]], targets or [places[0]], True
    if ty in ("COERCE", "ACCUSE") and passive and not agent and len(places) == 1 and targets:
        return [f"{places[0]} GOV"], [t for t in targets if country(t) != places[0]] or targets, True
    if ty in ("COERCE", "ACCUSE") and passive and not agent and not places and targets and ta is not None and \
            _sentence_countries(f["sent"], ta) == {country(t) for t in targets}:
        # "two Keshi journalists were arrested": no place, no other state named, their own state's doing
        return [f"{country(targets[0])} GOV"], targets, True
    crowds = load_vocab()["crowds"]
    if passive and ta is not None and any(c.dep_ == "agent" and any(
            p.dep_ == "pobj" and (p.lemma_.lower() in crowds or p.lower_ in crowds) and ta.code[p.i] is None
            for p in kids_of(c)) for c in kids_of(v)):
        # "the X embassy (in Lirn) was attacked by a mob (in Lirn)": the crowd is the people of the one
        # country it is in, as "protesters stormed the X embassy in Lirn" (verb_events)
        where = list(dict.fromkeys(places or _clause_places(v, f["subj"], ta)))
        if len(where) == 1:
            return [where[0]], targets, home or any(country(t) == where[0] for t in targets)
    by_attack = [o for p in _preps(v, {"in", "by"}) for o in [p] + list(p.conjuncts)] if passive and not agent else []
    subj = f["subj"]
    sec = subj is not None and subj.dep_ == "nsubj" and (load_vocab()["sector"].get(subj.lemma_.lower())
                                                         or load_vocab()["sector"].get(subj.lower_))
    if sec in LOCAL_SECTORS and not places:  # "rebels attacked a village in northern X", "clashed with rebels in Y"
        places = list(dict.fromkeys(_clause_places(v, subj, ta)))
    victim = bool(targets) or f.get("home_obj") is not None  # "police in X fired on protesters": X's own people
    if sec in LOCAL_SECTORS and len(places) == 1 and not (ty == "ASSAULT" and not victim and sec not in ARMED_SECTORS):
        return [f"{places[0]} {sec}"], targets, home  # "police arrested activists in X": X's police
    crowd = ty == "PROTEST" and subj is not None
    if (sec in LOCAL_SECTORS - {"GOV"} or crowd or sec == "GOV" and ty in STATE_ACTS) and ty in HOME_ACTS and not places \
            and ta is not None and not (
            ty == "ASSAULT" and not victim and sec not in ARMED_SECTORS):
        named = _sentence_countries(f["sent"], ta)
        if len(named) == 1:  # "guerrillas kidnapped a Keshi senator": no other state named, Kesh's own
            c = next(iter(named))
            return [f"{c} {sec}" if sec else c], targets or ([c] if crowd else []), True
    casualty = v.lemma_.lower() in CASUALTY_VERBS  # "the attacks targeted X" refers back to a told attack
    if ty == "ASSAULT" and targets and casualty and any(map(_is_attack_noun, by_attack + [f["subj"]])):
        return [None], targets, False
    return [], targets, home


def _sentence_countries(sent, ta) -> set:
    """The countries the sentence names: actor codes and the countries of its places."""
    return {country(c) for t in sent for c in (ta.code[t.i], ta.place_country[t.i]) if c} - {None, ""}


def _foreign(ctx: Context, sent, actor: str) -> bool:
    """Another country is named in the sentence ("outside the Kesh embassy")."""
    code = ctx.scratch.get("token_actors").code
    return any(code[t.i] and country(code[t.i]) != country(actor) for t in sent)


def _is_attack_noun(t) -> bool:
    """An attack or its weapon: "the bombing killed", "killed in a blast"."""
    if t is None or t.dep_ not in ("nsubj", "pobj"):
        return False
    return noun_type(t, load_vocab()) == "ASSAULT" or t.lemma_.lower() in ATTACK_CAUSES


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


def _clause_places(v, subj, ta) -> list[str]:
    """The countries of the places the trigger's clause (its subject included) puts the event in."""
    if ta is None or v.pos_ not in ("VERB", "AUX"):
        return []
    stop = {"relcl", "ccomp", "advcl", "parataxis", "acl"}
    out, todo = [], [v] + ([subj] if subj is not None else [])
    seen = set()
    while todo:
        t = todo.pop()
        if t.i in seen:
            continue
        seen.add(t.i)
        if t.dep_ == "prep" and t.lower_ in PLACE_WORDS and t.head.i in seen:
            out += [c for p in kids_of(t) if p.dep_ == "pobj" for c in place_codes(p, ta)]
        todo.extend(c for c in kids_of(t) if c.dep_ not in stop)
    return out
