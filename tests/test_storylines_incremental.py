"""Storylines built batch by batch, in any order, equal the storylines of one
rebuild: the same storylines (ids, names, dates, terms, distinct texts), the
same members and near-duplicate clusters. On SQLite and on PostgreSQL
(skipped with the reason when no server answers). The articles are our own
(tests/data/storylines/articles.jsonl): three dated stories, one of them
continued two months later, and an undated one, with near-duplicates."""
from __future__ import annotations

import json
import random
from pathlib import Path

import pytest
from sqlalchemy import select, text

from sitrep.analyse.storylines import build_storylines, duplicate_clusters, keys, list_storylines
from sitrep.model import Document
from sitrep.store import Store
from sitrep.store import schema as S

ARTICLES = Path(__file__).parent / "data" / "storylines" / "articles.jsonl"


def _docs() -> list[Document]:
    arts = [json.loads(line) for line in ARTICLES.read_text(encoding="utf-8").splitlines() if line.strip()]
    return [Document.new(a["text"], title=a["title"], published=a["published"], source_id=a["id"]) for a in arts]


def _snapshot(store) -> tuple[list, list]:
    with store.engine.connect() as conn:
        sls = sorted((r.id, r.name, repr(sorted((r.data or {}).items()))) for r in conn.execute(select(S.storylines)))
        members = sorted((r.storyline_id, r.doc_id, r.dup_of, r.jaccard)
                         for r in conn.execute(select(S.storyline_documents)))
    return sls, members


def _groups(store, ids: dict[str, str]) -> set[frozenset[str]]:
    name = {v: k for k, v in ids.items()}
    return {frozenset(name[d] for d in s["documents"]) for s in list_storylines(store)}


EXPECTED = {frozenset({"dam-1", "dam-2", "dam-2-copy", "dam-3"}), frozenset({"dam-late"}),
            frozenset({"port-1", "port-2", "port-3"}), frozenset({"talks-1", "talks-2", "talks-2-copy"})}


def test_one_build_groups_the_stories(mem_store):
    docs = _docs()
    ids = {d.source_id: d.id for d in docs}
    mem_store.add([(d, None) for d in docs])
    got = build_storylines(mem_store)
    assert got["new_documents"] == len(docs) and got["duplicate_pairs"] == 2
    assert _groups(mem_store, ids) == EXPECTED
    dams = next(s for s in list_storylines(mem_store) if ids["dam-1"] in s["documents"])
    assert dams["name"] == "Verkhnia dam breached near Lysogorsk"        # its first document
    assert dams["first"] == "2026-05-02" and dams["last"] == "2026-05-06" and dams["distinct"] == 3
    assert "lysogorsk" in dams["terms"] and "verkhnia" in dams["terms"]
    dup = duplicate_clusters(mem_store)
    assert dup[ids["dam-2-copy"]] == dup[ids["dam-2"]] == ids["dam-2"]  # the earlier of the two
    assert dup[ids["talks-2-copy"]] == dup[ids["talks-2"]]


@pytest.mark.parametrize("seed", [1, 7, 23])
def test_shuffled_batches_equal_a_rebuild(any_store, seed):
    docs = _docs()
    ref = Store(":memory:")
    ref.add([(d, None) for d in docs])
    build_storylines(ref)
    reference = _snapshot(ref)
    ref.close()
    random.Random(seed).shuffle(docs)           # batches in no order of ids or dates
    for batch in (docs[i::4] for i in range(4)):
        any_store.add([(d, None) for d in batch])
        build_storylines(any_store, doc_ids=[d.id for d in batch])
    incremental = _snapshot(any_store)
    assert _groups(any_store, {d.source_id: d.id for d in docs}) == EXPECTED
    assert incremental == reference             # the same whatever the order
    build_storylines(any_store, rebuild=True)
    assert _snapshot(any_store) == incremental


def test_batches_without_ids_and_one_at_a_time(mem_store):
    """The resumed-run path (every document not yet in a storyline), one
    document a batch, latest first: merges and new first documents all along."""
    docs = sorted(_docs(), key=lambda d: (d.published or "", d.id), reverse=True)
    for d in docs:
        mem_store.add([(d, None)])
        build_storylines(mem_store)
    incremental = _snapshot(mem_store)
    build_storylines(mem_store, rebuild=True)
    assert _snapshot(mem_store) == incremental


def test_keys_are_bucketed_by_date():
    from sitrep.analyse.storylines import signature
    a = signature("Zalivsk port", "Petra Lindqvist said the Bereg terminal of Zalivsk burned.", "2026-05-03")
    u = signature("Zalivsk port", "Petra Lindqvist said the Bereg terminal of Zalivsk burned.", None)
    bands, names = keys(a)
    assert len(bands) == 32 and names and all("@" in k for k in bands + names)
    assert all(k.endswith("@-") for part in keys(u) for k in part)
    look = keys(a, lookup=True)
    assert len(look[0]) == 3 * len(bands) and set(bands) <= set(look[0])


def test_migration_6_on_an_older_store(mem_store):
    """A store of version 5 gets the key table and the near-duplicate columns;
    its storylines (of the rule before) are dropped and rebuilt on demand."""
    from sitrep.store.migrations import migrate
    docs = _docs()
    mem_store.add([(d, None) for d in docs])
    build_storylines(mem_store)
    with mem_store.engine.begin() as conn:
        conn.execute(text("DROP TABLE storyline_keys"))
        conn.execute(text("DELETE FROM schema_migrations WHERE version = 6"))
    with mem_store.engine.begin() as conn:
        assert migrate(conn) == [6]
    assert list_storylines(mem_store) == []
    build_storylines(mem_store)
    assert _groups(mem_store, {d.source_id: d.id for d in docs}) == EXPECTED


def test_a_key_holds_at_most_max_posting_documents(mem_store):
    """25 copies of one undated article: every key stores at most MAX_POSTING
    documents (the lookups stay bounded), and the copies still make one
    storyline and one near-duplicate cluster, in batches as in a rebuild."""
    from sitrep.analyse.storylines import MAX_POSTING
    base = next(d for d in _docs() if d.source_id == "talks-2")
    copies = [Document.new(f"Bulletin {k}.\n" + base.text, title=f"{base.title} ({k})", source_id=f"talks-2-{k}")
              for k in range(25)]
    random.Random(5).shuffle(copies)
    for batch in (copies[i::3] for i in range(3)):
        mem_store.add([(d, None) for d in batch])
        build_storylines(mem_store, doc_ids=[d.id for d in batch])
    with mem_store.engine.connect() as conn:
        most = conn.execute(text("SELECT max(n) FROM (SELECT count(*) AS n FROM storyline_keys GROUP BY key) t"))
        assert most.scalar_one() == MAX_POSTING
    incremental = _snapshot(mem_store)
    assert len({r[0] for r in incremental[1]}) == 1 and sum(1 for r in incremental[1] if r[2]) == 24
    build_storylines(mem_store, rebuild=True)
    assert _snapshot(mem_store) == incremental
