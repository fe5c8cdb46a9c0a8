"""The distributed ingest (sitrep.scale) against the single-process ingest.

A LocalCluster of 2 worker processes reads a small corpus of our own texts
(a folder of articles, a JSON Lines file, a repeated article, a file that
cannot be read) cut into many small partitions; the store must end up
identical to ``core.ingest`` on the same input: the same documents, sources,
records (record ids are deterministic), rejects. Then: a run interrupted
after two partitions and started again; a worker killed in the middle of a
run; a partition whose task fails once and is retried alone; the bulk load of
hand-made records of every kind (COPY on PostgreSQL).
"""
from __future__ import annotations

import json
import os
import signal
import time
from pathlib import Path

import pytest

distributed = pytest.importorskip("distributed")
pytest.importorskip("pyarrow")

from sitrep import core  # noqa: E402
from sitrep.model import (Claim, DateRef, Document, Entity, Evidence, Mention, Place, Quantity,  # noqa: E402
                          Records, Relation, record_id)
from sitrep.scale import ingest_distributed  # noqa: E402
from sitrep.scale import load, partitions, shards, worker  # noqa: E402
from sitrep.store import Store  # noqa: E402
from sitrep.store import schema as S  # noqa: E402

TOWNS = ["Kharkiv", "Odesa", "Dnipro", "Sumy", "Poltava", "Mykolaiv", "Zaporizhzhia", "Chernihiv"]
SOURCES = ["the regional governor", "a defence ministry spokesman", "local officials", "the border service"]


def _article(i: int) -> tuple[str, str]:
    """A short made-up news item of our own wording, different for every i."""
    town, src = TOWNS[i % len(TOWNS)], SOURCES[i % len(SOURCES)]
    title = f"Convoy number {i} reaches {town}"
    text = (f"{title}\n"
            f"A column of {20 + i} trucks carrying generators arrived in {town} on Tuesday, {src} said.\n"
            f"According to {src}, about {100 + 7 * i} families in the district were still without power.\n"
            f"\"We expect {i % 5 + 2} more deliveries before the end of the month,\" a volunteer told reporters.\n")
    return title, text


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> list[str]:
    root = tmp_path_factory.mktemp("scale-corpus")
    folder = root / "articles"
    (folder / "more").mkdir(parents=True)
    for i in range(9):
        (folder / ("more" if i % 3 == 0 else ".") / f"item{i:02d}.txt").write_text(_article(i)[1], encoding="utf-8")
    (folder / "copy-of-item01.txt").write_text(_article(1)[1], encoding="utf-8")   # the same article again
    (folder / "empty.txt").write_text("  \n", encoding="utf-8")                      # rejected: empty
    (folder / ".hidden.txt").write_text(_article(40)[1], encoding="utf-8")          # skipped in a folder
    (folder / "more" / "notes.bin").write_bytes(b"\x00\x01 not read from a folder")  # rejected: unsupported
    (root / "nothing").mkdir()                                                      # rejected: empty folder
    (root / "pretty.jsonl").write_text(json.dumps({"title": "Whole", "text": _article(30)[1]}, indent=2),
                                       encoding="utf-8")                            # one object over many lines
    lines = []
    for i in range(9, 23):
        title, text = _article(i)
        lines.append(json.dumps({"id": f"feed-{i}", "title": title, "text": text, "published": "2026-03-0" + str(i % 9 + 1)}))
    lines.append(json.dumps({"id": "feed-again", "title": "again", "text": _article(4)[1]}))
    lines.insert(6, '{"id": "broken", "title": "cut off')                           # rejected: bad_json
    lines.insert(3, "")
    jsonl = root / "feed.jsonl"
    jsonl.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return [str(folder), str(jsonl), str(root / "missing.txt"), str(root / "nothing"), str(root / "pretty.jsonl")]


SMALL = {"lines_per_partition": 3, "files_per_partition": 2}


def same(store: Store, base: dict) -> bool:
    return snapshot(store) == {k: v for k, v in base.items() if k != "counts"}


def snapshot(store: Store) -> dict:
    """Everything the ingest stored, in a comparable form (times left out)."""
    from sqlalchemy import select
    out: dict = {}
    with store.engine.connect() as conn:
        out["documents"] = {r.id: (r.title, r.text, r.published, r.source, r.source_id, r.format, r.data)
                            for r in conn.execute(select(S.documents))}
        out["sources"] = sorted((r.doc_id, r.source, r.source_id or "") for r in conn.execute(select(S.document_sources)))
        for kind, table in S.RECORD_TABLES.items():
            out[kind] = {r.id: (r.doc_id, r.data) for r in conn.execute(select(table))}
        out["rejects"] = sorted((r.input, r.reason, r.detail) for r in conn.execute(select(S.rejects)))
    return out


@pytest.fixture(scope="module")
def baseline(corpus, tmp_path_factory, ) -> dict:
    store = Store(str(tmp_path_factory.mktemp("base") / "base.db"))
    rep = core.ingest(corpus, store)
    snap = snapshot(store)
    snap["counts"] = (len(rep.new), len(rep.duplicates))
    store.close()
    assert len(snap["documents"]) >= 10
    assert sum(len(snap[k]) for k in S.RECORD_TABLES) > 20        # records to compare, of several kinds
    return snap


@pytest.fixture(scope="module")
def client():
    from distributed import Client, LocalCluster
    cluster = LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=":0")
    c = Client(cluster)
    yield c
    c.close()
    cluster.close()


def test_plan_cuts_jsonl_by_lines_and_groups_files(corpus):
    parts = list(partitions.plan(corpus, **SMALL))
    kinds = [p.kind for p in parts]
    assert kinds.count("files") >= 5                     # 12 files in the folder, 2 per partition, + missing
    ids = [p.id for p in parts]
    assert len(set(ids)) == len(ids) and ids == [p.id for p in partitions.plan(corpus, **SMALL)]
    if partitions.reader_splits_jsonl():
        ranges = [p for p in parts if p.kind == "lines"]
        assert sum(p.lines for p in ranges) == 17 and all(p.lines <= 3 for p in ranges)
        assert all(p.paths[0].endswith("feed.jsonl") for p in ranges)     # pretty.jsonl stays whole
        data = Path(corpus[1]).read_bytes()
        assert b"".join(data[p.start:p.end] for p in ranges) == data


def test_two_workers_store_what_one_process_stores(corpus, baseline, client, any_store, tmp_path):
    seen = []
    rep = ingest_distributed(corpus, any_store, client, work_dir=tmp_path / "run",
                             on_event=lambda kind, info: seen.append((kind, info)), **SMALL)
    assert rep.partitions >= 7 and rep.computed == rep.partitions and not rep.failed
    assert same(any_store, baseline)
    assert (rep.new, rep.duplicates) == baseline["counts"] and rep.duplicates >= 1
    assert {r["reason"] for r in rep.rejected} == {"empty", "not_found", "unsupported", "bad_json"}
    assert rep.peak_rss and all(0 < v < 1.5 * 2**30 for v in rep.peak_rss.values())
    try:
        import sitrep.analyse.tracks  # noqa: F401
    except ModuleNotFoundError:
        pass
    else:   # tracks built incrementally after the load, from the loaded figures
        assert rep.analysis.startswith("updated tracks") and any_store.stats()["tracks"] > 0
        # built partition by partition as they loaded: what one rebuild gives
        from sitrep.analyse.tracks import build_tracks
        from test_tracks_incremental import _snapshot
        per_partition = _snapshot(any_store)
        # the workers read the figures for their tracks; the client merged their rows
        merged = [i for k, i in seen if k == "analysed" and "merged" in i]
        assert merged and sum(i["merged"] for i in merged) == any_store.count("quantity")
        # storyline signatures came with the shards, as the client would compute them
        from sqlalchemy import select

        from sitrep.analyse.storylines import signature
        from sitrep.store import schema as S
        with any_store.engine.connect() as conn:
            sigs = dict(conn.execute(select(S.doc_signatures.c.doc_id, S.doc_signatures.c.data)).all())
        docs = list(any_store.iter_documents())
        assert set(sigs) == {d.id for d in docs}
        assert all(sigs[d.id] == signature(d.title, d.text, d.published) for d in docs)
        build_tracks(any_store, rebuild=True)
        assert _snapshot(any_store) == per_partition
        # storylines too, linked partition by partition: what one rebuild gives
        from sitrep.analyse.storylines import build_storylines
        from test_storylines_incremental import _snapshot as story_snapshot
        linked = story_snapshot(any_store)
        assert len(linked[1]) == len(docs)
        assert sum(1 for k, i in seen if k == "analysed" and i["what"] == ["storylines"]) >= 2
        build_storylines(any_store, rebuild=True)
        assert story_snapshot(any_store) == linked
    again = ingest_distributed(corpus, any_store, client, work_dir=tmp_path / "run", **SMALL)
    assert again.skipped == rep.partitions and again.computed == 0 and again.new == 0
    assert same(any_store, baseline)


def test_interrupted_run_resumes_without_duplicates(corpus, baseline, client, tmp_path):
    store = Store(str(tmp_path / "t.db"))
    seen = []

    def stop(kind, info):
        if kind == "loaded":
            seen.append(info["partition"])
            if len(seen) == 2:
                raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        ingest_distributed(corpus, store, client, work_dir=tmp_path / "run", on_event=stop, **SMALL)
    assert load.loaded_ids(store) == set(seen)
    partial = snapshot(store)
    assert 0 < len(partial["documents"]) < len(baseline["documents"])
    rep = ingest_distributed(corpus, store, client, work_dir=tmp_path / "run", **SMALL)
    assert rep.skipped == 2 and rep.skipped + rep.reused + rep.computed == rep.partitions
    assert same(store, baseline)
    assert len(load.loaded_ids(store)) == rep.partitions
    from click.testing import CliRunner

    from sitrep.cli import cli
    res = CliRunner().invoke(cli, ["--db", str(tmp_path / "t.db"), "scale", "status", "--json"], obj={})
    assert res.exit_code == 0, res.output
    runs = json.loads(res.output)["runs"]
    assert sorted(r["status"] for r in runs) == ["done", "interrupted"]
    assert next(r for r in runs if r["status"] == "done")["data"]["skipped"] == 2


def test_shards_on_disk_are_loaded_without_recomputing(corpus, baseline, client, tmp_path, monkeypatch):
    """Shards kept on disk load into a new store with no cluster at all; after the
    load, the incremental tracks/storylines entry points get the new documents."""
    import sys
    import types
    calls = []
    fake_tracks = types.ModuleType("sitrep.analyse.tracks")
    fake_tracks.update = lambda store, ids: calls.append(("tracks", ids if ids is None else sorted(ids)))
    fake_tracks.update.__module__ = "sitrep.analyse.tracks"
    fake_tracks.merge_rows = lambda store, rows: calls.append(("merged", sorted({r["doc_id"] for r in rows})))
    fake_tracks.merge_rows.__module__ = "sitrep.analyse.tracks"
    fake_story = types.ModuleType("sitrep.analyse.storylines")
    fake_story.build_storylines = lambda store, rebuild=False, doc_ids=None: calls.append(
        ("storylines", doc_ids if doc_ids is None else sorted(doc_ids)))
    fake_story.build_storylines.__module__ = "sitrep.analyse.storylines"
    store = Store(str(tmp_path / "t.db"))
    work = tmp_path / "run"
    rep = ingest_distributed(corpus, store, client, work_dir=work, keep_shards=True, **SMALL)
    assert len(list(work.glob("part-*/meta.json"))) == rep.partitions
    assert list(work.glob("part-*/documents.parquet"))
    fresh = Store(str(tmp_path / "fresh.db"))
    monkeypatch.setitem(sys.modules, "sitrep.analyse.tracks", fake_tracks)
    monkeypatch.setitem(sys.modules, "sitrep.analyse.storylines", fake_story)
    again = ingest_distributed(corpus, fresh, None, work_dir=work, **SMALL)   # no cluster needed
    assert again.reused == rep.partitions and again.computed == 0
    assert same(fresh, baseline)
    # after each loaded partition: the workers' track rows merged (the documents with figures) and
    # the storylines of its new documents; then a resumed run catches up on all
    assert calls[-2:] == [("tracks", None), ("storylines", None)]
    every = sorted(d.id for d in fresh.iter_documents())
    merged = [i for c in calls[:-2] if c[0] == "merged" for i in c[1]]
    assert merged and len(merged) == len(set(merged)) and set(merged) <= set(every)
    assert sorted(i for c in calls[:-2] if c[0] == "storylines" for i in c[1]) == every
    assert not [c for c in calls[:-2] if c[0] == "tracks"]        # no partition fell back to reading figures
    assert again.analysis.startswith("updated tracks and storylines")


def test_failed_partition_is_retried_alone(corpus, baseline, tmp_path, monkeypatch):
    from distributed import Client, LocalCluster
    calls: dict[str, int] = {}
    real = worker._run
    target = list(partitions.plan(corpus, **SMALL))[1].id

    def flaky(part, **kw):
        calls[part.id] = calls.get(part.id, 0) + 1
        if part.id == target and calls[part.id] == 1:
            raise OSError("disk went away")
        return real(part, **kw)

    monkeypatch.setattr(worker, "_run", flaky)
    events = []
    store = Store(str(tmp_path / "t.db"))
    with LocalCluster(n_workers=1, threads_per_worker=1, processes=False, dashboard_address=":0") as cl, \
            Client(cl) as c:
        rep = ingest_distributed(corpus, store, c, work_dir=tmp_path / "run",
                                 on_event=lambda k, i: events.append((k, i.get("partition"))), **SMALL)
    assert rep.retried == 1 and ("retry", target) in events and not rep.failed
    assert calls[target] == 2 and all(n == 1 for pid, n in calls.items() if pid != target)
    assert same(store, baseline)


def test_bulk_load_of_every_record_kind(any_store, tmp_path):
    """Hand-made records of every kind go through the shards and the bulk load
    (COPY on PostgreSQL) and come out as ``Store.add`` stores them."""
    text = "Officials said 40 drones hit Sumy on 3 March, the governor said; Ruritania supplies shells."
    doc = Document.new(text, title="A test", source="mem://1", published="2026-03-04")
    d = doc.id
    recs = Records(doc_id=d)
    recs.entities.append(Entity(record_id("entity", d, "Ruritania"), d, "Ruritania", "GPE", code="RUR",
                                mentions=(Mention(70, 79, "Ruritania"),)))
    recs.places.append(Place(record_id("place", d, "Sumy"), d, "Sumy", "city", "UKR", 50.9, 34.8,
                             mentions=(Mention(29, 33, "Sumy"),)))
    recs.dates.append(DateRef(record_id("date", d, 37), d, 37, 44, "3 March", "2026-03-03", "day"))
    recs.quantities.append(Quantity(record_id("quantity", d, 15), d, 15, 24, "40 drones", value=40.0,
                                    unit="drones", unit_class="drones", hedge="asserted"))
    recs.claims.append(Claim(record_id("claim", d, 0), d, 15, 44, text[15:44], source="the governor",
                             cue="said", direct=False))
    recs.relations.append(Relation(record_id("relation", d, "SUPPLIES"), "SUPPLIES", "RUR", "UKR", "shells",
                                   evidence=(Evidence(d, 70, 94, text[70:94]),)))
    rows: dict = {}
    rows["sources"] = [{"doc_id": d, "source": "mem://1", "source_id": None}]
    assert worker.add_rows(rows, doc, recs) == 6
    folder = shards.write(tmp_path / "part-x", shards.encode(rows),
                          {"partition": {"id": "px", "kind": "files"}, "rejects": [], "pages": []})
    got = load.load_partition(any_store, folder, "run1")
    assert got.new_ids == [d] and got.records == 6
    assert load.load_partition(any_store, folder, "run2").skipped
    ref = Store(str(tmp_path / "ref.db"))
    ref.add([(doc, recs)])
    assert snapshot(any_store) == snapshot(ref)
    assert any_store.records("quantity", doc_id=d)[0] == recs.quantities[0]
    assert any_store.relations()[0].evidence == recs.relations[0].evidence


def test_killed_worker_loses_nothing(corpus, baseline, client, tmp_path):
    """Kill one of the two worker processes while it extracts; the run finishes
    with the same store as the single-process ingest."""
    store = Store(str(tmp_path / "t.db"))
    killed = []

    def kill_busy_worker(kind, info):
        if kind != "computed" or killed:
            return
        busy = [w for w, keys in client.processing().items() if keys]
        if not busy:
            return
        pids = client.run(os.getpid, workers=busy[:1])
        pid = next(iter(pids.values()))
        os.kill(pid, signal.SIGKILL)
        killed.append(pid)

    rep = ingest_distributed(corpus, store, client, work_dir=tmp_path / "run", max_in_flight=6,
                             on_event=kill_busy_worker, **SMALL)
    assert killed, "no worker was busy when a partition came back"
    assert not rep.failed and same(store, baseline)
    # the nanny restarts the killed worker; the cluster has two workers again
    deadline = time.time() + 60
    while len(client.scheduler_info()["workers"]) < 2 and time.time() < deadline:
        time.sleep(0.5)
    assert len(client.scheduler_info()["workers"]) == 2


def test_line_ranges_are_read_as_the_whole_file_is(tmp_path):
    """The line ranges of a JSON Lines file give the same documents (sources,
    line numbers) and rejections (line numbers) as the whole file."""
    from sitrep.ingest import iter_inputs
    if not partitions.reader_splits_jsonl():
        pytest.skip("this reader reads a JSON Lines file as one document")
    f = tmp_path / "wire.jsonl"
    rows = [json.dumps({"id": str(i), "title": _article(i)[0], "text": _article(i)[1]}) for i in range(10)]
    rows[6] = '{"id": "6", "title": '
    f.write_text("\n".join(rows) + "\n", encoding="utf-8")
    parts = partitions.plan([str(f)], lines_per_partition=4)
    assert [p.kind for p in parts] == ["lines"] * 3 and [p.lines for p in parts] == [4, 4, 2]
    whole = list(iter_inputs([str(f)]))
    cut = [d for p in parts for d in partitions.read(p, max_bytes=10**6)]
    assert cut == whole and [getattr(d, "meta", None) for d in cut] == [getattr(d, "meta", None) for d in whole]
    assert cut[5].meta["input"] == f"{f}:6" and cut[6].input == f"{f}:7" and cut[6].detail.startswith("line 7")
    big = partitions.plan([str(f)], lines_per_partition=4, max_bytes=100)
    assert [p.kind for p in big] == ["files"]          # over max_bytes: stays whole, the reader rejects it


def test_partition_size_follows_the_input_size(tmp_path):
    folder = tmp_path / "many"
    folder.mkdir()
    for i in range(45):
        (folder / f"n{i:02d}.txt").write_text(_article(i)[1], encoding="utf-8")
    parts = partitions.plan([str(folder)])
    assert [len(p.paths) for p in parts] == [10, 10, 10, 10, 5]          # at least 10 documents a partition
    assert len(partitions.plan([str(folder)], most=500, target=2)) == 2   # ~target partitions when large


def test_client_killed_mid_run_then_started_again(corpus, baseline, client, tmp_path):
    """``sitrep ingest --workers 1`` killed (SIGKILL, with its local cluster) after
    its first partition is loaded; the same command's library call started
    again stores what one process stores, nothing twice."""
    import subprocess
    import sys
    db = tmp_path / "k.db"
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[1] / "src"),
           "SITREP_SCALE_DIR": str(tmp_path / "run"), "SITREP_PARTITION_DOCS": "2"}
    proc = subprocess.Popen([sys.executable, "-m", "sitrep", "--db", str(db), "ingest", "--workers", "1", *corpus],
                            stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True, env=env,
                            start_new_session=True)
    try:
        for line in proc.stderr:
            if line.startswith("loaded "):
                break
    finally:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait(timeout=60)
    store = Store(str(db))
    before = len(load.loaded_ids(store))
    assert before >= 1
    rep = ingest_distributed(corpus, store, client, work_dir=tmp_path / "run", files_per_partition=2,
                             lines_per_partition=2)
    assert rep.skipped == before and rep.skipped + rep.reused + rep.computed == rep.partitions
    assert same(store, baseline)


def test_worker_undoes_dask_malloc_trim_setting(monkeypatch):
    """A worker started by a Nanny has MALLOC_TRIM_THRESHOLD_ set (it fixes glibc's
    mmap threshold and costs ~20% CPU per document): the plugin resets the
    thresholds where glibc is there, and does nothing where the variable is not set."""
    import ctypes.util
    monkeypatch.delenv("MALLOC_TRIM_THRESHOLD_", raising=False)
    assert worker.relax_malloc_trim() is False
    monkeypatch.setenv("MALLOC_TRIM_THRESHOLD_", "65536")
    glibc = os.uname().sysname == "Linux" and (ctypes.util.find_library("c") or "").startswith("libc.so")
    assert worker.relax_malloc_trim() is glibc


def test_local_cluster_workers_start_without_malloc_trim_variable(monkeypatch):
    from sitrep.scale.run import _client_for
    # a Nanny copies its pre-spawn variables into the client's own environment, so a
    # cluster started earlier in this process (the fixtures') leaves it set here
    monkeypatch.delenv("MALLOC_TRIM_THRESHOLD_", raising=False)
    c, owned = _client_for(None, 1)
    try:
        env = list(c.run(lambda: (os.environ.get("MALLOC_TRIM_THRESHOLD_"), os.environ.get("OMP_NUM_THREADS"))
                         ).values())
        assert env == [(None, "1")]
        # Dask's housekeeping timers slowed down in the workers (run.QUIET)
        import dask
        ticks = list(c.run(lambda: dask.config.get("distributed.admin.tick.interval")).values())
        assert ticks == ["1s"]
    finally:
        for thing in owned:
            thing.close()


def test_sqlite_load_stores_the_json_text_store_add_writes(tmp_path):
    """The SQLite bulk load inserts the shards' JSON text as it is (no decode and
    re-encode); that text is byte for byte what ``Store.add`` writes, non-ASCII
    names included."""
    from sqlalchemy import text as sql
    body = "The mayor of Zhytomyrske said «twelve» shells fell on Élan-Sur-Dnipro overnight."
    doc = Document.new(body, title="Überblick", source="mem://raw", published="2026-05-01")
    d = doc.id
    recs = Records(doc_id=d)
    recs.places.append(Place(record_id("place", d, "Élan"), d, "Élan-Sur-Dnipro", "town", "UKR", 48.1, 33.2,
                             mentions=(Mention(52, 67, body[52:67]),)))
    rows: dict = {"sources": [{"doc_id": d, "source": "mem://raw", "source_id": None}]}
    assert worker.add_rows(rows, doc, recs) == 1
    folder = shards.write(tmp_path / "part-raw", shards.encode(rows),
                          {"partition": {"id": "praw", "kind": "files"}, "rejects": [], "pages": []})
    bulk, ref = Store(str(tmp_path / "bulk.db")), Store(str(tmp_path / "ref.db"))
    load.load_partition(bulk, folder, "run1")
    ref.add([(doc, recs)])
    for q in ("SELECT id, data FROM documents", "SELECT id, data FROM places",
              "SELECT doc_id, title, text FROM documents_fts"):
        with bulk.engine.connect() as a, ref.engine.connect() as b:
            assert list(a.execute(sql(q))) == list(b.execute(sql(q))), q
    assert bulk.records("place", doc_id=d)[0] == recs.places[0]
