"""The sides of a verb event the parse did not attach directly: a pronoun's antecedent, the
actor whose plan is called unacceptable or who is blamed, the actor a threat's condition names,
the first actor in the trigger's own clause.

Used by ``verb_events._verb_event`` (and ``event_emit`` for ``_clause_target``).
"""
from __future__ import annotations

from .event_actors import TokenActors
from .event_parse import _codes, _objects, _subject, country, phrase_actors
from .event_roles import pronoun_antecedent, reported_owner
from .tokkids import kids_of
from .verb_clues import _background, _clause, _crowd


def _pronoun_sides(v, subj, actors: list, targets: list, ty, noun, ta: TokenActors, vocab: dict) -> tuple[list, list]:
    """A side told by a pronoun the parse left unnamed (event_roles.pronoun_antecedent, only where one
    state or body can be meant): the subject "it"/"they" ("Kesh massed troops. It attacked Brevik"), the
    object "it"/"them", and, for an unnamed doer or a crowd told in the plural, the owner of the object's "its" ("rioters
    stormed its embassy", a state named in the doer's phrase not the owner; a named doer's "its" is
    most often the doer's own, unless a reported clause's speaker is meant: event_roles.reported_owner). Not in a clause of time ("years after crowds burned its embassy"): the
    background of another event, told of a state named for that event."""
    if _background(v):
        return actors, targets
    if not actors and subj is not None and subj.tag_ == "PRP" and subj.lower_ in ("it", "they"):
        actors = pronoun_antecedent(subj, ta, {country(t) for t in targets}, vocab)
    if not targets and actors:  # "Valdoria said Kesh had shelled its villages": the speaker's
        for o in _objects(v):
            targets = reported_owner(v, o, actors, ty, ta)
            if targets:
                return actors, targets
    if not targets and ty != "MOBILIZE":
        for o in _objects(v):
            if o == noun or ta.code[o.i] is not None or o.tag_ != "PRP" and (actors and not _crowd(v, vocab) or not any(
                    c.dep_ == "poss" and c.lower_ == "its" for c in kids_of(o)) or subj is not None and subj.tag_ not in ("NNS", "NNPS")):
                continue  # "gunmen stormed its embassy"; "investigators suspended their work": their own
            own = {country(a) for a in actors} | {country(ta.code[t.i]) for t in (subj.subtree if subj is not None else ())
                                                  if ta.code[t.i]}  # "crowds in Talmar": Talmar's own side
            targets = pronoun_antecedent(o, ta, own, vocab)
            if targets:
                break
    return actors, targets


def _rejected_by_saying(v, vocab: dict, ta: TokenActors) -> list[str]:
    """The actors whose proposal or act (a noun or a clause naming them) the verb says is unacceptable or
    out of the question: a "be" clause, not negated, with a rejecting adjective or phrase as its predicate."""
    for c in kids_of(v):
        if c.dep_ != "ccomp" or c.lemma_.lower() != "be" or any(x.dep_ == "neg" for x in kids_of(c)):
            continue
        s = next((x for x in kids_of(c) if x.dep_ in ("nsubj", "csubj")), None)
        if s is None or s.tag_ in ("PRP", "DT", "EX"):
            continue  # "it is unacceptable that ...": no proposal named
        named = list(dict.fromkeys(ta.code[t.i] for t in s.subtree if ta.code[t.i]))
        if not named:
            continue  # "the weather was unacceptable": no one's proposal
        for x in kids_of(c):
            if x.dep_ in ("acomp", "attr") and x.lemma_.lower() in vocab["reject_adjs"]:
                return named
            if x.dep_ == "prep" and any(x.lower_ == p and any(o.lemma_.lower() == n for o in x.subtree) for p, n in vocab["reject_phrases"]):
                return named
    return []


def _blamed(v, vocab: dict, ta: TokenActors) -> bool:
    """The verb says of a named actor that it is to blame: a "be" clause, not negated, whose
    subject names an actor and whose predicate is a blame adjective or a "behind" phrase."""
    for c in kids_of(v):
        if c.dep_ == "ccomp" and c.lemma_.lower() in vocab["blame_small"] and v.lemma_.lower() in vocab["blame_verbs"] \
                and not any(x.dep_ == "neg" for x in kids_of(v)):  # "X held Y responsible for the attack"
            s = _subject(c)
            if s is not None and s.tag_ != "PRP" and phrase_actors(s, ta, vocab):
                return True
        if c.dep_ != "ccomp" or c.lemma_.lower() != "be" or any(x.dep_ == "neg" for x in kids_of(c)):
            continue
        s = _subject(c)
        if s is None or s.tag_ == "PRP" or not phrase_actors(s, ta, vocab):
            continue
        if any(x.dep_ == "acomp" and x.lemma_.lower() in vocab["blame_adjs"] or
               x.dep_ == "prep" and x.lower_ in vocab["blame_preps"] for x in kids_of(c)):
            return True
    return False


def _condition_target(v, ta: TokenActors, vocab: dict) -> list[str]:
    """The actor whose deed a threat's condition names: the subject of an "if" or "unless" clause
    in the threat's own clause ("... if X goes ahead", "unless X withdraws")."""
    for a in _clause(v, stop={"relcl", "ccomp", "parataxis"}):
        if a.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in ("if", "unless") for m in kids_of(a)):
            s = _subject(a)
            codes = _codes(phrase_actors(s, ta, vocab)) if s is not None else []
            if codes:
                return codes
    return []


def _objects_foreign(c, ta: TokenActors) -> bool:
    """The clause names an actor (its object or a preposition's: "agreed to help Kesh")."""
    return any(ta.code[t.i] for t in c.subtree)


def _clause_target(f: dict, ctx, ta: TokenActors | None = None) -> list[str]:
    """For a two-sided event whose target the parse did not attach: the first actor named
    after the trigger inside the trigger verb's own clause (not in a subordinate clause)."""
    ta = ta or ctx.scratch["token_actors"]
    v = f["verb"]
    actor_c = {country(a) for a in f["actors"]}
    stop = {"relcl", "advcl", "ccomp", "csubj", "parataxis"}

    trig_i = max(t.i for t in f["trigger"])
    code, best, stack = ta.code, None, [v]
    while stack:  # the clause's tokens (no subordinate clauses): the first actor after the trigger
        t = stack.pop()
        i = t.i
        if i > trig_i and code[i] and (best is None or i < best) and country(code[i]) not in actor_c:
            best = i
        stack.extend(c for c in kids_of(t)
                     if c.dep_ not in stop and not (c.dep_ == "conj" and c.pos_ in ("VERB", "AUX")))
    return [code[best]] if best is not None else []
