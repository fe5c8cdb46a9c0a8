"""Sentence boundaries set before the parser (``sitrep_sentences``): SENT_START 1 / -1, the parser
fills in the rest. Cheap: one ``to_array`` of a few columns, a loop over the few candidate tokens
only, one ``from_array`` if anything changed.

- a token after a newline starts a sentence (lines are never joined), and the line's second token,
  if glued to the first, does not (left free, the parser cut "Trump" / "’s" / "criticisms ..." after a
  subhead);
- a closing quote or bracket right after sentence-final punctuation ('... progress."') stays in that
  sentence: the parser cut it off as a sentence of its own, or glued it to the next one;
  a second closer glued to the first ('.’”') too;
- a lowercase word after such a closing quote ('"You winning?" she said') goes on the quoted
  sentence: the parser cut after '?"' and lost the speaker of the quote.
"""
from __future__ import annotations

# sentence-final punctuation a closing quote can follow (token texts); help line each
FINALS: dict[str, str] = {
    ".": "full stop",
    "?": "question mark",
    "!": "exclamation mark",
    "...": "three-dot ellipsis",
    "\u2026": "ellipsis character",
    "?!": "question and exclamation mark as one token",
}

# closing quotes and brackets (token texts); `ambiguous` ones also open a quote, so they count as
# closing only when followed by whitespace, another closer or the end of the text; help line each
CLOSERS: dict[str, str] = {
    "\u201d": "right double quotation mark: always closing",
    "\u2019": "right single quotation mark (closing; as an apostrophe it is inside a word token)",
    ")": "closing parenthesis",
    "]": "closing square bracket",
    '"': "straight double quote: ambiguous, closing when followed by whitespace or the end",
    "'": "straight single quote: ambiguous, closing when followed by whitespace or the end",
    "''": "two straight single quotes, a closing double quote in some wire copy: ambiguous",
}
AMBIGUOUS = frozenset({'"', "'", "''"})

_HASHES: dict = {}


def _hashes(doc):
    vocab = doc.vocab
    key = id(vocab.strings)
    h = _HASHES.get(key)
    if h is None:
        s = vocab.strings
        h = ({s.add(t) for t in FINALS}, {s.add(t) for t in CLOSERS}, {s.add(t) for t in AMBIGUOUS})
        _HASHES.clear()
        _HASHES[key] = h
    return h


def sentence_boundaries(doc):
    """Set SENT_START before the parser (see the module docstring)."""
    import numpy as np
    from spacy.attrs import IS_LOWER, IS_SPACE, ORTH, SENT_START, SPACY
    n = len(doc)
    if n < 2:
        return doc
    finals, closers, ambiguous = _hashes(doc)
    arr = doc.to_array([IS_SPACE, SENT_START, ORTH, SPACY, IS_LOWER])
    space, col = arr[:, 0].astype(np.int64).tolist(), arr[:, 1].astype(np.int64)
    orth = arr[:, 2]
    changed = False
    # newlines: only ever inside a whitespace token (a token's trailing whitespace is at most one space)
    for i in arr[:-1, 0].nonzero()[0].tolist():
        t = doc[i].text
        if "\n" not in t:
            continue
        col[i + 1] = 1
        if i + 2 < n and not space[i + 1]:
            col[i + 2] = -1
        changed = True
    # closing quotes after final punctuation with no space between
    cand = np.isin(orth[1:], np.fromiter(closers, dtype=orth.dtype)).nonzero()[0] + 1
    if len(cand):
        orth_l, spacy_l, lower_l = orth.tolist(), arr[:, 3].tolist(), arr[:, 4].tolist()
        for i in cand.tolist():
            if spacy_l[i - 1] or not (orth_l[i - 1] in finals or (orth_l[i - 1] in closers and col[i - 1] == -1)):
                continue
            last = i + 1 >= n
            if orth_l[i] in ambiguous and not (spacy_l[i] or last or space[i + 1] or orth_l[i + 1] in closers):
                continue
            col[i] = -1
            if not last and lower_l[i + 1] and col[i + 1] != 1:
                col[i + 1] = -1
                # and the word after it: the parser can overrule a lone -1 (spaCy issue 7716), not two
                if i + 2 < n and col[i + 2] != 1 and not space[i + 2]:
                    col[i + 2] = -1
            changed = True
    if changed:
        doc.from_array([SENT_START], col.astype(np.uint64))
    return doc
