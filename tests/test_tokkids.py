"""The per-document cache of token children gives what spaCy gives, for each document read."""
from sitrep.extract.tokkids import kids_of


def test_children_as_spacy_gives_them(pipeline):
    a = pipeline.nlp("The harbour master said the ferries, which had waited since noon, would sail at dusk.")
    b = pipeline.nlp("Two tugs pulled the barge clear of the pier.")
    for doc in (a, b, a):     # another document replaces the cache, and a return to the first reads it anew
        for t in doc:
            assert kids_of(t) == tuple(t.children)
            assert kids_of(t) is kids_of(t)     # read once per token
