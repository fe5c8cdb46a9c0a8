"""What a figure counts, read from its words: the unit group, whose things are
counted (the owner), what they are doing (the situation), where and when.

Everything here works on the text and the records of one document (no spaCy),
so that tracks build fast over many documents. Every decision keeps the words
that made it, so a track can say why a figure is in it.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from bisect import bisect_left, bisect_right
from functools import lru_cache
from types import SimpleNamespace
from typing import Any, Iterable

from ..model import Claim, DateRef, Document, Entity, Place, Quantity
from .track_config import _UNIT_WORDS, Config, config, group_of_words, singular, singular_phrase  # noqa: F401


@dataclass
class Figure:
    """One quantity as the tracks see it."""
    q: Quantity
    group: str
    owner: str | None = None          # actor code (or the owner's words, lower case, when no code is known)
    owner_words: str | None = None    # the words of the text that name the owner
    owner_why: str = ""
    situation: str | None = None
    situation_words: str | None = None
    place: str | None = None
    place_kind: str | None = None
    date: str | None = None
    date_from: str | None = None      # text, document
    source: str | None = None
    hedge: str | None = None
    role: str = "figure"              # figure, part, conversion
    counted: str = ""                 # the unit group of its words, before a situation makes it killed, ...
    words: str | None = None          # the words of what is counted (the subject, or as read again here)
    unreadable: str | None = None     # why what it counts cannot be read from its words (then tracked alone)
    parent: str | None = None         # the quantity id a part or conversion belongs to
    why: list[str] = field(default_factory=list)

    @property
    def currency(self) -> str | None:
        uc = self.q.unit_class or ""
        return uc.split(":", 1)[1] if uc.startswith("money:") else (self.q.unit if self.group == "money" else None)


_WORD = re.compile(r"[\w’'%-]+")
_SENT_END = re.compile(r"(?<=[a-z0-9%”\"')\]][.!?])\s+|\n")


def sentence_bounds(text: str, start: int, end: int, starts: list[int] | None = None) -> tuple[int, int]:
    """The sentence (or line) around [start, end); ``starts`` (from
    ``sentence_starts``) makes it a lookup."""
    if starts is None:
        s = 0
        for m in _SENT_END.finditer(text, max(0, start - 600), start):
            s = m.end()
        m = _SENT_END.search(text, end)
        return s, (m.start() if m else len(text))
    i = bisect_right(starts, start) - 1
    s = starts[i] if i >= 0 else 0
    j = bisect_left(starts, end)
    while j < len(starts) and starts[j] <= end:
        j += 1
    e = starts[j] if j < len(starts) else len(text)
    return s, e


def sentence_starts(text: str) -> list[int]:
    """Where each sentence (or line) of a text starts, after the first."""
    return [m.end() for m in _SENT_END.finditer(text)]


def unit_group(q: Quantity) -> str:
    """The unit group of a figure: from its unit class, else its unit word;
    a unit listed in no group is its own group, its singular word."""
    uc = (q.unit_class or "").lower()
    if uc.startswith("money"):
        return "money"
    for cand in (uc, (q.unit or "").lower()):
        if cand:
            g = group_of_words(cand)
            if g:
                return g
    m = _UNIT_WORDS.match((q.unit_class or q.unit or "").lower())
    return singular(m.group().split()[-1]) if m and m.group().split() else "number"


def _ns(x: Any) -> Any:
    """A record, or its stored dict read as attributes (building tracks over
    many documents skips making dataclasses)."""
    return SimpleNamespace(**x) if isinstance(x, dict) else x


class DocContext:
    """The records of one document (records or their stored dicts), indexed for
    reading figures."""

    def __init__(self, doc: Document, entities: Iterable[Entity] = (), places: Iterable[Place] = (),
                 dates: Iterable[DateRef] = (), claims: Iterable[Claim] = (), names: dict[str, str] | None = None,
                 spans: Iterable[tuple[int, int]] = ()):
        self.doc = doc
        self.spans = sorted(spans)        # (start, end) of every figure of the document
        self.text = doc.text
        self.mentions: list[tuple[int, int, str, str]] = []   # start, end, code-or-name, surface
        for e in map(_ns, entities):
            key = (e.code.split()[0] if e.code else None)
            if not key or e.type == "PERSON":
                continue
            for m in map(_ns, e.mentions):
                self.mentions.append((m.start, m.end, key, m.text))
        self.mentions.sort()
        self.places = sorted(((m.start, m.end, p) for p in map(_ns, places) for m in map(_ns, p.mentions)),
                             key=lambda x: x[0])
        self.dates = [d for d in map(_ns, dates) if d.date]
        self.claims = {c.id: c for c in map(_ns, claims)}
        self.names = names or {}
        self.starts = sentence_starts(self.text)

    def mentions_in(self, start: int, end: int) -> list[tuple[int, int, str, str]]:
        return [m for m in self.mentions if m[0] >= start and m[1] <= end]


def _words(s: str) -> list[str]:
    return [w.lower() for w in _WORD.findall(s)]


def _prev_word(text: str, pos: int) -> str:
    ws = _WORD.findall(text[max(0, pos - 30):pos])
    return ws[-1].lower() if ws else ""


def read_figure(q: Quantity, ctx: DocContext) -> Figure:
    """Read unit group, owner, situation, place, date, source and hedge of one figure."""
    cfg = config()
    text = ctx.text
    f = Figure(q=q, group=unit_group(q), words=q.subject)
    _read_counted_again(f, ctx)
    f.counted = f.group
    s0, s1 = sentence_bounds(text, q.start, q.end, ctx.starts)
    sub0 = min(q.start, q.subject_start) if q.subject_start is not None else q.start
    sub1 = max(q.end, q.subject_end) if q.subject_end is not None else q.end
    _read_owner(f, ctx, s0, s1, sub0, sub1)
    _read_situation(f, text, s0, s1, sub0, sub1, ctx.spans)
    # place: a place of its sentence that is not the owner, after "in", "near", ... first, the nearest
    near = []
    for ps, pe, p in ctx.places:
        if not (s0 <= ps and pe <= s1) or (f.owner and (p.country == f.owner and p.kind == "country")):
            continue
        if f.owner_words and text[ps:pe] in f.owner_words:
            continue
        near.append((_prev_word(text, ps) not in cfg.place_preps, abs(ps - q.start), p))
    if near:
        near.sort(key=lambda x: x[:2])
        p = near[0][2]
        f.place, f.place_kind = p.name, p.kind
        f.why.append(f"place: '{p.name}' named in its sentence")
    # date: the figure's own, a date in its sentence, else the document's
    if q.date:
        f.date, f.date_from = q.date, "text"
    else:
        ds = [d for d in ctx.dates if s0 <= d.start and d.end <= s1]
        if ds:
            d = min(ds, key=lambda d: abs(d.start - q.start))
            f.date, f.date_from = d.date, "text"
            f.why.append(f"date: '{d.text}' in its sentence")
        elif ctx.doc.published:
            f.date, f.date_from = ctx.doc.published, "document"
    claim = ctx.claims.get(q.claim_id) if q.claim_id else None
    f.source = q.source or (claim.source if claim else None)
    f.hedge = q.hedge or (claim.hedge if claim else None)
    return f


_COMPOUND = re.compile(r"-([A-Za-z][\w’']*)\s+([A-Za-z][\w’'-]*)")


def _read_counted_again(f: Figure, ctx: DocContext) -> None:
    """Two ways a figure's unit word is not what it counts: its words end inside
    a hyphenated word ("13 self" of "13 self-propelled howitzers": the noun after
    the hyphenated word is counted), or the unit word is the end of a name
    ("two Ukrainian Armed Forces heavy weapons holding areas": a name, not
    forces). When the noun after the hyphenated word is no unit of tracks.yaml,
    or in a name, what it counts is unreadable and the figure is tracked alone."""
    q, text = f.q, ctx.text
    unit = (q.unit or "").strip()
    if not unit or not q.text.lower().endswith(unit.lower()) or (q.unit_class or "").startswith("money"):
        return
    m = _COMPOUND.match(text, q.end)
    if m:
        hyphenated = f"{text[q.end - len(unit):q.end]}-{m.group(1)}"
        g = group_of_words(m.group(2))
        if g:
            f.group, f.words = g, f"{hyphenated} {m.group(2)}"
            f.why.append(f"unit: '{m.group(2)}', the noun after '{hyphenated}' (its words end inside that word)")
        else:
            f.unreadable = f"its words end inside the hyphenated word '{hyphenated}'"
        return
    for ms, me, _key, surface in ctx.mentions:
        if q.start < ms < q.end - len(unit) and q.end <= me:
            f.unreadable = f"its unit '{unit}' is part of the name '{surface}'"
            return
        if (ms, me) == (q.end - len(unit), q.end) and group_of_words(unit) is None and unit[:1].isupper() \
                and unit.endswith("s"):
            f.group = "people"      # "3,000 Kestonians": the people of an actor
            f.why.append(f"unit: people ('{unit}' names an actor's people)")
            return


_NUMBERISH = re.compile(r"^(About|Around|Approximately|Up|Over|More|Some|Nearly|At|As|Roughly|Almost|Fewer|Less|"
                        r"Between|One|Two|Three|Four|Five|Six|Seven|Eight|Nine|Ten|Eleven|Twelve|Twenty|Thirty|"
                        r"Forty|Fifty|Sixty|Seventy|Eighty|Ninety|Hundred|Hundreds|Thousand|Thousands|Million|"
                        r"Millions|Billion|Dozens?|Scores?)\b")


def _owner_key(code_or_words: str, names: dict[str, str]) -> str:
    return names.get(code_or_words.lower(), code_or_words)


def _read_owner(f: Figure, ctx: DocContext, s0: int, s1: int, sub0: int, sub1: int) -> None:
    cfg = config()
    text = ctx.text
    q = f.q
    # 1. an actor named in the figure's own words, not as a place ("North Korean troops in Russia");
    # not for money: "$15bn of Ukrainian bonds" is money paid for what Ukraine owes, so only the giver counts
    owned = [m for m in ctx.mentions_in(sub0, sub1) if _prev_word(text, m[0]) not in cfg.place_preps
             and f.group != "money"]
    if owned:
        m = min(owned, key=lambda m: (m[0] < q.start, abs(m[0] - q.end)))
        f.owner, f.owner_words = m[2], m[3]
        f.owner_why = f"owner: '{m[3]}' in its words '{text[sub0:sub1]}'"
        return
    # 2. capitalised words between the number and the unit noun ("11,000 North Korean troops"), no record
    # (not the figure's first word: "Two people", "Hundreds killed" open a sentence)
    caps = [m.group(1).strip() for m in re.finditer(r"\b((?:[A-Z][\w.’'-]*\s+){1,3})(?=\w)", text[q.start:q.end])
            if m.start() > 0 and not re.match(_NUMBERISH, m.group(1))]
    if caps and f.group != "money":
        words = caps[0]
        f.owner, f.owner_words = _owner_key(words, ctx.names), words
        f.owner_why = f"owner: '{words}' in its words '{text[q.start:q.end]}'"
        return
    # 3. an actor before it that sends, holds or loses the things ("North Korea has sent 12,000 troops")
    left = [m for m in ctx.mentions if s0 <= m[0] and m[1] <= q.start]
    if left:
        m = left[-1]
        between = text[m[1]:q.start]
        bw = _words(between)
        if len(bw) <= 8 and not ctx.mentions_in(m[1], q.start):
            phrase = " ".join(bw)
            padded = f" {phrase} "
            hit = next((v for v in sorted(cfg.agent_verbs) if f" {v} " in padded), None)
            if hit and not re.search(r"\b(that|said|says|say|according|reported|reports|report|told|estimated|"
                                     r"estimates|estimating|claimed|claims|noted|stated|added|announced|indicated|"
                                     r"suggests|suggested|warned|believes|thinks)\b", phrase):
                f.owner, f.owner_words = m[2], m[3]
                f.owner_why = f"owner: '{m[3]}' {between.strip()} the figure"
                return
    # 4. an actor right after it that provided or lost them ("provided by the United States")
    after = text[q.end:min(s1, q.end + 80)]
    mm = _after_regex().match(after)
    if mm:
        phrase = mm.group(1).lower()
        if not (phrase == "of" and f.group == "money"):   # "$2bn of Romanian bonds": what is bought, not who pays
            right = [m for m in ctx.mentions if m[0] == q.end + mm.end() or
                     (q.end + mm.end() <= m[0] <= q.end + mm.end() + 4 and m[1] <= s1)]
            if right:
                m = right[0]
                f.owner, f.owner_words = m[2], m[3]
                f.owner_why = f"owner: '{m[3]}' after '{phrase}'"
                return


@lru_cache(maxsize=1)
def _after_regex() -> re.Pattern:
    alts = "|".join(re.escape(p) for p in config().agent_after)
    return re.compile(rf"\s*(?:\w+\s+)?({alts})\s+(?:the\s+)?", re.I)


def _read_situation(f: Figure, text: str, s0: int, s1: int, sub0: int, sub1: int,
                    spans: list[tuple[int, int]] = ()) -> None:
    """The nearest situation cue (words of the figure first, then its clause) that
    applies to the figure's unit group. A cue outside the figure's words that
    another figure holds, or that another figure stands between, or right after
    another number, is that figure's ("three people were killed and 12 injured
    after about 300 protesters ...": the protesters are neither)."""
    cfg = config()
    q = f.q
    lo = max(s0, _back_words(text, q.start, 6))
    hi = min(s1, _fwd_words(text, max(q.end, sub1), 10))
    window = text[lo:hi].lower()
    best: tuple[int, str, str] | None = None
    for m in _cue_regex().finditer(window):
        cue = m.group(1)
        pos = lo + m.start()
        inside = sub0 <= pos < sub1
        if not inside and (_NUMBER_BEFORE.search(text, max(0, pos - 30), pos) or
                           _other_figure_between(spans, q, pos, pos + len(cue))):
            continue
        dist = 0 if inside else (q.start - pos if pos < q.start else pos - max(q.end, sub1))
        for name in _cue_situations()[cue]:
            spec = cfg.situations[name]
            if spec.get("for") and f.group not in spec["for"]:
                continue
            if best is None or dist < best[0]:
                best = (dist, name, cue)
    if best:
        _set_situation(f, best[1], best[2], f"situation: {best[1]} ('{best[2]}')")


def _set_situation(f: Figure, name: str, cue: str, why: str) -> None:
    """Set a figure's situation; one that changes what is counted (`unit`) turns
    the figure into that group ("three people killed" counts the dead)."""
    f.situation, f.situation_words = name, cue
    f.why.append(why)
    unit = config().situations[name].get("unit")
    if unit and f.group != unit:
        f.why.append(f"counted as {unit} ('{cue}')")
        f.group = unit


def _other_figure_between(spans: list[tuple[int, int]], q: Quantity, c0: int, c1: int) -> bool:
    lo, hi = (c0, q.start) if c1 <= q.start else (q.end, c1)
    return any((s, e) != (q.start, q.end) and (s < c1 and e > c0 or lo <= s and e <= hi) for s, e in spans)


_NUMBER_BEFORE = re.compile(r"(?<![\w.,])(?:\d[\d,.]*|one|two|three|four|five|six|seven|eight|nine|ten|"
                            r"eleven|twelve|dozens|hundreds|thousands)\s+$", re.I)


@lru_cache(maxsize=1)
def _cue_situations() -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for cue, name in config().cue_index:
        out.setdefault(cue, []).append(name)
    return out


@lru_cache(maxsize=1)
def _cue_regex() -> re.Pattern:
    cues = sorted(_cue_situations(), key=len, reverse=True)
    return re.compile(r"(?<![\w-])(" + "|".join(re.escape(c) for c in cues) + r")(?![\w-])")


def _back_words(text: str, pos: int, n: int) -> int:
    ms = list(_WORD.finditer(text, max(0, pos - 120), pos))
    return ms[-n].start() if len(ms) >= n else (ms[0].start() if ms else pos)


def _fwd_words(text: str, pos: int, n: int) -> int:
    end = pos
    for i, m in enumerate(_WORD.finditer(text, pos, min(len(text), pos + 160))):
        end = m.end()
        if i == n - 1:
            break
    return end


_PART = re.compile(r"(^|[\s,;(])(including|among them|among whom|of whom|of which)\s*$", re.I)
_AND = re.compile(r"^\s*(,|and|, and|or)\s*$", re.I)
_CONV = re.compile(r"^\s*[(\[]\s*(about|around|or|some|roughly|approximately)?\s*$", re.I)


def link_parts(figs: list[Figure], text: str) -> None:
    """A figure right after 'including' belongs to the figure before it (a part);
    a figure in brackets right after another, in another currency or unit, is
    its conversion ("€118 billion ($126 billion)", "20-kilometer (12.4-mile)")."""
    figs.sort(key=lambda f: f.q.start)
    for prev, cur in zip(figs, figs[1:]):
        between = text[prev.q.end:cur.q.start]
        if "\n" in between or len(between) > 100 or re.search(r"[.!?]\s", between):
            continue
        if _CONV.match(between) and len(between) < 20 and (prev.group == cur.group == "money" or
                                                           (prev.group != cur.group and cur.group != "money")):
            cur.role, cur.parent = "conversion", prev.parent or prev.q.id
            cur.why.append(f"conversion of '{prev.q.text}' given in brackets")
        elif _PART.search(between) and cur.group != prev.group and len(_WORD.findall(between)) <= 12:
            cur.role, cur.parent = "part", prev.parent or prev.q.id
            cur.why.append(f"part of '{prev.q.text}' ('{between.strip(' ,')}')")
        elif _AND.match(between) and prev.situation and prev.situation != cur.situation:
            spec = config().situations[prev.situation]
            if not spec.get("for") or cur.group in spec["for"]:
                _set_situation(cur, prev.situation, prev.situation_words or "",
                               f"situation: {prev.situation}, as '{prev.q.text}' it is joined to by 'and'")


def inherit_owners(figs: list[Figure], text: str, starts: list[int] | None = None) -> None:
    """A figure whose words name no owner takes the owner of the other figures of
    its document that count the same thing, when they all agree on one and none
    of them stands in its own sentence (figures side by side in one sentence are
    usually set against each other: "€118 billion ..., surpassing the €85 billion
    provided by the United States")."""
    by: dict[tuple, set] = {}
    src: dict[tuple, Figure] = {}
    for f in figs:
        if f.owner and f.role == "figure" and not f.unreadable:
            k = _same_things(f)
            by.setdefault(k, set()).add(f.owner)
            src.setdefault(k, f)
    for f in figs:
        if f.owner or f.role != "figure" or f.unreadable:
            continue
        k = _same_things(f)
        s0, s1 = sentence_bounds(text, f.q.start, f.q.end, starts)
        if any(g.owner and g.group == f.group and s0 <= g.q.start < s1 for g in figs):
            continue
        if len(by.get(k, ())) == 1:
            o = src[k]
            f.owner, f.owner_words = o.owner, o.owner_words
            f.owner_why = (f"owner: none in its words; the other {f.group} of its article are "
                           f"'{o.owner_words}' ('{o.q.text}')")


def _same_things(f: Figure) -> tuple:
    """Figures that count the same things: same group and situation, and the
    same things before the situation ("31 people died" is not of the same
    owner as "two Ukrainian soldiers killed", though both count the dead)."""
    return (f.counted or f.group, f.group, _split_situation(f))


def _split_situation(f: Figure) -> str | None:
    spec = config().situations.get(f.situation or "")
    return f.situation if spec and spec.get("split") else None


def track_key(f: Figure, place_kinds: dict[str, str] | None = None) -> tuple[str, ...]:
    """The key of the track a figure goes in: unit group (currency for money),
    owner (for groups a side owns, such as troops, drones, money, or with a
    situation that changes what is counted), situation and place (a town or
    region, for counts of killed and wounded); a figure with neither an owner
    nor such a place is kept to its own document, with the figures of the same
    subject words."""
    cfg = config()
    group = f"money:{(f.currency or '?').upper()}" if f.group == "money" else f.group
    if f.unreadable:            # what it counts cannot be read: a track of its own
        return (group, "", "", "", f"fig:{f.q.id}")
    sit = _split_situation(f) or ""
    spec = cfg.situations.get(f.situation or "", {})
    local = f.place and f.place_kind not in ("country", "continent")
    place = f.place if (local and (f.group in cfg.unit_by_place or spec.get("by_place"))) else ""
    owner = f.owner if (f.owner and (f.group in cfg.owned or sit)) else ""
    if not owner and not place:
        # nothing says whose or where: kept to its document, with the figures of the same words
        words = singular_phrase(" ".join(_words(f.words))) if f.words else f.q.id
        return (group, "", sit, "", f"doc:{f.q.doc_id}:{words}")
    return (group, owner, sit, place, "")


def figure_data(f: Figure) -> dict[str, Any]:
    return {"group": f.group, "owner": f.owner, "owner_words": f.owner_words, "situation": f.situation,
            "situation_words": f.situation_words, "place": f.place, "place_kind": f.place_kind, "date": f.date, "date_from": f.date_from,
            "source": f.source, "hedge": f.hedge, "role": f.role, "parent": f.parent}


def why_text(f: Figure) -> str:
    parts = [f"unit: {f.counted or f.group} ('{f.q.unit or f.q.unit_class or f.q.text}')"]
    if f.unreadable:
        parts.append(f"not what it counts: {f.unreadable}")
    if f.owner_why:
        parts.append(f.owner_why)
    parts.extend(f.why)
    return "; ".join(parts)
