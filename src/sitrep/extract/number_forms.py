"""Less common number forms read by ``numbers._parse_number``: scientific notation ("3e-6",
"6.02 x 10 ^ 23"), a range spaCy leaves in one token ("5.25%-5.5" before "%", "5-$6" after "$"),
and a range of amounts with their multipliers glued ("$2bn-$3bn", "£2m-£3m", "$2 billion-$3 billion")."""
from __future__ import annotations

import re

_SCI_RE = re.compile(r"^([+\-−]?\d+(?:\.\d+)?)(?:[eE]([+\-−]?\d{1,3})|[×xX]10([\-−]\d{1,3})?)$")
_EXP_RE = re.compile(r"^[\-−]?\d{1,3}$")
_GLUED_RANGE = re.compile(r"^(\d[\d,]*(?:\.\d+)?)(?:(%)[-–]|[-–]([$€£¥]))(\d[\d,]*(?:\.\d+)?)$")   # tokens spaCy leaves whole
# a temperature range spaCy leaves in one token, the scale letter after both numbers ("20C-25C")
_GLUED_DEGREES = re.compile(r"^(-?\d{1,3}(?:\.\d)?)°?([CF])[-–](-?\d{1,3}(?:\.\d)?)°?\2$")
_SCALES = {"C": "celsius", "F": "fahrenheit"}
_YEAR = re.compile(r"^(1[5-9]\d\d|2[01]\d\d)$")


def _glued_range(text: str):
    """(None, low, high, flags) for a range written in one token with a sign inside, or None."""
    d = _GLUED_DEGREES.match(text)
    if d and float(d.group(1)) < float(d.group(3)):                 # "20C-25C", "68F–77F": one scale twice
        return None, float(d.group(1)), float(d.group(3)), {"digits": True, "range": True, "dash": True, "raw": d.group(1),
                                                             "glued": (_SCALES[d.group(2)], "temperature")}
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


_SIGNS = "$€£¥₹₽"
_AMOUNT = r"([$€£¥₹₽]?)(\d[\d,]*(?:\.\d+)?)(k|K|m|M|mn|bn|b|B|tn|trn)?"
_MONEY_RANGE = re.compile(rf"^{_AMOUNT}[-–]{_AMOUNT}$")
_WORD_RANGE = re.compile(r"^(hundred|thousand|million|billion|trillion)[-–]([$€£¥₹₽]?)(\d[\d,]*(?:\.\d+)?)$", re.I)


def _amount_range(doc, i: int, end: int, suffix: dict, mult: dict, money: bool, plural_next):
    """A range of amounts written without spaces: "2bn-$3bn", "2m-£3" then "m", "5m-6m people", "2-3bn";
    or "2" then "billion-$3" then "billion". Returns (None, low, high, next token, flags) or None."""
    t = doc[i]
    if "-" not in t.text and "–" not in t.text and not (i + 1 < end and ("-" in doc[i + 1].text or "–" in doc[i + 1].text)):
        return None
    if i + 2 < end and re.match(r"^\d[\d,]*(?:\.\d+)?$", t.text) and t.whitespace_ \
            and (w := _WORD_RANGE.match(doc[i + 1].text)) and doc[i + 2].lower_ == w.group(1).lower():
        m = mult[w.group(1).lower()]
        lo, hi = float(t.text.replace(",", "")) * m, float(w.group(3).replace(",", "")) * m
        cur = w.group(2) or None
        return (None, lo, hi, i + 3, {"digits": True, "range": True, "mult": True, "raw": t.text, "cur": cur}) if lo < hi else None
    text, j = t.text, i + 1
    while j < end and j - i < 3 and doc[j - 1].whitespace_ == "" and not doc[j].is_space and doc[j].text not in (",", ".", ";", ")"):
        text, j = text + doc[j].text, j + 1
    m = _MONEY_RANGE.match(text)
    while m is None and j > i + 1:                       # the longest run of glued tokens that reads as one
        j -= 1
        text = "".join(x.text for x in doc[i:j])
        m = _MONEY_RANGE.match(text)
    if m is None or not (m.group(3) or m.group(6) or j == i + 1 and "–" in t.text) \
            or _YEAR.match(m.group(2)) and _YEAR.match(m.group(5)):
        return None                                      # a range needs a multiplier, or an en dash in one token ("30–40")
    cur1, n1, s1, cur2, n2, s2 = m.groups()
    cur = cur1 or cur2 or None
    if not cur and not money and "m" in (s1, s2) and not plural_next(doc, j, end):
        return None                                      # "a 5m-6m wall": metres
    f1 = suffix.get((s1 or s2 or "").lower(), 1.0)
    f2 = suffix.get((s2 or s1 or "").lower(), 1.0)
    lo, hi = float(n1.replace(",", "")) * f1, float(n2.replace(",", "")) * f2
    if lo >= hi:
        return None
    return None, lo, hi, j, {"digits": True, "range": True, "mult": bool(s1 or s2), "raw": n1, "cur": cur,
                             "comma": "," in n1 + n2, "dash": True}
