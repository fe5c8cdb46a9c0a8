"""Stage 1: actors -- people (with roles), states, organisations.

How a mention is found and resolved:

1. The actor dictionary (``actordict``; bundled YAML plus the user's files)
   runs as a phrase matcher in front of spaCy's NER (component
   ``sitrep_actors``): names and aliases get the entry's type, demonyms
   ("North Korean") get NORP; the longest match wins and is preset in
   ``doc.ents``, so the statistical NER keeps it and labels only the rest.
   This fixes the model's errors on known actors (Trump as ORG, Lavrov as ORG,
   Kyiv as PERSON).
2. A state mention followed by a body ("Russia's parliament", "Ukrainian
   military", "South Korean Defense Ministry") is one ORG with the state's
   code and the body's sector; "the Ministry of Defense" without a state
   takes the state named last in the same sentence.
3. Model PERSON and ORG entities that are not in the dictionary are kept
   after a junk filter (subhead lines, headline-like lines, digits, lower
   case); a title before a person ("Dutch Defense Minister", "Pentagon press
   secretary Maj. Gen.") gives the role and the country of the organisation or
   demonym in it. Model GPE entities count only when the dictionary knows
   them (the rest are places, for the places stage).
4. A capital that is an alias of its state ("Moscow", "Kyiv") is an actor
   mention unless it stands as a place: after a locative preposition ("in
   Kyiv") or in a list of places.

Coreference: resolved are aliases (the Kremlin -> Russia), demonyms acting
for their state ("Russian drones" -> Russia), a later surname ("Bennett")
joining an earlier full name ("Bruce Bennett") of the same document, and role
descriptions ("the Ukrainian leader", "the NATO chief", "the alliance")
joining a person or body named earlier in the same document (``descriptions``,
nouns in ``data/role-nouns.yaml``). Not resolved here: pronouns ("he",
"they"; the claims and events stages resolve them for sources and actors).

Other stages use ``actor_at(ctx, start, end)`` and ``code_for_span(ctx,
start, end)`` to look up the actor of a character span.
"""
from __future__ import annotations

import bisect
from typing import Iterator

from ..model import Entity, Mention, record_id
from . import actordict, descriptions
from .actorwords import (_ADJ_BODIES, _BODY_FIRST, _MAX_BODY, _ORG_JUNK, ACTOR_NOUNS, BODIES, LOCATIVE, MOTION,
                         TITLE_WORDS, doc_ents)
from .actorwords import PATTERNS_FILE, token_table  # noqa: F401 - re-exported for other stages and tests
from .context import Context
from .persons import HitIndex, _add_person, _join_surnames

def setup(nlp, resources: dict) -> None:
    """Load the actor dictionary and add the ``sitrep_actors`` matcher in front of the NER."""
    ad = actordict.load(resources.get("actor_files") or ())
    resources["actors"] = ad
    resources["actor_alias_index"] = {_low(p): name for p, label, name in ad.phrases() if label != "NORP"}
    resources["actor_demonym_index"] = {_low(p): name for p, label, name in ad.phrases() if label == "NORP"}
    if "sitrep_actors" not in nlp.pipe_names:
        comp = nlp.add_pipe("sitrep_actors", before="ner" if "ner" in nlp.pipe_names else None)
        comp.configure(ad)


def _low(s: str) -> str:
    return s.lower().replace("\u2019", "'")


class ActorMatcher:
    """Presets dictionary matches as entities; keeps them in ``doc.user_data['sitrep_actors']``."""

    def __init__(self, nlp):
        self.nlp = nlp
        self.matcher = None

    def configure(self, ad: actordict.ActorDict) -> None:
        from spacy.matcher import PhraseMatcher
        self.matcher = PhraseMatcher(self.nlp.vocab, attr="ORTH")
        groups: dict[str, list[str]] = {}
        for phrase, label, name in ad.phrases():
            groups.setdefault(f"{label}\t{name}", []).append(phrase)
            if "'" in phrase:
                groups[f"{label}\t{name}"].append(phrase.replace("'", "\u2019"))
        for key, phrases in groups.items():
            self.matcher.add(key, list(self.nlp.tokenizer.pipe(phrases)))

    def __call__(self, doc):
        from spacy.tokens import Span
        from spacy.util import filter_spans
        if self.matcher is None:
            return doc
        spans = []
        strings = doc.vocab.strings
        for key, s, e in self.matcher(doc):
            label, name = strings[key].split("\t", 1)
            spans.append(Span(doc, s, e, label=label, kb_id=name))
        spans = filter_spans(spans)
        doc.user_data["sitrep_actors"] = [(sp.start, sp.end, sp.label_, sp.kb_id_) for sp in spans]
        doc.ents = spans
        return doc


def _register() -> None:
    from spacy.language import Language
    if "sitrep_actors" not in Language.factories:
        Language.factory("sitrep_actors", func=lambda nlp, name: ActorMatcher(nlp))


_register()


class _Acc:
    """Mentions gathered for one canonical actor."""

    def __init__(self, name, type_, code, role=None, known=True):
        self.name, self.type, self.code, self.role, self.known = name, type_, code, role, known
        self.mentions: dict[tuple[int, int], str] = {}


def find_entities(ctx: Context) -> Iterator[Entity]:
    sdoc, text = ctx.sdoc, ctx.doc.text
    texts, idxs, ends = token_table(ctx)
    ad: actordict.ActorDict = ctx.resources["actors"]
    alias_ix = ctx.resources["actor_alias_index"]
    gaz = ctx.resources.get("gazetteer")
    day = ctx.anchor.isoformat() if ctx.anchor else None
    heads = _heading_ranges(ctx)
    acc: dict[str, _Acc] = {}
    taken = [False] * (len(sdoc) + 1)
    state_hits: list[tuple[int, int, str]] = []        # (tok start, tok end, canonical) of states, for bodies
    demonym_hits: list = []

    def add(name, type_, code, s_tok, e_tok, role=None, known=True):
        a = acc.get(name)
        if a is None:
            a = acc[name] = _Acc(name, type_, code, role, known)
        elif role and not a.role:
            a.role = role
        sc, ec = idxs[s_tok], ends[e_tok - 1]
        a.mentions[(sc, ec)] = text[sc:ec]
        for i in range(s_tok, e_tok):
            taken[i] = True

    hits = sdoc.user_data.get("sitrep_actors", [])
    person_words = {w for ent in doc_ents(ctx) if ent.label_ == "PERSON" and len(ent) > 1 for w in ent.text.split()[-1:]}
    person_words |= {a.name.split()[-1] for _, _, label, name in hits if label == "PERSON"
                     for a in [ad.actors[name]] if " " in a.name}
    in_hit = [False] * (len(sdoc) + 1)
    for s, e, _, _ in hits:
        for i in range(s, e):
            in_hit[i] = True
    place_toks = _place_token_starts(sdoc, gaz, hits)
    # 1+2. dictionary hits, with bodies after states
    for s, e, label, name in hits:
        if taken[s]:
            continue
        actor = ad.actors.get(name)
        if actor is None:
            continue
        if label != "NORP" and actor.type == "GPE" and _is_place_use(sdoc, s, e, name, gaz, place_toks, texts, idxs, ends,
                                                                                 ctx.scratch["token_text"]):
            continue
        if label == "NORP" and not _body_after(sdoc, e, texts):
            if e < len(texts) and texts[e].lower() in ACTOR_NOUNS:     # "North Korean troops": the state acts
                add(actor.name, actor.type, actor.code, s, e)
                state_hits.append((s, e, actor.name))
            else:
                demonym_hits.append((s, e, actor))
            continue
        body = _body_after(sdoc, e, texts) if _is_state(actor) else None
        if body:
            b_end, sector = body
            name, type_, code = _body_actor(sdoc, actor, e, b_end, sector, alias_ix, ad)
            add(name, type_, code, s, b_end, known=name in ad.actors)
            continue
        if actor.type == "PERSON":
            r = actor.role_on(day)
            add(actor.name, "PERSON", actor.code, s, e, role=r.role if r else None)
        else:
            add(actor.name, actor.type, actor.code, s, e)
        if _is_state(actor):
            state_hits.append((s, e, actor.name))
    # 3. the model's entities not in the dictionary
    hx = None
    for ent in doc_ents(ctx):
        if ent.label_ not in ("PERSON", "ORG", "GPE", "NORP") or taken[ent.start] or taken[ent.end - 1]:
            continue
        if in_hit[ent.start] or in_hit[ent.end - 1]:     # a dictionary hit skipped above (a place)
            continue
        known = alias_ix.get(_low(ent.text)) or alias_ix.get(_low(_strip_the(ent.text)))
        if known and known in ad.actors:
            a = ad.actors[known]
            r = a.role_on(day) if a.type == "PERSON" else None
            add(a.name, a.type, a.code, ent.start, ent.end, role=r.role if r else None)
            continue
        if ent.label_ in ("GPE", "NORP") or _junk(ent, heads, gaz):
            continue
        if len(ent) == 1 and ent.text in person_words:      # joins a full name by surname (step 4)
            continue
        if ent.label_ == "PERSON" or _person_like_org(sdoc, ent):
            if hx is None:
                hx = HitIndex(ctx, hits, in_hit)
            _add_person(sdoc, ent, acc, add, ad, taken, hx)
        else:
            s = ent.start + (1 if ent[0].lower_ == "the" else 0)
            if s >= ent.end:
                continue
            body = _generic_body(sdoc, s, ent.end)
            if body:
                state = _last_state_before(state_hits, sdoc, s)
                if state:
                    actor = ad.actors[state]
                    name, type_, code = _body_actor(sdoc, actor, s, ent.end, body, alias_ix, ad, generic=True)
                    add(name, type_, code, s, ent.end, known=name in ad.actors)
                    continue
            code = _code_inside(sdoc, ent, hits, ad)
            name = " ".join(sdoc[s:ent.end].text.split())
            if name and name[0].isalpha():
                add(name, "ORG", code, s, ent.end, known=False)
    # 4. surnames joining full names; demonyms join their state where the state is named
    _join_surnames(ctx, acc, add, taken)
    descriptions.resolve(ctx, acc, add, taken, hits, ad, day)     # "the Ukrainian leader" -> a person named before
    for s, e, actor in demonym_hits:
        if actor.name in acc and not taken[s]:
            add(actor.name, actor.type, actor.code, s, e)
    for a in acc.values():
        ms = tuple(Mention(s, e, t) for (s, e), t in sorted(a.mentions.items()))
        code = a.code
        sector = code.split(" ", 1)[1] if code and " " in code else None
        yield Entity(id=record_id("entity", ctx.doc.id, a.name), doc_id=ctx.doc.id, name=a.name, type=a.type,
                     code=code, role=a.role, mentions=ms, sector=sector, known=a.known)


_ORG_WORDS = {"institute", "ministry", "council", "group", "company", "agency", "party", "union", "bank", "corp",
              "corporation", "inc", "ltd", "university", "college", "center", "centre", "committee", "command",
              "service", "forces", "army", "navy", "fund", "foundation", "association", "news", "times", "post",
              "press", "club", "league", "organization", "organisation", "department", "office", "court", "fc"}


def _person_like_org(sdoc, ent) -> bool:
    """A model ORG that is a person's name joined to a person ("Ana Petrovic and Milan Horvat said"):
    two or three title-case words, no organisation word, next to a PERSON across "and" or ","."""
    if ent.label_ != "ORG" or not 2 <= len(ent) <= 3 or any(t.lower_ in _ORG_WORDS or not t.is_title for t in ent):
        return False
    for a, b in ((ent.start - 2, ent.start - 1), (ent.end + 1, ent.end)):
        if 0 <= a < len(sdoc) and 0 <= b < len(sdoc) and sdoc[b].lower_ in ("and", ",") \
                and sdoc[a].ent_type_ == "PERSON":
            return True
    return False


def _is_state(a: actordict.Actor) -> bool:
    return a.type == "GPE" and a.code is not None and len(a.code) == 3 and a.code.isupper()


def _strip_the(s: str) -> str:
    return s[4:] if s.lower().startswith("the ") else s


def _body_after(sdoc, e: int, texts: list[str]):
    """(token end, sector) of a body right after a state mention (optionally after 's); ``texts``
    are the token texts (``token_table``; a token's ``lower_`` is its text lower-cased)."""
    i, size = e, len(texts)
    if i < size and texts[i].lower() in ("'s", "\u2019s"):
        i += 1
    if i >= size or texts[i].lower() not in _BODY_FIRST:
        return None
    for n in range(min(_MAX_BODY, size - i), 0, -1):
        words = tuple(w.lower() for w in texts[i:i + n])
        if words in BODIES and BODIES[words] is not None:
            # "Russian military aid" is aid, not the military; "the Ukrainian army" is the army
            nxt = sdoc[i + n] if i + n < len(sdoc) else None
            if words in _ADJ_BODIES and nxt is not None and nxt.pos_ in ("NOUN", "PROPN", "ADJ"):
                return None
            return i + n, BODIES[words]
    return None


def _generic_body(sdoc, s: int, e: int):
    words = tuple(t.lower_ for t in sdoc[s:e])
    sector = BODIES.get(words)
    return sector if sector and sdoc[s].is_title else None


def _body_actor(sdoc, actor, s_body: int, e_body: int, sector, alias_ix, ad, generic=False):
    """(name, type, code) of a body of ``actor``: a dictionary entry where one exists, else
    '<Demonym> <body as written>'."""
    i = s_body
    if not generic and i < len(sdoc) and sdoc[i].lower_ in ("'s", "\u2019s"):
        i += 1
    body = sdoc[i:e_body].text
    dem = actor.demonyms[0] if actor.demonyms else actor.name
    for cand in (f"{dem} {body}", f"{actor.name}'s {body}", f"{dem} {body.lower()}"):
        name = alias_ix.get(_low(cand))
        if name and name in ad.actors:
            a = ad.actors[name]
            return a.name, a.type, a.code
    return f"{dem} {body}", "ORG", f"{actor.code} {sector}"


def _last_state_before(state_hits, sdoc, s: int) -> str | None:
    sent_start = sdoc[s].sent.start
    best = None
    for hs, he, name in state_hits:
        if sent_start <= hs and he <= s:
            best = name
    return best


def _heading_ranges(ctx: Context) -> list[tuple[int, int]]:
    """Character ranges of subheads and headline-like lines (short, title-cased, no final stop)."""
    out = [(h.start, h.end) for h in ctx.doc.subheads]
    pos = 0
    for line in ctx.doc.text.split("\n"):
        words = line.split()
        if words and len(words) <= 10 and line.rstrip()[-1:] not in ".!\"\u201d:;,":
            caps = sum(1 for w in words if w[:1].isupper() or not w[:1].isalpha())
            if caps >= 0.6 * len(words) and len(words) >= 2:
                out.append((pos, pos + len(line)))
        pos += len(line) + 1
    return out


def _junk(ent, heads, gaz) -> bool:
    """Model entities that are not actors: digits, lower case, generic title words, place names
    (Odesa as PERSON, Kharkiv as ORG), text in subheads and headline-like lines."""
    t = ent.text.strip()
    if len(t) < 2 or any(c.isdigit() for c in t) or not t[:1].isupper() and not t.lower().startswith("the "):
        return True
    if t.lower() in _ORG_JUNK or _strip_the(t).lower() in _ORG_JUNK or "\n" in t:
        return True
    if all(tok.lower_ in TITLE_WORDS or tok.is_punct for tok in ent):
        return True
    if gaz is not None:
        core = _strip_the(t)
        if core.lower().endswith(" region"):
            core = core[:-7]
        if gaz.is_place(core):
            return True
    start = ent.start_char
    return any(s <= start < e for s, e in heads)


def _code_inside(sdoc, ent, hits, ad) -> str | None:
    """The country of a state or demonym named inside or right before an organisation's name."""
    for s, e, label, name in hits:
        if ent.start - 1 <= s and e <= ent.end:
            a = ad.actors.get(name)
            if a and a.code:
                return a.code.split(" ")[0]
    return None


def _place_token_starts(sdoc, gaz, hits) -> set[int]:
    """Token starts of all dictionary hits: a list of places has neighbours that are not actors."""
    out = set()
    if gaz is None:
        return out
    for s, e, label, name in hits:
        out.add(s)
    return out


def _is_place_use(sdoc, s: int, e: int, name: str, gaz, place_toks, texts, idxs, ends, ptext) -> bool:
    """A capital named as an alias of its state ("Kyiv") is a place after a locative
    preposition ("in Kyiv") or inside a list of places; otherwise it acts for its state."""
    surface = ptext[idxs[s]:ends[e - 1]]     # sdoc[s:e].text
    if surface == name or gaz is None or not gaz.is_city(surface):
        return False
    prev = texts[s - 1].lower() if s > 0 else ""
    if prev in LOCATIVE:
        return True
    if prev == "to" and s > 1 and texts[s - 2].lower() in MOTION:        # "Starmer's trip to Paris"
        return True
    if s > 1 and texts[s - 2].lower() in ("city", "capital") and prev == "of":
        return True
    # in a list: "Cherkasy, Chernihiv, Kyiv, Odesa" (neighbours are places)
    if prev in (",", "and") or (e < len(texts) and texts[e] in (",", "and")):
        nb = []
        if s >= 2 and prev in (",", "and"):
            nb.append(sdoc[s - 2])
        if e + 1 < len(texts) and texts[e] in (",", "and"):
            nb.append(sdoc[e + 1])
        hit_starts = {h for h in place_toks}
        if any(gaz.is_place(t.text) and t.is_title and t.i not in hit_starts and not _is_state_name(t.text, gaz)
               for t in nb):
            return True
    return False


def _is_state_name(text: str, gaz) -> bool:
    return gaz.kind_of(text) == "country"


# ---- lookups for later stages ----

def _index(ctx: Context):
    ix = ctx.scratch.get("actor_index")
    if ix is None:
        spans = sorted((m.start, m.end, e) for e in ctx.records.entities for m in e.mentions)
        ix = ctx.scratch["actor_index"] = ([s for s, _, _ in spans], spans)
    return ix


def actor_at(ctx: Context, start: int, end: int) -> Entity | None:
    """The entity with a mention overlapping the character span [start, end) (the first such)."""
    starts, spans = _index(ctx)
    i = bisect.bisect_left(starts, end)
    best = None
    for j in range(i - 1, max(-1, i - 40), -1):
        s, e, ent = spans[j]
        if s < end and start < e:
            best = ent
        elif e <= start and s < start - 400:
            break
    return best


def code_for_span(ctx: Context, start: int, end: int) -> str | None:
    """The actor code of the span: an entity's mention overlapping it, else a demonym in it
    ("North Korean troops" -> PRK); None when neither names an actor."""
    ent = actor_at(ctx, start, end)
    if ent is not None:
        return ent.code
    dem = ctx.resources.get("actor_demonym_index", {})
    ad = ctx.resources.get("actors")
    words = ctx.doc.text[start:end].replace("\u2019", "'").split()
    for n in (2, 1):
        for i in range(len(words) - n + 1):
            name = dem.get(" ".join(words[i:i + n]).lower())
            if name and ad and name in ad.actors:
                return ad.actors[name].code
    return None
