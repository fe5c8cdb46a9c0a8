"""Figure tracks on the real pipeline output for the shared sample page
(../shared/corpus/sample): the North Korean troop figures of all its sources
in one track, nothing else in it, every figure in exactly one track."""
from __future__ import annotations

import pytest

from sitrep.analyse.commands import update
from sitrep.analyse.tracks import list_tracks, track_view


@pytest.fixture(scope="module")
def page_store(pipeline):
    from conftest import SHARED
    from sitrep.core import ingest
    from sitrep.store import Store
    page = SHARED / "corpus" / "sample" / "warya-2024-11-page.txt"
    if not page.exists():
        pytest.skip(f"{page} not found")
    store = Store(":memory:")
    ingest([str(page)], store, extract=True, pipeline=pipeline)
    update(store)
    return store


def test_every_figure_in_one_track(page_store):
    ids = [q for t in list_tracks(page_store) for q in t["quantities"]]
    assert len(ids) == len(set(ids)) == page_store.count("quantity")


def test_tracks_of_several_figures_count_tracked_kinds(page_store):
    """The page's other figures (casualties, drones, money, shares, distances) do not make tracks of
    unrelated figures: every track of two or more figures counts one kind of thing a side disputes."""
    from sitrep.analyse.features import config
    for t in list_tracks(page_store):
        if t["figures"] > 1:
            assert t["unit"].split(":")[0] in config().tracked, t["name"]


def test_troop_track(page_store):
    qs = {q.id: q for q in page_store.records("quantity", limit=None)}
    rng = next(q for q in qs.values() if q.low == 11000 and q.high == 12000)
    track = next(t for t in list_tracks(page_store) if rng.id in t["quantities"])
    assert track["name"] == "North Korean troops" and len(track["sources"]) >= 7     # all seven sources
    v = track_view(page_store, track["id"])
    figs = [f for f in v["figures"] if f["role"] == "figure"]
    values = {f["value"] for f in figs} | {f["high"] for f in figs}
    assert {3000, 8000, 10000, 11000, 12000} <= values
    assert len({f["source"] for f in figs if f["source"]}) >= 5
    # nothing of another kind: casualties, drones, money, distances each have their own tracks
    for qid in track["quantities"]:
        assert qs[qid].unit_class in ("troops", "officers"), qs[qid].text
    others = [q for q in qs.values() if q.unit_class in ("troops",) and q.id not in track["quantities"]]
    assert not others, [q.text for q in others]
    unverified = {f["source"] for f in figs if f["hedge"] == "unverified"}
    assert unverified            # Zelenskyy's and GUR's figures are marked so
