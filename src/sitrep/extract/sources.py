"""Sources for the claims stage: from a source span to a name.

The name is the canonical actor of the entities stage when an entity mention
overlaps the span (the mention holding the span's head first); else the name
spaCy's NER gives the head ("Pentagon press secretary Pat Ryder" -> "Pat
Ryder"), else the span's text without a leading "the"/"some". A pronoun
("he said") takes the person named last before it; "who" the noun it stands
for. Conjoined names ("Blinken and Austin said") give one claim each.
"""
from __future__ import annotations

from dataclasses import replace

PRONOUNS = {"he", "she", "they", "it", "we", "i", "him", "her", "them", "his", "their", "its"}


def source_range(tok, full: bool = True) -> tuple[int, int]:
    """The source phrase of a subject head: its whole subtree, appositions and relative
    clauses included ("Jonathan Monten, a foreign policy analyst at ...", "a senior official
    who spoke on condition of anonymity"); with ``full=False`` cut before an apposition or
    relative clause after a proper name (the part a name is read from)."""
    if tok.lower_ in PRONOUNS:
        return tok.i, tok.i + 1
    sub = list(tok.subtree)
    lo, hi = sub[0].i, sub[-1].i + 1
    if not full and (tok.pos_ == "PROPN" or tok.ent_type_):
        for t in sub:
            if t.i > tok.i and (t.text == "," or t.dep_ in ("appos", "relcl", "acl")):
                hi = t.i
                break
    while lo < hi and tok.doc[lo].is_punct:
        lo += 1
    while hi > lo and (tok.doc[hi - 1].is_punct or tok.doc[hi - 1].dep_ == "case"):
        hi -= 1
    return lo, hi


def resolve(ctx, d, L, named_before) -> tuple[str | None, str | None, str, int | None, int | None]:
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
        i, j = source_range(head, full=False)
        a, b = doc[i].idx, doc[j - 1].idx + len(doc[j - 1].text)
        if head.lower_ in PRONOUNS:
            ante = named_before(a, head.lower_)
            if ante:
                return ante[0], ante[1], "named", sa, sb
    elif head.lower_ not in PRONOUNS:   # the name is read from the phrase without its apposition
        ni, nj = source_range(head, full=False)
        if i <= ni and nj <= j:
            i, j = ni, nj
            a, b = doc[i].idx, doc[j - 1].idx + len(doc[j - 1].text)
    hit = None
    if head.pos_ == "NOUN" and i <= head.i < j:   # "officials, wary of Trump's plans": not Trump
        b = min(b, head.idx + len(head.text))
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
        return _fuller(doc, head, hit, L), hit.code, kind, sa, sb
    if kind != "document" and (head.pos_ != "PROPN" or span_words & {"anonymity", "anonymous", "unnamed"}):
        kind = "anonymous" if (span_words & L["anon"] or head.pos_ in ("NOUN", "PRON")) else "named"
    return _fallback_name(ctx, i, j, head), None, kind, sa, sb


def _fuller(doc, head, hit, L) -> str:
    """The entity's name, or the full proper name around the head when NER kept only part of
    it ("Ana Petrovic" with the mention "Petrovic") and the dictionary gave no canonical
    name: the head's run of proper-noun compounds, titles ("President") left out."""
    if head.pos_ != "PROPN":
        return hit.name
    lo = head.i
    while lo > 0 and doc[lo - 1].pos_ == "PROPN" and doc[lo - 1].dep_ == "compound" \
            and doc[lo - 1].head.i in range(lo, head.i + 1) and doc[lo - 1].lemma_.lower() not in L["speakers"]:
        lo -= 1
    full = doc[lo:head.i + 1].text
    if lo < head.i and full.endswith(hit.name) and len(full) > len(hit.name):
        return full
    return hit.name


def _strip(text: str, a: int, b: int) -> tuple[int, int]:
    """A span without the whitespace (no-break spaces included) at its ends."""
    while a < b and text[a].isspace():
        a += 1
    while b > a and text[b - 1].isspace():
        b -= 1
    return a, b


def ents(ctx) -> list:
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
    inside = [e for e in ents(ctx) if e.start >= i and e.end <= j and e.label_ in ("PERSON", "ORG", "GPE", "NORP", "FAC")]
    for e in inside:
        if e.start <= head.i < e.end and e.label_ != "NORP":
            lo = e.start
            if e.end - e.start == 1 and lo - 1 >= i and doc[lo - 1].pos_ == "PROPN" and doc[lo - 1].dep_ == "compound":
                lo -= 1   # NER kept only the surname of "Ana Petrovic"
            return doc[lo:e.end].text.strip()
    if head.pos_ == "NOUN" and head.lemma_.lower() in ("spokesperson", "spokesman", "spokeswoman", "office") and inside:
        inner = [e for e in inside if e.start > head.i and e.label_ != "NORP"]
        if len(inner) == 1:
            return inner[0].text.strip()
    while i < j - 1 and doc[i].lower_ in _DROP_DET:
        i += 1
    return doc[i:j].text.strip()


def split_conjoined(doc, drafts: list) -> list:
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
        out.append(replace(d, src=(lo, first_end)))
        for c in conj:
            sub = [x for x in c.subtree if not any(x.i >= cc.left_edge.i for cc in c.children if cc.dep_ == "conj")]
            out.append(replace(d, src=(sub[0].i, sub[-1].i + 1), src_head=c.i))
    return out
