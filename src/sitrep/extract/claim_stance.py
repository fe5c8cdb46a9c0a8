"""Claims made by adjectives and "in" phrases: "the mayor is critical of the plan", "it is clear
that ...", "In the latest poll, Varga leads", "safe in his eyes" (the lists are ``stance_adjectives``,
``impersonal_adjectives`` and ``in_sources`` of ``data/cues.yaml``)."""
from __future__ import annotations

from .claim_draft import _Draft, _chars, _holder, _longest_run
from .sources import source_range

_PREPS = ("of", "about", "on", "with", "over", "to", "toward", "towards", "against", "in", "at", "for")


def _adj_content(t, head) -> list | None:
    """The clause, infinitive or prepositional object of a predicate adjective (or the clause its
    copula carries after it: "she was sure Varga would win")."""
    for c in t.children:
        if c.dep_ in ("ccomp", "xcomp"):
            return list(c.subtree)
    for c in t.children:
        if c.dep_ == "prep" and c.lower_ in _PREPS:
            objs = [g for g in c.children if g.dep_ in ("pobj", "pcomp")]
            if objs:
                return list(objs[0].subtree)
    if head is not t:
        for c in head.children:
            if c.dep_ == "ccomp" and c.i > t.i:
                return list(c.subtree)
    return None


def _from_adjective(t, L) -> _Draft | None:
    lem = t.lemma_.lower()
    if t.dep_ != "acomp" or t.head is t:
        return None
    head = t.head
    content = _adj_content(t, head)
    if lem in L["impersonal_adj"]:   # "it is clear that ...", "the implication is clear: ..."
        if content is None:
            colon = [c for c in head.children if c.text == ":" and c.i > t.i]
            if colon:
                content = [x for x in t.sent if x.i > colon[0].i]
        if content is None or not any(x.pos_ in ("VERB", "AUX") for x in content):
            return None
        span = _chars(content)
        return _Draft(*span, t.idx, t.idx + len(t.text), cue_class="other") if span else None
    if lem not in L["stance_adj"] or content is None:
        return None
    subj = next((c for c in head.children if c.dep_ == "nsubj"), None)
    if subj is None or not (_holder(subj, L) or (subj.tag_ in ("NNS", "NNPS") and subj.lemma_.lower() not in L["docs"])):
        return None
    span = _chars(content)
    if span is None:
        return None
    d = _Draft(*span, t.idx, t.idx + len(t.text), cue_class="stance")
    if subj.lower_ in ("who", "that") and head.dep_ == "relcl":   # "Kaine, who is critical of ..."
        d.src, d.src_head = (subj.i, subj.i + 1), head.head.i
    else:
        d.src, d.src_head = source_range(subj), subj.i
    return d


def _from_in(t, L) -> _Draft | None:
    """ "In the latest poll, Varga leads by 4 points": the poll is the source, "in" the cue."""
    objs = [g for g in t.children if g.dep_ == "pobj"]
    if t.dep_ != "prep" or not objs or t.head is t:
        return None
    src = objs[0]
    lem = src.lemma_.lower()
    if lem not in L["in_sources"]:
        return None
    if lem in L["in_owned"] and not any(c.dep_ == "poss" for c in src.children) and not any(
            p.dep_ == "prep" and p.lower_ == "of" and any(_holder(g, L) for g in p.children) for p in src.children):
        return None   # "in view of the facts" names nobody
    h = t.head
    if h.lemma_.lower() in L["verbs"] | L["attitude"] | L["other_cues"] or any(
            c.dep_ == "ccomp" for c in h.children):
        return None   # "In a poll, 40 percent said ...": the verb makes the claim
    content = _longest_run(list(h.subtree), {x.i for x in t.subtree})
    span = _chars(content)
    if span is None or len(content) < 3:
        return None
    d = _Draft(*span, t.idx, t.idx + len(t.text), cue_class="other")
    d.src, d.src_head = source_range(src), src.i
    return d
