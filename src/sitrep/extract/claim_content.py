"""What a verb's claim says, where the clause complement is not it: the direct object and what
completes it (``_object_content``: "called the charges baseless"), a raised subject and its
infinitive ("X is believed to ..."), the noun a relative clause of a belief modifies, the host clause
of a parenthetical, the paragraph after "X added:", and the tests that a clause is not the verb's
(a reporting noun's that-clause, a sentence before a colon); ``_extend_tail`` keeps a trailing
qualifying phrase ("..., including 500 officers")."""
from __future__ import annotations

import re

from .claim_draft import WH, _longest_run, _text


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
    if t.lemma_.lower() in L["predicate"]:
        for g in t.children:   # "calls Obamacare 'crazy system'": the object parsed a modifier of what is said of it
            if g.dep_ == "oprd" and g.pos_ == "NOUN" and g.left_edge.i == t.i + 1 and any(
                    k.dep_ in ("nmod", "compound") and k.pos_ == "PROPN" and k.i == t.i + 1 for k in g.children):
                return list(g.subtree)
    return None


def _raised(t, kids, L) -> list | None:
    """'X is believed/said/thought to ...' with no agent: X and its infinitive are the content
    of a claim nobody is named for (the lemmas of ``no_subject_needed``)."""
    lem = t.lemma_.lower()
    if lem not in L["passive"] and lem not in L["passive_views"] or not any(c.dep_ == "auxpass" for c in kids) or any(
            c.dep_ == "agent" for c in kids):
        return None
    sp = [c for c in kids if c.dep_ == "nsubjpass" and c.i < t.i]
    if not sp or sp[0].lower_ in ("there", "who", "which", "that"):
        return None
    if lem not in L["passive"] and t.dep_ == "relcl":
        return None   # "the changes lawmakers are expected to consider": the noun is the gap
    xc = [c for c in kids if c.dep_ == "xcomp" and c.i > t.i]
    if xc and sp[0].lower_ != "it":
        return list(sp[0].subtree) + list(xc[0].subtree)
    if lem not in L["passive_views"] or any(c.dep_ in ("ccomp", "csubj") for c in kids):
        return None
    # "the plan is considered a threat", "was dubbed the winner", "was viewed as friendly": the
    # subject and what is said of it (an "it" here is a thing named before, not "it is said that")
    said = [c for c in kids if c.i > t.i and (c.dep_ in ("oprd", "attr", "acomp", "xcomp") or (
        c.dep_ == "prep" and c.lower_ == "as" and any(g.dep_ in ("pobj", "pcomp", "amod", "acomp") for g in c.children)))]
    if not said:
        return None
    return [x for x in t.doc[sp[0].left_edge.i:said[-1].right_edge.i + 1]]


def _noun_owned(c, L) -> bool:
    """Is this that-clause the content of the reporting noun right before it ("a report that
    ...") rather than of the verb the parser hung it on?"""
    first = c.left_edge
    if first.lower_ != "that" or first.i == 0:
        return False
    prev = c.doc[first.i - 1]
    return prev.pos_ == "NOUN" and prev.lemma_.lower() in L["nouns"] and prev.i > c.head.i


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
