"""The per-document token index behind ``hedges.token_hits`` gives the same tokens as a plain scan."""
from sitrep.extract.context import Context
from sitrep.extract.hedges import token_hits
from sitrep.model import Document, Records


def _ctx(pipeline, text: str) -> Context:
    doc = Document.new(text)
    return Context(doc=doc, sdoc=pipeline.nlp(text), resources=pipeline.resources, records=Records(doc_id=doc.id))


def test_hits_match_a_token_scan(pipeline):
    text = ("Officials in the port town said the convoys were shelled. Reportedly, two convoys turned back;\n"
            "the Mayor SAID more supplies would come. Said the guard: \"Convoys pass at night.\"")
    ctx = _ctx(pipeline, text)
    lowers, lemmas = frozenset({"said", "convoys", "reportedly"}), frozenset({"supply", "turn"})
    want = [t.i for t in ctx.sdoc if t.lower_ in lowers or t.lemma_.lower() in lemmas or t.pos_ in ("NUM",)]
    assert token_hits(ctx, lowers, lemmas, ("NUM",)) == want
    assert token_hits(ctx, lowers) == [t.i for t in ctx.sdoc if t.lower_ in lowers]
    assert token_hits(ctx, frozenset({"nowhere"})) == []


def test_hits_on_an_empty_document(pipeline):
    assert token_hits(_ctx(pipeline, ""), frozenset({"said"}), frozenset({"say"}), ("VERB",)) == []


def test_a_query_larger_than_the_document_finds_the_same(pipeline):
    ctx = _ctx(pipeline, "The ferry left at dawn. The ferry returned.")
    many = frozenset({"ferry", "dawn"} | {f"word{i}" for i in range(500)})    # more ids than the document has
    assert token_hits(ctx, many) == [t.i for t in ctx.sdoc if t.lower_ in many]
