"""Dyadic event types kept with an unknown target (``dyadic.target_optional`` in
data/event_verbs.yaml): the target stays None, never guessed; the other dyadic types
still drop an event that names no target. Invented sentences about invented states."""
import pytest

from sitrep.extract.event_vocab import load_vocab
from sitrep.model import Document


@pytest.fixture(scope="module")
def pipe(fictional_pipeline):
    return fictional_pipeline


def _events(pipe, text, optional):
    base = pipe.resources["event_vocab"]
    pipe.resources["event_vocab"] = {**base, "target_optional": set(optional)}
    try:
        doc = Document.new(text)
        evs = pipe.run(doc).events
    finally:
        pipe.resources["event_vocab"] = base
    for e in evs:
        assert doc.text[e.start:e.end] == e.text
    return {(e.type, e.actor and e.actor.split()[0], e.target) for e in evs}


def test_target_optional_outside_dyadic_is_refused(tmp_path):
    """load_vocab refuses a target_optional type that is not dyadic (one line naming file and types)."""
    import yaml

    from sitrep.errors import SitrepError
    from sitrep.extract.event_vocab import DATA
    raw = yaml.safe_load((DATA / "event_verbs.yaml").read_text(encoding="utf-8"))
    raw["dyadic"]["target_optional"] = ["PROTEST"]
    bad = tmp_path / "event_verbs.yaml"
    bad.write_text(yaml.safe_dump(raw), encoding="utf-8")
    with pytest.raises(SitrepError, match="PROTEST"):
        load_vocab(str(bad))
    assert load_vocab()["raw"]["dyadic"].get("help")


@pytest.mark.parametrize("text,ty", [
    ("Valdoria demanded compensation on Monday.", "DEMAND"),
    ("Valdoria donated ten million dollars on Friday.", "AID"),
])
def test_dyadic_event_without_target_is_dropped_by_default(pipe, text, ty):
    assert not any(t == ty for t, _, _ in _events(pipe, text, ()))


@pytest.mark.parametrize("text,expected", [
    ("Valdoria demanded compensation on Monday.", ("DEMAND", "VAL", None)),
    ("The Keshi government demanded an apology.", ("DEMAND", "KSH", None)),
    ("Valdoria donated ten million dollars on Friday.", ("AID", "VAL", None)),
])
def test_flagged_type_keeps_its_event_with_no_target(pipe, text, expected):
    assert expected in _events(pipe, text, {expected[0]})


def test_flag_never_invents_a_target_nor_overrides_one_found(pipe):
    found = _events(pipe, "Valdoria demanded compensation from Kesh on Monday.", {"DEMAND"})
    assert ("DEMAND", "VAL", "KSH") in found and ("DEMAND", "VAL", None) not in found
