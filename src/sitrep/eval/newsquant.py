"""NewsQuant (CQE, EMNLP 2023): value+unit F1 of the quantities stage on 590 news sentences.

Split: dev = even positions, test = odd positions of NewsQuant.json.

How CQE's ``evaluation/evaluate_models.py`` scores (``calculate_metrics``), and how we follow it:

- Values: equal within ``np.isclose`` (rtol 1e-5, atol 1e-8); a gold range "a-b" needs a found
  range with both bounds equal (never an average). Same here.
- Counting: for each gold quantity of a sentence, every found one of equal value counts a value
  hit, up to as many hits as the sentence has gold quantities; and every found one of equal value
  AND unit counts a value+unit hit (no one-to-one pairing: a found figure may answer several gold
  ones). P = hits / found, R = hits / gold. ``value_f1`` and ``value_unit_f1`` are counted exactly
  so. Because that is laxer than one-to-one matching when a sentence repeats a value, the same
  metrics with one-to-one matching (each found figure used once) are reported too
  (``value_1to1_*``, ``value_unit_1to1_*``); on dev they are about 0.005 lower.
- Units: theirs is exact equality of CQE's own lower-cased normalized unit strings. Ours are named
  differently, so both sides are brought to one form first (``unit_key``): currency codes to their
  names (USD -> dollar, also "united states dollar" as their normalizer names "US$"; INR also their
  generic "rupee" for a plain "rupees"; NLG as their table spells it, "netherlands guilde"), our measure
  names to the keys of CQE's unit table (``unit.json``) where they differ (percent -> percentage,
  tonne -> metric ton, cubic centimetre -> millilitre, nautical mile -> mile, parts-per-million ->
  part per million; the names as CQE's evaluation taggers map other systems' units to theirs,
  satya77/CQE_Evaluation ``dictionary_unit``), one unit under two of their names taken as one ("lb-ft" foot pound-force =
  "pound-feet" pound-foot), lower case; then equality, or for a rate both parts ("tests per
  day" = "test per day"); a gold "-" (no unit) matches a figure without a unit.
  For a thing counted we are LAXER than exact equality: our unit is the head noun ("troops"),
  theirs the phrase their extractor chose ("commercial fisherman", "Kia Hyundai vehicle"), so the
  found head noun (singular or plural) matches when it is one of the gold phrase's words, or
  the gold phrase written as one word ("touchdowns" = "touch down": one noun, their normalizer
  splits it). Only for a thing counted: a measure or a currency of ours (a name in the units
  lexicon) must be named as theirs, never matched by one word ("metre" is no "square metre",
  "dollar" no "australian dollar"), except as the measure of a thing ("barrel" = "barrel of oil").
  A value match alone never counts as a unit match (as theirs).
  Where their normalizer misreads a sign we score it as a miss, not bend to it: a price
  written "118.5p" is ``penny`` for us and "point" in their gold (a few dev items).
- A conversion in brackets, which we keep inside the amount it converts, is scored as a figure
  of its own, as the gold lists it; a change ("from 208 to 193", our ``from_value``) is scored
  as the pair (208, 193), which is how the gold writes it.
Metrics: value F1 (value only) and value_unit F1, with P and R, as above.
"""
from __future__ import annotations

import json
import re
from pathlib import Path

from .match import max_matching

SUITE = "newsquant"
HELP = "NewsQuant (CQE): quantities in 590 news sentences, value and value+unit F1 (dev even / test odd)"

_CURRENCY_NAMES = {"USD": "dollar", "EUR": "euro", "GBP": "pound sterling", "JPY": "japanese yen",
                   "CNY": "chinese yuan", "AUD": "australian dollar", "CAD": "canadian dollar",
                   "HKD": "hong kong dollar", "NZD": "new zealand dollar", "MYR": "malaysian ringgit",
                   "ILS": "shekel", "INR": "indian rupee", "KRW": "south korean won", "RUB": "russian ruble",
                   "UAH": "ukrainian hryvnia", "CHF": "swiss franc", "SGD": "singapore dollar", "ZAR": "south african rand",
                   "BRL": "brazilian real", "TRY": "turkish lira", "TWD": "new taiwan dollar", "SEK": "swedish krone",
                   "DKK": "danish krone", "NOK": "norwegian krone", "HRK": "croatian kuna", "MXN": "mexican peso",
                   "NGN": "nigerian naira", "AED": "united arab emirates dirham", "SAR": "saudi riyal", "IRR": "iranian rial",
                   "THB": "thai baht", "IDR": "indonesian rupiah", "PLN": "polish złoty", "HUF": "hungarian forint",
                   "CZK": "czech koruna", "BDT": "bangladeshi taka", "GHS": "ghanaian cedi", "ETB": "ethiopian birr",
                   "KZT": "kazakhstani tenge", "GEL": "georgian lari", "AZN": "azerbaijani manat", "AMD": "armenian dram",
                   "MMK": "myanmar kyat", "VND": "vietnamese dong", "AFN": "afghan afghani", "KES": "kenyan shilling",
                   "UGX": "ugandan shilling", "TZS": "tanzanian shilling", "EGP": "egyptian pound", "LBP": "lebanese pound",
                   "SYP": "syrian pound", "PKR": "pakistani rupee", "LKR": "sri lankan rupee", "PHP": "philippine peso",
                   "ARS": "argentine peso", "CLP": "chilean peso", "COP": "colombian peso", "IQD": "iraqi dinar",
                   "JOD": "jordanian dinar", "KWD": "kuwaiti dinar", "RSD": "serbian dinar", "LYD": "libyan dinar",
                   "BYN": "belarusian ruble", "BGN": "bulgarian lev", "RON": "romanian leu", "ZMW": "zambian kwacha",
                   "BTC": "bitcoin", "CRC": "costa rican colón", "LAK": "lao kip", "FIM": "finnish markka",
                   "ESP": "peseta", "NLG": "netherlands guilde", "DEM": "deutsche mark", "FRF": "french franc",
                   "ITL": "italian lira", "NPR": "nepalese rupee", "PEN": "peruvian sol", "XOF": "west african cfa franc",
                   "XAF": "central african cfa franc", "QAR": "qatari riyal", "BHD": "bahraini dinar", "OMR": "omani rial",
                   "MAD": "moroccan dirham", "TND": "tunisian dinar", "DZD": "algerian dinar", "GTQ": "guatemalan quetzal",
                   "BWP": "botswana pula", "AOA": "angolan kwanza"}
# other names their normalizer gives the same currency ("US$" -> united states dollar, "$" -> dollar)
# (their table's key for the Dutch guilder is spelled "netherlands guilde"; a plain "rupees" is their generic "rupee")
_CURRENCY_ALIASES = {"USD": {"united states dollar", "us dollar"}, "INR": {"rupee"}}
_MEASURE_NAMES = {"percent": "percentage", "years old": "year of age", "percentage point": "percentage point", "decade": "decade",
                  "tonne": "metric ton", "pound-mass": "pound-mass", "cubic centimetre": "millilitre", "nautical mile": "mile",
                  "atmosphere": "standard atmosphere", "troy ounce": "ounce", "fluid ounce": "ounce", "megapixels": "megapixel",
                  "kilotonne": "kiloton", "megatonne": "megaton", "gigatonne": "gigaton", "microlitre": "cubic millimetre",
                  "kilolitre": "cubic metre", "parts-per-million": "part per million",
                  # one unit under two names: their normalizer calls "lb-ft" a foot pound-force, "pound-feet" a pound-foot
                  "foot pound-force": "pound-foot",
                  # quantulum's names, as CQE's quantulum tagger maps them
                  "degree celsius": "celsius", "degree fahrenheit": "fahrenheit"}


_IRREGULAR = {"men": "man", "women": "woman", "people": "people", "children": "child", "feet": "foot",
              "teeth": "tooth", "mice": "mouse", "geese": "goose"}


def _singulars(w: str) -> set[str]:
    """The forms a word may have in the singular ("viruses" -> virus or viruse)."""
    w = w.lower().strip()
    if w in _IRREGULAR:
        return {_IRREGULAR[w]}
    if w.endswith("men") and len(w) > 4:
        return {w[:-3] + "man"}
    out = {w}
    if len(w) > 4 and w.endswith("ies"):
        out.add(w[:-3] + "y")
    if len(w) > 3 and w.endswith("es"):
        out.add(w[:-2])
    if len(w) > 2 and w.endswith("s") and not w.endswith("ss"):
        out.add(w[:-1])
    return out


def unit_key(unit: str | None) -> str:
    if unit is None or unit.strip() in ("", "-"):
        return "-"
    u = unit.strip()
    if " per " in u:
        return " per ".join(unit_key(p) for p in u.split(" per ", 1))
    if u in _CURRENCY_NAMES:
        return _CURRENCY_NAMES[u]
    u = u.lower()
    return _MEASURE_NAMES.get(u, u)


def units_match(found: str | None, gold: str) -> bool:
    """Same normalized unit; or, for a thing counted, the found head word (singular) is one of
    the words of the gold unit ("fishermen" = "commercial fisherman", "snaps" = "snap man coverage")."""
    f, g = unit_key(found), unit_key(gold)
    if f == g:
        return True
    if f == "-" or g == "-":
        return False
    if " per " in f and " per " in g:           # a rate: both sides match ("tests per day" = "test per day")
        (f1, f2), (g1, g2) = f.split(" per ", 1), g.split(" per ", 1)
        return units_match(found.split(" per ", 1)[0], g1) and units_match(f2, g2)
    if found and found.strip() in _CURRENCY_ALIASES and g in _CURRENCY_ALIASES[found.strip()]:
        return True
    if " per " in f or " per " in g or " of age" in g or " of age" in f:
        return False
    if found.strip() in _measure_names():            # a measure or a currency is named alike ("metre" is no "square
        return " of " in g and unit_key(g.split(" of ")[0]) == f     # metre"), or is the measure of a thing ("barrel of oil")
    head = _singulars(f.split()[-1])
    words = _singulars("".join(g.split()))          # "touchdowns" = "touch down", one word spelled apart
    for w in g.split():
        words |= _singulars(w)
    return bool(head & words)


_MEASURES: set[str] = set()


def _measure_names() -> set[str]:
    """Our names of measures and currencies (the words of a counted thing are anything else)."""
    if not _MEASURES:
        from ..extract.numbers import lexicon
        lex = lexicon()
        _MEASURES.update(name for name, _ in lex.measures.values())
        _MEASURES.update(lex.unit_groups)
        _MEASURES.update(name for name, _ in lex.spaced_letters.values())
        _MEASURES.update(lex.cased.values())
        _MEASURES.update(name for name, _ in lex.q3_words.values())
        _MEASURES.update(lex.cur_symbols.values())
        _MEASURES.update(lex.cur_names.values())
        _MEASURES.update(lex.minor.values())
        _MEASURES.update(("penny", "pound-mass", "inch", "year of age"))
    return _MEASURES


def gold_value(v: str):
    v = str(v).strip()
    if "-" in v[1:] and "E" not in v:
        a, b = v[1:].split("-", 1) if v.startswith("-") else v.split("-", 1)
        a = ("-" + a) if v.startswith("-") else a
        return (float(a), float(b))
    return float(v)


def _close(a: float, b: float) -> bool:
    return abs(a - b) <= 1e-8 + 1e-5 * abs(b)


def values_match(found, gold) -> bool:
    if isinstance(gold, tuple) != isinstance(found, tuple):
        return False
    if isinstance(gold, tuple):
        return _close(found[0], gold[0]) and _close(found[1], gold[1])
    return _close(found, gold)


def figures(records) -> list[tuple]:
    """(value or (low, high), unit) of each found figure, conversions included."""
    out = []
    for q in records:
        v = q.value if q.value is not None else (q.low, q.high)
        if isinstance(v, tuple) and (v[0] is None or v[1] is None):
            v = v[0] if v[0] is not None else v[1]
        if getattr(q, "from_value", None) is not None and not isinstance(v, tuple):
            v = (q.from_value, v)                # "from 208 to 193": the pair, as the gold writes it
        unit = q.unit if (q.unit_class or "").startswith("money") or q.unit_class in (None,) else q.unit
        out.append((v, unit))
        for cv, cu in q.converted:
            out.append((tuple(cv) if isinstance(cv, (list, tuple)) else cv, cu))
    return out


def matched(ok: list[list[bool]]) -> int:
    """The most gold figures that can be paired one-to-one with found ones, ``ok[g][f]`` saying
    which pairs may be made (a maximum bipartite matching, ``match.max_matching``)."""
    return max_matching([[f for f, fits in enumerate(row) if fits] for row in ok])


def score(pairs) -> dict[str, float]:
    """pairs: [(found figures, gold quantities)] -> P/R/F1 for value and value+unit, counted as CQE's
    ``calculate_metrics`` counts; ``*_1to1`` are the same metrics with one-to-one matching (stricter:
    on dev value+unit F1 0.952, not 0.965; the ``cqe_units`` suite reports these)."""
    n_found = n_gold = tp_v = tp_u = tp_v1 = tp_u1 = 0
    for found, gold in pairs:
        n_found += len(found)
        n_gold += len(gold)
        budget = len(gold)                       # theirs: at most one value hit per gold figure in all
        hits_u = 0
        for g in gold:
            gv = gold_value(g["value"])
            for k, (fv, fu) in enumerate(found):
                if not values_match(fv, gv):
                    continue
                if budget > 0:
                    tp_v, budget = tp_v + 1, budget - 1
                if units_match(fu, g["normalized_unit"]):
                    hits_u += 1                  # theirs: every found figure of that value and unit
        tp_u += hits_u                           # theirs: every one counted (P may pass 1)
        same_v = [[values_match(fv, gold_value(g["value"])) for fv, _ in found] for g in gold]
        tp_v1 += matched(same_v)
        tp_u1 += matched([[ok and units_match(fu, g["normalized_unit"]) for ok, (_, fu) in zip(row, found)]
                          for row, g in zip(same_v, gold)])
    out = {}
    for name, tp in (("value", tp_v), ("value_unit", tp_u), ("value_1to1", tp_v1), ("value_unit_1to1", tp_u1)):
        p = tp / n_found if n_found else 0.0
        r = tp / n_gold if n_gold else 0.0
        out[f"{name}_p"], out[f"{name}_r"] = round(p, 4), round(r, 4)
        out[f"{name}_f1"] = round(2 * p * r / (p + r), 4) if p + r else 0.0
    return out


def run(shared: Path, split: str = "all") -> dict:
    from ..errors import SitrepError
    from ..extract.pipeline import Pipeline
    from ..extract.quantities import find_quantities
    from ..extract.context import Context
    from ..model import Document, Records

    path = Path(shared) / "benchmarks" / "cqe_newsquant" / "NewsQuant.json"
    if not path.exists():
        raise SitrepError(f"{path}: NewsQuant not found", input=str(path), reason="not_found")
    data = json.loads(path.read_text(encoding="utf-8"))
    splits = {"dev": data[0::2], "test": data[1::2]}
    wanted = ["dev", "test"] if split == "all" else [split]
    pipe = Pipeline(stages=())
    result = {}
    for name in wanted:
        items = splits[name]
        pairs = []
        for item, sdoc in zip(items, pipe.nlp.pipe((x["text"] for x in items), batch_size=64)):
            doc = Document.new(item["text"])
            ctx = Context(doc=doc, sdoc=sdoc, resources=pipe.resources, records=Records(doc_id=doc.id))
            pairs.append((figures(find_quantities(ctx)), item["quantities"]))
        result[name] = score(pairs)
    return result
