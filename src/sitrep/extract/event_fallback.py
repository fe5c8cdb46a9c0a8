"""The best-guess event of a short text the rules found none in.

A wire lead, a feed item or a headline (at most ``MAX_SENTENCES`` sentences) that names an actor
and an event word ("Kesh troops in fresh border clashes with Valdoria", "Police arrest 50 in
Lirn protest") but whose parse no rule of ``verb_events`` or ``noun_events`` could read still
tells an event: its type is that of the first event word of the vocabulary (a verb or a noun,
not negated), its actor the first actor named before that word (else after it), its target the
first actor of another country named after it (else before). Longer documents are left alone:
their other sentences tell the events, and a guess there would be noise.
"""
from __future__ import annotations

from typing import Iterator

from ..model import Event, record_id
from .context import Context
from .event_parse import country, modality, noun_type, verb_type
from .tokkids import kids_of

MAX_SENTENCES = 2


def fallback_events(ctx: Context, vocab: dict, ta) -> Iterator[Event]:
    """One event for a short document without any (see the module help)."""
    sd = ctx.sdoc
    sents = list(sd.sents)
    if not sents or len(sents) > MAX_SENTENCES:
        return
    for sent in sents:
        for t in sent:
            ty = _word_type(t, vocab)
            if ty is None:
                continue
            mod = modality(t, vocab)[0] if t.pos_ in ("VERB", "AUX") else "asserted"
            if mod == "negated" or any(c.dep_ == "neg" for c in kids_of(t)):
                continue
            codes = [(x.i, ta.code[x.i]) for x in sent if ta.code[x.i]]
            codes = [(i, c) for k, (i, c) in enumerate(codes) if k == 0 or codes[k - 1][0] != i - 1]  # a name once
            before = [c for i, c in codes if i < t.i]
            after = [c for i, c in codes if i > t.i]
            actor = (before or after or [None])[0]
            if actor is None:
                return  # no one named: no event to guess
            target = next((c for c in after + before[::-1] if country(c) != country(actor)), None)
            start, end = _trimmed(sent)
            doc = ctx.doc
            yield Event(id=record_id("event", doc.id, start, end, ty, actor, target), doc_id=doc.id, start=start,
                        end=end, text=doc.text[start:end], type=ty, actor=actor, target=target, modality=mod,
                        trigger=t.text)
            return


def _word_type(t, vocab: dict) -> str | None:
    """The type of an event verb or noun of the vocabulary (a noun only voiced by a light verb is none)."""
    if t.pos_ == "VERB":
        return verb_type(t, vocab)[0]
    if t.pos_ == "NOUN" and t.lemma_.lower() not in vocab["light_only"]:
        return noun_type(t, vocab)
    return None


def _trimmed(sent) -> tuple[int, int]:
    """The sentence's character span without its closing mark."""
    toks = [t for t in sent if not t.is_space]
    while len(toks) > 1 and toks[-1].is_punct:
        toks.pop()
    return toks[0].idx, toks[-1].idx + len(toks[-1].text)
