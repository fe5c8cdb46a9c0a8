"""Figure tracks over our own sample articles and hand-made records
(tests/tracks_sample.py): grouping, explanations, contradictions, revisions,
user edits surviving a rebuild, incremental building, charts, export."""
from __future__ import annotations

import io
import json

import pytest

from sitrep.analyse.charts import plot_track
from sitrep.analyse.storylines import build_storylines
from sitrep.analyse.tracks import (build_tracks, edit_merge, edit_rename, edit_split, interval, list_tracks,
                                   track_view)
from sitrep.errors import SitrepError
from tracks_sample import build


@pytest.fixture
def store(any_store):
    any_store.add(build())
    build_storylines(any_store)          # near-duplicates fold repeated figures in the view
    build_tracks(any_store)
    return any_store


def _track_of(store, text: str) -> dict:
    qid = next(q.id for q in store.records("quantity", limit=None) if q.text == text)
    return next(t for t in list_tracks(store) if qid in t["quantities"])


def _texts(store, track: dict) -> list[str]:
    qs = {q.id: q.text for q in store.records("quantity", limit=None)}
    return sorted(qs[i] for i in track["quantities"])


def test_every_figure_in_exactly_one_track(store):
    seen = [q for t in list_tracks(store) for q in t["quantities"]]
    assert len(seen) == len(set(seen)) == store.count("quantity")


def test_troop_track_holds_the_force_and_nothing_else(store):
    t = _track_of(store, "about 4,000 Belarusian soldiers")
    assert _texts(store, t) == sorted(["about 4,000 Belarusian soldiers", "more than 6,000 Belarusian troops",
                                       "more than 6,000 Belarusian troops", "300 officers", "300 officers",
                                       "5,500 Belarusian troops", "no more than 1,000 soldiers"])
    assert t["sources"] == ["Lithuanian defence ministry", "Minsk", "Polish intelligence"]
    # tanks of the same owner, drones, the dead and the wounded each have their own track
    others = {_track_of(store, s)["id"] for s in ("120 Belarusian tanks", "35 Russian drones", "50 drones",
                                                   "3 people", "11 people")}
    assert len(others) == 5 and t["id"] not in others


def test_why_keeps_the_words(store):
    t = _track_of(store, "about 4,000 Belarusian soldiers")
    whys = " | ".join(t["why"])
    assert "owner: 'Belarusian' in its words 'about 4,000 Belarusian soldiers'" in whys
    assert "part of 'more than 6,000 Belarusian troops'" in whys          # 300 officers, after "including"
    assert "the other troops of its article are 'Belarusian'" in whys    # "no more than 1,000 soldiers"


def test_conversion_in_brackets_joins_its_figure(store):
    assert _track_of(store, "€2 billion")["id"] == _track_of(store, "$2.2 billion")["id"]


def test_view_contradiction_revision_latest_and_copies(store):
    v = track_view(store, _track_of(store, "5,500 Belarusian troops")["id"])
    pairs = {(c["a_text"], c["b_text"]) for c in v["contradictions"]}
    assert ("5,500 Belarusian troops", "no more than 1,000 soldiers") in pairs
    assert [(r["source"], r["from_text"], r["to_text"], r["direction"]) for r in v["revisions"]] == [
        ("Lithuanian defence ministry", "about 4,000 Belarusian soldiers", "5,500 Belarusian troops", "up")]
    assert v["latest"]["Lithuanian defence ministry"]["text"] == "5,500 Belarusian troops"
    assert v["spread"]["min"] == 1000 and v["spread"]["max"] == 6000 and v["spread"]["sources"] == 3
    # the same figure on two sites (near-duplicates): one figure, reported twice
    six = [f for f in v["figures"] if f["text"] == "more than 6,000 Belarusian troops"]
    assert len(six) == 1 and len(six[0]["reported_in"]) == 2
    dated = {f["text"]: (f["date"], f["date_from"]) for f in v["figures"]}
    assert dated["no more than 1,000 soldiers"] == ("2026-03-10", "document")
    assert dated["about 4,000 Belarusian soldiers"] == ("2026-03-01", "text")      # "on Monday"
    for f in v["figures"]:
        doc = store.document(f["doc_id"])
        assert doc.text[f["start"]:f["end"]] == f["text"]


def test_interval():
    assert interval(100, None, None, "about") == pytest.approx((90, 110))
    assert interval(100, None, None, "at_least")[1] == float("inf")
    assert interval(None, 11000, 12000, None) == (11000, 12000)
    assert interval(8000, None, None, "at_most") == (0, 8000)


def test_edits_survive_rebuild(store):
    troops = _track_of(store, "about 4,000 Belarusian soldiers")
    edit_rename(store, troops["id"], "Belarusian force at the border")
    minsk = next(q.id for q in store.records("quantity", limit=None) if q.text == "no more than 1,000 soldiers")
    new = edit_split(store, troops["id"], [minsk], name="Troops in Belarusian exercises")
    tanks, drones = _track_of(store, "35 Russian drones"), _track_of(store, "50 drones")
    merged = edit_merge(store, [tanks["id"], drones["id"]], name="Russian drones overnight")
    before = {t["id"]: (t["name"], t["quantities"]) for t in list_tracks(store)}
    build_tracks(store, rebuild=True)
    after = {t["id"]: (t["name"], t["quantities"]) for t in list_tracks(store)}
    assert after == before
    assert after[troops["id"]][0] == "Belarusian force at the border"
    assert after[new] == ("Troops in Belarusian exercises", [minsk])
    assert drones["id"] not in after and len(after[merged][1]) == 2


def test_bad_edits_raise(store):
    t = _track_of(store, "120 Belarusian tanks")
    with pytest.raises(SitrepError, match="no such track"):
        edit_rename(store, "tnothere", "x")
    with pytest.raises(SitrepError, match="at least one figure"):
        edit_split(store, t["id"], t["quantities"])
    with pytest.raises(SitrepError, match="not a figure"):
        edit_split(store, t["id"], ["qnope"])


def test_incremental_build_joins_existing_tracks(mem_store):
    mem_store.add(build({"bel-1", "bel-2", "air-1"}))
    first = build_tracks(mem_store)
    troops = _track_of(mem_store, "about 4,000 Belarusian soldiers")["id"]
    ids_before = {t["id"] for t in list_tracks(mem_store)}
    mem_store.add(build({"bel-3"}))
    second = build_tracks(mem_store)
    assert second["documents"] == 1 and second["figures"] == 2 and first["documents"] == 3
    assert _track_of(mem_store, "5,500 Belarusian troops")["id"] == troops
    assert ids_before <= {t["id"] for t in list_tracks(mem_store)}
    assert build_tracks(mem_store)["figures"] == 0          # nothing new: nothing read


def test_merged_track_takes_later_figures(mem_store):
    mem_store.add(build({"bel-1", "air-1"}))
    build_tracks(mem_store)
    a, b = _track_of(mem_store, "about 4,000 Belarusian soldiers"), _track_of(mem_store, "120 Belarusian tanks")
    edit_merge(mem_store, [b["id"], a["id"]])
    mem_store.add(build({"bel-3"}))
    build_tracks(mem_store)
    assert _track_of(mem_store, "5,500 Belarusian troops")["id"] == b["id"]


@pytest.mark.parametrize("suffix,magic", [(".png", b"\x89PNG"), (".svg", b"<?xml")])
def test_chart_written(store, tmp_path, suffix, magic):
    v = track_view(store, _track_of(store, "5,500 Belarusian troops")["id"])
    out = plot_track(v, tmp_path / f"t{suffix}")
    assert out.read_bytes()[:5].startswith(magic) and out.stat().st_size > 2000
    with pytest.raises(SitrepError, match="png or .svg"):
        plot_track(v, tmp_path / "t.jpg")


def test_export_lists_track_quantities(store):
    from sitrep import export
    buf = io.StringIO()
    export.write_jsonl(store, buf, ["track"])
    rows = [json.loads(line) for line in buf.getvalue().splitlines()]
    assert rows and all(r["kind"] == "track" and r["quantities"] for r in rows)
    assert sum(len(r["quantities"]) for r in rows) == store.count("quantity")


def test_cli_tracks_and_track(tmp_path):
    from click.testing import CliRunner
    from sitrep.cli import cli
    from sitrep.store import Store
    db = str(tmp_path / "c.db")
    with Store(db) as s:
        s.add(build())
    r = CliRunner().invoke(cli, ["--db", db, "tracks", "--json"])
    assert r.exit_code == 0, r.output
    ts = json.loads(r.output)
    tid = ts[0]["id"]
    r = CliRunner().invoke(cli, ["--db", db, "track", tid, "--json", "--chart", str(tmp_path / "c.png")])
    assert r.exit_code == 0 and json.loads(r.output)["id"] == tid and (tmp_path / "c.png").exists()
    r = CliRunner().invoke(cli, ["--db", db, "track-edit", "rename", tid, "--name", "Renamed"])
    assert r.exit_code == 0
    r = CliRunner().invoke(cli, ["--db", db, "tracks", "--rebuild", "--json"])
    assert json.loads(r.output)[0]["name"] == "Renamed"
    r = CliRunner().invoke(cli, ["--db", db, "track", "tmissing"])
    assert r.exit_code == 1 and "no such track" in r.output


def test_migration_from_version_1(tmp_path):
    """A store made before migration 2 gets the new tables and columns."""
    from sqlalchemy import text
    from sitrep.store import Store
    db = str(tmp_path / "old.db")
    s = Store(db)
    with s.engine.begin() as c:
        c.execute(text("DROP TABLE track_edits"))
        c.execute(text("DROP TABLE doc_signatures"))
        c.execute(text("ALTER TABLE track_members DROP COLUMN role"))
        c.execute(text("ALTER TABLE track_members DROP COLUMN data"))
        c.execute(text("DELETE FROM schema_migrations WHERE version >= 2"))
    s.close()
    s = Store(db)
    assert s.schema_version() >= 2
    s.add(build({"bel-1"}))
    assert build_tracks(s)["figures"] == 2
    s.close()


def test_reextracted_document_leaves_no_stale_figures(mem_store):
    (doc, recs), = build({"bel-1"})
    mem_store.add([(doc, recs)])
    build_tracks(mem_store)
    recs.quantities = recs.quantities[:1]
    mem_store.replace_records(doc.id, recs)
    build_tracks(mem_store)
    assert sorted(q for t in list_tracks(mem_store) for q in t["quantities"]) == [recs.quantities[0].id]


def test_track_settings_are_documented():
    from importlib import resources

    import yaml
    data = yaml.safe_load(resources.files("sitrep.data").joinpath("tracks.yaml").read_text(encoding="utf-8"))
    for section in ("units", "situations"):
        for name, spec in data[section].items():
            assert str(spec.get("help", "")).strip(), f"tracks.yaml {section}.{name} has no help line"
    for section in ("agent_verbs", "agent_after", "place_prepositions"):
        assert str(data[section].get("help", "")).strip(), section
        assert all(isinstance(w, str) for w in data[section]["words"]), section


def _figs(text: str, specs, entities=()):
    from sitrep.analyse.features import DocContext, inherit_owners, link_parts, read_figure
    from sitrep.model import Document, Quantity
    doc = Document.new(text, published="2026-01-05")
    qs = []
    for surface, value, unit in specs:
        i = text.index(surface)
        qs.append(Quantity(f"q{i}", doc.id, i, i + len(surface), surface, value=value, unit=unit))
    ctx = DocContext(doc, entities, spans=[(q.start, q.end) for q in qs])
    figs = [read_figure(q, ctx) for q in qs]
    link_parts(figs, text)
    inherit_owners(figs, text)
    return {f.q.text: f for f in figs}


def test_conversion_of_a_distance_and_number_words_are_no_owners():
    text = ("A ceasefire holds in a 30-kilometre (18.6-mile) zone around the dam.\n"
            "Two people died. Hundreds fled the town.")
    f = _figs(text, [("30-kilometre", 30, "kilometre"), ("18.6-mile", 18.6, "mile"), ("Two people", 2, "people"),
                     ("Hundreds", 100, "people")])
    assert f["18.6-mile"].role == "conversion" and f["18.6-mile"].parent == f["30-kilometre"].q.id
    assert f["Two people"].owner is None and f["Hundreds"].owner is None


def test_money_is_owned_by_who_pays_not_what_is_bought():
    from sitrep.model import Entity, Mention
    text = "Moldova agreed to buy $2bn of Romanian bonds, the ministry said."
    ents = [Entity("e1", "d", "Moldova", "GPE", "MDA", mentions=(Mention(0, 7, "Moldova"),)),
            Entity("e2", "d", "Romania", "NORP", "ROU", mentions=(Mention(30, 38, "Romanian"),))]
    f = _figs(text, [("$2bn", 2e9, "USD")], ents)["$2bn"]
    assert f.owner == "MDA" and "agreed to buy" in f.owner_why


# ------------------------------------------------------------------ what is worth a track, and its name
# Our own invented articles (no shared data): fixed facts said twice, a disputed crowd, casualties in a
# town written "victim" and "victims", self-propelled guns.
RULE_DOCS = {
    "tally": ("2026-04-01", "Election officials said results had arrived from 212 districts. The observers' mission "
                            "said results had arrived from 212 districts by noon. Forty nations backed the motion, "
                            "while 31 nations abstained. Four self-propelled guns were seen near a depot. Two "
                            "explosions were heard overnight."),
    "crowd": ("2026-04-02", "The organisers said 40,000 people marched through the capital. Police put the crowd "
                            "at 9,000 people."),
    "dorvale-1": ("2026-04-03", "Officials in Dorvale said 14 victims were found after the strike."),
    "dorvale-2": ("2026-04-04", "A hospital in Dorvale later reported 17 victims of the strike."),
    "dorvale-3": ("2026-04-04", "The mayor of Dorvale said one victim was a child."),
}
# doc, surface, value, unit, unit_class, subject, source
RULE_FIGURES = [
    ("tally", "212 districts", 212, "districts", "district", "districts", "Election officials"),
    ("tally", "212 districts", 212, "districts", "district", "districts", "observers' mission"),
    ("tally", "Forty nations", 40, "nations", "nation", "nations", None),
    ("tally", "31 nations", 31, "nations", "nation", "nations", None),
    ("tally", "Four self", 4, "self", "self", "self", None),
    ("tally", "Two explosions", 2, "explosions", "explosion", "explosions", None),
    ("crowd", "40,000 people", 40000, "people", "people", "people", "organisers"),
    ("crowd", "9,000 people", 9000, "people", "people", "people", "Police"),
    ("dorvale-1", "14 victims", 14, "victims", "victim", "victims", "Officials"),
    ("dorvale-2", "17 victims", 17, "victims", "victim", "victims", "hospital"),
    ("dorvale-3", "one victim", 1, "victim", "victim", "victim", "mayor"),
]


def _rule_store(store):
    from sitrep.model import Document, Mention, Place, Quantity, Records, record_id
    for name, (published, text) in RULE_DOCS.items():
        doc = Document.new(text, title=name, published=published, source_id=name, source=f"invented:{name}")
        recs = Records(doc_id=doc.id)
        i = text.find("Dorvale")
        if i >= 0:
            recs.places.append(Place(record_id("place", doc.id, "Dorvale"), doc.id, "Dorvale", "city", "XXX",
                                     mentions=(Mention(i, i + 7, "Dorvale"),)))
        pos = 0
        for did, surface, v, unit, uc, subj, source in RULE_FIGURES:
            if did != name:
                continue
            i = text.index(surface, pos)
            pos = i + 1
            j = text.index(subj, i)
            recs.quantities.append(Quantity(record_id("quantity", doc.id, i), doc.id, i, i + len(surface), surface,
                                            value=v, unit=unit, unit_class=uc, subject=subj, source=source,
                                            subject_start=j, subject_end=j + len(subj)))
        store.add([(doc, recs)])
    build_tracks(store)
    return store


def test_fixed_facts_and_artefacts_stay_alone(mem_store):
    store = _rule_store(mem_store)
    ts = list_tracks(store)
    assert len([q for t in ts for q in t["quantities"]]) == store.count("quantity") == len(RULE_FIGURES)
    # the same fact from two sources, two different facts, explosions: no track of two figures
    for text in ("212 districts", "Forty nations", "31 nations", "Two explosions"):
        t = _track_of(store, text)
        assert t["figures"] == 1, (text, _texts(store, t))
        assert "not a count tracks follow" in t["why"][0]
    # "Four self" is four self-propelled guns: artillery, named for a reader
    guns = _track_of(store, "Four self")
    assert guns["unit"] == "artillery" and guns["name"] == "Self-propelled guns"
    assert "the noun after 'self-propelled'" in guns["why"][0]


def test_disputed_fact_is_kept_together(mem_store):
    store = _rule_store(mem_store)
    t = _track_of(store, "40,000 people")
    assert _texts(store, t) == ["40,000 people", "9,000 people"] and t["sources"] == ["Police", "organisers"]
    assert "disagree" in t["why"][0]


def test_singular_and_plural_count_the_same_casualties(mem_store):
    store = _rule_store(mem_store)
    t = _track_of(store, "14 victims")
    assert _texts(store, t) == ["14 victims", "17 victims", "one victim"]
    assert t["unit"] == "casualties" and t["name"] == "Casualties in Dorvale"
    assert len(t["sources"]) == 3


def test_cue_of_another_figure_and_cue_shared_by_and():
    text = ("Two people were killed and 9 injured after some 400 protesters gathered.\n"
            "The raid killed one policeman and about 15 people.")
    f = _figs(text, [("Two people", 2, "people"), ("9 injured", 9, "injured"), ("some 400 protesters", 400,
                                                                                "protesters"),
                     ("one policeman", 1, "policeman"), ("about 15 people", 15, "people")])
    assert f["Two people"].group == "killed" and f["9 injured"].group == "wounded"
    assert f["some 400 protesters"].situation is None and f["some 400 protesters"].group == "people"
    assert f["about 15 people"].situation == "killed" and f["about 15 people"].group == "killed"


def test_unit_word_ending_a_name_is_not_what_is_counted():
    from sitrep.model import Entity, Mention
    text = "Monitors visited two Northland Armed Forces depots and counted 40 Northland troops."
    i = text.index("Northland Armed Forces")
    ents = [Entity("e1", "d", "Northland Armed Forces", "ORG", "NLD MIL", mentions=(Mention(i, i + 22,
                                                                                             "Northland Armed Forces"),))]
    f = _figs(text, [("two Northland Armed Forces", 2, "Forces"), ("40 Northland troops", 40, "troops")], ents)
    assert "part of the name 'Northland Armed Forces'" in f["two Northland Armed Forces"].unreadable
    assert f["40 Northland troops"].unreadable is None


def test_track_names_for_a_reader():
    from sitrep.analyse.track_rules import track_name
    text = ("Seventeen Kestonian soldiers were killed near the river, and one Kestonian officer died. "
            "Some 3,000 Kestonians fled.\nCasualties among Varnians rose to 300, Varnians are sustaining 300 "
            "casualties.")
    from sitrep.model import Entity, Mention
    ents = [Entity("e1", "d", "Kestonia", "NORP", "KST", mentions=tuple(
        Mention(m, m + 9, "Kestonian") for m in (text.index("Kestonian soldiers"), text.index("Kestonian officer")))),
        Entity("e2", "d", "Kestonia", "NORP", "KST", mentions=(Mention(text.index("Kestonians"),
                                                                       text.index("Kestonians") + 10,
                                                                       "Kestonians"),)),
        Entity("e3", "d", "Varnia", "NORP", "VRN", mentions=(Mention(text.index("Varnians are"),
                                                                     text.index("Varnians are") + 8,
                                                                     "Varnians"),))]
    f = _figs(text, [("Seventeen Kestonian soldiers", 17, "soldiers"), ("one Kestonian officer", 1, "officer"),
                     ("Some 3,000 Kestonians", 3000, "Kestonians"), ("300 casualties", 300, "casualties")], ents)
    killed = [f["Seventeen Kestonian soldiers"], f["one Kestonian officer"]]
    assert {x.group for x in killed} == {"killed"}
    assert track_name(("killed", "KST", "killed", "", ""), killed) == "Kestonian troops killed"
    fled = f["Some 3,000 Kestonians"]
    assert fled.group == "displaced" and track_name(("displaced", "KST", "fled", "", ""), [fled]) == \
        "Kestonians who fled"
    cas = f["300 casualties"]
    assert track_name(("casualties", "", "", "", "doc:x:casualty"), [cas]) == "Casualties among Varnians"


def test_list_shows_every_source_of_a_joint_figure(mem_store):
    """A figure said by two sources jointly ("the Lithuanian defence ministry and
    its Latvian counterpart said"): the track lists both, the figure's view too."""
    from dataclasses import replace

    from sitrep.model import SourceRef
    data = build()
    doc, recs = next((d, r) for d, r in data if any(q.text == "about 4,000 Belarusian soldiers"
                                                    for q in r.quantities))
    q = next(q for q in recs.quantities if q.text == "about 4,000 Belarusian soldiers")
    co = SourceRef(name="Latvian defence ministry", start=q.start, end=q.end, text=q.text, kind="named")
    recs.quantities = [replace(x, co_sources=(co,)) if x.id == q.id else x for x in recs.quantities]
    mem_store.add(data)
    build_tracks(mem_store)
    t = _track_of(mem_store, "about 4,000 Belarusian soldiers")
    assert t["sources"] == ["Latvian defence ministry", "Lithuanian defence ministry", "Minsk",
                            "Polish intelligence"]
    f = next(f for f in track_view(mem_store, t["id"])["figures"] if f["quantity_id"] == q.id)
    assert f["co_sources"] == ["Latvian defence ministry"]
