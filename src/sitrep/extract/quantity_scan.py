"""The scan of the quantities stage: every figure of a parsed document.

``scan`` walks each sentence and reads a figure (``quantity_figure._read_figure``) only
at the tokens that may start a number: digits, number words, currency signs and codes,
"minus", "a"/"an" before a fraction, a multiplier or a time word. The test is made once
per distinct word (by its orth id, cached) over the document's orth array, so the scan
costs little on the many tokens that cannot start a figure.
"""
from __future__ import annotations

from bisect import bisect_left

from .numbers import Lex, _norm, lexicon
from .quantity_figure import _read_figure
from .quantity_shapes import _is_yearish
from .quantity_units import _MEASURE_GROUPS, _record, _unit_at

# ---------------------------------------------------------------- the scan

_A_NEXT_TIME = ("year", "month", "week", "day")
_CUR_PREFIX = ("us", "hk", "a", "c", "nz", "s", "au", "minus", "negative", "half", "quarter")


def _start_kind(word: str, lex: Lex) -> int:
    """0: the word never starts a figure; 1: it may; 2: "a"/"an", which may when the next word allows."""
    low = word.lower()
    if low in ("a", "an"):
        return 2
    if any(c.isnumeric() for c in word) or low in lex.vague or low in lex.cur_symbols or low in _CUR_PREFIX:
        return 1
    if low[-1:] in "-–" and low[:-1] in lex.numbers:
        return 1                                 # "two-" of "two-, three- and four-bedroom"
    parts = low.split("-")
    return int(all(p in lex.numbers or p in lex.mult for p in parts))


def starts(doc, lex: Lex) -> list[int]:
    """Indices of the tokens that may start a figure (a superset of those ``_read_figure`` reads
    one at), found from the document's orth ids with a per-word cache on the lexicon."""
    cache = lex.start_cache
    strings = doc.vocab.strings
    orths = doc.to_array("ORTH").tolist() if len(doc) else []
    out = []
    for i, o in enumerate(orths):
        kind = cache.get(o)
        if kind is None:
            kind = cache[o] = _start_kind(strings[o], lex)
        if kind == 1:
            out.append(i)
        elif kind == 2 and i + 1 < len(orths):
            nxt = strings[orths[i + 1]].lower()
            if nxt in lex.after_a or nxt == "$":
                out.append(i)
    return out


def scan(doc, lex: Lex | None = None, bare: bool = False) -> list[dict]:
    """All figures of a spaCy doc as plain dicts (token spans and values). ``bare`` keeps numbers
    that have no unit and no cue (the number reader alone, as the number suites score it)."""
    lex = lex or lexicon()
    out: list[dict] = []
    first = starts(doc, lex)
    if not first:
        return out
    for sent in doc.sents:
        if sent.end <= first[0]:
            continue
        k = bisect_left(first, sent.start)
        if k == len(first):
            break
        if first[k] < sent.end:
            reached = out[-1]["end_tok"] if out else 0      # a figure read across a sentence break
            out.extend(r for r in _scan_sentence(doc, sent.start, sent.end, lex, bare, first) if r["start_tok"] >= reached)
    return out


def _scan_sentence(doc, a: int, b: int, lex: Lex, bare: bool = False, first: list[int] | None = None) -> list[dict]:
    """The figures of tokens a..b, read at the tokens of ``first`` (all tokens when None)."""
    found: list[dict] = []
    first = range(a, b) if first is None else first
    k = bisect_left(first, a)
    pending = None                                       # a bare number that may take the next figure's unit
    while k < len(first) and first[k] < b:
        i = first[k]
        r = _read_figure(doc, i, a, b, lex, bare)
        if isinstance(r, int) and not bare and (doc[i].text[:1].isdigit() or _of_them(doc, i + 1, b)
                                                and doc[i].lower_ in lex.numbers):
            r2 = _read_figure(doc, i, a, b, lex, True)      # a bare number: it may take the unit left out
            if found and isinstance(r2, dict) and _elided(doc, r2["records"], found, b):
                r = r2
            elif isinstance(r2, dict) and len(r2["records"]) == 1:
                pending = (r2["records"][0], False)
        elif isinstance(r, dict) and not bare:
            if found:
                _elided(doc, r["records"], found, b)
            if pending is not None and _elided_before(doc, pending[0], r["records"]) and not pending[1]:
                found.append(pending[0])
            pending = (r["records"][0], True) if len(r["records"]) == 1 and r["records"][0]["unit"] is None else None
        if not isinstance(r, dict) and not bare and (r2 := _or_more(doc, i, a, b, lex)) is not None:
            r = r2                                      # "a day or two", "another pick or two"
        if not bare and doc[i].text[:1].isdigit():
            r2 = r if isinstance(r, dict) else _read_figure(doc, i, a, b, lex, True)
            if isinstance(r2, dict) and _on_scale(doc, r2["records"], b, lex):
                r = r2                                  # "between 50 and 70 on the GPa scale"
        if r is None:
            nxt = i + 1
        elif isinstance(r, int):
            nxt = max(r, i + 1)
        else:
            found.extend(r["records"])
            nxt = max(r["next"], i + 1)
        k = bisect_left(first, nxt, k)
    return found


_PARALLEL = ("and", "or", "but", "while", "versus", "vs", "vs.")


def _on_scale(doc, recs: list[dict], b: int, lex: Lex) -> bool:
    """A figure without a unit followed by "on the UNIT scale" takes that unit when it is a
    measure or a cased symbol ("scored 60 to 80 on the GPa scale", "4 on the kW scale"). Sets it."""
    if len(recs) != 1 or recs[0]["unit"] is not None:
        return False
    e = recs[0]["end_tok"]
    if not (e + 3 < b and doc[e].lower_ == "on" and doc[e + 1].lower_ == "the" and doc[e + 3].lower_ == "scale"):
        return False
    sym = doc[e + 2].text
    unit = (lex.cased[sym], lex.unit_groups[lex.cased[sym]]) if sym in lex.cased else lex.measures.get(_norm(sym)) \
        if len(sym) > 1 else None
    if not unit:
        return False
    new = _record(doc, recs[0]["start_tok"], recs[0]["num_tok"], recs[0]["end_tok"], recs[0]["value"], recs[0]["low"],
                  recs[0]["high"], recs[0]["approx"], (unit[0], unit[1], None, None, e + 4), recs[0]["flags"], False)
    recs[0].update(unit=new["unit"], unit_class=new["unit_class"], group=new["group"])
    return True


def _or_more(doc, i: int, a: int, b: int, lex: Lex):
    """A number word after "a/an/another NOUN or" counts that noun: "a day or two" (2 days), "another
    pick or two" (2 picks). The noun is read as a unit is (a measure or the thing counted)."""
    if i - 3 < a or doc[i - 1].lower_ != "or" or doc[i - 2].pos_ != "NOUN" or doc[i - 2].tag_ != "NN" \
            or doc[i - 3].lower_ not in ("a", "an", "another") or doc[i].lower_ not in lex.numbers or lex.numbers[doc[i].lower_] < 2:
        return None
    r = _read_figure(doc, i, a, b, lex, True)
    if not isinstance(r, dict) or len(r["records"]) != 1 or r["records"][0]["value"] != lex.numbers[doc[i].lower_]:
        return None
    unit = _unit_at(doc, i - 2, i - 1, lex, False, False)
    if not isinstance(unit, tuple):
        return None
    rec = r["records"][0]
    new = _record(doc, rec["start_tok"], rec["num_tok"], rec["end_tok"], rec["value"], None, None, rec["approx"],
                  (unit[0], unit[1], None, None, i - 1), rec["flags"], False)
    return {"records": [new], "next": r["next"]}


def _of_them(doc, e: int, b: int) -> bool:
    """ "of them", "of whom", "of which" (also "those", "these") at e: a part of what was just counted."""
    return e + 1 < b and doc[e].lower_ == "of" and doc[e + 1].lower_ in ("them", "whom", "which", "those", "these")


def _elided(doc, recs: list[dict], found: list[dict], b: int) -> bool:
    """A figure written without its unit takes the measure of the figure before it in the sentence
    (a measure, or a thing counted after the same preposition) when the two stand in parallel: "down 1% at 1,463.78 points, while ... at 1,334.20", "rose by
    2 percent but ... fell by 1", "a 1.4 degree angle in 2018 and 2.1 last year". The same word
    before both numbers, or "and"/"or"/"but" right before the second within twelve tokens; and
    nothing after the bare one that could name its own unit. Sets the unit on the record."""
    if len(recs) != 1 or recs[0]["unit"] is not None:
        return False
    r = recs[0]
    flags = r.get("flags") or {}
    if r["from_value"] is not None or _is_yearish(flags, r["value"]) or _is_yearish(flags, r["low"]):
        return False
    e = r["end_tok"]
    if flags.get("words") and not (_of_them(doc, e, b) and r["value"] is not None and r["value"] >= 1):
        return False                                   # "five of whom": a word number too (not "half of which")
    before = doc[r["start_tok"] - 1]
    if e < b and doc[e].lower_ in ("more", "others") or before.lower_ == "another" or _of_them(doc, e, b) \
            or before.lower_ in ("which", "whom") and r["start_tok"] - 2 >= 0 and doc[r["start_tok"] - 2].lower_ == "of":
        prev = next((p for p in reversed(found) if r["num_tok"] - p["end_tok"] <= 15 and p["unit"]
                     and " per " not in p["unit"] and not (p["group"] or "").startswith("money")), None)
        if prev is not None:                           # "5 hostages on Monday and 12 more", "30 drones, of which 25
                                                       # were shot down": the same thing counted
            r.update(unit=prev["unit"], unit_class=prev["unit_class"], group=prev["group"])
            return True
    if e < b and not (doc[e].is_punct and doc[e].text not in ("-", "–", "/", "%", ")", "]") or doc[e].pos_ in ("ADP", "CCONJ", "SCONJ", "ADV", "ADJ")):
        return False
    before = doc[r["start_tok"] - 1]
    prev = None
    for p in reversed(found):
        if r["num_tok"] - p["end_tok"] > 25:
            break
        if p["unit"] and before.lower_ == "to" and p is found[-1] and r["num_tok"] - p["end_tok"] <= 2 and p["start_tok"] > 0 \
                and (doc[p["start_tok"] - 1].lower_ == "from" or doc[p["start_tok"]].lower_ == "from"):
            prev = p                                   # "from about 14-18 mpg to 24"
            break
        if p["unit"] and before.lower_ in ("to", "at") and r["num_tok"] - p["end_tok"] <= 12 and p["start_tok"] > 0 \
                and p["group"] not in ("time", "percent") and not (p["group"] or "").startswith("money") \
                and all(x["group"] == "percent" for x in found[found.index(p) + 1:]) \
                and not any(t.is_punct and t.text not in (",", "(", ")") or t.pos_ == "VERB" and t.lower_ not in _LEVEL_VERBS
                            for t in doc[p["end_tok"]:r["start_tok"]] if not any(t.i in range(x["start_tok"], x["end_tok"]) for x in found)) \
                and any(t.lemma_.lower() in lexicon().change_verbs or t.lemma_.lower() in _LEVEL_VERBS
                        for t in doc[max(0, p["start_tok"] - 8):p["start_tok"]]):
            prev = p                                   # "fell 45.3 points to 7,012.1", "lost 250 points, or 0.8%,
            break                                      # to 33,800", "closed 120.5 points higher at 28,700.2"
        if p["unit"] and before.lower_ == "from" and p is found[-1] and r["num_tok"] - p["end_tok"] <= 3 \
                and all(t.is_punct or t.lower_ in ("up", "down", "from") for t in doc[p["end_tok"]:r["start_tok"]]):
            prev = p                                   # "$30 a month, up from 25": the level before, alike
            break
        if not p["unit"] or " per " in p["unit"] or p["group"] == "time" or (p["group"] or "").startswith("money"):
            continue
        measure = p["group"] in _MEASURE_GROUPS
        same = before.pos_ == "ADP" and p["start_tok"] > 0 and doc[p["start_tok"] - 1].lower_ == before.lower_
        if same or measure and p is found[-1] and before.lower_ in _PARALLEL and r["num_tok"] - p["end_tok"] <= 12:
            prev = p
            break
    if prev is None:
        return False
    r.update(unit=prev["unit"], unit_class=prev["unit_class"], group=prev["group"])
    return True


_LEVEL_VERBS = ("close", "closed", "end", "ended", "finish", "finished", "settle", "settled", "open", "opened", "higher", "lower")
_CLAUSE_JOIN = ("while", "whereas", "but", "and", "against", "compared", "versus", "vs", "vs.", "x", "×", "by")
_CLAUSE_WHILE = ("while", "whereas", "but")


def _elided_before(doc, r: dict, recs: list[dict]) -> bool:
    """A number written without its unit before a figure in a parallel clause takes that figure's
    thing counted or measure: "scored 1,200 last season, while the league leader had 1,450
    points". The bare number ends its clause (a joining word right after it, "while", "whereas",
    "but", "and" before a measure; or a comma and "while", "whereas", "but"), the next figure comes within fifteen tokens and is a count or a
    measure (not money, not time, no rate), and neither is a year. Sets the unit on the record."""
    if len(recs) != 1 or r["unit"] is not None or recs[0]["unit"] is None:
        return False
    q = recs[0]
    flags = r.get("flags") or {}
    if r["from_value"] is not None or flags.get("words") or _is_yearish(flags, r["value"]) or r["value"] is None \
            or _is_yearish(q.get("flags") or {}, q["value"]) or " per " in q["unit"] or q["group"] == "time" \
            or (q["group"] or "").startswith("money") or q["num_tok"] - r["end_tok"] > 15:
        return False
    e = r["end_tok"]
    if e < len(doc) and doc[e].lower_ == "from" and q["start_tok"] == e + 1 and q["from_value"] is None \
            and r["start_tok"] > 0 and doc[r["start_tok"] - 1].lower_ == "to" and not (q.get("flags") or {}).get("dash"):
        r.update(unit=q["unit"], unit_class=q["unit_class"], group=q["group"])
        return True                                    # "rose to 5.2 from 4.9 percent": the level after, alike
    joins = [t.lower_ for t in doc[e:q["start_tok"]]]
    if e >= len(doc) or not (doc[e].lower_ in _CLAUSE_JOIN or doc[e].text == "," and joins[1:2] and joins[1] in _CLAUSE_WHILE):
        return False
    if (q.get("flags") or {}).get("dash"):
        return False                                   # "a 45-acre farm": a compound word, not a parallel figure
    if any(any(c.isdigit() for c in t.text) or t.text in (";", ":", "(", ")") for t in doc[e:q["start_tok"]]):
        return False
    if q["subject_tokens"] is None and q["group"] not in _MEASURE_GROUPS:
        return False
    if q["group"] not in _MEASURE_GROUPS and doc[e].lower_ in ("and", "against", "versus", "vs", "vs.", "x", "×", "by"):
        return False                                   # "3 and 4 goals": one count of two figures, not shared
    r.update(unit=q["unit"], unit_class=q["unit_class"], group=q["group"])
    return True
