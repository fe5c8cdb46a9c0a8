"""Within-document coreference (issue #3): the word lists are documented data, and later mentions join
the first one only where one candidate fits. Our own sentences about invented states
(tests/data/fictional-actors.yaml) and real office holders of the bundled dictionary."""
from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from sitrep.extract import event_actors


def test_every_coref_word_group_has_a_help_line_and_words():
    groups = yaml.safe_load(event_actors.COREF_FILE.read_text(encoding="utf-8"))
    assert groups and len({g["group"] for g in groups}) == len(groups)
    for g in groups:
        assert isinstance(g.get("help"), str) and len(g["help"].split()) >= 5, g.get("group")
        assert g.get("words") or g.get("items") or g.get("value") is not None, g["group"]


def test_the_code_reads_its_pronoun_lists_from_the_data_file():
    from sitrep.extract import event_parse, event_roles
    assert "its" in event_actors.POSSESSIVE_OWNERS and "they" in event_actors.SPEAKER_PRONOUNS
    assert event_roles.PRONOUN_NUMBER["their"] == "plur" and "be" in event_roles.EXPLETIVE_HEADS
    assert event_parse.POSSESSIVE_OWNERS is event_actors.POSSESSIVE_OWNERS
    assert event_actors.NUMBERS["both"] == 2 and event_actors.FAR_SENTENCES == 8


# ---- "the alliance's chief": an organisation description owning a role noun ----

def _run(pipeline, text, published="2024-11-12"):
    from sitrep.model import Document
    doc = Document.new(text, published=published)
    recs = pipeline.run(doc)
    for e in recs.entities:
        for m in e.mentions:
            assert doc.text[m.start:m.end] == m.text
    return {e.name: e for e in recs.entities}, recs


def _texts(ents, name):
    return [m.text for m in ents[name].mentions] if name in ents else []


def test_the_alliances_chief_joins_the_one_chief_of_the_alliance_named_before(pipeline):
    ents, recs = _run(pipeline, "NATO Secretary General Lena Okaro flew to Lirn on Monday. "
                                "The alliance's chief said the talks had gone well.")
    assert ents["Lena Okaro"].code == "NATO"     # the title's body gives the code of a person the dictionary lacks
    assert _texts(ents, "Lena Okaro") == ["Lena Okaro", "The alliance's chief"]
    assert "The alliance" in _texts(ents, "NATO")
    assert [(c.source, c.source_code) for c in recs.claims] == [("Lena Okaro", "NATO")]


def test_the_alliances_chief_stays_unresolved_when_unsure(pipeline):
    # two chiefs of the alliance named before: no join
    ents, _ = _run(pipeline, "NATO Secretary General Lena Okaro met NATO Secretary General Tomas Berg in Lirn. "
                             "The alliance's chief said the talks had gone well.")
    assert _texts(ents, "Lena Okaro") == ["Lena Okaro"] and _texts(ents, "Tomas Berg") == ["Tomas Berg"]
    # two blocs named before: "the bloc" is neither, nor is its chief anyone
    ents, _ = _run(pipeline, "EU foreign policy chief Lena Okaro and BRICS envoys met in Lirn. "
                             "The bloc's chief said the talks had gone well.")
    assert _texts(ents, "Lena Okaro") == ["Lena Okaro"]
    # the chief named only after the description
    ents, _ = _run(pipeline, "NATO said the talks had gone well. The alliance's chief was not there. "
                             "NATO Secretary General Lena Okaro flew in later.")
    assert _texts(ents, "Lena Okaro") == ["Lena Okaro"]


# ---- "its" on the object of a hostile act in a reported clause (event_roles.reported_owner) ----

ACTORS = Path(__file__).parent / "data" / "fictional-actors.yaml"


@pytest.fixture(scope="module")
def invented():
    from sitrep.extract.pipeline import Pipeline
    return Pipeline(actor_files=[str(ACTORS)])


def _owner(pipe, text, verb, obj, doers, ty="ASSAULT"):
    from sitrep.extract.context import Context
    from sitrep.extract.event_actors import TokenActors
    from sitrep.extract.event_roles import reported_owner
    from sitrep.model import Document
    doc = Document.new(text, published="2024-11-12")
    sdoc = pipe.nlp(text)
    recs = pipe.extract(doc, sdoc)
    ta = TokenActors(Context(doc=doc, sdoc=sdoc, resources=pipe.resources, records=recs), {})
    v = next(t for t in sdoc if t.text == verb)
    o = next(t for t in sdoc if t.text == obj)
    return reported_owner(v, o, doers, ty, ta)


@pytest.mark.parametrize("text,verb,obj,doers,ty,expected", [
    # the speaker's: a state is not told attacking its own posts
    ("Valdoria said Kesh had shelled its villages overnight.", "shelled", "villages", ["KSH"], "ASSAULT", ["VAL"]),
    ("Arno Vesk said Kesh had bombed its power plants.", "bombed", "plants", ["KSH"], "ASSAULT", ["VAL"]),
    # the doer's own, said so
    ("Valdoria said Kesh had shelled its own villages.", "shelled", "villages", ["KSH"], "ASSAULT", []),
    # not a hostile act: "moved its troops" is the doer's
    ("Valdoria said Kesh had moved its troops to the border.", "moved", "troops", ["KSH"], "MOBILIZE", []),
    # two speakers, or another state named before the pronoun: either may be meant
    ("Valdoria and Ostrana said Kesh had shelled their villages.", "shelled", "villages", ["KSH"], "ASSAULT", []),
    ("Valdoria said Kesh had struck Ostranian troops and shelled its villages.", "shelled", "villages", ["KSH"],
     "ASSAULT", []),
    # not a reported clause
    ("Kesh shelled its villages after Valdoria left.", "shelled", "villages", ["KSH"], "ASSAULT", []),
])
def test_its_in_a_reported_clause_is_the_speakers_only_where_one_can_be_meant(invented, text, verb, obj, doers,
                                                                              ty, expected):
    assert _owner(invented, text, verb, obj, doers, ty) == expected


# ---- "the Kremlin chief": the office that heads a body (coref-words.yaml body_heads) ----

def test_a_bodys_chief_is_the_holder_of_the_office_that_heads_it(pipeline):
    ents, _ = _run(pipeline, "Vladimir Putin spoke on Friday. The Kremlin chief said talks were possible.")
    assert _texts(ents, "Vladimir Putin") == ["Vladimir Putin", "The Kremlin chief"]
    ents, _ = _run(pipeline, "Rustem Umerov met Lloyd Austin in Ramstein. The Pentagon chief said more shells "
                             "were coming.")
    assert _texts(ents, "Lloyd Austin") == ["Lloyd Austin", "The Pentagon chief"]
    assert _texts(ents, "Rustem Umerov") == ["Rustem Umerov"]


def test_a_bodys_chief_stays_unresolved_when_it_is_another_office_or_named_after(pipeline):
    ents, _ = _run(pipeline, "Joe Biden flew to Ramstein. The White House chief of staff said the trip was short.")
    assert _texts(ents, "Joe Biden") == ["Joe Biden"]
    ents, _ = _run(pipeline, "Lloyd Austin flew to Ramstein. The Pentagon chief spokesman said the trip was short.")
    assert _texts(ents, "Lloyd Austin") == ["Lloyd Austin"]
    ents, _ = _run(pipeline, "The Kremlin chief said talks were possible. Vladimir Putin spoke on Friday.")
    assert _texts(ents, "Vladimir Putin") == ["Vladimir Putin"]
