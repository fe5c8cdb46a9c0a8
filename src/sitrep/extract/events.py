"""Stage: PLOVER events — who did what to whom, where, when — read from the dependency parse.

The vocabulary is data (``data/event_verbs.yaml``): verb lemmas, event nouns and
light verbs per PLOVER type. For each trigger in a sentence:

* actor = the subject (or the ``by`` agent of a passive; the owner of a noun
  event: "Russia's strike", "Russian strike", "strike by Russia"); a verb
  without its own subject takes it from the verb it is coordinated with or
  controlled by ("condemned X and promised aid", "decided to send troops");
* target = the object, else the object of a target preposition of the type
  ("talks with", "attack on"); a coordinated clause without one borrows its
  sibling's ("X armed Ukraine, while Y supplied missiles"); the types that need one
  (``dyadic``) and those that may stand alone but are told of someone (``clause_target``:
  a criticism, a warning, a rejection) take the first actor after the trigger in its clause;
* a purpose clause lends its target ("rallied to demand X's resignation"), a threat
  names whom its condition concerns ("... if X goes ahead"), "against X" in the clause
  names the target of a hostile act; actor and target may be one country's different
  parts (a government and its opposition; a protest or a curfew in one's own country);
* some verbs take their type from their object (``by_object``: lifting a blockade is a
  RETREAT, lifting a curfew a CONCEDE, ending talks a SANCTION);
* a doer no code names is read from the sentence where it can be: a protest in a country is
  its people's (against their own state when no one else is named), an agentless passive
  arrest or investigation in X is X's government's, unnamed police, officials, courts or
  rebels are those of the one country the clause places them in, and an attack told by its
  toll ("a car bomb killed ...") keeps an unknown actor; a crowd that protests, marches or
  strikes stages a PROTEST (``crowd_verbs``); rebels attacking no named victim attack their
  own state;
* several actors or targets in coordination give one event per pair (actors acting on their own
  joint event, "A and B postponed their meeting", each toward the other); one member of a doer's phrase is
  one actor, its first ("an aid group's Valdorian doctor" is the group's, "the Kremlin's Syria envoy"
  Russia's), a patron in a participle ("Iran-backed rebels") yielding to the others;
* modality: ``negated`` ("did not attack", "refused to send", what a denied claim says: "denied
  reports that it sent troops", ``denied_claims``; "has yet to", "no longer", "hardly", a subject
  "neither X nor Y" or "no X official"), ``expected``
  (modal verbs, "is expected to", "plans to"); a promised attack or sanction
  is a THREATEN; what is told only as a condition ("if X invades Y", "should X attack"), an indirect
  question ("asked whether X would attack") or what a demand asks for ("demanded that X withdraw")
  is no event (``hypothetical``, never emitted), nor is a yes/no question's ("Will X attack Y?"; "Why
  did X attack Y?" keeps the deed), and a question asked is no DEMAND; nor is another's
  act a named speaker foretells ("X said Y could attack Z", "X fears Y will attack Z": neither Y's act
  nor Y's threat, and "X warned that Y could" no threat of X), while a plan reported ("X said Y will
  send troops", "Y will do Z, an official said") stays news;
  one's own part denied ("denied any role in") is a denial, no REJECT, nor is a refusal to speak
  ("declined to comment on", ``REJECT.not_refusals``); a noun event a ``by_object`` verb acts on
  ("lifted its sanctions on X": RETREAT) is no second event; no actor acts on itself but at home;
  a deed denied ("denied the attack on X") is a denial; a noun event planned ("is considering
  sanctions against X", "is preparing an attack on X") is read as its verb would be (THREATEN, MOBILIZE,
  an intent AGREE);
* place, date, figures and the claim that carries the event are taken from the
  records of the earlier stages in the same sentence;
* a stance taken on a deed its object names ("condemned an attack by X", "demanded the
  withdrawal of X") is the event, the deed only its topic; the stance targets the deed's doer
  ("condemned the arrest of X's journalists by Y": Y, the "by" phrase often attached to the verb);
  what a meeting was to discuss is no second meeting ("met X to discuss aid to Y"); what an agreement's purpose clause
  says ("signed a deal to supply X") is not yet done; talks or fighting "between A and B" told
  as happening pair A and B; joint drills of several actors are military cooperation;
* a user actor file's own code for a name wins over the bundled one; an acronym in brackets
  is the actor just named; a several-actor code ("A/B") gives one event per actor;
* drones or missiles shot down imply the attack they were part of (DEFEND X<-Y
  gives ASSAULT Y->X), as conflict-event coders code both;
* an envoy sent "for talks" goes to meet (CONSULT, ``envoy_verbs``), with the talks' partner or
  where it was sent;
* leaders who "clashed over" a policy (an "over" topic that is no place, a doer that is neither a
  force nor a crowd) quarrel (ACCUSE, ``verbal_clash``), with whom they clashed, else each other;
* phrasal verbs: the nearest, then the longest phrase matches, and a verb with another
  particle is another verb ("called up reservists on Tuesday" is no "call on", "broke down"
  no "break"); "state of emergency", "show of force" are read from the head noun;
* a crowd doing violence riots (PROTEST), unless the clause only tells the background of
  another event ("years after crowds burned its embassy"); "X wants/tells Y to" demands of Y;
  "will not"/"would not" cooperate is a refusal (REJECT); announced, intended or planned
  cooperation is intent (AGREE), a headline's "X to do Y" too; intent to concede or release at
  home targets one's own country, as does an act on unnamed rebels, prisoners or protesters
  (``home_objects``) when no other state is named; unnamed troops, gunmen or rebels act for
  the one country their clause places them in; a warning that the speaker will act "if X ..."
  threatens X; forces massed "near the border with X" face X;
* unnamed rebels, troops, police or crowds (and unnamed authorities arresting, banning or
  conceding) act for the one country the sentence names ("guerrillas kidnapped a Keshi senator");
  an agentless passive arrest with no place is the victims' own state's; the state's own unnamed
  authorities an act names are the actor's own country ("demanded the resignation of the prime
  minister"); a visit "to" or an arrival "in" a city names the host by the place; an attack a
  victim "came under" is the owner's or the "from" agent's; a verb framing an event noun of
  another type ("engaged in talks") is not itself an event;
* an intent stated in so many words ("offered to host talks") is coded without a counterpart
  when none is named (else the intended act's or the actor's other act's target);
* a headline in title case or in capitals ("KESH ATTACKS TALMAR") with no event found is parsed
  again in sentence case, names keeping their capitals (``event_headline``);
* the nouns of the verbs ("withdrawal", "deportation", "extradition") are derived by suffix rules
  (``nominalisations``); disapproval or approval voiced at someone ("expressed concern over X")
  is an ACCUSE or a SUPPORT.
* unrest told as breaking out or spreading in one country ("protests erupted across X") is its
  people's; those killed "in a Keshi ambush" are the ambush's targets; an accord "between A and B"
  signed in the passive pairs A and B; forces "locked in fighting with" Y fight Y;
* said of another: "Y was responsible" (or "held Y responsible"), "Y's move was illegal" is an
  ACCUSE, "Y's plan was unacceptable / out of the question" a REJECT (``reject_by_saying``),
  "Y would face consequences" a THREATEN; "would not hesitate to strike" is readiness, not
  negation (``litotes_heads``); revenge or retaliation vowed is a threat;
* the to-infinitive of a step, measure or effort taken is done by its taker ("took steps to ease").

Codes come from the actors stage (entity mentions) and the actor dictionary
(see ``event_actors``), with a sector from the head noun ("troops" = MIL).

Modules: ``event_vocab`` (the vocabulary), ``verb_events`` and ``noun_events``
(one candidate per trigger), ``event_emit`` (candidates to records),
``event_parse`` (reading the parse), ``event_roles`` (who acts on whom where the plain parse
misleads), ``event_actors`` (codes on tokens).
"""
from __future__ import annotations

from dataclasses import replace
from functools import lru_cache
from typing import Any, Iterator

from ..model import Event, record_id
from . import event_headline
from .context import Context
from .event_actors import TokenActors, build_table, load_actor_entries
from .event_emit import _borrow_targets, _emit
from .event_parse import country
from .event_vocab import COOPERATIVE, DATA, HOSTILE, REFUSABLE, SYMMETRIC, load_vocab  # noqa: F401 (public names)
from .noun_events import _noun_event
from .verb_events import _verb_event


def setup(nlp: Any, resources: dict[str, Any]) -> None:
    event_headline.setup(nlp, resources)
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
    events = list(_parse_events(ctx))
    yield from events
    # a headline in title case or in capitals, parsed as one long name: read again in sentence case
    yield from event_headline.headline_events(ctx, events, _parse_events)


def _parse_events(ctx: Context) -> Iterator[Event]:
    vocab, _ = _resources(ctx)
    ta = token_actors(ctx)
    found: list[dict] = []
    cand = _candidates(ctx, vocab)
    k, n = 0, len(cand)
    for sent in ctx.sdoc.sents:
        if k >= n:
            break
        if cand[k] >= sent.end:
            continue
        toks = []
        while k < n and cand[k] < sent.end:
            toks.append(ctx.sdoc[cand[k]])
            k += 1
        found.extend(_sentence_events(sent, vocab, ta, toks))
    found = _unconsumed(found, vocab)
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


def _unconsumed(found: list[dict], vocab: dict) -> list[dict]:
    """Drop a noun event that is the object which gives a verb event its type ("lifted its sanctions on X"
    is a RETREAT, no SANCTION too; "ended its boycott" no REJECT): the verb's event acts on it."""
    typed = {id(g["verb"]) for g in found if g.get("noun") is None and g.get("verb") is not None}
    heads = {g["verb"].i for g in found if id(g["verb"]) in typed}
    out = []
    for f in found:
        n = f.get("noun")
        if n is not None and f["trigger"] == [n] and n.dep_ == "dobj" and n.head.i in heads and \
                n.lemma_.lower() in vocab["by_object"].get(n.head.lemma_.lower(), {}):
            continue
        out.append(f)
    return out


def _candidates(ctx: Context, vocab: dict) -> list[int]:
    """Tokens that can trigger an event: a verb lemma or noun of the vocabulary (any of the lemma
    lists ``_verb_event`` tests before it gives up), or a word after a hyphen ("test-fired")."""
    from .actorwords import token_table
    from .hedges import token_hits
    sets = vocab["trigger_sets"]
    hits = token_hits(ctx, sets[0], sets[1])
    texts = token_table(ctx)[0]
    hyph = [i + 1 for i, w in enumerate(texts[:-1]) if w == "-"]
    return sorted(set(hits).union(hyph)) if hyph else hits


def _sentence_events(sent, vocab: dict, ta: TokenActors, toks=None) -> list[dict]:
    out: list[dict] = []
    for t in (sent if toks is None else toks):
        ev = None
        if t.pos_ in ("VERB", "AUX") or (t.pos_ == "NOUN" and t.dep_ == "ROOT" and t.tag_ == "VBZ"):
            ev = _verb_event(t, vocab, ta)
        elif t.pos_ in ("NOUN", "PROPN") and t.dep_ not in ("compound",):
            ev = _noun_event(t, vocab, ta)
        if ev:
            ev["sent"] = sent
            out.append(ev)
    return out

