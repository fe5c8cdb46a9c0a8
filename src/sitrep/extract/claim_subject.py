"""Who makes a verb's claim: the reporting verb's subject and how it was found (``_subject``:
active, agent, passive, impersonal, relative), a subject inside a quotation giving way to the name
after it (``_after_quote``), and whether a subject can hold a view (``_mind``, ``_spoken``)."""
from __future__ import annotations

import re

from .claim_bounds import first_report
from .claim_draft import WH, _holder, _speaker, _text


def _subject(tok, L) -> tuple[object | None, str]:
    """(subject head token, how): how is 'active', 'agent', 'impersonal', 'passive' or 'none'."""
    kids = list(tok.children)
    text = _text(tok.doc)
    if re.search(r"[,?!][\"\u201d\u2019']\s*$", text[max(tok.idx - 4, 0):tok.idx]):
        # '"...," said Leslie Wimes, a ...': the speaker follows the verb (the parser may take
        # the quotation's last words for the subject)
        after = [c for c in kids if c.i > tok.i and c.pos_ in ("PROPN", "NOUN", "PRON")
                 and c.dep_ in ("nsubj", "dobj", "npadvmod", "attr", "nsubjpass", "dep", "appos")]
        if after:
            return after[0], "active"
    for c in kids:
        if c.dep_ == "nsubj":
            if c.lower_ in WH and tok.dep_ == "relcl":
                return c, "relative"
            return _after_quote(c, tok) or c, "active"
    first = first_report(tok, L)
    if first is not None:   # "said X and warned Y", "said X, adding Y": the first verb's speaker
        return _subject(first, L)
    passive = any(c.dep_ == "auxpass" for c in kids)
    if passive and tok.tag_ == "VBN" and any(c.dep_ == "auxpass" and c.lower_ in ("'s", "\u2019s") for c in kids) \
            and not any(c.dep_ in ("agent", "oprd", "attr") for c in kids):
        subj = [c for c in kids if c.dep_ == "nsubjpass" and c.i < tok.i]
        if subj:   # "who's called for ...": the "'s" is "has", not a passive "is"
            return subj[0], ("relative" if subj[0].lower_ in WH and tok.dep_ == "relcl" else "active")
    for c in kids:
        if c.dep_ == "agent":
            objs = [g for g in c.children if g.dep_ == "pobj"]
            if objs:
                return objs[0], "agent"
    if passive:
        subj = [c for c in kids if c.dep_ == "nsubjpass"]
        if tok.lemma_.lower() not in L["passive"]:
            return None, "skip"
        if subj and subj[0].lower_ != "it":
            return subj[0], "passive"
        return None, "impersonal"
    prev = tok.doc[tok.i - 1] if tok.i else None
    if tok.tag_ == "VBG" and prev is not None and prev.dep_ in ("pobj", "dobj") and prev.head.i != tok.i and (
            prev.pos_ == "PROPN" or prev.lower_ in ("him", "her", "them")) and _speaker(prev, L):
        return prev, "active"   # "footage of the senator's rival Smith saying ...", "clips of her backing it"
    if tok.dep_ == "acl" and tok.tag_ == "VBG" and tok.head.pos_ in ("NOUN", "PROPN", "PRON") \
            and tok.head.i < tok.i and _speaker(tok.head, L):
        return tok.head, "active"   # "a tweet attacking X", "footage of the envoy saying that ..."
    first = tok
    while first.dep_ == "conj" and first.head is not first:
        first = first.head
    if first is not tok and first.dep_ == "acl" and first.tag_ == "VBG" and tok.tag_ == "VBG" \
            and first.head.pos_ in ("NOUN", "PROPN") and first.head.i < first.i and _speaker(first.head, L):
        return first.head, "active"   # "a paper welcoming X and calling for Y": the paper calls
    if tok.dep_ == "parataxis":
        for c in kids:
            if c.dep_ in ("compound", "npadvmod", "dobj") and c.i < tok.i:
                return c, "active"
    h = tok
    for _ in range(3):   # "reports from Kyiv indicating ...", "claims made by ..."
        if h.dep_ not in ("acl", "pcomp", "prep", "pobj") or h.head is h:
            break
        h = h.head
        if h.pos_ == "NOUN" and (h.lemma_.lower() in L["nouns"] or h.lower_ in L["hearsay"]):
            return h, "active"
    h, steps = tok, 0
    while (h.dep_ in ("advcl", "xcomp", "conj", "pcomp", "prep") or h.dep_ == "advmod" and h.lower_ in ("aside", "apart")) \
            and h.head is not h and steps < 3:
        adjunct = h.dep_ == "prep" and tok.dep_ == "pcomp" and tok.tag_ == "VBG"
        gov = h.head.lemma_.lower()
        if h.dep_ == "xcomp" and gov not in L["verbs"] and gov not in L["attitude"]:
            # object control: "forced the banker to admit", "led the envoy to fear" (after "urged
            # residents to say" the saying is part of the urging)
            objs = [c for c in h.head.children if c.dep_ in ("dobj", "dative") and c.i < h.i]
            if objs and objs[0].lower_ not in ("it", "that", "this") and _mind(objs[0], L):
                return objs[0], "active"
        h, steps = h.head, steps + 1
        for c in h.children:   # "After saying ..., she was taken to ...": a passive's subject too
            if c.dep_ == "nsubj" or adjunct and c.dep_ == "nsubjpass" and c.lower_ not in WH | {"it"}:
                if c.lower_ in WH and h.dep_ == "relcl":
                    return c, "relative"
                return c, "active"
    if tok.lemma_.lower() in L["verbs"] and not tok.tag_ in ("VBG", "VBN"):
        strays = [g for c in kids if c.i < tok.i for g in ([c] + list(c.children if c.dep_ == "punct" else ()))]
        for c in strays:   # "In a statement, one of the family's lawyers, Jo Baker, said ...": "one" parsed
            # as a stray (hung on the verb or on a comma before it)
            if c.i < tok.i and c.dep_ in ("meta", "dep", "nmod") and c.pos_ in ("NOUN", "PROPN", "PRON", "NUM") and (
                    c.pos_ != "NUM" or any(g.dep_ == "prep" and g.lower_ == "of" for g in c.children)):
                return c, "active"
    return None, "none"


def _after_quote(subj, tok):
    """'"... the entire Congress," Rep. Ann Ruiz (D-Md.) said': a subject the parser found inside the
    quotation before the verb gives way to the name between the closing mark and the verb."""
    doc = tok.doc
    close = [k for k in range(subj.i + 1, tok.i) if doc[k].text in ('"', "\u201d", "''")
             and doc[k - 1].text in (",", "?", "!")]   # '...," X said' (not 'wary of "divide and rule" tactics')
    if not close or subj.i > close[-1]:
        return None
    span = range(close[-1] + 1, tok.i)
    heads = [doc[k] for k in span if doc[k].pos_ in ("PROPN", "NOUN") and doc[k].head.i not in span]
    return heads[0] if heads else None

def _mind(tok, L) -> bool:
    """Can this subject want, hope or believe? A holder, or any plural noun or name but a
    document: groups want and fear ("farmers want ...", "states that may not want to ..."),
    a trip does not ("the trip will see him ...")."""
    return _holder(tok, L) or ((tok.tag_ in ("NNS", "NNPS") or tok.pos_ == "PROPN")
                               and tok.lemma_.lower() not in L["docs"])


def _spoken(tok, L) -> bool:
    return _speaker(tok, L) or _mind(tok, L)
