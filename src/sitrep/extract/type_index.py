"""Which tokens of a document have a word of a list: the shared, per-document index behind
``hedges.token_hits`` (several stages ask it for their candidate tokens).

For each column of ``hedges._type_table`` (LOWER ids, ids of the lowercased LEMMAs, POS ids) the
index holds the token positions grouped by id, computed once per document and kept in
``ctx.scratch``; a word list is a set of string ids (cached per list), so a query is one set
intersection with the document's distinct ids and a sort of the positions found. This replaced
one ``numpy.isin`` per query (about 50 microseconds each, some 800 queries over the 90 documents
of the 2014 corpus); the answer is the same.
"""
from __future__ import annotations

from functools import lru_cache


@lru_cache(maxsize=256)
def word_ids(words: frozenset) -> frozenset:
    """The string ids (LOWER / LEMMA hashes) of a word list."""
    from spacy.strings import get_string_id
    return frozenset(get_string_id(w) for w in words)


def _group(col) -> tuple[dict[int, tuple[int, int]], list[int]]:
    """Positions by id: ``order[a:b]`` are the (ascending) positions of id h for ``(a, b) = ranges[h]``."""
    import numpy as np
    n = len(col)
    if not n:
        return {}, []
    order = np.argsort(col, kind="stable")
    ids = col[order]
    new = np.empty(n, dtype=bool)
    new[0] = True
    np.not_equal(ids[1:], ids[:-1], out=new[1:])
    starts = np.flatnonzero(new)
    ends = np.append(starts[1:], n)
    return dict(zip(ids[starts].tolist(), zip(starts.tolist(), ends.tolist()))), order.tolist()


def _index(ctx, col: int):
    """The grouped positions of column ``col`` (0 LOWER, 1 lowercased LEMMA, 2 POS), once per document."""
    key = ("type_index", col)
    ix = ctx.scratch.get(key)
    if ix is None:
        from .hedges import _type_table
        ix = ctx.scratch[key] = _group(_type_table(ctx)[col])
    return ix


def hits(ctx, lowers: frozenset = frozenset(), lemmas: frozenset = frozenset(), pos=()) -> list[int]:
    """Indices, in order, of the tokens whose lower form is in ``lowers``, whose lowercased lemma
    is in ``lemmas`` or whose coarse tag is one of ``pos`` (names such as "VERB")."""
    found: list[int] = []
    queries = [(0, word_ids(frozenset(lowers)))]
    if lemmas:
        queries.append((1, word_ids(frozenset(lemmas))))
    if pos:
        from spacy.symbols import IDS
        queries.append((2, frozenset(IDS[p] for p in pos)))
    for col, ids in queries:
        ranges, order = _index(ctx, col)
        # the smaller side is iterated (``dict.keys() & frozenset`` walks the frozenset, however large)
        for h in ([h for h in ids if h in ranges] if len(ids) <= len(ranges) else [h for h in ranges if h in ids]):
            a, b = ranges[h]
            found += order[a:b]
    return sorted(set(found)) if len(queries) > 1 else sorted(found)
