"""Claim cues the verb rules hand on: a naming participle after its noun ("the bill, known as
the Harbor Act"), an impression held by the "to" phrase ("seems credible to me"), a side taken
only with a particle or preposition ("went after the mayor", "weighed in on the strike"), and the
noun a relative subject stands for (``_antecedent``). Called from ``claim_verbs._from_verb``.
"""
from __future__ import annotations

from .claim_draft import _Draft, _chars, _holder
from .claim_subject import _mind, _subject
from .sources import source_range


def _naming(t, lem: str, kids, L) -> _Draft | None:
    """A naming participle after its noun with no agent ("the bill, known as the Harbor Act", "a box
    labeled 'urgent'"): a claim with no source, the name its content, the participle (with "as") its cue."""
    if lem not in L["naming"] or t.dep_ != "acl" or t.tag_ not in ("VBN", "VBD") or t.i < t.head.i or any(
            c.dep_ in ("agent", "dobj", "ccomp", "xcomp", "nsubj") for c in kids):
        return None
    cue_end, name = t, None
    for c in kids:
        if c.i == t.i + 1 and c.dep_ == "prep" and c.lower_ == "as":
            objs = [g for g in c.children if g.dep_ == "pobj"]
            if objs:
                cue_end, name = c, objs[0]
        elif c.dep_ == "oprd" and c.i > t.i and lem != "know":
            name = c
        if name is not None:
            break
    if name is None:
        return None
    span = _chars(list(name.subtree))
    if span is None:
        return None
    d = _Draft(*span, t.idx, cue_end.idx + len(cue_end.text), tok=t.i, cue_class="other")
    h = t.head
    if lem != "know" and (h.ent_type_ == "PERSON" or h.pos_ == "PRON" or h.lemma_.lower() in L["speakers"]):
        # "the port's chief, Ana Lind, called X 'nonsense'": a subject the parser took for a noun the verb
        # modifies; the namer is named
        lo, hi = source_range(h)
        hi = min(hi, t.i)
        while hi > lo and t.doc[hi - 1].is_punct:
            hi -= 1
        d.src, d.src_head, d.cue_class = (lo, hi), h.i, "speech"
    return d


def _seems_to(t, kids, L) -> _Draft | None:
    """ "Nothing about them seems credible to me", "the war may have seemed far away to voters": the
    impression is the holder's of the "to" phrase; the subject and what it seems the content."""
    said = [c for c in kids if c.dep_ in ("acomp", "xcomp", "oprd", "attr") or c.dep_ == "advmod" and c.i > t.i]
    to = [g for c in kids + [k for x in said for k in x.children] if c.dep_ == "prep" and c.lower_ == "to"
          and c.i > t.i for g in c.children
          if g.dep_ == "pobj" and (_holder(g, L) or g.lower_ in ("me", "us", "him", "her", "them"))]
    subj = [c for c in kids if c.dep_ == "nsubj" and c.i < t.i]
    if not said or not to or not subj:
        return None
    pp = to[0].head
    content = [x for x in t.doc[subj[0].left_edge.i:max(x.i for x in t.subtree) + 1]
               if not (pp.left_edge.i <= x.i <= pp.right_edge.i) and x.i != t.i]
    span = _chars(content)
    if span is None:
        return None
    d = _Draft(*span, t.idx, t.idx + len(t.text), tok=t.i, cue_class="belief")
    d.src, d.src_head = source_range(to[0]), to[0].i
    return d


def _antecedent(wh, L):
    """The noun a relative subject ("that", "who") stands for: the noun its clause hangs on, or the
    noun right before it when the parser hung the clause on another that cannot hold a view ("the help
    of states that may not want to ...": states)."""
    noun = wh.head.head
    prev = wh.doc[wh.i - 1] if wh.i else None
    if prev is not None and prev.i != noun.i and prev.pos_ in ("NOUN", "PROPN") and not _holder(noun, L) \
            and _mind(prev, L):
        return prev
    return noun


def _phrasal(t, lem: str, kids, L) -> _Draft | None:
    """A verb that takes a side only with its particle or preposition ("went after the mayor",
    "weighed in on the strike", "doubled down on his attacks"; ``phrasal_cues``)."""
    part = next((c for c in kids if c.i > t.i and c.dep_ in ("prep", "prt", "advmod") and (lem, c.lower_) in L["phrasal"]), None)
    if part is None:
        return None
    objs = [g for g in part.children if g.dep_ in ("pobj", "pcomp") and g.ent_type_ not in ("DATE", "TIME")] \
        if part.dep_ == "prep" else []
    if objs and lem == "go" and not (_mind(objs[0], L) or objs[0].lower_ in ("him", "her", "them")):
        return None   # "went after dinner": only going after someone takes a side
    end = part
    if not objs:   # "weighed in on the strike": the object of the phrase after the particle
        for c in kids:
            if c.dep_ == "prep" and c.i > part.i and c.lower_ in L["phrasal_preps"]:
                objs = [g for g in c.children if g.dep_ in ("pobj", "pcomp") and g.ent_type_ not in ("DATE", "TIME")]
                if objs:
                    end = c if c.i - part.i <= 3 else part
                    break
    if not objs:
        return None
    subj, how = _subject(t, L)
    if subj is None or how not in ("active", "relative") or not _mind(
            _antecedent(subj, L) if how == "relative" else subj, L):
        return None
    span = _chars(list(objs[0].subtree))
    if span is None:
        return None
    d = _Draft(*span, t.idx, end.idx + len(end.text), tok=t.i, cue_class="stance")
    if how == "relative":
        d.src, d.src_head = (subj.i, subj.i + 1), _antecedent(subj, L).i
    else:
        d.src, d.src_head = source_range(subj), subj.i
    return d
