"""The scan of the quantities stage: every figure of a parsed document.

``scan`` walks each sentence and reads a figure (``quantity_figure._read_figure``) only
at the tokens that may start a number: digits, number words, currency signs and codes,
"minus", "a"/"an" before a fraction, a multiplier or a time word. The test is made once
per distinct word (by its orth id, cached) over the document's orth array, so the scan
costs little on the many tokens that cannot start a figure.
"""
from __future__ import annotations

from bisect import bisect_left

from .numbers import Lex, lexicon
from .quantity_figure import _read_figure

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
    while k < len(first) and first[k] < b:
        i = first[k]
        r = _read_figure(doc, i, a, b, lex, bare)
        if r is None:
            nxt = i + 1
        elif isinstance(r, int):
            nxt = max(r, i + 1)
        else:
            found.extend(r["records"])
            nxt = max(r["next"], i + 1)
        k = bisect_left(first, nxt, k)
    return found
