"""Stage: lasting relations between actors, with the spans that show them.

A relation is a tie that outlasts one event: SUPPLIES (with the item),
WITHHOLDS, ALLIED_WITH, DEPLOYS_TO, OPPOSES. They come from

* the events of this document (``data/relation_patterns.yaml`` ``from_events``):
  asserted AID with an item -> SUPPLIES, troops -> DEPLOYS_TO, REJECT of a supply
  item (withhold) -> WITHHOLDS, a defence AGREE -> ALLIED_WITH, ASSAULT / FIGHT /
  SANCTION -> OPPOSES; negated and merely expected events give none;
* relation nouns in the parse (``nouns``): "Russia's war in Ukraine", "the
  Russia-Ukraine war", "an alliance between Moscow and Pyongyang";
* the presence of forces (``presence``): "North Korean troops in Russia";
* who fights on whose side (``ALLIED_WITH`` ``sides``, in ``relation_sides``).

One Relation per (type, from, to) per document, holding every evidence span
(``doc.text[start:end] == evidence.text``); the store aggregates them over
documents (``store.relations()``). Codes are the country part of actor codes, but a
non-state armed group keeps its sector (``parties``: "SYR REB" is not Syria).
"""
from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from typing import Any, Iterator

import yaml

from ..model import Evidence, Relation, record_id
from .context import Context
from .event_parse import _codes, _inherited_subject, _subject, modality, phrase_actors, pronoun_owner
from .events import load_vocab, token_actors
from .hedges import token_hits
from .relation_sides import OWNER_DEPS, PATTERNS, _holders, _party, _rule_list, _side_relations
from .tokkids import kids_of

DATA = Path(__file__).resolve().parents[1] / "data"
TYPES = ("SUPPLIES", "WITHHOLDS", "ALLIED_WITH", "DEPLOYS_TO", "OPPOSES")
SYMMETRIC = {"ALLIED_WITH"}  # one relation per pair: "X's alliance with Y" and "Y's pact with X" are one tie
QUOTES = {'"', "'", "\u201c", "\u201d", "\u2018", "\u2019", "``", "''"}


@lru_cache(maxsize=4)
def load_patterns(path: str | None = None) -> dict[str, Any]:
    return yaml.safe_load(Path(path or PATTERNS).read_text(encoding="utf-8"))


@lru_cache(maxsize=4)
def load_weapons(path: str | None = None) -> re.Pattern:
    """One pattern for the phrases of ``data/weapons.yaml``, longest first: lower-case phrases match
    in any case, names with capitals as written ("TOW", "Grad"); a hyphen and a space alike; -s, -es."""
    rows = yaml.safe_load(Path(path or DATA / "weapons.yaml").read_text(encoding="utf-8"))
    alts = []
    for ph in sorted({r["phrase"] for r in rows}, key=len, reverse=True):
        body = r"[\s-]+".join(re.escape(w) for w in re.split(r"[\s-]+", ph)) + r"(?:e?s)?"
        alts.append(body if any(c.isupper() for c in ph) else f"(?i:{body})")
    return re.compile(r"(?<![\w-])(?:" + "|".join(alts) + r")(?![\w-])")


def weapons_in(text: str, pattern: re.Pattern | None = None) -> list[str]:
    """The weapons a text names, in order, each surface once ("barrel bombs", "a TOW missile")."""
    spans: list[list[int]] = []
    for m in (pattern or load_weapons()).finditer(text):
        if spans and not text[spans[-1][1]:m.start()].strip(" -"):
            spans[-1][1] = m.end()   # "Grad rockets", "a TOW missile": a name and its class are one weapon
        else:
            spans.append([m.start(), m.end()])
    out: list[str] = []
    for a, b in spans:
        w = " ".join(text[a:b].split())
        if w.lower() not in (x.lower() for x in out):
            out.append(w)
    return out


def setup(nlp: Any, resources: dict[str, Any]) -> None:
    resources["relation_patterns"] = load_patterns()
    resources["weapons"] = load_weapons()


def find_relations(ctx: Context) -> Iterator[Relation]:
    pats = ctx.resources.get("relation_patterns") or load_patterns()
    parties = frozenset((pats.get("parties") or {}).get("sectors") or ())
    found: dict[tuple[str, str, str], dict] = {}

    def add(ty: str, a: str | None, b: str | None, start: int, end: int, item: str | None) -> None:
        a, b = _party(a, parties), _party(b, parties)
        if not a or not b or a == b:
            return
        if ty in SYMMETRIC and (ty, b, a) in found:
            a, b = b, a  # the pair already told the other way round
        g = found.setdefault((ty, a, b), {"items": [], "ev": []})
        if item and item not in g["items"]:
            g["items"].append(item)
        if all((e.start, e.end) != (start, end) for e in g["ev"]):
            g["ev"].append(Evidence(ctx.doc.id, start, end, ctx.doc.text[start:end]))

    for ev in ctx.records.events:
        if ev.modality != "asserted" or not ev.actor or not ev.target:
            continue
        for ty in TYPES:
            for rule in (pats.get(ty) or {}).get("from_events") or []:
                if _event_matches(ev, rule):
                    item = ev.item if ty in ("SUPPLIES", "WITHHOLDS") else _relation_item(ty, ev)
                    add(ty, ev.actor, ev.target, ev.start, ev.end, item)
                    if rule.get("direction") == "both":  # a clash: each side opposes the other
                        add(ty, ev.target, ev.actor, ev.start, ev.end, item)
                    break
    _noun_relations(ctx, pats, add)
    _verb_relations(ctx, pats, add)
    _side_relations(ctx, pats, add)
    hostile = {(a, b) for ty, a, b in found if ty == "OPPOSES"}
    arms = ctx.resources.get("weapons") or load_weapons()
    for (ty, a, b), g in found.items():
        if ty == "DEPLOYS_TO" and ((a, b) in hostile or (b, a) in hostile):
            continue  # forces inside an enemy state are an incursion, not a deployment to it
        if ty == "OPPOSES" and not g["items"]:   # the weapons the evidence names: what the hostility uses
            g["items"] = [w for e in g["ev"] for w in weapons_in(e.text, arms)]
            g["items"] = [w for k, w in enumerate(g["items"]) if w.lower() not in map(str.lower, g["items"][:k])]
        yield Relation(id=record_id("relation", ctx.doc.id, ty, a, b), type=ty, from_=a, to=b,
                       item="; ".join(g["items"]) or None, evidence=tuple(g["ev"]))


def _event_matches(ev, rule: dict) -> bool:
    if ev.type != rule["type"]:
        return False
    if rule.get("modes") and ev.mode not in rule["modes"]:
        return False
    if rule.get("triggers") and not any(w in (ev.trigger or "").lower() for w in rule["triggers"]):
        return False
    if rule.get("words"):
        text = ev.text.lower()
        if not any(w in text for w in rule["words"]):
            return False
    if rule["type"] in ("AID", "REJECT") and rule.get("modes") is None and not (ev.item or ev.mode):
        return False
    if rule.get("not_items") and ev.item and ev.item.lower().split()[-1] in rule["not_items"]:
        return False   # "received machine gun fire from X": fire is not a supply
    if rule["type"] == "REJECT" and not ev.mode:
        return False  # withholding is about a supply item (weapons, money, troops)
    return True


def _relation_item(ty: str, ev) -> str | None:
    if ty == "DEPLOYS_TO":
        return "troops"
    if ty == "ALLIED_WITH":
        return ev.item or "agreement"
    return None


def _noun_relations(ctx: Context, pats: dict, add) -> None:
    vocab = ctx.resources.get("event_vocab") or load_vocab()
    ta = token_actors(ctx)
    rules = [(ty, r) for ty in TYPES for r in _rule_list((pats.get(ty) or {}).get("nouns"))]
    presence = (pats.get("DEPLOYS_TO") or {}).get("presence")
    # only a token whose lemma or lower form is in a rule's lemmas (or whose lemma is a presence
    # noun) can give a relation: those are read, not every token of the document
    words = frozenset().union(*(r["lemmas"] for _, r in rules))
    sdoc = ctx.sdoc
    for i in token_hits(ctx, words, words.union(presence["lemmas"] if presence else ())):
        t = sdoc[i]
        if t.pos_ not in ("NOUN", "PROPN") and not _gerund_noun(t):
            continue
        lem = t.lemma_.lower()
        quoted = 0 < t.i < len(sdoc) - 1 and sdoc[t.i - 1].text in QUOTES and sdoc[t.i + 1].text in QUOTES
        for ty, r in rules:
            if lem not in r["lemmas"] and t.lower_ not in r["lemmas"]:
                continue
            if quoted:
                break   # Assad's "war" on X: the writer disputes the word
            if r.get("words") and lem not in r["words"] and not any(
                    c.lower_ in r["words"] for c in kids_of(t) if c.dep_ in ("amod", "compound")):
                continue
            owners = [(c, x) for c, x in phrase_actors(t, ta, vocab, deps={"poss", "compound", "amod", "nmod",
                                                                              "punct", "conj", "cc"}, preps=set())
                      if x.i < t.i]
            partners = []
            for c in kids_of(t):
                if c.dep_ == "prep" and c.lower_ in r["preps"]:
                    for p in kids_of(c):
                        if p.dep_ == "pobj":
                            partners += _codes(phrase_actors(p, ta, vocab))
            owner_codes = _codes(owners) or pronoun_owner(t, ta)
            pairs = []
            if owner_codes and partners:
                pairs = [(owner_codes[0], p) for p in partners]
            elif len(owner_codes) >= 2:
                pairs = [(owner_codes[0], owner_codes[1])]  # "the Russia-Ukraine war"
            elif len(partners) >= 2 and any(c.lower_ == "between" for c in kids_of(t)):
                pairs = [(partners[0], partners[1])]
                if r.get("direction") == "both":   # "clashes between X and Y": each opposes the other
                    pairs.append((partners[1], partners[0]))
            extra: list = []
            if r.get("kind") == "partner":
                # "the coalition's campaign against X": only an owner (or the doer of the verb the
                # noun is the object of: "X carried out attacks against Y") and a named partner
                v = t.head if t.dep_ == "dobj" else t.head.head if t.dep_ == "pobj" and t.head.dep_ == "prep" else None
                doer = v is not None and v.pos_ in ("VERB", "AUX") and v.lemma_.lower() in r.get("doers", ())
                if doer and not partners and t.dep_ == "dobj":   # "launched operations against Y", "against" on the verb
                    objs = [o for p in kids_of(v) if p.dep_ == "prep" and p.lower_ in r["preps"]
                            for o in kids_of(p) if o.dep_ == "pobj"]
                    partners = [c for o in objs for c in _codes(phrase_actors(o, ta, vocab))]
                    extra += [v, *objs] if partners else []
                if partners and not owner_codes and doer:   # "condemned attacks against Y": not the doer
                    owner_codes = _holders(v, ta, vocab)
                    extra.append(v)
                gov = next((a for a in t.ancestors if a.pos_ in ("VERB", "AUX")), None)
                if gov is not None and modality(gov, vocab)[0] != "asserted" and not _aimed(gov, vocab):
                    continue  # "a crisis such as an operation against Y could embolden Z": a scenario
                pairs = [(owner_codes[0], p) for p in partners] if owner_codes and partners else []
            if r.get("kind") == "attacker":
                # "X came under fire from Y", "X received heavy fire from Y", "X faced attacks by Y"
                v = t.head if t.dep_ == "dobj" else t.head.head if t.dep_ == "pobj" and t.head.lower_ == "under" else None
                pairs = []
                if v is not None and not partners:   # "received fire from Y" with "from" on the verb
                    partners = [c for p in kids_of(v) if p.dep_ == "prep" and p.lower_ in r["preps"]
                                for o in kids_of(p) if o.dep_ == "pobj" for c in _codes(phrase_actors(o, ta, vocab))]
                if partners and v is not None and v.lemma_.lower() in r["receivers"] and \
                        modality(v, vocab)[0] == "asserted":
                    pairs = [(p, h) for p in partners for h in _holders(v, ta, vocab)]
                    subj = _subject(v) or _inherited_subject(v)[0]
                    span = _span(t, extra=[v, *([subj] if subj is not None else []),
                                           *(o for p in kids_of(v) if p.dep_ == "prep" and p.lower_ in r["preps"]
                                             for o in p.subtree)])
                    for a, b in pairs:
                        add(ty, a, b, span[0], span[1], None)
                continue
            if not pairs:
                continue
            span = _span(t, extra=extra)
            for a, b in pairs:
                add(ty, a, b, span[0], span[1], t.text if ty == "ALLIED_WITH" else None)
        if presence and lem in presence["lemmas"]:
            owners = _codes([(c, x) for c, x in phrase_actors(t, ta, vocab, deps={"amod", "compound", "poss"},
                                                            preps=set()) if x.i < t.i])
            where = []
            for c in [*kids_of(t), *([t.head] if t.dep_ == "nsubj" else [])]:
                if c.dep_ == "prep" and c.lower_ in presence["preps"]:
                    where += [p for p in kids_of(c) if p.dep_ == "pobj"]
            if t.dep_ == "nsubj":
                for c in kids_of(t.head):
                    if c.dep_ == "prep" and c.lower_ in presence["preps"]:
                        where += [p for p in kids_of(c) if p.dep_ == "pobj"]
            places = [ta.code[p.i] or ta.place_country[p.i] for p in where]
            for a in owners[:1]:
                for b in places:
                    if b:
                        s, e = _span(t, extra=where)
                        add("DEPLOYS_TO", a, b, s, e, "troops")


def _gerund_noun(t) -> bool:
    """A gerund the parse tags as a verb but that stands as a noun ("Fighting between X and Y
    resumed"): the subject or object of a clause, with no subject, object or auxiliary of its own."""
    return t.tag_ == "VBG" and t.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj") and not any(
        c.dep_ in ("nsubj", "nsubjpass", "dobj", "aux", "auxpass") for c in kids_of(t))


def _verb_relations(ctx: Context, pats: dict, add) -> None:
    """ "X resists U.S. dominance", "their goal of resisting U.S. dominance": a verb of the
    pattern whose object names an actor (or that actor's influence, dominance, ...)."""
    vocab = ctx.resources.get("event_vocab") or load_vocab()
    ta = token_actors(ctx)
    parties = frozenset((pats.get("parties") or {}).get("sectors") or ())
    for ty, r in [(ty, r) for ty in TYPES for r in _rule_list((pats.get(ty) or {}).get("verbs"))]:
        lemmas, objects = set(r["lemmas"]), set(r.get("objects") or [])
        for v in map(ctx.sdoc.__getitem__, token_hits(ctx, lemmas=frozenset(lemmas))):   # lemma in the list
            if v.pos_ != "VERB" or v.lemma_.lower() not in lemmas:
                continue
            if (modality(v, vocab)[0] != "asserted" or v.lemma_.lower() in r.get("aims_only", ())) and not (
                    r.get("counts") == "aims" and _aimed(v, vocab)):
                continue   # "destroyed four positions" is an attack; "to destroy X" an aim against X
            targets = []
            heads = [v, *(o for o in kids_of(v) if o.dep_ == "dobj")] if r.get("preps") else []
            for p in (p for h in heads for p in kids_of(h)):   # "seized the town from X" (on the verb or its object)
                only = (r.get("prep_verbs") or {}).get(p.lower_)
                if p.dep_ == "prep" and p.lower_ in r["preps"] and (not only or v.lemma_.lower() in only):
                    # ("cleared the city of X"; but "liberated the city of Mosul" names the city)
                    targets += [c for o in kids_of(p) if o.dep_ == "pobj" for c in _codes(phrase_actors(o, ta, vocab))]
            for o in kids_of(v):
                if o.dep_ != "dobj":
                    continue
                if r.get("preps"):
                    continue   # the object is the place taken, the opponent is the "from" phrase
                if ta.code[o.i] or ta.group.get(o.i):
                    targets += _codes(phrase_actors(o, ta, vocab))
                elif o.lemma_.lower() in objects:
                    targets += _codes(phrase_actors(o, ta, vocab, deps=OWNER_DEPS, preps=set()))
            if not targets:
                continue
            holders = _holders(v, ta, vocab)
            for a in holders:
                for b in targets:
                    s, e = _span(v)
                    add(ty, a, b, s, e, None)
            if ty == "OPPOSES" and r.get("allies") and len({_party(h, parties) for h in holders}) >= 2:
                # "X, Y and Z are committed to defeating W": who fight one enemy together are allies
                first = next((i for i in range(v.sent.start, v.i) if ta.code[i] in holders), None)
                if first is not None:
                    lo, hi = ctx.sdoc[first].idx, v.idx + len(v.text)
                    for k, a in enumerate(holders):
                        for b in holders[k + 1:]:
                            add("ALLIED_WITH", a, b, lo, hi, "fighting side")


def _aimed(v, vocab: dict) -> bool:
    """An aim stated as the purpose of an act or effort ("a campaign to defeat X", "committed to
    defeating X", "strikes in order to degrade X"): not negated, and the verb itself carries no
    modal ("could defeat X" is a possibility, not an aim)."""
    if modality(v, vocab)[0] == "negated":
        return False
    if any(c.dep_ == "aux" and c.lower_ in vocab["exp_aux"] for c in kids_of(v)):
        return False
    if v.dep_ == "conj" and v.head.pos_ == "VERB":  # "to degrade and defeat X"
        return _aimed(v.head, vocab)
    to = any(c.dep_ == "aux" and c.lower_ == "to" for c in kids_of(v))
    return to or (v.dep_ == "pcomp" and v.tag_ == "VBG")


def _span(t, extra=()) -> tuple[int, int]:
    """The relation noun's phrase (owner, noun, partner), without trailing clauses."""
    near = [x for x in t.subtree if abs(x.i - t.i) < 12 and x.dep_ not in ("relcl", "acl", "appos")]
    lo = min(x.i for x in [t, *near, *extra])
    hi = max(x.i for x in [t, *near, *extra])
    doc = t.doc
    while hi > lo and (doc[hi].is_punct or doc[hi].is_space):
        hi -= 1
    while lo < hi and (doc[lo].is_punct or doc[lo].dep_ in ("det", "cc")):
        lo += 1
    return doc[lo].idx, doc[hi].idx + len(doc[hi].text)
