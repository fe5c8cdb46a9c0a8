"""The shapes a number takes around it, for ``quantity_figure._read_figure``: what is no figure
(a designation, a year), the end of a range, a share ("one in five"), a change ("rose $12 to $1,945"),
a count in a compound ("a 600-bed hospital"), a multiplier shared by a list or a range.

Part of the quantities stage (``quantities.py``); none of these reads a whole figure itself.
"""
from __future__ import annotations

from .numbers import Lex, _YEARISH, _cue_after, _cue_before, _match_phrase, _plural_next, _start_number
from .quantity_checks import _unit_after
from .quantity_units import _counted, _record, _round_base


# ---------------------------------------------------------------- skips

# the ending of an ordinal by the last digit of its number ("21 st", "12 th", "3 rd")
_ORDINAL_ENDS = {"1": ("st", "th"), "2": ("nd", "th"), "3": ("rd", "th"), **{d: ("th",) for d in "0456789"}}


def _designation(doc, s: int, j: int, sent_start: int, lex: Lex, flags: dict) -> bool:
    if s > sent_start:
        p = doc[s - 1]
        if p.lower_ in lex.skip_before or p.text in ("#", "No.", "no."):
            return True
        if p.text in ("-", "–") and s - 2 >= sent_start and p.whitespace_ == doc[s - 2].whitespace_ == "" \
                and doc[s - 2].text[-1:].isdigit() and doc[s].is_alpha and doc[s].text[:1].isupper():
            return True                             # "7-Eleven": a number word in a name
        if p.lower_ in lex.months and not (flags.get("comma") or flags.get("mult") or (flags.get("raw") or "").isdigit()
                                           and 31 < int(flags["raw"]) < 1000):
            return True                             # "May 5", "June 2021"; not "last December 400 homes"
        if p.lower_ in lex.months:
            pass
        elif p.ent_type_ in ("PERSON", "ORG", "LOC", "FAC") and doc[s].ent_iob_ == "B" \
                and doc[s].ent_type_ in ("CARDINAL", "DATE", "QUANTITY", "MONEY", "PERCENT", "TIME") \
                and not (s - 2 >= sent_start and doc[s - 2].like_num and doc[s - 2].whitespace_):   # "737 MAX 8": a model
            if s - 2 >= sent_start and doc[s - 2].lower_ in ("the", "a", "an") and j < len(doc) and doc[j].tag_ == "NN" \
                    and (flags.get("raw") or "").isdigit() and not _match_phrase(doc, j, len(doc), lex.measures):
                return True                         # "the Boeing 777 crash", "a UAZ 469 vehicle": a maker's model
            pass                                    # "told Reuters 40 people": a name, then a count of its own
        elif p.pos_ in ("PROPN", "NOUN") and not p.text.islower() \
                and p.ent_type_ not in ("NORP", "MONEY", "DATE", "TIME", "GPE", "CARDINAL", "PERCENT", "QUANTITY") \
                and p.lower_ not in lex.cur_symbols and p.text not in ("US", "HK") and (s - 1 > sent_start or p.pos_ == "PROPN") \
                and not flags.get("glued") and not flags.get("mult") and not _match_phrase(doc, j, len(doc), lex.measures):
            return True                             # "iPhone 11", "Galaxy S22", "Big 12"; not "Pro 16 inch"
    if j < len(doc) and (doc[j].lower_ in lex.months and not (doc[j].text == "may" and doc[j].tag_ == "MD")
                         or doc[j].lower_ in lex.skip_after):      # "5 May" is a date, "over 75 may vote" a modal
        return True
    if j < len(doc) and doc[j].lower_ in _ORDINAL_ENDS.get((flags.get("raw") or "")[-1:], ()) and doc[j - 1].whitespace_ \
            and (flags.get("raw") or "").isdigit():
        return True                                 # "the 21 st century", "the 3 rd round": an ordinal spaced apart
    if j < len(doc) and doc[j].text in (":",) and j + 1 < len(doc) and doc[j + 1].text[:1].isdigit():
        return True
    if j + 1 < len(doc) and doc[j].text in ("N", "S", "E", "W", "NE", "NW", "SE", "SW") \
            and (doc[j + 1].text[:1].isdigit() or doc[j + 1].is_title):
        return True                                 # "9 E 71st St", "12 W Main Street": an address
    if j + 1 < len(doc) and doc[j].lower_ == "local" and doc[j + 1].lower_ == "time":
        return True                                 # "20.00 local time"
    return False


def _is_yearish(flags: dict, value) -> bool:
    return flags.get("digits") and not flags.get("comma") and not flags.get("mult") \
        and value is not None and _YEARISH.match(flags.get("raw", ""))


def _range_end(doc, j: int, b: int, lex: Lex, value, flags: dict, between: bool):
    """A second number closing a range at j: (v2, j2, flags2, cur2) or None."""
    if j >= b:
        return None
    w = doc[j].lower_
    if flags.get("dash") and w == "to":
        k = j + 1
    elif doc[j].text in lex.range_words and ((w == "and" and between) or w in ("to", "-", "–", "—", "through", "or")):
        k = j + 1
    elif w[:3] in ("to-", "to–") and w[3:4].isdigit() and doc[j - 1].whitespace_:
        k, w = j, "to"                   # "200,000 to-260,000": the tokenizer left "to" glued to the number
    else:
        return None
    if w == "-" and (doc[j - 1].whitespace_ or doc[j].whitespace_) and not between \
            and not (doc[j - 1].whitespace_ and doc[j].whitespace_ and _unit_after(doc, j + 1, b, lex)):
        return None                      # "10 -20" no range; "10 - 20 percent", "5 - 10 km" one
    got2 = _start_number(doc, k, b, lex) if k < b else None
    if not got2 or got2[1][0] is None or value is None:
        return None
    cur2, (v2, _, _, j2, f2), _ = got2
    if w in ("-", "–") and flags.get("digits") and f2.get("words") and doc[k].text[:1].isupper():
        return None                      # "7-Eleven": a name
    if w == "or" and not flags.get("words") and not (j2 < b and _plural_next(doc, j2, b) and not f2.get("glued")
                                                     and not _match_phrase(doc, j2, b, lex.measures)):
        return None                      # "2 or 3 stores" one range; "20 or 40 mg" two doses
    return v2, j2, f2, cur2


def _change_by(doc, s: int, a: int, lex: Lex, value, v2) -> bool:
    """ "rose $12.40 to $1,945.10", "slumped by a fifth to 220p": after a word of change (and "by"), a
    second number five times the first or more is the level reached, not the top of a range
    ("expected to grow 2% to 3%", "rose by 2 to 3 percent" stay ranges)."""
    p = s - 1 - (s - 2 >= a and doc[s - 1].lower_ == "by")
    return p >= a and (doc[p].lemma_.lower() in lex.change_verbs or doc[p].lower_ in lex.change_verbs) \
        and value is not None and v2 is not None and 0 < 5 * value <= v2


def _share(doc, s, j, a, b, lex, value, flags):
    """ "one in five residents", "two out of three voters": a share, value n/m, of the thing counted."""
    if value is None or value != int(value) or value <= 0 or j + 1 >= b or flags.get("cur"):
        return None
    k = j + 2 if doc[j].lower_ == "out" and doc[j + 1].lower_ == "of" else j + 1 if doc[j].lower_ == "in" else None
    if k is None or k >= b:
        return None
    got = _start_number(doc, k, b, lex)
    if not got or got[0] or got[1][0] is None or not value < got[1][0] <= 1000 or got[1][4].get("cur") \
            or _is_yearish(got[1][4], got[1][0]) or "." in (got[1][4].get("raw") or ""):
        return None
    m, k2 = got[1][0], got[1][3]
    if k2 < b and (doc[k2].lower_ in lex.months or _match_phrase(doc, k2, b, lex.measures)):
        return None
    unit = _counted(doc, k2, b, lex) if k2 < b else None
    if unit == "designation":
        return None
    name = f"share of {unit[0]}" if unit else "share"
    end = unit[4] if unit else k2
    cue, cs = _cue_before(doc, s, a, lex)
    cue2, after = _cue_after(doc, end, b, lex)                     # "2 in 5 or more"
    rec = _record(doc, cs, s, after if cue2 else end, value / m, None, None, cue2 or cue, None, flags, False)
    rec.update(unit=name, unit_class="share", group="share", subject_tokens=(unit[2], unit[3]) if unit else None)
    return {"records": [rec], "next": rec["end_tok"]}


def _compound_count(doc, j: int, b: int, value, low, flags: dict) -> bool:
    """A number joined by a hyphen to a singular noun before another noun counts that noun: "a
    45,000-seat stadium" (45,000 seats), "a 600-bed hospital", "a 300-page report". Not a word
    fraction or "one" ("a third-party review", "a half-time lead", "a one-party state"), nor "a two-way road", nor a time
    ("a 30-day truce" is read before), nor a noun that is not the head of a compound modifier."""
    v = value if value is not None else low
    if v is None or v < 2 and not (flags.get("digits") and v != 1) or flags.get("one") or flags.get("frac"):
        return False                             # "a 1.5-point lead" is counted; "a one-party state" is not
    t = doc[j]
    return t.is_alpha and t.tag_ == "NN" and t.pos_ == "NOUN" and t.lower_ not in ("year", "old", "odd", "plus", "strong", "way") \
        and j + 1 < b and doc[j + 1].pos_ in ("NOUN", "PROPN", "ADJ")


def _share_by(doc, s: int, j: int, a: int, b: int, value, flags: dict) -> bool:
    """A fraction in words after "by", ending its phrase, is the size of a change: "rose by a
    third", "cut by half", "down by one-fifth". Not "by a third party" (an ordinal before a noun)."""
    return bool(flags.get("words")) and value is not None and 0 < value < 1 and s > a and doc[s - 1].lower_ == "by" \
        and (j >= b or doc[j].is_punct and doc[j].text not in ("-", "–") or doc[j].pos_ in ("ADP", "CCONJ", "SCONJ", "ADV")
             and doc[j].lower_ != "of")


# people in the plural that "under"/"over" and a bare number after them give an age ("children under 5")
_PEOPLE_PLURAL = ("people", "children", "adults", "kids", "those", "persons", "men", "women", "anyone", "everyone",
                  "residents", "citizens", "patients", "workers", "voters", "drivers", "teenagers", "youngsters", "boys", "girls")


def _next_name_age(doc, k: int, b: int) -> bool:
    """ "and" then a name and a number between commas at k: "Smith, 34, and Jones, 29, were" (ages in a list)."""
    if not (k + 4 < b and doc[k].lower_ == "and" and doc[k + 1].pos_ == "PROPN"):
        return False
    m = k + 2
    while m < min(b, k + 4) and doc[m].pos_ == "PROPN":
        m += 1                                   # a name of up to three words
    return m + 2 < b and doc[m].text == "," and doc[m + 1].text.isdigit() and doc[m + 2].text == ","


def _shared_mult(o: dict) -> float | None:
    """The multiplier a listed figure took from the one after it ("4" of "3, 4 and 5 million" is
    4 million): its value over the number written, when that is a thousand, million, billion or trillion."""
    try:
        raw = float(str((o.get("flags") or {}).get("raw", "")).replace(",", ""))
    except ValueError:
        return None
    if not raw or o["value"] is None:
        return None
    ratio = o["value"] / raw
    return next((m for m in (1e3, 1e6, 1e9, 1e12) if abs(ratio - m) <= 1e-6 * m), None)


def _thousands_shared(doc, j: int, value, flags: dict, r) -> float | None:
    """A small whole number joined by a hyphen to a number in thousands shares its thousands
    ("10-15,000 people" is 10,000 to 15,000; "2-3,000 homes"): the first number scaled, or None
    ("100-1,000" stays a hundred to a thousand)."""
    v2, _, f2, _ = r
    raw = f2.get("raw") or ""
    if not ("," in raw and not flags.get("comma") and not flags.get("mult") and not f2.get("mult") and value is not None
            and value == int(value) and 0 < value < 1000 and doc[j].text in ("-", "–")
            and doc[j - 1].whitespace_ == doc[j].whitespace_ == ""):
        return None
    scale = 1000 ** raw.split(".")[0].count(",")
    return value * scale if v2 // scale > value else None


def _count_not_year(doc, s: int, j: int, a: int, unit, lex: Lex) -> bool:
    """A number that could be a year counts the plural noun right after it when the word before it
    is no word of a year and the parser does not call it a date: "sold 1500 tickets", "employs 2000
    people" (not "in 2021 elections", "the 2019 figures", "2020 sales" opening the sentence)."""
    if not unit or unit[3] is None or unit[2] != j or doc[unit[3]].tag_ not in ("NNS", "NNPS") or s <= a:
        return False
    p = doc[s - 1]
    return p.lower_ not in lex.year_before and p.lower_ not in lex.months and p.pos_ in ("VERB", "AUX", "ADV", "ADP") \
        and doc[s].ent_type_ != "DATE" and not (p.pos_ == "ADP" and p.lower_ not in ("of", "about", "around", "over", "than"))


def _per_base(doc, j: int, b: int, lex: Lex):
    """A rate over a round number of things after a bare number: "12 per 100,000 residents", "3.4 per
    1,000 live births", "5 per 100 people". The base (a power of ten from ten up, in digits or a
    word) and what it counts are the unit ("per 100,000 residents"): the base is no figure of its
    own. Returns a unit tuple (name, "rate", first, head, end) or None."""
    rb = _round_base(doc, j + 1, b, lex) if j + 1 < b and doc[j].lower_ == "per" else None
    if rb is None:
        return None
    k = rb[1]
    unit = _counted(doc, k, b, lex) if k < b else None
    if not isinstance(unit, tuple):
        return "per " + doc[j + 1:k].text, "rate", None, None, k
    return "per " + doc[j + 1:unit[4]].text, "rate", unit[2], unit[3], unit[4]
