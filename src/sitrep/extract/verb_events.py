"""Events told by a verb (or a light verb with an event noun): type, actors, targets, modality.

One candidate dict per trigger verb (see ``events`` for the rules); ``event_emit``
turns candidates into records. The tests that retype or cancel a verb are in ``verb_clues``,
the sides found outside the verb's own arguments in ``verb_sides``.
"""
from __future__ import annotations

from .event_actors import TokenActors
from .event_parse import (OBJ_PREPS, PHRASE_PREPS, _agent, _codes, _inherited_subject, _objects, _passive, _preps,
                          _subject, country, distinct, item_class, item_phrase, modality, noun_type,
                          phrase_actors,
                          place_codes, pronoun_owner, verb_type)
from .event_roles import (_deed_doer, _demanded, _for_talks, _freed_from, _meeting_purpose, _received_from,
                          _reciprocal, _their_joint, member_actors)
from .event_vocab import COOPERATIVE, HOSTILE, REFUSABLE, SYMMETRIC
from .tokkids import kids_of
from .verb_clues import (BORDER_NOUNS, _act_type, _agreed_content, _background, _clause, _crowd, _in_words,
                         _untyped_intent, _verbal_clash)
from .verb_sides import (_blamed, _clause_target, _condition_target, _objects_foreign, _pronoun_sides,
                         _rejected_by_saying)

__all__ = ["_verb_event", "_clause_target", "_background", "_crowd"]

THEME_PREPS = PHRASE_PREPS | {"for"}
CLAUSE_PREPS = {"from", "on", "against", "to", "with", "into"}
PLACE_TARGET_TYPES = {"ASSAULT", "FIGHT", "DEFEND", "MOBILIZE", "AID", "PROTEST", "COERCE", "CONCEDE"}
HOME_TYPES = {"PROTEST", "COERCE", "CONCEDE"}  # acts on one's own country: the place is the target
DOER_TYPES = {"DEMAND", "ACCUSE", "REJECT", "PROTEST", "AGREE", "SUPPORT"}  # whose target may be the doer of a deed they name
AGAINST_TYPES = {"MOBILIZE", "THREATEN", "PROTEST", "ACCUSE", "SANCTION", "FIGHT", "ASSAULT"}  # "... against X"
PLACE_PREPS = {"to", "near", "along", "toward", "towards", "at", "on", "across", "off"}
VICTIM_TYPES = {"ASSAULT", "COERCE", "ACCUSE", "SANCTION", "THREATEN"}  # "soldiers were killed": the forces suffer it


def _verb_event(v, vocab: dict, ta: TokenActors) -> dict | None:
    ty, extra = verb_type(v, vocab)
    lem = v.lemma_.lower()
    verbal = lem in vocab["verbal_clash"] and _verbal_clash(v, vocab, ta)
    if verbal:
        ty, extra = "ACCUSE", []  # "the ministers clashed over the budget": a quarrel, not a battle
    if lem in vocab["intent_verbs"] and _untyped_intent(v, vocab):
        ty, extra = "AGREE", []  # "promised to restore democracy", "pledged to rebuild the port": an intent
    if ty == "ASSAULT" and lem in vocab["verbal_attack"] and _in_words(v, vocab):
        ty, extra = "ACCUSE", []  # "newspapers attacked X for its stance": a criticism
    talks = _for_talks(v, vocab) if lem in vocab["envoy_verbs"] else None
    if talks is not None:
        ty, extra = "CONSULT", []  # "sent a delegation to X for talks": a meeting, not aid
    if lem in vocab["crowd_verbs"] and _crowd(v, vocab) and (lem in vocab["crowd_with_object"] or
                                                              not any(c.dep_ == "dobj" for c in kids_of(v))):
        ty = "PROTEST"  # "thousands protested", "workers struck", "students marched"
    elif lem in vocab["riot_verbs"] and _crowd(v, vocab, riot=True) and not _background(v):
        ty = "PROTEST"  # "angry crowds stormed a police station", "protesters clashed with police": a riot
    if lem in vocab.get("that_speech", ()) and not any(c.dep_ == "dobj" for c in kids_of(v)) and any(
            c.dep_ == "ccomp" and any(m.dep_ == "mark" and m.lower_ == "that" for m in kids_of(c)) for c in kids_of(v)):
        return None  # "X allowed that the road is unsafe": a statement, not a concession ("accepted demands that": one)
    if ty is None and lem not in vocab["typed_by_context"]:
        return None  # no rule below can give this verb a type: skip the parse walks
    noun = None
    obj = next((c for c in kids_of(v) if c.dep_ in ("dobj", "nsubjpass")), None)
    if obj is None and v.dep_ == "acl" and v.tag_ == "VBN":
        obj = v.head  # "the treaty, endorsed by ...": the noun it qualifies is its object
    clause_obj = None
    if obj is None and lem in vocab["by_object"]:  # "allowed peacekeepers to deploy", "declared X persona non grata"
        obj = clause_obj = next((_subject(c) for c in kids_of(v) if c.dep_ in ("ccomp", "xcomp") and _subject(c) is not None),
                                None)
    hyphened = bool(extra) and v.i >= 2 and v.doc[v.i - 1].text == "-"  # "test-fired a missile" is no missile fired at
    if obj is not None and lem in vocab["by_object"] and not hyphened:  # "ended the talks", "ended mediation efforts"
        rule = vocab["by_object"][lem]
        ty = next((rule[w] for x in (obj, *(c for c in kids_of(obj) if c.dep_ == "compound"), *_preps(obj, {"of"}))
                   for w in (x.lemma_.lower(), x.lower_) if w in rule), ty)  # "drove thousands of villagers"
    if obj is not None and lem in vocab["light"] and not noun_type(obj, vocab) and \
            obj.lemma_.lower() in vocab["containers"]:  # "held a round of talks", "launched a wave of attacks"
        obj = next((p for p in _preps(obj, {"of"}) if noun_type(p, vocab)), obj)
    if obj is not None and lem in vocab["light"] and not noun_type(obj, vocab) and all(x != obj for x in extra):
        comp = next((c for c in kids_of(obj) if c.dep_ == "compound" and noun_type(c, vocab)), None)
        if comp is not None:  # "launched a mediation effort": the compound names the event
            ty, extra = noun_type(comp, vocab), [comp]
    if obj is not None and lem in vocab["reverse"] and obj.lemma_.lower() in vocab["taken_fire"] and not noun_type(obj, vocab):
        noun, ty, extra = obj, "ASSAULT", [obj]  # "received artillery fire from X": X fired on them, no aid
    elif obj is not None and lem in vocab["light"] and noun_type(obj, vocab) and all(x != obj for x in extra):
        noun, ty = obj, noun_type(obj, vocab)
        extra = [obj] if obj.i != v.head.i or v.dep_ != "acl" else [obj]
        if obj.lemma_.lower() in vocab["crowd_verbs"] and (lem in vocab["protest_light"] or _crowd(v, vocab)):
            ty = "PROTEST"  # "staged a strike", "workers held a march": not an air strike
    if ty is not None and obj is not None and obj.lemma_.lower() in vocab["exclude"].get(ty, ()):
        return None
    if ty is not None and noun is None and vocab["noun_objects"].get(ty) and not (obj is not None and {
            w for t in obj.subtree for w in (t.lower_, t.lemma_.lower())} & vocab["noun_objects"][ty]):
        return None  # "destroyed homes", "intercepted a ship": no drone or missile downed, no air defence
    reverse = False
    if ty is None and lem in vocab["reverse"]:
        ty, reverse = vocab["reverse"][lem], True
    if ty in (None, "AGREE") and lem in vocab["demand_speech"] and any(
            c.dep_ == "ccomp" and any(a.dep_ == "aux" and a.lower_ in vocab["demand_modals"] for a in kids_of(c))
            for c in kids_of(v)):
        ty = "DEMAND"  # "X said Y must return the aircraft", "X concluded that Y must pay": X demands of Y
    if ty is None and lem in vocab["demand_speech"] and any(
            c.dep_ == "ccomp" and c.lemma_.lower() in vocab["threat_idioms"] and not any(x.dep_ == "neg" for x in kids_of(c))
            and any(o.lemma_.lower() in vocab["threat_objects"] for o in _objects(c)) for c in kids_of(v)):
        ty = "THREATEN"  # "X said Y would face serious consequences": a threat to Y
    rejected = _rejected_by_saying(v, vocab, ta) if ty is None and lem in vocab["demand_speech"] else []
    if rejected:
        ty = "REJECT"  # "X said Y's proposal was unacceptable", "... was out of the question": X rejects it
    if ty is None and (lem in vocab["demand_speech"] or lem in vocab["blame_verbs"]) and _blamed(v, vocab, ta):
        ty = "ACCUSE"  # "X said Y was responsible for the attack", "... was behind the bombing": X accuses Y
    if ty is None and lem in vocab["demand_control"] and (any(
            c.dep_ == "xcomp" and _subject(c) is None for c in kids_of(v)) and any(
            c.dep_ == "dobj" and phrase_actors(c, ta, vocab) for c in kids_of(v)) or any(
            c.dep_ in ("ccomp", "xcomp") and any(a.dep_ == "aux" and a.lower_ == "to" for a in kids_of(c))
            and _subject(c) is not None and phrase_actors(_subject(c), ta, vocab) for c in kids_of(v))):
        ty = "DEMAND"  # "X wants Y to withdraw", "X told Y to leave": X demands of Y
    if ty is None:
        return None
    if noun is None and not extra and not _passive(v) and not any(c.dep_ in ("dobj", "dative") for c in kids_of(v)) and any(
            noun_type(p, vocab) not in (None, ty) for p in _preps(v, {"in"})):
        return None  # "engaged in talks", "joined in the protests": the event is the noun the verb frames
    if lem in vocab["intransitive"] and any(c.dep_ == "dobj" for c in kids_of(v)):
        return None  # "demonstrated the risk" is no protest
    if v.tag_ == "VBN" and v.dep_ in ("oprd", "acomp", "amod", "advcl") and not any(
            c.dep_ in ("agent", "nsubjpass", "auxpass", "aux", "nsubj") for c in kids_of(v)) and not (
            v.dep_ == "acomp" and lem in vocab["stance_participles"] and (ty != "AGREE" or _untyped_intent(v, vocab))):
        # ("is opposed to X's plan": a stance; "is committed to reforming": a promise)
        return None  # "sees its interests as threatened", "the attacked village": a state, not an act
    if v.dep_ == "xcomp" and verb_type(v.head, vocab)[0] and v.head.pos_ in ("VERB", "AUX") and \
            v.head.lemma_.lower() not in vocab["needs_item"]:  # "offered to negotiate": no offer of an item
        return None  # "threatened to withdraw": the governing verb is the event
    if v.dep_ == "acl" and v.head.pos_ == "NOUN" and noun_type(v.head, vocab) and v.tag_ != "VBN":
        return None  # "threats to withdraw", "decision to send": the noun is the event
    if ty == "CONSULT" and _meeting_purpose(v, vocab) and not any(
            phrase_actors(o, ta, vocab, preps=OBJ_PREPS | {"with"}) for o in _objects(v) + _preps(v, {"with"})):
        return None  # "met X to discuss aid to Y": one meeting, its topic no second one ("to meet Y" is)
    if _agreed_content(v, vocab):
        return None  # "signed a deal to supply X with wheat": what was agreed, not yet done
    if _demanded(v, vocab):
        return None  # "called on X to end the fighting": what is asked, not done (event_roles)
    item = item_phrase(v, vocab, ta) if ty in ("AID", "REJECT", "TEST", "AGREE") or reverse else None
    icls = item_class(item, vocab)
    if (lem in vocab["needs_item"] or reverse) and ty in ("AID", "TEST") and icls is None and not (
            lem in vocab["actor_object"] and any(c.dep_ in ("xcomp", "ccomp") for c in kids_of(v)) and (
                any(phrase_actors(o, ta, vocab) for o in _objects(v)) or any(
                    c.dep_ in ("xcomp", "ccomp") and _subject(c) is not None and phrase_actors(_subject(c), ta, vocab)
                    for c in kids_of(v)))):
        return None  # "offered condolences" is no aid; "helped Kesh clear mines" is
    if ty == "TEST" and icls != "weapons":
        return None
    subj, _ = _inherited_subject(v)
    if subj is not None and v.dep_ == "acl" and subj == v.head and v.tag_ == "VBG" and ta.code[subj.i] is None \
            and subj.dep_ == "dobj":  # "issued a statement demanding ...": the statement's author demands
        subj = _inherited_subject(subj.head)[0] or subj
    passive = (_passive(v) or _shared_passive(v)) and noun is None and not (
        lem in vocab["stance_participles"] and _agent(v) is None)
    actors_tok, targets = [], []
    if reverse:
        src = _preps(v, {"from"}) + [p for o in _objects(v) for p in _preps(o, {"from"})]
        actors = [a for p in src for a in _codes(phrase_actors(p, ta, vocab))]
        targets = _codes(phrase_actors(subj, ta, vocab)) if subj is not None else []
    elif passive:
        agent = _agent(v) or _shared_agent(v)
        actors = member_actors(agent, ta, vocab) if agent is not None else _freed_from(v, ta, vocab)
        theme = subj if subj is not None else (v.head if v.dep_ == "acl" else None)
        if ty == "AID" and item is None and theme is not None and ta.code[theme.i] is None:
            item, icls = theme, item_class(theme, vocab)  # "the €85 billion provided by X"
        if theme is not None:
            tcodes = _codes(phrase_actors(theme, ta, vocab, preps=THEME_PREPS))  # "a camp for X's refugees"
            forces = theme.lemma_.lower() in vocab["items"]["troops"] or (
                ty == "AID" and item_class(theme, vocab) in ("weapons", "troops"))
            if not actors and (forces and ty not in VICTIM_TYPES or ty in ("MOBILIZE",)):
                actors = tcodes  # "North Korean troops were deployed to Russia": the forces' owner acts
            elif ty not in ("AID",) or not forces:
                targets = tcodes
            host = _envoy_host(theme, vocab, ta) if not actors else []
            if host and [c for c in tcodes if country(c) not in host]:
                # "X's ambassador in Y was summoned": Y summons X's envoy
                actors, targets = host, [c for c in tcodes if country(c) not in host]
        for c in kids_of(v):
            if c.dep_ == "dobj":
                targets += _codes(phrase_actors(c, ta, vocab))
    elif noun is not None and _passive(v) and _agent(v) is not None:
        # "sanctions were imposed on X by Y", "the agreement signed by A and B": the agent acts
        actors = member_actors(_agent(v), ta, vocab)
        for o in _objects(v):
            targets += _codes(phrase_actors(o, ta, vocab, preps=OBJ_PREPS))
    else:
        actors = (member_actors(subj, ta, vocab) or pronoun_owner(subj, ta)) if subj is not None else []
        actors += [a for a in _headline_pair(subj, v, ta) if a not in actors]
        # "their forces withdrew": the owner of the possessive acts
        for o in _objects(v):
            if (noun is not None and o == noun) or ty == "MOBILIZE":
                continue  # "deploy troops": the object is the force, not the target
            targets += _codes(phrase_actors(o, ta, vocab, preps=OBJ_PREPS))
    if rejected and not targets:
        targets = [c for c in rejected if country(c) not in {country(a) for a in actors}]  # whose plan is refused
    if clause_obj is not None and not targets and ty in ("SANCTION", "RETREAT", "COERCE"):
        targets = _codes(phrase_actors(clause_obj, ta, vocab))  # "declared two X diplomats persona non grata": X
    if ty in DOER_TYPES and not passive and noun is None:
        targets = _deed_doer(v, vocab, ta) or targets  # "condemned the arrest of X's journalists by Y": Y
    if talks is not None and not targets:  # "for consultations with Y": Y, else where the envoy went
        targets += [c for p in _preps(talks, {"with"}) for c in _codes(phrase_actors(p, ta, vocab))]
    preps = vocab["preps"].get(ty, set())
    if verbal and not targets:  # "clashed with X over Y": X
        targets += [c for p in _preps(v, {"with"}) for c in _codes(phrase_actors(p, ta, vocab))]
    for x in extra:  # "arrive in X", "appeal to X": the phrase's own preposition names the target
        if not targets and x.dep_ == "prep":
            targets += [c for p in kids_of(x) if p.dep_ == "pobj" for c in _codes(phrase_actors(p, ta, vocab))]
            if not targets and ty == "CONSULT":  # "arrived in Colombo": a city of another state hosts
                targets = [c for p in kids_of(x) if p.dep_ == "pobj" for c in place_codes(p, ta)
                           if c not in {country(a) for a in actors}][:1]
    if not targets:
        objs = [c for o in _objects(v) if ta.code[o.i] is None for c in (o, *o.conjuncts)]
        # "welcomed the resumption of ties with X": the object's own partner is the target
        objs += [p for o in list(objs) for p in _preps(o, {"of", "in"}) if p.pos_ == "NOUN" and ta.code[p.i] is None]
        for p in _preps(v, preps) + (_preps(noun, preps) if noun is not None else []) + \
                [p for o in objs for p in _preps(o, (preps | {"with", "between", "to"}) - {"of"})]:  # "aid to X"
            targets += _codes(phrase_actors(p, ta, vocab))
            if targets:
                break
    if noun is not None and not targets and ty == "DEMAND":  # "renewed its call for X to free ...": X
        for c in [*kids_of(noun), *(c for c in kids_of(v) if c.dep_ == "advcl" and any(
                m.dep_ == "mark" and m.lower_ == "for" for m in kids_of(c)))]:
            if c.dep_ in ("acl", "advcl", "relcl") and _subject(c) is not None:
                targets += _codes(phrase_actors(_subject(c), ta, vocab))
            elif c.dep_ == "prep" and c.lower_ == "for":
                targets += [x for p in kids_of(c) if p.dep_ == "pobj" and ta.code[p.i] for x in _codes(phrase_actors(p, ta, vocab))]
    if noun is not None and not targets:
        targets = [c for c in _codes(phrase_actors(noun, ta, vocab, deps={"poss", "compound", "amod", "prep", "pobj", "conj"},
                                                       preps={"of"}))]
    if not targets and not (len(actors) > 1 and ty in SYMMETRIC):  # "A and B met": each other
        for c in kids_of(v):
            purpose = c.dep_ == "advcl" and any(a.dep_ == "aux" and a.lower_ == "to" for a in kids_of(c))
            if c.dep_ in ("xcomp", "ccomp") or (c.dep_ == "advcl" and c.tag_ == "VBG") or purpose:
                s = _subject(c)
                if s is not None and (ty in ("DEMAND", "CONCEDE", "AID") or ty in ("THREATEN", "SUPPORT", "ACCUSE") and c.dep_ == "xcomp"
                                      or ty == "ACCUSE" and c.dep_ == "ccomp" and s.tag_ != "PRP"):
                    # "urged X to", "demanded that X": X; but "warned that X could" names no target
                    targets = _codes(phrase_actors(s, ta, vocab))
                if not targets:
                    for o in _objects(c):
                        targets += _codes(phrase_actors(o, ta, vocab))
                if not targets:  # "threatened to deliver blows to X", "to demand reforms from X"
                    objs = _objects(c) if c.dep_ != "ccomp" else []  # "warned that X could hold talks with Y": no
                    for p in _preps(c, CLAUSE_PREPS) + [p for o in objs for p in _preps(o, CLAUSE_PREPS)]:
                        targets += _codes(phrase_actors(p, ta, vocab))
                if not targets and c.dep_ == "xcomp":  # "threatened to break relations with X"
                    targets = _clause_target({"verb": c, "actors": actors, "trigger": [c]}, None, ta)
    if not targets and ty in DOER_TYPES:  # "demanded the return of land seized by X": X did it
        for o in _objects(v) + _preps(v, {"into", "of", "over", "for", "about"}):
            for a in o.subtree:
                if a.dep_ == "agent" and a.head.dep_ in ("acl", "relcl"):
                    targets += [c for p in kids_of(a) if p.dep_ == "pobj" for c in _codes(phrase_actors(p, ta, vocab))]
            if targets:
                break
    if not targets and ty in DOER_TYPES:  # "reneged on its pledge to X", "refused despite pressure by X"
        for o in _preps(v, {"on", "despite", "to", "of"}):
            for p in _preps(o, {"to", "by", "from"}):
                targets += _codes(phrase_actors(p, ta, vocab))
            if targets:
                break
    if ty == "THREATEN" and not targets:  # "threatened to quit the talks if X goes ahead": X is threatened
        targets = _condition_target(v, ta, vocab)
    against = not targets and ty in AGAINST_TYPES
    if against:  # "mobilized reservists for a war against X"
        for a in _clause(v, stop={"relcl", "ccomp", "parataxis", "advcl"}):
            if a.dep_ == "prep" and a.lower_ == "against":
                targets += [c for p in kids_of(a) if p.dep_ == "pobj" for c in _codes(phrase_actors(p, ta, vocab))]
                if targets:
                    break
    if not targets and v.dep_ == "advcl" and any(a.dep_ == "aux" and a.lower_ == "to" for a in kids_of(v)) and \
            ty in vocab["dyadic"] | {"ACCUSE"}:
        # "summoned X's envoy to complain", "sent observers to X to investigate": the purpose
        # clause acts on the governing verb's object or destination
        h = v.head
        for o in _objects(h) + _preps(h, {"to", "into"}):
            targets += _codes(phrase_actors(o, ta, vocab, preps=OBJ_PREPS))
            if targets:
                break
    if ty == "THREATEN" and not targets:  # "warned that it would use force if X ...": a threat to X
        for c in kids_of(v):
            cs = _subject(c) if c.dep_ == "ccomp" else None
            if cs is None or not (cs.tag_ == "PRP" and cs.lower_ in ("it", "we", "they") or
                                  set(_codes(phrase_actors(cs, ta, vocab))) & set(actors)):
                continue
            if not any(a.dep_ == "aux" and a.lower_ in ("will", "would", "'ll", "shall") for a in kids_of(c)):
                continue
            for a in _clause(c, stop={"relcl", "ccomp", "parataxis"}):
                if a.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in ("if", "unless") for m in kids_of(a)):
                    s = _subject(a)
                    targets += _codes(phrase_actors(s, ta, vocab)) if s is not None else []
            for o in _objects(c) + _preps(c, {"against", "on", "to", "at"}):
                targets += _codes(phrase_actors(o, ta, vocab))
            targets = [t for t in targets if t not in actors]
            if targets:
                break
    if noun is not None and not targets and noun.lemma_.lower() in vocab.get("voiced", ()):
        return None  # "expressed concern over the impact": disapproval of no one
    if ty == "THREATEN" and not targets:  # "warned that X would pay a heavy price": X is threatened
        for c in kids_of(v):
            s = _subject(c) if c.dep_ == "ccomp" and c.lemma_.lower() in vocab["threat_idioms"] else None
            if s is not None and s.tag_ != "PRP":
                targets = [t for t in _codes(phrase_actors(s, ta, vocab)) if t not in actors]
    if ty == "THREATEN" and not targets and any(c.dep_ == "ccomp" for c in kids_of(v)):
        return None  # "X cautioned that Y could ...": a warning about, not a threat to
    givers = _received_from(v, noun, vocab, ta) if not _passive(v) else None
    if givers is not None:  # "received aid from X": X acts on the receiver (event_roles)
        actors, targets = givers, [a for a in actors if a not in givers]
    elif not reverse:
        actors, targets = _pronoun_sides(v, subj, actors, targets, ty, noun, ta, vocab)
    mod, head_lemma = modality(v, vocab)
    headline = v.tag_ == "VB" and subj is not None and any(a.dep_ == "aux" and a.lower_ == "to" for a in kids_of(v)) and (
        v.dep_ == "ROOT" and subj.head == v or v.dep_ in ("relcl", "acl") and v.head == subj and subj.dep_ == "ROOT"
        and subj.pos_ in ("NOUN", "PROPN"))  # "X to send troops to Y", "President to visit Y": a headline's future
    if headline and mod == "asserted":
        mod = "expected"
    # a symmetric event turned one-sided still pairs its actors; so does a `mutual` phrase ("A and B restored ties")
    mutual = " ".join([v.lemma_.lower()] + [x.lower_ for x in extra]) in vocab.get("mutual", ()) or verbal or (
        len(actors) > 1 and not targets and (_their_joint(v, vocab) or _reciprocal(v)))  # "accused each other"
    intent_of = next((verb_type(c, vocab)[0] for c in kids_of(v) if c.dep_ == "xcomp"), None) or next(
        (noun_type(p, vocab) for p in _preps(v, {"to"})), None) if ty == "AGREE" else ty  # "agreed to the release of"
    if ty == "THREATEN":  # "threatened to ban the opposition party": a threat of repression at home
        intent_of = next((_act_type(c, vocab) for c in kids_of(v) if c.dep_ == "xcomp"), None) or ty
    if ty == "AGREE" and intent_of is None and any(
            c.dep_ == "xcomp" and c.pos_ == "VERB" and verb_type(c, vocab)[0] is None and not _objects_foreign(c, ta)
            for c in kids_of(v)):
        intent_of = "CONCEDE"  # "agreed to restore parliament", "promised to reform the courts": intent to change at home
    # an intent stated in so many words ("offered to host talks", "agreed to hold elections") is coded
    # even when it names no counterpart; a bare "will" or "would" is not enough
    open_intent = ty == "AGREE" and noun is None and any(c.dep_ == "xcomp" and c.pos_ == "VERB" for c in kids_of(v))
    promise = ty == "AGREE" and lem in vocab["intent_verbs"] and _untyped_intent(v, vocab)
    if promise:
        # a promise naming no counterpart stands alone only when the sentence names no other state
        # ("is committed to opening up its economy"); "promised to end the conflict" with X is X's affair
        own = {country(a) for a in actors}
        open_intent = not any(ta.code[t.i] and country(ta.code[t.i]) not in own for t in v.sent)
        targets = []  # what an untyped act is done to is no counterpart ("committed to defeating X")
    will = headline or any(c.dep_ == "aux" and c.lower_ in ("will", "would", "'ll", "shall") for c in kids_of(v))
    conditional = v.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in ("if", "unless") for m in kids_of(v))
    if conditional:
        pass  # "... if X attacks": the condition of another event, neither a threat nor an intent of X's
    elif mod == "expected" and ty != "THREATEN" and any(
            c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ == "unless" for m in kids_of(c)) for c in kids_of(v)):
        ty, mod = "THREATEN", "asserted"  # "will withdraw its troops unless X ...": a conditional threat
    elif mod == "expected" and ty in ("ASSAULT", "FIGHT") and head_lemma in vocab["posture_heads"]:
        ty, mod, against = "MOBILIZE", "asserted", True  # "troops prepared to storm the town": a show of force
    elif mod == "expected" and (ty in HOSTILE or ty == "REJECT" and will or ty == "FIGHT" and head_lemma in vocab["oath_heads"]):
        ty, mod = "THREATEN", "asserted"  # "vowed to impose sanctions", "would boycott the talks"
        if not targets:  # "said it would retaliate if X attacked its ships": X is threatened
            targets = [t for t in _condition_target(v, ta, vocab) if t not in actors]
    elif mod == "expected" and ty in COOPERATIVE and (head_lemma in vocab["intent_heads"] or will and (
            not head_lemma or head_lemma in vocab["demand_speech"])):
        ty, mod = "AGREE", "asserted"  # "offered to negotiate", "will provide aid": intent to cooperate
        open_intent = head_lemma in vocab["intent_heads"]
    if mod == "negated" and ty == "AGREE" and noun is None and v.lemma_.lower() in REFUSABLE:
        ty, mod = "REJECT", "asserted"  # "will not accept the plan", "did not agree to": a rejection
    elif mod == "negated" and (will or any(c.dep_ == "aux" and c.lower_ == "wo" for c in kids_of(v))) and \
            ty in COOPERATIVE | {"AGREE"}:
        ty, mod = "REJECT", "asserted"  # "said it would not negotiate", "will not release them": a refusal
    elif mod == "negated" and ty in ("AGREE", "CONSULT") and v.dep_ == "xcomp" and v.head.lemma_.lower() in (
            "fail", "refuse"):
        ty, mod = "REJECT", "asserted"  # "failed to reach agreement", "refused to meet X": talks rejected
        mutual = True  # "A and B failed to agree": each rejects the other
    heads = [subj] + [p for c in kids_of(subj) if c.dep_ == "prep" and c.lower_ == "of"
                      for p in kids_of(c) if p.dep_ == "pobj"] if subj is not None else []
    if ty == "CONSULT" and any(h.lemma_.lower() in vocab["items"]["troops"] or h.lower_ in vocab["items"]["troops"]
                               for h in heads):
        ty = "MOBILIZE"  # "peacekeeping troops arrived in X" is a deployment, not a visit
    elif ty == "CONSULT" and subj is not None and ta.code[subj.i] is None and (
            noun_type(subj, vocab) == "AID" or item_class(subj, vocab) in ("goods", "money", "weapons") or any(
                c.dep_ == "acl" and c.lemma_.lower() in ("carry", "bring", "transport", "deliver") and
                item_class(next((o for o in kids_of(c) if o.dep_ == "dobj"), None), vocab) in ("goods", "money", "weapons")
                for c in kids_of(subj))):  # "a ship carrying rice arrived in Y"
        ty = "AID"  # "food aid from X arrived in Y": a delivery, not a visit
    place_targets = []
    if ty in HOME_TYPES:  # "lifted the curfew in X", "arrested activists in X"
        for o in _objects(v):  # "the curfew imposed in X" too
            place_targets += place_codes(o, ta)
    if ty == "PROTEST" and not actors:  # "demonstrators clashed with police in the Keshi capital"
        place_targets += [c for a in _clause(v, stop={"relcl", "ccomp", "advcl", "parataxis"})
                          if a.dep_ == "prep" and a.lower_ == "in" for p in kids_of(a) if p.dep_ == "pobj"
                          for c in place_codes(p, ta)]
    where = set(map(country, place_targets))
    others = [t for t in targets if country(t) not in where]
    if ty == "PROTEST" and not actors and others and len(where) == 1:
        # "protesters stormed the Keshi embassy in Lirn": a crowd of the place acts on another
        actors, targets = list(where), others
    if ty in ("ASSAULT", "FIGHT") and noun is None:  # "Kesh shelled Lirn", "attacked the city of Lirn": its state
        for o in _objects(v):
            place_targets += place_codes(o, ta)
    if ty in PLACE_TARGET_TYPES or open_intent:  # "offered to send troops to Kosovo": there
        for p in _preps(v, {"in", "on", "into", "over", "to", "across", "near", "at", "off"}) + (
                _preps(noun, {"on", "in", "against", "into", "across", "at", "over"}) if noun is not None else []):
            place_targets += place_codes(p, ta)
    border = any(p.dep_ == "pobj" and p.lemma_.lower() in BORDER_NOUNS and p.head.lower_ in PLACE_PREPS
                 for h in (v, *_objects(v)) for c in kids_of(h) if c.dep_ in ("prep", "dative") for p in kids_of(c))
    borders = [b for b in _clause(v, stop={"relcl", "ccomp", "advcl", "parataxis", "xcomp", "conj", "acl"})
               if b.dep_ == "pobj" and b.lemma_.lower() in BORDER_NOUNS and b.head.lower_ in PLACE_PREPS] \
        if ty == "MOBILIZE" or ty == "AID" and icls == "troops" else []  # "close to the border with X" too
    border = border or bool(borders)
    if border and (ty == "MOBILIZE" or ty == "AID" and icls == "troops"):
        ty, against = "MOBILIZE", True  # "sent troops to its border with X": a show of force at X, no aid to X
        if not targets:  # "massed tanks close to the border with X", "along the Keshi border": X
            targets = [t for b in borders for t in _codes(phrase_actors(b, ta, vocab, preps={"with", "of"}))
                       if country(t) not in {country(a) for a in actors}]
    home_obj = None
    if not targets and ty != "MOBILIZE":  # "called on the rebels to disarm", "released prisoners"
        cands = list(_objects(v)) + _preps(v, vocab["preps"].get(ty, set()) | {"from", "with", "on", "against"})
        cands += [s for c in kids_of(v) if c.dep_ in ("xcomp", "ccomp") and ty == "DEMAND" for s in [_subject(c)] if s is not None]
        # "demanded the resignation of the prime minister", "shelled rebel positions": the people the
        # object's "of" phrase or its modifier names
        cands += [x for o in list(cands) if ta.code[o.i] is None for x in
                  _preps(o, {"of"}) + [c for c in kids_of(o) if c.dep_ in ("compound", "amod")]]
        for o in cands:
            w = o.lower_ if o.lower_ in vocab["home_objects"] else o.lemma_.lower()
            if w in vocab["home_objects"] and ta.code[o.i] is None and not phrase_actors(o, ta, vocab):
                home_obj = vocab["sector"].get(o.lower_) or vocab["sector"].get(w) or ""
                break
    trig = sorted([v, *extra], key=lambda t: t.i)
    actor_c = {country(a) for a in actors}
    targets = [t for t in targets if all(distinct(a, t) for a in actors)]
    return {"type": ty, "actors": actors, "targets": targets, "trigger": trig, "verb": v, "noun": noun,
            "modality": mod, "item": item, "item_class": icls, "subj": subj, "place_targets": place_targets,
            "against": against and bool(targets) or border, "mutual": mutual, "intent_of": intent_of, "home_obj": home_obj,
            "promise": promise and ty == "AGREE",  # a promise made alongside others is no agreement with them
            "open_intent": open_intent and mod == "asserted" or ty == "DEMAND" and mod == "asserted" and any(
                noun_type(o, vocab) == "AID" or item_class(o, vocab) in ("money", "goods")
                for o in _objects(v) + _preps(v, {"for"}))}  # "appealed for food aid": of whoever gives it


def _envoy_host(theme, vocab: dict, ta: TokenActors) -> list[str]:
    """The state an envoy is posted in, told by the envoy's own "in"/"to" phrase ("X's ambassador in Y",
    "the X envoy to Y"): of an envoy summoned or expelled with no agent, the host acts."""
    if theme.lemma_.lower() not in vocab["posted_envoys"] and theme.lower_ not in vocab["posted_envoys"]:
        return []
    return [country(c) for p in _preps(theme, {"in", "to"}) for c in (_codes(phrase_actors(p, ta, vocab)) or
                                                                         place_codes(p, ta))][:1]


def _shared_passive(v) -> bool:
    """A participle coordinated with a passive verb shares its auxiliary and subject ("were kidnapped
    and murdered by X": "murdered" is passive too)."""
    return v.dep_ == "conj" and v.tag_ == "VBN" and _passive(v.head) and not any(
        c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass") for c in kids_of(v))


def _shared_agent(v):
    """The agent a passive verb shares with a participle coordinated with it ("were arrested and
    beaten by police": the police arrested them too)."""
    return next((_agent(c) for c in kids_of(v) if c.dep_ == "conj" and _shared_passive(c) and _agent(c) is not None),
                None)


def _headline_pair(subj, v, ta: TokenActors) -> list[str]:
    """Headline English joins two doers with a comma ("Kesh, Valdoria sign peace deal"), which the
    parse reads as an apposition: a named actor of another country set off by one comma and followed
    by the verb straight away is a second doer ("Kesh's ally, Valdoria, said": a second comma, one doer)."""
    if subj is None or not ta.code[subj.i]:
        return []
    for a in kids_of(subj):
        if a.dep_ == "appos" and a.pos_ == "PROPN" and a.i == v.i - 1 and ta.code[a.i] and \
                subj.doc[a.i - 1].text == "," and country(ta.code[a.i]) != country(ta.code[subj.i]):
            return [ta.code[a.i]]
    return []
