"""User verb files in PETRARCH2/CAMEO format (tests/data/cameo-verbs-sample.txt, written for
these tests) applied to our own sentences about invented states (tests/data/fictional-actors.yaml)."""
from __future__ import annotations

from pathlib import Path

import pytest

from sitrep.extract.cameo_verbs import load_cameo_plover, parse_pattern, parse_verbs, plover_type
from event_helpers import run_events as events


DATA = Path(__file__).parent / "data"
ACTORS = DATA / "fictional-actors.yaml"
VERBS = DATA / "cameo-verbs-sample.txt"
DISCARDS = DATA / "cameo-discards-sample.txt"


@pytest.fixture(scope="module")
def pipe():
    from sitrep.extract.pipeline import Pipeline
    return Pipeline(actor_files=[str(ACTORS)], verb_files=[str(VERBS)], discard_files=[str(DISCARDS)],
                    stages=("entities", "places", "dates", "claims", "events"))


def triples(evs):
    return sorted((e.type, e.actor, e.target) for e in evs if e.modality != "negated")


def test_parse_blocks_synsets_and_patterns():
    vd = parse_verbs(VERBS.read_text(encoding="utf-8"))
    assert vd.synsets["TIEWORDS"] == [("TRADE",), ("RAIL",)]
    shell = vd.lookup("shelled")[0]
    assert shell.word == "SHELL" and shell.code == "190"
    pats = vd.patterns[shell.block]
    assert [p.code for p in pats] == ["172"]
    assert pats[0].post[1].adj  # BORDER_POSTS: adjacent words
    # the pattern with a code that is not CAMEO is dropped
    assert vd.patterns[vd.lookup("praise")[0].block] == []
    pre, post = parse_pattern("+ * FROM $")
    assert [e.kind for e in pre] == ["target"] and [e.kind for e in post] == ["word", "source"]


def test_cameo_to_plover_table():
    table = load_cameo_plover(None)
    assert plover_type("064", table) == "COOPERATE"
    assert plover_type("0841", table) == "CONCEDE"
    assert plover_type("010", table) is None  # statements have no PLOVER type
    assert plover_type("abc", table) is None


def test_default_code_with_offsets(pipe):
    text = "Valdoria is about to restore diplomatic relations with Kesh, officials in Lirn said."
    evs = events(pipe, text)
    assert triples(evs) == [("COOPERATE", "VAL", "KSH")]
    e = evs[0]
    assert e.trigger == "restore"
    assert text[e.start:e.end].startswith("Valdoria") and text[e.start:e.end].endswith("Kesh")


def test_pattern_with_synset_wins(pipe):
    assert triples(events(pipe, "Ostrana restored rail links with Brevik on Monday.")) == [
        ("AID", "OST", "BRV")]  # the pattern's 071, not the verb's 064
    evs = events(pipe, "Ostrana will not restore ties with Brevik.")
    assert [(e.type, e.modality) for e in evs] == [("REJECT", "asserted")]  # 128: the refusal itself


def test_forms_and_adjacent_words(pipe):
    assert triples(events(pipe, "Talmar shelled border posts near Pellis.")) == [("COERCE", "TAL", "PEL")]
    assert triples(events(pipe, "Talmar shelled the border posts of Pellis.")) == [("COERCE", "TAL", "PEL")]
    # BORDER_POSTS needs the two words side by side: else the verb's own code (190)
    assert triples(events(pipe, "Talmar shelled border villages and posts of Pellis.")) == [("FIGHT", "TAL", "PEL")]


def test_paired_code_and_compound(pipe):
    assert triples(events(pipe, "Kesh hosted Valdoria for two days.")) == [
        ("CONSULT", "KSH", "VAL"), ("CONSULT", "VAL", "KSH")]
    assert triples(events(pipe, "Talmar and Pellis agree that the border should be reopened.")) == [
        ("AGREE", "PEL", "TAL"), ("AGREE", "TAL", "PEL")]


def test_target_and_source_slots(pipe):
    evs = events(pipe, "Brevik was released from Ostrana after talks.")
    assert triples(evs) == [("CONCEDE", "OST", "BRV")]


def test_subordinate_clause_and_null_codes(pipe):
    # the verb of the "after" clause is not coded; "stated" has no PLOVER type
    assert triples(events(pipe, "Kesh stated its position after Valdoria restored ties with Ostrana.")) == []


def test_discards(pipe):
    assert events(pipe, "Valdoria restored ties with Kesh before the football match.") == []
    doc = "Valdoria restored ties with Kesh. The chess olympiad opens in Lirn."
    assert events(pipe, doc) == []
    assert triples(events(pipe, "Valdoria restored ties with Kesh. The match opens in Lirn.")) == [
        ("COOPERATE", "VAL", "KSH")]


def test_own_vocabulary_without_user_files():
    from sitrep.extract.pipeline import Pipeline
    p = Pipeline(actor_files=[str(ACTORS)], verb_files=[], discard_files=[],
                 stages=("entities", "places", "dates", "claims", "events"))
    assert p.resources["cameo_verbs"] is None and p.resources["discards"] is None


def test_bundled_cameo_table_has_help_lines():
    import yaml
    path = Path(__file__).resolve().parents[1] / "src" / "sitrep" / "data" / "cameo_plover.yaml"
    raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert raw["help"] and raw["rename"]["help"]
    for code, spec in raw["codes"].items():
        assert spec.get("help") and spec.get("type"), code


def test_ingest_cli_verbs_option(tmp_path):
    from click.testing import CliRunner

    from sitrep.cli import cli
    res = CliRunner().invoke(cli, ["--db", str(tmp_path / "x.db"), "ingest", "--verbs", str(tmp_path / "none.txt"),
                                   str(tmp_path)])
    assert res.exit_code == 1 and "no such verbs file" in res.output


def test_lists_and_purpose_clauses(pipe):
    # a list the parser reads as apposition still gives one actor per member
    got = triples(events(pipe, "Valdoria, the small Kesh, and Ostrana restored ties with Talmar."))
    assert got == [("COOPERATE", "KSH", "TAL"), ("COOPERATE", "OST", "TAL"), ("COOPERATE", "VAL", "TAL")]
    # "X, AGENCY reported": an apposition without a list is not a second actor
    assert triples(events(pipe, "Ostrana restored ties with Brevik, Pellis radio reported.")) == [
        ("COOPERATE", "OST", "BRV")]
    # the purpose clause of a verb the dictionary does not know is coded
    assert triples(events(pipe, "Kesh sent envoys to Lirn to restore ties with Ostrana.")) == [
        ("COOPERATE", "KSH", "OST")]


def test_discards_with_own_vocabulary():
    from sitrep.extract.pipeline import Pipeline
    p = Pipeline(actor_files=[str(ACTORS)], verb_files=[], discard_files=[str(DISCARDS)],
                 stages=("entities", "places", "dates", "claims", "events"))
    assert triples(events(p, "Valdoria shelled Kesh on Monday.")) == [("ASSAULT", "VAL", "KSH")]
    assert events(p, "Valdoria shelled Kesh on Monday, during a football match.") == []


def test_ingest_with_verbs_file(tmp_path, monkeypatch):
    from click.testing import CliRunner

    from sitrep.cli import cli
    from sitrep.extract import pipeline as P
    from sitrep.store import open_store
    monkeypatch.setenv("SITREP_VERBS", "")   # restored after the test
    monkeypatch.setenv("SITREP_DISCARDS", "")
    monkeypatch.setenv("SITREP_ACTORS", str(ACTORS))
    page = tmp_path / "page.txt"
    page.write_text("Ostrana restored rail links with Brevik on Monday.\n", encoding="utf-8")
    db = tmp_path / "x.db"
    try:
        res = CliRunner().invoke(cli, ["--db", str(db), "ingest", "--verbs", str(VERBS), str(page)])
        assert res.exit_code == 0, res.output
        evs = open_store(str(db)).records("event")
    finally:
        P._PIPELINE = None  # the next tests load their own
    assert [(e.type, e.actor, e.target) for e in evs] == [("AID", "OST", "BRV")]  # the verb file's 071


def test_several_actor_code(tmp_path):
    """PETRARCH's "FRO/BIL/SAM" codes: one name standing for several actors gives one event each."""
    from sitrep.extract.cameo_events import split_code
    from sitrep.extract.pipeline import Pipeline
    assert split_code("VAL/KSH GOV") == ["VAL GOV", "KSH GOV"] and split_code("OST") == ["OST"]
    league = tmp_path / "league.yaml"
    league.write_text('- {name: Harbour League, type: ORG, code: VAL/KSH, help: "invented: two states at once"}\n',
                      encoding="utf-8")
    p = Pipeline(actor_files=[str(ACTORS), str(league)], verb_files=[str(VERBS)], discard_files=[],
                 stages=("entities", "places", "dates", "claims", "events"))
    assert triples(events(p, "The Harbour League restored ties with Ostrana.")) == [
        ("COOPERATE", "KSH", "OST"), ("COOPERATE", "VAL", "OST")]


def test_weis_table():
    """Old KEDS-style dictionaries code in WEIS: the same digits mean other acts than in CAMEO."""
    from sitrep.extract.cameo_verbs import DATA as CDATA
    weis = load_cameo_plover(str(CDATA / "weis_plover.yaml"))
    assert plover_type("122", weis) == "ACCUSE"    # WEIS denounce (CAMEO 122: reject a demand for aid)
    assert plover_type("041", weis) == "SUPPORT"   # WEIS praise (CAMEO 041: discuss by telephone)
    assert plover_type("031", weis) == "CONSULT"   # WEIS meet (CAMEO 031: intent to cooperate)
    assert plover_type("064", weis) == "SUPPORT"   # WEIS diplomatic recognition, relations
    assert plover_type("160", weis) == "THREATEN"  # WEIS warn (CAMEO 160: reduce relations)
    assert plover_type("212", weis) == "COERCE"    # WEIS arrest (no CAMEO 212)
    assert plover_type("223", weis) == "ASSAULT"   # WEIS military engagement (no CAMEO 22x)
    assert plover_type("023", weis) is None and plover_type("095", weis) is None  # comments, appeals
    raw = __import__("yaml").safe_load((CDATA / "weis_plover.yaml").read_text(encoding="utf-8"))
    assert raw["help"] and all(spec.get("help") and spec.get("type") for spec in raw["codes"].values())


def test_bad_yaml_code_table(tmp_path):
    from sitrep.errors import SitrepError
    bad = tmp_path / "codes.yaml"
    bad.write_text("- just a list\n", encoding="utf-8")
    with pytest.raises(SitrepError):
        load_cameo_plover(str(bad))


def test_petrarch_records_read_as_weis(shared):
    """The unit-test records' codes: three digits WEIS, four digits CAMEO (WEIS has none)."""
    from sitrep.eval.petrarch import code_table, plover_of
    table = code_table(shared)
    assert plover_of("122", table) == "ACCUSE" and plover_of("064", table) == "SUPPORT"
    assert plover_of("1712", table) == "ASSAULT"  # a CAMEO four-digit entry
    assert plover_of("1717", table) == "COERCE"   # not in the CAMEO table: its CAMEO parent 171 (seize)
    assert plover_of("0871", table) == "RETREAT"


@pytest.fixture(scope="module")
def own():
    from sitrep.extract.pipeline import Pipeline
    return Pipeline(actor_files=[str(ACTORS)], verb_files=[], discard_files=[],
                    stages=("entities", "places", "dates", "claims", "events"))


def test_own_vocabulary_diplomatic_ties_are_support(own):
    # PLOVER codes established or upgraded diplomatic ties as SUPPORT (diplomatic), not COOPERATE
    assert triples(events(own, "Valdoria restored full diplomatic ties with Kesh after a long quarrel.")) == [
        ("SUPPORT", "VAL", "KSH")]
    # "A and B renewed ties": each with the other, one event per pair as for the symmetric types
    assert triples(events(own, "Valdoria and Kesh renewed their ties last week.")) == [("SUPPORT", "VAL", "KSH")]
    # sharing intelligence stays material cooperation
    assert triples(events(own, "Valdoria shared intelligence with Kesh on the smugglers.")) == [
        ("COOPERATE", "VAL", "KSH")]


def test_user_verbs_domestic_coercion(pipe):
    # one state's police detaining its own citizens: the object of the same country is the target
    assert triples(events(pipe, "Valdorian police detained Valdorian students in Castelmar.")) == [
        ("COERCE", "VAL", "VAL")]
    # not for a cooperative code: a state does not restore ties with itself
    assert triples(events(pipe, "Valdorian envoys restored Valdorian links.")) == []


def test_own_vocabulary_that_clause_is_speech(own):
    # "allowed that ..." says what the subject admits; "allowed X to ..." grants something
    assert triples(events(own, "Valdoria allowed that the mountain road to Kesh is unsafe in winter.")) == []
    assert triples(events(own, "Valdoria allowed Kesh to reopen its consulate.")) == [("CONCEDE", "VAL", "KSH")]


def test_own_vocabulary_scheduled_meeting_is_intent(own):
    # PLOVER's own examples (from the CAMEO manual) code "will visit" as AGREE (intent to meet);
    # PETRARCH's WEIS-coded unit tests code it as the meeting: PLOVER's convention is kept
    assert triples(events(own, "Valdoria will meet Kesh in Lirn next month.")) == [("AGREE", "VAL", "KSH")]
    assert triples(events(own, "Valdoria offered to meet Kesh next week.")) == [("AGREE", "VAL", "KSH")]


def test_own_vocabulary_broken_relations(own):
    assert triples(events(own, "Valdoria has broken off relations with Kesh.")) == [("SANCTION", "VAL", "KSH")]
    assert triples(events(own, "Valdoria broke relations with Kesh in May.")) == [("SANCTION", "VAL", "KSH")]
    assert triples(events(own, "Valdoria broke the old record.")) == []


def test_own_vocabulary_lists_promises_credentials(own):
    # "A, B, C and D" that the parser reads as A (appos B (conj C, D)) is a list of four actors
    got = triples(events(own, "Valdoria, Kesh, Ostrana and Brevik praised the ceasefire talks with Talmar."))
    assert got == [("SUPPORT", "BRV", "TAL"), ("SUPPORT", "KSH", "TAL"), ("SUPPORT", "OST", "TAL"),
                   ("SUPPORT", "VAL", "TAL")]
    # a promise of aid is an intent to cooperate (AGREE), as a pledge is; a promise to punish a threat
    assert triples(events(own, "Valdoria promised aid to the flooded Keshi villages.")) == [("AGREE", "VAL", "KSH")]
    assert triples(events(own, "Valdoria promised to impose tariffs on Kesh.")) == [("THREATEN", "VAL", "KSH")]
    # envoys presenting credentials to a head of state meet them
    got = [(e.type, e.actor[:3], e.target[:3]) for e in events(
        own, "The ambassadors of Valdoria and Kesh presented credentials to Ostrana's president.")]
    assert sorted(got) == [("CONSULT", "KSH", "OST"), ("CONSULT", "VAL", "OST")]


def test_own_vocabulary_list_with_apposition_and_cordons(own):
    # "A, the B, and C": the parser reads B as A's apposition and C as A's conjunct; all three act
    got = triples(events(own, "Proud Valdoria, the small Kesh, and old Ostrana praised the talks with Talmar."))
    assert got == [("SUPPORT", "KSH", "TAL"), ("SUPPORT", "OST", "TAL"), ("SUPPORT", "VAL", "TAL")]
    # an apposition alone is the same actor
    assert triples(events(own, "Arno Vesk, the president of Valdoria, praised the talks with Talmar.")) == [
        ("SUPPORT", "VAL", "TAL")]
    # roads cordoned off "into X" restrict X ("cordoned" is lemmatised "cordone" by the small model)
    got = [(e.type, e.actor[:3], e.target) for e in events(own, "Valdorian troops cordoned off the roads into Kesh.")]
    assert got == [("COERCE", "VAL", "KSH")]


def test_petrarch_dated_actor_codes_convert(tmp_path):
    """A PETRARCH actor code restricted to a period becomes a dated code of sitrep's actor file
    (invented entries in PETRARCH's format)."""
    from sitrep.eval.petrarch import _day, convert_actors
    f = tmp_path / "actors.txt"
    f.write_text("VELMAR\n\t[ORV <900501]\n\t[VLM]\n\nDORN_HALVIK\n\t[VLMGOV 19920101 - 19941231]\n"
                 "\t[VLMREB > 950101]\n", encoding="utf-8")
    got = {e["name"]: e for e in convert_actors(f)}
    assert got["Velmar"]["code"] == "VLM"
    assert got["Velmar"]["dated_codes"] == [{"code": "ORV", "to": "1990-05-01"}]
    # only dated codes: both periods (the last day included), then no actor
    assert got["Dorn Halvik"]["dated_codes"] == [{"code": "VLMGOV", "from": "1992-01-01", "to": "1995-01-01"},
                                                 {"code": "VLMREB", "from": "1995-01-02"}, {"code": ""}]
    assert _day("19781223") == "1978-12-23" and _day("790606") == "1979-06-06" and _day("19781340") is None


def test_petrarch_scorer_unscored_pairs_and_parse_errors():
    """The scorer: an event on the pair of an expected event with no PLOVER type is neither a match
    nor an extra; a record testing PETRARCH's parse reader is not scored (invented records)."""
    from types import SimpleNamespace as E

    from sitrep.eval.petrarch import score
    table = {"12": "ACCUSE", "064": "SUPPORT"}
    recs = [{"events": [("VAL", "KSH", "122"), ("VAL", "TAL", "911")]},   # 911: no PLOVER type
            {"events": [], "errors": ["bad_input_parse"]},
            {"events": []}]
    found = [[E(type="ACCUSE", actor="VAL", target="KSH"), E(type="SUPPORT", actor="VAL", target="TAL"),
              E(type="SUPPORT", actor="VAL", target="TAL")],            # the second one is an extra
             [E(type="SUPPORT", actor="VAL", target="KSH")],             # not scored
             []]
    got = score(recs, found, table)
    assert got["found"] == 1.0 and got["unscored"] == 1 and got["records"] == 2
    assert got["extra_per_record"] == 0.5 and got["precision"] == 0.5 and got["noevent_clean"] == 1.0
