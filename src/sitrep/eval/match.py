"""Matching helpers shared by the scorers: names, unit classes, P/R/F1.

The rules follow ``../shared/gold/README.md``: names match case and
punctuation ignored, a person also by full surname; units match by what they
name (troops = soldiers = forces; casualties, killed and wounded apart;
currencies by ISO code).
"""
from __future__ import annotations

import re
import unicodedata
from typing import Callable, Iterable, Sequence, TypeVar

T = TypeVar("T")
G = TypeVar("G")

_ARTICLES = re.compile(r"^(the|a|an)\s+")


def norm_name(s: str | None) -> str:
    if not s:
        return ""
    s = unicodedata.normalize("NFKD", s)
    s = "".join(c for c in s if not unicodedata.combining(c))
    s = s.lower().replace("’", "'").replace("'s ", " ")
    s = re.sub(r"[^\w\s]", "", s)
    s = re.sub(r"\s+", " ", s).strip()
    return _ARTICLES.sub("", s)


def surname(s: str) -> str:
    parts = norm_name(s).split()
    return parts[-1] if parts else ""


def names_match(found: str | None, gold: str | None, aliases: Iterable[str] = (), person: bool = False) -> bool:
    """Found canonical name equals the gold name or an alias (a person also by surname)."""
    f = norm_name(found)
    if not f:
        return False
    cands = [norm_name(gold)] + [norm_name(a) for a in aliases]
    if f in cands:
        return True
    if person and gold:
        return surname(found) == surname(gold) and len(surname(gold)) > 2
    return False


def sources_match(found: str | None, gold: str | None) -> bool:
    """A figure's or claim's source: both absent, the same name, the same surname,
    or the same description (one contains the other)."""
    if not gold:
        return not found
    if not found:
        return False
    f, g = norm_name(found), norm_name(gold)
    if f == g:
        return True
    if surname(found) == surname(gold) and len(f.split()) <= 3 and len(g.split()) <= 3 and len(surname(gold)) > 3:
        return True
    if len(f) >= 4 and len(g) >= 4 and (f in g or g in f):
        return True
    return False


_UNIT_CLASSES = {
    "troops": {"troop", "troops", "soldier", "soldiers", "force", "forces", "personnel", "servicemen", "fighters",
               "service members", "military personnel", "men"},
    "casualties": {"casualty", "casualties"},
    "killed": {"killed", "dead", "deaths", "death", "fatalities", "died", "lives"},
    "wounded": {"wounded", "injured", "injuries", "hurt"},
    "drones": {"drone", "drones", "uav", "uavs", "unmanned aerial vehicles", "shaheds"},
    "missiles": {"missile", "missiles", "guided missiles", "cruise missiles", "ballistic missiles", "rockets"},
    "people": {"people", "persons", "person", "civilians", "residents", "refugees", "individuals"},
    "USD": {"usd", "$", "dollar", "dollars", "us$"},
    "EUR": {"eur", "€", "euro", "euros"},
    "GBP": {"gbp", "£", "pound", "pounds", "sterling"},
    "percent": {"percent", "%", "per cent", "percentage", "pct"},
    "miles": {"mile", "miles", "mi"},
    "km": {"km", "kilometre", "kilometres", "kilometer", "kilometers"},
    "years": {"year", "years"},
}
_UNIT_INDEX = {w: k for k, ws in _UNIT_CLASSES.items() for w in ws}


def unit_class(unit: str | None) -> str:
    if not unit:
        return ""
    u = unit.strip().lower()
    if u in _UNIT_INDEX:
        return _UNIT_INDEX[u]
    if u.startswith("money:"):
        return u.split(":", 1)[1].upper()
    last = u.split()[-1]
    if last in _UNIT_INDEX:
        return _UNIT_INDEX[last]
    return last[:-1] if last.endswith("s") and len(last) > 3 else last


def values_match(found_value: float | None, gold_value: float | None, tol: float = 0.005) -> bool:
    if found_value is None or gold_value is None:
        return found_value is None and gold_value is None
    if gold_value == 0:
        return found_value == 0
    return abs(found_value - gold_value) <= tol * abs(gold_value)


def greedy_match(found: Sequence[T], gold: Sequence[G], ok: Callable[[T, G], bool],
                 score: Callable[[T, G], float] | None = None) -> list[tuple[int, int]]:
    """One-to-one matching: pairs (found index, gold index), best scores first."""
    cands = []
    for i, f in enumerate(found):
        for j, g in enumerate(gold):
            if ok(f, g):
                cands.append((-(score(f, g) if score else 0.0), i, j))
    cands.sort()
    used_f, used_g, pairs = set(), set(), []
    for _, i, j in cands:
        if i not in used_f and j not in used_g:
            used_f.add(i)
            used_g.add(j)
            pairs.append((i, j))
    return pairs


def prf(tp: int, n_found: int, n_gold: int) -> dict[str, float]:
    p = tp / n_found if n_found else (1.0 if not n_gold else 0.0)
    r = tp / n_gold if n_gold else 1.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4)}


def max_matching(edges: Sequence[Sequence[int]]) -> int:
    """Size of a maximum one-to-one matching, ``edges[i]`` listing the items on the other side
    item i may be paired with (augmenting paths: a first-come pairing can miss one, when an item
    fits two others and takes the one another could have had)."""
    owner: dict[int, int] = {}

    def augment(i: int, seen: set[int]) -> bool:
        for j in edges[i]:
            if j not in seen:
                seen.add(j)
                if j not in owner or augment(owner[j], seen):
                    owner[j] = i
                    return True
        return False

    return sum(augment(i, set()) for i in range(len(edges)))
