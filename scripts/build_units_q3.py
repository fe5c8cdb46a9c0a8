"""Build src/sitrep/data/units-q3.tsv: unit names, surface forms and symbols from quantulum3's unit table.

Source (build-time only, see requirements-build.txt): the unit table ``units.json`` and the
common-word list ``_lang/en_US/common-words.json`` packaged in quantulum3 0.10.0 (MIT, see
data/ATTRIBUTION.md). quantulum3 is never imported: the two JSON files are read from the installed
package's folder (found without importing it) or straight from its wheel (``--wheel PATH``), so
neither the build nor sitrep needs quantulum3's own dependencies (inflect, num2words).

What goes in (sitrep reads the file beside data/units.yaml; units.yaml always wins):
- symbols (matched in their case, after a figure glued or spaced, like units.yaml's cased units):
  two characters or more, naming one unit only in the whole table ("kt" is a knot and a kiloton:
  left out), not a common English word in quantulum3's list, not in units.yaml already;
- names of one word (matched only written in lower case, so "Tesla", "Henry", "Newton" as names
  are never units; with their plural): not a common English word, not in units.yaml already;
- names of several words ("kilogram force", "metre per second"; with the plural of the first word):
  not in units.yaml already.
Left out: currencies (units.yaml names them; quantulum3's "R", "Fr" are ambiguous), counts
("pair", "dozen", "set", "gross") and the old or joke units that are mostly common words.
The unit name is quantulum3's (its "degree Celsius" lower-cased); the group is ours (the scanner's
measure groups: length, mass, volume, ...; physics units are "power" as in units.yaml).

    pip install -r requirements-build.txt     # or: --wheel path/to/quantulum3-0.10.0-py3-none-any.whl
    PYTHONPATH=src python scripts/build_units_q3.py
"""
from __future__ import annotations

import argparse
import importlib.util
import json
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "src/sitrep/data/units-q3.tsv"
VERSION = "0.10.0"
# quantulum3's entities -> the scanner's measure groups (units.yaml)
GROUPS = {"length": "length", "mass": "mass", "volume": "volume", "volume (lumber)": "volume",
          "temperature": "temperature", "area": "area", "time": "time", "speed": "speed",
          "data storage": "data", "data transfer rate": "data", "dimensionless": "ratio"}
# entities left out: money is units.yaml's; an angle's "minute"/"second" are read as time
SKIP_ENTITIES = {"currency", "angle"}
# dimensionless units kept (the rest are counts: pair, set, dozen, gross, turn, ...)
KEEP_DIMENSIONLESS = {"parts-per-trillion", "per mille"}
# surfaces and symbols left out by hand: words or abbreviations of news text more often than units
SKIP = {"span", "ell", "drop", "shake", "quad", "pond", "dots", "pel", "rhe", "tex", "den", "fur", "lea", "fath",
        "stere", "st", "pk", "peck", "ac", "gm", "ct", "bu", "bsh", "gal", "galileo", "gaj", "darcy", "langley",
        "lustrum", "twip", "cubit", "quartet", "tetrad", "quintal", "q", "u", "Da", "amu", "sr", "At", "AT", "TR",
        "BF", "FBM", "BDFT", "CT", "SOA", "MOA", "asec", "amin", "kat", "katal", "mfu", "m.f.u.", "cps", "rps",
        "Rd", "nt", "sb", "esu", "statC", "franklin", "faraday", "maxwell", "Mx", "Oe", "Gs", "gauss", "henry",
        "weber", "tesla", "gray", "mole", "newton", "pascal", "kelvin", "coulomb", "farad", "joule", "siemens",
        "rutherford", "roentgen", "röntgen", "denier", "stokes", "St", "P", "poise", "mho", "erg", "baud", "Bd",
        "kip", "klb", "dyn", "dyne", "hph", "Ws", "VA", "Eh", "hartree", "league", "barn", "nibble", "beep", "bip",
        "permil", "per mil", "per mill", "permill", "jansky", "Jy", "mJy", "SLM", "PPH", "nucleotide",
        "barrel dry", "dry barrel", "quart dry", "quart liquid", "pint dry", "pint liquid", "bbl dry", "qt liq", "qt dry",
        "pt liq", "pt dry", "pt", "p", "d.", "bevatron", "pferdestarke", "candle", "dalton", "tetrade", "quadbit",
        "barye", "annum", "in", "hs", "ns", "dam", "hm", "qr", "tf", "gf", "kp", "au", "ua", "UA", "AU", "ppt", "per second",
        "kilo base pair", "mega base pair", "giga base pair", "kbp", "Mbp", "fb-1", "fb−1", "inverse femtobarn", '"Hg', "ac*ft",
        "CFM", "CFPM"}  # quantulum3 0.10.0 files CFM (cubic feet per minute) under cubic foot per second


def _read(wheel: str | None) -> tuple[dict, dict]:
    names = ("quantulum3/units.json", "quantulum3/_lang/en_US/common-words.json")
    if wheel:
        with zipfile.ZipFile(wheel) as z:
            return tuple(json.loads(z.read(n)) for n in names)          # type: ignore[return-value]
    spec = importlib.util.find_spec("quantulum3")      # finds the package without running it
    if spec is None or not spec.submodule_search_locations:
        sys.exit("quantulum3 is not installed: pip install quantulum3==0.10.0, or give --wheel")
    base = Path(list(spec.submodule_search_locations)[0]).parent
    return tuple(json.loads((base / n).read_text(encoding="utf-8")) for n in names)  # type: ignore[return-value]


_IRREGULAR = {"foot": "feet", "inch": "inches", "century": "centuries"}
_NO_PLURAL = ("celsius", "centigrade", "fahrenheit", "rankine", "kelvin", "feet", "mercury", "water", "light", "column")


def _plural(surface: str) -> str:
    """The plural of a unit name: of its first word before "per"/"of" or of "degree ...", else of
    its last word ("metres per second", "degrees rankine", "acre feet"); a scale name has none."""
    words = surface.split(" ")
    k = next((i - 1 for i, w in enumerate(words) if w in ("per", "of") and i > 0), len(words) - 1)
    if words[0] == "degree":
        k = 0
    w = words[k]
    if w in _IRREGULAR:
        words[k] = _IRREGULAR[w]
    elif w.endswith("y") and w[-2:-1] not in "aeiou":
        words[k] = w[:-1] + "ies"
    elif not w.endswith(("s", "z", "x", "ch", "sh")) and w not in _NO_PLURAL:
        words[k] = w + "s"
    elif w.endswith(("ch", "sh")):
        words[k] = w + "es"
    return " ".join(words)


def rows(units: dict, common: dict) -> list[tuple[str, str, str, str]]:
    from sitrep.extract.numbers import Lex, _norm
    lex = Lex(q3=None)                                   # units.yaml alone
    common_words = {w for ws in common.values() for w in ws}
    ours_lower = set(lex.measures) | set(lex.cur_names) | set(lex.cur_symbols) | set(lex.minor)
    ours_cased = set(lex.cased) | set(lex.cased_cur) | set(lex.spaced_letters)
    by_symbol: dict[str, set[str]] = {}
    by_surface: dict[str, set[str]] = {}
    for name, u in units.items():
        for s in u.get("symbols", []):
            by_symbol.setdefault(s, set()).add(name)
        for s in u.get("surfaces", []):
            by_surface.setdefault(_norm(s), set()).add(name)
    out: dict[tuple[str, str], tuple[str, str, str, str]] = {}
    for name, u in units.items():
        entity = u.get("entity", "")
        if entity in SKIP_ENTITIES or entity == "dimensionless" and name not in KEEP_DIMENSIONLESS or name in SKIP:
            continue
        group = GROUPS.get(entity, "power")
        uname = name.lower()
        if uname.replace("meter", "metre") in lex.unit_groups:     # a unit units.yaml has: our name and group
            uname = uname.replace("meter", "metre")
            group = lex.unit_groups[uname]
        else:                                          # ... under another name, by a name (never a symbol: cased)
            for s in [name] + u.get("surfaces", []):
                hit = lex.measures.get(_norm(s)) or lex.measures.get(_norm(_plural(s)))
                if hit and len(s) > 2 and len(by_surface.get(_norm(s), ())) <= 1:
                    uname, group = hit
                    break
        for s in u.get("symbols", []):
            if len(s) < 2 or s in SKIP or len(by_symbol[s]) > 1 or s.lower() in common_words or " " in s \
                    or s in ours_cased or _norm(s) in ours_lower or not any(c.isalpha() for c in s):
                continue
            out[("symbol", s)] = ("symbol", s, uname, group)
        for s in u.get("surfaces", []):
            s = _norm(s)
            if s in SKIP or len(by_surface[s]) > 1 or not s.replace(" ", "").replace("-", "").isalpha():
                continue
            kind = "name" if " " not in s else "phrase"
            if kind == "name" and (s in common_words or len(s) < 3):
                continue
            for form in dict.fromkeys((s, _plural(s))):
                if form not in ours_lower and form not in by_surface.keys() - {s}:
                    out.setdefault((kind, form), (kind, form, uname, group))
    return sorted(out.values(), key=lambda r: (r[0], r[2], r[1]))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--wheel", help="read quantulum3's tables from this wheel instead of the installed package")
    args = ap.parse_args()
    units, common = _read(args.wheel)
    table = rows(units, common)
    head = [f"# Unit symbols and names from quantulum3 {VERSION}'s unit table (units.json; MIT, see ATTRIBUTION.md),",
            "# made by scripts/build_units_q3.py; only what data/units.yaml lacks (units.yaml wins).",
            "# kind: symbol (matched in its case) | name (one word, matched in lower case only) | phrase (several words)",
            "kind\tsurface\tunit\tgroup"]
    OUT.write_text("\n".join(head + ["\t".join(r) for r in table]) + "\n", encoding="utf-8")
    print(f"{OUT}: {len(table)} rows")


if __name__ == "__main__":
    main()
