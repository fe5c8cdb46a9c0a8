"""A figure's claim across a sentence boundary (called by the quantities stage).

A figure takes the source of the claim whose content holds it. A figure outside any
claim with a source can still be someone's, when the attribution sits in the sentence
next to it and that sentence goes on about the same thing:

- the NEXT sentence names the source and its subject points back at what the figure
  counts ("Up to 6,000 fighters may cross the river. These fighters ... are expected to
  ..., according to the minister"): the subject opens with a demonstrative ("these
  fighters", "this force") or repeats the counted noun ("the fighters"), and the
  attributed claim's content holds that subject;
- the PREVIOUS sentence names the source and the figure's own sentence points back at
  it ("... 2,000 soldiers, the army reported. This buildup marks a rise from the first
  estimate of 500"): the figure is an estimate with no owner of its own (an estimate
  noun of ``data/cues.yaml`` ``figure_estimates`` above it) and the sentence opens with
  a demonstrative subject.

Both sentences must share a paragraph.
"""
from __future__ import annotations

DEMONSTRATIVES = {"this", "these", "that", "those", "such"}


def _estimate_nouns(ctx) -> frozenset:
    from . import hedges
    cues = hedges._cues(ctx)
    if "_figure_estimates" not in cues:
        cues["_figure_estimates"] = frozenset(cues.get("figure_estimates", {}).get("lemmas", ()))
    return cues["_figure_estimates"]


def _opening_subject(sent):
    """The subject of the sentence's main verb when the sentence opens with it, else None."""
    root = sent.root
    subj = next((c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is None:
        return None
    first = next((t for t in sent if not (t.is_punct or t.is_space)), None)
    sub = list(subj.subtree)
    return subj if first is not None and sub[0].i == first.i else None


def _points_back(subj, counted) -> bool:
    """Does this subject refer back ("these troops", "this deployment", "the troops")?"""
    dets = [c.lower_ for c in subj.children if c.dep_ == "det"]
    if subj.lower_ in ("they", "it"):
        return True
    if any(d in DEMONSTRATIVES for d in dets):
        return True
    return counted is not None and "the" in dets and subj.lemma_.lower() == counted.lemma_.lower()


def _same_paragraph(text: str, a: int, b: int) -> bool:
    return "\n" not in text[a:b]


def _sourced(claims, lo: int, hi: int) -> list:
    return [c for c in claims if lo <= c.start < hi and c.source]


def figure_claim(ctx, num_at: int, claims) -> object | None:
    """The claim of an adjacent sentence that gave the figure whose number starts at ``num_at``
    (see the module's docstring), or None."""
    doc, text = ctx.sdoc, ctx.doc.text
    span = doc.char_span(num_at, num_at + 1, alignment_mode="expand")
    if span is None:
        return None
    num = span[0]
    counted = num.head if num.dep_ == "nummod" and num.head.pos_ in ("NOUN", "PROPN") else None
    sent = num.sent
    # the next sentence
    if sent.end < len(doc):
        nxt = doc[sent.end].sent
        subj = _opening_subject(nxt)
        if subj is not None and _same_paragraph(text, sent.end_char, nxt.start_char) and _points_back(subj, counted):
            for c in _sourced(claims, nxt.start_char, nxt.end_char):
                if c.start <= subj.idx < c.end:
                    return c
    # the previous sentence
    if sent.start > 0:
        prev = doc[sent.start - 1].sent
        subj = _opening_subject(sent)
        if subj is None or not _same_paragraph(text, prev.end_char, sent.start_char) or not _points_back(subj, None):
            return None
        est = _estimate_above(num, _estimate_nouns(ctx))
        if est is None:
            return None
        found = _sourced(claims, prev.start_char, prev.end_char)
        return found[0] if found else None
    return None


def _estimate_above(num, nouns):
    """The estimate noun the figure hangs on ("the first estimate of 500 soldiers"), when it has
    no owner of its own (no possessive, no "from"/"by" phrase)."""
    t = num
    for _ in range(4):
        if t.head is t:
            return None
        t = t.head
        if t.pos_ == "NOUN" and t.lemma_.lower() in nouns:
            owned = any(c.dep_ == "poss" or (c.dep_ == "prep" and c.lower_ in ("from", "by")) for c in t.children)
            return None if owned else t
    return None
