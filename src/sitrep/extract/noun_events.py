"""Events told by a noun: "Russia's strike on X", "talks with Y", "the downing of Z's drones".

One candidate dict per event noun whose owner (possessive, demonym, ``by`` agent)
names an actor; ``event_emit`` turns candidates into records.
"""
from __future__ import annotations

from .event_actors import TokenActors
from .event_vocab import HOSTILE, SYMMETRIC
from .event_parse import (OBJ_PREPS, _agent, _codes, _inherited_subject, _objects, _passive, _preps, country,
                          item_class, item_span, modality, noun_type, phrase_actors, place_codes, pronoun_owner,
                          verb_type)
from .tokkids import kids_of

# verb types that take a stance on the event their object names: the stance is the event
STANCE_TYPES = {"REJECT", "ACCUSE", "DEMAND", "SUPPORT"}
VICTIM_NOUN_TYPES = {"COERCE", "ASSAULT", "SANCTION"}  # "the arrest of X", "the expulsion of X's diplomats"
# verbs telling that an event (its subject) takes place: "talks resumed", "fighting erupted"
OCCUR = {"resume", "begin", "start", "open", "end", "erupt", "continue", "break", "collapse", "stall", "intensify",
         "rage", "take", "escalate", "flare", "conclude", "close", "proceed", "hold", "conduct", "spread", "resumed",
         "leave", "kill", "claim", "cause", "fail", "succeed"}  # "clashes between A and B left 20 dead"
BACKGROUND_PREPS = {"amid", "despite", "since", "after", "before", "following", "during", "throughout"}  # "amid X's occupation of Y"
PARTAKE = {"part", "participation"}  # "took part in", "their participation in": the taker does it
TOLL_VERBS = {"kill", "wound", "injure", "maim", "hurt"}  # "were killed in X's raid": the raid's victims
ENGAGED = {"lock", "engage", "embroil", "involve", "bog", "mire", "entangle", "trap"}  # "X was locked in fighting with Y": X fights
MOTION = {"go", "come", "return", "travel", "arrive", "head", "fly", "gather", "sit", "convene", "assemble", "be"}
# verbs telling that unrest breaks out or spreads somewhere: "protests erupted across X", "riots rocked X's capital"
UNREST = {"erupt", "break", "spread", "sweep", "rock", "hit", "grip", "paralyse", "paralyze", "engulf", "shake", "flare",
          "continue", "rage", "escalate", "intensify", "disrupt", "shut", "cripple", "take"}
UNREST_NOT = {"rally", "rallies", "march", "marches", "vigil", "mutiny"}  # "the rally in oil prices continued": markets rally too


def _noun_event(n, vocab: dict, ta: TokenActors) -> dict | None:
    ty = noun_type(n, vocab)
    h = n.head
    if ty is None and _fire_taken(n, vocab):
        ty = "ASSAULT"  # "X came under fire from Y": Y fired on X
    on_strike = n.lemma_.lower() == "strike" and h.dep_ == "prep" and h.lower_ == "on" and h.head.pos_ in ("VERB", "AUX")
    if on_strike:
        ty = "PROTEST"  # "miners have been on strike": a strike, not an air strike
    if ty is None or n.lemma_.lower() in vocab["light_only"] and noun_type(n, {**vocab, "noun": {}}) is None:
        return None  # "support" names a stance only when voiced ("expressed support"): a light verb's object
    need = vocab["noun_objects"].get(ty)
    if need and not any(p.lower_ in need or p.lemma_.lower() in need for p in _preps(n, {"of"})):
        return None
    h = n.head
    signed_between = ty in SYMMETRIC and n.dep_ == "nsubjpass" and _agent(h) is None and bool(_preps(n, {"between", "among"})) \
        and h.pos_ in ("VERB", "AUX") and (h.lemma_.lower() in vocab["light"] or verb_type(h, vocab)[0] == ty)
    if h.pos_ in ("VERB", "AUX") and h.lemma_.lower() in vocab["light"] and (
            n.dep_ in ("dobj", "nsubjpass") or (h.dep_ == "acl" and h.head == n)) and not signed_between:
        return None  # the light verb carries it (see _verb_event); "the accord between A and B was signed" names its parties
    if n.dep_ == "acl" or any(c.dep_ == "acl" and c.tag_ == "VBN" and c.lemma_.lower() in vocab["light"]
                              for c in kids_of(n)):
        return None
    owners = phrase_actors(n, ta, vocab, deps={"poss", "compound", "amod", "nmod", "conj", "cc"}, preps=set())
    owners = [(c, t) for c, t in owners if t.i < n.i]
    agent = []
    suffered = h.dep_ == "prep" and h.lower_ == "under" and h.head.lemma_.lower() in ("come", "be", "remain")
    agent_preps = ("by", "from") if ty in ("ACCUSE", "SUPPORT", "DEMAND", "THREATEN") or suffered else ("by",)
    for c in [*kids_of(n), *(kids_of(h.head) if suffered else ())]:  # "came under fire from X": on the verb too
        if c.dep_ == "prep" and c.lower_ in agent_preps:
            for p in kids_of(c):
                if p.dep_ == "pobj":
                    agent += _codes(phrase_actors(p, ta, vocab))
    if not agent and ty in VICTIM_NOUN_TYPES:
        # "the bombing of a Keshi post by Valdorian rebels": the parse hangs the agent on the victim
        for p in _preps(n, {"of"}):
            agent += [c for b in _preps(p, {"by"}) for c in _codes(phrase_actors(b, ta, vocab))]
    actors = agent or _codes(owners) or pronoun_owner(n, ta)
    if not actors and h.dep_ == "prep" and (h.lower_ in ("in", "during", "at") or on_strike) and \
            h.head.pos_ in ("VERB", "AUX"):
        s, _ = _inherited_subject(h.head)  # "X, in a meeting with Y, said": X met Y
        actors = _codes(phrase_actors(s, ta, vocab)) if s is not None and (s.dep_ == "nsubj" or s.dep_ == "nsubjpass" and
                                                                           h.head.lemma_.lower() in ENGAGED) else []
    if not actors and h.dep_ == "prep" and h.lower_ == "in" and h.head.lemma_.lower() in PARTAKE and \
            h.head.head.pos_ in ("VERB", "AUX"):
        s, _ = _inherited_subject(h.head.head)  # "X took part in a march", "joined the talks as part of": X
        actors = _codes(phrase_actors(s, ta, vocab)) if s is not None and s.dep_ == "nsubj" else []
    if not actors and ty == "CONSULT" and h.dep_ == "prep" and h.lower_ == "on" and h.head.lemma_.lower() in MOTION:
        s, _ = _inherited_subject(h.head)  # "X is on a visit to Y", "X arrived on a state visit": X visits
        actors = _codes(phrase_actors(s, ta, vocab)) if s is not None and s.dep_ == "nsubj" else []
    moved = not actors and h.dep_ == "prep" and h.lower_ == "for" and h.head.lemma_.lower() in MOTION
    if moved:
        s, _ = _inherited_subject(h.head)  # "X and Y returned to Geneva for talks": they talk
        actors = _codes(phrase_actors(s, ta, vocab)) if s is not None and s.dep_ == "nsubj" else []
    if not actors and n.dep_ == "dobj" and h.pos_ == "VERB" and verb_type(h, vocab)[0] is None and \
            n.lemma_.lower() not in vocab["by_object"].get(h.lemma_.lower(), {}):  # "removed sanctions": the verb's
        s, _ = _inherited_subject(h)  # "X ramped up its sales to Y": X sells to Y
        actors = _codes(phrase_actors(s, ta, vocab)) if s is not None else []
    between = False
    if not actors and ty in SYMMETRIC and n.dep_ in ("nsubj", "nsubjpass") and (h.lemma_.lower() in OCCUR or signed_between):
        # "talks between A and B resumed", "fighting between A and B erupted": the event told as happening
        actors = [c for p in _preps(n, {"between", "among"}) or _preps(h, {"between", "among"})
                  for c in _codes(phrase_actors(p, ta, vocab))]  # "fighting raged between A and B" too
        between = len({country(a) for a in actors}) > 1
        actors = actors if between else []
    if not actors and ty == "PROTEST" and n.dep_ == "nsubj" and h.pos_ in ("VERB", "AUX") and h.lemma_.lower() in UNREST \
            and n.lemma_.lower() not in UNREST_NOT:
        # "protests erupted across X", "a general strike paralysed X": unrest in one country is its people's
        where = [c for p in _preps(h, {"in", "across", "throughout", "at", "on"}) + _preps(n, {"in", "across", "at"})
                 for c in place_codes(p, ta)] + [c for o in _objects(h) for c in place_codes(o, ta)]
        if len(set(where)) == 1 and not _preps(n, {"by"}):
            actors = [where[0]]
    theme = []
    if not actors and ty in ("ACCUSE", "COERCE"):
        actors, theme = _placed_under(n, ta, vocab)
    if not actors:
        return None
    if ty in ("AID",) and not (n.lemma_.lower() in vocab["items"]["money"] or item_class(n, vocab)):
        pass
    targets = []
    # "the arrest of X by Y", "Y's expulsion of X's envoys", "Keshi shelling of X's towns": the "of" phrase is the victim
    # (an owner's deed told as the background of another, "amid X's occupation of Y", is left to that other)
    background = h.dep_ == "prep" and h.lower_ in BACKGROUND_PREPS
    victim = {"of"} if ty in VICTIM_NOUN_TYPES and (agent or owners and not background) else set()
    for p in _preps(n, vocab["preps"].get(ty, set()) | {"against", "on", "with", "to"} | victim):
        targets += _codes(phrase_actors(p, ta, vocab))
        if targets:
            break
    for c in kids_of(n):  # "threats to withdraw from NATO": the target is in the clause the noun governs
        if not targets and c.dep_ == "acl" and c.pos_ == "VERB" and any(x.lower_ == "to" for x in kids_of(c)):
            for o in _objects(c):
                targets += _codes(phrase_actors(o, ta, vocab, preps=OBJ_PREPS))
            for p in _preps(c, {"from", "to", "against", "on", "into", "with"}):
                targets += _codes(phrase_actors(p, ta, vocab))
    targets = targets or theme
    if not targets and ty in ("ASSAULT", "FIGHT") and h.dep_ == "prep" and h.lower_ in ("in", "during") and \
            h.head.pos_ == "VERB" and h.head.lemma_.lower() in TOLL_VERBS and _passive(h.head) and _agent(h.head) is None:
        # "five soldiers were killed in a Keshi ambush": the ambush's owner struck those it killed
        s = next((c for c in kids_of(h.head) if c.dep_ == "nsubjpass"), None)
        targets = [c for c in (_codes(phrase_actors(s, ta, vocab)) if s is not None else []) if country(c) not in
                   {country(a) for a in actors}]
    if not targets and suffered:
        s, _ = _inherited_subject(h.head)  # "X came under Y's bombardment": X suffers it
        targets = [c for c in (_codes(phrase_actors(s, ta, vocab)) if s is not None else []) if c not in actors]
    if not targets and ty == "CONSULT" and n.lemma_.lower() in ("visit", "tour", "trip"):
        # "a visit to Damascus": the state whose place is visited is the host (not the visitor's own)
        targets = [c for p in _preps(n, {"to"}) for c in place_codes(p, ta)
                   if c not in {country(a) for a in actors}][:1]
    place_targets = []
    if ty in ("ASSAULT", "FIGHT", "DEFEND", "PROTEST", "COERCE"):
        for p in _preps(n, {"on", "in", "against", "into", "across", "at", "over"}):
            place_targets += place_codes(p, ta)
        gov = n.head
        if n.dep_ in ("nsubj",) and gov.pos_ == "VERB":
            for o in _objects(gov):
                place_targets += place_codes(o, ta)
            for p in _preps(gov, {"in", "on", "at", "across"}):
                place_targets += place_codes(p, ta)
    if not targets and ty == "AID" and h.dep_ == "prep" and h.lower_ in ("on", "upon", "for") and \
            h.head.lemma_.lower() in ("reliance", "dependence", "dependency", "need", "request", "appeal"):
        # "Ukraine's reliance on US military aid": the one relying receives it
        targets = _codes(phrase_actors(h.head, ta, vocab, deps={"poss", "compound", "amod"}, preps=set()))
        targets = [t for t in targets if t not in actors] or pronoun_owner(h.head, ta)
    if h.pos_ == "VERB" and verb_type(h, vocab)[0] in STANCE_TYPES and n.dep_ in ("dobj", "nsubjpass"):
        # "cancelled a visit by X": the visit did not happen; "condemned an attack by X", "demanded
        # the withdrawal of X": the stance taken on it is the event told, the deed only its topic
        return None
    if not targets and agent and n.dep_ == "dobj" and h.pos_ == "VERB" and ty in ("ACCUSE", "SUPPORT", "DEMAND",
                                                                                "THREATEN"):
        # "the test drew condemnation from X": X condemns the test's owner
        s, sv = _inherited_subject(h)
        if s is not None and s.tag_ == "WDT" and sv is not None and sv.dep_ == "relcl":
            s = sv.head  # "the test, which prompted condemnation": the test
        if s is not None:
            codes = _codes(phrase_actors(s, ta, vocab, preps=OBJ_PREPS)) or pronoun_owner(s, ta)
            targets = [c for c in codes if c not in actors]
    if not targets and moved and ty in SYMMETRIC:  # "a delegation is in Y for talks": with Y
        where = _preps(h.head, {"in", "to"}) + [p for a in kids_of(h.head) if a.dep_ == "acomp"
                                                for p in _preps(a, {"in", "to"})]  # "is due in Y for talks"
        targets = [c for p in where for c in _codes(phrase_actors(p, ta, vocab)) if c not in actors][:1]
    in_protest = ty == "PROTEST" and h.dep_ == "prep" and h.lower_ == "in" and n.i == h.i + 1  # "did X in protest"
    # "Keshi-Talmari talks", "the Kesh-Talmar summit": a hyphened pair of owners meets each other
    paired = not agent and len({country(a) for a in actors}) > 1 and any(
        t.text == "-" and t.i > 0 and ta.code[t.i - 1] and ta.code[t.i + 1] for t in n.doc[max(n.i - 6, n.sent.start):n.i])
    if not targets and not place_targets and ty != "TEST" and not on_strike and not in_protest and not (
            (moved or between or paired) and ty in SYMMETRIC and len(set(actors)) > 1):
        return None
    if ty == "TEST" and item_class(n, vocab) != "weapons":
        return None
    gov = n.head
    mod = modality(gov, vocab)[0] if gov.pos_ in ("VERB", "AUX") else "asserted"
    if ty in HOSTILE | {"FIGHT"} and n.dep_ == "dobj" and gov.pos_ == "VERB" and \
            gov.lemma_.lower() in vocab["oath_heads"] | {"threaten"}:
        ty = "THREATEN"  # "vowed retaliation against X", "swore revenge on X": a promised attack is a threat
    item = None
    icls = None
    item_text = None
    if ty == "AID":
        # "ammunition supplies", "supplies of ammunition": the thing supplied, not the supplying
        things = [c for c in kids_of(n) if c.dep_ == "compound" and ta.code[c.i] is None]
        things += [p for c in kids_of(n) if c.dep_ == "prep" and c.lower_ == "of" for p in kids_of(c)
                   if p.dep_ == "pobj" and ta.code[p.i] is None]
        if n.lemma_.lower() in ("support", "aid", "assistance"):  # "military aid" is the item itself
            mods = [c for c in kids_of(n) if c.dep_ in ("compound", "amod") and ta.code[c.i] is None and c.i < n.i]
            item_text = " ".join([*(c.text for c in mods), n.text])
            icls = item_class(n, vocab)
        elif things:
            item_text = " ".join(item_span(t).text for t in things)
            icls = item_class(things[0], vocab)
        elif any(c.dep_ == "amod" and c.lower_ in ("military", "material", "financial") for c in kids_of(n)):
            item_text = " ".join(t.text for t in kids_of(n) if t.dep_ == "amod" and t.i < n.i) + " " + n.text
            icls = "weapons" if "military" in item_text.lower() else "money" if "financial" in item_text.lower() else None
    return {"type": ty, "actors": actors, "targets": targets, "trigger": [n], "verb": gov, "noun": n,
            "modality": mod, "item": item, "item_class": icls, "subj": None, "place_targets": place_targets,
            "item_text": item_text, "suffered": h.head if suffered else None}



def _fire_taken(n, vocab: dict) -> bool:
    """ "X came under fire", "remained under heavy fire": a fire noun (``taken_fire`` in event_verbs.yaml)
    suffered by the subject, an attack, not a blaze ("a fire broke out")."""
    h = n.head
    return n.lemma_.lower() in vocab["taken_fire"] and h.dep_ == "prep" and h.lower_ == "under" and \
        h.head.lemma_.lower() in ("come", "be", "remain")


def _placed_under(n, ta: TokenActors, vocab: dict) -> tuple[list, list]:
    """ "X was placed under arrest in Y", "put under investigation in Y": with no agent named, the
    state where it happened acts (Y's government) on the one the passive names (X)."""
    h = n.head
    if not (h.dep_ == "prep" and h.lower_ == "under" and h.head.pos_ == "VERB" and _passive(h.head)
            and _agent(h.head) is None):
        return [], []
    places = list(dict.fromkeys(c for p in _preps(h.head, {"in"}) + _preps(n, {"in"}) for c in place_codes(p, ta)))
    s = next((c for c in kids_of(h.head) if c.dep_ == "nsubjpass"), None)
    if len(places) != 1 or s is None:
        return [], []
    theme = [c for c in _codes(phrase_actors(s, ta, vocab)) if country(c) != places[0]]
    return ([f"{places[0]} GOV"], theme) if theme else ([], [])
