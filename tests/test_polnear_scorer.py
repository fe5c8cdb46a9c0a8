"""The PolNeAR scorer on brat annotations written for this test."""
from __future__ import annotations

from sitrep.eval import polnear as P

TEXT = 'Mayor Dubois: "The river is rising," she said, "and the bridge will close."'


def _ann(tmp_path, lines):
    p = tmp_path / "x.ann"
    p.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return P.read_ann(p)


def test_discontinuous_content_overlaps_only_its_pieces(tmp_path):
    a1 = TEXT.index("The river"), TEXT.index('," she')
    a2 = TEXT.index("and the"), TEXT.index('."')
    atts = _ann(tmp_path, [f"T1\tContent {a1[0]} {a1[1]};{a2[0]} {a2[1]}\tx",
                           f"T2\tCue {TEXT.index('said')} {TEXT.index('said') + 4}\tsaid",
                           "E1\tAttribution:T2 Content:T1 Cue:T2"])
    gold = sorted(P._gold_spans(TEXT, atts, "content"))
    assert len(gold) == 1 and gold[0][:2] == (a1[0], a2[1])
    she = (TEXT.index("she"), TEXT.index("she") + 3)
    assert P._match([she], gold, exact=False) == 0          # in the gap between the pieces
    assert P._match([(a2[0], a2[1])], gold, exact=False) == 1
    assert P._match([(a1[0], a2[1])], gold, exact=True) == 1  # exact compares the outer bounds


def test_punctuation_only_cue_is_kept(tmp_path):
    c = TEXT.index(":")
    atts = _ann(tmp_path, [f"T1\tCue {c} {c + 1}\t:", "E1\tAttribution:T1 Cue:T1"])
    assert P._gold_spans(TEXT, atts, "cue") == {(c, c + 1)}


def test_matching_is_maximal_not_greedy():
    gold = [(0, 10), (20, 30)]
    found = [(5, 25), (22, 28)]   # greedy would give (5, 25) the first gold and (22, 28) the second
    assert P._match(found, gold, exact=False) == 2
    found = [(0, 25), (5, 8)]     # greedy gives (0, 25) the first gold span, leaving (5, 8) nothing
    assert P._match(found, gold, exact=False) == 2


def test_univocal_leaves_out_claims_nested_in_another_claims_content():
    from sitrep.model import Claim
    text = 'The envoy condemned what the minister called "a reckless breach" of the truce.'
    def claim(cue, content):
        a, b = text.index(content), text.index(content) + len(content)
        return Claim(id=cue, doc_id="d", start=a, end=b, text=content, cue=cue,
                     cue_start=text.index(cue), cue_end=text.index(cue) + len(cue))
    outer = claim("condemned", 'what the minister called "a reckless breach" of the truce')
    inner = claim("called", '"a reckless breach" of the truce')
    assert P.univocal([outer, inner]) == [outer]
    # a quotation broken by its attribution: each holds the other's cue, both stay
    a = Claim(id="a", doc_id="d", start=0, end=40, text=text[:40], cue_start=10, cue_end=15)
    b = Claim(id="b", doc_id="d", start=5, end=30, text=text[5:30], cue_start=20, cue_end=25)
    assert P.univocal([a, b]) == [a, b]


def test_joint_sources_are_scored_as_one_span():
    """"The mayor and the governor said ..." is one PolNeAR source span; sitrep keeps the
    second source as a co-source, and the scorer reads their extent."""
    from types import SimpleNamespace as NS

    from sitrep.eval.polnear import _found
    text = "The mayor and the governor said the bridge would reopen."
    co = NS(start=text.index("the governor"), end=text.index(" said"))
    claim = NS(source_start=0, source_end=len("The mayor"), co_sources=[co], cue_start=text.index("said"),
               cue_end=text.index("said") + 4, start=text.index("the bridge"), end=len(text) - 1)
    alone = NS(**{**vars(claim), "co_sources": []})
    spans = {text[a:b] for a, b in _found(text, [claim])["source"]}
    assert spans == {"The mayor and the governor"}
    assert {text[a:b] for a, b in _found(text, [alone])["source"]} == {"The mayor"}


def test_cue_is_scored_with_its_verb_group():
    """PolNeAR marks "has also said" where sitrep's ``cue`` keeps "said": the scorer reads the verb
    group sitrep gives in ``cue_group_start``, and the bare cue when there is none."""
    from types import SimpleNamespace as NS

    from sitrep.eval.polnear import _found
    text = "The mayor has also said the bridge would reopen."
    base = dict(source_start=0, source_end=len("The mayor"), co_sources=[], cue_start=text.index("said"),
                cue_end=text.index("said") + 4, start=text.index("the bridge"), end=len(text) - 1)
    grouped = NS(**base, cue_group_start=text.index("has"))
    bare = NS(**base, cue_group_start=None)
    assert {text[a:b] for a, b in _found(text, [grouped])["cue"]} == {"has also said"}
    assert {text[a:b] for a, b in _found(text, [bare])["cue"]} == {"said"}
