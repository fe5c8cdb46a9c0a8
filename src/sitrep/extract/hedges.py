"""Hedges: how the text qualifies a statement or a figure.

Four classes, strongest last: ``asserted`` (stated as fact), ``reported``
(hearsay: "reportedly", "reports indicate", "is said to"), ``unverified`` ("has
not verified", "remain unverified", "have yet to be substantiated") and
``denied`` ("Moscow denied", "rebuffed such claims"). The cue words are data
(``data/cues.yaml``); the rules here read them off spaCy tokens.

Every cue found has a *scope*, the characters it qualifies: an adverb such as
"reportedly" qualifies its own clause; every other cue its sentence. A cue in
a sentence that points back at earlier claims ("While Moscow has not verified
these claims") also hedges the claims just before it: see ``back_references``.

``hedge_for_span(ctx, start, end)`` is the entry point for other stages (the
quantities stage asks it for figures that no claim carries).
"""
from __future__ import annotations

import bisect
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from ..errors import SitrepError
from .actorwords import token_table
from .tokkids import kids_of

CUES_PATH = Path(__file__).resolve().parents[1] / "data" / "cues.yaml"
RANK = {"asserted": 0, "reported": 1, "unverified": 2, "denied": 3}


@lru_cache(maxsize=None)
def load_cues(path: str | None = None) -> dict[str, Any]:
    """The cue groups of ``cues.yaml`` (read once)."""
    p = Path(path) if path else CUES_PATH
    try:
        data = yaml.safe_load(p.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as e:
        raise SitrepError(f"{p}: cannot read the cue lists ({e})", input=str(p), reason="bad_data") from e
    if not isinstance(data, dict):
        raise SitrepError(f"{p}: the cue lists must be a mapping of groups", input=str(p), reason="bad_data")
    return data


def setup(nlp, resources: dict) -> None:
    resources.setdefault("cues", load_cues())


@dataclass(frozen=True)
class HedgeCue:
    hedge: str          # reported, unverified, denied
    start: int          # the cue's characters
    end: int
    text: str
    scope_start: int    # the characters it qualifies
    scope_end: int
    sent: int           # index of its sentence
    back_ref: bool      # its sentence names earlier claims ("these claims")


def _cues(ctx) -> dict:
    c = ctx.resources.get("cues")
    if c is None:
        c = ctx.resources["cues"] = load_cues()
    return c


def _sets(cues: dict) -> dict[str, frozenset]:
    key = "_hedge_sets"
    if key not in cues:
        r, u, d = cues["hedge_reported"], cues["hedge_unverified"], cues["hedge_denied"]
        cues[key] = {
            "adverbs": frozenset(r["adverbs"]), "passive": frozenset(r["passive_lemmas"]),
            "report_subjects": frozenset(r["report_subjects"]),
            "check": frozenset(u["check_lemmas"]), "unv_adj": frozenset(u["adjectives"]),
            "deny": frozenset(d["always_lemmas"]), "deny_obj": frozenset(d["object_lemmas"]),
            "not_claims": frozenset(d["not_claims"]["lemmas"]),
            "deny_adj": frozenset(d["adjectives"]),
            "claim_nouns": frozenset(cues["reporting_nouns"]["lemmas"]) | frozenset(cues["back_references"]["lemmas"]),
            "back": frozenset(cues["back_references"]["lemmas"]),
        }
        s = cues[key]
        # every branch of find_hedge_cues tests one of these
        s["any_lower"] = s["adverbs"] | s["report_subjects"] | s["unv_adj"] | s["deny_adj"] | {"evidence"}
        s["any_lemma"] = s["passive"] | s["check"] | s["deny"] | s["deny_obj"]
    return cues[key]


def _span(tokens) -> tuple[int, int]:
    return tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)


def _negated(tok) -> list:
    """The negation words of ``tok``: a ``neg`` child, or "yet to (be)", "failed to", "unable to" before it."""
    neg = [c for c in kids_of(tok) if c.dep_ == "neg"]
    if neg:
        return neg
    doc = tok.doc
    for j in range(max(tok.i - 4, tok.sent.start), tok.i):
        if doc[j].lower_ in ("yet", "failed", "unable", "never") and (
                doc[j].lower_ != "yet" or any(doc[k].lower_ == "to" for k in range(j, tok.i))):
            return [doc[j]]
    return []


def _clause_scope(tok) -> tuple[int, int]:
    """The clause an adverb qualifies: its head's subtree (the noun's, when the head modifies a noun)."""
    head = tok.head
    if head.dep_ in ("acl", "relcl") and head.head is not head:
        head = head.head
    toks = list(head.subtree)
    return _span(toks)


_LEMMA_LOWER: dict[int, int] = {}   # lemma id -> id of the lemma lowercased (ids are the same in every vocab)


def _type_table(ctx):
    """Per document: the LOWER ids, the ids of the lowercased LEMMAs and the POS ids of its tokens
    (a lemma list is then one array test, not a string test per token)."""
    tab = ctx.scratch.get("type_table")
    if tab is None:
        import numpy as np
        from spacy.attrs import LEMMA, LOWER, POS
        from spacy.strings import get_string_id
        sdoc = ctx.sdoc
        arr = sdoc.to_array([LOWER, LEMMA, POS]).reshape(-1, 3)
        strings, cache = sdoc.vocab.strings, _LEMMA_LOWER
        lem_u, lem_inv = np.unique(arr[:, 1], return_inverse=True)
        low_ids = []
        for h in lem_u.tolist():
            w = cache.get(h)
            if w is None:
                w = cache[h] = get_string_id(strings[h].lower())
            low_ids.append(w)
        lem_low = np.array(low_ids, dtype="uint64")[lem_inv] if low_ids else np.zeros(0, dtype="uint64")
        tab = ctx.scratch["type_table"] = (arr[:, 0], lem_low, arr[:, 2])
    return tab


def token_hits(ctx, lowers: frozenset = frozenset(), lemmas: frozenset = frozenset(), pos=()) -> list[int]:
    """Indices, in order, of the tokens whose lower form is in ``lowers``, whose lowercased lemma
    is in ``lemmas`` or whose coarse tag is one of ``pos`` (names such as "VERB"): see ``type_index``."""
    from .type_index import hits
    return hits(ctx, lowers, lemmas, pos)


def find_hedge_cues(ctx) -> list[HedgeCue]:
    """All hedge cues of the document (cached in ``ctx.scratch``)."""
    if "hedge_cues" in ctx.scratch:
        return ctx.scratch["hedge_cues"]
    S = _sets(_cues(ctx))
    out: list[HedgeCue] = []
    # a token can only be a cue when its lower form or lemma is in a cue list: only those are read
    doc = ctx.sdoc
    hits = token_hits(ctx, S["any_lower"], S["any_lemma"])
    k, n = 0, len(hits)
    _, idxs, ends = token_table(ctx)
    for si, (s_first, s_last) in enumerate(sentence_bounds(ctx)):
        if k >= n:
            break
        if hits[k] >= s_last:
            continue
        sent = doc[s_first:s_last]
        s_start, s_end = idxs[s_first], ends[s_last - 1]
        back = None   # does the sentence name earlier claims? computed when it holds a cue
        found: list[tuple[str, list]] = []
        while k < n and hits[k] < s_last:
            t = doc[hits[k]]
            k += 1
            low, lem = t.lower_, t.lemma_.lower()
            if low in S["adverbs"] and t.pos_ == "ADV":
                if back is None:
                    back = _names_claims(sent, S)
                a, b = _clause_scope(t)
                out.append(HedgeCue("reported", t.idx, t.idx + len(t), t.text, a, b, si, back))
                continue
            if t.pos_ == "NOUN" and low in S["report_subjects"] and not any(
                    c.dep_ == "poss" or c.lower_ in ("the", "his", "her", "its", "their") for c in kids_of(t)):
                if t.dep_ in ("nsubj", "nsubjpass") or t.dep_ == "pobj" or any(
                        c.dep_ in ("prep", "acl", "ccomp") for c in kids_of(t)):
                    cue = [t, t.head] if t.dep_ == "nsubj" and t.head.i - t.i <= 6 else [t]
                    found.append(("reported", cue))
                    continue
            if lem in S["passive"] and t.pos_ in ("VERB", "AUX") and any(c.dep_ == "auxpass" for c in kids_of(t)):
                subj = [c for c in kids_of(t) if c.dep_ == "nsubjpass"]
                if any(c.dep_ in ("ccomp", "xcomp") for c in kids_of(t)) or (subj and subj[0].lower_ == "it") or \
                        any(c.dep_ == "prep" and c.lower_ == "as" for c in kids_of(t)):
                    found.append(("reported", [t]))
                    continue
            if lem in S["check"] and t.pos_ in ("VERB", "AUX"):
                if lem == "find" and not any(c.lemma_ in ("evidence", "proof", "sign", "confirmation")
                                             for c in kids_of(t) if c.dep_ == "dobj"):
                    continue
                neg = _negated(t)
                if neg:
                    aux = [c for c in kids_of(t) if c.dep_ in ("aux", "auxpass") and c.i < t.i]
                    toks = sorted([t, *neg, *aux], key=lambda x: x.i)
                    found.append(("unverified", [toks[0], t]))
                    continue
            if low in S["unv_adj"]:
                found.append(("unverified", [t]))
                continue
            if low == "evidence" and any(c.lower_ in ("no", "little", "without") for c in kids_of(t)) or (
                    low == "evidence" and t.head.lower_ == "without"):
                found.append(("unverified", [t]))
                continue
            if t.pos_ == "VERB" and lem in S["deny"] and not _negated(t) and not any(
                    c.dep_ in ("dobj", "dative") and c.lemma_.lower() in S["not_claims"] for c in kids_of(t)):
                found.append(("denied", [t]))
                continue
            if t.pos_ == "VERB" and lem in S["deny_obj"] and not _negated(t):
                objs = [c for c in kids_of(t) if c.dep_ in ("dobj", "nsubjpass")]
                if any(o.lemma_.lower() in S["claim_nouns"] or o.lower_ in ("it", "this", "that", "them")
                       for o in objs) or any(c.dep_ == "ccomp" or (c.dep_ == "prep" and c.lower_ == "as")
                                             for c in kids_of(t)):
                    found.append(("denied", [t]))
                    continue
            if low in S["deny_adj"] and t.dep_ in ("acomp", "amod") and (
                    t.head.lemma_.lower() in S["claim_nouns"] or any(
                        c.lemma_.lower() in S["claim_nouns"] for c in kids_of(t.head) if c.dep_ == "nsubj")):
                found.append(("denied", [t]))
        if found and back is None:
            back = _names_claims(sent, S)
        for hedge, toks in found:
            a, b = _span(toks)
            out.append(HedgeCue(hedge, a, b, ctx.doc.text[a:b], s_start, s_end, si, back or _points_back(toks[-1])))
    ctx.scratch["hedge_cues"] = out
    return out


def _names_claims(sent, S) -> bool:
    back = S["back"]
    return any(t.lemma_.lower() in back and t.pos_ in ("NOUN", "PROPN") for t in sent)


_BACK_PRONOUNS = {"it", "this", "that", "them", "these", "those", "so"}


def _points_back(verb) -> bool:
    """ "Moscow denied it", "Kyiv could not confirm this", or a bare "Moscow denied.":
    a verification verb whose object is a pronoun, or that has no object at all."""
    if verb.pos_ not in ("VERB", "AUX"):
        return False
    objs = [c for c in kids_of(verb) if c.dep_ in ("dobj", "ccomp", "xcomp", "nsubjpass", "prep", "attr")]
    return not objs or any(c.lower_ in _BACK_PRONOUNS for c in objs)


def sentence_bounds(ctx) -> list[tuple[int, int]]:
    """(first token, end token) of each sentence, as ``Doc.sents`` gives them, read off the SENT_START
    column (no Span objects); computed once per document."""
    b = ctx.scratch.get("sent_bounds")
    if b is None:
        sdoc = ctx.sdoc
        n = len(sdoc)
        if not sdoc.has_annotation("SENT_START"):
            b = [(s.start, s.end) for s in sdoc.sents]      # raises as Doc.sents does
        elif n == 0:
            b = []
        else:
            from spacy.attrs import SENT_START
            col = sdoc.to_array(SENT_START)
            starts = [0] + ((col[1:] == 1).nonzero()[0] + 1).tolist()
            b = list(zip(starts, starts[1:] + [n]))
        ctx.scratch["sent_bounds"] = b
    return b


def sentence_starts(ctx) -> list[int]:
    """The first character of each sentence."""
    if "sent_starts" not in ctx.scratch:
        idxs = token_table(ctx)[1]
        ctx.scratch["sent_starts"] = [idxs[s] for s, _ in sentence_bounds(ctx)]
    return ctx.scratch["sent_starts"]


def sentence_of(ctx, char: int) -> int:
    return max(bisect.bisect_right(sentence_starts(ctx), char) - 1, 0)


def stronger(a: tuple[str, str | None], b: tuple[str, str | None]) -> tuple[str, str | None]:
    return b if RANK[b[0]] > RANK[a[0]] else a


def in_scope_hedge(ctx, start: int, end: int) -> tuple[str, str | None]:
    """The strongest cue whose scope holds the span."""
    best: tuple[str, str | None] = ("asserted", None)
    for c in find_hedge_cues(ctx):
        if c.scope_start <= start and end <= c.scope_end + 1:
            best = stronger(best, (c.hedge, c.text))
    return best


def back_reference_targets(ctx, claim_spans: list[tuple[int, int, str | None, int, int]]) -> dict[int, tuple[str, str]]:
    """Sentences hedged by a later verification sentence: {sentence index: (hedge, cue text)}.

    A verification sentence holds an unverified or denied cue that names earlier
    claims ("these claims", "GUR's statements") and is not itself inside the
    content of a claim (in "X noted that these reports remain unverified" the
    hedge is X's claim's own). It hedges the nearest earlier sentence, up to three
    back, that holds claims, and the sentences right before that one whose claims
    have the same source. ``claim_spans``: (content start, content end, source,
    cue start, cue end) of the claims found.
    """
    by_sent: dict[int, set] = {}
    for a, b, src, _cs, _ce in claim_spans:   # sources compared by their last word ("Putin" = "Vladimir Putin")
        by_sent.setdefault(sentence_of(ctx, a), set()).add((src or "").split()[-1].lower() if src else None)
    out: dict[int, tuple[str, str]] = {}
    for c in find_hedge_cues(ctx):
        if c.hedge not in ("unverified", "denied") or not c.back_ref:
            continue
        if any(a <= c.start and c.end <= b for a, b, _s, _cs, _ce in claim_spans):
            continue
        target = next((j for j in range(c.sent - 1, c.sent - 4, -1) if j in by_sent), None)
        if target is None:
            continue
        sources = by_sent[target]
        j = target
        while j >= 0 and j in by_sent and (j == target or by_sent[j] & sources):
            prev = out.get(j, ("asserted", None))
            out[j] = stronger(prev, (c.hedge, c.text))
            j -= 1
    return out


def hedge_for_span(ctx, start: int, end: int) -> tuple[str, str | None]:
    """The hedge of any span of the document, with the cue text (None when asserted).

    The strongest of: cues whose scope holds the span, and a later verification
    sentence that points back at the span's sentence (see ``back_reference_targets``;
    the claims stage leaves its result in ``ctx.scratch["hedge_back"]``).
    """
    best = in_scope_hedge(ctx, start, end)
    back = ctx.scratch.get("hedge_back")
    if back is None:
        spans = [(c.start, c.end, c.source, c.cue_start or c.start, c.cue_end or c.start)
                 for c in getattr(ctx.records, "claims", [])]
        back = back_reference_targets(ctx, spans)
    si = sentence_of(ctx, start)
    if si in back:
        best = stronger(best, back[si])
    return best


def speculation_cues(sdoc, cues: dict | None = None) -> list[tuple[int, int, str]]:
    """Uncertainty cues of a parsed text (epistemic modals, conditions, beliefs and
    expectations: "may", "if", "expected", "likely"), as (start, end, text).

    Not a claim hedge ("could be in Russia" stays asserted): an analyst's filter,
    scored against the Szeged uncertainty annotation of FactBank (eval suite ``factbank``).
    """
    g = (cues or load_cues())["speculation"]
    modals, lemmas = frozenset(g["modals"]), frozenset(g["lemmas"])
    cond, verb_only = frozenset(g["conditional_modals"]), frozenset(g["verb_only"]["lemmas"])
    conditions = frozenset(g["conditions"]["words"])
    unable = frozenset(g["not_when_negated"]["words"])
    compared, measures = frozenset(g["compared"]["lemmas"]), frozenset(g["compared"]["words"])
    right_before = frozenset(g["compared"]["right_before"]["words"])
    out = []
    for t in sdoc:
        low, lem = t.lower_, t.lemma_.lower()
        hit = False
        if t.tag_ == "MD":
            if low in unable and any(c.dep_ == "neg" for c in t.head.children):
                continue                  # "could not be reached": an inability, not a speculation
            hit = low in modals or lem in modals or (
                (low in cond or lem in cond) and any(x.lower_ in conditions and x.lower_ != "whether"
                                                     and x.pos_ == "SCONJ" for x in t.sent))
        elif lem in verb_only:
            hit = t.pos_ == "VERB"
        elif low in conditions:
            hit = t.pos_ == "SCONJ" if low == "until" else t.dep_ in ("mark", "advmod", "prep") or t.pos_ == "SCONJ"
        elif lem in lemmas or low in lemmas:
            hit = t.pos_ in ("VERB", "ADJ", "ADV", "NOUN", "AUX") and not (
                lem in compared and (t.i > t.sent.start and sdoc[t.i - 1].lower_ in right_before or any(
                    x.lower_ in measures for x in sdoc[max(t.i - 4, t.sent.start):t.i])))
            # "larger than expected", "as predicted": measured against the expectation, a fact
        if hit:
            out.append((t.idx, t.idx + len(t.text), t.text))
    return out
