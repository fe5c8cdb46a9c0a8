"""Which figures are worth a track, and what a track is called.

A track follows a count that changes over time and that sides dispute: the
groups of ``data/tracks.yaml`` marked ``tracked: true`` (casualties, troops,
refugees, weapons, money, territory). Figures of any other group (constituencies,
countries, explosions, a crowd, a share) are fixed facts or side remarks: the
figures of one document with the same words share a track only when several
sources give them and disagree ("188 constituencies", said by two sources, is
one fact twice; "100 countries approved, 58 abstained" are two facts). Else
each stays in a track of its own, and its ``why`` says so. The dispute is read
within one document, so a figure's track never depends on which documents
were stored before it (an incremental build equals a rebuild).

Names of tracks that span documents are computed from a summary of their
figures (``summary``, ``merge_summary``, ``name_from_summary``): counts of
what and whose they count, and the first figure in reading order that names a
subject, so a new batch updates a track's name without reading its old
figures.

A track's name says, for a reader, whose things are counted, what they are,
what happened to them and where: "North Korean troops", "Ukrainian troops
killed", "People killed in Kyiv", "Ukrainians who fled", "Tanks".
"""
from __future__ import annotations

import re
from collections import Counter, defaultdict

from .features import Figure, config, group_of_words, singular

__all__ = ["worth_tracking", "settle_keys", "track_name", "summary", "merge_summary", "name_from_summary",
           "order_key"]


def worth_tracking(f: Figure) -> bool:
    """A figure of a tracked group (after its situation: "three people killed" counts the dead)."""
    return not f.unreadable and f.group in config().tracked


def _bounds(f: Figure) -> tuple[float, float]:
    from .tracks import interval          # tracks imports this module
    q = f.q
    return interval(q.value, q.low, q.high, q.approx)


def disputed(figs: list[Figure]) -> tuple[Figure, Figure] | None:
    """Two figures of different named sources whose bounds do not meet, if any."""
    counted = [f for f in figs if f.role == "figure" and f.source]
    for i, a in enumerate(counted):
        for b in counted[i + 1:]:
            if a.source == b.source:
                continue
            (alo, ahi), (blo, bhi) = _bounds(a), _bounds(b)
            if alo > bhi or blo > ahi:
                return a, b
    return None


def settle_keys(figs: list[Figure], keys: dict[str, tuple]) -> dict[str, tuple]:
    """Give each figure not worth tracking a track of its own, unless several
    sources disagree on the figures of its document that share its key (then
    they stay together: a disputed fact is worth following). Figures worth tracking keep
    their key. Returns the keys (a new dict); notes the reason in each figure's
    ``why``."""
    out = dict(keys)
    by_key: dict[tuple, list[Figure]] = defaultdict(list)
    for f in figs:
        if f.role == "figure" and f.q.id in keys:
            by_key[(keys[f.q.id], f.q.doc_id)].append(f)
    for (key, _doc), fs in by_key.items():
        if key[4].startswith("fig:") or worth_tracking(fs[0]):
            continue
        what = fs[0].q.unit or fs[0].group
        if len(fs) > 1:
            d = disputed(fs)
            if d:
                a, b = d
                for f in fs:
                    f.why.append(f"kept with the other '{what}' of its article though no count tracks follow: "
                                 f"{a.source} ('{a.q.text}') and {b.source} ('{b.q.text}') disagree")
                continue
        for f in fs:
            out[f.q.id] = (key[0], "", "", "", f"fig:{f.q.id}")
            f.why.append(f"alone: '{what}' is not a count tracks follow (tracks.yaml units, `tracked`)"
                         + (" and no two sources disagree on it" if len(fs) > 1 else ""))
    return out


# ------------------------------------------------------------------ names
_ADJECTIVE = re.compile(r"(?:an|ese|ish|ic|i|ch|sh)$")       # North Korean, Chinese, British, Israeli, French
_PLURAL_PEOPLE = re.compile(r"[A-Z][\w’'-]*(?:an|ian)s$")    # Russians, Ukrainians, Americans


def order_key(f: Figure) -> list:
    """A figure's place in reading order: document, offsets, id."""
    return [f.q.doc_id, f.q.start, f.q.end, f.q.id]


def summary(figs: list[Figure]) -> dict:
    """What a track's name and subject are read from (JSON-able): for the
    counted figures and for all, how many count each thing, whose they are and
    the words naming the owner (with the first figure using them); the first
    figure naming a subject and the first figure."""
    out: dict = {}
    for part, fs in (("fig", [f for f in figs if f.role == "figure"]), ("all", list(figs))):
        words: dict[str, dict[str, list]] = {}
        for f in fs:
            if f.owner and f.owner_words:
                w = words.setdefault(f.owner, {}).setdefault(f.owner_words, [0, order_key(f)])
                w[0] += 1
                w[1] = min(w[1], order_key(f))
        out[part] = {"n": len(fs), "counted": dict(Counter(f.counted or f.group for f in fs)),
                     "owners": sorted({f.owner or "" for f in fs}), "words": words}
    firsts = sorted(figs, key=order_key)
    subj = next((f for f in firsts if f.q.subject), None)
    out["subject"] = [order_key(subj), subj.q.subject] if subj else None
    out["first"] = [order_key(firsts[0]), firsts[0].q.text] if firsts else None
    return out


def merge_summary(a: dict | None, b: dict) -> dict:
    """The summary of the figures of two summaries (order does not matter)."""
    if not a:
        return b
    out: dict = {}
    for part in ("fig", "all"):
        x, y = a[part], b[part]
        counted = Counter(x["counted"])
        counted.update(y["counted"])
        words = {o: {w: list(v) for w, v in ws.items()} for o, ws in x["words"].items()}
        for o, ws in y["words"].items():
            for w, (n, k) in ws.items():
                have = words.setdefault(o, {}).get(w)
                words[o][w] = [have[0] + n, min(have[1], k)] if have else [n, k]
        out[part] = {"n": x["n"] + y["n"], "counted": dict(counted),
                     "owners": sorted(set(x["owners"]) | set(y["owners"])), "words": words}
    for k in ("subject", "first"):
        vs = [v for v in (a.get(k), b.get(k)) if v]
        out[k] = min(vs, key=lambda v: v[0]) if vs else None
    return out


def subject_from_summary(s: dict) -> str | None:
    return (s.get("subject") or s.get("first") or [None, None])[1]


def _who(owner: str, words_of: dict[str, dict[str, list]]) -> str:
    """The owner as its figures' words name it; an adjective ("North Korean")
    before a name ("North Korea"), then the most used, then the first used."""
    words = sorted((words_of.get(owner) or {}).items(), key=lambda x: x[1][1])
    if not words:
        return owner
    return max(words, key=lambda w: (bool(_ADJECTIVE.search(w[0])), w[1][0]))[0]


def _what_alone(f: Figure, group: str) -> str:
    """What the figures of one article with the same words count: those words
    ("cargo trucks"); with none, the group's noun, else the figure's last word
    ("approximately 155 miles": miles), else its unit."""
    cfg = config()
    if f.words:
        what = " ".join(f.words.split())
        if group in cfg.label and group_of_words(what) == group:
            return cfg.noun.get(group, group)        # "16 wounded", "two bodies": people wounded, killed
        return what
    if group in cfg.noun and group in cfg.unit_of:
        return cfg.noun[group]
    ws = re.findall(r"[A-Za-z][\w’'-]*", f.q.text)
    if ws and len(ws[-1]) > 2:
        return ws[-1].lower()
    return f.q.unit or (ws[-1] if ws else group)       # "50km": kilometre


def _what(group: str, counted_raw: dict[str, int]) -> str:
    """What the figures of a track across articles count: the noun of the group
    most of them count before a situation ("troops" for soldiers and officers
    killed, "people" for people killed), the group's own on a tie."""
    cfg = config()
    counted: Counter = Counter()
    for g, n in counted_raw.items():
        counted["troops" if g == "officers" else g] += n
    if len(counted) == 1 and "troops" in counted and set(counted_raw) == {"officers"}:
        counted = Counter({"officers": 1})
    top = max(counted.values())
    bases = [g for g, n in counted.items() if n == top]
    base = bases[0] if len(bases) == 1 else group
    return cfg.noun.get(base, cfg.noun.get(group, group))


def _owner_of(key_owner: str, owners: list[str]) -> str:
    """The owner a name says: the key's, else the one every figure names."""
    if key_owner:
        return key_owner
    return owners[0] if len(owners) == 1 and owners[0] else ""


def track_name(key: tuple, figs: list[Figure]) -> str:
    """A reader's name for a track: "[whose] [what] [what happened] [in where]"."""
    what = None
    if key[4]:                       # a track kept to one document: what its first figure counts
        counted = [f for f in figs if f.role == "figure"] or figs
        what = _what_alone(counted[0], key[0].split(":")[0])
    return name_from_summary(key, summary(figs), what)


def name_from_summary(key: tuple, s: dict, what: str | None = None) -> str:
    """``track_name`` from the summary of the track's figures."""
    cfg = config()
    group, owner, sit, place, docpart = key
    part = s["fig"] if s["fig"]["n"] else s["all"]
    base = group.split(":")[0]
    label = (cfg.situations.get(sit, {}).get("label") if sit else None) or cfg.label.get(base, "")
    if what is None:
        what = _what(base, part["counted"])
    if base == "money":
        what = f"{what} ({group.split(':', 1)[1]})" if ":" in group else what
    elif base == "percent" and what.lower() not in ("percent", "%", "per cent", "percentage"):
        what = f"percent of {what}"
    owner = _owner_of(owner, part["owners"])
    who = _who(owner, part["words"]) if owner else ""
    last = who.split()[-1] if who else ""
    if who and (singular(last.lower()) == singular(what.split()[-1].lower())
                or what == "people" and _PLURAL_PEOPLE.fullmatch(who)):
        name = f"{who} {label}"                       # "Ukrainians who fled"
    elif who and len(who.split()) == 1 and _PLURAL_PEOPLE.fullmatch(who):
        name = f"{what} {label} among {who}"          # "casualties among Russians"
    elif who and who.lower() in what.lower():
        name = f"{what} {label}"                      # "Ukrainian Armed Forces"
    else:
        name = f"{who} {what} {label}"
    name = " ".join(name.split())
    if place:
        name += f" in {place}"
    return name[:1].upper() + name[1:] if name[:1].islower() else name
