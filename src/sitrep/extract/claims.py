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
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterator

from ..model import Claim, record_id
from . import hedges
from .context import Context

WH = {"who", "which", "that", "whom"}
PRONOUNS = {"he", "she", "they", "it", "we", "i", "him", "her", "them", "his", "their", "its"}
_OPEN = {"\u201c": "\u201d", '"': '"'}


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


# ---------------------------------------------------------------- token helpers

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


def _source_range(tok) -> tuple[int, int]:
    """The source phrase of a subject head: its subtree, cut before an apposition or
    relative clause after a proper name ("Jonathan Monten, a foreign policy analyst, ...")."""
    if tok.lower_ in PRONOUNS:
        return tok.i, tok.i + 1
    sub = list(tok.subtree)
    lo, hi = sub[0].i, sub[-1].i + 1
    if tok.pos_ == "PROPN" or tok.ent_type_:
        for t in sub:
            if t.i > tok.i and (t.text == "," or t.dep_ in ("appos", "relcl", "acl")):
                hi = t.i
                break
    while lo < hi and tok.doc[lo].is_punct:
        lo += 1
    while hi > lo and (tok.doc[hi - 1].is_punct or tok.doc[hi - 1].dep_ == "case"):
        hi -= 1
    return lo, hi


def _subject(tok, L) -> tuple[object | None, str]:
    """(subject head token, how): how is 'active', 'agent', 'impersonal', 'passive' or 'none'."""
    kids = list(tok.children)
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


# ---------------------------------------------------------------- quotations

@dataclass
class _Quote:
    open: int       # index of the opening mark
    close: int      # index after the closing mark (paragraph end when unclosed)
    a: int          # content start
    b: int          # content end


def find_quotes(text: str) -> list[_Quote]:
    """Quotations by their marks, paragraph by paragraph. Straight and curly marks
    close each other (scraped text mixes them); two apostrophes ('') count as one
    mark. An unclosed quotation runs to the end of its paragraph (the next
    paragraph reopens it)."""
    work = text.replace("''", '" ')
    out = []
    pos = 0
    for para in work.split("\n"):
        i, n = 0, len(para)
        while i < n:
            ch = para[i]
            if ch in _OPEN and (ch != '"' or i == 0 or not para[i - 1].isalnum()):
                m = re.compile(r'["\u201d]').search(para, i + 1)
                j = m.start() if m else -1
                end = j + 1 if j != -1 else n
                inner_end = j if j != -1 else n
                a, b = pos + i + 1, pos + inner_end
                seg = text[a:b]
                b -= len(seg) - len(seg.rstrip(" ,"))
                a += len(seg) - len(seg.lstrip(" "))
                if b > a:
                    out.append(_Quote(pos + i, pos + end, a, b))
                i = end
                continue
            i += 1
        pos += len(para) + 1
    return out


def _words(text: str) -> int:
    return len(re.findall(r"\w+", text))


# ---------------------------------------------------------------- the stage

def find_claims(ctx: Context) -> Iterator[Claim]:
    L = _lex(ctx)
    doc, text = ctx.sdoc, ctx.doc.text
    quotes = find_quotes(text)
    long_quotes = [q for q in quotes if _words(text[q.a:q.b]) >= 4]

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
        if t.pos_ in ("VERB", "AUX") and lem in L["verbs"]:
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
    _attach_quotes(ctx, quotes, drafts, bare, L)
    drafts = _dedup(drafts)
    yield from _finish(ctx, drafts, L)


def _speaker(tok, L) -> bool:
    """Can this subject speak? A name, a person pronoun, a speaker noun or a document."""
    if tok.pos_ == "PROPN" or tok.ent_type_ in ("PERSON", "ORG", "GPE", "NORP"):
        return True
    if tok.pos_ == "PRON":
        return tok.lower_ in ("he", "she", "we", "i", "who")
    lem = tok.lemma_.lower()
    return lem in L["speakers"] or lem in L["docs"] or tok.lower_ in L["hearsay"]


def _object_content(t, L) -> list | None:
    """The direct object as content, with what completes it ("described X as Y", "labeled X a Y")."""
    for c in t.children:
        if c.dep_ != "dobj" or c.pos_ == "PRON":
            continue
        if t.lemma_ == "call" and not any(g.dep_ in ("oprd", "xcomp") for g in t.children):
            return None   # "called the meeting" is no claim; "called the vote a mistake" is
        sub = list(c.subtree)
        if len(sub) < 2 or (len(sub) <= 3 and c.lemma_.lower() in L["back"] | L["nouns"]
                            and not any(g.dep_ in ("acl", "ccomp", "prep") for g in c.children)):
            return None   # "rebuffed such claims": the claims are elsewhere
        end = sub[-1].i
        for g in t.children:
            if g.i > end and (g.dep_ in ("oprd", "xcomp") or (g.dep_ == "prep" and g.lower_ == "as")):
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
    subj, how = _subject(t, L)
    if how == "skip":
        return None
    if lem in L["weak"] and (subj is None or not _speaker(subj, L)) and how != "agent":
        return None
    as_mark = any(c.dep_ == "mark" and c.lower_ == "as" for c in kids)
    if content is None and subj is not None and (t.dep_ == "parataxis" or as_mark):
        content = _host_content(t)   # "This, Monten argues, is ..." / "As Chivvis pointed out, ..."
    if content is None and how == "agent":
        content = _host_content(t) if t.dep_ in ("acl", "advcl", "relcl") else _longest_run(
            list(t.subtree), {x.i for c in kids if c.dep_ == "agent" for x in c.subtree} | {t.i})
    d = _Draft(-1, -1, t.idx, t.idx + len(t.text))
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
    if subj is None and how == "none" and t.i > t.sent.start and t.doc[t.i - 1].pos_ in ("PROPN", "PRON") \
            and t.doc[t.i - 1].dep_ not in ("dobj", "pobj", "nsubj"):
        subj, how = t.doc[t.i - 1], "active"   # a misparsed subject right before the verb
    if how == "relative":   # "Macron, who has advocated ...": the span is "who", the source its noun
        d.src, d.src_head = (subj.i, subj.i + 1), subj.head.head.i
        d.source_name = None
    elif subj is not None:
        d.src = _source_range(subj)
        d.src_head = subj.i
        if subj.lemma_.lower() in L["nouns"] | L["hearsay"] or subj.lower_ in L["hearsay"]:
            frm = [g for c in subj.children if c.dep_ == "prep" and c.lower_ in ("from", "by", "of")
                   for g in c.children if g.dep_ == "pobj"]
            if frm:
                d.src, d.src_head = _source_range(frm[0]), frm[0].i
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
        d.hedge, d.hedge_cue = "unverified", t.doc.text[d.cue_start:d.cue_end]
    for c in kids:   # "the spokesperson, citing intelligence reports, said"
        if c.dep_ == "advcl" and c.lemma_ == "cite":
            objs = [g for g in c.children if g.dep_ == "dobj"]
            if objs:
                sub = list(objs[0].subtree)
                d.cited = t.doc.text[sub[0].idx:sub[-1].idx + len(sub[-1].text)]
    prt = [c for c in kids if c.dep_ == "prt" and c.i == t.i + 1]
    if prt:   # "pointed out", "laid out"
        d.cue_end = prt[0].idx + len(prt[0].text)
    if content is not None and len(_trim(content)) <= 3 and any(
            (x.lemma_.lower() in L["back"] | L["nouns"] or x.pos_ == "PRON")
            for x in content if x.head.i not in {y.i for y in content} or x.head is x):
        content = None   # "This assessment was echoed by ...": the claim is the earlier one
    if content is None:
        return d if d.src is not None else None   # bare: a quotation may supply the content
    span = _chars(content)
    if span is None:
        return None
    d.start, d.end = span
    if d.cue_end <= d.start:
        d.end = _extend_tail(t.doc.text, d.end, t.sent.end_char)
    return d


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
    d.src, d.src_head = _source_range(src), src.i
    if src.lower_ in ("reports", "rumors", "rumours"):
        d.src = d.src_head = None
        d.hedge, d.hedge_cue = "reported", t.doc.text[t.idx:src.idx + len(src.text)]
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
            d.src, d.src_head = _source_range(c), c.i
        elif c.dep_ == "prep" and c.lower_ in ("from", "by"):
            objs = [g for g in c.children if g.dep_ == "pobj"]
            if objs:
                d.src, d.src_head = _source_range(objs[0]), objs[0].i
    if hearsay and d.src is None:
        d.hedge, d.hedge_cue = "reported", t.text
    if d.src is None and not hearsay:
        return None
    return d


def _attach_quotes(ctx, quotes: list[_Quote], drafts: list[_Draft], bare: list[_Draft], L) -> None:
    text = ctx.doc.text
    quote_claims: list[tuple[_Quote, _Draft]] = []
    for q in quotes:
        direct = [d for d in drafts if d.start < q.b and q.a < d.end]
        if direct:
            d = min(direct, key=lambda d: abs(d.cue_start - q.close))
            adjacent = 0 <= d.cue_start - q.close <= 60 or 0 <= q.open - d.cue_end <= 40
            if _words(text[q.a:q.b]) >= 4 and (adjacent or not (d.start <= q.a and q.b <= d.end)):
                d.start, d.end = q.a, q.b   # the quotation is the content, not the clause around it
            d.direct = True
            quote_claims.append((q, d))
            continue
        if _words(text[q.a:q.b]) < 4:
            d = _attribution(text, q, bare) if re.search(r"[,?!][\s'\u2019]*[\"\u201d]?$", text[q.a:q.close]) else None
            if d is not None:   # '"It is over," she said.' -- short, but attributed
                d.direct = True
                drafts.append(d)
                quote_claims.append((q, d))
            continue
        # '"...," he explained, "and ..."' -- one quotation broken by its attribution
        if quote_claims and text[q.a:q.a + 1].islower():
            pq, pd = quote_claims[-1]
            between = text[pq.close:q.open]
            if len(between) < 60 and "\n" not in between and pd.cue_start >= pq.close:
                pd.end = q.b
                quote_claims.append((q, pd))
                continue
        d = _attribution(text, q, bare)
        if d is None:
            prev = quote_claims[-1] if quote_claims else None
            if prev and not re.search(r"\n\s*\n", text[prev[0].close:q.open]) and _near(text, prev[0], q):
                src = prev[1]
                d = _Draft(q.a, q.b, src.cue_start, src.cue_end, src.src, src.src_head, direct=True)
                d.source_name = src.source_name
        if d is None:
            continue
        d.direct = True
        drafts.append(d)
        quote_claims.append((q, d))
    # a quotation that comes before the one that names its source ('"A." "B," he said.')
    for q in quotes:
        if _words(text[q.a:q.b]) < 4 or any(q is qq for qq, _ in quote_claims):
            continue
        nxt = [(qq, dd) for qq, dd in quote_claims if qq.open >= q.close and _near(text, q, qq)]
        if nxt:
            src = nxt[0][1]
            d = _Draft(q.a, q.b, src.cue_start, src.cue_end, src.src, src.src_head, direct=True)
            drafts.append(d)


def _near(text: str, q1: _Quote, q2: _Quote) -> bool:
    """Two quotations of one speaker: the same paragraph with little between, or the
    second opening the next paragraph."""
    between = text[q1.close:q2.open]
    if "\n" in between:
        return between.strip() == ""
    return len(between) < 200 and not re.search(r"[.!?]\s+[A-Z][^\u201c\"]{40,}", between)


def _attribution(text: str, q: _Quote, bare: list[_Draft]) -> _Draft | None:
    for d in bare:
        if d.cue_start >= q.close:
            between = text[q.close:d.cue_start]
            if len(between) <= 80 and not re.search(r"[.!?\u201c\n]", between) and (
                    not between.strip() or between.lstrip().startswith(",")
                    or re.search(r"[,?!\u2014-][\s'\u2019]*[\"\u201d]?$", text[q.a:q.close])):
                return _Draft(q.a, q.b, d.cue_start, d.cue_end, d.src, d.src_head, d.hedge, d.hedge_cue,
                              cited=d.cited)
    for d in reversed(bare):
        if d.cue_end <= q.open:
            between = text[d.cue_end:q.open]
            if len(between) <= 60 and re.fullmatch(r"[^.!?\u201d\n]*[:,]\s*", between):
                return _Draft(q.a, q.b, d.cue_start, d.cue_end, d.src, d.src_head, d.hedge, d.hedge_cue,
                              cited=d.cited)
    return None


def _dedup(drafts: list[_Draft]) -> list[_Draft]:
    seen, out = set(), []
    for d in sorted(drafts, key=lambda d: (d.start, d.cue_start, -(d.end - d.start))):
        key = (d.start, d.end, d.cue_start)
        if key in seen:
            continue
        seen.add(key)
        out.append(d)
    return out


# ---------------------------------------------------------------- sources and hedges

def _resolve(ctx, d: _Draft, L, named_before) -> tuple[str | None, str | None, str, int | None, int | None]:
    """(source name, actor code, kind, start, end) of a draft's source."""
    doc = ctx.sdoc
    if d.src is None:
        return None, None, "none", None, None
    i, j = d.src
    a, b = doc[i].idx, doc[j - 1].idx + len(doc[j - 1].text)
    sa, sb = _strip(ctx.doc.text, a, b)
    head = doc[d.src_head] if d.src_head is not None else doc[i]
    if d.source_name:
        return d.source_name, None, "named", sa, sb
    if head.lower_ in PRONOUNS and j - i == 1:
        ante = named_before(a, head.lower_)
        if ante:
            return ante[0], ante[1], "named", sa, sb
    if not i <= head.i < j:   # "who": the name comes from the noun it stands for
        i, j = _source_range(head)
        a, b = doc[i].idx, doc[j - 1].idx + len(doc[j - 1].text)
        if head.lower_ in PRONOUNS:
            ante = named_before(a, head.lower_)
            if ante:
                return ante[0], ante[1], "named", sa, sb
    hit = None
    for e in ctx.records.entities:
        for m in e.mentions:
            if m.start < b and a < m.end:
                if m.start <= head.idx < m.end or hit is None:
                    hit = e
    lem = head.lemma_.lower()
    kind = "document" if lem in L["docs"] else "named"
    span_words = {t.lower_ for t in doc[i:j]}
    if hit is not None:
        if span_words & {"anonymity", "anonymous", "unnamed", "unidentified"}:
            kind = "anonymous"
        return hit.name, hit.code, kind, sa, sb
    if kind != "document" and (head.pos_ != "PROPN" or span_words & {"anonymity", "anonymous", "unnamed"}):
        kind = "anonymous" if (span_words & L["anon"] or head.pos_ in ("NOUN", "PRON")) else "named"
    return _fallback_name(ctx, i, j, head), None, kind, sa, sb


def _strip(text: str, a: int, b: int) -> tuple[int, int]:
    """A span without the whitespace (no-break spaces included) at its ends."""
    while a < b and text[a].isspace():
        a += 1
    while b > a and text[b - 1].isspace():
        b -= 1
    return a, b


def _ents(ctx) -> list:
    """spaCy's entity spans of the document (computed once: ``Doc.ents`` rebuilds them on each call)."""
    if "spacy_ents" not in ctx.scratch:
        ctx.scratch["spacy_ents"] = list(ctx.sdoc.ents)
    return ctx.scratch["spacy_ents"]


_DROP_DET = {"the", "some", "many", "several", "most", "other", "these", "those", "both", "all"}


def _fallback_name(ctx, i: int, j: int, head) -> str:
    """No entity: the name spaCy's NER gives the source's head ("Pentagon press secretary
    Pat Ryder" -> "Pat Ryder"; "a spokesperson from Downing Street" -> "Downing Street"),
    else the source phrase without a leading "the"/"some"."""
    doc = ctx.sdoc
    ents = [e for e in _ents(ctx) if e.start >= i and e.end <= j and e.label_ in ("PERSON", "ORG", "GPE", "NORP", "FAC")]
    for e in ents:
        if e.start <= head.i < e.end and e.label_ != "NORP":
            lo = e.start
            if e.end - e.start == 1 and lo - 1 >= i and doc[lo - 1].pos_ == "PROPN" and doc[lo - 1].dep_ == "compound":
                lo -= 1   # NER kept only the surname of "Ana Petrovic"
            return doc[lo:e.end].text.strip()
    if head.pos_ == "NOUN" and head.lemma_.lower() in ("spokesperson", "spokesman", "spokeswoman", "office") and ents:
        inner = [e for e in ents if e.start > head.i and e.label_ != "NORP"]
        if len(inner) == 1:
            return inner[0].text.strip()
    while i < j - 1 and doc[i].lower_ in _DROP_DET:
        i += 1
    return doc[i:j].text.strip()


def _split_conjoined(doc, drafts: list[_Draft]) -> list[_Draft]:
    """One claim per named source: "Blinken and Austin said" gives two claims."""
    out = []
    for d in drafts:
        head = doc[d.src_head] if d.src_head is not None else None
        conj = [c for c in head.children if c.dep_ == "conj" and c.pos_ == "PROPN"] if head is not None else []
        if not conj or head.pos_ != "PROPN" or d.source_name or not d.src[0] <= head.i < d.src[1]:
            out.append(d)
            continue
        lo = d.src[0]
        first_end = min(c.left_edge.i for c in conj)
        while first_end > lo and (doc[first_end - 1].dep_ == "cc" or doc[first_end - 1].is_punct):
            first_end -= 1
        out.append(_Draft(**{**d.__dict__, "src": (lo, first_end)}))
        for c in conj:
            sub = [x for x in c.subtree if not any(x.i >= cc.left_edge.i for cc in c.children if cc.dep_ == "conj")]
            out.append(_Draft(**{**d.__dict__, "src": (sub[0].i, sub[-1].i + 1), "src_head": c.i}))
    return out


def _finish(ctx, drafts: list[_Draft], L) -> Iterator[Claim]:
    doc, text = ctx.sdoc, ctx.doc.text
    persons = sorted([(m.start, e.name, e.code) for e in ctx.records.entities if e.type == "PERSON"
                      for m in e.mentions])
    if not persons:
        persons = [(ent.start_char, ent.text, None) for ent in _ents(ctx) if ent.label_ == "PERSON"]

    def named_before(pos: int, pron: str):
        if pron in ("he", "she", "him", "her", "his"):
            cands = [p for p in persons if p[0] < pos]
            return (cands[-1][1], cands[-1][2]) if cands else None
        return None

    resolved = []
    for d in _split_conjoined(doc, drafts):
        name, code, kind, a, b = _resolve(ctx, d, L, named_before)
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
            cited=d.cited,
        )


def _has_quote(s: str) -> bool:
    return "\u201c" in s or "\u201d" in s or s.count('"') >= 2
