"""Hedges of spans and the cue lists they are read with (sentences written for these tests)."""
from __future__ import annotations

import pytest
import yaml

from sitrep.extract import hedges
from sitrep.model import Document, Records


@pytest.fixture(scope="module")
def ctx_for(claims_pipeline):
    from sitrep.extract.claims import find_claims
    from sitrep.extract.context import Context
    pipe = claims_pipeline

    def _ctx(text: str, with_claims: bool = True):
        doc = Document.new(text)
        ctx = Context(doc=doc, sdoc=pipe.nlp(text), resources=pipe.resources, records=Records(doc_id=doc.id))
        if with_claims:
            ctx.records.claims.extend(find_claims(ctx))
        return ctx
    return _ctx


def span_of(ctx, words: str) -> tuple[int, int]:
    a = ctx.doc.text.index(words)
    return a, a + len(words)


def test_every_cue_group_is_documented():
    data = yaml.safe_load(hedges.CUES_PATH.read_text(encoding="utf-8"))
    assert data
    for name, group in data.items():
        assert isinstance(group, dict), name
        assert isinstance(group.get("help"), str) and len(group["help"].split()) >= 5, f"{name}: no help line"
        lists = [k for k, v in group.items() if isinstance(v, list)]
        subs = [k for k, v in group.items() if isinstance(v, dict)]
        assert lists or subs, f"{name}: no entries"
        for k in subs:
            assert isinstance(group[k].get("help"), str) and group[k]["help"].strip(), f"{name}.{k}: no help line"


@pytest.mark.parametrize("text,words,hedge,cue", [
    ("Some 300 soldiers were reportedly moved to the border.", "300 soldiers", "reported", "reportedly"),
    ("The rebels allegedly seized 12 armoured vehicles.", "12 armoured vehicles", "reported", "allegedly"),
    ("Reports suggest that 40 tanks crossed the river.", "40 tanks", "reported", None),
    ("The figure of 500 casualties could not be independently confirmed.", "500 casualties", "unverified", None),
    ("The toll of 80 dead remains unverified.", "80 dead", "unverified", "unverified"),
    ("The capture of 90 prisoners has yet to be substantiated.", "90 prisoners", "unverified", None),
    ("The army denied that 20 jets were lost.", "20 jets", "denied", "denied"),
    ("The navy sank two patrol boats on Sunday.", "two patrol boats", "asserted", None),
])
def test_hedge_of_a_span_in_its_sentence(ctx_for, text, words, hedge, cue):
    ctx = ctx_for(text)
    got = hedges.hedge_for_span(ctx, *span_of(ctx, words))
    assert got[0] == hedge
    if cue:
        assert got[1] == cue
    if hedge == "asserted":
        assert got[1] is None


def test_reportedly_qualifies_its_own_clause_only(ctx_for):
    ctx = ctx_for("The army shot down 30 drones, part of a wave that reportedly included 45 missiles.")
    assert hedges.hedge_for_span(ctx, *span_of(ctx, "45 missiles"))[0] == "reported"
    assert hedges.hedge_for_span(ctx, *span_of(ctx, "30 drones"))[0] == "asserted"


def test_a_following_sentence_hedges_the_claim_before_it(ctx_for):
    text = ("The governor claimed that 40 drones were shot down over the port. "
            "While the capital has not verified these claims, they would mark a sharp rise.")
    ctx = ctx_for(text)
    assert hedges.hedge_for_span(ctx, *span_of(ctx, "40 drones")) == ("unverified", "has not verified")
    text = ("Officials said 200 soldiers had crossed the river. "
            "The neighbouring government rebuffed such claims on Monday.")
    ctx = ctx_for(text)
    assert hedges.hedge_for_span(ctx, *span_of(ctx, "200 soldiers"))[0] == "denied"


def test_a_verification_inside_another_claim_does_not_reach_back(ctx_for):
    text = ("The ministry estimated that 6,000 troops were in the region. "
            "A spokesman noted that these reports remain unverified regarding combat roles.")
    ctx = ctx_for(text)
    assert hedges.hedge_for_span(ctx, *span_of(ctx, "6,000 troops"))[0] == "asserted"


def test_works_without_the_claims_stage(ctx_for):
    ctx = ctx_for("Some 300 soldiers were reportedly moved to the border.", with_claims=False)
    assert hedges.hedge_for_span(ctx, *span_of(ctx, "300 soldiers"))[0] == "reported"


def test_bad_cue_file_is_a_one_line_error(tmp_path):
    from sitrep.errors import SitrepError
    p = tmp_path / "cues.yaml"
    p.write_text("- just\n- a list\n")
    with pytest.raises(SitrepError, match="cue lists"):
        hedges.load_cues(str(p))


@pytest.mark.parametrize("text,words", [
    ("The border guards denied entry to 14 journalists, the agency said.", "14 journalists"),
    ("The parliament rejected the treaty after 120 deputies voted against it.", "120 deputies"),
])
def test_refusing_something_is_not_denying_a_statement(ctx_for, text, words):
    ctx = ctx_for(text)
    assert hedges.hedge_for_span(ctx, *span_of(ctx, words))[0] == "asserted"


@pytest.mark.parametrize("second,hedge", [
    ("The neighbouring state denied it.", "denied"),
    ("The capital denied.", "denied"),
    ("Independent monitors could not confirm this.", "unverified"),
    ("The navy said it had lost a tug in the storm.", "asserted"),
])
def test_a_pronoun_is_enough_to_point_back(ctx_for, second, hedge):
    ctx = ctx_for("The governor said that 40 drones were shot down over the port. " + second)
    assert hedges.hedge_for_span(ctx, *span_of(ctx, "40 drones"))[0] == hedge


def test_token_hits_finds_what_a_token_scan_finds(ctx_for):
    """The cue prefilter (LOWER/LEMMA/POS arrays) picks exactly the tokens a plain scan would."""
    ctx = ctx_for("Officials Reportedly DENIED the rumours. Kestrel said, according to aides, "
                  "that the bridge was Unverified.\nReports say the dam is gone.", with_claims=False)
    lowers, lemmas = frozenset({"reportedly", "according", "unverified"}), frozenset({"deny", "report", "say"})
    want = [t.i for t in ctx.sdoc if t.lower_ in lowers or t.lemma_.lower() in lemmas or t.pos_ == "AUX"]
    assert hedges.token_hits(ctx, lowers, lemmas, ("AUX",)) == want
    assert hedges.token_hits(ctx, lowers) == [t.i for t in ctx.sdoc if t.lower_ in lowers]
    assert hedges.token_hits(ctx, lemmas=lemmas) == [t.i for t in ctx.sdoc if t.lemma_.lower() in lemmas]


@pytest.mark.parametrize("second", [
    "Such claims are false.",
    "These reports were entirely false.",
])
def test_false_is_a_denial_adjective(ctx_for, second):
    """YAML read an unquoted ``false`` in the adjective list as a boolean, so "false" never denied."""
    ctx = ctx_for("The rebels said that 70 tanks were destroyed near Orvel. " + second)
    assert hedges.hedge_for_span(ctx, *span_of(ctx, "70 tanks")) == ("denied", "false")


@pytest.fixture(scope="module")
def nlp(claims_pipeline):
    return claims_pipeline.nlp


@pytest.mark.parametrize("text,cues", [
    ("The garrison will stay in Orvel until the ceasefire holds.", ["will", "until"]),
    ("If the bridge falls, the Marn brigade will retreat.", ["If", "will"]),
    ("The Marn brigade will retreat across the bridge on Monday.", []),
    ("The council would pay for the repairs.", []),
    ("Officials allege that the depot was shelled, an accusation Kestel rejects.", ["allege", "accusation"]),
    ("The mayor is confident the reservoir holds enough water.", ["confident"]),
    ("He stayed in Dravo until Monday.", []),
    ("The Kestel mayor could not be reached for comment.", []),
    ("The Kestel dam could fail within days.", ["could"]),
    ("Losses in Orvel were larger than the council had expected.", []),
    ("As expected, the Marn brigade crossed the river.", []),
    ("The council expects the Marn brigade to cross the river.", ["expects"]),
])
def test_speculation_cues(nlp, text, cues):
    assert [c[2] for c in hedges.speculation_cues(nlp(text))] == cues
