"""Stage: attributed claims -- who said what, how, and how the text hedges it.

Rules over the spaCy parse, with the cue words as data (``data/cues.yaml``):

- reporting verbs: the clause complement (ccomp; xcomp for promises and
  calls; the object for verbs such as "reported the downing of ...") is the
  content, the subject the source. No subject: the subject of the verb it
  hangs on ("..., claiming that ..."), the noun a relative clause modifies
  ("the ministry, which estimated that ..."), the agent of a passive ("as
  reported by X"), the main clause's subject for a gerund after a preposition ("After saying ...,
  she was taken to ..."), or none for impersonal passives ("it was reported that").
  "Officials were quoted as saying ..." keeps "officials". A parenthetical
  verb ("This, Monten argues, is ...") takes its host clause as content. An
  infinitive after an object takes the object as its speaker ("forced X to
  admit that ...", "led X to fear ..."); "X appeared to blame ..." is X's claim
  with the pair as cue. A belief or stance verb in a relative clause whose gap
  is its object ("the leader that X admires") has the noun as content.
- belief, intention and stance verbs ("believes", "plans to", "backs the plan"; the
  ``attitude_verbs`` of cues.yaml) and any other verb with a that-clause ("the panel
  determined that ...") make claims when their own subject can hold a view; the
  claim's ``cue_class`` says which (speech, belief, intention, stance, other). Inside
  the content of a speech claim they are part of it ("she said she hopes ...": one claim).
- a speech cue with a source but no content where the parse should hang it takes the
  rest of its phrase ("tweeted late on Sunday that ...") unless a quotation took it; a sentence's own
  finite reporting verb takes its object ("the judge rejected the appeal").
- a line opened by a name and a colon ("Pence: ...", "WALLACE: ...") is the name's claim.
- "according to X" and "as reported by X": the rest of the clause is the content.
- reporting nouns with a that-clause ("Trump's assurances that ...", "claims
  that ...") or hearsay nouns ("reports of ...", "reports indicate that ...").
- hearsay adverbs ("reportedly", "allegedly") make a claim with no source.
- beyond verbs of saying (``claim_verbs.py``, ``claim_stance.py``): "what X called Y" (part of
  the claim around it when there is one), view verbs with an as-predicate ("regard X as Y"),
  "seems"/"appears" (no source), passive views with no agent ("the plan is considered a threat", no
  source), putting out a document ("released an ad attacking ..."), "as X
  put it", feelings voiced about something ("expressed concern about ..."), a trailing ", X told
  the Post." taking the clause before, stance adjectives ("critical of", "afraid that"), "it is
  clear that" (no source), owned stance nouns ("his adulation of", "X is an opponent of Y") and
  "in the latest poll" / "in his eyes" (the phrase is the source).
- direct quotations (straight or curly quote marks, over several sentences or
  paragraphs): attributed by a reporting verb just after the closing mark
  ('," said X.' / '," he said') or before the opening one ('X said: "...'), else
  by the quotation next to it in the same paragraph. A quotation broken by its
  attribution ('"...," he explained, "and ..."') is one claim.

One attribution per stretch of text: a claim with a source whose cue lies inside another
claim's content is that claim's to report and is left out ("The envoy said the rebels claimed
the town" is the envoy's claim); a sourceless hedge ("reportedly") inside a content stays. A
title-case headline is re-read in sentence case for its reporting verb (``claim_headline.py``).
A content ends where a second attribution begins ("said X and warned that Y", "said X, adding
that Y", "..., though she conceded that Y", "cited X, which Y called Z"): ``claim_bounds.py``.

Verbs of saying used in another sense make no claim ("failed to show up", "show signs of", "questioned
the witness", "let's say", "it goes without saying": ``claim_verbs._other_sense``), nor does a leading
participle that only tells the occasion of the saying ("Giving a speech in X, the mayor said ...").
A cue's verb group -- the auxiliaries, negation and adverbs before the verb ("has long said") -- is
given as ``cue_group_start``; ``cue`` keeps the bare verb.

The source is resolved to the canonical actor of the entities stage where an
entity mention overlaps the source span; else it stays the text of the span
("a senior official who spoke on condition of anonymity"). Pronoun sources
("he said") take the person named last before them. The hedge comes from
``hedges.py``: the cue itself ("denied", "has not confirmed"), cues whose
scope holds the content, and a later sentence pointing back at the claim.
Quotations live in ``quotes.py``, source names in ``sources.py``; the verb rules in
``claim_verbs.py``, the noun, "according to" and layout rules in ``claim_nouns.py``, the
shared draft and cue sets in ``claim_draft.py``.
"""
from __future__ import annotations

from typing import Iterator

from ..model import Claim, record_id
from . import claim_bounds, claim_headline, hedges
from .claim_draft import WH, _Draft, _chars, _holder, _lex, _longest_run, _speaker, _text, _that_clause, _trim  # noqa: F401
from .claim_nouns import _colon_lines, _dash_signatures, _from_according, _from_noun, _noun_verb  # noqa: F401
from .claim_stance import _from_adjective, _from_in
from .claim_verbs import _block_after_colon, _extend_tail, _from_verb, _object_content, _subject, _unquoted_rest  # noqa: F401
from .context import Context
from .quotes import attach_quotes, find_quotes, words
from .sources import ents, joint_sources, resolve, split_conjoined


def setup(nlp, resources: dict) -> None:
    hedges.setup(nlp, resources)
    claim_headline.setup(nlp, resources)


def find_claims(ctx: Context) -> Iterator[Claim]:
    L = _lex(ctx)
    doc, text = ctx.sdoc, ctx.doc.text
    if "sitrep_text" not in doc.user_data and len(doc) and \
            doc[-1].idx + len(doc[-1].text_with_ws) == len(text):
        doc.user_data["sitrep_text"] = text   # the parse is of this text: spare ``Doc.text`` its rebuild
    quotes = find_quotes(text)
    long_quotes = [q for q in quotes if words(text[q.a:q.b]) >= 4]

    inside = bytearray(len(text) + 1)   # 1 where a character is inside a long quotation
    for q in long_quotes:
        inside[q.a:q.b] = b"\x01" * (q.b - q.a)

    drafts: list[_Draft] = []
    bare: list[_Draft] = []              # cues with a source but no content (quote attributions)
    hearsay: list = []                   # (draft of a hearsay adverb, token index of the verb it modifies)
    verbs, attitude, that_except, nouns, adverbs = L["verbs"], L["attitude"], L["that_except"], L["nouns"], L["adverbs"]
    # the only tokens that can be cues: verbs, "according", reporting nouns, hearsay adverbs
    more = L["stance_adj"] | L["impersonal_adj"] | L["stance_nouns"]
    for i in hedges.token_hits(ctx, adverbs | {"according", "in"}, nouns | more | verbs | L["stance"] | L["intention"], ("VERB", "AUX")):
        t = doc[i]
        if inside[t.idx]:
            continue
        pos = t.pos_
        if pos == "VERB" and t.tag_ in ("VBN", "VBD") and t.lower_ in L["stance_adj"] and (t.dep_ in ("acomp", "advcl") or any(
                c.dep_ == "auxpass" for c in t.children)):
            d = _from_adjective(t, L)   # "is convinced that ...", "came away convinced that ...": tagged a verb
            if d:
                drafts.append(d)
                continue
        if pos in ("VERB", "AUX"):
            lem = t.lemma_.lower()
            if lem in verbs or lem in attitude or lem in L["other_cues"] or lem in L["light"] or lem in L["phrasal_lemmas"] or (
                    lem not in that_except and _that_clause(t)):
                d = _from_verb(t, L)
                if d is not None:
                    (drafts if d.start >= 0 else bare).append(d)
                continue
        low = t.lower_
        if low == "according" and t.i + 1 < len(doc) and doc[t.i + 1].lower_ == "to":
            d = _from_according(t)
            if d:
                drafts.append(d)
        elif pos == "NOUN" and (t.lemma_.lower() in nouns or t.lemma_.lower() in L["stance_nouns"]):
            d = _from_noun(t, L)
            if d:
                drafts.append(d)
        elif pos == "NOUN" and t.dep_ == "ROOT":
            d = _noun_verb(t, L)   # "Trump charges that ...": the verb tagged a plural noun
            if d:
                drafts.append(d)
        elif pos == "ADJ" or low == "in":
            d = _from_adjective(t, L) if pos == "ADJ" else _from_in(t, L)
            if d:
                drafts.append(d)
        elif low in adverbs and pos == "ADV":
            a, b = hedges._clause_scope(t)
            if b - a > len(t.text) + 3:
                drafts.append(_Draft(a, b, t.idx, t.idx + len(t), hedge="reported", hedge_cue=t.text))
                hearsay.append((drafts[-1], t.head.i))
    if hearsay:   # "he apparently believed ...": the adverb is part of the verb's cue, not a claim of its own
        sourced = {d.tok for d in drafts if d.src is not None and d.tok >= 0}
        gone = {id(d) for d, head in hearsay if head in sourced}
        drafts = [d for d in drafts if id(d) not in gone]
    drafts.extend(_colon_lines(doc, text, L))
    heads = claim_headline.headline_drafts(ctx, drafts)
    if heads:   # the sentence-case parse of a title-case headline reads its verb better than the document's
        bare = [b for b in bare if not any(h.cue_start < b.cue_end and b.cue_start < h.cue_end for h in heads)]
    drafts.extend(heads)
    bare.extend(_dash_signatures(doc, text, quotes))
    bare.sort(key=lambda d: d.cue_start)
    attach_quotes(text, quotes, drafts, bare)
    drafts.extend(_unquoted_rest(doc, drafts, bare, L))
    drafts = _univocal(doc, claim_bounds.make_room(doc, text, _nested(_dedup(drafts))), L)
    notes = _boilerplate(text, L)
    if notes:
        drafts = [d for d in drafts if not any(a <= d.cue_start < b for a, b in notes)]
    yield from _finish(ctx, drafts, L)



def _boilerplate(text: str, L) -> list[tuple[int, int]]:
    """The lines a publisher appends to its articles ("Editor's note: ...", ``boilerplate_lines``):
    (start, end) of each; no claim is read from them."""
    low = text.lower()
    out = []
    for opener in L["boilerplate"]:
        k = low.find(opener)
        while k >= 0:
            if k == 0 or text[k - 1] == "\n":
                end = text.find("\n", k)
                out.append((k, len(text) if end < 0 else end))
            k = low.find(opener, k + 1)
    return out


def _nested(drafts: list[_Draft]) -> list[_Draft]:
    """A belief, intention or stance inside what someone is said to have said is part of that
    claim, not one of its own ("She said she plans to ..." is one claim, by "said"); so is a
    phrase's attribution inside any claim ("X condemned what Y called 'a breach'")."""
    speech = [d for d in drafts if d.cue_class == "speech" and d.start >= 0]
    return [d for d in drafts if (d.cue_class == "speech" and not d.phrase) or not any(
        s.start <= d.cue_start < s.end and s.cue_start != d.cue_start for s in (drafts if d.phrase else speech))]


def _univocal(doc, drafts: list[_Draft], L) -> list[_Draft]:
    """One attribution per stretch of text: a claim whose cue lies inside another claim's content is
    that claim's to report ("The envoy said the rebels claimed the town": the envoy's claim, whose
    content names the rebels' claim), and is left out, unless the other claim's cue lies inside its
    own content in turn (two claims around each other: neither is nested). A claim with no source
    stays ("..., the convoy reportedly crossed ...": a hedge on part of the content, no second speaker),
    and so does what a document named in it says ("published a statement criticizing the port
    authority": the statement's claim is the news, its publication the frame)."""
    return [d for d in drafts if (d.src is None and d.source_name is None) or not any(
        o is not d and o.start <= d.cue_start < o.end and o.cue_start != d.cue_start
        and not d.start <= o.cue_start < d.end for o in drafts) or (
        d.tok >= 0 and _acl_of(doc[d.tok]).dep_ == "acl" and _acl_of(doc[d.tok]).head.i == d.src_head
        and doc[d.src_head].lemma_.lower() in L["docs"])]


def _acl_of(t):
    """The first of a run of conjoined verbs ("a statement welcoming X and calling for Y": welcoming)."""
    while t.dep_ == "conj" and t.head is not t:
        t = t.head
    return t


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
    for d in split_conjoined(doc, drafts, L):
        skip = (d.start, d.end)
        name, code, kind, a, b = resolve(ctx, d, L, named_before)
        if name is not None and name.lower() in ("this", "that") and \
                doc.char_span(d.cue_start, d.cue_end, alignment_mode="expand").root.lemma_ not in ("say", "tell", "write", "state", "add", "read"):
            continue   # "this suggests": a demonstrative names no source anyone can use ("it" does: "It
            # also mentions ...", the ad or the agency named before; "it contends with" is no saying)
        if name is not None and name.lower() == "you" and d.cue_class != "speech":
            continue   # "do you know ...", "if you would never vote ...": the generic reader holds no view
        resolved.append((d, name, code, kind, a, b))
    resolved, co_sources = joint_sources(ctx, resolved)   # "X and Y said": who makes a claim, who is a co-source
    spans = [(d.start, d.end, name, d.cue_start, d.cue_end) for d, name, *_ in resolved]
    back = hedges.back_reference_targets(ctx, spans)
    ctx.scratch["hedge_back"] = back
    for (d, name, code, kind, a, b), co in zip(resolved, co_sources):
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
            cited=d.cited, cue_class=d.cue_class, co_sources=co, cue_group_start=_group_start(doc, d),
        )


_NOT_GROUP = frozenset({"so", "too", "as"})   # adverbs that qualify more than the verb


def _group_start(doc, d: _Draft) -> int | None:
    """The start of the cue's verb group when it begins before the cue (``Claim.cue_group_start``)."""
    g = _verb_group_start(doc, d.cue_start, d.cue_end, d.tok)
    return g if g < d.cue_start else None


def _verb_group_start(doc, a: int, b: int, tok: int = -1) -> int:
    """Where a verb cue's group begins: the auxiliaries, negation and adverbs right before the verb
    and hanging on it are part of the cue ("has said", "would not confirm", "also noted", "is once
    again questioning", "to admit"), as attribution corpora mark it; a contraction glued to the word
    before ("he's claiming") and a capitalised "May" inside a sentence (a name) are not."""
    if b <= a or a < 0:
        return a
    if 0 <= tok < len(doc) and doc[tok].idx == a:
        lo = tok   # the draft knows its cue token
    else:
        lo, hi = 0, len(doc)   # the token that starts at the cue's first character: a binary search
        while lo < hi:
            mid = (lo + hi) // 2
            if doc[mid].idx < a:
                lo = mid + 1
            else:
                hi = mid
    if lo >= len(doc) or doc[lo].idx != a or doc[lo].pos_ not in ("VERB", "AUX"):
        return a
    t = doc[lo]
    left = {k.i for k in t.children if k.i < t.i and (k.dep_ in ("aux", "auxpass", "neg") or (
        k.dep_ == "advmod" and k.tag_ != "WRB" and k.lower_ not in _NOT_GROUP and not list(k.children)))}
    i = t.i
    while i - 1 in left:
        i -= 1
    while i < t.i and (not doc[i - 1].whitespace_ or (
            doc[i].tag_ == "MD" and doc[i].text[:1].isupper() and not doc[i].is_sent_start)):
        i += 1   # "he's claiming": the "'s" belongs to "he"; "May said" is a name
    return doc[i].idx if i < t.i else a


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
