"""Where a claim's content ends: at a second attribution inside the clause the parser hung on it.

The parser often hangs a speaker's second reporting verb inside the first one's clause:

- "The mayor said the bridge would reopen and warned that tolls would rise": "warned" is parsed
  as a conjunct of "reopen". It is the mayor's second claim: the first content ends before
  "and", the second claim has the mayor as source, "warned" as cue (``first_report``).
- "The mayor said the bridge would reopen, adding that tolls would rise": the same for a
  participle after a comma ("adding", "arguing", "saying").
- "The mayor said the bridge would reopen, though she conceded that tolls would rise": a
  second reporting verb with a subject of its own after a comma and a conjunction (or after a
  bare "and" when that subject is a name: "... and Moldova accused ...") ends the first content
  too (``_own_subject_report``); the second claim is that subject's.

- "He cited criticism of the anchor, who took heat for his questions": an attribution appended
  after a comma or a dash to a verb's content ends that content (``make_room``).

One attribution per stretch of text (``claims._univocal``) would otherwise drop the second claim,
its cue lying inside the first one's content.
"""
from __future__ import annotations

import re

from .claim_draft import _speaker
from .quotes import words

_SUBJ = ("nsubj", "nsubjpass", "expl", "csubj")
_CLIMB = ("conj", "advcl", "ccomp", "xcomp", "relcl", "pobj", "prep", "dobj", "acl")   # "stressed her support
# of the raid that ... and said ...": "said" hangs on the relative clause inside the object
_ENTER = ("ccomp", "xcomp", "dobj")
_STEPS = 6
_JOIN = frozenset({"but", "though", "although", "while", "whereas", "yet", "and"})   # ", but she noted ..."


def _own_subject(x) -> bool:
    return any(c.dep_ in _SUBJ for c in x.children)


def _participle(x, L) -> bool:
    """', adding that ...': a present participle right after a comma, with a clause of its own (or
    an object, for the verbs whose object is what they say: ', citing the risk'); ', adding a new
    dimension' reports nothing."""
    return x.tag_ == "VBG" and x.i > 0 and x.doc[x.i - 1].text == "," and x.dep_ in ("advcl", "conj", "xcomp") \
        and any(c.dep_ == "ccomp" or c.dep_ == "dobj" and x.lemma_.lower() in L["dobj"] for c in x.children)


def second_report(x, L) -> bool:
    """Can ``x`` be a speaker's second reporting verb? A verb of saying with no subject of its own,
    a conjunct ("and warned") or a participle after a comma (", arguing")."""
    if x.lemma_.lower() not in L["verbs"] or _own_subject(x) or not (x.dep_ == "conj" or _participle(x, L)):
        return False
    return not (x.dep_ == "conj" and x.tag_ == "VBG" and not _participle(x, L))   # "by listing X and
    # blaming Y": a gerund's conjunct


def first_report(x, L):
    """The reporting verb whose clause the parser wrongly made ``x`` part of, when ``x`` is a
    second reporting verb of the same speaker: a verb of saying with no subject of its own,
    a conjunct ("and warned") or a participle after a comma (", arguing"), whose head chain
    enters a reporting verb before it through that verb's clause complement. None else."""
    if not second_report(x, L):
        return None
    if x.dep_ != "conj" and any(c.dep_ == "nsubj" and _speaker(c, L) and c.pos_ != "PRON" for c in x.head.children):
        return None   # "officials met on Monday, urging ...": the participle is the officials'; "factors
        # have contributed to X, citing ..." cannot be the factors'; "X said he doubted Y, arguing ..." is X's
    found, h = None, x
    for _ in range(_STEPS):
        if h.dep_ not in _CLIMB or h.head is h:
            break
        prev, h = h, h.head
        if prev.dep_ in _ENTER and h.i < x.i and h.pos_ in ("VERB", "AUX") and (
                h.lemma_.lower() in L["verbs"]) and _own_subject(h):
            found = h
    return found


def _own_subject_report(x, L) -> bool:
    """', though she noted that ...': a reporting verb with a subject of its own, after a comma
    (or semicolon) and a conjunction, or after the bare conjunction when the subject is a name."""
    lem = x.lemma_.lower()
    if lem not in L["verbs"] and lem not in L["attitude"]:
        return False
    subj = [c for c in x.children if c.dep_ == "nsubj" and c.i < x.i]
    if not subj or subj[0].lower_ in ("who", "which", "that", "what", "it", "there"):
        return False
    k = subj[0].left_edge.i
    doc = x.doc
    if k >= 1 and doc[k - 1].text == ";":
        return True
    return k >= 2 and doc[k - 1].lower_ in _JOIN and (doc[k - 2].text in (",", ";") or subj[0].pos_ == "PROPN"
                                                      or subj[0].tag_ == "NNPS" or subj[0].ent_type_ == "NORP")


def cut(t, content: list, L) -> list:
    """``content`` (the tokens of ``t``'s clause) up to where a second attribution begins."""
    if not content:
        return content
    ids = {x.i for x in content}
    stop = None
    for x in content:
        if x.i <= t.i or x.pos_ not in ("VERB", "AUX") or x.head.i not in ids:
            continue
        f = first_report(x, L)
        if f is not None and f.i == t.i:
            k = x.left_edge.i
        elif _own_subject_report(x, L):
            k = min(c.left_edge.i for c in x.children if c.dep_ == "nsubj")
        else:
            continue
        stop = k if stop is None else min(stop, k)
    if stop is None:
        return content
    out = [x for x in content if x.i < stop]
    while out and (out[-1].is_punct or out[-1].is_space or out[-1].dep_ == "cc" or out[-1].lower_ in _JOIN):
        out = out[:-1]
    return out if len(out) >= 2 else content


_BREAK = re.compile(r",\s|\s--\s|\s[\u2015\u2014]\s|;\s|\s\(")   # where an appended phrase begins
_MIN_WORDS = 1                      # the words an outer content keeps at least before the break
_INNER = ("speech", "belief")       # the appended attributions that make room for themselves


def make_room(doc, text: str, drafts: list) -> list:
    """An attribution appended to another claim's content after a comma or a dash ("He cited
    criticism of the anchor, who took heat for his questions", "Video shows that ..., contradicting
    the police's earlier claim that ...") ends that content: the outer claim keeps what comes before
    the break, the inner one is a claim of its own (PolNeAR's one attribution per stretch of text
    would otherwise leave it out). Not for quotations, nor when little would be left before the break."""
    for o in drafts:
        if o.start < 0 or o.direct or o.phrase or o.tok < 0 or o.src is None:   # verbs with a source only
            continue
        cut_at = o.end
        for d in drafts:
            if d is o or (d.src is None and d.source_name is None) or d.cue_class not in _INNER \
                    or not o.start <= d.cue_start < o.end or d.cue_start == o.cue_start \
                    or d.start <= o.cue_start < d.end:
                continue
            left = min([d.cue_start] + ([d.start] if d.start >= 0 else [])
                       + ([doc[d.src[0]].idx] if d.src else []))
            lo = max(o.start, o.cue_end if o.cue_end <= left else o.start)
            breaks = [m.start() for m in _BREAK.finditer(text, lo, left)]
            if breaks and words(text[o.start:breaks[-1]]) >= _MIN_WORDS:
                cut_at = min(cut_at, breaks[-1])
        if cut_at < o.end:
            o.end = cut_at
    return drafts

