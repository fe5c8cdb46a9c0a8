"""Role descriptions as later mentions ("the Ukrainian leader", "the NATO chief", "the alliance").

A description is "the" + an optional state or organisation (a dictionary hit: "Ukrainian", "the
Kremlin", "NATO", "US", or "<State>'s" without "the") + a role noun of ``data/role-nouns.yaml``,
or "the <role noun> of <state>". It becomes a mention of a person named EARLIER in the same
document:

(a) a dictionary person whose role on the document's date fits the noun and the state, else
(b) a person the text introduced with a title ("Dutch Defense Minister Marjolein Vos") that fits.

Exactly one candidate must fit (within the first tier of the noun that has any); two candidates
that fit equally leave the description unresolved, as does a description followed by a name (a
title: "the Russian President Vladimir Putin"), a qualifier we do not know ("the former
president") or a noun needing a state without one ("the leader"). Organisation descriptions ("the
alliance") join the one listed actor named earlier. Nothing is carried across documents.
"""
from __future__ import annotations

import re

import yaml

from . import actordict
from .actorwords import token_table
from .event_actors import COREF

ROLE_FILE = actordict.DATA / "role-nouns.yaml"
_FOLLOW_NO = set(COREF["description_follow_no"]["words"])     # "the alliance between Moscow and Pyongyang"
_DETS = set(COREF["description_determiners"]["words"])        # "the Ukrainian leader"


def _norm(s: str) -> str:
    return " " + re.sub(r"[^a-z]+", " ", s.lower().replace("-", " ")).strip() + " "


def load(path=ROLE_FILE) -> dict:
    """Phrase (tuple of lower-case words) -> entry; entries have fits/else/not as normalised phrases."""
    entries = yaml.load(path.read_text(encoding="utf-8"), Loader=actordict._LOADER)
    table = {}
    for e in entries:
        ent = {"noun": e["noun"], "bare": bool(e.get("bare")), "actors": tuple(e.get("actors") or ()),
               "tiers": [tuple(_norm(w) for w in t) for t in (e.get("fits") or (), e.get("else") or ()) if t],
               "not": tuple(_norm(w) for w in e.get("not") or ())}
        for w in e["words"]:
            table[tuple(w.lower().split())] = ent
    return table


TABLE = load()
_BY_NOUN = {e["noun"]: e for e in TABLE.values()}
# "the Kremlin chief": the body's words -> the entry of the office that heads it (coref-words.yaml)
_BODY_HEADS = {tuple(k.split()): _BY_NOUN[v] for k, v in COREF["body_heads"]["items"].items()}
_HEAD_WORDS = {(w,) for w in COREF["body_head_words"]["words"]}
_FIRST = {k[0] for k in TABLE}
_FIRST_SET = frozenset(_FIRST)
_MAXW = max(map(len, TABLE))


def _tier(entry, role: str | None) -> int | None:
    """The tier of ``entry`` that the role text fits (0 best), or None."""
    if not role:
        return None
    r = _norm(role)
    if any(w in r for w in entry["not"]):
        return None
    for i, tier in enumerate(entry["tiers"]):
        if any(w in r for w in tier):
            return i
    return None


def resolve(ctx, acc: dict, add, taken, hits, ad, day: str | None) -> None:
    """Add each resolvable description as a mention of its actor (see the module docstring)."""
    people = [a for a in acc.values() if a.type == "PERSON" and a.mentions]
    orgs = {a.name: a for a in acc.values() if a.mentions}
    if not people and not any(n in orgs for e in TABLE.values() for n in e["actors"]):
        return
    sdoc = ctx.sdoc
    low = _Lower(token_table(ctx)[0])
    hit_at = {h[0]: h for h in hits}
    hit_end = {h[1]: h for h in hits}
    n = len(sdoc)
    org_end: dict[int, tuple] = {}      # end token of an organisation description -> (start, end, "ORG", name)
    for i in _first_words(ctx):
        if i == 0 or taken[i]:
            continue
        k, entry = 0, None
        for m in range(min(_MAXW, n - i), 0, -1):
            entry = TABLE.get(tuple(low[i:i + m]))
            if entry:
                k = m
                break
        if entry is None or any(taken[i:i + k]):
            continue
        e = i + k
        # the start and qualifier before the noun
        qual, s = None, None
        h = hit_end.get(i)
        if h is not None:       # "the Ukrainian leader", "the Kremlin leader" (hit "the Kremlin"), "the NATO chief"
            if low[h[0]] == "the":
                qual, s = h, h[0]
            elif h[0] > 0 and low[h[0] - 1] in _DETS:
                qual, s = h, h[0] - 1
        elif low[i - 1] in _DETS:
            s = i - 1
        elif i >= 2 and low[i - 1] in ("'s", "\u2019s") and (hit_end.get(i - 1) or org_end.get(i - 1)):
            qual = hit_end.get(i - 1) or org_end[i - 1]     # "Russia's foreign minister", "the alliance's chief"
            s = qual[0]
        if s is None:
            continue
        if e < n and low[e] in ("of",) and qual is None:     # "the president of (the) Russia"
            j = e + 1 + (1 if e + 1 < n and low[e + 1] == "the" else 0)
            if j in hit_at:
                qual, e = hit_at[j], hit_at[j][1]
                if e < n and low[e] in ("'s", "\u2019s"):      # "the head of Ukraine's military intelligence"
                    continue
        if e < n and (taken[e] or e in hit_at or sdoc[e].ent_type_ in ("PERSON", "ORG", "NORP") or
                      sdoc[e].pos_ == "PROPN" and sdoc[e].ent_type_ not in ("DATE", "TIME")):
            continue                        # a title before a name: "the Russian President Vladimir Putin"
        if e < n and low[e] in _FOLLOW_NO and entry["actors"]:
            continue
        if qual and tuple(low[i:e]) in _HEAD_WORDS:    # "the Kremlin chief": the office that heads the body
            body = tuple(w for w in low[qual[0]:qual[1]] if w != "the")
            if body in _BODY_HEADS:
                if e < n and (low[e] == "of" or sdoc[e].pos_ in ("NOUN", "PROPN")):
                    continue                # "the White House chief of staff", "the Pentagon chief spokesman"
                entry = _BODY_HEADS[body]
        qa = ad.actors.get(qual[3]) if qual else None
        if qual and (qa is None or not qa.code or qa.type == "PERSON"):
            continue
        if entry["actors"]:         # "the BRICS bloc" is BRICS; "the Russian-led bloc" is none of the list
            target = (orgs.get(qa.name) if qa.name in entry["actors"] else None) if qa else \
                _org_target(entry, orgs, sdoc[s].idx)
        else:
            target = _person_target(entry, people, qa, ad, day, sdoc[s].idx)
        if target is not None:
            add(target.name, target.type, target.code, s, e)
            if entry["actors"]:
                org_end[e] = (s, e, "ORG", target.name)


class _Lower:
    """The lower-case token texts, made when read (most are never read)."""

    def __init__(self, texts: list[str]):
        self.texts = texts

    def __getitem__(self, i):
        if isinstance(i, slice):
            return [t.lower() for t in self.texts[i]]
        return self.texts[i].lower()


def _first_words(ctx) -> list[int]:
    """Indices of the tokens whose lower form can start a role noun (by spaCy's LOWER ids)."""
    from .type_index import hits
    return hits(ctx, _FIRST_SET)


def _org_target(entry, orgs, pos: int):
    named = [orgs[n] for n in entry["actors"] if n in orgs and min(orgs[n].mentions)[0] < pos]
    return named[0] if len(named) == 1 else None


def _first(a) -> int:
    return min(a.mentions)[0]


def _person_target(entry, people, qa, ad, day, pos: int):
    if qa is None and not entry["bare"]:
        return None
    want = qa.code.split()[0] if qa is not None else None
    sector = qa.code if qa is not None and " " in qa.code else None    # "the White House spokesman": USA GOV
    known: dict[int, list] = {}
    unknown: dict[int, list] = {}
    for a in people:
        if _first(a) >= pos:
            continue
        actor = ad.actors.get(a.name) if a.known else None
        if actor is not None:
            roles = [r for r in actor.roles if r.holds(day)] if day else [r for r in [actor.role_on(None)] if r]
            best = None
            for r in roles:
                t = _tier(entry, r.role)
                full = r.code or actor.code or ""
                code = full.split()[:1]
                if sector and " " in full and full != sector:
                    continue
                if t is not None and (want is None or code == [want]) and (best is None or t < best):
                    best = t
            if best is not None:
                known.setdefault(best, []).append(a)
        else:
            t = _tier(entry, a.role)
            code = (a.code or "").split()[:1]
            if t is not None and (want is None or code == [want]):
                unknown.setdefault(t, []).append(a)
    for pool in (known, unknown):
        if pool:
            cands = pool[min(pool)]
            return cands[0] if len(cands) == 1 else None
    return None
