"""The best-guess event of a short text the rules coded none in.

A wire lead, a feed item or a headline (at most ``MAX_SENTENCES`` sentences) in which the rules
(``verb_events``, ``noun_events``) typed an event but ``event_emit`` dropped it for want of a
named side still tells an event. The guess takes the first such candidate told in the main clause or
in a clause it reports ("officials said X attacked Y"; not a clause of time, a relative clause or
a noun's modifier), not negated and not an agentless passive (its doer is untold); its actor the
side the rules found, else the first actor the main clause names before the trigger (else after
it); its target the first actor of another country named after the trigger (else before it)
within the clause of the trigger's verb, a place where it happened ("talks in Lirn") or a
speaker ("..., a senior X official said") not counted. No target, no guess: a one-sided guess is
mostly noise. A headline fragment with no verb ("Ostranian gunboats in fresh clashes with
Brevikan trawlers", "Talmar, Pellis ink border deal" parsed as one noun phrase) is read the same
way from its first event noun. Another word the rules did not type stays no event ("the meeting
between X and Y drew little notice" tells of no new meeting); longer documents are left alone.
"""
from __future__ import annotations

from typing import Iterator

from ..model import Event, record_id
from .context import Context
from .event_parse import country, noun_type
from .tokkids import kids_of

MAX_SENTENCES = 2
PLACE_PREPS = {"in", "at", "near", "inside", "outside", "across", "throughout", "around", "within"}
SUBORDINATE = {"advcl", "relcl", "acl", "csubj", "pcomp", "parataxis", "appos"}  # clauses that are not the news


def fallback_events(ctx: Context, vocab: dict, ta) -> Iterator[Event]:
    """One event for a short document without any (see the module help)."""
    if len(list(ctx.sdoc.sents)) > MAX_SENTENCES:
        return
    for f in ctx.scratch.get("event_candidates") or []:  # typed by the rules, dropped for want of a side
        trig = f["trigger"]
        if f["modality"] == "negated" or not _main_clause(trig[0]):
            continue
        ev = _guess(ctx, ta, f["sent"], f["type"], trig, f["verb"], f["modality"], f["actors"])
        if ev is not None:
            yield ev
            return
    for sent in ctx.sdoc.sents:  # a headline fragment with no verb: its first event noun
        if any(t.pos_ in ("VERB", "AUX") for t in sent):
            continue
        for t in sent:
            ty = noun_type(t, vocab) if t.pos_ == "NOUN" and t.lemma_.lower() not in vocab["light_only"] else None
            ev = _guess(ctx, ta, sent, ty, [t], sent.root, "asserted", []) if ty else None
            if ev is not None:
                yield ev
                return


def _guess(ctx: Context, ta, sent, ty: str, trig: list, verb, mod: str, actors: list) -> Event | None:
    """The event of the trigger with its sides guessed from the actors the main clause names."""
    t0 = min(t.i for t in trig)
    codes = [(x.i, ta.code[x.i]) for x in sent if ta.code[x.i] and _main_clause(x) and not _where(x)]
    codes = [(i, c) for k, (i, c) in enumerate(codes) if k == 0 or codes[k - 1][0] != i - 1]  # a name once
    if not actors and any(c.dep_ in ("nsubjpass", "auxpass") for c in kids_of(verb)):
        return None  # "X was criticized over its dispute with Y": the doer is untold, X suffers it
    actor = (list(actors) or [c for i, c in codes if i < t0] or [c for i, c in codes if i > t0] or [None])[0]
    if actor is None:
        return None
    clause = {x.i for x in verb.subtree}  # "..., a senior X official said": the speaker is no target
    near = [(i, c) for i, c in codes if i in clause and country(c) != country(actor)]
    target = next((c for i, c in near if i > t0), None) or next((c for i, c in near[::-1] if i < t0), None)
    if target is None:
        return None
    start, end = _trimmed(sent)
    doc = ctx.doc
    return Event(id=record_id("event", doc.id, start, end, ty, actor, target), doc_id=doc.id, start=start,
                 end=end, text=doc.text[start:end], type=ty, actor=actor, target=target, modality=mod,
                 trigger=" ".join(t.text for t in sorted(trig, key=lambda x: x.i)))


def _where(t) -> bool:
    """The name tells where the event took place ("talks in Lirn"), not who took part."""
    while t.dep_ in ("compound", "amod", "poss", "nmod", "conj", "appos") and t.head is not t:
        t = t.head
    return t.dep_ == "pobj" and t.head.lower_ in PLACE_PREPS


def _main_clause(t) -> bool:
    """The word is told in the sentence's main clause or in a clause it reports ("X said Y attacked
    Z"), not in a clause of time, a relative clause or a noun's modifier."""
    while t.dep_ != "ROOT" and t.head is not t:
        if t.dep_ in SUBORDINATE:
            return False
        t = t.head
    return True


def _trimmed(sent) -> tuple[int, int]:
    """The sentence's character span without its closing mark."""
    toks = [t for t in sent if not t.is_space]
    while len(toks) > 1 and toks[-1].is_punct:
        toks.pop()
    return toks[0].idx, toks[-1].idx + len(toks[-1].text)
