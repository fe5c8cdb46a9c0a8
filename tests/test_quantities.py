"""The quantities stage on sentences of our own: values, ranges, bounds, units,
subjects, compounds, what is not a figure, offsets and the link to claims."""
from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from sitrep.extract.context import Context
from sitrep.extract.quantities import DATA, find_quantities
from sitrep.model import Claim, Document, Records


@pytest.fixture(scope="module")
def nlp(pipeline):
    return pipeline.nlp


def figures(nlp, text, claims=()):
    doc = Document.new(text)
    text = doc.text                                 # as the pipeline reads it (no-break spaces plain)
    recs = Records(doc_id=doc.id, claims=list(claims))
    ctx = Context(doc=doc, sdoc=nlp(text), resources={}, records=recs)
    out = list(find_quantities(ctx))
    for q in out:                                   # every record points at its own surface
        assert text[q.start:q.end] == q.text
        assert q.doc_id == doc.id
        if q.subject is not None:
            assert text[q.subject_start:q.subject_end] == q.subject
    return out


def one(qs, **want):
    hits = [q for q in qs if all(getattr(q, k) == v for k, v in want.items())]
    assert len(hits) == 1, (want, [(q.text, q.value, q.low, q.high, q.approx, q.unit_class) for q in qs])
    return hits[0]


def test_digits_and_words(nlp):
    qs = figures(nlp, "The convoy carried 1,500 soldiers and three tanks across the river.")
    one(qs, value=1500, unit_class="troops")
    one(qs, value=3, unit_class="tanks")
    assert len(qs) == 2


def test_multipliers_and_vague_counts(nlp):
    qs = figures(nlp, "Aid agencies counted 2.4 million people on the move, a dozen drones overhead, "
                      "hundreds of shells a day and tens of thousands of refugees at the border.")
    one(qs, value=2_400_000, unit_class="people")
    one(qs, value=12, unit_class="drones")
    sh = one(qs, unit_class="shells")
    assert (sh.value, sh.low, sh.high) == (None, 100, 1000)
    rf = one(qs, unit_class="refugees")
    assert (rf.value, rf.low, rf.high) == (None, 10_000, 100_000)


def test_currencies_and_conversion(nlp):
    qs = figures(nlp, "The ministry set aside £2.5bn, the bank lent €300 million and donors pledged "
                      "nearly €73 billion ($79 billion) over the decade.")
    one(qs, value=2.5e9, unit_class="money:GBP", unit="GBP")
    one(qs, value=3e8, unit_class="money:EUR")
    conv = one(qs, value=73e9)
    assert conv.unit_class == "money:EUR" and conv.approx == "at_most"
    assert conv.converted == ((79e9, "USD"),)
    assert "($79 billion)" in conv.text
    assert not [q for q in qs if q.value == 79e9]      # one amount, not two


def test_ranges_are_never_averaged(nlp):
    qs = figures(nlp, "Between 20 and 25 ships sailed while 4,000 to 5,000 troops waited "
                      "behind a 5- to 10-kilometre buffer.")
    for lo, hi, cls in ((20, 25, "ships"), (4000, 5000, "troops"), (5, 10, "kilometre")):
        q = one(qs, low=lo, high=hi)
        assert q.value is None and q.unit_class == cls


@pytest.mark.parametrize("text,value,approx", [
    ("Roughly 300 fighters joined the assault.", 300, "about"),
    ("Scouts saw an estimated 40 tanks near the bridge.", 40, "about"),
    ("The navy fired more than 70 missiles overnight.", 70, "at_least"),
    ("The blast injured at least nine people in the market.", 9, "at_least"),
    ("The plan would send up to 600 troops to the border.", 600, "at_most"),
    ("The column stopped almost 12 miles from the city.", 12, "at_most"),
    ("Fewer than 20 aircraft remain in service.", 20, "at_most"),
    ("Rebels hold as many as 900 prisoners in the camp.", 900, "at_most"),
    ("Prices rose by some 15 percent or more in a month.", 15, "at_least"),
])
def test_approximation_and_bounds(nlp, text, value, approx):
    q = one(figures(nlp, text), value=value)
    assert q.approx == approx


def test_unit_classes(nlp):
    qs = figures(nlp, "The brigade lost 40 soldiers; the other side reported 80 casualties, "
                      "with 12 killed and 30 wounded, while 600 forces stayed in reserve.")
    assert one(qs, value=40).unit_class == "troops"
    assert one(qs, value=600).unit_class == "troops"
    assert one(qs, value=80).unit_class == "casualties"
    assert one(qs, value=12).unit_class == "killed"
    assert one(qs, value=30).unit_class == "wounded"


def test_measures(nlp):
    qs = figures(nlp, "The rocket flew 300 km, the shells weigh 43kg and turnout fell to 46%.")
    assert one(qs, value=300).unit_class == "kilometre"
    assert one(qs, value=43).unit_class == "kilogram"
    assert one(qs, value=46).unit_class == "percent"


def test_subject_is_words_of_the_text(nlp):
    text = "Satellite images show 2,000 North Korean troops near the border."
    q = one(figures(nlp, text), value=2000)
    assert q.subject == "North Korean troops"
    assert text[q.subject_start:q.subject_end] == "North Korean troops"
    assert q.text == "2,000 North Korean troops"


def test_compounds(nlp):
    qs = figures(nlp, "Air defences stopped 27 of 40 drones and a 5,000-strong brigade moved north.")
    assert one(qs, value=27).unit_class == "drones"
    assert one(qs, value=40).unit_class == "drones"
    assert one(qs, value=5000).unit_class == "troops"
    qs = figures(nlp, "Crews shot down 19 Russian drones and three cruise missiles before dawn.")
    assert one(qs, value=19).unit_class == "drones"
    assert one(qs, value=3).unit_class == "missiles"
    assert len(qs) == 2


@pytest.mark.parametrize("text", [
    "In 2023 the talks resumed on 4 March at 10:30 in the capital.",
    "The war entered its second year as the 92nd Assault Brigade held the line.",
    "Members invoked Article 51 and cited Resolution 2231 in the debate.",
    "Opinion3 weeks ago",
    "Biden and Xi spoke; the two presidents met in the 1990s and again in 2019.",
    "Fighting continued in one region while the third convoy waited.",
    "The iPhone 15 launched with the Galaxy S24 the same week.",
    "The team won 3-1 on Sunday.",
    "Operators rolled out 5G coverage and 3D maps.",
])
def test_not_quantities(nlp, text):
    assert figures(nlp, text) == []


def test_claims_give_source_and_hedge(nlp):
    text = "The governor said 14 people were hurt. Officials counted 300 homes without power."
    content_start = text.index("14")
    content_end = text.index(".") + 0
    outer = Claim(id="c-outer", doc_id="x", start=0, end=text.index(".") + 1, text=text[:text.index(".") + 1],
                  source="Outer Source", hedge="reported")
    inner = Claim(id="c-inner", doc_id="x", start=content_start, end=content_end,
                  text=text[content_start:content_end], source="Regional Governor", hedge="unverified")
    qs = figures(nlp, text, claims=[outer, inner])
    hurt = one(qs, value=14)
    assert (hurt.source, hurt.hedge, hurt.claim_id) == ("Regional Governor", "unverified", "c-inner")
    homes = one(qs, value=300)
    assert homes.source is None and homes.claim_id is None
    assert homes.hedge in ("asserted", "reported", "unverified", "denied")


def test_units_file_is_documented():
    data = yaml.safe_load(Path(DATA).read_text(encoding="utf-8"))

    def groups(node, path):
        if isinstance(node, dict) and ("words" in node or "before" in node or "after" in node):
            yield path, node
        elif isinstance(node, dict):
            for k, v in node.items():
                yield from groups(v, f"{path}.{k}")
        elif isinstance(node, list):
            for n, v in enumerate(node):
                yield from groups(v, f"{path}[{n}]")

    found = list(groups(data, "units"))
    assert len(found) > 20
    for path, g in found:
        assert str(g.get("help", "")).strip(), f"{path} has no help line"


def test_newsquant_matching_rules():
    from sitrep.eval.newsquant import gold_value, units_match, values_match
    assert gold_value("11000-12000") == (11000.0, 12000.0)       # a range stays a range
    assert not values_match(11500.0, gold_value("11000-12000"))
    assert units_match("USD", "dollar") and units_match("percent", "percentage")
    assert units_match("fishermen", "commercial fisherman")
    assert not units_match("drones", "missile")


def test_more_number_forms(nlp):
    qs = figures(nlp, "Nearly two-thirds of the 900 villagers left; the lake froze at minus 12 degrees "
                      "and a man aged 64 walked 3 1/2 miles.")
    assert one(qs, value=900).unit == "villagers"
    share = [q for q in qs if q.value is not None and 0 < q.value < 1]
    assert all(q.unit != "villagers" and q.approx == "at_most" for q in share)   # a share, not 0.67 villagers
    assert one(qs, value=-12).unit_class == "degree"
    assert one(qs, value=64).unit_class == "age"
    assert one(qs, value=3.5).unit_class == "mile"


def test_hedge_outside_claims_from_hedges_module(nlp, monkeypatch):
    """Outside any claim the hedge comes from hedges.hedge_for_span when that module exists."""
    import sitrep.extract.quantities as Q
    monkeypatch.setattr(Q, "_hedge_fn", lambda: (lambda ctx, s, e: ("reported", "reportedly")))
    q = one(figures(nlp, "Reportedly 40 tanks crossed the border."), value=40)
    assert q.hedge == "reported" and q.source is None


def test_figures_command_lists_stored_figures(pipeline, tmp_path):
    import json

    from click.testing import CliRunner

    from sitrep.cli import cli
    from sitrep.extract.commands import figure_rows
    from sitrep.store import Store

    db = str(tmp_path / "f.db")
    store = Store(db)
    doc = Document.new("Officials said 4,000 to 5,000 troops moved west and 12 drones were shot down.",
                       title="Our sample", published="2024-05-01")
    store.add([(doc, pipeline.run(doc))])
    rows = figure_rows(store, unit="troops")
    assert [(r["low"], r["high"], r["value"]) for r in rows] == [(4000, 5000, None)]
    assert rows[0]["date"] == "2024-05-01" and rows[0]["title"] == "Our sample"
    store.close()
    res = CliRunner().invoke(cli, ["--db", db, "figures", "--unit", "drones", "--json"])
    assert res.exit_code == 0, res.output
    data = json.loads(res.output)
    assert [d["value"] for d in data] == [12]


def test_figure_takes_the_date_of_its_sentence(nlp):
    from sitrep.model import DateRef
    text = "On Tuesday the army lost 30 tanks. Later 12 ships sank."
    doc = Document.new(text)
    recs = Records(doc_id=doc.id, dates=[DateRef(id="d1", doc_id=doc.id, start=3, end=10, text="Tuesday",
                                                 date="2024-11-12")])
    ctx = Context(doc=doc, sdoc=nlp(text), resources={}, records=recs)
    qs = {q.value: q for q in find_quantities(ctx)}
    assert qs[30].date == "2024-11-12" and qs[12].date is None


def test_cues_after_and_common_nouns(nlp):
    qs = figures(nlp, "Up to 2000 troops and more than 300 tanks; one thing is clear: one soldier died "
                      "and prices stayed below 2005 levels.")
    assert one(qs, value=2000).approx == "at_most"
    assert one(qs, value=300).approx == "at_least"
    assert one(qs, value=1).unit_class == "troops"
    assert not [q for q in qs if q.value == 2005]


def test_named_source_outside_an_anonymous_one_gives_the_figure(nlp):
    text = "According to the ministry spokesman Ivo Ranko, intelligence shows that 900 fighters crossed."
    c_in = text.index("900") - len("that ")
    outer = Claim(id="c-named", doc_id="x", start=text.index("intelligence"), end=len(text) - 1,
                  text=text[text.index("intelligence"):-1], source="Ivo Ranko", source_kind="named")
    inner = Claim(id="c-anon", doc_id="x", start=c_in, end=len(text) - 1, text=text[c_in:-1],
                  source="intelligence", source_kind="document", hedge="reported")
    q = one(figures(nlp, text, claims=[outer, inner]), value=900)
    assert (q.source, q.claim_id) == ("Ivo Ranko", "c-named")


def test_a_change_from_one_figure_to_another(nlp):
    qs = figures(nlp, "The garrison shrank from 4,200 soldiers in spring to 3,100 by the autumn, "
                      "and fuel fell from $92 a barrel last week to $81.")
    t = one(qs, value=3100)
    assert (t.from_value, t.unit_class) == (4200, "troops")
    f = one(qs, value=81)
    assert f.from_value == 92 and f.unit_class == "money:USD"
    assert not [q for q in qs if q.value in (4200, 92)]          # one figure each, not two
    qs = figures(nlp, "Output went from 250 to 310 and, from 2019 to 2022, stayed flat.")
    assert one(qs, low=250, high=310).value is None               # a rise written as a range stays one
    assert not [q for q in qs if q.value in (2019, 2022) or q.from_value == 2019]   # years are no change


def test_one_of_the_superlatives_and_counted_models(nlp):
    qs = figures(nlp, "It was one of the longest sieges of the war; the navy retired three old 400 Class frigates.")
    assert one(qs, value=1).unit == "sieges"
    assert one(qs, value=3).unit == "frigates"
    assert not [q for q in qs if q.value == 400]


def test_folded_currency_signs_and_cased_units(nlp):
    qs = figures(nlp, "The club paid PS4.5m for the striker, the yen deal was Y=120 billion, "
                      "and the console is called the PS5.")
    assert one(qs, value=4.5e6).unit_class == "money:GBP"
    assert one(qs, value=120e9).unit_class == "money:JPY"
    assert not [q for q in qs if q.value == 5]
    qs = figures(nlp, "The motor gives 380 Nm and 150 PS from a 12 V pack, the lamp draws 40 W, "
                      "the cellar stays at minus-4 degrees and the flat has 48m2 of floor.")
    assert one(qs, value=380).unit == "newton metre"
    assert one(qs, value=150).unit == "horsepower"
    assert one(qs, value=12).unit == "volt"
    assert one(qs, value=40).unit == "watt"
    assert one(qs, value=-4).unit == "degree"
    assert one(qs, value=48).unit == "square metre"


def test_amounts_after_capitalised_words_and_decimal_ratings(nlp):
    qs = figures(nlp, "Norways 12 billion kroner fund grew; the reliever posted (1.2 WAR) and "
                      "the plant runs at 40,000 barrel-a-day.")
    assert one(qs, value=12e9).unit_class == "money:NOK"
    assert one(qs, value=1.2).unit == "win above replacement"      # the rating by its name
    assert one(qs, value=40000).unit == "barrel per day"


def test_ages_rates_and_coordinated_modifiers(nlp):
    qs = figures(nlp, "Okafor, 52, has run the depot since it opened; it screens 1,200 trucks per day, "
                      "sold 3,000 new and used tyres, repaired 40 Volvo and Scania lorries and won "
                      "five regional Transport Awards; its stock closed at 96.5p.")
    assert one(qs, value=52).unit_class == "age"
    assert one(qs, value=1200).unit == "trucks per day"
    assert one(qs, value=3000).unit == "tyres"
    assert one(qs, value=40).unit == "lorries"
    assert one(qs, value=5).unit == "Awards"
    assert one(qs, value=96.5).unit_class == "money:penny"


def test_newsquant_rates_and_currency_names():
    from sitrep.eval.newsquant import units_match
    assert units_match("trucks per day", "truck per day")
    assert units_match("USD per barrel", "united states dollar per barrel")
    assert units_match("USD", "united states dollar") and units_match("HRK", "croatian kuna")
    assert not units_match("USD per barrel", "dollar per gallon")
    assert not units_match("EUR", "united states dollar")


def test_temperature_spellings_and_ages_of_age(nlp):
    qs = figures(nlp, "The ward kept 40 infants under 6 weeks of age at 37 degrees c, the store room at 41 deg f "
                      "and the boiler at 80 celcius; the club has won 3 straight World Cups.")
    assert one(qs, value=6).unit == "week of age"
    assert one(qs, value=37).unit == "celsius"
    assert one(qs, value=41).unit == "fahrenheit"
    assert one(qs, value=80).unit == "celsius"
    assert one(qs, value=3).unit == "Cups"              # a trophy, not a measure of volume


def test_paired_numbers_share_a_measure_and_inches_written_in(nlp):
    qs = figures(nlp, "Patients took 20 or 40 mg a day, the plate is 3 in thick, "
                      "and the fare went from about $4 per ride to $6 per ride.")
    assert one(qs, value=20).unit == one(qs, value=40).unit == "milligram per day"
    assert one(qs, value=3).unit == "inch"
    assert one(figures(nlp, "The guard is 6ft 3in tall."), value=3).unit == "inch"
    fare = one(qs, value=6)
    assert fare.from_value == 4 and fare.unit == "USD per ride"
    qs = figures(nlp, "They scored 3 and 4 goals in the two legs.")
    assert not [q for q in qs if q.value == 3 and q.unit == "goals"]    # only a measure is shared


def test_major_and_minor_units_make_one_amount(nlp):
    qs = figures(nlp, "The ticket cost seven dollars and twenty-five cents; shares fell to $3.10 and 4 cents later.")
    assert one(qs, value=7.25).unit == "USD"
    assert one(qs, value=3.10).unit == "USD"          # a decimal amount takes no cents after it


def test_two_bounds_joined_make_one_range(nlp):
    qs = figures(nlp, "Officials expect more than 400 but fewer than 900 volunteers; over 50 trucks and under 9 buses came.")
    q = one(qs, low=400, high=900)
    assert q.value is None and q.unit == "volunteers"
    assert one(qs, value=50).approx == "at_least" and one(qs, value=9).approx == "at_most"   # other things: two figures


def test_one_in_five_is_a_share(nlp):
    qs = figures(nlp, "Nearly one in four households lost power and two out of three shops shut; "
                      "the striker scored 2 in 9 minutes and 4 in 2021.")
    h = one(qs, unit="share of households")
    assert abs(h.value - 0.25) < 1e-9 and h.approx == "at_most" and h.subject == "households"
    assert abs(one(qs, unit="share of shops").value - 2 / 3) < 1e-9
    assert one(qs, value=9).unit_class == "minutes"              # a duration, not a share
    assert not [q for q in qs if q.unit_class == "share" and q.value in (2 / 9, 4 / 2021)]


def test_figures_command_prints_plain_numbers():
    from sitrep.extract.commands import _figure
    row = {"value": 3e6, "low": None, "high": None, "approx": "at_least"}
    assert _figure(row) == ">=3,000,000"
    assert _figure({"value": None, "low": 11000.0, "high": 12000.0, "approx": None}) == "11,000-12,000"
    assert _figure({"value": 1.25, "low": None, "high": None, "approx": "about"}) == "~1.25"


def test_metric_prefixes_and_pressure_energy_units(nlp):
    qs = figures(nlp, "The test rig held 12 kilopascals, then 3.5 MPa; the battery stored 40 megajoules "
                      "and the dam adds 2.4 gigawatt hours a year.")
    assert one(qs, value=12).unit == "kilopascal"
    assert one(qs, value=3.5).unit == "megapascal"
    assert one(qs, value=40).unit == "megajoule"
    assert one(qs, value=2.4).unit == "gigawatt hour per year"


def test_more_currencies_by_name_sign_and_code(nlp):
    qs = figures(nlp, "The ministry paid 4 billion naira, ₦900 million more in fees, 500USD per visa and 75 EUR a night; "
                      "the sale raised 12 million zlotys.")
    assert one(qs, value=4e9).unit_class == "money:NGN"
    assert one(qs, value=9e8).unit_class == "money:NGN"
    assert one(qs, value=500).unit == "USD per visa"
    assert one(qs, value=75).unit == "EUR per night"
    assert one(qs, value=12e6).unit_class == "money:PLN"


def test_half_a_million_and_glued_m_before_a_plural(nlp):
    qs = figures(nlp, "Half a million volunteers and 2.5m households signed up, though the fence is only 2m high.")
    assert one(qs, value=5e5).unit == "volunteers"
    assert one(qs, value=2.5e6).unit == "households"
    assert one(qs, value=2).unit == "metre"


def test_degrees_with_a_scale_and_fraction_characters(nlp):
    qs = figures(nlp, "Ovens ran at 220° Celsius for ¾ hour, and the pipe is 3½ inches wide.")
    assert one(qs, value=220).unit == "celsius"
    assert one(qs, value=0.75).unit_class == "hours"
    assert one(qs, value=3.5).unit == "inch"


def test_range_ends_need_the_same_unit(nlp):
    qs = figures(nlp, "Support grew 3 percentage points to 41 per cent, and between 5% and 7% of firms agreed.")
    assert one(qs, value=3).unit == "percentage point"
    assert one(qs, value=41).unit == "percent"
    assert one(qs, low=5, high=7).unit == "percent"


def test_scan_reads_only_from_tokens_that_may_start_a_figure(nlp):
    from sitrep.extract.numbers import lexicon
    from sitrep.extract.quantity_scan import _scan_sentence, scan, starts
    doc = nlp("Two hundred engineers and a dozen medics reached the camp, about 40 km away, with €3m in aid.")
    lex = lexicon()
    first = starts(doc, lex)
    assert [doc[i].text for i in first][:2] == ["Two", "hundred"]
    assert "camp" not in [doc[i].text for i in first] and "a" in [doc[i].text for i in first]
    every = [r for s in doc.sents for r in _scan_sentence(doc, s.start, s.end, lex)]   # every token tried
    assert [(r["value"], r["unit"]) for r in scan(doc, lex)] == [(r["value"], r["unit"]) for r in every]


def test_newsquant_counts_as_cqe_scorer_and_names_one_unit_once():
    from sitrep.eval.newsquant import score, units_match
    gold = [{"value": "5", "normalized_unit": "dollar"}, {"value": "5", "normalized_unit": "dollar"}]
    s = score([([(5.0, "USD")], gold)])
    assert s["value_r"] == 1.0 and s["value_unit_r"] == 1.0       # theirs: one found figure answers both
    assert s["value_1to1_r"] == s["value_unit_1to1_r"] == 0.5     # one-to-one: it answers one
    assert units_match("pound-foot", "foot pound-force") and units_match("NGN", "nigerian naira")


def test_newsquant_one_to_one_is_the_largest_pairing():
    from sitrep.eval.newsquant import score
    # "vehicles" answers both gold units, "trucks" only the first: a first-come pairing gives
    # "vehicles" to the first gold figure and leaves the second unpaired; the largest pairing has both
    gold = [{"value": "12", "normalized_unit": "truck vehicle"}, {"value": "12", "normalized_unit": "vehicle"}]
    s = score([([(12.0, "vehicles"), (12.0, "trucks")], gold)])
    assert s["value_unit_1to1_r"] == s["value_unit_1to1_p"] == 1.0


def test_scientific_notation_sub_prefix_and_slash_after_a_letter(nlp):
    qs = figures(nlp, "The spores measured 2.5×10−6 metres, the sample held 4e9 cells and weighed 1.4 g/cm3; "
                      "a sub-3 nanometre node is planned, and the hall is 5 x 10 metres.")
    assert abs(one(qs, unit="metre", approx=None, value=2.5e-6).value - 2.5e-6) < 1e-12
    assert one(qs, value=4e9).unit == "cells"
    assert one(qs, value=1.4).unit == "gram per cubic centimetre"
    sub = one(qs, value=3)
    assert sub.unit == "nanometre" and sub.approx == "at_most"
    assert one(qs, value=10).unit == "metre"                 # "5 x 10" alone is a size, not 5e10


def test_cased_metric_symbols(nlp):
    qs = figures(nlp, "The probe drew 20 mW from a 5 kW line, held 3 mmol of salt and spent 40 J; "
                      "4 MV ships and 3 TV crews waited.")
    assert one(qs, value=20).unit == "milliwatt"           # "mW" is not "MW"
    assert one(qs, value=5).unit == "kilowatt"
    assert one(qs, value=3, unit="millimole").unit_class == "millimole"
    assert one(qs, value=40).unit == "joule"
    assert one(qs, value=4).unit == "ships" and one(qs, unit="crews").value == 3


def test_a_fraction_of_a_measure_takes_the_measure(nlp):
    qs = figures(nlp, "The tank held 3/4 of a UK gallon, the patrol walked a third of a mile and half of the crews rested.")
    assert one(qs, value=0.75).unit == "gallon"
    assert abs(one(qs, unit="mile").value - 1 / 3) < 1e-9


def test_hyphenated_scales_and_indian_digit_groups(nlp):
    qs = figures(nlp, "The council approved a $2.4-billion plan, a 300-million-euro bond and paid Rs 45,67,890 in fees.")
    assert one(qs, value=2.4e9).unit == "USD"
    assert one(qs, value=3e8).unit == "EUR"
    assert one(qs, value=4567890).unit == "INR"


def test_a_decimal_before_killed_is_not_a_death_toll(nlp):
    qs = figures(nlp, "A tremor of magnitude 5.8 killed 9 villagers near the border.")
    assert one(qs, value=5.8).unit == "magnitude"          # a magnitude, never a death toll
    assert one(qs, value=9).unit == "villagers"


def test_hyphen_lists_share_the_last_unit(nlp):
    qs = figures(nlp, "The depot held 4-, 5- and 6-cylinder trucks and two-, three- and four-bedroom cabins.")
    for v in (4, 5, 6):
        one(qs, value=v, unit="cylinder")
    for v in (2, 3, 4):
        one(qs, value=v, unit="bedroom")
    qs = figures(nlp, "Gunners fired 10- and 20-millimetre rounds, then a 5- to 8-kilometre barrage.")
    one(qs, value=10, unit="millimetre")
    one(qs, value=20, unit="millimetre")
    one(qs, low=5, high=8)
    assert not figures(nlp, "The six-cylinder engine stalled.")


def test_spaced_pence_quote_codes_and_rates_after_a_bracket(nlp):
    qs = figures(nlp, "The brewer slid 9 p at 431 p, and the lira eased to 32.4 TRY= on the wire.")
    one(qs, value=9, unit="penny")
    one(qs, value=431, unit="penny")
    one(qs, value=32.4, unit="TRY")
    qs = figures(nlp, "The council sets aside 6 billion tenge ($12 million) a year for shelters.")
    one(qs, value=6e9, unit="KZT per year")
    qs = figures(nlp, "Diesel sold for $3 U.S. per litre at the border.")
    one(qs, value=3, unit="USD per litre")


def test_a_change_then_a_level_and_glued_units_ending_a_sentence(nlp):
    qs = figures(nlp, "Copper rose $85.50 to $9,120.00 a tonne.")
    one(qs, value=85.5, unit="USD")
    one(qs, value=9120, unit="USD per tonne")
    one(figures(nlp, "Output is forecast to climb 4% to 6% in spring."), low=4, high=6)
    one(figures(nlp, "The ransom demand dropped below $40K."), value=40000, unit="USD")
    one(figures(nlp, "Each radio set draws 25W."), value=25, unit="watt")


def test_bare_counts_after_casualty_verbs_and_quake_magnitudes(nlp):
    qs = figures(nlp, "The shelling killed 14 and wounded 31 in the market.")
    one(qs, value=14, unit="killed")
    one(qs, value=31, unit="wounded")
    one(figures(nlp, "The quake had a magnitude of 6.3, the agency said."), value=6.3, unit="magnitude")
    assert not figures(nlp, "The storm killed 2019 harvest plans.")


def test_ranges_left_in_one_token(nlp):
    one(figures(nlp, "The bank held its rate at 4.75%-5% on Thursday."), low=4.75, high=5, unit="percent")
    one(figures(nlp, "Tickets sold for $8-$9 at the gate."), low=8, high=9, unit="USD")


def test_spaced_letter_symbols_senses_and_cased_currencies(nlp):
    one(figures(nlp, "The solenoid reached 0.8 T during the trial."), value=0.8, unit="tesla")
    one(figures(nlp, "The winch pulled with 900 N, the crew said."), value=900, unit="newton")
    one(figures(nlp, "The lease ran for 7 a and then lapsed."), value=7, unit="year")
    one(figures(nlp, "The new capacitor bank stores 40 F at full charge."), value=40, unit="farad")
    one(figures(nlp, "The frigate sailed at 18 kn toward the strait."), value=18, unit="knot")
    one(figures(nlp, "A night in the hostel costs 9,000 Ft."), value=9000, unit="HUF")
    one(figures(nlp, "It was 88 F at noon."), value=88, unit="fahrenheit")
    assert not [q for q in figures(nlp, "Observers met at 12 N, 44 E near the coast.") if q.unit == "newton"]
    assert not figures(nlp, "She sat 3 A-levels in June.")


def test_spaced_time_letters_and_symbols_closing_a_sentence(nlp):
    qs = figures(nlp, "The convoy waited 6 h and then 40 min more.")
    one(qs, value=6, unit="hour")
    one(figures(nlp, "The siege lasted 9 d."), value=9, unit="day")
    one(figures(nlp, "Each canteen held 750 mL."), value=750, unit="millilitre")
    one(figures(nlp, "The blood alcohol reading was 0.4 ‰."), value=0.4, unit="per mille")
    assert not [q for q in figures(nlp, "The office is at 5 W 43rd St in the city.") if q.unit == "stone"]


def test_ages_without_the_word_years(nlp):
    qs = figures(nlp, "The colonel says she will be 52 by the next parade; her aide turned 31 in May.")
    one(qs, value=52, unit="year of age")
    one(qs, value=31, unit="year of age")
    one(figures(nlp, "Life expectancy in the camps has dropped to 58, aid workers say."), value=58, unit="year of age")
    assert not figures(nlp, "She went 2 for 4 with a double.")


def test_fractions_of_multipliers_and_said_decimals(nlp):
    one(figures(nlp, "The ministry set aside half million dollars for the shelters."), value=500000, unit="USD")
    one(figures(nlp, "Donors pledged a quarter billion euros to the fund."), value=250e6, unit="EUR")
    one(figures(nlp, "Floods displaced three quarters million residents."), value=750000)
    one(figures(nlp, "Nearly four and a half million voters stayed home."), value=4.5e6)
    one(figures(nlp, "A third of a million refugees crossed into the valley."), value=1e6 / 3)
    one(figures(nlp, "The relief budget was 2 million and a half euros."), value=2.5e6)
    one(figures(nlp, "Losses came to two billion and a quarter million dollars."), value=2_000_250_000)
    one(figures(nlp, "The bridge is one hundred and three quarters metres long."), value=100.75, unit="metre")
    one(figures(nlp, "The levy rose to seven point two five percent."), value=7.25, unit="percent")
    one(figures(nlp, "The courier delivered three dozens crates."), value=36)
    one(figures(nlp, "Rebels freed 4 hundred and 12 hostages."), value=412)
    one(figures(nlp, "The utility booked 12 bln roubles in losses."), value=12e9, unit="RUB")
    assert [q.value for q in figures(nlp, "At one point two medics reached the village.")] == [2]


def test_currencies_in_more_written_forms(nlp):
    one(figures(nlp, "Investors lost 75 USD million in the scheme."), value=75e6, unit="USD")
    one(figures(nlp, "The carpet fetched 20,000 ₾ at auction."), value=20000, unit="GEL")
    one(figures(nlp, "A ferry ticket cost nzd$15 online."), value=15, unit="NZD")
    one(figures(nlp, "Farmers were paid cad$ 40 for each sack."), value=40, unit="CAD")
    one(figures(nlp, "The mill was sold for 420 million markka in 1990."), value=420e6, unit="FIM")
    one(figures(nlp, "The toll rose to 12 dollars and 40."), value=12.4, unit="USD")
    one(figures(nlp, "The toll is 12 dollars and 40 more for trucks."), value=12, unit="USD")
    assert not [q for q in figures(nlp, "The ticket cost abc$15 online.") if q.unit]


def test_rates_after_an_of_phrase_hyphenated_and_per_annum(nlp):
    one(figures(nlp, "The navy burns 1.2 million gallons of diesel a month."), value=1.2e6, unit="gallon per month")
    q = one(figures(nlp, "The mine will yield 8,000 tonnes of zinc per year."), value=8000)
    assert q.unit == "tonne per year" and q.subject == "zinc"
    one(figures(nlp, "Gunners fired 3,000 rounds of ammunition a day."), value=3000, unit="rounds per day")
    one(figures(nlp, "The cooperative declared a 9-cent-a-share payout."), value=9, unit="cent per share")
    one(figures(nlp, "The buyer offered $41-a-share for the firm."), value=41, unit="USD per share")
    one(figures(nlp, "Rents have risen 6 % per annum since the war."), value=6, unit="percent per year")
    one(figures(nlp, "About 30% of the harvest a year ago was lost."), value=30, unit="percent")


def test_a_plural_name_is_counted_not_a_designation(nlp):
    one(figures(nlp, "The maker shipped 2.5 million iPhones in the quarter."), value=2.5e6, unit="iPhones")


def test_ranges_of_amounts_with_glued_multipliers(nlp):
    one(figures(nlp, "Rebuilding the port would cost $4 billion-$6 billion."), low=4e9, high=6e9, unit="USD")
    one(figures(nlp, "The fine could reach £5m-£8m next year."), low=5e6, high=8e6, unit="GBP")
    one(figures(nlp, "Repairs need €1bn-2bn at least."), low=1e9, high=2e9, unit="EUR")
    one(figures(nlp, "Floods hit 2m-3m people in the delta."), low=2e6, high=3e6, unit="people")
    assert not [q for q in figures(nlp, "The 2019-2020 season ended early.") if q.low]


def test_ages_written_yo_and_age_before_the_number(nlp):
    one(figures(nlp, "Medics treated a 71 yo man for burns."), value=71, unit="year of age")
    one(figures(nlp, "The courier, a woman of age 29, was detained."), value=29, unit="year of age")
    one(figures(nlp, "Recruits must be at least age 18 to enlist."), value=18, unit="year of age")


def test_en_dash_ranges_in_one_token_and_bounds_joined_by_and(nlp):
    one(figures(nlp, "Officials feared 40–60 deaths in the valley."), low=40, high=60, unit="deaths")
    one(figures(nlp, "Rents climbed 7–9% this spring."), low=7, high=9, unit="percent")
    assert not [q for q in figures(nlp, "The 2021–2022 season was cut short; they won 4–2.") if q.low is not None]
    one(figures(nlp, "The unit fielded above 300 and below 400 fighters."), low=300, high=400)
    one(figures(nlp, "Damage exceeding $3bn was reported."), value=3e9, approx="at_least")


def test_a_glued_m_before_a_currency_is_millions(nlp):
    one(figures(nlp, "The ransom was 7m USD in cash."), value=7e6, unit="USD")
    one(figures(nlp, "The wall is 7m high."), value=7, unit="metre")


def test_hyphenated_modifiers_before_the_thing_counted(nlp):
    one(figures(nlp, "The garrison fielded 13 self-propelled howitzers near the pass."), value=13, unit="howitzers")
    one(figures(nlp, "Rebels captured 40 truck-mounted launchers at dawn."), value=40, unit="launchers")
    one(figures(nlp, "The coalition fired 20 surface-to-air missiles."), value=20, unit="missiles")
    one(figures(nlp, "Mediators brokered 12 cease-fires in a year."), value=12, unit="cease-fires")
    assert not figures(nlp, "She sat 3 A-levels in June.")


def test_space_grouped_thousands_litre_symbol_and_current_density(nlp):
    one(figures(nlp, "The cooperative paid 10 000 dollars for the permit."), value=10000, unit="USD")
    one(figures(nlp, "The census counted 1 250 000 residents."), value=1250000)
    assert not [q for q in figures(nlp, "She ran 3 100-metre heats.") if q.value == 3100]
    one(figures(nlp, "Each jerrycan holds 20 L of water."), value=20, unit="litre")
    one(figures(nlp, "The cell drew 1.3 A/cm2 in the trial."), value=1.3, unit="ampere per square centimetre")
    one(figures(nlp, "The alloy is rated at 60 ksi in the report."), value=60, unit="kilopound per square inch")


def test_chained_multiplier_words_and_money_pounds(nlp):
    one(figures(nlp, "The district plan will cost three lakh crore rupees."), value=3e12, unit="INR")
    one(figures(nlp, "The ministry set aside two thousand million pounds."), value=2e9, unit="GBP")
    one(figures(nlp, "The league paid two million pounds for the rights."), value=2e6, unit="GBP")
    one(figures(nlp, "Each fan paid 200 pounds for the ticket."), value=200, unit="GBP")
    one(figures(nlp, "The calf weighed 90 pounds at birth."), value=90, unit="pound-mass")
    one(figures(nlp, "The start-up raised $5MM in seed money."), value=5e6, unit="USD")
    one(figures(nlp, "The bolt is 5mm wide."), value=5, unit="millimetre")
    one(figures(nlp, "The fee was 40\u202f000 euros."), value=40000, unit="EUR")


def test_more_currency_signs_codes_and_names(nlp):
    one(figures(nlp, "The chipmaker earned NT$12 billion last year."), value=12e9, unit="TWD")
    one(figures(nlp, "The miner made R$2.5 billion in profit."), value=2.5e9, unit="BRL")
    one(figures(nlp, "The harvest fetched 300 million CFA francs."), value=3e8, unit="XOF")
    one(figures(nlp, "A kilo of rice cost 4 soles at the market."), value=4, unit="PEN")


def test_number_words_after_possessives_and_all_count(nlp):
    one(figures(nlp, "The farmer and their three children fled the flooding."), value=3, unit="children")
    one(figures(nlp, "All seventeen drills were successful."), value=17, unit="drills")
    assert not figures(nlp, "Lavrov and Blinken talked; the two ministers met on Friday.")   # names before: a reference


def test_that_before_a_count_and_years_naming_a_period(nlp):
    one(figures(nlp, "The clerk announced that eight harbour pilots had resigned."), value=8, unit="pilots")
    qs = figures(nlp, "Interest expense in the 1988 third quarter was $75.3 million.")
    assert not [q for q in qs if q.value == 1988]
    assert not [q for q in figures(nlp, "Profit rose in its 2021 fiscal year.") if q.value == 2021]


def test_us_and_imperial_before_a_measure(nlp):
    one(figures(nlp, "The canteen holds 5 US gallons of water."), value=5, unit="gallon")
    one(figures(nlp, "The landlord poured 3 imperial pints."), value=3, unit="pint")
    one(figures(nlp, "The frigate carried 300 US troops."), value=300, unit_class="troops")


def test_spaced_m_metres_or_millions(nlp):
    one(figures(nlp, "The sea wall is 12 m high."), value=12, unit="metre")
    one(figures(nlp, "She won the 100 m sprint."), value=100, unit="metre")
    one(figures(nlp, "The cooperative raised 12 m euros."), value=12e6, unit="EUR")
    one(figures(nlp, "The club raised £12 m last year."), value=12e6, unit="GBP")
    one(figures(nlp, "The census found 3 m people in the province."), value=3e6)


def test_model_names_with_numbers_before_the_thing_counted_and_half_a_unit(nlp):
    one(figures(nlp, "The ministry sent 20 Leopard 2 tanks to the border."), value=20, unit="tanks")
    one(figures(nlp, "The carrier ordered 100 Boeing 737 Max jets."), value=100, unit="jets")
    assert not figures(nlp, "The 787 Dreamliner flew again.")
    one(figures(nlp, "The council raised the levy by half a percentage point."), value=0.5, unit="percentage point")
    one(figures(nlp, "The census counted 67.1 million residents."), value=67100000)


def test_half_of_and_glued_times(nlp):
    one(figures(nlp, "Half of the villagers fled the shelling."), value=0.5, unit="villagers")
    assert not figures(nlp, "Shelling eased in the second half of the month.")
    one(figures(nlp, "Exports grew 3.5x in a decade."), value=3.5, unit="count")


def test_a_rate_holds_for_both_ends_of_a_change(nlp):
    q = one(figures(nlp, "The ferry fare went from $12 a ticket to $15 last spring."), value=15)
    assert q.from_value == 12 and q.unit == "USD per ticket"


def test_newsquant_laxity_only_for_things_counted():
    from sitrep.eval.newsquant import units_match
    assert units_match("touchdowns", "touch down")
    assert units_match("barrel", "barrel of oil")
    assert not units_match("metre", "square metre")
    assert not units_match("USD", "australian dollar")
    assert not units_match("kilometre", "cubic kilometre")
    assert units_match("INR", "rupee") and units_match("parts-per-million", "part per million")


def test_the_thing_counted_is_the_head_of_its_phrase(nlp):
    one(figures(nlp, "Medics treated 30 COVID -19 patients at the field clinic."), value=30, unit="patients")
    one(figures(nlp, "The brigade received 40 Stinger anti-aircraft missiles."), value=40, unit="missiles")
    one(figures(nlp, "Volunteers handed out thousands of COVID -19 tests."), unit="tests")
    one(figures(nlp, "Pilots flew two F -16 jets over the bay."), value=2, unit="jets")


def test_a_spaced_dash_range_needs_a_unit_after_it(nlp):
    one(figures(nlp, "Fuel prices rose 10 - 20 percent in the north."), low=10, high=20, unit="percent")
    one(figures(nlp, "Shelling killed 10 - 20 civilians near the port."), low=10, high=20, unit="civilians")
    assert figures(nlp, "The home side won 3 - 1 on Sunday.") == []


def test_the_number_word_points_back_only_when_names_came_before(nlp):
    one(figures(nlp, "The two delegations have been talking since spring."), value=2, unit="delegations")
    assert figures(nlp, "Kyiv hosted Warsaw and Vilnius envoys, and the three capitals agreed on aid.") == []
    one(figures(nlp, "The convoy stopped in only one village."), value=1, unit="village")
    assert figures(nlp, "Fighting continued in one region.") == []


def test_a_unit_left_out_is_taken_from_the_parallel_figure(nlp):
    qs = figures(nlp, "The lira slid by 2 percent on Monday but the rouble fell by 1.")
    one(qs, value=1, unit="percent")
    qs = figures(nlp, "Gauge A read at 1,210.5 points and gauge B closed at 1,180.25.")
    one(qs, value=1180.25, unit="points")
    qs = figures(nlp, "Wheat rose 4% to 1,350 in the spring.")
    assert one(qs, value=1350).unit is None                 # no parallel: not the percent


def test_a_multiplier_glued_to_a_currency_code(nlp):
    qs = figures(nlp, "The drone maker raised 5 MUSD and booked 2-3 MEUR in orders.")
    one(qs, value=5e6, unit="USD")
    one(qs, low=2e6, high=3e6, unit="EUR")


def test_one_counts_a_noun_with_adjectives_before_it(nlp):
    one(figures(nlp, "The aid group opened one new field hospital near Kharkiv."), value=1, unit="hospital")
    assert figures(nlp, "Sappers cleared one part of the road.") == []


def test_an_enumerator_takes_no_unit_from_the_figure_before(nlp):
    qs = figures(nlp, "Its rules: 1 ) walk 2 miles daily; and 3 ) rest.")
    assert [q.value for q in qs] == [2]


def test_a_street_address_is_no_figure(nlp):
    assert figures(nlp, "The envoy lived at 14 W 52nd St until the war.") == []
    assert figures(nlp, "Crowds gathered at 8 E Victory Avenue.") == []


def test_one_after_a_preposition_counts_unless_it_means_a_certain(nlp):
    one(figures(nlp, "The sergeant pleaded guilty to one charge of looting."), value=1, unit="charge")
    one(figures(nlp, "Donors sent fuel for one generator."), value=1, unit="generator")
    assert figures(nlp, "Shelling went on in one district and on one bank.") == []


def test_a_glued_one_letter_unit_closing_the_sentence(nlp):
    one(figures(nlp, "The column stretched for 800m."), value=800, unit="metre")
    one(figures(nlp, "Each ration weighs 450g."), value=450, unit="gram")


def test_a_multiplier_and_a_glued_m_before_a_plural(nlp):
    qs = figures(nlp, "Officials put the displaced at 1.5 and 2 million residents.")
    one(qs, value=1.5e6, unit="residents")
    one(qs, value=2e6, unit="residents")
    one(figures(nlp, "The region hosts 2.1m Syrian refugees."), value=2.1e6, unit="refugees")
    one(figures(nlp, "The wall is 3m high."), value=3, unit="metre")


def test_article_a_before_a_dollar_and_plural_multipliers(nlp):
    one(figures(nlp, "A $2.5M grant reached the shelters."), value=2.5e6, unit="USD")
    one(figures(nlp, "Canberra pledged A $5 million."), value=5e6, unit="AUD")
    one(figures(nlp, "The fund holds $1.2bil in reserves."), value=1.2e9, unit="USD")
    one(figures(nlp, "Some 2.5 millions of refugees crossed."), value=2.5e6, unit="refugees")


def test_a_fraction_of_a_figure_counts_the_same_things(nlp):
    qs = figures(nlp, "Nearly half of the 240 evacuated families returned.")
    one(qs, value=0.5, unit="share of families")
    one(qs, value=240, unit="families")


def test_two_digits_joined_by_or_before_things_counted_are_a_range(nlp):
    one(figures(nlp, "Witnesses saw 5 or 6 armoured vehicles."), low=5, high=6, unit="vehicles")
    qs = figures(nlp, "Medics gave 20 or 40 mg doses.")
    assert not [q for q in qs if q.low == 20]                 # two doses, not a range


def test_half_before_a_determiner(nlp):
    one(figures(nlp, "Nearly half the garrison surrendered."), value=0.5, unit="garrison")
    assert figures(nlp, "Half the time the radio was silent.") == []


def test_a_list_of_bare_numbers_takes_the_measure_at_its_end(nlp):
    qs = figures(nlp, "Inflation ran at 6, 8 and 11 percent in the three provinces.")
    assert [q.unit for q in qs if q.value in (6, 8, 11)] == ["percent"] * 3
    assert not [q for q in figures(nlp, "In 2022, 5 percent of the staff left.") if q.value == 2022]


def test_units_from_quantulum3s_table_and_symbols(nlp):
    qs = figures(nlp, "Divers found the hull at 35 fathoms, and the mine held a charge of 20 kton.")
    assert one(qs, value=35).unit == "fathom"                  # a name only quantulum3's table has
    assert one(qs, value=20).unit == "kiloton"                 # a symbol only quantulum3's table has
    qs = figures(nlp, "The company sold 12 Tesla cars to the 40 Newton families.")
    assert one(qs, value=12).unit != "tesla" and one(qs, value=40).unit != "newton"   # names stay names
    qs = figures(nlp, "The patrol boat sailed 14 nmi at 25 kt into the wind; the old bomb was 15 kt.")
    assert one(qs, value=14).unit == "nautical mile"
    assert one(qs, value=25).unit == "knot"                    # a boat and wind: knots
    assert one(figures(nlp, "The test device yielded 2 Mt and a later one 50 kt."), value=2).unit == "megaton"
    assert one(figures(nlp, "The probe came within 1.5 AU of the Sun."), value=1.5).unit == "astronomical unit"
    assert one(figures(nlp, "Pints were 6 quid each."), value=6).unit == "GBP"
    assert one(figures(nlp, "The 40 AU delegates voted."), value=40).unit == "delegates"


def test_a_glued_m_after_a_count_noun_is_millions(nlp):
    qs = figures(nlp, "The region has a population of 4.2m and a yearly budget of 3m.")
    assert one(qs, value=4_200_000).unit is None
    assert one(qs, value=3_000_000).unit is None
    assert one(figures(nlp, "The wall is 3m high."), value=3).unit == "metre"


def test_compound_units_keep_both_parts(nlp):
    qs = figures(nlp, "The tractor delivers 520 lb ft of torque while snow fell at 8 mm/h.")
    assert one(qs, value=520).unit == "pound-foot"
    assert one(qs, value=8).unit == "millimetre per hour"
    assert one(figures(nlp, "She swam the distance in 52.7s."), value=52.7).unit == "second"


def test_a_bare_number_takes_the_unit_of_a_parallel_or_changed_figure(nlp):
    qs = figures(nlp, "The north counted 1,200, while the south reported 1,450 deaths.")
    assert one(qs, value=1200).unit == one(qs, value=1450).unit == "deaths"
    qs = figures(nlp, "Mileage went from about 30-35 mpg to 41 on the new model.")
    assert one(qs, value=41).unit == "mile per gallon"
    qs = figures(nlp, "The index slid 61.2 points to 6,480.3 on Monday.")
    assert one(qs, value=6480.3).unit == "points"
    qs = figures(nlp, "Rent is 900 dollars a month, up from 850.")
    assert one(qs, value=850).unit == "USD per month"


def test_a_noun_or_a_number_word_counts_the_noun(nlp):
    assert one(figures(nlp, "The talks may take a week or two."), value=2).unit == "week"
    assert one(figures(nlp, "The club hopes to sign another striker or two."), value=2).unit == "striker"


def test_units_q3_table_is_well_formed_and_below_units_yaml():
    from sitrep.extract.numbers import Q3, Lex, _norm
    lines = Q3.read_text(encoding="utf-8").splitlines()
    assert lines[0].startswith("#") and "quantulum3" in lines[0] and lines[3] == "kind\tsurface\tunit\tgroup"
    ours = Lex(q3=None)
    for line in lines[4:]:
        kind, surface, unit, group = line.split("\t")
        assert kind in ("symbol", "name", "phrase") and unit and group
        assert _norm(surface) not in ours.measures or kind == "symbol"     # units.yaml's words are never overridden
        assert surface not in ours.cased


def test_a_conversion_glued_to_its_compound_word_and_a_date_stays_bare(nlp):
    q = one(figures(nlp, "Workers raised a 12m (39ft)-high mast."), value=12)
    assert q.unit == "metre" and q.converted == ((39.0, "foot"),)
    qs = figures(nlp, "Prices fell on May 4, and she bought a 30-acre plot.")
    assert not [q for q in qs if q.value == 4 and q.unit]        # a date does not take the next figure's unit


def test_a_numbered_model_in_the_plural_is_the_thing_counted(nlp):
    assert one(figures(nlp, "The carrier leased 14 Airbus 320s."), value=14).unit == "Airbus 320s"
    assert one(figures(nlp, "Rebels downed two Su-25s."), value=2).unit == "Su-25s"


def test_a_figure_on_a_unit_scale_takes_the_unit(nlp):
    assert one(figures(nlp, "Lab samples scored between 20 and 30 on the kPa scale."), low=20).unit == "kilopascal"
    assert not [q for q in figures(nlp, "Patients rated it 6 on the pain scale.") if q.unit]


def test_n_of_its_last_m_things(nlp):
    qs = figures(nlp, "The side lost 4 of its last 7 matches.")
    assert one(qs, value=4).unit == one(qs, value=7).unit == "matches"


def test_a_bare_number_before_x_or_by_takes_the_measure(nlp):
    qs = figures(nlp, "The banner is 3 x 8 metres and the image 640 by 480 pixels.")
    assert one(qs, value=3).unit == "metre" and one(qs, value=640).unit == "pixel"


def test_an_index_level_after_a_change_in_points_is_in_points(nlp):
    qs = figures(nlp, "The Hang Seng shed 310 points, or 1.1%, to 27,450.")
    assert one(qs, value=27450).unit == "points"
    qs = figures(nlp, "The CAC 40 finished 42.5 points lower at 6,610.8.")
    assert one(qs, value=6610.8).unit == "points"


def test_a_number_between_commas_after_a_person_noun_is_an_age(nlp):
    assert one(figures(nlp, "The driver, 47, was taken to hospital."), value=47).unit == "year of age"
    assert not [q for q in figures(nlp, "The agency, 12, said nothing.") if q.unit == "year of age"]


def test_a_figure_before_magnitude_is_a_magnitude(nlp):
    assert one(figures(nlp, "A 5.9 magnitude tremor shook the valley."), value=5.9).unit == "magnitude"


def test_hyphenated_magnitude_is_read(nlp):
    qs = figures(nlp, "A 5.8-magnitude tremor shook the valley towns overnight.")
    one(qs, value=5.8, unit="magnitude")


def test_time_after_a_count_is_not_its_unit(nlp):
    qs = figures(nlp, "The keeper made 41 saves this season and 37 last season.")
    one(qs, value=41, unit="saves")
    q = one(qs, value=37)
    assert q.unit is None
    qs = figures(nlp, "Four past commanders attended.")
    one(qs, value=4, unit="commanders")


def test_temperature_range_in_one_token(nlp):
    qs = figures(nlp, "Forecasters expect 18C-23C across the plain on Tuesday.")
    q = one(qs, low=18, high=23)
    assert q.unit == "celsius"


def test_one_letter_currency_glued_only_as_an_amount(nlp):
    qs = figures(nlp, "A taxi ride now costs R85 and the council borrowed R2,750 million.")
    one(qs, value=85, unit="ZAR")
    one(qs, value=2_750_000_000, unit="ZAR")
    assert figures(nlp, "The column drove north on the R61 past Queenstown.") == []


def test_cue_between_figure_and_unit(nlp):
    qs = figures(nlp, "Medics treated 60-odd patients while 250-plus volunteers and 15 or so nurses helped.")
    one(qs, value=60, unit="patients", approx="about")
    one(qs, value=250, unit="volunteers", approx="at_least")
    one(qs, value=15, unit="nurses", approx="about")
    qs = figures(nlp, "The insurer faces 400+ claims worth £3bn+ in all.")
    one(qs, value=400, unit="claims", approx="at_least")
    one(qs, value=3_000_000_000, approx="at_least")


def test_level_a_change_reached_is_a_figure(nlp):
    qs = figures(nlp, "By evening the toll of the landslide had climbed steadily to 86.")
    one(qs, value=86)
    assert figures(nlp, "The meeting was pushed back to 4.") == []      # not a verb of change


def test_count_after_a_name_or_a_month(nlp):
    qs = figures(nlp, "A medic told Interfax 23 people were trapped.")
    one(qs, value=23, unit="people")
    qs = figures(nlp, "Since last August 600 families have left the village.")
    one(qs, value=600, unit="families")
    assert figures(nlp, "The Airbus 320 fleet was grounded on June 4.") == []


def test_no_break_spaces_do_not_cut_a_figure(pipeline):
    raw = "The ministry said 300\u00a0troops and $5\u00a0billion in aid reached the border by 10\u202f000 trucks."
    doc = Document.new(raw)
    assert len(doc.text) == len(raw) and "\u00a0" not in doc.text and "\u202f" not in doc.text
    assert doc.id == Document.new(raw.replace("\u00a0", " ").replace("\u202f", " ")).id
    qs = pipeline.run(doc).quantities
    for q in qs:
        assert doc.text[q.start:q.end] == q.text
    got = {(q.text, q.value, q.unit) for q in qs}
    assert {("300 troops", 300, "troops"), ("$5 billion", 5e9, "USD"), ("10 000 trucks", 10000, "trucks")} <= got, got
