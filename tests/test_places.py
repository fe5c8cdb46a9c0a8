"""Places: gazetteer lookups, context disambiguation, curation (our own sentences)."""
from __future__ import annotations

from sitrep.extract.places import GAZETTEER, Gazetteer
from sitrep.model import Document


def places(pipeline, text):
    doc = Document.new(text, published="2024-11-12")
    recs = pipeline.run(doc)
    for p in recs.places:
        for m in p.mentions:
            assert doc.text[m.start:m.end] == m.text
    return {(p.name, p.country): p for p in recs.places}


def test_gazetteer_is_compact_and_has_oblasts_and_regions():
    assert GAZETTEER.stat().st_size < 5_000_000
    g = Gazetteer()
    kinds = {g.rows[i].kind for i in g.candidates("Kursk")}
    assert kinds == {"city", "region"}
    for name in ("Zaporizhzhia", "Luhansk", "Kherson", "Belgorod", "Crimea", "Eastern Europe", "Northeast Asia",
                 "Middle East", "Europe", "Asia"):
        assert g.candidates(name), name
    for junk in ("Winston", "Michel", "Alliance"):
        assert not g.candidates(junk), junk


def test_oblast_when_the_text_says_region_else_city(pipeline):
    p = places(pipeline, "Shelling hit the Belgorod region overnight. In the city of Kharkiv, a school burned.")
    assert p[("Belgorod", "RUS")].kind == "region"
    assert p[("Kharkiv", "UKR")].kind == "city"
    p = places(pipeline, "Drones were shot down over the regions of Sumy, Poltava and Cherkasy.")
    assert {p[(n, "UKR")].kind for n in ("Sumy", "Poltava", "Cherkasy")} == {"region"}


def test_ambiguous_names_follow_the_document(pipeline):
    p = places(pipeline, "Protesters gathered in Moscow, where police detained dozens.")
    assert ("Moscow", "RUS") in p
    p = places(pipeline, "The university in Moscow, Idaho, cancelled classes after the storm hit Idaho.")
    assert ("Moscow", "USA") in p and ("Idaho", "USA") in p


def test_people_and_organisations_are_not_places(pipeline):
    p = places(pipeline, "Analysts at the Kiel Institute compared the speech of Winston Churchill with one "
                         "given in Paris.")
    assert ("Kiel", "DEU") not in p and ("Paris", "FRA") in p
    assert not any(name == "Winston" for name, _ in p)


def test_countries_are_places_where_something_happens(pipeline):
    p = places(pipeline, "Troops were sent to Belarus for exercises. Ukraine said it would respond.")
    assert p[("Belarus", "BLR")].kind == "country"
    assert p[("Belarus", "BLR")].lat is not None
    assert ("Ukraine", "UKR") not in p        # acting, not a place here


def test_every_curated_place_row_is_documented():
    from sitrep.extract.places import DATA
    for n, line in enumerate((DATA / "places-curated.tsv").read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        cols = line.split("\t")
        assert len(cols) == 8, f"places-curated.tsv line {n}: 8 tab-separated columns"
        assert cols[7].strip(), f"places-curated.tsv line {n}: help column is empty"
        assert not cols[6] or cols[6].isdigit(), f"places-curated.tsv line {n}: GeoNames id {cols[6]!r}"
        assert cols[1] in ("region", "continent", "sea", "river", "country", "city"), f"line {n}: kind {cols[1]!r}"


def test_provinces_abroad_have_geonames_ids(pipeline):
    p = places(pipeline, "Monsoon rains flooded villages across Tamil Nadu and Kerala, officials in India said.")
    assert p[("Tamil Nadu", "IND")].kind == "region" and p[("Tamil Nadu", "IND")].geonameid
    assert ("Kerala", "IND") in p


def test_small_towns_only_in_their_own_countrys_news(pipeline):
    p = places(pipeline, "Residents of Sequim, Washington, queued for bottled water after the storm knocked out "
                         "the pumps in Washington state.")
    assert ("Sequim", "USA") in p


def test_resolving_demonyms_and_names_inside_names():
    from sitrep.extract.places import load_gazetteer, resolve
    g = load_gazetteer()
    assert resolve(g, "Colorado State University").name == "Colorado"
    assert resolve(g, "Atlantic").kind == "sea"
    assert resolve(g, "Hawaii", {"USA": 1.0}).kind == "region"


def test_local_news_towns_lie_in_the_state_of_the_others(pipeline):
    from sitrep.extract.places import load_gazetteer
    p = places(pipeline, "Flooding closed roads in Gainesville and Dahlonega, two towns north of Atlanta, "
                         "and in Marietta on Tuesday.")
    g = load_gazetteer()
    gid = p[("Gainesville", "USA")].geonameid
    assert [g.rows[i].admin1 for i in g.candidates("Gainesville") if g.rows[i].geonameid == gid] == ["GA"]


def test_resolving_codes_adjectives_and_demonyms_inside_names():
    """Known toponym spans (GeoWebNews-style): a state's postal code, a nation's adjective, a demonym
    inside an organisation's name."""
    from sitrep.extract.pipeline import Pipeline
    from sitrep.extract.places import resolve
    pipe = Pipeline(stages=("entities", "places"))
    g, dem, act = pipe.resources["gazetteer"], pipe.resources["actor_demonym_index"], pipe.resources["actors"]
    nj = resolve(g, "NJ", {"USA": 1.0})
    assert (nj.name, nj.kind) == ("New Jersey", "region")
    assert resolve(g, "English", {}, set(), dem, act).name == "England"
    assert resolve(g, "Welsh", {}, set(), dem, act).name == "Wales"
    assert resolve(g, "Bavarian", {}, set(), dem, act).country == "DEU"
    assert resolve(g, "British Consulate General", {}, set(), dem, act).country == "GBR"
    assert resolve(g, "Norwegian Refugee Council", {}, set(), dem, act).country == "NOR"
    assert resolve(g, "Nj") is None                   # only the capitals are a code


def test_gazetteer_names_without_the_arabic_article_and_long_forms_of_states():
    from sitrep.extract.places import load_gazetteer, resolve
    g = load_gazetteer()
    q = resolve(g, "Qamishli")                         # GeoNames: "Al Qamishli"
    assert q is not None and q.country == "SYR" and q.kind == "city"
    s = resolve(g, "Sokoto State")                     # the state, though "Sokoto" alone is its capital
    assert (s.kind, s.country) == ("region", "NGA")
    assert resolve(g, "Sokoto").kind == "city"
    # an alternate name that is another town's own name stays that town's
    assert resolve(g, "Southold", {"USA": 1.0}).name == "Southold"


def test_a_town_without_its_article_is_found_in_war_news(pipeline):
    p = places(pipeline, "Drone strikes hit a fuel depot near Qamishli overnight, local officials in Syria said.")
    assert any(cc == "SYR" and pl.kind == "city" and pl.mentions[0].text == "Qamishli" for (_, cc), pl in p.items())


def test_a_county_lies_in_the_state_the_document_names():
    from sitrep.extract.places import load_gazetteer, resolve
    g = load_gazetteer()
    assert resolve(g, "Montgomery County", {"USA": 1.0}, {"IA"}).admin1 == "IA"
    assert resolve(g, "Montgomery County", {"USA": 1.0}, {"MD"}).admin1 == "MD"


def test_a_small_town_inside_an_office_name_only_in_the_documents_country():
    from sitrep.extract.places import load_gazetteer, resolve
    g = load_gazetteer()
    r = resolve(g, "Clonakilty Municipal District", {"IRL": 0.9, "GBR": 0.1})
    assert (r.name, r.country) == ("Clonakilty", "IRL")
    assert resolve(g, "Republic Square", {"ARM": 1.0}) is None      # not Republic, Missouri


def test_a_demonym_inside_a_name_only_where_the_document_is_about_its_country():
    from sitrep.extract.pipeline import Pipeline
    from sitrep.extract.places import resolve
    pipe = Pipeline(stages=("entities", "places"))
    g, dem, act = pipe.resources["gazetteer"], pipe.resources["actor_demonym_index"], pipe.resources["actors"]
    assert resolve(g, "Italian Market", {"USA": 0.9, "ITA": 0.1}, set(), dem, act) is None   # a street market
    assert resolve(g, "Swedish Embassy", {"SWE": 0.5, "KEN": 0.5}, set(), dem, act).country == "SWE"
    assert resolve(g, "Delta Water Authority", {"EGY": 1.0}) is None     # not Delta, British Columbia


def test_every_place_form_is_documented_and_names_a_gazetteer_place():
    from sitrep.extract.place_resolve import _form_rows
    from sitrep.extract.places import DATA, load_gazetteer
    g = load_gazetteer()
    for n, line in enumerate((DATA / "places-forms.tsv").read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        cols = line.split("\t")
        assert len(cols) == 4 and cols[3].strip(), f"places-forms.tsv line {n}: 4 columns, the last a help text"
        assert _form_rows(g, cols[0]), f"places-forms.tsv line {n}: {cols[1]!r} is not in the gazetteer"


def test_abbreviated_first_words_of_names():
    from sitrep.extract.places import load_gazetteer, resolve
    g = load_gazetteer()
    assert resolve(g, "Ft. Worth", {"USA": 1.0}).name == "Fort Worth"


def test_curated_seas_and_world_regions_carry_geonames_ids():
    from sitrep.extract.places import load_gazetteer, resolve
    g = load_gazetteer()
    # "A cargo ship sank in the Atlantic; its sister ship sails the Indian Ocean."
    assert resolve(g, "Atlantic").geonameid == 3373405
    assert resolve(g, "Indian Ocean").geonameid == 1545739
    # "Talks on the Korean Peninsula and in the Middle East stalled."
    assert resolve(g, "Korean Peninsula").geonameid == 11494804
    assert resolve(g, "Middle East").geonameid == 6269133
    # "Oil spills fouled creeks across the Niger Delta."
    assert resolve(g, "Niger Delta").geonameid == 2328927


def test_resolving_short_forms_of_districts_and_states():
    from sitrep.extract.places import load_gazetteer, resolve
    g = load_gazetteer()
    # "Tankers queued in the Gulf", "a hospital in St Albans, Herts", "the Islamic Republic replied",
    # "Tamil fishermen", "a rally in Washington, D.C."
    assert resolve(g, "Gulf").name == "Persian Gulf"
    assert resolve(g, "Herts", {"GBR": 1.0}).name == "Hertfordshire"
    assert resolve(g, "Staffs", {"GBR": 1.0}).name == "Staffordshire"
    assert resolve(g, "Islamic Republic").country == "IRN"
    assert resolve(g, "Tamil").name == "Tamil Nadu"
    assert resolve(g, "Washington, D.C.", {"USA": 1.0}).name == "District of Columbia"



def test_rivers_deltas_and_conflict_regions(pipeline):
    from sitrep.extract.places import load_gazetteer, resolve
    g = load_gazetteer()
    # "Farmers downstream on the Cauvery protested", "oil spills in the Niger Delta", "shelling in Ghouta"
    assert resolve(g, "Cauvery").kind == "river" and resolve(g, "Cauvery").country == "IND"
    assert resolve(g, "Ganges", {"IND": 1.0}).kind == "river"        # not the village in France
    assert resolve(g, "Niger Delta").country == "NGA"               # not Niger, the country
    assert resolve(g, "Ghouta").country == "SYR"
    assert resolve(g, "FATA").country == "PAK"
    p = places(pipeline, "Barges carrying grain sailed down the Danube past Izmail after the Dnipro River flooded.")
    assert p[("Danube", None)].kind == "river"
    assert p[("Dnieper", "UKR")].kind == "river"


def test_seas_straits_ranges_and_us_regions(pipeline):
    from sitrep.extract.places import load_gazetteer, resolve
    g = load_gazetteer()
    # "Tankers slowed in the Strait of Hormuz", "snow closed passes in the Hindu Kush"
    assert resolve(g, "Strait of Hormuz").kind == "sea"
    assert resolve(g, "Hindu Kush").kind == "region"
    # "Wildfire smoke drifted along the West Coast" in a story from California: not New Zealand's region
    assert resolve(g, "West Coast", {"USA": 1.0}).country == "USA"
    p = places(pipeline, "Storms moved across the Midwest toward the East Coast, and ferries halted in the Aegean.")
    assert p[("Midwest", "USA")].kind == "region" and ("East Coast", "USA") in p
    assert p[("Aegean", None)].kind == "sea"


def test_a_county_in_the_documents_country_beats_a_city_of_the_name_abroad():
    from sitrep.extract.places import load_gazetteer, resolve
    g = load_gazetteer()
    # "Flooding closed lanes across Surrey," in a story from England: the county, not the Canadian city
    r = resolve(g, "Surrey", {"GBR": 0.6, "CAN": 0.2})
    assert (r.kind, r.country) == ("district", "GBR")
    # "Tanks rolled towards Gaza": Mozambique's province wins only where the story is about Mozambique
    assert resolve(g, "Gaza", {"ISR": 0.5, "PSE": 0.5}).country == "PSE"


def test_a_name_spelt_with_a_space_or_a_hyphen():
    from sitrep.extract.places import load_gazetteer, resolve
    g = load_gazetteer()
    # "Mines in the North West and Limpopo provinces", in a story from South Africa: GeoNames writes "North-West"
    r = resolve(g, "North West", {"ZAF": 0.5, "BWA": 0.5})
    assert (r.country, r.kind) == ("ZAF", "region")


def test_an_ambiguous_town_near_the_documents_other_places():
    from sitrep.extract.places import load_gazetteer, resolve
    g = load_gazetteer()
    # "Crews drove from Huntington to Charleston": the West Virginia town, not the larger one in South Carolina
    assert resolve(g, "Charleston", {"USA": 1.0}).admin1 == "SC"
    assert resolve(g, "Charleston", {"USA": 1.0}, near=(("Huntington", 38.42, -82.44),)).admin1 == "WV"
    # the toponym's own earlier resolution is no anchor
    assert resolve(g, "Charleston", {"USA": 1.0}, near=(("Charleston", 32.78, -79.93),)).admin1 == "SC"


def test_the_words_around_a_toponym():
    from sitrep.extract.places import load_gazetteer, resolve

    def at(text, name, countries=None):
        s = text.index(name)
        return resolve(g, name, countries or {}, text=text, span=(s, s + len(name)))
    g = load_gazetteer()
    # a town followed by its state or country, and a province after its town
    assert at("The fair opened in Birmingham, Alabama, on Friday.", "Birmingham").admin1 == "AL"
    assert at("Schools closed in Calamba City, Laguna, after the storm.", "Laguna").country == "PHL"
    # a list of two towns that are also provinces: the second stays the town
    assert at("Convoys drove between Aleppo, Idlib and Hama.", "Idlib").kind == "city"
    assert at("Protesters marched in Washington on Sunday.", "Washington").kind == "city"
    # the kind the text names
    assert at("Drones hit the Kursk region overnight.", "Kursk").kind == "region"


def test_the_kind_the_text_names_beats_nearness():
    from sitrep.extract.places import load_gazetteer
    g = load_gazetteer()
    # "Shelling near Makiivka; the Donetsk region declared a curfew": a town next to the city does not
    # turn the region the text names into the city
    cands = g.candidates("Donetsk")
    near = ((48.05, 37.97),)        # a point a few km from the city
    assert g.rows[g.best(cands, {"UKR": 1.0}, near=near, name="Donetsk")].kind == "city"
    assert g.rows[g.best(cands, {"UKR": 1.0}, prefer="region", near=near, name="Donetsk")].kind == "region"


def test_name_lookup_skips_only_runs_no_name_can_match(pipeline):
    """A run of tokens past its first space is looked up only when some name starts with its first
    word and has as many spaces: the names found are those of a lookup of every run."""
    from sitrep.extract.context import Context
    from sitrep.extract.places import MAX_WORDS, find_mentions
    from sitrep.model import Document, Records
    text = ("Ferries from New York and Rio de Janeiro docked in Cape Town; the New Zealand crew "
            "and a New Hampshire pilot met in Port Moresby.")
    doc = Document.new(text)
    ctx = Context(doc=doc, sdoc=pipeline.nlp(text), resources=pipeline.resources, records=Records(doc_id=doc.id))
    gaz = pipeline.resources["gazetteer"]
    got = find_mentions(ctx, gaz)
    toks, want, i = list(ctx.sdoc), [], 0
    while i < len(toks):
        hit = next(((i, i + n) for n in range(min(MAX_WORDS, len(toks) - i), 0, -1)
                    if (toks[i].text[:1].isupper() or toks[i].text in gaz.first_words)
                    and gaz.candidates(text[toks[i].idx:toks[i + n - 1].idx + len(toks[i + n - 1])])), None)
        if hit:
            want.append(hit)
        i = hit[1] if hit else i + 1
    assert [(h[0], h[1]) for h in got] == want
    assert gaz.most_spaces("Rio") >= 2 and gaz.most_spaces("Ferries") == -1


def test_a_dateline_in_capitals_is_a_place(pipeline):
    p = places(pipeline, "ILOILO CITY, Iloilo -- Farmers in the province asked for more irrigation pumps.")
    assert ("Iloilo", "PHL") in p and p[("Iloilo", "PHL")].mentions[0].text == "ILOILO CITY"
    p = places(pipeline, "MOMBASA, Kenya -- Dock workers went on strike on Monday.")
    assert ("Mombasa", "KEN") in p
    # an acronym before a comma is not a dateline
    p = places(pipeline, "The UN, the EU and NATO, meeting on Monday, urged restraint.")
    assert not any(name in ("Nato", "Natō") for name, _ in p)


def test_initials_of_a_place_the_document_names():
    from sitrep.extract.places import load_gazetteer, resolve
    g = load_gazetteer()
    # "Mining towns in South Africa ... SA exports more platinum than anyone": the country of those initials
    r = resolve(g, "SA", {"ZAF": 0.6, "GBR": 0.4})
    assert (r.name, r.kind) == ("South Africa", "country")
    # no country of the document has those initials: not a place
    assert resolve(g, "SA", {"FRA": 1.0}) is None


def test_a_town_named_like_a_person_only_after_a_place_word(pipeline):
    from sitrep.extract.places import DATA, load_gazetteer, resolve
    p = places(pipeline, "Storms delayed flights out of Dallas and into Austin on Tuesday.")
    assert ("Austin", "USA") in p
    p = places(pipeline, "Jackson told the committee that Lincoln had already left the room.")
    assert not any(name in ("Jackson", "Lincoln") for name, _ in p)
    # a known toponym span resolves to the large town; its small namesakes stay out of the gazetteer
    g = load_gazetteer()
    assert resolve(g, "Mobile", {"USA": 1.0}).admin1 == "AL"
    assert all(g.rows[i].population >= 100_000 for i in g.candidates("Eugene"))
    for n, line in enumerate((DATA / "places-cue-only.tsv").read_text(encoding="utf-8").splitlines(), 1):
        if line.strip() and not line.startswith("#"):
            name, help_ = line.split("\t")
            assert help_.startswith(name + ":") and g.candidates(name), (n, line)


def test_a_dateline_of_several_words_and_capitals_elsewhere(pipeline):
    p = places(pipeline, "By Ana Ruiz.\nLOS ANGELES, March 3 -- Firefighters contained the blaze overnight.")
    assert ("Los Angeles", "USA") in p
    # capitals before a comma in the middle of a sentence are no dateline
    p = places(pipeline, "Officials said the talks with HAMAS, held in secret, had stalled.")
    assert not any(cc == "DEU" for _, cc in p)


def test_initials_of_a_town_the_document_names_before_a_state_code():
    from sitrep.extract.places import load_gazetteer, resolve
    g = load_gazetteer()
    # "Traffic in Los Angeles ... LA commuters": the city; without it, "LA" is Louisiana's postal code
    assert resolve(g, "LA", {"USA": 1.0}, near=(("Los Angeles", 34.05, -118.24),)).name == "Los Angeles"
    assert resolve(g, "LA", {"USA": 1.0}).name == "Louisiana"


def test_an_embassy_lies_where_the_text_says_not_in_its_own_country():
    from sitrep.extract.places import load_gazetteer, resolve
    g = load_gazetteer()
    text = "Protesters gathered outside the Kenyan Embassy in Ottawa on Friday."
    s = text.index("Kenyan Embassy")
    r = resolve(g, "Kenyan Embassy", {"KEN": 0.5, "CAN": 0.5}, text=text, span=(s, s + len("Kenyan Embassy")))
    assert (r.name, r.country) == ("Ottawa", "CAN")


def test_a_small_town_named_like_a_word_joins_its_names_candidates():
    """Small towns named like a word or a person stay out of the gazetteer, except where their name already
    names only towns: then they are candidates that win where the document places them."""
    from sitrep.extract.places import load_gazetteer, resolve
    g = load_gazetteer()
    assert resolve(g, "Hurricane", {"USA": 1.0}, {"WV"}).admin1 == "WV"
    assert resolve(g, "Hurricane", {"USA": 1.0}, {"UT"}).admin1 == "UT"
    # at home the name stays the large city's: no small Atlanta in Texas beats Atlanta, Georgia
    assert resolve(g, "Atlanta", {"USA": 1.0}, {"TX"}).admin1 == "GA"
    # a name that is also a country's or a state's gains no small namesakes
    assert not any(g.rows[i].kind == "city" for i in g.candidates("Georgia"))
    assert not any(g.rows[i].kind == "city" and g.rows[i].population < 15_000 for i in g.candidates("Jordan"))
    for junk in ("Winston", "Michel"):
        assert not g.candidates(junk), junk


def test_a_world_city_keeps_its_name_beside_a_us_state(pipeline):
    """War news that names a US state keeps the capitals it names: no small Moscow or Berlin in Pennsylvania."""
    p = places(pipeline, "A senator from Pennsylvania criticised the sanctions. In Moscow, officials said the talks "
                         "in Berlin had failed.")
    assert ("Moscow", "RUS") in p and ("Berlin", "DEU") in p
    p = places(pipeline, "Governors of Ohio and Kentucky met the envoy, who later flew to London.")
    assert ("London", "GBR") in p


def test_a_town_by_its_name_without_its_river(pipeline):
    """"Frankfurt" is Frankfurt am Main, "Southend" Southend-on-Sea: the long name's short form, where
    GeoNames gives it, unless a town of that very name is as large."""
    from sitrep.extract.places import load_gazetteer, resolve
    g = load_gazetteer()
    assert resolve(g, "Frankfurt").country == "DEU"
    assert resolve(g, "Southend").name == "Southend-on-Sea"
    p = places(pipeline, "Finance ministers met in Frankfurt on Monday to discuss the reconstruction fund.")
    assert ("Frankfurt am Main", "DEU") in p


def test_a_persons_last_name_alone_is_the_person(pipeline):
    """After "Linda Underwood", a bare "Ms. Underwood" is the teacher, not the town of Underwood, Iowa."""
    p = places(pipeline, "Linda Underwood, a teacher from Des Moines, Iowa, died on Friday. \"She believed in hard "
                         "work,\" said her father, Carl Underwood. Ms. Underwood was an honor student and later a "
                         "principal. Ms. Underwood's students remember her kindness.")
    assert ("Des Moines", "USA") in p
    assert not any(name == "Underwood" for name, _ in p)


def test_a_mission_abroad_is_not_in_its_own_country():
    """"the US consulate in X": X lies outside the United States (a namesake in Florida loses)."""
    from sitrep.extract.pipeline import Pipeline
    from sitrep.extract.places import resolve
    pipe = Pipeline(stages=("entities", "places"))
    g, dem, act = pipe.resources["gazetteer"], pipe.resources["actor_demonym_index"], pipe.resources["actors"]
    for text in ("Washington said the US consulate in St. Petersburg would shut within a month.",
                 "Staff at the American consulate general in St. Petersburg were told to leave."):
        s = text.index("St. Petersburg")
        r = resolve(g, "St. Petersburg", {"USA": 0.9, "RUS": 0.1}, set(), dem, act, text=text,
                    span=(s, s + len("St. Petersburg")))
        assert r.country == "RUS", text
    text = "Retirees flock to St. Petersburg every winter."
    s = text.index("St. Petersburg")
    assert resolve(g, "St. Petersburg", {"USA": 0.9}, set(), dem, act, text=text,
                   span=(s, s + 14)).country == "USA"


def test_the_publishing_sites_country_domain():
    from sitrep.extract.places import site_country
    assert site_country(Document.new("x", source="https://www.example.ie/news/a-story")) == "IRL"
    assert site_country(Document.new("x", source="http://news.example.co.uk/1")) == "GBR"
    assert site_country(Document.new("x", source="https://example.com/1")) is None
    assert site_country(Document.new("x", source="https://example.tv/1")) is None      # sold worldwide
    assert site_country(Document.new("x", site="paper.example.ca")) == "CAN"
    assert site_country(Document.new("x", site="The Example Times")) is None
    assert site_country(Document.new("x", source="/tmp/story.ie")) is None            # a file, not a site


def test_places_tld_data_has_a_help_line_each():
    from sitrep.extract.places import DATA, load_gazetteer
    g = load_gazetteer()
    for n, line in enumerate((DATA / "places-tld.tsv").read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        cols = line.split("\t")
        assert len(cols) == 3 and cols[2].startswith("." + cols[0] + ":"), f"places-tld.tsv line {n}"
        assert cols[1] in g.by_country, f"places-tld.tsv line {n}: {cols[1]} is not a gazetteer country"


def test_a_site_in_ireland_names_its_own_towns(pipeline):
    """A town named like a bigger one abroad is the one in the site's country, other things equal."""
    text = "A man was charged after a break-in at a pharmacy in Dundalk on Tuesday night."
    doc = Document.new(text, source="https://www.example.ie/news/1")
    p = {(x.name, x.country) for x in pipeline.run(doc).places}
    assert ("Dundalk", "IRL") in p
    doc = Document.new(text, source="https://www.example.com/news/1")
    assert ("Dundalk", "IRL") not in {(x.name, x.country) for x in pipeline.run(doc).places}


def test_an_ambiguous_name_does_not_vote_for_its_own_reading():
    """The document's countries, less the votes of the name being resolved: "Athens" named four times in a
    story that also names Texas towns is the Texas one, not made Greek by its own mentions."""
    from sitrep.extract.places import country_shares
    votes = [("GRC", ("Athens",))] * 4 + [("USA", ("Tyler",)), ("USA", ("Texas",))]
    assert country_shares(votes)["GRC"] > 0.6
    assert country_shares(votes, skip="ATHENS") == {"USA": 1.0}
    assert country_shares(votes + [("MEX", ("Mexico",))] * 2, site="IRL", skip="Athens") == {
        "USA": 0.5, "MEX": 0.5, "IRL": 0.25}        # the site's country: a floor
    votes.append(("GRC", ("Piraeus",)))      # something else names Greece: the name's own votes count again
    assert country_shares(votes, skip="Athens")["GRC"] == 5 / 7


def test_an_armed_groups_name_is_no_town():
    """GeoNames lists "Hamas" as another name of Hamm (Germany): curated out (build_places.py STOP)."""
    g = Gazetteer()
    assert not g.candidates("Hamas")
    assert g.candidates("Hamm")


def test_a_us_state_named_like_a_country_in_a_us_story(pipeline):
    """"Georgia" in a story mostly about the United States, naming nothing else of the Caucasus: the state."""
    from sitrep.extract.places import load_gazetteer, resolve
    g = load_gazetteer()
    r = resolve(g, "Georgia", {"USA": 0.9, "CAN": 0.1})
    assert (r.kind, r.country) == ("region", "USA")
    assert resolve(g, "Georgia", {"USA": 0.6, "GEO": 0.2, "RUS": 0.2}).country == "GEO"     # the text names it
    assert resolve(g, "Georgia", {"RUS": 0.7, "UKR": 0.3}).country == "GEO"
    p = places(pipeline, "Deputies in Macon arrested two men after a chase across Georgia. "
                         "Georgia officials in Savannah said the men were wanted in Florida.")
    assert ("Georgia", "USA") in p and ("Georgia", "GEO") not in p
    p = places(pipeline, "Russian troops crossed into Georgia in 2008 and still hold South Ossetia.")
    assert ("Georgia", "GEO") in p


def test_the_people_of_a_place_and_abbreviations_without_their_stop():
    """Known toponym spans: "Vermonters", "Crimeans", "Kyivans", "New Yorker" name their place; "Tenn" and
    "N.J" are the AP abbreviations without the final stop. A stem that is only a village is no place's people."""
    from sitrep.extract.places import load_gazetteer, resolve
    g = load_gazetteer()
    assert resolve(g, "Vermonters", {"USA": 1.0}).name == "Vermont"
    assert resolve(g, "Crimeans", {"UKR": 1.0}).name == "Crimea"
    assert resolve(g, "Kyivans", {"UKR": 1.0}).name == "Kyiv"
    assert resolve(g, "New Yorker", {"USA": 1.0}).country == "USA"
    assert resolve(g, "Tenn", {"USA": 1.0}).name == "Tennessee"
    assert resolve(g, "N.J", {"USA": 1.0}).name == "New Jersey"
    assert resolve(g, "Flooblers") is None


def test_a_names_own_votes_yield_only_to_a_rival_reading():
    """An ambiguous name's own votes are set aside only where the rest of the text (or the site) gives the
    country of another of its readings a quarter of the votes; and a site's country counts for nothing where
    the text is mostly about another country."""
    from sitrep.extract.places import country_shares, load_gazetteer, name_countries
    g = load_gazetteer()
    cands = g.candidates("London")
    votes = [("GBR", ("London",))] * 2 + [("USA", ("Texas",))] * 3 + [("JPN", ("Japan",)), ("CAN", ("Canadian",))]
    assert name_countries(g, votes, None, "London", cands)["GBR"] == 2 / 7      # no rival strong enough
    votes = [("GBR", ("London",))] * 2 + [("CAN", ("Ontario",))] * 2
    assert "GBR" not in name_countries(g, votes, None, "London", cands)         # Ontario's London
    assert "GBR" not in name_countries(g, [("GBR", ("London",))], "CAN", "London", cands)   # a .ca site
    assert country_shares([("USA", ("New York",))] * 3 + [("GBR", ("Kent",))], "GBR") == {"USA": 0.75, "GBR": 0.25}
    assert country_shares([("USA", ("New York",))] * 4, "GBR") == {"USA": 1.0}    # a British site's US story


def test_a_kind_word_after_a_list_names_every_item_in_it():
    from sitrep.extract.places import load_gazetteer, resolve
    g = load_gazetteer()
    text = "Ice closed schools across Jackson, Pike and Dade counties on Tuesday, the Georgia emergency office said."

    def at(name):
        s = text.index(name)
        return resolve(g, name, {"USA": 1.0}, {"GA"}, text=text, span=(s, s + len(name)))
    assert (at("Jackson").name, at("Jackson").admin1) == ("Jackson County", "GA")     # not Jackson, Mississippi
    assert at("Pike").name == "Pike County"       # a county's bare name with no entry of its own
    text = "Ice closed schools in Jackson on Tuesday."
    assert resolve(g, "Jackson", {"USA": 1.0}, {"MS"}, text=text, span=(22, 29)).kind == "city"


def test_places_stage_reads_counties_in_a_list(pipeline):
    p = places(pipeline, "Snow closed roads in Laurel, Whitley and Knox counties, Kentucky officials said on Monday.")
    assert p[("Knox County", "USA")].kind == "district"
    p = places(pipeline, "Ice closed schools across Jackson, Pike and Dade counties on Tuesday, the Georgia emergency "
                         "office said.")
    assert ("Jackson County", "USA") in p and ("Jackson", "USA") not in p


def test_abbreviated_compass_words_counties_and_dotted_initials():
    from sitrep.extract.places import load_gazetteer, resolve
    g = load_gazetteer()
    assert resolve(g, "E. Lansing", {"USA": 1.0}).name == "East Lansing"       # not Lansing
    assert resolve(g, "Knox Co.", {"USA": 1.0}, {"TN"}).name == "Knox County"
    la = resolve(g, "L.A.", {"USA": 1.0}, near=(("Los Angeles", 34.05, -118.24),))   # named in full elsewhere
    assert la is not None and la.name == "Los Angeles"
    assert resolve(g, "L.A.", {"USA": 1.0}) is None       # initials of nothing the document names


def test_a_bare_county_name_in_a_state_the_document_names():
    from sitrep.extract.places import load_gazetteer, resolve
    g = load_gazetteer()
    r = resolve(g, "Essex", {"USA": 1.0}, {"NJ"})          # a story from Newark: the county, not Essex, Maryland
    assert (r.name, r.admin1) == ("Essex County", "NJ")
    assert resolve(g, "Essex", {"GBR": 1.0}).country == "GBR"
    assert resolve(g, "Iowa", {"USA": 1.0}, {"IA"}).kind == "region"     # a state's name stays the state's
