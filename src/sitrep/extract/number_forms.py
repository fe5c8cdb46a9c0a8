"""Less common number forms read by ``numbers._parse_number``: scientific notation ("3e-6",
"6.02 x 10 ^ 23") and a range spaCy leaves in one token ("5.25%-5.5" before "%", "5-$6" after "$")."""
from __future__ import annotations

import re

_SCI_RE = re.compile(r"^([+\-−]?\d+(?:\.\d+)?)(?:[eE]([+\-−]?\d{1,3})|[×xX]10([\-−]\d{1,3})?)$")
_EXP_RE = re.compile(r"^[\-−]?\d{1,3}$")
_GLUED_RANGE = re.compile(r"^(\d[\d,]*(?:\.\d+)?)(?:(%)[-–]|[-–]([$€£¥]))(\d[\d,]*(?:\.\d+)?)$")   # tokens spaCy leaves whole
_YEAR = re.compile(r"^(1[5-9]\d\d|2[01]\d\d)$")


def _glued_range(text: str):
    """(None, low, high, flags) for a range written in one token with a sign inside, or None."""
    g = _GLUED_RANGE.match(text)
    if not g or any(_YEAR.match(x) for x in (g.group(1), g.group(4))):
        return None
    lo, hi = float(g.group(1).replace(",", "")), float(g.group(4).replace(",", ""))
    if lo >= hi:
        return None
    return None, lo, hi, {"digits": True, "range": True, "dash": True, "raw": g.group(1)}


def _exponent(doc, j: int, end: int):
    """An exponent written "^ 23", "^ -7" or "^-7" from token j: (exponent, next token) or None."""
    if j + 1 >= end or doc[j].text != "^":
        return None
    if _EXP_RE.match(doc[j + 1].text):
        return int(doc[j + 1].text.replace("−", "-")), j + 2
    if doc[j + 1].text in ("-", "−") and j + 2 < end and doc[j + 2].text.isdigit() and len(doc[j + 2].text) <= 3:
        return -int(doc[j + 2].text), j + 3
    return None


def _scientific(doc, i: int, end: int):
    """A number in scientific notation: "3e-6", "1.2×10−7", "1.99×10 ^ 30", "6.02 x 10 ^ 23"."""
    text = doc[i].text
    m = _SCI_RE.match(text)
    mant = exp = None
    j = i + 1
    if m and m.group(2):
        mant, exp = m.group(1), int(m.group(2).replace("−", "-"))
    elif m and m.group(3):
        mant, exp = m.group(1), int(m.group(3).replace("−", "-"))
    elif m:                                                   # "1.99×10" then "^ 30"
        e = _exponent(doc, j, end)
        if e:
            mant, (exp, j) = m.group(1), e
    elif text[:1].isdigit() and j + 1 < end and doc[j].text in ("x", "×", "X") and doc[j + 1].text == "10":
        e = _exponent(doc, j + 2, end)                        # "6.02 x 10 ^ 23"; never "5 x 10" alone
        if e and re.match(r"^\d+(?:\.\d+)?$", text):
            mant, (exp, j) = text, e
    if mant is None:
        return None
    value = float(f"{mant.replace('−', '-')}e{exp}")
    return value, None, None, j, {"digits": True, "raw": text, "mult": True, "sci": True}
