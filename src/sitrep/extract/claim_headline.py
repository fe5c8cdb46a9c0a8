"""Claims in a title-case headline ("Retired General Reveals 'Demoralizing' Experience", "Obama
Sees 'Personal Insult' If ..."): the small model takes most capitalised words for names and
misses the verb. The headline -- the text's first line, when most of its words are capitalised --
is parsed again in sentence case (``headline_case``), a word keeping its capital only where the body
writes it so (a name: "Trump", "Obama"); lowering a letter keeps every offset, so the reporting verbs found
in that parse give drafts over the text itself, their source tokens mapped back to the
document's parse."""
from __future__ import annotations

from dataclasses import replace

from .claim_draft import _chars, _lex
from .claim_verbs import _from_verb
from .headline_case import headline_span, parse_line, sentence_case


def setup(nlp, resources: dict) -> None:
    resources.setdefault("headline_nlp", nlp)


def headline_drafts(ctx, taken: list) -> list:
    """Drafts from the sentence-case parse of a title-case headline whose cue no other draft
    with a content has (``taken``: the drafts found so far; a cue the document's parse found with
    no content, "..., Former Aide Says", gives way to the headline's draft, see ``claims.py``)."""
    nlp = ctx.resources.get("headline_nlp")
    text = ctx.doc.text
    span = headline_span(text)
    if nlp is None or span is None:
        return []
    a, b = span
    L = _lex(ctx)
    hd = parse_line(ctx, nlp, sentence_case(text[a:b], text[b:]))
    doc = ctx.sdoc
    out = []
    for t in hd:
        if t.pos_ not in ("VERB", "AUX"):
            continue
        lem = t.lemma_.lower()
        if lem not in L["verbs"] and lem not in L["attitude"] and lem not in L["other_cues"] and lem not in L["light"]:
            continue
        d = _from_verb(t, L)
        if d is None or d.src is None or d.src_head is None:
            continue   # the headline's claim needs its source
        if d.start < 0:   # "Mayor Speaks 'Directly To Ferry Crews'", "Chief Backs Port Plan": the rest of the line
            rest = _chars([x for x in t.subtree if x.i > t.i and not d.src[0] <= x.i < d.src[1]])
            if rest is None or len(hd.char_span(*rest, alignment_mode="expand")) < 2:
                continue
            if d.cue_class == "belief" and not any(q in text[a + rest[0]:a + rest[1]] for q in "'\"\u2018\u2019\u201c\u201d"):
                continue   # "... As He Recognizes Major Holiday": a belief verb with no clause holds a view
                # only of words it quotes ("Mayor Sees 'Grave Insult' In Vote")
            d.start, d.end = rest
        src = hd[d.src[0]:d.src[1]]
        mapped = doc.char_span(a + src.start_char, a + src.end_char, alignment_mode="expand")
        head = doc.char_span(a + hd[d.src_head].idx, a + hd[d.src_head].idx + 1, alignment_mode="expand")
        if mapped is None or head is None or not len(mapped) or not len(head):
            continue
        if any(o.cue_start < a + d.cue_end and a + d.cue_start < o.cue_end for o in taken):
            continue   # the document's own parse found this claim
        out.append(replace(d, src=(mapped.start, mapped.end), src_head=head.start, tok=-1,
                           start=a + d.start, end=a + d.end, cue_start=a + d.cue_start, cue_end=a + d.cue_end))
    return out
