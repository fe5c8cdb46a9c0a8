"""Phrases read at a token: ``_match_phrase`` (the longest entry of a word table the tokens from a
place spell, units and currency names among them), and the approximation cues before and after a
figure (``_cue_before``: "more than", "up to"; ``_cue_after``: "or more"), whose class the
quantities stage keeps."""
from __future__ import annotations

from .number_lexicon import Lex, _norm


_KEYS: tuple = (None, {})      # (document, {(j, stop): keys}): see ``_phrase_keys``


def _phrase_keys(doc, j: int, stop: int) -> list[tuple[int, str, str | None, str | None]]:
    """(n, key, key without a final ".", key without spaces) for the first n tokens from j, longest
    first: the lower forms with the spaces between (normalised when not ASCII), up to a space token
    or a line break. Made once per document and place (the unit reader tries several tables at one
    token); the cache holds one document, replaced by one assignment when another comes."""
    global _KEYS
    cached, memo = _KEYS
    if cached is not doc:
        memo = {}
        _KEYS = (doc, memo)
    keys = memo.get((j, stop))
    if keys is None:
        words, seps = [], []
        for t in doc[j:stop]:
            if t.is_space:
                break
            words.append(t.lower_)
            seps.append(" " if t.whitespace_ else "")
            if "\n" in t.whitespace_:
                break
        keys = []
        for n in range(len(words), 0, -1):
            key = "".join(w + sp for w, sp in zip(words[:n - 1], seps)) + words[n - 1]
            if not key.isascii():
                key = _norm(key)
            dot = key[:-1] if n > 1 and len(words[n - 1]) > 1 and words[n - 1].endswith(".") else None
            keys.append((n, key, dot, key.replace(" ", "") if n > 1 else None))
        memo[(j, stop)] = keys
    return keys


def _match_phrase(doc, j: int, end: int, table: dict, max_words: int = 5):
    """Longest entry of table that the tokens from j spell (with or without the spaces between);
    a phrase never runs over a space token or a line break."""
    best = None
    for n, key, dot, key2 in _phrase_keys(doc, j, min(end, j + max_words)):
        if key in table:
            return table[key], j + n
        if dot is not None and dot in table:
            return table[dot], j + n                # "per sq m." at the end of a sentence
        if key2 is not None and key2 in table:
            best = best or (table[key2], j + n)
    return best


def _cue_before(doc, s: int, sent_start: int, lex: Lex):
    if s <= sent_start:
        return None, s
    for words, cls in lex.before_by_last.get(doc[s - 1].lower_, ()):
        n = len(words)
        if s - n < sent_start:
            continue
        if tuple(t.lower_ for t in doc[s - n:s]) == words:
            if words == ("over",) and doc[s - 1].pos_ not in ("ADP", "ADV"):
                continue
            return cls, s - n
    return None, s


def _cue_after(doc, j: int, end: int, lex: Lex):
    if j >= end:
        return None, j
    for words, cls in lex.after_by_first.get(doc[j].lower_, ()):
        n = len(words)
        if j + n <= end and tuple(t.lower_ for t in doc[j:j + n]) == words:
            if j + n < end and (doc[j + n].lower_ in ("than", "of", "then") or words[0] in ("and", "or")
                                and (doc[j + n].text[:1].isdigit() or doc[j + n].lower_ in lex.numbers)):
                continue                         # "2,000 troops and more than ...", "above 10 and below 20": another figure
            return cls, j + n
    # a glued plus: "60+"
    return None, j


def _cue_mid(doc, j: int, end: int, lex: Lex):
    """A cue between a figure ending before token j and its unit (``cue_before_unit``: "40-odd
    survivors", "60+ tanks", "20 or so protesters"): (class, token after the cue) or None."""
    for words, cls in lex.mid_cues.items():
        k, first = j, words[0]
        if first.startswith("-") and len(first) > 1:
            if not (k + 1 < end and doc[k].text in ("-", "–") and doc[k - 1].whitespace_ == doc[k].whitespace_ == ""):
                continue
            k, words = k + 1, (first[1:],) + words[1:]
        elif first == "+" and (k >= end or doc[k - 1].whitespace_ != ""):
            continue
        n = len(words)
        if k + n < end and tuple(t.lower_ for t in doc[k:k + n]) == words and doc[k + n].text[:1].isalpha():
            return cls, k + n
    return None
