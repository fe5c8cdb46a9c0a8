"""Actors: dictionary matching in front of the NER, bodies, titles, surnames, lookups (our own sentences)."""
from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from sitrep.errors import SitrepError
from sitrep.extract import actordict
from sitrep.extract.actors import actor_at, code_for_span
from sitrep.extract.context import Context
from sitrep.model import Document, Records


def run(pipeline, text, published="2024-11-12"):
    doc = Document.new(text, published=published)
    recs = pipeline.run(doc)
    return doc, recs


def by_name(recs):
    return {e.name: e for e in recs.entities}


def test_every_dictionary_entry_has_help():
    for path in actordict.BUNDLED:
        for i, e in enumerate(yaml.safe_load(path.read_text(encoding="utf-8"))):
            assert isinstance(e.get("help"), str) and e["help"].strip(), f"{path.name} entry {i + 1} ({e.get('name')})"


def test_dictionary_loads_and_validates():
    d = actordict.load()
    assert d.actors["Russia"].code == "RUS" and "the Kremlin" in d.actors["Russia"].aliases
    assert d.actors["North Korea"].demonyms[0] == "North Korean"
    assert d.actors["Mark Rutte"].role_on("2024-11-01").role == "NATO Secretary General"
    assert d.actors["Donald Trump"].role_on("2024-12-01").role.startswith("President-elect")
    assert d.actors["Donald Trump"].role_on("2025-03-01").role == "President of the United States"
    assert d.actors["Donald Trump"].role_on("2023-03-01") is None


def test_user_file_overrides_and_bad_entries_name_file_and_entry(tmp_path: Path):
    good = tmp_path / "mine.yaml"
    good.write_text("- {name: Russia, type: GPE, code: RUS, aliases: [Rossiya], help: my own entry}\n"
                    "- {name: Acme Drones, type: ORG, code: UKR BUS, help: a drone maker}\n")
    d = actordict.load([good])
    assert d.actors["Russia"].aliases == ("Rossiya",) and "Acme Drones" in d.actors
    bad = tmp_path / "bad.yaml"
    bad.write_text("- {name: Nobody, type: PERSON}\n")
    with pytest.raises(SitrepError, match=r"bad\.yaml entry 1 \(Nobody\).*help"):
        actordict.load([bad])
    bad.write_text("- {name: Somebody, type: ALIEN, help: x}\n")
    with pytest.raises(SitrepError, match="type must be one of"):
        actordict.load([bad])
    with pytest.raises(SitrepError, match="not found"):
        actordict.load([tmp_path / "missing.yaml"])


def test_known_actors_aliases_and_model_errors_fixed(pipeline):
    doc, recs = run(pipeline, "Trump spoke with Lavrov by phone, and the Kremlin welcomed the call. "
                              "Zelensky said Kyiv would not accept it.")
    e = by_name(recs)
    assert e["Donald Trump"].type == "PERSON" and e["Donald Trump"].role.startswith("President-elect")
    assert e["Sergey Lavrov"].type == "PERSON" and e["Sergey Lavrov"].code == "RUS"
    assert {m.text for m in e["Russia"].mentions} == {"the Kremlin"}
    assert {m.text for m in e["Ukraine"].mentions} == {"Kyiv"}
    assert e["Volodymyr Zelenskyy"].mentions[0].text == "Zelensky"


def test_bodies_titles_and_surnames(pipeline):
    text = ("Poland's parliament approved the plan. Dutch Defense Minister Marjolein Vos told reporters that "
            "the Ukrainian military had held the line. Vos added that more aid would come.")
    doc, recs = run(pipeline, text)
    e = by_name(recs)
    assert e["Polish parliament"].type == "ORG" and e["Polish parliament"].code == "POL GOV"
    assert e["Ukrainian military"].code == "UKR MIL"
    vos = e["Marjolein Vos"]
    assert vos.type == "PERSON" and vos.code == "NLD" and vos.role == "Defense Minister" and not vos.known
    assert [m.text for m in vos.mentions] == ["Marjolein Vos", "Vos"]


def test_demonyms_give_codes_and_subheads_are_not_actors(pipeline):
    text = ("Hidden Costs of Winter\nNorth Korean troops moved closer to the border, officials said.")
    doc, recs = run(pipeline, text)
    e = by_name(recs)
    assert "Hidden Costs of Winter" not in e and "Hidden Costs" not in e
    assert e["North Korea"].mentions[0].text == "North Korean"
    ctx = Context(doc=doc, sdoc=None, resources=pipeline.resources, records=recs)
    s = text.index("North Korean troops")
    assert code_for_span(ctx, s, s + len("North Korean troops")) == "PRK"
    assert actor_at(ctx, s, s + 5).name == "North Korea"
    assert actor_at(ctx, text.index("border"), text.index("border") + 6) is None


def test_capital_in_a_place_role_is_not_an_actor(pipeline):
    doc, recs = run(pipeline, "Moscow denied the report. Hours later, drones struck a depot in Moscow.")
    russia = by_name(recs)["Russia"]
    assert [m.start for m in russia.mentions] == [0]
    assert any(p.name == "Moscow" and p.country == "RUS" for p in recs.places)


def test_offsets_match_surface(pipeline):
    text = ("U.S. Secretary of State Antony Blinken met NATO Secretary General Mark Rutte in Brussels on Friday, "
            "while the Pentagon said Russian forces had advanced near Pokrovsk in the Donetsk region.")
    doc, recs = run(pipeline, text)
    assert recs.entities
    for e in recs.entities:
        for m in e.mentions:
            assert doc.text[m.start:m.end] == m.text


def test_rank_titles_and_appositions_give_role_and_country(pipeline):
    text = ("Pentagon spokesman Brig. Gen. Tom Hale said the drills were routine. "
            "Jane Roe, a senior fellow at the Atlantic Council, disagreed.")
    doc, recs = run(pipeline, text)
    e = by_name(recs)
    assert e["Tom Hale"].code == "USA" and e["Tom Hale"].role == "spokesman Brig. Gen."
    assert e["Jane Roe"].code == "USA" and e["Jane Roe"].role == "senior fellow"
    assert not any(n in e for n in ("Brig", "Gen."))


def test_user_actor_file_is_used_by_the_pipeline(tmp_path: Path):
    from sitrep.extract.pipeline import Pipeline
    f = tmp_path / "extra.yaml"
    f.write_text("- {name: Zorya Brigade, type: ORG, code: UKR MIL, aliases: [Zorya], help: an invented unit}\n")
    pipe = Pipeline(stages=["entities"], actor_files=[str(f)])
    recs = pipe.run(Document.new("Zorya said its drones hit a depot near the river."))
    z = by_name(recs)["Zorya Brigade"]
    assert z.code == "UKR MIL" and z.sector == "MIL" and z.mentions[0].text == "Zorya"


def test_every_pattern_group_has_help():
    from sitrep.extract.actors import PATTERNS_FILE
    groups = yaml.safe_load(PATTERNS_FILE.read_text(encoding="utf-8"))
    assert {g["group"] for g in groups} >= {"title_words", "bodies", "actor_nouns", "locative"}
    for g in groups:
        assert isinstance(g.get("help"), str) and g["help"].strip(), g.get("group")
        assert g.get("words") or g.get("items"), g.get("group")


def test_names_the_model_splits_or_mislabels(pipeline):
    doc, recs = run(pipeline, "Greta Lindqvist and Tomas Berg signed the open letter on drone exports.")
    people = {e.name for e in recs.entities if e.type == "PERSON"}
    assert {"Greta Lindqvist", "Tomas Berg"} <= people


# ---- role descriptions ("the Ukrainian leader") as later mentions (our own sentences) ----

def _mentions(recs, name):
    return [m.text for m in by_name(recs)[name].mentions]


def test_every_role_noun_has_help_and_words():
    from sitrep.extract import descriptions
    entries = yaml.safe_load(descriptions.ROLE_FILE.read_text(encoding="utf-8"))
    assert {e["noun"] for e in entries} >= {"president", "leader", "defence minister", "spokesperson", "alliance"}
    for e in entries:
        assert isinstance(e.get("help"), str) and e["help"].strip(), e.get("noun")
        assert e.get("words") and (e.get("fits") or e.get("actors")), e.get("noun")


def test_descriptions_join_the_dictionary_person_named_before(pipeline):
    text = ("Vladimir Putin received Kim Jong Un at a dacha outside the capital. The Russian president toasted "
            "the North Korean leader. Later the Kremlin leader said the pact would last. "
            "NATO Secretary General Mark Rutte called the meeting a threat, and the NATO chief said the alliance "
            "would answer.")
    doc, recs = run(pipeline, text)
    assert _mentions(recs, "Vladimir Putin") == ["Vladimir Putin", "The Russian president", "the Kremlin leader"]
    assert _mentions(recs, "Kim Jong Un") == ["Kim Jong Un", "the North Korean leader"]
    assert "the NATO chief" in _mentions(recs, "Mark Rutte")
    assert "the alliance" in _mentions(recs, "NATO")
    for e in recs.entities:
        for m in e.mentions:
            assert doc.text[m.start:m.end] == m.text
    sources = {c.text: (c.source, c.source_code) for c in recs.claims}
    assert sources.get("the pact would last") == ("Vladimir Putin", "RUS")
    assert sources.get("the alliance would answer") == ("Mark Rutte", "NATO")


def test_descriptions_follow_the_role_on_the_documents_date(pipeline):
    text = "Joe Biden and Donald Trump met at the White House. The US president said the handover would be smooth."
    _, recs = run(pipeline, text, published="2024-11-13")
    assert "The US president" in _mentions(recs, "Joe Biden")
    assert "The US president" not in _mentions(recs, "Donald Trump")
    _, recs = run(pipeline, text, published="2025-03-01")
    assert "The US president" in _mentions(recs, "Donald Trump")
    assert [c.source for c in recs.claims] == ["Donald Trump"]


def test_description_of_a_person_the_text_introduced_with_a_title(tmp_path):
    from sitrep.extract.event_actors import TokenActors
    from sitrep.extract.pipeline import Pipeline
    pipe = Pipeline(actor_files=[str(Path(__file__).parent / "data" / "fictional-actors.yaml")])
    text = ("Valdorian Foreign Minister Lena Okaro flew to Lirn on Monday. "
            "The Valdorian foreign minister said the talks had failed.")
    doc = Document.new(text, published="2024-11-12")
    sdoc = pipe.nlp(text)
    recs = pipe.extract(doc, sdoc)
    okaro = by_name(recs)["Lena Okaro"]
    assert okaro.code == "VAL" and [m.text for m in okaro.mentions][-1] == "The Valdorian foreign minister"
    assert [(c.source, c.source_code) for c in recs.claims] == [("Lena Okaro", "VAL")]
    ctx = Context(doc=doc, sdoc=sdoc, resources=pipe.resources, records=recs)
    ta = TokenActors(ctx, {})
    i = next(t.i for t in sdoc if t.text == "minister" and t.idx > text.index("The Valdorian"))
    assert ta.code[i] == "VAL"


def test_descriptions_stay_unresolved_when_unsure(pipeline):
    # two defence ministers fit equally; a bare "the president"; a description before the name;
    # a title before a name is no description
    text = ("Dutch Defense Minister Anna Berg and Belgian Defense Minister Jan Peeters met on Friday. "
            "The defense minister said aid would continue. The Ukrainian leader was not there. "
            "Volodymyr Zelenskyy sent a letter. The Russian President Vladimir Putin scoffed, "
            "and later the president said nothing.")
    _, recs = run(pipeline, text)
    e = by_name(recs)
    assert [m.text for m in e["Anna Berg"].mentions] == ["Anna Berg"]
    assert [m.text for m in e["Jan Peeters"].mentions] == ["Jan Peeters"]
    assert [m.text for m in e["Volodymyr Zelenskyy"].mentions] == ["Volodymyr Zelenskyy"]
    assert [m.text for m in e["Vladimir Putin"].mentions] == ["Vladimir Putin"]


def test_organisation_descriptions_need_exactly_one_named_body(pipeline):
    _, recs = run(pipeline, "The alliance met on Monday. Later NATO ministers and EU envoys spoke, "
                            "and the alliance between Moscow and Pyongyang was discussed. The bloc said little.")
    assert [m.text for m in by_name(recs)["NATO"].mentions] == ["NATO"]


def test_descriptions_with_a_body_or_a_possessive_state(pipeline):
    text = ("Pentagon press secretary Pat Ryder and Sergey Lavrov traded barbs. The White House spokesman "
            "declined to comment, the Pentagon spokesman said more was coming and Russia's foreign minister "
            "walked out.")
    _, recs = run(pipeline, text)
    assert _mentions(recs, "Pat Ryder") == ["Pat Ryder", "the Pentagon spokesman"]
    assert _mentions(recs, "Sergey Lavrov") == ["Sergey Lavrov", "Russia's foreign minister"]
