"""Tests on a trigger verb's clause that change or cancel its type: a crowd as doer, a clause of
time, the content of an agreement, a quarrel in words, an intent to an untyped act.

Used by ``verb_events._verb_event``.
"""
from __future__ import annotations

from .event_actors import TokenActors
from .event_parse import PLACE_NOUNS, _inherited_subject, _preps, noun_type, verb_type
from .tokkids import kids_of

BORDER_NOUNS = {"border", "borders", "frontier", "boundary", "frontline", "front", "coast", "coastline", "waters", "shores"}  # forces sent there face a neighbour
ARMED = {"MIL", "REB", "UAF", "COP"}  # sectors of a doer whose clash is a fight
TIME_MARKS = {"after", "since", "before", "until", "when"}  # a clause of time: the background of another event


def _clause(v, stop: set):
    """The tokens of a verb's clause, not entering the dependents named in ``stop``."""
    todo = [v]
    while todo:
        t = todo.pop()
        yield t
        todo.extend(c for c in kids_of(t) if c.dep_ not in stop)


def _crowd(v, vocab: dict, riot: bool = False) -> bool:
    """The verb's subject is a crowd: "thousands of workers", "students", "protesters" (for a riot,
    not a crowd of soldiers or an actor's own name: "thousands of troops stormed the town")."""
    s = next((c for c in kids_of(v) if c.dep_ == "nsubj"), None)
    if s is None and v.dep_ in ("advcl", "xcomp", "conj"):  # "farmers blocked roads to protest": theirs
        s = _inherited_subject(v)[0]
    if s is None and riot and any(c.dep_ in ("nsubjpass", "auxpass") for c in kids_of(v)):
        # "the embassy was stormed by a mob": the passive's agent is the doer
        s = next((o for a in kids_of(v) if a.dep_ == "agent" for o in kids_of(a) if o.dep_ == "pobj"), None)
    if s is None:
        return False
    heads = [s] + [o for p in kids_of(s) if p.dep_ == "prep" and p.lower_ == "of" for o in kids_of(p)]
    if riot and any(h.lower_ in vocab["sector"] and vocab["sector"][h.lower_] in ("MIL", "UAF", "REB", "COP")
                    for h in heads):
        return False
    return any(h.lemma_.lower() in vocab["crowds"] or h.lower_ in vocab["crowds"] for h in heads)


def _background(v) -> bool:
    """The verb tells the background of another event: a clause of time ("years after crowds burned
    its embassy", "since rioters stormed the port"), history rather than news."""
    return any(m.dep_ == "mark" and m.lower_ in TIME_MARKS for m in kids_of(v))


def _agreed_content(v, vocab: dict) -> bool:
    """An infinitive purpose clause of an agreement ("signed an accord to supply X", "agreed a
    deal to build ..."): it tells what was agreed, an act still to come."""
    h = v.head
    if v.dep_ not in ("advcl", "xcomp") or v.tag_ != "VB" or h.pos_ not in ("VERB", "AUX") or \
            not any(a.dep_ == "aux" and a.lower_ == "to" for a in kids_of(v)):
        return False
    if v.dep_ == "advcl" and verb_type(h, vocab)[0] == "AGREE":
        return True
    return h.lemma_.lower() in vocab["light"] and any(
        c.dep_ == "dobj" and noun_type(c, vocab) == "AGREE" for c in kids_of(h))


def _verbal_clash(v, vocab: dict, ta: TokenActors) -> bool:
    """Leaders "clashed over" a policy: an "over" topic that is no place, and a doer that is
    neither a force nor a crowd ("troops clashed over the ridge" stays a fight)."""
    over = vocab["verbal_clash_preps"]
    topics = _preps(v, over) + [p for w in _preps(v, {"with"}) for p in _preps(w, over)]  # "with X over Y"
    if not topics or any(ta.place_country[t.i] or t.pos_ == "PROPN" and ta.code[t.i] or t.ent_type_ in ("DATE", "TIME")
                         or t.lemma_.lower() in PLACE_NOUNS | BORDER_NOUNS | vocab["verbal_clash_not"] for t in topics):
        return False  # "clashed over the ridge", "over Kashmir": a fight for a place; "over the weekend"
    subj = _inherited_subject(v)[0]
    if subj is None or _crowd(v, vocab):
        return False
    heads = [subj] + [p for c in subj.children if c.dep_ == "prep" and c.lower_ == "of" for p in c.children]
    return not any(vocab["sector"].get(h.lower_) in ARMED or vocab["sector"].get(h.lemma_.lower()) in ARMED
                   for h in heads)


def _in_words(v, vocab: dict) -> bool:
    """An attack made in words: its doer is the media, or a "for" phrase gives the reason, a stance
    or a deed of the target ("for its stance", "for failing to act")."""
    s = _inherited_subject(v)[0]
    if s is not None and (vocab["sector"].get(s.lower_) or vocab["sector"].get(s.lemma_.lower())) in vocab["verbal_doers"]:
        return True
    for p in kids_of(v):
        if p.dep_ == "prep" and p.lower_ == "for":
            for o in kids_of(p):
                if o.dep_ == "pcomp" and o.tag_ == "VBG" or o.dep_ == "pobj" and any(
                        c.dep_ == "poss" for c in kids_of(o)) and not noun_type(o, vocab):
                    return True
    return False


def _untyped_intent(v, vocab: dict) -> bool:
    """An intent verb governing an act the vocabulary does not type ("promised to restore
    democracy", "is committed to opening up the economy"): the promise is the event. A typed act
    ("promised to send troops", "vowed to attack") is read from that act instead."""
    acts = [c for c in kids_of(v) if c.dep_ == "xcomp" and c.pos_ == "VERB"]
    acts += [c for p in kids_of(v) if p.dep_ == "prep" and p.lower_ == "to"
             for c in kids_of(p) if c.dep_ == "pcomp" and c.tag_ == "VBG"]  # "committed to opening up"
    return bool(acts) and all(_act_type(c, vocab) is None for c in acts)


def _act_type(c, vocab: dict) -> str | None:
    """The type a verb gets from the vocabulary, its object included ("lift the ban", "hold talks");
    a verb only the clause can type (a demand by saying, a control verb) counts as typed."""
    ty = verb_type(c, vocab)[0]
    lem = c.lemma_.lower()
    obj = next((o for o in kids_of(c) if o.dep_ in ("dobj", "nsubjpass")), None)
    if obj is not None and lem in vocab["by_object"]:  # "ban the party": the object decides
        ty = vocab["by_object"][lem].get(obj.lemma_.lower()) or vocab["by_object"][lem].get(obj.lower_) or ty
    if ty is not None or lem not in vocab["typed_by_context"]:
        return ty
    if ty is None and obj is not None and lem in vocab["light"]:
        ty = noun_type(obj, vocab)
    if ty is None and not (lem in vocab["light"] or lem in vocab["by_object"]):
        return "?"
    return ty
