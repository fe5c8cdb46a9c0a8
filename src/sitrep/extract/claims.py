"""Stage: attributed claims -- who said what, how, and how the text hedges it.

Rules over the spaCy parse, with the cue words as data (``data/cues.yaml``):

- reporting verbs: the clause complement (ccomp; xcomp for promises and
  calls; the object for verbs such as "reported the downing of ...") is the
  content, the subject the source. No subject: the subject of the verb it
  hangs on ("..., claiming that ..."), the noun a relative clause modifies
  ("the ministry, which estimated that ..."), the agent of a passive ("as
  reported by X"), or none for impersonal passives ("it was reported that").
  "Officials were quoted as saying ..." keeps "officials". A parenthetical
  verb ("This, Monten argues, is ...") takes its host clause as content.
- belief, intention and stance verbs ("believes", "plans to", "backs the plan"; the
  ``attitude_verbs`` of cues.yaml) and any other verb with a that-clause ("the panel
  determined that ...") make claims when their own subject can hold a view; the
  claim's ``cue_class`` says which (speech, belief, intention, stance, other). Inside
  the content of a speech claim they are part of it ("she said she hopes ...": one claim).
- a speech cue with a source but no content where the parse should hang it takes the
  rest of its phrase ("tweeted late on Sunday that ...") unless a quotation took it.
- a line opened by a name and a colon ("Pence: ...", "WALLACE: ...") is the name's claim.
- "according to X" and "as reported by X": the rest of the clause is the content.
- reporting nouns with a that-clause ("Trump's assurances that ...", "claims
  that ...") or hearsay nouns ("reports of ...", "reports indicate that ...").
- hearsay adverbs ("reportedly", "allegedly") make a claim with no source.
- direct quotations (straight or curly quote marks, over several sentences or
  paragraphs): attributed by a reporting verb just after the closing mark
  ('," said X.' / '," he said') or before the opening one ('X said: "...'), else
  by the quotation next to it in the same paragraph. A quotation broken by its
  attribution ('"...," he explained, "and ..."') is one claim.

The source is resolved to the canonical actor of the entities stage where an
entity mention overlaps the source span; else it stays the text of the span
("a senior official who spoke on condition of anonymity"). Pronoun sources
("he said") take the person named last before them. The hedge comes from
``hedges.py``: the cue itself ("denied", "has not confirmed"), cues whose
scope holds the content, and a later sentence pointing back at the claim.
Quotations live in ``quotes.py``, source names in ``sources.py``.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Iterator

from ..model import Claim, record_id
from . import hedges
from .context import Context
from .quotes import _OPEN, attach_quotes, find_quotes, words
from .sources import ents, resolve, source_range, split_conjoined

WH = {"who", "which", "that", "whom"}


def setup(nlp, resources: dict) -> None:
    hedges.setup(nlp, resources)


def _lex(ctx) -> dict:
    cues = hedges._cues(ctx)
    if "_claim_sets" not in cues:
        rv = cues["reporting_verbs"]
        cues["_claim_sets"] = {
            "verbs": frozenset(rv["lemmas"]),
            "xcomp": frozenset(rv["complement_lemmas"]["lemmas"]),
            "dobj": frozenset(rv["object_lemmas"]["lemmas"]),
            "passive": frozenset(rv["no_subject_needed"]["lemmas"]),
            "quote_only": frozenset(rv["quote_only"]["lemmas"]),
            "object_never": frozenset(rv["object_never"]["lemmas"]),
            "preps": {tuple(p) for p in rv["prep_objects"]["pairs"]},
            "nouns": frozenset(cues["reporting_nouns"]["lemmas"]),
            "docs": frozenset(cues["document_sources"]["lemmas"]),
            "anon": frozenset(cues["anonymous_words"]["words"]),
            "hearsay": frozenset(cues["hedge_reported"]["report_subjects"]),
            "adverbs": frozenset(cues["hedge_reported"]["adverbs"]),
            "deny": frozenset(cues["hedge_denied"]["always_lemmas"]),
            "not_claims": frozenset(cues["hedge_denied"]["not_claims"]["lemmas"]),
            "check": frozenset(cues["hedge_unverified"]["check_lemmas"]),
            "weak": frozenset(cues["weak_verbs"]["lemmas"]),
            "speakers": frozenset(cues["speaker_nouns"]["lemmas"]),
            "back": frozenset(cues["back_references"]["lemmas"]),
        }
        av = cues["attitude_verbs"]
        classes: dict[str, str] = {}
        for cls in ("stance", "intention", "belief"):   # the first group wins: belief, intention, stance
            classes.update({lem: cls for lem in av[cls]["lemmas"]})
        S = cues["_claim_sets"]
        S["class"] = classes
        S["attitude"] = frozenset(classes)
        S["xcomp"] = S["xcomp"] | frozenset(av["intention"]["lemmas"])
        S["dobj"] = S["dobj"] | frozenset(av["stance"]["lemmas"])
        S["stance"] = frozenset(av["stance"]["lemmas"])
        S["that_except"] = frozenset(av["that_clause"]["except"])
    return cues["_claim_sets"]


@dataclass
class _Draft:
    start: int
    end: int
    cue_start: int
    cue_end: int
    src: tuple[int, int] | None = None      # token range [i, j) of the source
    src_head: int | None = None             # token index of the source's head
    hedge: str = "asserted"
    hedge_cue: str | None = None
    direct: bool = False
    cited: str | None = None
    source_name: str | None = None          # set when inherited from another claim
    cue_class: str = "speech"               # speech, belief, intention, stance, other
    tok: int = -1                           # token index of the cue word


# ---------------------------------------------------------------- token helpers

def _text(doc) -> str:
    """The parsed text (``Doc.text`` rebuilds it from the tokens on every call: cached)."""
    t = doc.user_data.get("sitrep_text")
    if t is None:
        t = doc.user_data["sitrep_text"] = doc.text
    return t


def _trim(toks: list) -> list:
    while toks and (toks[0].is_punct or toks[0].is_space) and toks[0].text not in _OPEN:
        toks = toks[1:]
    while toks and (toks[-1].is_punct or toks[-1].is_space):
        toks = toks[:-1]
    return toks


def _chars(toks: list) -> tuple[int, int] | None:
    toks = _trim(toks)
    if not toks:
        return None
    return toks[0].idx, toks[-1].idx + len(toks[-1].text)


def _longest_run(tokens: list, exclude: set[int]) -> list:
    runs, cur = [], []
    for t in tokens:
        if t.i in exclude:
            if cur:
                runs.append(cur)
            cur = []
        else:
            cur.append(t)
    if cur:
        runs.append(cur)
    runs = [_trim(r) for r in runs]
    return max(runs, key=len) if runs else []


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
            return c, "active"
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
        h, steps = h.head, steps + 1
        for c in h.children:
            if c.dep_ == "nsubj":
                if c.lower_ in WH and h.dep_ == "relcl":
                    return c, "relative"
                return c, "active"
    return None, "none"


def find_claims(ctx: Context) -> Iterator[Claim]:
    L = _lex(ctx)
    doc, text = ctx.sdoc, ctx.doc.text
    quotes = find_quotes(text)
    long_quotes = [q for q in quotes if words(text[q.a:q.b]) >= 4]

    inside = bytearray(len(text) + 1)   # 1 where a character is inside a long quotation
    for q in long_quotes:
        inside[q.a:q.b] = b"\x01" * (q.b - q.a)

    def in_quote(i: int) -> bool:
        return inside[i] == 1

    drafts: list[_Draft] = []
    bare: list[_Draft] = []              # cues with a source but no content (quote attributions)
    for t in doc:
        if in_quote(t.idx):
            continue
        lem, low = t.lemma_.lower(), t.lower_
        if t.pos_ in ("VERB", "AUX") and (lem in L["verbs"] or lem in L["attitude"] or (
                lem not in L["that_except"] and _that_clause(t))):
            d = _from_verb(t, L)
            if d is not None:
                (drafts if d.start >= 0 else bare).append(d)
        elif low == "according" and t.i + 1 < len(doc) and doc[t.i + 1].lower_ == "to":
            d = _from_according(t)
            if d:
                drafts.append(d)
        elif t.pos_ == "NOUN" and lem in L["nouns"]:
            d = _from_noun(t, L)
            if d:
                drafts.append(d)
        elif low in L["adverbs"] and t.pos_ == "ADV":
            a, b = hedges._clause_scope(t)
            if b - a > len(t.text) + 3:
                drafts.append(_Draft(a, b, t.idx, t.idx + len(t), hedge="reported", hedge_cue=t.text))
    drafts.extend(_colon_lines(doc, text, L))
    bare.extend(_dash_signatures(doc, text, quotes))
    bare.sort(key=lambda d: d.cue_start)
    attach_quotes(text, quotes, drafts, bare)
    drafts.extend(_unquoted_rest(doc, drafts, bare, L))
    drafts = _nested(_dedup(drafts))
    yield from _finish(ctx, drafts, L)


_DASH_SIG = re.compile(r"[ \t]*([\u2015\u2014])[ \t\u00a0]*([A-Z][\w'\u2019.\- ]{1,60}?)[ \t\u00a0]*(?=[,.;\n|]|$)")


_COLON_LINE = re.compile(r"^[ \t]*[\"\u201c']?([A-Z][\w.'\u2019&\- ]{0,50}?)[ \t]*:[ \t]+(\S[^\n]*)$", re.M)
_LABELS = {"note", "update", "editor", "photo", "source", "sources", "read", "related", "watch", "tags",
           "posted", "credit", "image", "video", "listen", "see", "also", "q", "a", "question", "answer"}


def _colon_lines(doc, text: str, L) -> list[_Draft]:
    """'Pence: Flowers won't be at the debate' (a headline) and 'WALLACE: Let's start ...' (a
    transcript): a line opened by a name and a colon is the name's claim; the colon is the cue."""
    out = []
    for m in _COLON_LINE.finditer(text):
        a, b = m.span(1)
        span = doc.char_span(a, b, alignment_mode="expand")
        if span is None or not 0 < len(span) <= 5 or words(m.group(2)) < 3:
            continue
        if {t.lower_ for t in span} & _LABELS:
            continue
        root = span.root
        named = all(t.pos_ == "PROPN" or t.is_punct or t.text.isupper() or t.dep_ in ("det", "case", "cc")
                    for t in span)
        if not (named or root.lemma_.lower() in L["docs"]):
            continue
        ca, cb = m.span(2)
        while cb > ca and text[cb - 1] in " \t\"\u201d":
            cb -= 1
        colon = text.index(":", b)
        d = _Draft(ca, cb, colon, colon + 1, (span.start, span.end), root.i)
        out.append(d)
    return out


def _dash_signatures(doc, text: str, quotes) -> list[_Draft]:
    """'"...." ― Jane Doe': a name after a dash right behind a quotation signs it."""
    out = []
    for q in quotes:
        m = _DASH_SIG.match(text, q.close)
        if not m:
            continue
        span = doc.char_span(m.start(2), m.end(2), alignment_mode="expand")
        if span is None or len(span) > 6:
            continue
        d = _Draft(-1, -1, m.start(1), m.end(1), (span.start, span.end), span.end - 1)
        out.append(d)
    return out


def _that_clause(t) -> bool:
    """Has the verb a clause complement opened by "that" ("determined that ...")?"""
    return any(c.dep_ == "ccomp" and any(g.dep_ == "mark" and g.lower_ == "that" for g in c.children)
               for c in t.children)


def _speaker(tok, L) -> bool:
    """Can this subject speak? A name, a person pronoun, a speaker noun or a document."""
    if tok.pos_ == "PROPN" or tok.ent_type_ in ("PERSON", "ORG", "GPE", "NORP"):
        return True
    if tok.pos_ == "PRON" and tok.lemma_.lower() not in L["speakers"]:   # "everyone", "someone": the list
        return tok.lower_ in ("he", "she", "we", "i", "who")
    lem = tok.lemma_.lower()
    return lem in L["speakers"] or lem in L["docs"] or tok.lower_ in L["hearsay"]


def _holder(tok, L) -> bool:
    """Can this subject hold a belief or a stance? A speaker that is no document."""
    return (_speaker(tok, L) or tok.lower_ in ("they", "you")) and tok.lemma_.lower() not in L["docs"]


def _object_content(t, L) -> list | None:
    """The direct object as content, with what completes it ("described X as Y", "labeled X a Y")."""
    stance = t.lemma_.lower() in L["stance"]
    for c in t.children:
        if c.dep_ != "dobj" or (c.pos_ == "PRON" and not stance):
            continue   # "attacked him" is a stance; "reported it" points elsewhere
        if t.lemma_ == "call" and not any(g.dep_ in ("oprd", "xcomp") for g in t.children):
            return None   # "called the meeting" is no claim; "called the vote a mistake" is
        sub = list(c.subtree)
        if (len(sub) < 2 and not stance) or (len(sub) <= 3 and c.lemma_.lower() in L["back"] | L["nouns"]
                            and not any(g.dep_ in ("acl", "ccomp", "prep") for g in c.children)):
            return None   # "rebuffed such claims": the claims are elsewhere
        end = sub[-1].i
        for g in t.children:
            if g.i > end and (g.dep_ in ("oprd", "xcomp") or (g.dep_ == "prep" and g.lower_ == "as") or (
                    g.dep_ == "prep" and g.lower_ in ("for", "to") and t.lemma_.lower() in L["stance"])):
                end = max(end, max(x.i for x in g.subtree))
        return list(t.doc[sub[0].i:end + 1])
    return None


def _host_content(t) -> list:
    """The clause a parenthetical or "as X noted" attribution sits in, without the attribution."""
    host = t.head if t.head is not t else t
    return _longest_run(list(host.subtree), {x.i for x in t.subtree})


def _from_verb(t, L) -> _Draft | None:
    lem = t.lemma_.lower()
    kids = list(t.children)
    content, cue_end_tok = None, t
    for c in kids:
        if c.dep_ == "ccomp":
            content = list(c.subtree)
            break
    if content is None and lem in L["xcomp"]:
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
    if content is None:
        for c in kids:
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
    subj, how = _subject(t, L)
    if how == "skip":
        return None
    if lem in L["weak"] and (subj is None or not _speaker(subj, L)) and how != "agent":
        return None
    if lem not in L["verbs"] and (how not in ("active", "relative") or subj.i != t.head.i and subj.head.i not in (
                t.i, t.head.i if t.dep_ == "conj" else t.i) or (
            t.tag_ in ("VBG", "VBN") and t.dep_ != "acl" and not (t.tag_ == "VBG" and lem in L["stance"])
            and not any(c.dep_ == "aux" for c in kids)) or not (_speaker if t.dep_ == "acl" else _holder)(
            subj.head.head if how == "relative" else subj, L)):
        return None   # beliefs and stances are a person's or a body's (or a statement's: "a tweet
        # attacking X"), said of them in their own clause: "the data support X", "a treaty
        # endorsed by ...", "..., hoping to ..." are none
    as_mark = any(c.dep_ == "mark" and c.lower_ == "as" for c in kids)
    if content is None and subj is not None and (t.dep_ == "parataxis" or as_mark):
        content = _host_content(t)   # "This, Monten argues, is ..." / "As Chivvis pointed out, ..."
    if content is None and how == "agent":
        content = _host_content(t) if t.dep_ in ("acl", "advcl", "relcl") else _longest_run(
            list(t.subtree), {x.i for c in kids if c.dep_ == "agent" for x in c.subtree} | {t.i})
    d = _Draft(-1, -1, t.idx, t.idx + len(t.text), tok=t.i)
    d.cue_class = L["class"].get(lem) or ("speech" if lem in L["verbs"] else "other")
    if as_mark and how == "agent":   # "as reported by"
        mark = next(c for c in kids if c.dep_ == "mark" and c.lower_ == "as")
        agent = next(c for c in kids if c.dep_ == "agent")
        d.cue_start, d.cue_end = mark.idx, agent.idx + len(agent.text)
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
    prev = t.doc[t.i - 1] if t.i > t.sent.start else None
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
    if content is not None and len(_trim(content)) <= 3 and any(
            (x.lemma_.lower() in L["back"] | L["nouns"] or x.pos_ == "PRON")
            for x in content if x.head.i not in {y.i for y in content} or x.head is x):
        content = None   # "This assessment was echoed by ...": the claim is the earlier one
    if content is None and d.src is not None:   # "The governor added:" and the next paragraph
        block = _block_after_colon(t)
        if block:
            d.start, d.end = block
            return d
    if content is None:
        return d if d.src is not None else None   # bare: a quotation may supply the content
    span = _chars(content)
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
        rest = _trim([x for x in t.subtree if x.i > t.i and not (d.src and d.src[0] <= x.i < d.src[1])])
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


def _from_according(t) -> _Draft | None:
    to = t.doc[t.i + 1]
    objs = [g for g in to.children if g.dep_ == "pobj"] or [g for g in t.children if g.dep_ == "pobj"]
    if not objs:
        return None
    src = objs[0]
    head = t.head if t.head is not t else t
    excl = {x.i for x in t.subtree} | {to.i} | {x.i for x in src.subtree}
    base = list(head.subtree) if head is not t else list(t.sent)
    if len(base) - len([x for x in base if x.i not in excl]) >= len(base) - 2:
        base = list(t.sent)
    content = _longest_run(base, excl)
    span = _chars(content)
    if span is None:
        return None
    d = _Draft(span[0], span[1], t.idx, to.idx + len(to.text))
    d.src, d.src_head = source_range(src), src.i
    if src.lower_ in ("reports", "rumors", "rumours"):
        d.src = d.src_head = None
        d.hedge, d.hedge_cue = "reported", _text(t.doc)[t.idx:src.idx + len(src.text)]
    return d


def _from_noun(t, L) -> _Draft | None:
    if t.dep_ in ("nsubj", "nsubjpass") and t.head.lemma_.lower() in L["verbs"] and any(
            c.dep_ in ("ccomp", "xcomp") for c in t.head.children):
        return None   # "reports indicate that ...": the verb makes the claim
    if t.dep_ == "pobj" and t.head.lower_ == "to" and t.head.head.lower_ == "according":
        return None
    content = None
    for c in t.children:
        if c.dep_ in ("acl", "ccomp") and any(g.dep_ == "mark" and g.lower_ == "that" for g in c.children):
            content = list(c.subtree)
            break
    hearsay = t.lower_ in L["hearsay"]
    cue_end = t.idx + len(t.text)
    if content is None and hearsay:
        holders = [t] + ([t.head] if t.dep_ == "nsubj" and 0 < t.head.i - t.i <= 4 else [])
        for h in holders:   # "reports of ...", "reports have surfaced concerning ..."
            for c in h.children:
                if c.dep_ == "prep" and c.lower_ in ("of", "about", "concerning", "on", "regarding"):
                    objs = [g for g in c.children if g.dep_ in ("pobj", "pcomp")]
                    if objs and content is None:
                        content = list(objs[0].subtree)
                        if h is not t:
                            cue_end = h.idx + len(h.text)
    has_source = any(c.dep_ == "poss" or (c.dep_ == "nsubj" and any(g.dep_ == "case" for g in c.children))
                     or (c.dep_ == "prep" and c.lower_ in ("from", "by")) for c in t.children)
    if content is None and has_source:   # "Trump's criticism of U.S. spending", "his warnings about ..."
        for c in t.children:
            if c.dep_ == "prep" and c.lower_ in ("of", "about", "on", "over", "against", "regarding"):
                objs = [g for g in c.children if g.dep_ in ("pobj", "pcomp")]
                if objs:
                    sub = list(objs[0].subtree)
                    end = sub[-1].i
                    for g in t.children:   # "criticisms of NATO as a bad deal"
                        if g.dep_ == "prep" and g.lower_ == "as" and g.i > end:
                            end = max(x.i for x in g.subtree)
                    content = list(t.doc[sub[0].i:end + 1])
                    break
    if content is None:
        return None
    span = _chars(content)
    if span is None:
        return None
    d = _Draft(span[0], span[1], t.idx, cue_end)
    for c in t.children:
        if c.dep_ == "poss" or (c.dep_ == "nsubj" and any(g.dep_ == "case" for g in c.children)):
            d.src, d.src_head = source_range(c), c.i
        elif c.dep_ == "prep" and c.lower_ in ("from", "by"):
            objs = [g for g in c.children if g.dep_ == "pobj"]
            if objs:
                d.src, d.src_head = source_range(objs[0]), objs[0].i
    if hearsay and d.src is None:
        d.hedge, d.hedge_cue = "reported", t.text
    if d.src is None and not hearsay:
        return None
    return d


def _nested(drafts: list[_Draft]) -> list[_Draft]:
    """A belief, intention or stance inside what someone is said to have said is part of that
    claim, not one of its own ("She said she plans to ..." is one claim, by "said")."""
    speech = [d for d in drafts if d.cue_class == "speech" and d.start >= 0]
    return [d for d in drafts if d.cue_class == "speech" or not any(
        s.start <= d.cue_start < s.end and s.cue_start != d.cue_start for s in speech)]


def _dedup(drafts: list[_Draft]) -> list[_Draft]:
    seen, out = set(), []
    for d in sorted(drafts, key=lambda d: (d.start, d.cue_start, -(d.end - d.start))):
        key = (d.start, d.end, d.cue_start)
        if key in seen:
            continue
        seen.add(key)
        out.append(d)
    return out


def _finish(ctx, drafts: list[_Draft], L) -> Iterator[Claim]:
    doc, text = ctx.sdoc, ctx.doc.text
    persons = sorted([(m.start, e.name, e.code) for e in ctx.records.entities if e.type == "PERSON"
                      for m in e.mentions])
    if not persons:
        persons = [(ent.start_char, ent.text, None) for ent in ents(ctx) if ent.label_ == "PERSON"]

    skip = (0, 0)   # the claim's own content: a person named inside the quotation is not its speaker

    def named_before(pos: int, pron: str):
        if pron in ("he", "she", "him", "her", "his"):
            cands = [p for p in persons if p[0] < pos and not skip[0] <= p[0] < skip[1]]
            if not cands:
                return None
            # the subject of the sentence before is the likelier speaker than a person it mentions
            # ("Martin expects trouble if Trump renews tariffs. '...,' he said": Martin)
            last_sent = doc[doc.char_span(cands[-1][0], cands[-1][0] + 1, alignment_mode="expand").start].sent
            subj = [(p, _is_subject(doc, p[0])) for p in cands if p[0] >= last_sent.start_char]
            main = [p for p, k in subj if k == 2] or [p for p, k in subj if k == 1]
            best = main[-1] if main else cands[-1]
            return best[1], best[2]
        return None

    resolved = []
    for d in split_conjoined(doc, drafts):
        skip = (d.start, d.end)
        name, code, kind, a, b = resolve(ctx, d, L, named_before)
        if name is not None and name.lower() in ("it", "this", "that") and \
                doc.char_span(d.cue_start, d.cue_end, alignment_mode="expand").root.lemma_ not in ("say", "tell", "write", "state"):
            continue   # "it contends": an unresolved pronoun names no source anyone can use
        resolved.append((d, name, code, kind, a, b))
    spans = [(d.start, d.end, name, d.cue_start, d.cue_end) for d, name, *_ in resolved]
    back = hedges.back_reference_targets(ctx, spans)
    ctx.scratch["hedge_back"] = back
    for d, name, code, kind, a, b in resolved:
        hedge = (d.hedge, d.hedge_cue)
        hedge = hedges.stronger(hedge, hedges.in_scope_hedge(ctx, d.start, d.end))
        si = hedges.sentence_of(ctx, d.start)
        if si in back:
            hedge = hedges.stronger(hedge, back[si])
        content = text[d.start:d.end]
        yield Claim(
            id=record_id("claim", ctx.doc.id, d.start, d.end, d.cue_start, a),
            doc_id=ctx.doc.id, start=d.start, end=d.end, text=content,
            source=name, source_start=a, source_end=b, source_code=code, source_kind=kind,
            cue=text[d.cue_start:d.cue_end], cue_start=d.cue_start, cue_end=d.cue_end,
            hedge=hedge[0], hedge_cue=hedge[1], direct=d.direct or _has_quote(content),
            cited=d.cited, cue_class=d.cue_class,
        )


def _is_subject(doc, pos: int) -> int:
    """2: the subject of its sentence's main verb; 1: of another verb; 0: no subject."""
    span = doc.char_span(pos, pos + 1, alignment_mode="expand")
    if span is None:
        return 0
    t = span[0]
    while t.dep_ in ("compound", "flat") and t.head.i != t.i:
        t = t.head
    if t.dep_ not in ("nsubj", "nsubjpass"):
        return 0
    return 2 if t.head.dep_ == "ROOT" else 1


def _has_quote(s: str) -> bool:
    return "\u201c" in s or "\u201d" in s or s.count('"') >= 2
