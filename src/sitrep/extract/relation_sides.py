"""Who fights on whose side, and who holds an act or aim: the ``ALLIED_WITH`` ``sides`` rules of
``data/relation_patterns.yaml`` ("X and their Y allies", "X-backed Y", "Y loyal to X", "X, backed by
Y", "X fighting alongside Y", "in support of Y", co-belligerents doing one military act), and the
helpers the relation rules share: ``_holders`` (the doer of a verb or of the noun it serves),
``_party`` (the side a code stands for), ``_rule_list``.
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import yaml

from .context import Context
from .event_parse import _agent, _codes, _inherited_subject, _subject, modality, phrase_actors, pronoun_owner
from .events import load_vocab, token_actors
from .hedges import token_hits
from .tokkids import kids_of

PATTERNS = Path(__file__).resolve().parents[1] / "data" / "relation_patterns.yaml"
OWNER_DEPS = {"poss", "compound", "amod", "nmod"}


def _party(code: str | None, parties: frozenset) -> str | None:
    """The side a code stands for in a relation: its country ("RUS MIL" -> RUS), but a non-state
    armed group keeps its sector ("SYR REB": Syrian rebels are a party of their own, not Syria)."""
    if not code:
        return None
    parts = code.split()
    return f"{parts[0]} {parts[1]}" if len(parts) > 1 and parts[1] in parties else parts[0]


@lru_cache(maxsize=1)
def _patterns() -> dict:
    return yaml.safe_load(PATTERNS.read_text(encoding="utf-8"))


@lru_cache(maxsize=1)
def _backed_words() -> frozenset:
    return frozenset(next((r.get("words") or () for r in _rule_list((_patterns().get("ALLIED_WITH") or {}).get("sides"))
                           if r.get("kind") == "backed"), ()))


def _unbacked(pairs: list) -> list:
    """Drop the backer of an "X-backed Y" phrase from the actors it names: Y acts, not X."""
    words = _backed_words()
    out = []
    for c, x in pairs:
        doc = x.doc
        hyphen = x.i + 2 < len(doc) and doc[x.i + 1].text == "-" and doc[x.i + 2].lower_ in words
        if not (hyphen or (x.dep_ in ("npadvmod", "compound", "nmod", "amod") and x.head.lower_ in words)):
            out.append((c, x))
    return out


def _rule_list(r) -> list[dict]:
    """A pattern key holds one rule (a mapping) or a list of them."""
    return [r] if isinstance(r, dict) else list(r or [])


def _holders(v, ta, vocab: dict, depth: int = 0) -> list[str]:
    """Who does what a verb says: its subject, else the owner of the noun whose purpose or
    content the verb gives ("their goal of resisting", "a desire to resist"), else the subject
    of the verb that noun is the object of ("their actions indicate an understanding to ...")."""
    if depth > 3:
        return []
    u = v
    while u.dep_ == "conj" and u.head.pos_ == "VERB":
        u = u.head
    if u.dep_ == "acl" and u.head.pos_ == "NOUN":  # "praised X's efforts to defeat Y": X's aim
        n = u.head
        codes = _codes([(c, x) for c, x in phrase_actors(n, ta, vocab, deps=OWNER_DEPS, preps=set()) if x.i < n.i])
        if codes or pronoun_owner(n, ta):
            return codes or pronoun_owner(n, ta)
    subj, _ = _inherited_subject(v)
    if subj is not None and v.dep_ == "acl" and v.tag_ == "VBG" and subj == v.head:
        codes = _codes(_unbacked(phrase_actors(subj, ta, vocab, deps=OWNER_DEPS, preps=set())))
        if codes:   # "a tribal leader fighting X": the named doer the participle tells of
            return codes
    if subj is not None and not (v.dep_ in ("acl", "relcl") and subj == v.head):
        return _codes(_unbacked(phrase_actors(subj, ta, vocab))) or pronoun_owner(subj, ta)
    noun = v.head
    if v.dep_ == "pcomp" and noun.dep_ == "prep":
        noun = noun.head  # "goal of resisting"
        if noun.pos_ in ("VERB", "ADJ", "AUX"):  # "X remains committed to carrying out": X does
            return _holders(noun, ta, vocab, depth + 1)
    elif v.dep_ not in ("acl", "relcl", "xcomp"):
        return []
    if noun.pos_ not in ("NOUN", "PROPN"):
        return []
    for _ in range(2):   # "began the third phase of the campaign to defeat X": the phase's doer
        if noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.pos_ == "NOUN" and not _codes(
                phrase_actors(noun, ta, vocab, deps=OWNER_DEPS, preps=set())) and not pronoun_owner(noun, ta):
            noun = noun.head.head
    codes = _codes([(c, x) for c, x in phrase_actors(noun, ta, vocab, deps=OWNER_DEPS, preps=set()) if x.i < noun.i])
    if codes:
        return codes
    codes = pronoun_owner(noun, ta)
    if codes:
        return codes
    if noun.dep_ in ("dobj", "pobj") and noun.head.pos_ in ("VERB", "AUX"):
        return _holders(noun.head, ta, vocab, depth + 1)
    if noun.dep_ == "pobj" and noun.head.lower_ in ("in", "during", "as"):
        gov = noun.head.head
        if gov.pos_ == "ADV" and gov.dep_ == "advmod":   # "Elsewhere in the campaign to defeat X, Y began ..."
            gov = gov.head
        if gov.pos_ in ("VERB", "AUX"):
            return _holders(gov, ta, vocab, depth + 1)   # "in the campaign to defeat X, Y began ..."
    return []


_SIDE_WORDS: dict[int, frozenset] = {}


def _side_relations(ctx: Context, pats: dict, add) -> None:
    """Who fights on whose side (``ALLIED_WITH`` ``sides``): "X and their Y allies", "X-backed Y",
    "X and allied Y", "Y loyal to X", "X, backed by Y, ...", "X fighting alongside Y", "X ... in
    support of Y", and co-belligerents named together as the doers of one military act ("X, Y and
    Z launched the offensive")."""
    rules = {r["kind"]: r for r in _rule_list((pats.get("ALLIED_WITH") or {}).get("sides"))}
    parties = frozenset((pats.get("parties") or {}).get("sectors") or ())
    if not rules:
        return
    vocab = ctx.resources.get("event_vocab") or load_vocab()
    ta = token_actors(ctx)
    sdoc = ctx.sdoc
    words = _SIDE_WORDS.get(id(pats))
    if words is None:   # the words any side rule reads, once per pattern set
        words = _SIDE_WORDS[id(pats)] = frozenset(w for r in rules.values()
                                                  for k in ("words", "lemmas", "verbs") for w in r.get(k) or ())
    own = {"compound", "amod", "nmod"}

    def codes(t, deps=frozenset(own), before=None):
        return _codes([(c, x) for c, x in phrase_actors(t, ta, vocab, deps=deps, preps=set())
                       if before is None or x.i < before])

    def pair(aa, bb, toks):
        toks = [x for x in toks if x is not None]
        lo, hi = min(x.i for x in toks), max(x.i for x in toks)
        for a in aa:
            for b in bb:
                add("ALLIED_WITH", a, b, sdoc[lo].idx, sdoc[hi].idx + len(sdoc[hi].text), "fighting side")

    for i in token_hits(ctx, words, words):
        t = sdoc[i]
        low, lem = t.lower_, t.lemma_.lower()
        r = rules.get("ally_noun")
        if r and t.pos_ == "NOUN" and lem in r["lemmas"]:
            mods = {c.lower_ for c in kids_of(t) if c.dep_ in ("amod", "compound")}
            if lem in r.get("qualified", ()) and not mods & set(r.get("words") or ()):
                continue   # a trade partner is no ally
            owners = _codes([(c, x) for c, x in phrase_actors(t, ta, vocab, deps={"poss"}, preps=set())
                             if x.i < t.i]) or pronoun_owner(t, ta)
            of = [p for c in kids_of(t) if c.dep_ == "prep" and c.lower_ == "of" for p in kids_of(c) if p.dep_ == "pobj"]
            for p in of:
                owners = owners or _codes(phrase_actors(p, ta, vocab))
            members = [c for c in codes(t, before=t.i + 1) if c not in owners]  # the ally phrase may be a name itself
            anchor = t
            if not members and t.dep_ == "appos":      # "Kesh, an ally of Valdoria"
                members, anchor = codes(t.head, deps=own | {"poss"}), t.head
            elif not members and t.dep_ == "attr":      # "Kesh is Valdoria's closest ally"
                s = _subject(t.head)
                if s is not None:
                    members, anchor = _codes(phrase_actors(s, ta, vocab)), s
            members += [c for a in kids_of(t) if a.dep_ == "appos" for c in codes(a, deps=own | {"conj"})]
            pair(owners, [m for m in members if m not in owners],
                 [t, anchor, *of, *([t.head] if t.dep_ == "conj" else [])])   # "X and their Y allies"
            continue
        r = rules.get("backed")
        if r and low in r["words"] and t.dep_ in ("amod", "compound") and t.head.pos_ in ("NOUN", "PROPN"):
            n = t.head
            backers = [ta.code[c.i] for c in kids_of(t) if ta.code[c.i]]
            if not backers and t.i >= 2 and sdoc[t.i - 1].text == "-" and ta.code[t.i - 2]:
                backers = [ta.code[t.i - 2]]  # "Keshi-backed", split at the hyphen
            members = [c for c in codes(n) if c not in backers]
            if not backers and low in r.get("plain", ()) and n.dep_ == "conj":   # "X and allied Y"
                backers = codes(n.head, deps=own | {"poss"})
                pair(backers, members, [n.head, n])
            elif backers:
                pair(backers, members, [sdoc[t.i - 2] if sdoc[t.i - 1].text == "-" else t, n])
            continue
        r = rules.get("loyal")
        if r and low in r["words"] and t.pos_ in ("ADJ", "VERB"):
            patrons = [c for p in kids_of(t) if p.dep_ == "prep" and p.lower_ in r["preps"]
                       for o in kids_of(p) if o.dep_ == "pobj" for c in _codes(phrase_actors(o, ta, vocab))]
            if not patrons:
                continue
            if t.dep_ in ("amod", "acl", "relcl") and t.head.pos_ in ("NOUN", "PROPN"):
                clients, anchor = codes(t.head, deps=own | {"poss"}), t.head   # "militias loyal to X"
            else:
                s = _subject(t) or (_subject(t.head) if t.dep_ == "acomp" else None)  # "Y is loyal to X"
                clients, anchor = (_codes(phrase_actors(s, ta, vocab)), s) if s is not None else ([], t)
            pair(clients, [p for p in patrons if p not in clients], [anchor, *t.subtree])
            continue
        r = rules.get("helped")
        if r and t.pos_ == "VERB" and lem in r["verbs"] and t.tag_ == "VBN":
            agent = _agent(t)
            if agent is None:
                continue
            near = own | {"poss", "conj", "appos", "cc", "punct"}   # the phrase's own names, not its "of"/"from" objects
            helpers, anchor = codes(agent, deps=near), t
            if t.dep_ == "acl" and t.head.pos_ in ("NOUN", "PROPN"):
                n = t.head
                while n.dep_ in ("conj", "appos") and n.head.pos_ in ("NOUN", "PROPN"):
                    n = n.head
                helped, anchor = codes(n, deps=near), n   # "X and Y, backed by Z, ..."
            elif t.dep_ == "advcl":
                helped = _holders(t.head, ta, vocab)
            else:
                s = _subject(t)   # "X was backed by Y"
                helped = codes(s, deps=near) if s is not None else []
            pair([h for h in helped if h not in helpers], helpers, [anchor, t, agent])
            continue
        if r and t.pos_ == "VERB" and lem in r["verbs"]:
            _active_help(t, r, codes, pair, ta, vocab)
            continue
        r = rules.get("alongside")
        if r and low in r["words"] and t.dep_ == "prep":
            partners = [c for o in kids_of(t) if o.dep_ == "pobj" for c in _codes(phrase_actors(o, ta, vocab))]
            h = t.head
            holders = _holders(h, ta, vocab) if h.pos_ in ("VERB", "AUX") else _codes(phrase_actors(h, ta, vocab))
            pair([a for a in holders if a not in partners], partners, [h, *t.subtree])
            continue
        r = rules.get("in_support")
        if r and lem in r["lemmas"] and t.pos_ == "NOUN" and t.dep_ == "pobj" and t.head.lower_ in r["preps"] \
                and t.head.head.lemma_.lower() not in r["not_after"]:   # "remains steadfast in support of X"
            helped = [c for p in kids_of(t) if p.dep_ == "prep" and p.lower_ == "of"   # its own names, not "in X"
                      for o in kids_of(p) if o.dep_ == "pobj" for c in codes(o, deps=own | {"poss", "conj", "cc", "appos"})]
            n = t.head.head
            if n.pos_ in ("NOUN", "PROPN") and t.head.dep_ == "prep":   # "X, Y and others in support of Z"
                while n.dep_ in ("conj", "appos") and n.head.pos_ in ("NOUN", "PROPN"):
                    n = n.head
                helpers = _codes(phrase_actors(n, ta, vocab, deps={"compound", "amod", "conj", "appos", "cc", "punct"},
                                               preps=set()))
                if helpers:
                    pair([h for h in helpers if h not in helped], helped, [n, *t.subtree])
                    continue
            gov = next((a for a in t.ancestors if a.pos_ in ("VERB", "AUX")), None)
            if not helped or gov is None:
                continue
            helpers = _holders(gov, ta, vocab)
            pair([h for h in helpers if h not in helped], helped, [gov, *t.subtree])
            continue
        r = rules.get("co_agents")
        if r and t.pos_ == "VERB" and lem in r["verbs"]:
            if lem in r.get("need_object", ()) and not any(
                    c.dep_ == "dobj" and c.lemma_.lower() in r["objects"] for c in kids_of(t)):
                continue   # "launched an offensive", not "launched talks"
            if modality(t, vocab)[0] == "negated":
                continue
            subs = [c for c in kids_of(t) if c.dep_ == "nsubj"]   # a list may be parsed as two subjects
            side = _codes([p for s in subs for p in phrase_actors(
                s, ta, vocab, deps={"compound", "amod", "conj", "appos", "cc", "punct"}, preps=set())])
            seen: set = set()
            side = [c for c in side if not (_party(c, parties) in seen or seen.add(_party(c, parties)))]
            if 2 <= len(side) <= 8:
                toks = [x for s in subs for x in s.subtree if x.dep_ not in ("relcl", "acl")]
                for k, a in enumerate(side):
                    pair([a], side[k + 1:], toks)


def _active_help(t, r: dict, codes, pair, ta, vocab: dict) -> None:
    """Help given to fight, in the active voice: "X is assisting Y to defeat Z" (the help's purpose
    a verb of fighting, ``purposes``), "X sent fighters to Syria to support Y" (forces, ``forces``,
    sent by a verb of ``senders`` for the help). Not "X supports the talks", nor what X may do, nor
    help to fight no named enemy ("to defeat terrorism")."""
    objs = [c for c in kids_of(t) if c.dep_ == "dobj"]
    if not objs:
        return
    aims = [c for c in kids_of(t) if c.dep_ in ("xcomp", "advcl") and c.lemma_.lower() in r.get("purposes", ())]
    if aims:
        aims += [c for a in aims for c in kids_of(a) if c.dep_ == "conj" and c.lemma_.lower() in r["purposes"]]
        # "to degrade and destroy X" (not "to defeat terrorism and to give them hope")
        if modality(t, vocab)[0] != "asserted" or not any(
                _codes(phrase_actors(o, ta, vocab)) for a in aims for o in kids_of(a) if o.dep_ == "dobj"):
            return   # the enemy named: "supporting the government to defeat terrorism" is no side taken
        helpers, toks = _holders(t, ta, vocab), [t, *objs[0].subtree]
    else:
        v = t.head
        if not (t.dep_ in ("advcl", "xcomp") and any(c.dep_ == "aux" and c.lower_ == "to" for c in kids_of(t))
                and v.pos_ == "VERB" and v.lemma_.lower() in r.get("senders", ())
                and modality(v, vocab)[0] == "asserted"):
            return
        sent = [o for o in kids_of(v) if o.dep_ == "dobj"]
        sent += [p for o in sent for c in kids_of(o) if c.dep_ == "prep" and c.lower_ == "of"
                 for p in kids_of(c) if p.dep_ == "pobj"]   # "thousands of fighters"
        forces = [o for o in sent if o.lemma_.lower() in r.get("forces", ()) or o.lower_ in r.get("forces", ())]
        if not forces:
            return
        helpers = _codes([a for o in sent for a in phrase_actors(o, ta, vocab, preps=set())]) or _holders(v, ta, vocab)
        toks = [sent[0], t, *objs[0].subtree]
    helped = codes(objs[0], deps={"compound", "amod", "nmod", "poss"})
    pair([h for h in helped if h not in helpers], helpers, toks)
