"""A source written as a possessive ("the Kremlin's spokesman said", "Kesh's emergency service
said") is the role or body the possessor has, coded as the possessor's state; the possessor alone
is the source only when the noun cannot speak or is a document. Sentences written for these tests,
with the invented states of tests/data/fictional-actors.yaml."""
from __future__ import annotations

from pathlib import Path

import pytest

from claim_helpers import by_cue as one, claims_runner, source_text as _src


@pytest.fixture(scope="module")
def run():
    from sitrep.extract.pipeline import Pipeline
    return claims_runner(Pipeline(stages=["entities", "claims"], actor_files=[
        str(Path(__file__).parent / "data" / "fictional-actors.yaml")]))


def test_possessed_role_is_the_source_coded_as_the_state(run):
    doc, claims = run("Kesh's president said on Friday that the treaty with Ostrana was dead.")
    c = one(claims, "said")
    assert c.source == "Kesh's president"
    assert c.source_code == "KSH"
    assert _src(doc, c) == "Kesh's president"


def test_possessed_spokesman_of_a_capital(run):
    doc, claims = run("Castelmar's spokesman said the talks with Kesh would resume next week.")
    c = one(claims, "said")
    assert c.source == "Castelmar's spokesman"
    assert c.source_code == "VAL"
    assert c.source_kind == "named"


def test_possessed_body_outside_the_body_list(run):
    doc, claims = run("Ostrana's emergency service said nine people were hurt in the blast near Lirn.")
    c = one(claims, "said")
    assert c.source == "Ostrana's emergency service"
    assert c.source_code == "OST"


def test_possessed_group_in_the_plural_is_anonymous(run):
    doc, claims = run("Valdoria's diplomats said the border crossing would stay closed.")
    c = one(claims, "said")
    assert c.source == "Valdoria's diplomats"
    assert c.source_code == "VAL"
    assert c.source_kind == "anonymous"


def test_possessed_body_in_the_list_keeps_its_sector(run):
    doc, claims = run("Valdoria's defence ministry said 40 drones were shot down overnight.")
    c = one(claims, "said")
    assert c.source_code == "VAL MIL"
    assert "Valdoria" not in (c.source,)


def test_person_named_after_a_possessive_title_is_the_source(run):
    doc, claims = run("Kesh's foreign minister Mira Tolan said the border was closed.")
    c = one(claims, "said")
    assert c.source == "Mira Tolan"


def test_possessed_thing_that_cannot_speak_is_no_source(run):
    doc, claims = run("Valdoria's war has drained the treasury, analysts said on Monday.")
    c = one(claims, "said")
    assert c.source == "analysts"
    assert all(x.source not in ("Valdoria's war", "Valdoria") for x in claims)


def test_possessed_document_keeps_the_owner(run):
    doc, claims = run("Kesh's statement said the shelling near Lirn had stopped.")
    c = one(claims, "said")
    assert c.source == "Kesh"
    assert c.source_kind == "document"


def test_body_named_with_a_document_word_is_no_document(run):
    doc, claims = run("Valdoria's military intelligence said the convoy near Lirn was carrying shells.")
    c = one(claims, "said")
    assert c.source_code == "VAL MIL"
    assert c.source_kind == "named"


def test_person_in_apposition_to_a_possessive_title_is_the_source(run):
    doc, claims = run("Kesh's foreign minister, Mira Tolan, said the border was closed.")
    c = one(claims, "said")
    assert c.source == "Mira Tolan"
    assert c.source_code == "KSH"
