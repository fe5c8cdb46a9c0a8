"""Written number forms the quantities stage reads (sentences of our own, invented): a number
hyphened to a counted noun, words the tokenizer glues to a number, dot-grouped thousands,
fractions as the size of a change, ordinals that look like fractions, shared multipliers and
thousands in ranges, and currency signs before a figure."""
from __future__ import annotations

import pytest

from quantity_helpers import figures


@pytest.fixture(scope="module")
def nlp(pipeline):
    return pipeline.nlp


def values(qs):
    return [(q.value if q.value is not None else (q.low, q.high)) for q in qs]


@pytest.mark.parametrize("text,value,unit", [
    ("The ministry opened a 600-bed field hospital near the front.", 600, "bed"),
    ("Engineers finished a 45,000-seat arena outside the port town.", 45000, "seat"),
    ("The commission released a 300-page report on the shelling.", 300, "page"),
    ("A 12-storey tower block was hit overnight.", 12, "storey"),
])
def test_number_hyphened_to_counted_noun(nlp, text, value, unit):
    qs = figures(nlp, text)
    assert [(q.value, q.unit) for q in qs] == [(value, unit)]


@pytest.mark.parametrize("text", [
    "A third-party audit found no fault with the convoy.",
    "The rebels held a half-time lead in the local cup final.",
    "They signed a 30-day truce on Sunday.",
    "He is serving a 25-year sentence in the capital.",
])
def test_hyphened_kinds_are_not_counts(nlp, text):
    assert figures(nlp, text) == []


def test_word_glued_to_number(nlp):
    qs = figures(nlp, "Her now-18 month-old nephew was evacuated with the convoy.")
    assert [(q.value, q.unit) for q in qs] == [(18, "month of age")]
    qs = figures(nlp, "Officials put the displaced at 120,000 to-150,000 residents.")
    assert [(q.low, q.high, q.unit) for q in qs] == [(120000, 150000, "residents")]


def test_dot_grouped_thousands(nlp):
    qs = figures(nlp, "The relief fund collected 2.750.000 euros in a month.")
    assert [(q.value, q.unit) for q in qs] == [(2750000, "EUR")]
    assert figures(nlp, "The relay server at 10.120.200.250 went offline.") == []


@pytest.mark.parametrize("text,value", [
    ("Grain exports fell by a third after the blockade.", 1 / 3),
    ("The garrison was cut by half.", 0.5),
    ("Fuel deliveries dropped by one-fifth, the agency said.", 0.2),
])
def test_fraction_as_size_of_change(nlp, text, value):
    assert values(figures(nlp, text)) == [pytest.approx(value)]


@pytest.mark.parametrize("text", [
    "The dispute went to a third party for review.",
    "The convoy was struck by a fourth drone at dawn.",
])
def test_ordinal_is_not_a_fraction(nlp, text):
    assert figures(nlp, text) == []


def test_range_shares_multiplier_and_thousands(nlp):
    assert values(figures(nlp, "Observers put the crowd at 50-60 thousand.")) == [(50000, 60000)]
    assert values(figures(nlp, "The floods displaced 10-15,000 people.")) == [(10000, 15000)]
    assert values(figures(nlp, "The storm destroyed 2-3,000 homes.")) == [(2000, 3000)]
    assert values(figures(nlp, "Between 100-1,000 people attended the vigil.")) == [(100, 1000)]


@pytest.mark.parametrize("text,value,unit", [
    ("The utility lost Rs. 500 crore in the quarter.", 5e9, "INR"),
    ("The cabinet set aside Tk 300 crore for the embankments.", 3e9, "BDT"),
    ("The province received Rp 4 trillion for the roads.", 4e12, "IDR"),
    ("The council spent GH¢ 1.2 billion on the bridges.", 1.2e9, "GHS"),
])
def test_currency_signs_before_figure(nlp, text, value, unit):
    qs = figures(nlp, text)
    assert [(q.value, q.unit) for q in qs] == [(pytest.approx(value), unit)]


@pytest.mark.parametrize("text", [
    "The carrier grounded its Boeing 737 MAX 8 fleet on Tuesday.",
    "The patient was treated for stage 4 cancer.",
    "Clinics began phase 3 trials in the spring.",
    "The 3M plant and a 7-Eleven store were closed.",
])
def test_names_with_numbers_are_not_figures(nlp, text):
    assert figures(nlp, text) == []


def test_capital_multiplier_letter_still_counts(nlp):
    assert [(q.value, q.unit) for q in figures(nlp, "The appeal reached 4M donors.")] == [(4e6, "donors")]
    assert [(q.value, q.unit) for q in figures(nlp, "The state paid a $3M settlement.")] == [(3e6, "USD")]


def test_bare_count_of_casualties_in_passive(nlp):
    qs = figures(nlp, "In the border village, 9 were killed and 21 injured.")
    assert [(q.value, q.unit_class) for q in qs] == [(9, "killed"), (21, "wounded")]
    qs = figures(nlp, "The governor said 6 have been wounded.")
    assert [(q.value, q.unit_class) for q in qs] == [(6, "wounded")]


def test_age_between_commas_after_a_rank(nlp):
    qs = figures(nlp, "The colonel, 47, said the bridge would hold.")
    assert [(q.value, q.unit) for q in qs] == [(47, "year of age")]


@pytest.mark.parametrize("text,value,unit", [
    ("The ruling party's lead shrank 1.5pp in a week.", 1.5, "percentage point"),
    ("The central bank lifted rates by 75bps.", 75, "basis point"),
    ("The link to the base runs at 20 Mbps.", 20, "megabit per second"),
    ("The town council approved 4,5 million euros for shelters.", 4.5e6, "EUR"),
    ("A loaf now costs 2,40 euros in the capital.", 2.4, "EUR"),
])
def test_percentage_points_basis_points_decimal_comma(nlp, text, value, unit):
    assert [(q.value, q.unit) for q in figures(nlp, text)] == [(pytest.approx(value), unit)]


def test_word_range_shares_multiplier(nlp):
    assert values(figures(nlp, "Two to three thousand villagers crossed the river.")) == [(2000, 3000)]
    assert values(figures(nlp, "Between four and five hundred trucks waited.")) == [(400, 500)]


def test_per_cent_hyphened(nlp):
    assert [(q.value, q.unit) for q in figures(nlp, "Prices rose 3.1 per-cent in the port.")] == [(3.1, "percent")]


def test_year_like_number_counting_a_plural(nlp):
    assert [(q.value, q.unit) for q in figures(nlp, "The stadium sold 1500 tickets.")] == [(1500, "tickets")]
    assert figures(nlp, "In 2021 elections were held across the region.") == []
    assert figures(nlp, "The 2019 figures were revised.") == []


def test_four_digit_model_number(nlp):
    assert figures(nlp, "The old radio used a 6502 processor.") == []


@pytest.mark.parametrize("text,unit", [
    ("The engineer said that one of the generators failed.", "generators"),
    ("One of Ruritania's largest refineries was struck.", "refineries"),
])
def test_one_of_a_plural_counts_it(nlp, text, unit):
    assert [(q.value, q.unit) for q in figures(nlp, text)] == [(1, unit)]


def test_one_of_the_few_is_an_idiom(nlp):
    assert figures(nlp, "It is one of the very few cafes still open in the old town.") == []


@pytest.mark.parametrize("text,expected", [
    ("The jobless rate climbed to 6.3 from 5.8 percent in the province.", [(6.3, "percent"), (5.8, "percent")]),
    ("The lender trimmed its outlook to 1.9 from 2.2 per cent.", [(1.9, "percent"), (2.2, "percent")]),
    ("The regional index slipped to 412.5 from 420.1 points.", [(412.5, "points"), (420.1, "points")]),
])
def test_level_to_from_shares_the_unit_after(nlp, text, expected):
    assert [(q.value, q.unit) for q in figures(nlp, text)] == expected


@pytest.mark.parametrize("text,value,unit", [
    ("The coastal squadron sent 6 F-16 jets to the island.", 6, "jets"),
    ("The republic ordered 4 S-300 batteries last spring.", 4, "batteries"),
])
def test_model_token_before_a_plural(nlp, text, value, unit):
    assert [(q.value, q.unit) for q in figures(nlp, text)] == [(value, unit)]


def test_list_shares_the_multiplier(nlp):
    qs = figures(nlp, "The port's income grew by 2, 6 and 7 million dollars over three years.")
    assert [(q.value, q.unit) for q in qs][:3] == [(2e6, "USD"), (6e6, "USD"), (7e6, "USD")]
    qs = figures(nlp, "The valleys hold 15, 25 and 40 thousand sheep.")
    assert [(q.value, q.unit) for q in qs] == [(15000, "sheep"), (25000, "sheep"), (40000, "sheep")]


@pytest.mark.parametrize("text,expected", [
    ("The militia freed 9 fishermen on Friday and 7 more on Saturday.", [(9, "fishermen"), (7, "fishermen")]),
    ("Rangers found 40 nests in May and another 35 in June.", [(40, "nests"), (35, "nests")]),
])
def test_more_or_another_counts_the_same_thing(nlp, text, expected):
    assert [(q.value, q.unit) for q in figures(nlp, text)] == expected


def test_more_after_money_takes_no_unit(nlp):
    qs = figures(nlp, "She paid $8 for the map and 4 more for a lamp.")
    assert [(q.value, q.unit) for q in qs if q.unit] == [(8, "USD")]


@pytest.mark.parametrize("text,value,unit", [
    ("About 900 newly built flats stood empty.", 900, "flats"),
    ("The ministry sent 250 specially trained nurses.", 250, "nurses"),
])
def test_adverb_and_participle_before_the_noun(nlp, text, value, unit):
    assert [(q.value, q.unit) for q in figures(nlp, text)] == [(value, unit)]


@pytest.mark.parametrize("text,value,unit", [
    ("A permit now costs Rs750 in the hill district.", 750, "INR"),
    ("Traders paid Ksh3,200 for a sack.", 3200, "KES"),
    ("A night at the inn costs Dh420.", 420, "AED"),
    ("The canal authority earned Rs4bn last year.", 4e9, "INR"),
])
def test_letter_sign_glued_before_an_amount(nlp, text, value, unit):
    assert [(q.value, q.unit) for q in figures(nlp, text)] == [(value, unit)]


def test_letter_sign_glued_to_a_small_number_is_a_name(nlp):
    assert figures(nlp, "The old Tk3 coin is rare.") == []


@pytest.mark.parametrize("text", [
    "Families of those lost in the Vostok 212 crash gathered at the port.",
    "A Zarya 469 truck with no plates was seen near the bridge.",
])
def test_maker_and_number_before_a_singular_is_a_model(nlp, text):
    assert figures(nlp, text) == []


def test_name_then_count_of_a_plural_is_kept(nlp):
    assert [(q.value, q.unit) for q in figures(nlp, "An official told Interfax 35 people had been evacuated.")] == [(35, "people")]


@pytest.mark.parametrize("text,value,unit", [
    ("Around 200 \u201cNorth Star\u201d volunteers reached the town.", 200, "volunteers"),
    ('Some 60 "Grey Wolf" patrols were seen along the river.', 60, "patrols"),
])
def test_quoted_name_before_the_counted_noun(nlp, text, value, unit):
    assert [(q.value, q.unit) for q in figures(nlp, text)] == [(value, unit)]


@pytest.mark.parametrize("text", [
    "Such habits belong to the 19 th century.",
    "The 22 nd session of the council opened.",
])
def test_ordinal_spaced_apart_is_no_figure(nlp, text):
    assert figures(nlp, text) == []


@pytest.mark.parametrize("text,value,unit", [
    ("About 450 Syrians work at the brick factory.", 450, "Syrians"),
    ("Nearly 60 Britons live in the old quarter.", 60, "Britons"),
    ("Some 900 Iraqis crossed at dawn.", 900, "Iraqis"),
])
def test_people_named_in_the_plural_are_counted(nlp, text, value, unit):
    assert [(q.value, q.unit) for q in figures(nlp, text)] == [(value, unit)]


@pytest.mark.parametrize("text,expected", [
    ("The board has 12 members, 4 of them elected.", [(12, "members"), (4, "members")]),
    ("Guards stopped 25 trucks, 9 of which carried flour.", [(25, "trucks"), (9, "trucks")]),
])
def test_n_of_them_counts_the_thing_before(nlp, text, expected):
    assert [(q.value, q.unit) for q in figures(nlp, text)] == expected


def test_one_and_a_half_million_is_a_figure(nlp):
    assert [(q.value, q.unit) for q in figures(nlp, "One and a half million farmers lost their crops.")] == [(1.5e6, "farmers")]


@pytest.mark.parametrize("text", [
    "Lamb now sells for $7 a pound at the market.",
    "Dried figs rose to 3.40 dollars per pound.",
])
def test_price_a_pound_is_by_weight(nlp, text):
    assert [q.unit for q in figures(nlp, text)] == ["USD per pound-mass"]


@pytest.mark.parametrize("text,value", [
    ("Volunteers aged between 20 and 30 joined the survey.", (20, 30)),
    ("Pupils ages 6 to 10 return to class on Monday.", (6, 10)),
])
def test_age_range_after_aged(nlp, text, value):
    assert [(values([q])[0], q.unit) for q in figures(nlp, text)] == [(value, "year of age")]


def test_ages_of_names_in_a_list(nlp):
    qs = figures(nlp, "Lena Varga, 36, and Piet Molen, 27, were questioned.")
    assert [(q.value, q.unit) for q in qs] == [(36, "year of age"), (27, "year of age")]


@pytest.mark.parametrize("text,value", [
    ("Children under 4 get the syrup free.", 4),
    ("Residents over 75 may vote by post.", 75),
])
def test_people_under_or_over_a_number_is_an_age(nlp, text, value):
    assert [(q.value, q.unit) for q in figures(nlp, text)] == [(value, "year of age")]


def test_under_or_over_before_a_unit_is_no_age(nlp):
    assert [q.unit for q in figures(nlp, "Workers over 40 percent of the shift were idle.")] == ["percent"]


def test_may_after_a_number_is_a_modal(nlp):
    assert [(q.value, q.unit) for q in figures(nlp, "Voters over 80 may cast ballots at home.")] == [(80, "year of age")]
    assert figures(nlp, "The talks resume on 5 May in the capital.") == []


def test_of_which_n_counts_the_thing_before(nlp):
    qs = figures(nlp, "The depot held 80 shells, of which 50 were destroyed.")
    assert [(q.value, q.unit) for q in qs] == [(80, "shells"), (50, "shells")]


def test_fps_is_frames_per_second(nlp):
    assert [(q.value, q.unit) for q in figures(nlp, "The console renders the race at 90fps.")] == [(90, "frame per second")]


@pytest.mark.parametrize("text,value,unit", [
    ("Markets expect a 75-basis-point hike next week.", 75, "basis point"),
    ("A 0.4-percentage-point rise in joblessness followed.", 0.4, "percentage point"),
    ("The mayor holds a 2.5-point lead in the latest poll.", 2.5, "point"),
])
def test_hyphened_points_before_a_noun(nlp, text, value, unit):
    assert [(q.value, q.unit) for q in figures(nlp, text)] == [(value, unit)]


def test_company_letters_are_no_basis_points(nlp):
    assert [q.unit for q in figures(nlp, "He sold 200 BP shares last week.")] == ["shares"]


@pytest.mark.parametrize("text,value,unit", [
    ("The ferry contract is worth 2 billion Norwegian crowns.", 2e9, "NOK"),
    ("The club was fined 30 million Swedish crowns.", 3e7, "SEK"),
])
def test_nordic_crowns_by_country(nlp, text, value, unit):
    assert [(q.value, q.unit) for q in figures(nlp, text)] == [(value, unit)]


def test_euro_cents_are_hundredths(nlp):
    assert [(q.value, q.unit) for q in figures(nlp, "A stamp now costs 95 euro cents.")] == [(95, "cent")]


def test_odd_glued_forms_trillions_cents_decimal_comma_dot_thousands(nlp):
    qs = figures(nlp, "The Varn fund holds £1.2tr, a coffee in Pelk costs 80¢, turnout in the east was 45,6% "
                      "and 12,5 per cent in the west, and the brigade fired 1.500 shells; the index rose 1.125 points "
                      "and the rod is 1.250 metres long.")
    assert [(v, q.unit) for v, q in zip(values(qs), qs)] == [
        (1.2e12, "GBP"), (80.0, "cent"), (45.6, "percent"), (12.5, "percent"), (1500.0, "shells"),
        (1.125, "points"), (1.25, "metre")]


def test_short_forms_of_counted_nouns_are_named_by_the_noun(nlp):
    qs = figures(nlp, "The Harlan party leads by 4 pts, and about 200 ppl joined its rally in Vesk.")
    assert [(q.value, q.unit, q.unit_class) for q in qs] == [(4.0, "points", "point"), (200.0, "people", "people")]


def test_a_multiplier_word_or_a_long_unit_glued_to_the_number(nlp):
    qs = figures(nlp, "Orvik joined Tamsford for £12million, some 1.5million people watched, and the trial "
                      "of its owner took 5years.")
    assert [(v, q.unit) for v, q in zip(values(qs), qs)] == [(12e6, "GBP"), (1.5e6, "people"), (5.0, "year")]


def test_a_change_by_then_the_level_reached_is_no_range(nlp):
    qs = figures(nlp, "Shares in Tolvik slumped by a fifth to 220p and Marrow dipped 4p to 118p, "
                      "while exports rose by 2 to 3 percent.")
    assert values(qs) == [0.2, 220.0, 4.0, 118.0, (2.0, 3.0)]


@pytest.mark.parametrize("text,value,unit,surface", [
    ("The shelling of Dravo left 12,injured and two missing.", 12, "injured", "12,injured"),
    ("Volunteers in Kestel counted 40,refugees at the ford.", 40, "refugees", "40,refugees"),
    ("The Orvel fund paid USD,100 to each family.", 100, "USD", "USD,100"),
    ("Each family in Marn received EUR,250 from the council.", 250, "EUR", "EUR,250"),
])
def test_a_comma_typed_for_a_space(nlp, text, value, unit, surface):
    """A comma glued on both sides between a number and a word is a missing space, not a list."""
    qs = figures(nlp, text)
    assert [(q.value, q.unit, q.text) for q in qs][:1] == [(value, unit, surface)]


def test_a_glued_comma_in_a_list_of_counts_stays_a_comma(nlp):
    qs = figures(nlp, "The raid on Dravo killed 12,wounded 30 and left two missing.")
    assert [(q.value, q.unit, q.text) for q in qs][:2] == [(12, "killed", "12"), (30, "wounded", "30")]


def test_a_comma_inside_a_number_stays_a_number(nlp):
    qs = figures(nlp, "The Orvel fund paid 11,000 families and USD 1,500 each.")
    assert [(q.value, q.unit) for q in qs] == [(11000, "families"), (1500, "USD")]
