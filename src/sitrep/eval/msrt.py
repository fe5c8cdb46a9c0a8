"""Microsoft Recognizers-Text English specs: pass rates of the number reader.

Four spec files (all cases, also those marked NotSupported for Python: they are
valid English): numbers (Number_NumberModel), ranges (Number_NumberRangeModel),
currency and dimensions (NumberWithUnit_*). A case passes when the figures we
read from its input are exactly the expected ones (as a multiset):
- numbers: the values (every number, unit or not: ``scan(bare=True)``);
- ranges: the (low, high) bounds, open or closed alike ("more than 30" is
  (30, None), "under 170" is (None, 170), an equality is (v, v));
- currency: value and currency (their unit names mapped to ISO codes);
- dimensions: value and unit name (their names spelled as ours: meter -> metre).
Values are equal within a relative 1e-6. There is no dev/test split: "all".
"""
from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

SUITE = "msrt"
HELP = "Recognizers-Text English specs: numbers, ranges, currency, dimensions pass rates"

FILES = {"numbers": "Number_NumberModel.json", "ranges": "Number_NumberRangeModel.json",
         "currency": "NumberWithUnit_CurrencyModel.json", "dimensions": "NumberWithUnit_DimensionModel.json"}
_CUR = {"dollar": "USD", "united states dollar": "USD", "euro": "EUR", "pound": "GBP", "british pound": "GBP",
        "chinese yuan": "CNY", "japanese yen": "JPY", "canadian dollar": "CAD", "australian dollar": "AUD",
        "hong kong dollar": "HKD", "new zealand dollar": "NZD", "swiss franc": "CHF", "franc": "CHF",
        "turkish lira": "TRY", "rupee": "INR", "cent": "cent", "pence": "penny", "penny": "penny", "sen": "sen",
        "bitcoin": "BTC", "mexican peso": "MXN", "costa rican colón": "CRC", "georgian lari": "GEL", "lao kip": "LAK",
        "sri lankan rupee": "LKR", "finnish markka": "FIM", "peseta": "ESP", "netherlands guilder": "NLG"}


def _r(v):
    return None if v is None else round(float(v), 6)


def _dim(name: str) -> str:
    n = name.lower().replace("meter", "metre").replace("liter", "litre")
    return {"metric ton": "tonne", "pound": "pound-mass", "ton": "ton"}.get(n, n)


def expected(kind: str, case: dict) -> Counter:
    out = Counter()
    for r in case.get("Results", []):
        res = r.get("Resolution") or {}
        v = res.get("value")
        if kind == "ranges":
            lo, hi = str(v).strip("[]()").split(",")
            out[(_r(lo) if lo.strip() else None, _r(hi) if hi.strip() else None)] += 1
            continue
        try:
            val = _r(v)
        except (TypeError, ValueError):
            continue
        if kind == "numbers":
            out[val] += 1
        elif kind == "currency":
            out[(val, _CUR.get(str(res.get("unit", "")).lower(), str(res.get("unit", "")).lower()))] += 1
        else:
            out[(val, _dim(str(res.get("unit", ""))))] += 1
    return out


def found(kind: str, figs: list[dict]) -> Counter:
    out = Counter()
    for f in figs:
        if kind == "ranges":
            if f["low"] is not None or f["high"] is not None:
                out[(_r(f["low"]), _r(f["high"]))] += 1
            elif f["approx"] == "at_least":
                out[(_r(f["value"]), None)] += 1
            elif f["approx"] == "at_most":
                out[(None, _r(f["value"]))] += 1
            continue
        vals = [f["value"]] if f["value"] is not None else [f["low"], f["high"]]
        for v in vals:
            if v is None:
                continue
            if kind == "numbers":
                out[_r(v)] += 1
            elif kind == "currency":
                if (f["unit_class"] or "").startswith("money"):
                    out[(_r(v), f["unit"].split(" per ")[0])] += 1     # the amount, not the rate
            elif f["unit"] and f.get("group") in _DIMENSIONS:
                out[(_r(v), f["unit"].split(" per ")[0] if " per " in f["unit"] and
                     f["unit"].split(" per ")[1] not in ("hour", "second", "millisecond") else f["unit"])] += 1
    return out


_DIMENSIONS = {"length", "mass", "area", "volume", "speed", "data", "power", "temperature"}


def run(shared: Path, split: str = "all") -> dict:
    from ..extract.pipeline import Pipeline
    from ..extract.quantities import lexicon, scan

    root = Path(shared) / "benchmarks" / "msrt_specs_en"
    pipe = Pipeline(stages=())
    lex = lexicon()
    scores = {}
    for kind, name in FILES.items():
        cases = json.loads((root / name).read_text(encoding="utf-8-sig"))
        ok = 0
        for case, sdoc in zip(cases, pipe.nlp.pipe(c["Input"] for c in cases)):
            figs = scan(sdoc, lex, bare=kind in ("numbers", "ranges"))
            ok += found(kind, figs) == expected(kind, case)
        scores[f"{kind}_pass"] = round(ok / len(cases), 4)
    return {"all": scores}
