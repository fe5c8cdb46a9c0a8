"""Claims made by verbs: "X said that ...", "X believes ...", "as reported by X", "..., X argued".

The content is the verb's clause complement (or infinitive, object, prepositional
object, host clause of a parenthetical); the source its subject (see ``_subject``).
"""
from __future__ import annotations

import re
from dataclasses import replace

from .claim_bounds import cut, first_report, second_report
from .claim_draft import (WH, _Draft, _chars, _holder, _longest_run, _speaker, _text, _trim)
from .claim_stance import _leading_clause, _other_cue
from .quotes import _OPEN
from .sources import source_range

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
    while h.dep_ in ("advcl", "xcomp", "conj", "pcomp", "prep") and h.head is not h and steps < 3:
        gov = h.head.lemma_.lower()
        if h.dep_ == "xcomp" and gov not in L["verbs"] and gov not in L["attitude"]:
            # object control: "forced the banker to admit", "led the envoy to fear" (after "urged
            # residents to say" the saying is part of the urging)
            objs = [c for c in h.head.children if c.dep_ in ("dobj", "dative") and c.i < h.i]
            if objs and objs[0].lower_ not in ("it", "that", "this") and _mind(objs[0], L):
                return objs[0], "active"
        h, steps = h.head, steps + 1
        for c in h.children:
            if c.dep_ == "nsubj":
                if c.lower_ in WH and h.dep_ == "relcl":
                    return c, "relative"
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


def _object_content(t, L) -> list | None:
    """The direct object as content, with what completes it ("described X as Y", "labeled X a Y")."""
    stance = t.lemma_.lower() in L["stance"]
    for c in t.children:
        if c.dep_ != "dobj":
            continue
        preds = [g for g in t.children if g.i > max(c.i, t.i) and (
            g.dep_ == "oprd" or (g.dep_ == "xcomp" and t.lemma_ == "call") or (
                g.dep_ == "prep" and g.lower_ == "as"))]   # not "see him make history"
        pred = bool(preds) or any(g.dep_ in ("acl", "amod") and g.pos_ == "ADJ" and g.i > c.i
                                  for g in c.children)   # "called the charges baseless" (parsed acl)
        if t.lemma_.lower() in L["predicate"] and not pred and c.lower_ not in WH | {"what"}:
            # "called the remarks 'a wake-up call'" (parsed an apposition), "called the vote a moment of
            # truth" (parsed a noun phrase modifier of the verb)
            extra = [g for g in c.children if g.dep_ == "appos" and g.i > c.i] + [
                g for g in t.children if g.dep_ == "npadvmod" and g.i > c.i and g.pos_ == "NOUN"
                and any(d.dep_ == "det" for d in g.children)]
            if extra:
                sub = list(c.subtree)
                return list(t.doc[sub[0].i:max(x.i for g in extra for x in g.subtree) + 1])
        if c.lower_ in ("what", "which", "that", "whom", "who"):
            if preds and t.lemma_.lower() in L["predicate"] | L["as_view"] | L["dobj"]:
                # "what she called a rant", "an attack that the mayor described as deliberate": what is
                # said of the relative pronoun's noun
                sub = [x for p in preds for x in p.subtree if not (x is p and p.dep_ == "prep")]
                return sorted(sub, key=lambda x: x.i)
            pred = False   # "what he called tribalism": a phrase of the clause around it
        if t.lemma_.lower() in L["predicate"] | L["as_view"]:
            if not pred:
                return None   # "called the meeting" is no claim; "called the vote a mistake" is
        elif not any(g.i > c.i and g.dep_ == "prep" and g.lower_ == "as" for g in t.children):
            pred = False   # "labeling it an escalation": "it" points at a claim made before; "cited it as
            # an example" says what it is
        if c.pos_ == "PRON" and not stance and not pred:
            continue   # "attacked him" is a stance; "reported it" points elsewhere; "called him a liar" a claim
        sub = list(c.subtree)
        named = len(sub) == 1 and c.pos_ == "PROPN"   # "has not mentioned Machado"
        if not pred and ((len(sub) < 2 and not stance and not named) or (
                len(sub) <= 3 and c.lemma_.lower() in L["back"] | L["nouns"]
                and not any(g.dep_ in ("acl", "ccomp", "prep") for g in c.children))):
            return None   # "rebuffed such claims": the claims are elsewhere
        end = sub[-1].i
        for g in t.children:
            if g.i > end and (g.dep_ in ("oprd", "xcomp") or (g.dep_ == "prep" and g.lower_ == "as") or (
                    g.dep_ == "prep" and g.lower_ in ("for", "to") and t.lemma_.lower() in L["stance"])):
                end = max(end, max(x.i for x in g.subtree))
        return list(t.doc[sub[0].i:end + 1])
    return None


def _raised(t, kids, L) -> list | None:
    """'X is believed/said/thought to ...' with no agent: X and its infinitive are the content
    of a claim nobody is named for (the lemmas of ``no_subject_needed``)."""
    if t.lemma_.lower() not in L["passive"] or not any(c.dep_ == "auxpass" for c in kids) or any(
            c.dep_ == "agent" for c in kids):
        return None
    xc = [c for c in kids if c.dep_ == "xcomp" and c.i > t.i]
    sp = [c for c in kids if c.dep_ == "nsubjpass" and c.i < t.i]
    if not xc or not sp or sp[0].lower_ in ("it", "there") or sp[0].pos_ == "PRON" and sp[0].lower_ in ("who", "which", "that"):
        return None
    subj = list(sp[0].subtree)
    return subj + list(xc[0].subtree)


def _noun_owned(c, L) -> bool:
    """Is this that-clause the content of the reporting noun right before it ("a report that
    ...") rather than of the verb the parser hung it on?"""
    first = c.left_edge
    if first.lower_ != "that" or first.i == 0:
        return False
    prev = c.doc[first.i - 1]
    return prev.pos_ == "NOUN" and prev.lemma_.lower() in L["nouns"] and prev.i > c.head.i


def _mind(tok, L) -> bool:
    """Can this subject want, hope or believe? A holder, or any plural noun or name but a
    document: groups want and fear ("farmers want ...", "states that may not want to ..."),
    a trip does not ("the trip will see him ...")."""
    return _holder(tok, L) or ((tok.tag_ in ("NNS", "NNPS") or tok.pos_ == "PROPN")
                               and tok.lemma_.lower() not in L["docs"])


def _after_seem(t, L) -> bool:
    """Is this verb the infinitive of "seem"/"appear" ("the senator appeared to blame ...")?"""
    return t.dep_ == "xcomp" and t.head is not t and t.head.lemma_.lower() in L["seem"]


def _relative_object(t, kids, subj, L) -> list | None:
    """A relative clause of a belief, intention or stance verb whose gap is its object ("the
    leader that Smith admires", "the affection voters feel for her", "the rate he has proposed"):
    the noun phrase it modifies, without the clause, is the content. Not when the clause has an
    object or a complement of its own, nor for a time, place or manner ("the day she said ..."),
    nor for verbs of saying ("the guides I wrote", "the loopholes he cited" name things, not
    views)."""
    if t.dep_ != "relcl" or t.head.i > t.i or subj.lower_ in WH or t.lemma_.lower() not in L["attitude"] \
            or t.head.lemma_.lower() in _NOT_GAPS or any(
            c.dep_ in ("ccomp", "xcomp", "attr", "oprd", "acomp", "dative") or c.dep_ == "dobj" and c.lower_ not in WH
            or c.lower_ in ("where", "when", "why", "how") for c in kids):
        return None
    return _longest_run(list(t.head.subtree), {x.i for x in t.subtree}) or None


_PERSONS = frozenset({"him", "her", "them", "me", "us", "you"})   # a stance toward a person: "she criticized him"
_NOT_GAPS = frozenset({"day", "time", "year", "week", "month", "moment", "way", "reason", "place", "night",
                       "morning", "evening", "afternoon", "hour", "minute", "date", "era", "period"})


def _before_colon(c, t) -> bool:
    """Is the clause ``c`` a sentence of its own before a colon or semicolon ahead of the verb ``t``
    ("It is a long shot; the campaign says it will ...", "We have been here before: the group
    declared ...")? The parser hangs it on the verb, but what the verb reports follows it."""
    end = c.right_edge.i
    return end < t.i and any(t.doc[k].text in (":", ";") for k in range(end + 1, t.i))


def _host_content(t) -> list:
    """The clause a parenthetical or "as X noted" attribution sits in, without the attribution."""
    host = t.head if t.head is not t else t
    return _longest_run(list(host.subtree), {x.i for x in t.subtree})


def _spoken(tok, L) -> bool:
    return _speaker(tok, L) or _mind(tok, L)


def _from_verb(t, L) -> _Draft | None:
    lem = t.lemma_.lower()
    kids = list(t.children)
    if lem in L["other_cues"] and lem not in L["verbs"] and lem not in L["attitude"]:
        content, sourced = _other_cue(t, L, kids)
        if content is None or not _chars(content):
            return None
        d = _Draft(*_chars(content), t.idx, t.idx + len(t.text), tok=t.i, cue_class="other")
        if not sourced:
            return d
        subj, how = _subject(t, L)
        if subj is None or how not in ("active", "relative") or not _spoken(
                subj.head.head if how == "relative" else subj, L):
            return None
        if how == "relative":
            d.src, d.src_head = (subj.i, subj.i + 1), subj.head.head.i
        else:
            d.src, d.src_head = source_range(subj), subj.i
        return d
    content, cue_end_tok = None, t
    if lem in L["as_view_only"]:
        content = _object_content(t, L)   # "regard the plan as a trap" only
        if content is None:
            return None
    for c in kids:
        if content is None and c.dep_ == "ccomp" and not _noun_owned(c, L) and not _before_colon(c, t):
            content = list(c.subtree)
            break
    if content is None and lem not in L["verbs"] and lem not in L["attitude"] and not any(
            c.dep_ == "ccomp" and not _noun_owned(c, L) for c in kids):
        return None   # only its that-clause made it a cue, and that clause is a noun's
    if content is None and lem in L["xcomp"] and not (lem in L["passive"] and any(
            c.dep_ == "auxpass" for c in kids)):   # "turnout is expected to rise": raised, below
        for c in kids:
            if c.dep_ == "xcomp":
                content = list(c.subtree)
                break
    if content is None:   # "told co-host Jo Reyes that ...": the clause hangs on the addressee
        for o in kids:
            if o.dep_ in ("dobj", "dative") and o.i > t.i:
                cl = [x for x in o.children if x.dep_ == "ccomp" and x.i > o.i
                      and any(m.dep_ == "mark" and m.lower_ == "that" for m in x.children)]
                if cl:
                    content = list(cl[0].subtree)
                    break
    if content is None:   # "accused the company of hiding ...": the phrase hangs on the object
        for o in kids:
            if o.dep_ == "dobj" and any(c.dep_ == "prep" and (lem, c.lower_) in L["preps"] for c in o.children):
                content = list(o.subtree)
    if content is None and not (lem in L["predicate"] and any(c.dep_ == "dobj" for c in kids)):
        for c in kids:   # ("called the tariffs unfair for fishers": the object is the content, below)
            if c.dep_ == "prep" and (lem, c.lower_) in L["preps"]:
                objs = [g for g in c.children if g.dep_ in ("pobj", "pcomp")]
                if objs:
                    content, cue_end_tok = list(objs[0].subtree), c
                    break
    if content is None:
        for c in kids:   # "were quoted as saying ..."
            if c.dep_ == "prep" and c.lower_ == "as":
                for g in c.children:
                    if g.dep_ == "pcomp" and g.lemma_ == "say":
                        cc = [x for x in g.children if x.dep_ == "ccomp"]
                        if cc:
                            content, cue_end_tok = list(cc[0].subtree), g
    if content is None:   # "have not found evidence of ..."
        for c in kids:
            if c.dep_ == "dobj" and c.lemma_ in ("evidence", "proof", "sign", "indication"):
                content, cue_end_tok = list(c.subtree), c
                pobj = [g for p in c.children if p.dep_ == "prep" and p.lower_ == "of" for g in p.children
                        if g.dep_ == "pobj"]
                if pobj:
                    content = list(pobj[0].subtree)
    if content is None:   # "said in a statement that ..." (the clause hangs on the noun)
        for c in kids:
            if c.dep_ == "prep" and c.lower_ in ("in", "on", "during", "at"):
                for g in c.children:
                    if g.dep_ == "pobj":
                        cl = [x for x in g.children if x.dep_ in ("acl", "ccomp")
                              and any(m.dep_ == "mark" and m.lower_ == "that" for m in x.children)]
                        if cl:
                            content = list(cl[0].subtree)
    if content is None and lem in L["dobj"]:
        content = _object_content(t, L)
    if content is None and lem in L["verbs"] and lem not in L["object_never"] and lem not in L["weak"]:
        content = _object_content(t, L)   # the last resort: "Clinton cited it as an example ..."
    if content is None and lem in L["wants"]:   # "Democrats want policies that ..."
        content = _object_content(t, L)
    if content is None and lem in L["publish"]:   # "offered some pointed advice to ..."
        content = _other_cue(t, L, kids)[0]
    if content is None and lem in L["as_view"]:   # "critics regard the program as a loophole"
        content = _object_content(t, L)
    raised = _raised(t, kids, L) if content is None else None
    if raised:
        content = raised
    subj, how = _subject(t, L)
    if raised:
        subj, how = None, "impersonal"   # "the commander is believed to have fled": nobody named believes it
    if how == "skip" and lem in L["charges"] and content is not None and cue_end_tok is not t:
        subj, how = None, "impersonal"   # "he was accused of fraud": an allegation nobody is named for
    if how == "skip":
        return None
    if lem in L["weak"] and (subj is None or not _speaker(subj, L) and not (
            lem in L["weak_agentive"] and _holder(subj, L))) and how != "agent" and not raised:
        return None
    if content is None and lem in L["weak"] and subj is not None and subj.lemma_.lower() in L["docs"]:
        if any(c.dep_ == "dobj" for c in kids):   # "a 2014 study found 31 cases of fraud", "the poll shows
            content = [x for x in t.subtree if x.i > t.i]   # Varga with a lead": the rest of the phrase
    passive_stance = how == "agent" and lem in L["stance"] and t.dep_ != "acl" and any(
        c.dep_ == "nsubjpass" for c in kids) and _holder(subj, L)   # "the nominee was endorsed by three papers"
    if passive_stance and content is None:
        content = list(next(c for c in kids if c.dep_ == "nsubjpass").subtree)
    vbg_advcl = t.tag_ == "VBG" and t.dep_ == "advcl" and lem in L["stance"] | L["intention"] or _after_seem(t, L)
    if lem not in L["verbs"] and not passive_stance and (
            how not in ("active", "relative") or subj.i != t.head.i and subj.head.i not in (
                t.i, t.head.i if t.dep_ == "conj" or vbg_advcl else t.i) or (
            t.tag_ in ("VBG", "VBN") and t.dep_ != "acl" and not (t.tag_ == "VBG" and lem in L["stance"])
            and not vbg_advcl and not any(c.dep_ == "aux" for c in kids)) or not (
            _speaker if t.dep_ == "acl" else _mind if lem in L["minds"] else _holder)(
            subj.head.head if how == "relative" else subj, L)):
        return None   # beliefs and stances are a person's or a body's (or a statement's: "a tweet
        # attacking X"), said of them in their own clause: "the data support X", "a treaty
        # endorsed by ...", "..., hoping to ..." are none; "X met ..., offering Y" is X's
    as_mark = any(c.dep_ == "mark" and c.lower_ == "as" for c in kids) and not any(
        c.dep_ == "dobj" for c in kids)   # "as X noted, ..."; "as families feel the toll" is no attribution
    if content is None and subj is not None and (t.dep_ == "parataxis" or as_mark):
        content = _host_content(t)   # "This, Monten argues, is ..." / "As Chivvis pointed out, ..."
    rel = None   # a relative clause's attribution is a phrase's: dropped inside another claim (``claims._nested``)
    if how == "active" and subj is not None and (content is None or len(content) == 1 and content[0].lower_ in WH):
        rel = _relative_object(t, kids, subj, L)   # "the leader that Smith admires"
        content = rel or content
    if content is None and how == "agent":
        content = _host_content(t) if t.dep_ in ("acl", "advcl", "relcl") else _longest_run(
            list(t.subtree), {x.i for c in kids if c.dep_ == "agent" for x in c.subtree} | {t.i})
    d = _Draft(-1, -1, t.idx, t.idx + len(t.text), tok=t.i)
    d.cue_class = L["class"].get(lem) or ("speech" if lem in L["verbs"] else "other")
    d.phrase = any(c.dep_ == "dobj" and c.lower_ in WH | {"what"} and c.i < t.i for c in kids) or bool(rel)
    if as_mark and how == "agent":   # "as reported by"
        mark = next(c for c in kids if c.dep_ == "mark" and c.lower_ == "as")
        agent = next(c for c in kids if c.dep_ == "agent")
        d.cue_start, d.cue_end = mark.idx, agent.idx + len(agent.text)
    if _after_seem(t, L):   # "appeared to blame": the cue is the pair
        d.cue_start = t.head.idx
    neg = [c for c in kids if c.dep_ == "neg"]
    if neg:   # "has not confirmed": the cue keeps its auxiliaries and negation
        first = min([t, *neg, *[c for c in kids if c.dep_ == "aux" and c.i < t.i]], key=lambda x: x.i)
        d.cue_start = first.idx
    if cue_end_tok is not t and cue_end_tok.i - t.i <= 4:
        d.cue_end = cue_end_tok.idx + len(cue_end_tok.text)
    if lem == "tell":
        for c in kids:
            if c.dep_ in ("dobj", "dative") and c.lemma_ in ("reporter", "journalist", "press", "media"):
                d.cue_end = c.idx + len(c.text)
    prev = t.doc[t.i - 1] if not t.is_sent_start else None   # (``t.sent`` is a scan: not needed here)
    if subj is None and how == "none" and prev is not None and prev.pos_ in ("PROPN", "PRON") and (
            prev.dep_ not in ("dobj", "pobj", "nsubj") or (prev.dep_ == "pobj" and prev.pos_ == "PROPN"
                                                          and t.dep_ == "ROOT" and content is not None)):
        subj, how = t.doc[t.i - 1], "active"   # a misparsed subject right before the verb
        if subj.dep_ == "pobj":   # "... of the Gazette Ramos said": the name, not the phrase it ends
            d.src, d.src_head = (subj.i, subj.i + 1), subj.i
    if how == "relative":   # "Macron, who has advocated ...": the span is "who", the source its noun
        d.src, d.src_head = (subj.i, subj.i + 1), subj.head.head.i
        d.source_name = None
    elif subj is not None:
        d.src = d.src or source_range(subj)
        d.src_head = subj.i
        if subj.lemma_.lower() in L["nouns"] | L["hearsay"] or subj.lower_ in L["hearsay"]:
            frm = [g for c in subj.children if c.dep_ == "prep" and c.lower_ in ("from", "by", "of")
                   for g in c.children if g.dep_ == "pobj"]
            if frm:
                d.src, d.src_head = source_range(frm[0]), frm[0].i
                if subj.lower_ in L["hearsay"]:
                    d.hedge, d.hedge_cue = "reported", subj.text
            elif subj.lower_ in L["hearsay"]:
                d.src = d.src_head = None
                d.hedge, d.hedge_cue = "reported", subj.text
    elif how == "impersonal":
        d.hedge, d.hedge_cue = "reported", t.text
    elif how == "none":
        return None
    if how == "passive" and d.hedge == "asserted":
        d.hedge, d.hedge_cue = "reported", t.text
    if lem in L["deny"] and not neg and not any(c.dep_ in ("dobj", "dative") and c.lemma_.lower() in L["not_claims"]
                                               for c in kids):
        d.hedge, d.hedge_cue = "denied", t.text   # the cue itself denies ("rebuffed such claims" is found by hedges)
    if neg and lem in L["check"]:
        d.hedge, d.hedge_cue = "unverified", _text(t.doc)[d.cue_start:d.cue_end]
    for c in kids:   # "the spokesperson, citing intelligence reports, said"
        if c.dep_ == "advcl" and c.lemma_ == "cite":
            objs = [g for g in c.children if g.dep_ == "dobj"]
            if objs:
                sub = list(objs[0].subtree)
                d.cited = _text(t.doc)[sub[0].idx:sub[-1].idx + len(sub[-1].text)]
    prt = [c for c in kids if c.dep_ == "prt" and c.i == t.i + 1]
    if prt:   # "pointed out", "laid out"
        d.cue_end = prt[0].idx + len(prt[0].text)
    if lem in L["quote_only"]:
        content = None
    if content is not None and len(_trim(content)) <= 3 and not any(c.dep_ == "oprd" for c in kids) and any(
            (x.lemma_.lower() in L["back"] | L["nouns"] or x.pos_ == "PRON" and not (
                lem in L["stance"] and x.lower_ in _PERSONS))
            for x in content if x.head.i not in {y.i for y in content} or x.head is x):
        content = None   # "This assessment was echoed by ...": the claim is the earlier one
    if content is None and d.src is not None:   # "The governor added:" and the next paragraph
        block = _block_after_colon(t)
        if block:
            d.start, d.end = block
            return d
    if content is None and d.src is not None and lem in L["verbs"]:
        content = _leading_clause(t, d.src)   # "The dam will hold, the engineer told the Herald."
    if content is None:
        return d if d.src is not None else None   # bare: a quotation may supply the content
    span = _chars(cut(t, content, L))   # up to a second attribution ("... and warned that ...")
    if span is None:
        return None
    d.start, d.end = span
    if d.cue_end <= d.start:
        d.end = _extend_tail(_text(t.doc), d.end, t.sent.end_char)
    return d


def _unquoted_rest(doc, drafts: list[_Draft], bare: list[_Draft], L) -> list[_Draft]:
    """A cue with a source whose content the parse did not hang where we look ("Trump tweeted
    in the morning that ...", "responded by listing ...") and that no quotation took: the
    rest of the verb's phrase after it is the content."""
    used = {d.cue_start for d in drafts}
    out: list[_Draft] = []
    for d in bare:
        if d.tok < 0 or d.cue_start in used:
            continue
        t = doc[d.tok]
        if t.dep_ not in ("ROOT", "conj", "ccomp", "advcl") or t.lemma_ in L["quote_only"] or any(
                c.dep_ in ("dobj", "dative", "oprd", "attr") for c in t.children):
            continue   # an object is content only for the verbs that say so (object_lemmas)
        second = min((c.left_edge.i for c in t.children if c.i > t.i and second_report(c, L)), default=len(doc))
        rest = _trim([x for x in t.subtree if t.i < x.i < second and not (d.src and d.src[0] <= x.i < d.src[1])])
        # "said as much on Sunday, arguing that ...": up to the second claim
        if len(rest) < 4 or any(x.text in _OPEN or x.text == "\u201d" for x in rest[:2]):
            continue
        lead = next((x for x in rest if x.dep_ != "advmod"), rest[0])
        if lead.lower_ in ("to", "with") or t.lemma_ in ("speak", "talk"):
            continue   # "speaking to reporters", "responded swiftly to the strike": an addressee;
            # "spoke for five minutes": speaking has content only by its prepositions (prep_objects)
        if any(not (rest[k].i + 1 == rest[k + 1].i) for k in range(len(rest) - 1)):
            continue   # only an unbroken phrase
        span = _chars(rest)
        if span:
            out.append(replace(d, start=span[0], end=span[1]))
    return out


def _block_after_colon(t) -> tuple[int, int] | None:
    """The paragraph after "X added:" when the colon ends its line (a block quotation
    without quote marks)."""
    text = _text(t.doc)
    colon = [c for c in t.children if c.text == ":" and c.i > t.i]
    if not colon:
        return None
    rest = text[colon[0].idx + 1:]
    m = re.match(r"[ \t]*\n\s*([^\n]+)", rest)
    if not m or rest[:m.start(1)].count("\n") > 3:
        return None
    a = colon[0].idx + 1 + m.start(1)
    b = colon[0].idx + 1 + m.end(1)
    while b > a and text[b - 1].isspace():
        b -= 1
    return (a, b) if b - a > 10 else None


_TAIL = re.compile(r",\s+(including|up from|down from|with|among|compared with|part of|some of|most of|"
                   r"of whom|of which|mostly|mainly|many of)\b")


def _extend_tail(text: str, end: int, sent_end: int) -> int:
    """A content clause keeps the trailing phrase that qualifies its figures
    ("... sent 12,000 troops, including 500 officers"), which the parser often
    hangs on the reporting verb instead."""
    if not _TAIL.match(text, end):
        return end
    tail = text[end:sent_end].rstrip()
    while tail and tail[-1] in ".;:!?\"\u201d":
        tail = tail[:-1].rstrip()
    return end + len(tail)

