"""Who acts on whom where the plain parse misleads (issue #5, PETRARCH unit tests): one doer per
coordinated member of a phrase, the doer of a deed a stance is taken on, a meeting's purpose
clause, an envoy sent for talks, doers acting on their own joint event, an event received from
someone, the act a demand asks for, captives freed from their holder, doers acting on each other.

Helpers of ``verb_events``: plain functions over spaCy tokens and the actor index.
"""
from __future__ import annotations

from .event_actors import (EXPLETIVE_HEADS, PRONOUN_NUMBER, REFLEXIVE_MARKERS, REPORTED_POSSESSIVES, UNKNOWN_NAMES,
                           TokenActors)
from .event_parse import _codes, _objects, _preps, _subject, country, noun_type, phrase_actors, verb_type
from .event_vocab import HOSTILE, SYMMETRIC
from .tokkids import kids_of


# ------------------------------------------------------------------ one actor per member
RELATION_PARTICIPLES = {"amod", "acl"}  # "Iran-backed rebels", "the US-led coalition": a patron, not the doer


def member_actors(head, ta: TokenActors, vocab: dict) -> list[str]:
    """The actors a doer's phrase names, one per coordinated member: within one member the first
    code of another country than the member's first is a modifier of it, not a second doer ("an MSF
    Arnor diplomat" is MSF's, "the Kremlin's Syria envoy" Russia's; "A and B" stay two), as the
    user-verbs mode reads a phrase; a code inside a participle modifier ("Iran-backed rebels")
    yields to the member's other codes."""
    pairs = phrase_actors(head, ta, vocab)
    if len(pairs) < 2:
        return _codes(pairs)
    ranked: dict[int, tuple] = {}
    where = [_mention_member(tok, head, ta) for _, tok in pairs]
    for (code, tok), (m, rank, first) in zip(pairs, where):
        if m is None or ta.group.get(tok.i):
            continue
        if m.i not in ranked or (rank, first) < ranked[m.i][0]:
            ranked[m.i] = ((rank, first), country(code))
    keep = []
    for (code, tok), (m, _, _) in zip(pairs, where):
        best = ranked.get(m.i) if m is not None and not ta.group.get(tok.i) else None
        if best is None or country(code) == best[1]:
            keep.append((code, tok))
    return _codes(keep)


def _mention_member(tok, head, ta: TokenActors):
    """(member, rank, first token) of the mention a code was read on: a mention that takes in
    the head ("French and [Egyptian warships]") belongs to the coordinated member it starts in; one
    after a later conjunct stands alone (the "of" phrase may be that conjunct's: "A's sheep and
    goats of B")."""
    s, e = ta.mention[tok.i] or (tok.i, tok.i + 1)
    found = [(*_member(tok.doc[i], head), i) for i in range(s, e)]
    own = [f for f in found if f[0] is not None and f[0].i != head.i]
    m, rank, _ = (own or found)[0]
    if m is not None and s > m.i and any(m.i < c.i < s for c in m.conjuncts):
        return tok, 0, s  # "A's sheep and goats of B": the "of" phrase may be the last conjunct's
    return m, rank, s


def _member(tok, head):
    """(the coordinated member of ``head``'s phrase a token belongs to, 1 when a participle
    modifier lies on the way, else 0); (None, 0) outside the phrase."""
    t, rank = tok, 0
    for _ in range(12):
        if t.i == head.i or t.dep_ in ("conj", "appos"):
            return t, rank
        if t.dep_ in RELATION_PARTICIPLES and t.tag_ == "VBN":
            rank = 1
        if t.head.i == t.i:
            return None, 0
        t = t.head
    return None, 0


# ------------------------------------------------------------------ events told around a deed or a meeting
def _meeting_purpose(v, vocab: dict) -> bool:
    """The verb is the purpose clause of a meeting ("met X to discuss Y", "held talks to discuss",
    "flew to X to confer with"): what the meeting was for, not another meeting."""
    h = v.head
    if v.dep_ != "advcl" or h.i == v.i or not any(a.dep_ == "aux" and a.lower_ == "to" for a in v.children):
        return False
    return verb_type(h, vocab)[0] == "CONSULT" or any(
        c.dep_ == "dobj" and noun_type(c, vocab) == "CONSULT" for c in h.children)


def _for_talks(v, vocab: dict):
    """The meeting noun an envoy is sent "for" ("sent a delegation to X for talks"), or None."""
    fors = _preps(v, {"for"}) + [p for o in _objects(v) for p in _preps(o, {"for"})]
    return next((p for p in fors if noun_type(p, vocab) == "CONSULT"), None)


def _their_joint(v, vocab: dict) -> bool:
    """The object is the doers' own joint event ("A and B postponed their meeting", "suspended their
    cooperation"): each acts toward the other."""
    return any(noun_type(o, vocab) in SYMMETRIC | {"COOPERATE"} and any(
        c.dep_ == "poss" and c.lower_ == "their" for c in o.children) for o in _objects(v))


def _reciprocal(v) -> bool:
    """The object is "each other" or "one another" ("A and B accused each other"): each doer acts
    on the other, one event per pair as for the doers' own joint event."""
    return any((o.lower_ == "other" and any(c.lower_ == "each" for c in o.children)) or
               (o.lower_ == "one" and any(c.lower_ == "another" for c in o.children)) for o in _objects(v))


def _deed_doer(v, vocab: dict, ta: TokenActors) -> list[str]:
    """A stance on a deed its object names, with the deed's doer in a "by" phrase ("condemned the
    arrest of X's journalists by Y", the "by" phrase often attached to the verb): the doer, who
    the stance is taken on, not the deed's victims."""
    deed = next((o for o in _objects(v) if ta.code[o.i] is None and noun_type(o, vocab)), None)
    if deed is None:
        return []
    return [c for p in _preps(deed, {"by"}) + _preps(v, {"by"}) for c in _codes(phrase_actors(p, ta, vocab))]


# ------------------------------------------------------------------ an event received
def _received_from(v, noun, vocab: dict, ta: TokenActors) -> list[str] | None:
    """For a receiving verb with an event noun ("received aid from X", "got a visit from X's
    president", "obtained a loan from X"): the givers the "from" (or "by") phrase names, who act on
    the receiver; None when the verb receives nothing (``reverse`` lists the receiving verbs)."""
    if noun is None or v.lemma_.lower() not in vocab["reverse"]:
        return None
    phrases = _preps(v, {"from", "by"}) + _preps(noun, {"from", "by"})
    return [c for p in phrases for c in _codes(phrase_actors(p, ta, vocab))]


def _demanded(v, vocab: dict) -> bool:
    """The verb is the infinitive a demand asks for, parsed as a purpose clause ("called on X and Y
    to end the fighting", "urged X to release them"): what is asked, not done by the one who asks
    (an ``xcomp`` is left out by the governing-verb rule of ``verb_events``)."""
    h = v.head
    return v.dep_ == "advcl" and h.i != v.i and h.pos_ in ("VERB", "AUX") and \
        any(a.dep_ == "aux" and a.lower_ == "to" for a in v.children) and verb_type(h, vocab)[0] == "DEMAND"


RELEASE_LEMMAS = {"free", "release"}  # "were freed from X": X held them


def _freed_from(v, ta: TokenActors, vocab: dict) -> list[str]:
    """Captives "freed" or "released from X" with no agent named: X, who held them, releases them
    ("twenty sailors were freed from Kesh"; "from prison" names no one)."""
    if v.lemma_.lower() not in RELEASE_LEMMAS:
        return []
    return [c for p in _preps(v, {"from"}) for c in _codes(phrase_actors(p, ta, vocab))]


# ------------------------------------------------------------------ a pronoun for a state or a body
# PRONOUN_NUMBER, UNKNOWN_NAMES (labels of uncoded names), EXPLETIVE_HEADS: data/coref-words.yaml


def pronoun_antecedent(tok, ta: TokenActors, exclude: set[str], vocab: dict) -> list[str]:
    """The actor "it", "they" (``tok``) or a possessive "its"/"their" on ``tok`` ("its embassy")
    stands for when only one can: the actors named in this sentence before it and in the previous
    one, a person left out; "it" for a state or body named in the singular, "they" only for forces or
    a body named in the plural by a sector's noun ("Keshi troops ... They shelled"; news "they" is
    as often people, observers or a quoted enemy as a state); the countries in ``exclude`` (the
    event's other side) never. Exactly one country left: its code; none or several: none (a guess is
    worse than a gap); a body or place named with no actor code in the window makes it ambiguous too.
    An "it" of a copula ("it was unclear how", "it seems") stands for no one."""
    p = tok if tok.lower_ in PRONOUN_NUMBER and tok.tag_ == "PRP" else next(
        (c for c in kids_of(tok) if c.dep_ == "poss" and c.lower_ in PRONOUN_NUMBER), None)
    if p is None or p.dep_ in ("nsubj", "nsubjpass") and p.head.lemma_.lower() in EXPLETIVE_HEADS:
        return []
    doc = tok.doc
    start = doc[p.sent.start - 1].sent.start if p.sent.start > 0 else p.sent.start
    plural = PRONOUN_NUMBER[p.lower_] == "plur"
    found: dict[str, str] = {}
    for i in range(start, p.i):
        code = ta.code[i]
        t = doc[i]
        if not code and t.pos_ == "PROPN" and t.ent_type_ in UNKNOWN_NAMES:
            return []  # a name with no actor code ("the SMM") may be the one meant
        if not code or ta.group.get(i):
            continue
        if t.ent_type_ == "PERSON":
            return []  # a person named in the window: "it"/"they" may be told of that person's side
        head = t if t.dep_ not in ("amod", "compound") else t.head
        many = head.tag_ in ("NNS", "NNPS")
        if plural:
            if not many or vocab["sector"].get(head.lower_) is None:
                continue  # "they" for a state, or for people of a state
            code = next(iter(member_actors(head, ta, vocab)), code)  # "Keshi troops": KSH MIL
        if not plural and many:
            continue  # "it" for "Keshi troops"
        found.setdefault(country(code), code)
    if any(c in exclude for c in found):
        found = {c: v for c, v in found.items() if c not in exclude}
    return list(found.values()) if len(found) == 1 else []


def reported_owner(v, o, actors: list, ty: str, ta: TokenActors) -> list[str]:
    """ "Valdoria said Kesh had shelled its villages": the "its"/"their" on the object ``o`` of a hostile
    act (``v``, type ``ty``) in a reported clause whose doer (``actors``) is named stands for the speaker,
    not the doer (news does not tell a state shelling its own villages so; it writes "its own"), when the
    speaker names one state or body, other than the doer's, and is the only one besides the doer named
    in the sentence before the pronoun. Else none: the doer's own ("its own villages"), a clause not
    reported, a pronoun speaker, two speakers ("Valdoria and Ostrana said"), another state named between.
    For ``verb_events._pronoun_sides`` (a named doer's object "its")."""
    if ty not in HOSTILE or not actors:
        return []
    p = next((c for c in kids_of(o) if c.dep_ == "poss" and c.lower_ in REPORTED_POSSESSIVES), None)
    doc = o.doc
    if p is None or p.i + 1 < len(doc) and doc[p.i + 1].lower_ in REFLEXIVE_MARKERS:
        return []
    h = v
    while h.dep_ == "conj" and h.head != h:
        h = h.head
    if h.dep_ != "ccomp":
        return []
    s = _subject(h.head)
    if s is None or s.tag_ == "PRP":
        return []
    doers = {country(a) for a in actors}
    said = [ta.code[t.i] for t in s.subtree if ta.code[t.i]]
    said_countries = {country(c) for c in said}
    before = {country(ta.code[i]) for i in range(p.sent.start, p.i) if ta.code[i]} - doers
    if len(said_countries) != 1 or said_countries & doers or before != said_countries:
        return []
    return said[:1]
