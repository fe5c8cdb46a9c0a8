"""LGL, the Local-Global Lexicon corpus (``../shared/benchmarks/geoparsing/lgl.xml``;
Lieberman, Samet & Sankaranarayanan 2010): 588 local US news articles with
toponyms resolved to GeoNames. Scored like GeoWebNews (see ``gwn``): the gold
span is given and sitrep resolves it in the article's context (with its url, as
a feed gives it: a ".ca" site is Canadian; a name the gazetteer
lacks counts as wrong); ``country``
compares with the gold's own country. Local news names many small towns, counties and
streets; sitrep's gazetteer has towns of 1,000+ (500+ in the US) and counties, not streets or
buildings. No split is given: the first half of the articles (file
order) is ``dev``, the second ``test``."""
from __future__ import annotations

from pathlib import Path
from typing import Any

from .gwn import read_xml, score

SUITE = "lgl"
HELP = "LGL local-news toponym resolution: exact GeoNames id, within 161 km, right country (halves dev/test)."
PATH = "benchmarks/geoparsing/lgl.xml"


def load(shared: Path, gaz) -> list[dict]:
    root = read_xml(shared / PATH, "LGL")
    arts = []
    for a in root.findall("article"):
        text = a.findtext("text") or ""
        tops = []
        for t in a.find("toponyms") or []:
            g = t.find("gaztag")
            if g is None or not g.get("geonameid") or g.findtext("lat") is None:
                continue
            s, e = int(t.findtext("start")), int(t.findtext("end"))
            cname = g.findtext("country") or ""
            cc = next((gaz.rows[i].country for i in gaz.candidates(cname) if gaz.rows[i].kind == "country"), None)
            tops.append({"start": s, "end": e, "name": text[s:e] or t.findtext("phrase"), "gid": int(g.get("geonameid")),
                         "lat": float(g.findtext("lat")), "lon": float(g.findtext("lon")), "country": cc})
        arts.append({"text": text, "toponyms": tops, "source": (a.findtext("url") or "").strip() or None})
    return arts


def run(shared: Path, split: str) -> dict[str, dict[str, Any]]:
    from ..extract.pipeline import Pipeline
    pipe = Pipeline(stages=("entities", "places"))
    arts = load(shared, pipe.resources["gazetteer"])
    half = len(arts) // 2
    out = {}
    if split in ("dev", "all"):
        out["dev"] = score(arts[:half], pipe)
    if split in ("test", "all"):
        out["test"] = score(arts[half:], pipe)
    return out
