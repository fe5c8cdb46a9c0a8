"""Sections of the situation report that answer a reader's direct questions:
who supplies whom (by recipient), who said what (statements by source), and
which documents were read. Each sentence is made from records and carries its
evidence spans, like the rest of the report (``report.py``).
"""
from __future__ import annotations

from collections import Counter, defaultdict
from functools import lru_cache
from typing import Callable

from ..model import Claim, Relation

MAX_SPEAKERS = 40          # named sources with the most statements
MAX_STATEMENTS = 6         # statements shown per source
MAX_COLLECTIVE = 24        # statements of unnamed and collective sources ("European leaders", "analysts")
MAX_SUPPLY_EVIDENCE = 8
MAX_BRIEF_TRACKS = 4
MAX_BRIEF_WARNINGS = 8
# sector part of an actor code ("USA MIL") as words
_SECTORS = {"GOV": "government", "MIL": "military", "INT": "intelligence", "MED": "media", "BUS": "business",
            "PTY": "party", "REB": "rebels"}
# a source that is only a pronoun or a bare possessive phrase says nothing about who spoke
_PRONOUN_HEADS = {"he", "she", "it", "they", "we", "i", "you", "his", "her", "its", "their", "our", "this", "that",
                  "these", "those", "which", "who"}


@lru_cache(maxsize=1)
def _code_names() -> dict[str, str]:
    """Actor code -> name from the bundled actor dictionary: the state (GPE) with the code, else the first
    organisation with it ("NATO", "United Nations"). Codes with a sector ("USA GOV") are left to
    ``actor_name``: one office of a sector does not name all of it."""
    from ..extract import actordict
    names: dict[str, str] = {}
    rank = {"GPE": 0, "ORG": 1}
    best: dict[str, int] = {}
    for a in actordict.load().actors.values():
        if a.code and " " not in a.code and a.type in rank and rank[a.type] < best.get(a.code, 9):
            names[a.code], best[a.code] = a.name, rank[a.type]
    return names


def actor_name(code: str | None) -> str:
    """A reader's name for an actor code: ``RUS`` -> Russia, ``PRK MIL`` -> North Korea (military);
    the code itself when the dictionary has no name for it."""
    if not code:
        return ""
    names = _code_names()
    if code in names:
        return names[code]
    base, _, sector = code.partition(" ")
    if base in names:
        return f"{names[base]} ({_SECTORS.get(sector, sector.lower())})" if sector else names[base]
    return code


def supplies_by_recipient(relations: list[Relation], dset: set[str], cite: Callable) -> list[dict]:
    """One sentence per recipient of SUPPLIES relations: who supplies it, and what."""
    by_to: dict[str, list[tuple[Relation, list]]] = defaultdict(list)
    for r in relations:
        inside = [e for e in r.evidence if e.doc_id in dset]
        if r.type == "SUPPLIES" and inside:
            by_to[r.to].append((r, inside))
    out = []
    for to in sorted(by_to, key=lambda t: (-sum(len(x[1]) for x in by_to[t]), actor_name(t))):
        rows = sorted(by_to[to], key=lambda x: (-len(x[1]), actor_name(x[0].from_)))
        parts = [actor_name(r.from_) + (f" ({r.item})" if r.item else "") for r, _ in rows]
        out.append({"text": f"Supplies to {actor_name(to)} come from {_and(parts)}.",
                    "evidence": list({(e.doc_id, e.start, e.end): cite(e.doc_id, e.start, e.end) for _, ins in rows
                                      for e in ins[:max(1, MAX_SUPPLY_EVIDENCE // len(rows))]}.values())})
    return out


def statements(claims: list[Claim], published: dict[str, str | None], cite: Callable,
               clip: Callable[[str], str]) -> list[dict]:
    """What each named source said (its most-cited first), then unnamed and collective sources."""
    named: dict[str, list[Claim]] = defaultdict(list)
    collective: list[Claim] = []
    for c in claims:
        src = " ".join((c.source or "").split())
        if not src or src.split()[0].lower() in _PRONOUN_HEADS:
            continue
        if c.source_kind in ("anonymous", "none") or (c.source_kind == "document" and not c.source_code):
            collective.append(c)
        else:
            named[src].append(c)

    def order(c: Claim):
        return (published.get(c.doc_id) or "", c.doc_id, c.start)

    def line(c: Claim, who: str = "") -> dict:
        cue = " ".join((c.cue or "said").split())
        note = f" ({c.hedge})" if c.hedge and c.hedge != "asserted" and c.hedge != cue.lower() else ""
        return {"text": f"{who}{cue}{note}: “{clip(c.text)}”", "evidence": [cite(c.doc_id, c.start, c.end)]}

    out = []
    for src in sorted(named, key=lambda s: (-len(named[s]), s))[:MAX_SPEAKERS]:
        cs = sorted(named[src], key=order)
        sents = [line(c) for c in cs[:MAX_STATEMENTS]]
        if len(cs) > MAX_STATEMENTS:
            sents.append({"text": f"and {len(cs) - MAX_STATEMENTS} more statements",
                          "evidence": [cite(c.doc_id, c.start, c.end) for c in cs[MAX_STATEMENTS:]]})
        out.append({"source": src, "sentences": sents})
    rest = len(named) - MAX_SPEAKERS
    if rest > 0:
        more = [c for s in sorted(named, key=lambda s: (-len(named[s]), s))[MAX_SPEAKERS:] for c in named[s]]
        out.append({"source": f"{rest} more named sources", "sentences": [
            {"text": "; ".join(sorted({" ".join(c.source.split()) for c in more})) + ".",
             "evidence": [cite(c.doc_id, c.start, c.end) for c in sorted(more, key=order)]}]})
    if collective:
        cs = sorted(collective, key=order)
        out.append({"source": "Unnamed and collective sources",
                    "sentences": [line(c, " ".join(c.source.split()) + ", ") for c in cs[:MAX_COLLECTIVE]]})
    return out


def documents(docs: list[str], texts: dict[str, str], titles: dict[str, str | None],
              published: dict[str, str | None], cite: Callable) -> list[dict]:
    """One line per document read: title, date and id, citing its first line."""
    out = []
    for d in sorted(docs, key=lambda d: (published.get(d) or "", titles.get(d) or "", d)):
        text = texts.get(d, "")
        start = len(text) - len(text.lstrip())
        end = text.find("\n", start)
        end = len(text) if end < 0 else end
        while end > start and text[end - 1].isspace():
            end -= 1
        if end <= start:
            continue
        title = titles.get(d) or " ".join(text[start:end].split())[:120]
        out.append({"text": f"{title}" + (f", published {published[d]}" if published.get(d) else "")
                            + f" (doc {d}).", "evidence": [cite(d, start, end)]})
    return out


def brief(report: dict, hedges: list[str], disputed: list[dict]) -> list[dict]:
    """The report's answers in a few lines, each a sentence of a section below (same evidence): the figure
    tracks, who supplies whom, the warnings and threats, how many claims are hedged."""
    out = [t["summary"] for t in report["tracks"][:MAX_BRIEF_TRACKS]] + list(report["supplies"])
    warnings = [s for d in report["developments"] for g in d["groups"] if g["type"] == "THREATEN"
                for s in g["sentences"] if not s["text"].startswith("and ")]
    out += [{"text": "Warning or threat: " + s["text"], "evidence": s["evidence"]}
            for s in warnings[:MAX_BRIEF_WARNINGS]]
    if hedges:
        n = Counter(hedges)
        parts = [f"{n[h]} {w}" for h, w in (("unverified", "unverified"), ("denied", "denied"),
                                               ("reported", "only reported")) if n[h]]
        out.append({"text": f"{len(hedges)} claim{'s are' if len(hedges) != 1 else ' is'} not asserted as fact: "
                            f"{_and(parts)} (see “Disputed, denied and unverified claims”).",
                    "evidence": [e for s in disputed for e in s["evidence"]]})
    return out


def _and(parts: list[str]) -> str:
    return parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " and " + parts[-1]
