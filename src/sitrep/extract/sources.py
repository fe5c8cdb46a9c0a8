"""Sources for the claims stage: from a source span to a name.

The name is the canonical actor of the entities stage when an entity mention
overlaps the span (the mention holding the span's head first); else the name
spaCy's NER gives the head ("Pentagon press secretary Pat Ryder" -> "Pat
Ryder"), else the span's text without a leading "the"/"some". A pronoun
("he said") takes the person named last before it; "who" the noun it stands
for. A possessive source names the role or body the possessor has ("the Kremlin's
spokesman", coded RUS; "Kesh's emergency service"), or the person in apposition to it; the
possessor alone only when its noun cannot speak or is a document ("Kesh's statement").
Coordinated sources ("Blinken and Austin said", "according to the governor and the mayor")
give one claim each, and each claim names the others (``co_sources``).
"""
from __future__ import annotations

from dataclasses import replace

UNNAMED_WORDS = frozenset({"anonymity", "anonymous", "unnamed", "unidentified"})  # a source said to be unnamed

PRONOUNS = {"he", "she", "they", "it", "we", "i", "him", "her", "them", "his", "their", "its"}


def source_range(tok, full: bool = True) -> tuple[int, int]:
    """The source phrase of a subject head: its whole subtree, appositions and relative
    clauses included ("Jonathan Monten, a foreign policy analyst at ...", "a senior official
    who spoke on condition of anonymity"), but not a participle set off by commas ("the general,
    speaking to reporters, said": unless it tells the source is anonymous); with ``full=False`` cut before an apposition or
    relative clause after a proper name (the part a name is read from)."""
    if tok.lower_ in PRONOUNS:
        return tok.i, tok.i + 1
    sub = list(tok.subtree)
    lo, hi = sub[0].i, sub[-1].i + 1
    for c in tok.children:   # "the general, speaking to reporters, said": the aside is how, not who
        if c.i > tok.i and c.dep_ in ("acl", "advcl") and c.tag_ == "VBG" and c.left_edge.i > 0 \
                and tok.doc[c.left_edge.i - 1].text == "," and not any(
                    w.lower_ in ("anonymity", "anonymous") for w in c.subtree):
            hi = min(hi, c.left_edge.i - 1)
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
    if head.lower_ == "others" and j - i == 1:   # "Some European lawmakers ..., while others ...": lawmakers
        some = next((t.head for t in doc[head.sent.start:head.i] if t.lower_ == "some" and t.dep_ == "det"
                     and t.head.pos_ == "NOUN"), None)
        if some is not None:
            si, sj = source_range(some, full=False)
            return _fallback_name(ctx, si, sj, some), None, "anonymous", sa, sb
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
    others = [(doc[x].idx, doc[y - 1].idx + 1) for (x, y), _h in d.co_src if (x, y) != d.src]
    hit_m = None
    for e in ctx.records.entities:
        for m in e.mentions:
            if m.start < b and a < m.end and not any(m.start < y and x < m.end for x, y in others):
                # (a mention running into another joint source is two names read as one)
                if m.start <= head.idx < m.end or hit is None:
                    hit, hit_m = e, m
    lem = head.lemma_.lower()
    kind = "document" if lem in L["docs"] else "named"
    if kind == "document" and hit is not None and hit.type == "ORG" and hit_m.start <= head.idx < hit_m.end:
        kind = "named"   # "Kyiv's military intelligence said": a body whose name ends in a document word
    span_words = {t.lower_ for t in doc[i:j]}
    if hit is not None and _modifier_only(doc, head, hit_m):
        kind = "anonymous" if kind != "document" else kind   # "a Velmar medic": a medic, not Velmar
        return _fallback_name(ctx, i, j, head), hit.code, kind, sa, sb
    if hit is not None and kind != "document" and _possessed(doc, head, hit_m, L):
        # "the Kremlin's spokesman", "Kesh's emergency service": the role or body speaks, for the state
        named = _apposed_person(ctx, doc, head, j)
        if named is not None:   # "Kesh's foreign minister, Mira Tolan, said": the person named
            return named.name, named.code, "named", sa, sb
        many = head.tag_ in ("NNS", "NNPS") or span_words & UNNAMED_WORDS
        return _fallback_name(ctx, i, j, head), hit.code, "anonymous" if many else "named", sa, sb
    if hit is not None:
        if span_words & UNNAMED_WORDS:
            kind = "anonymous"
        return _fuller(doc, head, hit, L), hit.code, kind, sa, sb
    if kind != "document" and (head.pos_ != "PROPN" or span_words & {"anonymity", "anonymous", "unnamed"}):
        kind = "anonymous" if (span_words & L["anon"] or head.pos_ in ("NOUN", "PRON")) else "named"
    return _fallback_name(ctx, i, j, head), None, kind, sa, sb


def _modifier_only(doc, head, m) -> bool:
    """The entity mention only describes a common noun that speaks ("a Velmar medic", "Russian
    officials"): it stands before the noun and all its words modify it (adjective or compound),
    so the source is the described person or group, not the state or body named."""
    if head.pos_ != "NOUN" or m is None or m.end > head.idx:
        return False
    toks = [t for t in doc[head.left_edge.i:head.i] if m.start <= t.idx < m.end]
    return bool(toks) and all(t.dep_ in ("amod", "compound") and t.head.i == head.i
                              or t.head.i != head.i and m.start <= t.head.idx < m.end for t in toks)


def _possessed(doc, head, m, L) -> bool:
    """The entity mention is only the possessor of a common noun that can speak ("the Kremlin's
    spokesman", "Kesh's emergency service", "Putin's aides"): all its words lie in a possessive
    of that noun, so the source is the role or body the possessor has, not the possessor
    ("Kesh's war" is no speaker, and a document keeps its owner as the source)."""
    from .claim_draft import _speaker
    if head.pos_ != "NOUN" or m is None or m.end > head.idx or not _speaker(head, L):
        return False
    owners = [c for c in head.children if c.dep_ == "poss" and c.i < head.i and c.lower_ not in PRONOUNS]
    if not owners:
        return False
    toks = [t for t in doc[head.left_edge.i:head.i] if m.start <= t.idx < m.end]
    return bool(toks) and all(any(o.left_edge.i <= t.i <= o.i for o in owners) for t in toks)


def _apposed_person(ctx, doc, head, j):
    """The person entity named in apposition to the source's head ("the minister, Ada Brenn"), or None."""
    apps = [c for c in head.children if c.dep_ == "appos" and head.i < c.i < j]
    for e in ctx.records.entities:
        if e.type == "PERSON" and any(m.start <= a.idx < m.end for m in e.mentions for a in apps):
            return e
    return None


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
    name = doc[i:j].text.strip()
    return name.split(" (")[0].strip() or name   # "Ana Merk (D-Ore.)": the name, not its bracket


def split_conjoined(doc, drafts: list, L: dict | None = None) -> list:
    """One draft per source of a joint attribution ("Blinken and Austin said", "X, Y and Z
    warned", "according to the governor and the mayor"), each keeping the whole group in
    ``co_src``; once resolved, ``joint_sources`` says which of them make a claim and names
    the others of each. Only sources that can speak are split ("officials in Riga and
    Vilnius" is one source: the "and" is inside its phrase)."""
    out = []
    for d in drafts:
        group = _joint_sources(doc, d, L) if d.src is not None and not d.source_name else None
        if not group:
            out.append(d)
            continue
        for span, h in group:
            out.append(replace(d, src=span, src_head=h, co_src=tuple(group)))
    return out


def _joint_sources(doc, d, L) -> list | None:
    """[((i, j), head), ...] of the sources coordinated in the draft's source span, in text
    order, or None when the span holds one source."""
    from .claim_draft import _speaker
    lo, hi = d.src
    head = doc[d.src_head] if d.src_head is not None else None
    if head is None or not lo <= head.i < hi:
        return None

    if any(t.text in _QUOTES for t in doc[lo:hi]):
        return None   # a "source" running over a quotation mark is a misparse

    def can_speak(t) -> bool:   # a name, a speaker noun or a plural ("developers"), a person pronoun
        if t.pos_ == "PROPN":
            return True
        return L is not None and (_speaker(t, L) or t.pos_ == "NOUN" and t.tag_ in ("NNS", "NNPS"))

    def same_person(c) -> bool:   # "the former secretary of state and current nominee": two titles
        own = any(g.dep_ in ("det", "poss", "nummod") for g in c.children)
        return c.pos_ == "NOUN" and c.tag_ == "NN" and not own and \
            any(g.dep_ in ("det", "poss") for g in head.children)

    members = _joined_appositions(doc, head, lo, hi) or [head]
    todo = list(members)
    while todo:   # conjuncts, chained or not; a list read as an apposition ("X, Y and Z")
        m = todo.pop()
        for c in m.children:
            listed = c.dep_ == "appos" and c.pos_ == "PROPN" and m.pos_ == "PROPN" and \
                any(g.dep_ in ("cc", "conj") for g in c.children)
            if (c.dep_ == "conj" or listed) and c.i > m.i and can_speak(c) and not same_person(c):
                members.append(c)
                todo.append(c)
                hi = max(hi, c.right_edge.i + 1)   # "He and his deputy": the pronoun's span was one word
    sib = _sibling_subject(doc, head, hi)
    if sib is not None and can_speak(sib):   # "Marta Kolar, the mayor, and Ivo Brandt said": two subjects
        members.append(sib)
        hi = sib.right_edge.i + 1
    if len(members) < 2 or not can_speak(head):
        return None
    members.sort(key=lambda t: t.i)
    spans: list[list] = []
    for k, m in enumerate(members):
        a = lo if k == 0 else _left_edge(m, members)
        b = _left_edge(members[k + 1], members) if k + 1 < len(members) else hi
        e = b
        while e > a and _separator(doc[e - 1]):
            e -= 1
        if spans and spans[-1][2] == a:   # nothing between: one name read as two conjuncts ("Ilse Marr")
            spans[-1][1:] = [m, e, b]
            continue
        spans.append([a, m, e, b])
    if len(spans) < 2:
        return None
    return [((a, e), m.i) for a, m, e, _ in spans if e > a]


_QUOTES = set('"\u201c\u201d\u2018\u2019\u00ab\u00bb')


def _separator(t) -> bool:
    """A word or mark between joint sources: "and", a comma (a closing bracket ends a source)."""
    return t.dep_ == "cc" or (t.is_punct and t.text not in ")]}" and t.text not in _QUOTES)


def _joined_appositions(doc, head, lo: int, hi: int) -> list:
    """Names in apposition to one title and joined by "and" ("the foreign minister Ada Brenn
    and defence minister Oskar Vale", parsed as two appositions of "minister"): the names."""
    apps = [c for c in head.children if c.dep_ == "appos" and c.pos_ == "PROPN" and lo <= c.i < hi]
    for x, y in zip(apps, apps[1:]):
        gap = [t for t in doc[x.i + 1:y.left_edge.i] if not (t.dep_ == "cc" or t.is_punct)]
        if not any(t.dep_ == "cc" for t in doc[x.i + 1:y.left_edge.i]) or any(t.head.i != x.i for t in gap):
            return []
    return apps if len(apps) >= 2 else []


def _sibling_subject(doc, head, hi: int):
    """A second subject of the source's verb after it, joined by "and" ("X, the mayor, and Y
    said", parsed as two subjects), or None."""
    if head.dep_ not in ("nsubj", "nsubjpass"):
        return None
    for s in head.head.children:
        if s.dep_ == head.dep_ and s.i > head.i:
            e = hi
            while e > head.i + 1 and (doc[e - 1].dep_ == "cc" or doc[e - 1].is_punct):
                e -= 1
            gap = doc[e:s.left_edge.i]
            if len(gap) and all(t.dep_ == "cc" or t.is_punct for t in gap) and any(t.dep_ == "cc" for t in gap):
                return s
    return None


def _left_edge(tok, members) -> int:
    """Where a conjunct's phrase begins (its left edge, without an earlier conjunct in it)."""
    lo = tok.left_edge.i
    for m in members:
        if lo <= m.i < tok.i:
            lo = m.i + 1
    return lo


def joint_sources(ctx, resolved: list) -> tuple[list, list[tuple]]:
    """Resolved drafts ``(d, name, code, kind, start, end)`` -> (the drafts that make a
    claim, and per claim the ``SourceRef`` of the other sources of its joint attribution).
    Each named source of a joint attribution makes a claim of its own ("Blinken and Austin
    said": two claims, each naming the other); unnamed ones are only co-sources ("Cruz and
    his aides": Cruz's claim, with "his aides"), and a group with no named source makes one
    claim, by the first ("the governor and the mayor": the governor's, with the mayor)."""
    from ..model import SourceRef
    text = ctx.doc.text
    at, groups = {}, {}
    for r in resolved:
        d, name, code, kind, a, b = r
        if d.co_src and name is not None and a is not None:
            key = (d.start, d.end, d.cue_start, d.co_src)
            at[key + (d.src,)] = SourceRef(name=name, start=a, end=b, text=text[a:b], code=code, kind=kind,
                                           entity_id=_entity_id(ctx, name, a, b))
            groups.setdefault(key, []).append(r)
    keep = set()
    for rs in groups.values():
        named = [r for r in rs if r[3] == "named"]
        keep.update(id(r) for r in (named or rs[:1]))
    out, co = [], []
    for r in resolved:
        d = r[0]
        if d.co_src and id(r) not in keep and (d.start, d.end, d.cue_start, d.co_src) in groups:
            continue
        refs = [at.get((d.start, d.end, d.cue_start, d.co_src, src)) for src, _h in d.co_src if src != d.src]
        out.append(r)
        co.append(tuple(x for x in refs if x is not None))
    return out, co


def _entity_id(ctx, name: str, a: int, b: int) -> str | None:
    """The entity record whose mention lies in the span and whose name the source took."""
    for e in ctx.records.entities:
        if any(m.start < b and a < m.end for m in e.mentions) and e.name == name:
            return e.id
    return None
