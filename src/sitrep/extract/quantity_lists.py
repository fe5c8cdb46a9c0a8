"""Lists of hyphenated figures for the quantities stage: "four-, five- and six-cylinder engines".

``_read_figure`` (``quantity_figure.py``) tries ``_suspended`` first at each token that may start a
number: a run of numbers left hanging by a hyphen ("10-", "two-"), joined by commas and "and"/"or",
closed by a hyphenated figure ("40-millimetre") gives one figure per number, all of the unit written
after the last hyphen.
"""
from __future__ import annotations

from .numbers import Lex, _match_phrase, _start_number
from .quantity_units import _record


def _prefix_number(t, lex: Lex):
    """The number of a token left hanging by a hyphen ("10-", "two-"), or None."""
    w = t.lower_
    if len(w) < 2 or w[-1] not in "-–":
        return None
    w = w[:-1].replace(",", "")
    if w in lex.numbers:
        return lex.numbers[w]
    try:
        return float(w) if w[:1].isdigit() else None
    except ValueError:
        return None


def _suspended(doc, i: int, a: int, b: int, lex: Lex):
    """A list of hyphenated figures sharing the last one's unit: "four-, five- and six-cylinder
    engines", "10- and 20-millimetre shells" (a range "5- to 10-kilometre" is read as a range). Each number is a figure of the unit written after
    the last hyphen (a measure, or the word counted: "cylinder"); set out as alternatives, the
    numbers are what the phrase tells, unlike a lone "six-cylinder engine" (a kind of engine)."""
    values, k = [], i
    while k < b and (v := _prefix_number(doc[k], lex)) is not None:
        values.append((k, v))
        k += 1
        if k < b and doc[k].text == ",":
            k += 1
        if k < b and doc[k].lower_ in ("and", "or"):
            k += 1
    if not values or i > a and doc[i - 1].lower_ == "between" or k + 2 >= b or k == values[-1][0] + 1 or doc[k + 1].text not in ("-", "–") \
            or doc[k].whitespace_ or doc[k + 1].whitespace_:
        return None
    got = _start_number(doc, k, b, lex)
    if not got or got[0] or got[1][0] is None or got[1][3] != k + 1:
        return None
    u = k + 2
    hit = _match_phrase(doc, u, b, lex.measures)
    if hit:
        unit = (hit[0][0], hit[0][1], None, None, hit[1])
    elif doc[u].pos_ == "NOUN" and doc[u].is_alpha:
        unit = (doc[u].text, lex.counted.get(doc[u].lower_) or doc[u].lemma_.lower(), u, u, u + 1)
    else:
        return None
    flags = {"digits": True}
    recs = [_record(doc, t, t, t + 1, v, None, None, None, unit[:4] + (t + 1,), flags, False) for t, v in values]
    recs.append(_record(doc, k, k, unit[4], got[1][0], None, None, None, unit, got[1][4], False))
    return {"records": recs, "next": unit[4]}
