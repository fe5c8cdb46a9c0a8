"""Storylines and near-duplicates: on our own sample articles, and measured on
the 2014 corpus against pairs listed by hand (read from ../shared, never copied)."""
from __future__ import annotations

import json

import pytest

from sitrep.analyse.storylines import build_storylines, list_storylines, signature
from sitrep.model import Document
from sitrep.store import Store
from tracks_sample import build

# Found by reading the 2014 corpus. Same story, different outlets and wording:
SAME_STORY = [(27, 43),   # Nuland: 400-500 Russian soldiers killed
              (65, 67),   # Canada suspends military cooperation with Russia
              (36, 49),   # OSCE and the Crimea referendum, March 2014
              (56, 80),   # referendum day in Simferopol
              (51, 83),   # Putin's trade pressure over Ukraine's EU agreement
              (62, 86)]   # Russian paratroopers' losses in Ukraine
# Look alike but are different stories:
DIFFERENT = [(85, 88),    # Putin at Valdai 2014 / Lavrov at the Primakov Readings 2017
             (71, 72),    # two different waves of US sanctions
             (79, 81),    # OSCE monitoring updates of 2015 and of 2014
             (22, 24)]    # two RIA Novosti stories sharing one background paragraph
# article_30 and article_31 are the corpus's one identical pair (both texts are empty):
# the store takes one document per normalized text, so they can never count twice.
IDENTICAL = [(30, 31)]


def _dup_pairs(store) -> set[tuple[str, str]]:
    return {tuple(sorted(p[:2])) for s in list_storylines(store) for p in s["duplicates"]}


def test_sample_storylines_and_duplicates(mem_store):
    mem_store.add(build())
    build_storylines(mem_store)
    ids = {d.source_id: d.id for d in mem_store.documents(limit=None)}
    of = {d: s["id"] for s in list_storylines(mem_store) for d in s["documents"]}
    assert of[ids["bel-2"]] == of[ids["bel-2-copy"]]
    assert of[ids["air-1"]] not in {of[ids["bel-1"]], of[ids["bel-2"]]}
    assert _dup_pairs(mem_store) == {tuple(sorted((ids["bel-2"], ids["bel-2-copy"])))}
    sl = next(s for s in list_storylines(mem_store) if ids["bel-2"] in s["documents"])
    assert sl["distinct"] == 1 and len(sl["documents"]) == 2


def test_incremental_storylines_keep_old_groups(mem_store):
    mem_store.add(build({"bel-2", "air-1"}))
    build_storylines(mem_store)
    before = {s["id"] for s in list_storylines(mem_store)}
    mem_store.add(build({"bel-2-copy"}))
    r = build_storylines(mem_store)
    assert r["new_documents"] == 1 and r["duplicate_pairs"] == 1
    assert {s["id"] for s in list_storylines(mem_store)} == before


def test_empty_texts_are_not_duplicates():
    a, b = signature("One title", ""), signature("Another title", "")
    assert a["empty"] and b["empty"]


@pytest.fixture(scope="module")
def corpus_store(tmp_path_factory):
    from conftest import SHARED
    path = SHARED / "corpus" / "ukraine-2014" / "articles.jsonl"
    if not path.exists():
        pytest.skip(f"{path} not found")
    arts = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    store = Store(":memory:")
    docs = [Document.new(a["text"], title=a["title"], source_id=a["id"]) for a in arts if a["text"].strip()]
    # a wire copy of 20 articles on "another site": a byline added, the last line dropped, one verb changed
    copies = []
    for a in [a for a in arts if a["text"].strip()][:20]:
        lines = a["text"].split("\n")
        text = "Wire staff report.\n" + "\n".join(lines[:-1] if len(lines) > 3 else lines).replace(
            " said ", " told reporters ", 1)
        copies.append(Document.new(text, title=a["title"] + " | wire", source_id=a["id"] + "-copy"))
    store.add([(d, None) for d in docs + copies])
    build_storylines(store)
    return store, arts, {d.source_id: d.id for d in docs + copies}


def test_2014_near_duplicates(corpus_store):
    store, arts, ids = corpus_store
    pairs = _dup_pairs(store)
    found = sum(tuple(sorted((ids[k], ids[k + "-copy"]))) in pairs for k in ids if not k.endswith("-copy")
                and k + "-copy" in ids)
    assert found == 20                      # every wire copy recognised
    assert len(pairs) == 20                 # and no two distinct articles taken for copies
    for a, b in IDENTICAL:
        ta = next(x["text"] for x in arts if x["id"] == f"article_{a}")
        tb = next(x["text"] for x in arts if x["id"] == f"article_{b}")
        assert Document.new(ta).id == Document.new(tb).id


def test_2014_same_story_pairs(corpus_store):
    store, _, ids = corpus_store
    of = {d: s["id"] for s in list_storylines(store) for d in s["documents"]}
    same = sum(of[ids[f"article_{a}"]] == of[ids[f"article_{b}"]] for a, b in SAME_STORY)
    wrong = sum(of[ids[f"article_{a}"]] == of[ids[f"article_{b}"]] for a, b in DIFFERENT)
    # measured: 6 of 6 same-story pairs grouped, 0 of 4 look-alike pairs wrongly grouped (the rule before
    # the order-free one: 5 of 6 and 1 of 4)
    assert same >= 5 and wrong <= 1
