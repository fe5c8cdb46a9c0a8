"""Claims made by verbs: "X said that ...", "X believes ...", "as reported by X", "..., X argued".

The content is the verb's clause complement (or infinitive, object, prepositional
object, host clause of a parenthetical); the source its subject (see ``_subject``).

This module holds the verb-cue rules (``_from_verb``, ``_unquoted_rest``); the source is found by
``claim_subject.py``, content other than a clause complement by ``claim_content.py``; naming
participles, "seems X to me" and particle cues ("weighed in on") by ``claim_phrases.py``.
"""
from __future__ import annotations

from dataclasses import replace

from .claim_bounds import cut, second_report
from .claim_content import (_before_colon, _block_after_colon, _extend_tail, _host_content,  # noqa: F401
                            _noun_owned, _object_content, _raised, _relative_object)   # (some re-exported)
from .claim_draft import (WH, _Draft, _chars, _holder, _longest_run, _speaker, _text, _trim)
from .claim_stance import _drawn, _leading_clause, _other_cue
from .claim_phrases import _antecedent, _naming, _phrasal, _seems_to
from .claim_subject import _mind, _spoken, _subject
from .quotes import _OPEN
from .sources import source_range


def _after_seem(t, L) -> bool:
    """Is this verb the infinitive of "seem"/"appear" ("the senator appeared to blame ...")?"""
    return t.dep_ == "xcomp" and t.head is not t and t.head.lemma_.lower() in L["seem"]


_PERSONS = frozenset({"him", "her", "them", "me", "us", "you"})   # a stance toward a person: "she criticized him"


_CONCEDE = frozenset({"while", "although", "though", "whereas"})


def _leading_concession(c, t, kids) -> bool:
    """Is the clause ``c`` before the verb ``t`` a leading concessive clause the parser made its
    complement ("While she admitted pay was the reason, Jones noted several things ..."), with the
    verb's own clause after it? The concession is a claim of its own (``_inverted_concession``)."""
    return c.i < t.i and c.left_edge.lower_ in _CONCEDE and c.left_edge.dep_ == "mark" \
        and c.left_edge.head.i != c.i and any(k.dep_ == "ccomp" and k.i > t.i for k in kids)


def _inverted_concession(t, kids) -> bool:
    """Is ``t`` the verb of such a concessive clause, the parser having hung what it reports (its
    head, a clause complement) above it? Its content is that head clause, without ``t``'s own words."""
    return t.dep_ == "advcl" and t.head.dep_ == "ccomp" and t.head.i > t.i and any(
        k.dep_ == "mark" and k.lower_ in _CONCEDE for k in kids) and not any(
        k.dep_ in ("ccomp", "dobj", "xcomp") for k in kids)


_PARTS = frozenset({"several", "some", "many", "all", "most", "few", "each", "any", "none", "one", "two", "three", "both"})


def _of_head(o):
    """The noun a quantity word stands for ("several of those witnesses": witnesses)."""
    if o.lower_ in _PARTS:
        for p in o.children:
            if p.dep_ == "prep" and p.lower_ == "of":
                for g in p.children:
                    if g.dep_ == "pobj":
                        return g
    return o


def _other_sense(t, lem: str, kids, L) -> bool:
    """Is the verb used in a sense that is not saying? "contends with" (``prep_senses``), "failed to
    show up" (``particle_senses``), "show signs of" (``object_senses``); "questioned the driver", "when
    questioned" (``person_senses``, unless a clause says what was questioned); "let's say" (supposing)
    and "it goes without saying"."""
    if any(c.dep_ == "prep" and (lem, c.lower_) in L["prep_senses"] for c in kids):
        return True
    if any(c.dep_ == "prt" and (lem, c.lower_) in L["prt_senses"] or
           c.dep_ == "dobj" and (lem, c.lemma_.lower()) in L["obj_senses"] for c in kids):
        return True
    if lem in L["person_senses"] and not any(c.dep_ == "ccomp" for c in kids):
        objs = [_of_head(c) for c in kids if c.dep_ == "dobj"]
        if any(o.lower_ in _PERSONS or o.ent_type_ == "PERSON" or o.lemma_.lower() in L["person_objects"]
               for o in objs):
            return True
        if not objs and t.tag_ == "VBN" and not any(c.dep_ in ("agent", "nsubj") for c in kids):
            return True   # "was questioned", "when questioned after the hearing"
    if lem == "say" and t.dep_ in ("ccomp", "xcomp") and t.head.lemma_.lower() == "let" and any(
            c.lower_ in ("'s", "\u2019s", "us") for c in list(t.head.children) + kids):
        return True   # "Let's say you think ...": a supposition
    if lem == "say" and t.dep_ == "pcomp" and t.head.lower_ == "without" and t.head.head.lemma_.lower() == "go":
        return True   # "it goes without saying"
    return False


def _occasion(t, lem: str, kids, L) -> bool:
    """Is the verb a leading participle telling the occasion of the saying verb it hangs on ("Giving
    a speech in the port, the mayor said ...", "Writing for a weekly panel, the critic noted ...")? With
    no clause of its own, a verb whose object is never the content (or one of putting something out)
    says nothing there; the main verb carries the claim."""
    h = t.head
    return t.tag_ == "VBG" and t.dep_ == "advcl" and t.i < h.i and t.left_edge.i == t.i and (
        lem in L["object_never"] or lem in L["publish"]) and h.lemma_.lower() in L["verbs"] and not any(
        c.dep_ in ("ccomp", "xcomp") for c in kids) and any(c.dep_ == "ccomp" for c in h.children)


def _from_verb(t, L) -> _Draft | None:
    lem = t.lemma_.lower()
    kids = list(t.children)
    if lem in L["phrasal_lemmas"] and lem not in L["verbs"] and lem not in L["attitude"]:
        return _phrasal(t, lem, kids, L)
    if t.dep_ == "acl":
        d = _naming(t, lem, kids, L)
        if d is not None:
            return d
    if lem in ("speak", "talk") and any(c.dep_ == "prep" and c.lower_ == "to" and not any(
            g.dep_ in ("pobj", "pcomp") for g in c.children) for c in kids):
        return None   # "the experts I spoke to about the plan": the noun is whom one spoke to, the talk no claim
    if _other_sense(t, lem, kids, L) or _occasion(t, lem, kids, L):
        return None   # "as it contends with the possibility of ...": coping, not saying
    if lem in L["light"] and lem not in L["verbs"] and lem not in L["attitude"]:
        return _light_verb(t, L, kids)
    if lem in L["drawn"] and lem not in L["verbs"] and lem not in L["attitude"]:
        return _drawn(t, L, kids)
    if lem in L["seem"]:
        d = _seems_to(t, kids, L)
        if d is not None:
            return d
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
        if content is None:   # "did not consider the mayor a rival": the small clause parsed as a verbless ccomp
            small = [c for c in kids if c.dep_ == "ccomp" and c.i > t.i and c.pos_ in ("NOUN", "PROPN", "ADJ")
                     and any(g.dep_ == "nsubj" for g in c.children)]
            content = list(small[0].subtree) if small else None
        if content is None and _raised(t, kids, L) is None:   # (or "the plan is regarded as a trap")
            return None
    for c in kids:
        if content is None and c.dep_ == "ccomp" and not _noun_owned(c, L) and not _before_colon(c, t) \
                and not _leading_concession(c, t, kids):
            content = list(c.subtree)
            break
    if content is None and t.dep_ == "xcomp" and lem in L["verbs"] and not any(c.dep_ in ("dobj", "xcomp") for c in kids):
        for c in t.head.children:   # "continues to insist, most recently in ..., that ...": the clause hung
            if c.dep_ == "ccomp" and c.i > t.i and c.left_edge.lower_ == "that":   # on the verb above
                content = list(c.subtree)
                break
    if content is None and _inverted_concession(t, kids):
        content = _host_content(t)   # "While she admitted [pay was the reason], X noted ...": what she admitted
    if content is None and lem not in L["verbs"] and lem not in L["attitude"] and not any(
            c.dep_ == "ccomp" and not _noun_owned(c, L) for c in kids):
        return None   # only its that-clause made it a cue, and that clause is a noun's
    if content is None and lem in L["xcomp"] and not (lem in L["passive"] | L["passive_views"] and any(
            c.dep_ == "auxpass" for c in kids)):   # "turnout is expected to rise": raised, below
        for c in kids:
            if c.dep_ == "xcomp":
                content = list(c.subtree)
                break
    if content is None:   # "told co-host Jo Reyes that ...": the clause hangs on the addressee
        for o in kids:
            if o.dep_ in ("dobj", "dative") and o.i > t.i:
                cl = [x for x in o.children if (x.dep_ == "ccomp" or x.dep_ in ("relcl", "acl") and lem in L["object_never"]) and x.i > o.i
                      and any(m.dep_ == "mark" and m.lower_ == "that" for m in x.children)]
                # (after an addressee, a "relcl" whose "that" is a mark is the verb's complement
                # misparsed: "told a meeting of leaders that few people understood ...")
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
                if (lem, c.lower_) in L["preps_bare"] and any(k.dep_ == "dobj" for k in kids):
                    continue   # "referred her to a specialist": a sending, not a saying
                objs = [g for g in c.children if g.dep_ in ("pobj", "pcomp") and g.ent_type_ not in ("DATE", "TIME")]
                # ("reported on Tuesday that ...": a day, not what was reported on)
                if objs and objs[0].dep_ == "pcomp" and objs[0].lemma_.lower() in L["verbs"] and any(
                        g.dep_ == "ccomp" for g in objs[0].children):
                    continue   # "responded by saying that ...": the saying is the claim
                if objs:
                    content, cue_end_tok = list(objs[0].subtree), c
                    break
            if c.dep_ == "prep" and (lem, c.lower_) in L["preps_spoken"]:   # "did not respond to requests"
                objs = [g for g in c.children if g.dep_ == "pobj" and g.lemma_.lower() in L["nouns"] | L["asked"]]
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
    if content is None and lem in L["purpose_objects"] and t.dep_ == "advcl" and any(
            c.dep_ == "aux" and c.lower_ == "to" for c in kids):   # "met to discuss the drought"
        content = _object_content(t, L)
    if content is None and lem in L["verbs"] and lem not in L["object_never"] and lem not in L["weak"]:
        content = _object_content(t, L)   # the last resort: "Clinton cited it as an example ..."
    if content is None and lem in L["wants"]:   # "Democrats want policies that ..."
        content = _object_content(t, L)
    if content is None and lem in L["publish"]:   # "offered some pointed advice to ..."
        content = _other_cue(t, L, kids)[0]
    if content is None and lem in L["as_view"]:   # "critics regard the program as a loophole"
        content = _object_content(t, L)
    if content is None and L["class"].get(lem) == "belief":   # "he doesn't think so", "I believe so"
        so = [c for c in kids if c.dep_ == "advmod" and c.lower_ == "so" and c.i == t.i + 1]
        if so:
            content = so
    raised = _raised(t, kids, L) if content is None else None
    if raised:
        content = raised
    subj, how = _subject(t, L)
    if raised:
        subj, how = None, "impersonal"   # "the commander is believed to have fled": nobody named believes it
    charged = how == "skip" and lem in L["charges"] and content is not None and cue_end_tok is not t
    if charged:
        subj, how = None, "impersonal"   # "he was accused of fraud": an allegation nobody is named for
    if how == "skip":
        return None
    if lem in L["weak"] and (subj is None or not _speaker(subj, L) and not (
            lem in L["weak_agentive"] and _holder(subj, L)) and not (
            subj.lower_ == "it" and lem in L["weak_it"] and how == "active")) and how != "agent" and not raised:
        return None
    if content is None and lem in L["weak"] and subj is not None and subj.lemma_.lower() in L["docs"]:
        if any(c.dep_ == "dobj" for c in kids):   # "a 2014 study found 31 cases of fraud", "the poll shows
            content = [x for x in t.subtree if x.i > t.i]   # Varga with a lead": the rest of the phrase
    passive_stance = how == "agent" and lem in L["stance"] and t.dep_ != "acl" and any(
        c.dep_ == "nsubjpass" for c in kids) and _holder(subj, L)   # "the nominee was endorsed by three papers"
    if passive_stance and content is None:
        content = list(next(c for c in kids if c.dep_ == "nsubjpass").subtree)
    vbg_advcl = t.tag_ == "VBG" and t.dep_ == "advcl" and lem in L["stance"] | L["intention"] or _after_seem(t, L)
    if lem not in L["verbs"] and not passive_stance and not charged and not raised and (
            how not in ("active", "relative") or subj.i != t.head.i and subj.head.i not in (
                t.i, t.head.i if t.dep_ == "conj" or vbg_advcl else t.i,
                t.head.head.i if t.dep_ == "conj" and t.head.dep_ == "xcomp" else t.i) or (
            t.tag_ in ("VBG", "VBN") and t.dep_ != "acl" and not (t.tag_ == "VBG" and lem in L["stance"])
            and not vbg_advcl and not any(c.dep_ == "aux" for c in kids)) or not (
            _speaker if t.dep_ == "acl" else _mind if lem in L["minds"] else _holder)(
            _antecedent(subj, L) if how == "relative" else subj, L)):
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
    if subj is None and how == "none" and prev is not None and (prev.pos_ in ("PROPN", "PRON") and (
            prev.dep_ not in ("dobj", "pobj", "nsubj") or (prev.dep_ == "pobj" and prev.pos_ == "PROPN"
                                                          and t.dep_ == "ROOT" and content is not None))
            or prev.pos_ == "NOUN" and prev.dep_ == "compound" and prev.head.i == t.i and lem in L["verbs"]):
        # ("..., the candidate's former doctor maintains.": "doctor" parsed as a compound of the verb)
        subj, how = t.doc[t.i - 1], "active"   # a misparsed subject right before the verb
        if subj.dep_ == "pobj":   # "... of the Gazette Ramos said": the name, not the phrase it ends
            d.src, d.src_head = (subj.i, subj.i + 1), subj.i
    if how == "relative":   # "Macron, who has advocated ...": the span is "who", the source its noun
        d.src, d.src_head = (subj.i, subj.i + 1), _antecedent(subj, L).i
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
    if content is None and d.src is not None:   # "that is what the campaign hopes": what the copula's subject is
        content = _what_is(t, kids)
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


def _what_is(t, kids) -> list | None:
    """"That is what the campaign hopes", "that was what Lind said": the verb's object is "what" and its
    clause is what a copula says its subject is; that subject is the content."""
    if t.dep_ != "ccomp" or t.head.lemma_ != "be" or not any(
            c.dep_ == "dobj" and c.lower_ == "what" and c.i < t.i for c in kids):
        return None
    subj = [c for c in t.head.children if c.dep_ == "nsubj" and c.i < t.head.i]
    return list(subj[0].subtree) if subj else None


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
        obj = _main_object(t, L)
        if obj:   # "Nervo rejected that argument", "Japan branded North Korea an outlaw nation"
            span = _chars(obj)
            if span:
                out.append(replace(d, start=span[0], end=span[1]))
            continue
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


def _main_object(t, L) -> list | None:
    """The object of a sentence's own finite reporting verb that found no content elsewhere (no clause,
    no quotation): "the judge rejected that argument", "she declined that assignment", "he has
    proposed nothing that ...", with what is said of it ("branded the rival an outlaw"). Not a
    pronoun ("defended it") nor a claim named before ("NATO rebuffed such claims": that claim is the
    earlier one), not after a verb that only frames a quotation, whose object is never content ("added
    a new layer", "told the panel"; but "called the vote a farce" says something of it) or that puts out
    a document ("offers opportunities"), nor of belief ("she knows the details" is knowledge, not a view)."""
    lem = t.lemma_.lower()
    pred = any(c.dep_ == "oprd" and c.i > t.i for c in t.children)   # "judged America a paper tiger"
    if t.dep_ != "ROOT" or lem in L["quote_only"] | L["publish"] | L["that_except"] or L["class"].get(lem) == "belief" \
            or not pred and (
            lem in L["object_never"] or lem in L["predicate"]) or not (
            t.tag_ in ("VBD", "VBZ", "VBP") or t.tag_ == "VBN" and any(c.dep_ == "aux" for c in t.children)):
        return None
    objs = [c for c in t.children if c.dep_ == "dobj" and c.i > t.i]
    if not objs or objs[0].pos_ == "PRON" and len(list(objs[0].subtree)) == 1 or \
            objs[0].lemma_.lower() in L["back"] | L["nouns"] | L["hearsay"]:
        return None
    last = max((c for c in t.children if c.dep_ in ("dobj", "oprd") and c.i > t.i), key=lambda c: c.i)
    span = _trim(list(t.doc[objs[0].left_edge.i:last.right_edge.i + 1]))
    if not span or any(x.text in _OPEN or x.text in ("\u201d", '"') for x in span):
        return None
    return span


def _light_verb(t, L, kids) -> _Draft | None:
    """A light verb with a reporting noun ("made the case that ...", "raised questions about ...",
    "sounded a call for ...", "made the following comment:"): the subject's claim, the noun's clause or
    phrase the content, the verb to the noun the cue."""
    obj = next((c for c in kids if c.dep_ == "dobj" and c.i > t.i and c.lemma_.lower() in L["light_nouns"]), None)
    if obj is None or obj.i - t.i > 5:
        return None
    content = None
    for c in obj.children:
        if c.i <= obj.i:
            continue
        if c.dep_ in ("acl", "ccomp", "relcl") and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children):
            content = list(c.subtree)
        elif c.dep_ == "prep" and c.lower_ in L["light_preps"]:
            objs = [g for g in c.children if g.dep_ in ("pobj", "pcomp")]
            if objs:
                content = list(objs[0].subtree)
        if content:
            break
    if content is None:   # "raised questions about ...", "made the case to members that ...": on the verb
        for c in kids:
            if c.i > obj.i and c.dep_ == "ccomp" and c.left_edge.lower_ == "that":
                content = list(c.subtree)
            elif c.i > obj.i and c.dep_ == "prep" and c.lower_ in L["light_preps"] - {"of"}:
                objs = [g for g in c.children if g.dep_ in ("pobj", "pcomp")]
                content = list(objs[0].subtree) if objs else None
            if content:
                break
    subj, how = _subject(t, L)
    if subj is None or how not in ("active", "relative") or not _spoken(subj.head.head if how == "relative" else subj, L):
        return None
    d = _Draft(-1, -1, t.idx, obj.idx + len(obj.text), tok=t.i, cue_class="speech")
    if how == "relative":
        d.src, d.src_head = (subj.i, subj.i + 1), subj.head.head.i
    else:
        d.src, d.src_head = source_range(subj), subj.i
    if content is None:
        block = _block_after_colon(t)   # "made the following comment:" and the next paragraph
        if block:
            d.start, d.end = block
            return d
        return None
    span = _chars(content)
    if span is None:
        return None
    d.start, d.end = span
    return d
