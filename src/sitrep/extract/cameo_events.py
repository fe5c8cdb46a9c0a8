"""Events from a user verb file (PETRARCH2/CAMEO format), applied on the dependency parse.

When the ``verbs`` setting names one or more PETRARCH2 verb dictionaries
(``cameo_verbs`` reads them), the events stage codes from them instead of from
sitrep's own vocabulary; the ``discards`` setting (PETRARCH discards file)
voids the events of a sentence, or of the whole document for ``+`` phrases,
with either vocabulary.

For each sentence, each verb of its main clauses (the root and the verbs
reached from it through ``xcomp``, ``ccomp`` and ``conj``; not the verbs of
adverbial, relative or other subordinate clauses, which PETRARCH's unit tests
code only through their main verb) that the dictionary lists (by spaCy lemma,
by the listed forms, or as written: ``SAID``) is matched against the patterns
of its block: the pattern words before ``*`` are looked for before the verb in
the sentence, those after it after the verb (punctuation ignored; ``_`` needs
adjacent words). The matching pattern with the most words wins, else the
verb's own code. Source: ``$`` of the pattern, else the subject (the agent of
a passive; a verb without subject inherits it: "X is about to restore");
target: ``+`` of the pattern, else the subject of a passive, the object, or
the first actor named after the verb in its clause (a domestic code, PROTEST, COERCE or
CONCEDE, takes an object of the source's own country: "X's police arrested X's students");
coordinated actors give one event per pair; ``%`` (compound) codes the members of a coordinated
subject with each other. A paired code ``A:B`` adds the event B from the
target back to the source. The CAMEO code is mapped to a PLOVER type
(``cameo_verbs.load_cameo_plover``); codes with no PLOVER type (statements,
appeals) code nothing.
"""
from __future__ import annotations

import re
from typing import Any, Callable, Iterator

from ..model import Event, record_id
from .cameo_verbs import (Elem, Pattern, Verb, VerbDict, expand_synset, load_cameo_plover, load_discards,
                          load_verbs, plover_type)
from .context import Context
from .event_emit import DOMESTIC, split_code
from .event_parse import (PHRASE_DEPS, _agent, _codes, _inherited_subject, _passive, country, distinct, modality,
                          phrase_actors)
from .tokkids import kids_of

MAIN_DEPS = {"ROOT", "xcomp", "ccomp", "conj", "acomp", "pcomp", "prep", "aux"}
NEG_WORDS = {"NOT", "N'T", "NEVER", "NO", "NEITHER", "DECLINED", "REFUSED", "FAILED"}
MEMBER_DEPS = PHRASE_DEPS - {"conj", "cc", "appos"}
CLAUSE_STOP = {"relcl", "advcl", "ccomp", "csubj", "parataxis"}


def setup(nlp: Any, resources: dict[str, Any]) -> None:
    files = resources.get("verb_files") or []
    resources["cameo_verbs"] = [load_verbs(str(f)) for f in files] or None
    if files:
        resources["cameo_table"] = load_cameo_plover(resources.get("cameo_plover") or None)
    dfiles = resources.get("discard_files") or []
    if dfiles:
        sent: list[str] = []
        story: list[str] = []
        for f in dfiles:
            s, st = load_discards(str(f))
            sent += s
            story += st
        resources["discards"] = (tuple(sent), tuple(story))
    else:
        resources["discards"] = None


def active(resources: dict[str, Any]) -> bool:
    return bool(resources.get("cameo_verbs") or resources.get("discards"))


def find_user_events(ctx: Context, own: Callable[[Context], Iterator[Event]]) -> Iterator[Event]:
    """The events stage with a user verb file and/or discards file loaded."""
    voided = _voided(ctx)
    if voided is None:
        return
    events = user_events(ctx) if ctx.resources.get("cameo_verbs") else own(ctx)
    for e in events:
        if not any(s <= e.start < t for s, t in voided):
            yield e


def _voided(ctx: Context) -> list[tuple[int, int]] | None:
    """Char ranges of the sentences a discard phrase voids; None when the whole document is."""
    disc = ctx.resources.get("discards")
    if not disc:
        return []
    sent_phr, story_phr = disc
    low = ctx.doc.text.lower()
    if any(_has(low, p) for p in story_phr):
        return None
    out = []
    for s in ctx.sdoc.sents:
        t = s.text.lower()
        if any(_has(t, p) for p in sent_phr):
            out.append((s.start_char, s.end_char))
    return out


def _has(text: str, phrase: str) -> bool:
    return re.search(r"(?<![\w])" + re.escape(phrase) + r"(?![\w])", text) is not None


# ------------------------------------------------------------------ coding
def user_events(ctx: Context) -> Iterator[Event]:
    from .event_emit import _claim, _date, _location
    from .events import load_vocab, token_actors

    vocab = ctx.resources.get("event_vocab") or load_vocab()
    ta = token_actors(ctx)
    table = ctx.resources.get("cameo_table") or load_cameo_plover(None)
    seen: set = set()
    for sent in ctx.sdoc.sents:
        toks = [t for t in sent if not t.is_punct and not t.is_space]
        for v in sent:
            if not _main_clause(v):
                continue
            for vd in ctx.resources["cameo_verbs"]:
                hit = _entry(v, vd)
                if hit is None:
                    continue
                verb, last = hit
                for ev in _code(ctx, sent, toks, v, last, verb, vd, ta, vocab, table):
                    key = (ev["type"], ev["actor"], ev["target"], sent.start)
                    if key in seen:
                        continue
                    seen.add(key)
                    start, end = ev["span"]
                    yield Event(id=record_id("event", ctx.doc.id, start, end, ev["type"], ev["actor"], ev["target"]),
                                doc_id=ctx.doc.id, start=start, end=end, text=ctx.doc.text[start:end],
                                type=ev["type"], actor=ev["actor"], target=ev["target"],
                                location=_location(ctx, start, end, sent), date=_date(ctx, sent),
                                claim_id=_claim(ctx, v.idx), modality=ev["modality"], trigger=ev["trigger"],
                                quantity_ids=tuple(q.id for q in ctx.records.quantities
                                                   if sent.start_char <= q.start < sent.end_char),
                                item=None)
                break  # the first verb file that knows the verb codes it


def _main_clause(v) -> bool:
    if v.pos_ not in ("VERB", "AUX") and not v.tag_.startswith("VB"):
        return False
    t = v
    for _ in range(12):
        if t.dep_ == "ROOT" or t.head.i == t.i:
            return True
        purpose = t.dep_ == "advcl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in kids_of(t))
        if t.dep_ not in MAIN_DEPS and not purpose:  # "X hosted Y to celebrate ...": the purpose is told too
            return False
        t = t.head
    return False


def _entry(v, vd: VerbDict) -> tuple[Verb, Any] | None:
    """The dictionary verb a token is (with its particles and preceding words), and its last token."""
    cands = vd.lookup(v.text, v.lemma_)
    best = None
    doc = v.doc
    for c in sorted(cands, key=lambda c: -(len(c.before) + len(c.after))):
        ok = all(v.i - len(c.before) + k >= 0 and doc[v.i - len(c.before) + k].text.upper() == w
                 for k, w in enumerate(c.before))
        last = v
        for k, w in enumerate(c.after):
            j = v.i + 1 + k
            if j < len(doc) and (doc[j].text.upper() == w or doc[j].lemma_.upper() == w):
                last = doc[j]
                continue
            prt = next((x for x in kids_of(v) if x.dep_ in ("prt", "advmod", "prep") and x.text.upper() == w), None)
            if prt is None:
                ok = False
                break
            last = max(last, prt, key=lambda x: x.i)
        if ok:
            best = (c, last)
            break
    if best is None:  # "will not wire tap": the parser made the first word of WIRE_+TAP the verb
        for k in (1, 2):
            if v.i + k >= len(doc):
                break
            w = doc[v.i + k]
            for c in vd.lookup(w.text, w.lemma_):
                if len(c.before) == k and all(doc[v.i + q].text.upper() == b for q, b in enumerate(c.before)):
                    return c, w
    return best


def _code(ctx, sent, toks, v, last, verb: Verb, vd: VerbDict, ta, vocab, table) -> Iterator[dict]:
    pos = {t.i: k for k, t in enumerate(toks)}
    if v.i not in pos:
        return
    vi, li = pos[v.i], pos.get(last.i, pos[v.i])
    best: tuple[Pattern, dict] | None = None
    for p in vd.patterns[verb.block] if verb.block < len(vd.patterns) else []:
        got = _match(p, toks, vi, li, vd, ta)
        if got is not None and (best is None or p.weight > best[0].weight):
            best = (p, got)
    code = best[0].code if best else verb.code
    slots = best[1] if best else {}
    codes = code.split(":")
    if not codes or not plover_type(codes[0], table) and not (len(codes) > 1 and plover_type(codes[1], table)):
        return
    passive = _passive(v)
    subj, _ = _inherited_subject(v)
    sources = _actors(slots.get("source"), ta, vocab)
    targets = _actors(slots.get("target"), ta, vocab)
    compound = _actors(slots.get("compound"), ta, vocab)
    used = [subj]
    if not sources:
        if passive:
            ag = _agent(v)
            sources = _actors(ag, ta, vocab)
            used.append(ag)
        elif subj is not None:
            sources = _actors(subj, ta, vocab)
            for c in kids_of(v):  # "A, B, and C did": a list the parser cut into two subjects
                if c.dep_ == subj.dep_ and c.i != subj.i and subj.head.i == v.i:
                    sources += [x for x in _actors(c, ta, vocab) if x not in sources]
                    used.append(c)
    if not targets:
        if passive and subj is not None and not slots.get("source"):
            targets = _actors(subj, ta, vocab)
        if not targets:
            tt = _clause_target(v, last, ta, {country(s) for s in sources})
            targets = _actors(tt, ta, vocab)
            used.append(tt)
    home = all(plover_type(c, table) in DOMESTIC for c in codes)
    if not targets and home:  # "Valdorian police arrested Valdorian students": a domestic act on its own people
        tt = next((c for c in kids_of(v) if c.dep_ == "dobj" and _actors(c, ta, vocab)), None)
        targets = _actors(tt, ta, vocab)
        used.append(tt)
    if compound and best and any(e.kind == "compound" for e in best[0].pre):
        pairs = [(a, b) for a in compound for b in compound if a != b and distinct(a, b)]
    else:
        if compound:
            targets = targets or compound
        pairs = [(a, t) for a in sources for t in targets if distinct(a, t) or home and a == t]
    if not pairs:
        return
    mod = "asserted" if best and _negative(best[0], vd) else modality(v, vocab)[0]
    if mod == "hypothetical":  # a user dictionary codes its patterns in conditions too, as told: expected
        mod = "expected"
    trig = " ".join(t.text for t in ctx.sdoc[v.i:last.i + 1]) if last.i - v.i < 4 else v.text
    for a, t in pairs:
        for k, (x, y) in enumerate(((a, t), (t, a))[:len(codes)]):
            ty = plover_type(codes[k], table)
            if ty is None:
                continue
            yield {"type": ty, "actor": x, "target": y, "modality": mod, "trigger": trig,
                   "span": _span(ctx, sent, v, last, slots, used)}


def _negative(p: Pattern, vd: VerbDict) -> bool:
    """A pattern that spells out a negation ("NOT *", "&NEGATVAUXVRB *") codes the negated act itself."""
    for e in p.pre + p.post:
        if e.kind == "word" and e.value in NEG_WORDS:
            return True
        if e.kind == "syn" and any(w in NEG_WORDS or w.endswith("N'T") for m in expand_synset(vd, e.value) for w in m):
            return True
    return False


def _actors(tok, ta, vocab) -> list[str]:
    """The actors a phrase names: one per coordinated member (its first code: "an MSF Arnor
    diplomat" is one actor, "X and Y" two)."""
    if tok is None:
        return []
    head = tok
    if ta.mention[tok.i]:  # the syntactic head of the mention the token belongs to
        s, e = ta.mention[tok.i]
        for x in tok.doc[s:e]:
            if not (s <= x.head.i < e) or x.head.i == x.i:
                head = x
                break
    while head.dep_ == "conj" and head.head.i != head.i:
        head = head.head
    out: list[str] = []
    members = [head, *head.conjuncts]
    for a in kids_of(head):  # "Mordor, Rohan, Fornost and Bree": a list parsed as apposition
        if a.dep_ == "appos" and ta.code[a.i] and ta.code[head.i] and (a.conjuncts or head.conjuncts
                                                                     or any(c.dep_ == "cc" for c in kids_of(head))):
            members += [a, *a.conjuncts]
    for h in members:
        codes = phrase_actors(h, ta, vocab, deps=MEMBER_DEPS)
        if not codes:
            continue
        first = codes[0][1]
        for m in (first, *first.conjuncts) if first.i != h.i else (first,):
            # "the ambassadors of X, Y and Z": the coordination is inside the member
            c = ta.code[m.i] or next(iter(_codes(phrase_actors(m, ta, vocab, deps=MEMBER_DEPS))), None)
            if c and c not in out:
                out.append(c)
        for c, t in codes[1:]:  # "A's sheep and goats of B": an "of" phrase after a later conjunct is its own
            if any(h.i < cj.i < t.i for cj in h.conjuncts) and c not in out:
                out.append(c)
    if not out and ta.code[tok.i]:
        out = [ta.code[tok.i]]
    return [x for c in out for x in split_code(c)]


def _clause_target(v, last, ta, own: set):
    """The first actor token after the verb inside its own clause (else in its complement clause)."""
    def walk(t):
        yield t
        for c in kids_of(t):
            if c.dep_ in CLAUSE_STOP or (c.dep_ == "conj" and c.pos_ in ("VERB", "AUX")):
                continue
            if c.dep_ in ("nsubj", "nsubjpass"):
                continue
            yield from walk(c)
    for t in sorted(walk(v), key=lambda x: x.i):
        if t.i > last.i and ta.code[t.i] and country(ta.code[t.i]) not in own:
            return t
    for c in kids_of(v):  # "X allowed that Y is ...", "X signed a deal to supply Y": the complement
        if c.dep_ == "ccomp" or (c.dep_ == "advcl" and any(x.dep_ == "aux" and x.lower_ == "to" for x in kids_of(c))):
            for t in c.subtree:
                if t.i > last.i and ta.code[t.i] and country(ta.code[t.i]) not in own:
                    return t
    return None


def _span(ctx, sent, v, last, slots, used) -> tuple[int, int]:
    """From the first to the last token of the verb, its source and target mentions."""
    idx = [v.i, last.i]
    for t in (slots.get("source"), slots.get("target"), slots.get("compound"), *used):
        if t is not None and t.sent == sent:
            idx.append(t.i)
            m = ctx.scratch["token_actors"].mention[t.i]
            if m:
                idx += [m[0], m[1] - 1]
    s, e = max(min(idx), sent.start), min(max(idx) + 1, sent.end)
    sd = ctx.sdoc
    return sd[s].idx, sd[e - 1].idx + len(sd[e - 1].text)


# ------------------------------------------------------------------ pattern matching
def _match(p: Pattern, toks, vi: int, li: int, vd: VerbDict, ta) -> dict | None:
    """The slots ("source", "target", "compound": a token) when the pattern matches around the verb."""
    slots: dict = {}
    if _walk(p.post, 0, li + 1, +1, toks, vd, ta, slots) and _walk(p.pre, 0, vi - 1, -1, toks, vd, ta, slots):
        return slots
    return None


def _walk(elems: list[Elem], k: int, pos: int, step: int, toks, vd: VerbDict, ta, slots: dict) -> bool:
    if k == len(elems):
        return True
    e = elems[k]
    n = len(toks)
    if e.kind == "skip":  # a phrase of one token at least: what follows may not touch the verb side
        if not 0 <= pos < n:
            return False
        rest = elems[k + 1:]
        if rest:
            rest = [Elem(rest[0].kind, rest[0].value, False), *rest[1:]]
        return _walk(rest, 0, pos + step, step, toks, vd, ta, slots)
    cands = [pos] if e.adj else (range(pos, n) if step > 0 else range(pos, -1, -1))
    for j in cands:
        if not 0 <= j < n:
            break
        for end in _match_at(e, j, step, toks, vd, ta):
            saved = dict(slots)
            if e.kind in ("target", "source", "compound"):
                slots.setdefault(e.kind, toks[j])
            if _walk(elems, k + 1, end, step, toks, vd, ta, slots):
                return True
            slots.clear()
            slots.update(saved)
    return False


def _match_at(e: Elem, j: int, step: int, toks, vd: VerbDict, ta) -> list[int]:
    """Next positions after the element matched at position j (empty when it does not)."""
    t = toks[j]
    if e.kind == "word":
        return [j + step] if _word(t, e.value) else []
    if e.kind == "syn":
        out = []
        for m in expand_synset(vd, e.value):
            seq = m if step > 0 else tuple(reversed(m))
            if all(0 <= j + step * q < len(toks) and _word(toks[j + step * q], w) for q, w in enumerate(seq)):
                out.append(j + step * len(m))
        return out
    if e.kind in ("target", "source", "compound"):
        if not ta.code[t.i]:
            return []
        s, x = ta.mention[t.i] or (t.i, t.i + 1)
        q = j
        while 0 <= q + step < len(toks) and s <= toks[q + step].i < x:
            q += step
        if e.kind == "compound" and not (t.dep_ == "conj" or any(c.dep_ == "conj" for c in kids_of(t))):
            return []
        return [q + step]
    return []


def _word(t, w: str) -> bool:
    return t.text.upper() == w
