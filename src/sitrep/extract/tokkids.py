"""``kids_of(t)``: the children of a token (``t.children``) as a tuple, made once per token.

spaCy's ``Token.children`` scans the token's whole subtree span for the tokens whose head it
is (a sentence's root verb scans the sentence) and makes new Token objects each time; the
extraction stages ask for the children of the same verbs and nouns many times over. The tuple
is kept for the document being read: the cache holds one document, and a token of another
replaces it (one assignment, so a thread always sees a whole cache of one document). The
parse is not changed after the pipeline's components have run, so a cached tuple stays true.
"""
from __future__ import annotations

_CACHE: tuple = (None, {})      # (the document, {token index: its children})


def kids_of(t) -> tuple:
    """``tuple(t.children)``, from the cache when this token's were read before."""
    global _CACHE
    doc, memo = _CACHE
    if doc is not t.doc:
        doc, memo = t.doc, {}
        _CACHE = (doc, memo)
    i = t.i
    k = memo.get(i)
    if k is None:
        k = memo[i] = tuple(t.children)
    return k
