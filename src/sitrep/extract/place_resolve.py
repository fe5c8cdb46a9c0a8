"""Resolving one known toponym span to a gazetteer row (the GeoWebNews and LGL evaluations).

Unlike ``places.find_places``, which must first decide whether a capitalised run of words is a place,
this resolver is handed a span that an annotator marked as a toponym and picks the most likely row:

- the name itself, a dateline's capitals ("WASHINGTON"), initials of a place the document names ("SA" in a
  story from South Africa), a US state's postal code ("NJ");
- an adjective or demonym: a country's (from the actor dictionary: "Canadian"), a continent's
  ("European"), or a region's or nation's (``data/places-forms.tsv``: "English", "Kurdish");
- an embassy or consulate "in" a place the text names ("the Russian Embassy in Washington": Washington);
- the longest place name inside a name that is not one ("Colorado State University"), else a demonym
  inside it ("British Embassy", "Russian Academy of Sciences");
- abbreviations: "E. Lansing", "Loudon Co.", dotted initials of a place the document names ("L.A.");
- a county's bare name: where a kind word follows the list it stands in ("Jackson, Pike and Dade counties"),
  or where the county lies in a US state the document names ("Essex" in a story from New Jersey);

then ``Gazetteer.best`` ranks the candidates by kind, population and the document's countries and states.
"""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .gazetteer import Gaz, Gazetteer

SMALL = 15_000
BIG = 300_000
CONTINENT_DEMONYMS = {"European": "Europe", "African": "Africa", "Asian": "Asia", "South American": "South America",
                      "North American": "North America", "Latin American": "Latin America", "Arab": "Middle East",
                      "Central American": "Central America", "Middle Eastern": "Middle East",
                      # the bloc named where a place is meant ("exports to the EU"): its continent
                      "EU": "Europe", "European Union": "Europe", "the EU": "Europe", "the European Union": "Europe"}
# abbreviated first words of place names and their full forms, tried both ways when a name is not found
PREFIXES = (("St.", "Saint"), ("St", "Saint"), ("St.", "St"), ("Mt.", "Mount"), ("Mt", "Mount"), ("Ft.", "Fort"),
            ("Ft", "Fort"), ("Pt.", "Port"), ("N.", "North"), ("S.", "South"), ("E.", "East"), ("W.", "West"))
# abbreviated last words: "Loudon Co." (County)
SUFFIXES = ((" Co.", " County"), (" Co", " County"), (" Twp.", " Township"))
_FORMS: dict[str, tuple[str, str]] | None = None


def forms() -> dict[str, tuple[str, str]]:
    """Region and nation adjectives from ``data/places-forms.tsv``: form -> (place name, country ISO3)."""
    global _FORMS
    if _FORMS is None:
        from .gazetteer import DATA
        out = {}
        for line in (DATA / "places-forms.tsv").read_text(encoding="utf-8").splitlines():
            if line.strip() and not line.startswith("#"):
                form, name, cc, _help = line.split("\t")
                out[form] = (name, cc)
        _FORMS = out
    return _FORMS


def _form_rows(gaz: "Gazetteer", form: str) -> list[int]:
    hit = forms().get(form)
    if hit is None:
        return []
    name, cc = hit
    cands = [i for i in gaz.candidates(name) if not cc or gaz.rows[i].country == cc]
    wide = [i for i in cands if gaz.rows[i].kind != "city"]          # "Quebecois": the province
    return wide or cands


def _adjective(gaz: "Gazetteer", name: str, demonyms: dict | None, actors) -> list[int]:
    """Rows an adjective or demonym stands for: "Canadian" (the country), "European", "English"."""
    out = []
    if demonyms is not None and actors is not None:
        state = demonyms.get(name.lower().replace("\u2019", "'"))
        a = actors.actors.get(state) if state else None
        if a and a.code in gaz.by_country:
            out.append(gaz.by_country[a.code])
    if not out and name in CONTINENT_DEMONYMS:
        out = list(gaz.candidates(CONTINENT_DEMONYMS[name]))
    if not out:
        out = _form_rows(gaz, name)
    return out


def resolve(gaz: "Gazetteer", name: str, countries: set[str] = frozenset(), states: set[str] = frozenset(),
            demonyms: dict | None = None, actors=None, near: tuple = (), text: str | None = None,
            span: tuple[int, int] | None = None) -> "Gaz | None":
    """The best gazetteer row for one toponym (used by the GeoWebNews and LGL evaluations); ``near``: the
    points of the document's other towns and divisions, (lat, lon) pairs; ``text`` and ``span``: the
    document and the toponym's offsets in it, for the cues around it (see ``_cues``)."""
    cands = gaz.candidates(name)
    if " " in name or "-" in name:         # "North West" and "North-West": one name, spelt two ways
        alt = name.replace("-", " ") if "-" in name else name.replace(" ", "-")
        cands = [*cands, *(i for i in gaz.candidates(alt) if i not in cands)]
    if not cands and name.isupper() and len(name) > 3:
        cands = gaz.candidates(name.title())          # datelines: "WASHINGTON"
    if not cands and 2 <= len(name) <= 5 and name.isalpha() and name.isupper():
        cands = _initials(gaz, name, countries, near)     # "LA" in a story from Los Angeles, "SA"
    if not cands and len(name) == 2 and name.isupper() and name.isalpha() and name in gaz.states:
        cands = [gaz.states[name]]                    # a US state's postal code: "NJ"
    if not cands and name.lower().startswith("the "):
        cands = gaz.candidates(name[4:])
    if not cands:
        for short, full in PREFIXES:                  # "Ft. Worth", "Saint Helens", "St Albans"
            for a, b in ((short + " ", full + " "), (full + " ", short + " ")):
                if name.startswith(a) and not cands:
                    cands = gaz.candidates(b + name[len(a):])
    if not cands:
        for short, full in SUFFIXES:                  # "Loudon Co."
            if name.endswith(short) and not cands:
                cands = gaz.candidates(name[:-len(short)] + full)
    if not cands and 4 <= len(name) <= 8 and re.fullmatch(r"(?:[A-Z]\.){2,4}", name):
        cands = _initials(gaz, name.replace(".", ""), countries, near)   # "L.A." in a story from Los Angeles
    adj = _adjective(gaz, name, demonyms, actors)     # "Canadian": Canada, not the Texas town
    if adj:
        cands = [*cands, *adj] if name not in CONTINENT_DEMONYMS and name not in forms() else adj
    if not cands and name.lower().endswith(" city") and len(name) > 8:
        cands = [i for i in _lookup(gaz, name[:-5]) if gaz.rows[i].kind == "city"]     # "Calamba City"
    if not cands and name[-1:].isalpha() and ("." in name or name.istitle() and len(name) <= 5):
        cands = gaz.candidates(name + ".")            # "N.Y", "Calif": an abbreviation without its last stop
    if not cands and not adj:
        cands = _people_of(gaz, name)                 # "Ohioans", "Londoner", "South Ossetian"
    if not cands and text is not None and span is not None and name.split()[-1].lower() in MISSIONS:
        cands = _mission_host(gaz, text, span[1])     # "the Russian Embassy in the U.S. capital": the U.S.
    if text is not None and span is not None and _list_cue(text, span[1]) == "district":
        cands = county_rows(gaz, name, cands)         # "Douglas and Grant counties"
    if (states and name[:1].isupper() and " " not in name
            and not any(gaz.rows[i].kind in ("region", "country", "continent") for i in cands)):
        cands = county_rows(gaz, name, cands, states)        # "Suffolk" in a story from New York, not "Iowa"
    if not cands:
        cands = _inner(gaz, name, demonyms, actors, countries)
    if not cands:
        return None
    prefer = None
    if text is not None and span is not None:
        cands, prefer = _cues(gaz, cands, text, *span)
        cands = _abroad(gaz, cands, text, span[0], demonyms, actors)
    if near:
        names = {gaz.rows[i].name for i in cands}
        near = tuple((la, lo) for n, la, lo in near if n not in names)      # not the toponym's own resolution
    return gaz.rows[gaz.best(cands, countries, states, prefer, name=name, near=near)]


# endings of the words for a place's people and what the place's name ends with instead: "Minnesotans"
# (Minnesota), "Ohioans" (Ohio), "Bostonians" (Boston), "Londoner" and "New Yorkers" (London, New York)
PEOPLE_ENDINGS = (("ians", ""), ("ian", ""), ("ans", ""), ("an", ""), ("ns", ""), ("n", ""), ("ers", ""), ("er", ""))
PEOPLE_MIN = 100_000        # a town that large has a word for its people; not a village named like a stem


def _people_of(gaz: "Gazetteer", name: str) -> list[int]:
    """The place whose people the name is: a country's or region's, or a large town's (the actor dictionary
    has the countries' own words, "Canadian"; these are the rest)."""
    if not name[:1].isupper() or len(name) < 6:
        return []
    for end, add in PEOPLE_ENDINGS:
        if name.endswith(end) and len(name) - len(end) >= 4:
            stem = name[:-len(end)] + add
            if end in ("ns", "n") and not stem.endswith("a"):
                continue                # "Minnesota-ns", "Ossetia-n"; not "Russell-n"
            c = [i for i in gaz.candidates(stem) if gaz.rows[i].kind in ("country", "region", "continent")
                 or gaz.rows[i].kind == "city" and gaz.rows[i].population >= PEOPLE_MIN]
            if c:
                return c
    return []


MISSIONS = {"embassy", "embassies", "consulate", "consulates", "legation"}
_IN_PLACE = re.compile(r" in (?:the )?([A-Z][\w.'\u2019-]*(?: [A-Z][\w.'\u2019-]*){0,3})")


def _mission_host(gaz: "Gazetteer", text: str, e: int) -> list[int]:
    """The place an embassy or consulate stands in, where the text names it after the name ("... Embassy in
    Ottawa"): a country's mission lies abroad, not in the country its adjective names."""
    m = _IN_PLACE.match(text, e)
    return _longest(gaz, m.group(1)) if m else []


_MISSION_IN = re.compile(r"\b((?:[A-Z][\w.'\u2019-]*)(?: [A-Z][\w.'\u2019-]*)?) (?:[Ee]mbass(?:y|ies)|[Cc]onsulates?"
                         r"(?: [Gg]eneral)?|[Ll]egation) in (?:the )?$")


def _abroad(gaz: "Gazetteer", cands: list[int], text: str, s: int, demonyms, actors) -> list[int]:
    """A place a country's embassy or consulate stands in lies outside that country: "the US consulate
    in St. Petersburg" is Russia's city, not Florida's; "Britain's embassy in Georgia" the country."""
    m = _MISSION_IN.search(text[max(0, s - 60):s])
    if not m:
        return cands
    who = m.group(1)
    who = who[:-2] if who.endswith(("'s", "\u2019s")) else who
    home = {gaz.rows[i].country for i in [*_adjective(gaz, who, demonyms, actors), *gaz.candidates(who)]
            if gaz.rows[i].kind == "country"}
    out = [i for i in cands if gaz.rows[i].country not in home]
    return out or cands


MINOR = {"of", "the", "and", "de", "del", "da"}


def _initials(gaz: "Gazetteer", name: str, countries, near: tuple) -> list[int]:
    """The place of several words whose initials the name is, among the document's countries and places:
    "SA" in a story about South Africa, "DRC" in one about the Democratic Republic of the Congo."""
    rows = [gaz.by_country[c] for c in countries if c in gaz.by_country]
    rows += [i for n, _la, _lo in near for i in gaz.candidates(n)]
    out = []
    for i in rows:
        words = [w for w in gaz.rows[i].name.replace("-", " ").split() if w.lower() not in MINOR]
        if len(words) == len(name) and "".join(w[0] for w in words).upper() == name and i not in out:
            out.append(i)
    return out


def _inner(gaz: "Gazetteer", name: str, demonyms: dict | None = None, actors=None,
           countries: dict | set = frozenset()) -> list[int]:
    """Candidates of the longest place name inside a name that is not one: "Colorado State University",
    "Dubai World Cup", "West Surrey", "Guma Local Government Area" (an organisation, event or office
    standing for its place); else of a demonym inside it ("British Embassy", "European Central Bank")
    where the document is about that country.
    A town or district inside a name counts where it is large, or lies in a country the document is
    about: not a village named "University", "West" or "Republic" abroad."""
    share = countries if isinstance(countries, dict) else dict.fromkeys(countries, 1.0)

    def ok(j: int) -> bool:
        r = gaz.rows[j]
        if r.kind not in ("city", "district"):
            return True
        if not share:
            return r.population >= SMALL
        return r.population >= BIG or share.get(r.country, 0.0) >= 0.2

    words = name.split()
    for n in range(len(words) - 1, 0, -1):
        for i in range(len(words) - n + 1):
            c = [j for j in gaz.candidates(" ".join(words[i:i + n])) if ok(j)]
            if c:
                return c
    for n in range(min(2, len(words) - 1), 0, -1):
        for i in range(len(words) - n + 1):
            c = [j for j in _adjective(gaz, " ".join(words[i:i + n]), demonyms, actors)
                 if not share or gaz.rows[j].country is None or share.get(gaz.rows[j].country, 0.0) >= 0.2]
            if c:               # "French Quarter" in a story from New Orleans: not France
                return c
    return []


_NAME = r"([A-Z][\w.'\u2019-]*(?: (?:of |de |upon )?[A-Z][\w.'\u2019-]*){0,3})"
_AFTER_COMMA = re.compile(r", " + _NAME)
_BEFORE_COMMA = re.compile(_NAME + r", $")


def _lookup(gaz: "Gazetteer", name: str) -> list[int]:
    c = gaz.candidates(name)
    if not c and name.isupper() and len(name) > 3:
        c = gaz.candidates(name.title())
    if not c and name.lower().endswith(" city") and len(name) > 8:
        c = [i for i in _lookup(gaz, name[:-5]) if gaz.rows[i].kind == "city"]
    return c


def _longest(gaz: "Gazetteer", words: str, from_end: bool = False) -> list[int]:
    """Candidates of the longest place name at the start (or end) of a run of capitalised words."""
    ws = words.split()
    for n in range(len(ws), 0, -1):
        c = _lookup(gaz, " ".join(ws[-n:] if from_end else ws[:n]))
        if c:
            return c
    return []


# the kind word after a list of names ("Becker, Clay and Otter Tail counties", "the Sumy and Poltava regions")
# names the kind of every item in it
LIST_KINDS = {"counties": "district", "parishes": "district", "boroughs": "district", "districts": "district",
              "regions": "region", "provinces": "region", "oblasts": "region", "states": "region"}
_ITEM = r"[A-Z][\w.'\u2019-]*(?: [A-Z][\w.'\u2019-]*){0,2}"
_LIST_TAIL = re.compile(r"((?:,? (?:and |or )?|, )" + _ITEM + r"){1,12} (" + "|".join(LIST_KINDS) + r")\b")


def _list_cue(text: str, e: int) -> str | None:
    """The kind a toponym is given by a kind word after the list it opens or stands in: "Jackson and Barrow
    counties" (both counties), "in Kursk, Belgorod and Bryansk regions"; the last item's own next word too."""
    m = _LIST_TAIL.match(text, e, min(len(text), e + 240))
    if m:
        return LIST_KINDS[m.group(2)]
    nxt = text[e:e + 12].split(None, 1)[0].lower().strip(".,;:") if text[e:e + 1] == " " and text[e:e + 12].strip() else ""
    return LIST_KINDS.get(nxt)


def county_rows(gaz: "Gazetteer", name: str, cands: list[int], states=None) -> list[int]:
    """A name's candidates and the counties or parishes it names where the text calls it one ("Jackson and Pike
    counties"), or (``states``) those in a US state the document names: a county's bare name is no entry of
    its own where it is a person's name, a word or another town's name ("Suffolk" in a story from Long Island)."""
    return [*cands, *(i for n in (name + " County", name + " Parish") for i in gaz.candidates(n)
                      if i not in cands and (states is None or gaz.rows[i].admin1 in states))]


def _cues(gaz: "Gazetteer", cands: list[int], text: str, s: int, e: int) -> tuple[list[int], str | None]:
    """What the words around a toponym say, as the places stage reads them:

    - "Boise, Idaho", "Calamba City, Laguna": a town followed by its state, province or country is the
      town there; a division after a town ("Calamba, Laguna") is the one in the town's country, where that
      country has no town of the name ("Aleppo, Idlib" lists two towns);
    - "the Kursk region", "the city of Kharkiv": the kind the text names.
    (A state in a list of states, "California or Washington", was tried: as many wrong as right on the
    GeoWebNews and LGL dev halves, "the West Bank and Jerusalem".)
    Returns the candidates (narrowed where the text places the toponym) and the kind it asks for."""
    from .places import CITY_CUES, REGION_CUES
    rows = gaz.rows
    after, before = text[e:e + 60], text[max(0, s - 60):s]
    prefer = None
    nxt = after.split(None, 1)[0].lower().strip(".,;:") if after[:1] == " " and after.strip() else ""
    low = before.lower()
    listed = _list_cue(text, e)
    if listed:
        prefer = listed
    elif nxt in REGION_CUES or low.endswith("region of ") or low.endswith("province of "):
        prefer = "region"
    elif nxt in CITY_CUES or low.endswith("city of ") or low.endswith("town of "):
        prefer = "city"
    m = _AFTER_COMMA.match(after)
    if m:                       # "Boise, Idaho": the town in that state or country
        wide = [i for i in _longest(gaz, m.group(1)) if rows[i].kind in ("country", "region")]
        inside = [i for i in cands if rows[i].kind in ("city", "district") and any(
            rows[i].country == rows[w].country and (rows[w].kind == "country" or not rows[w].admin1
                                                    or rows[i].admin1 == rows[w].admin1) for w in wide)]
        if inside:
            return inside, prefer
    m = _BEFORE_COMMA.search(before)
    if m:                       # "Calamba, Laguna": the division in the town's country
        towns = {rows[i].country for i in _longest(gaz, m.group(1), from_end=True) if rows[i].kind == "city"}
        inside = [i for i in cands if rows[i].kind in ("region", "district") and rows[i].country in towns]
        if inside and len(towns) == 1 and not any(rows[i].kind == "city" and rows[i].country in towns for i in cands):
            return inside, prefer
    return cands, prefer
