"""Units of a figure: the measure, currency or thing counted written after the number.

Part of the quantities stage (``quantities.py``): ``_unit_at`` reads the unit at a token (a
cased symbol "450 Nm", a currency name, a measure from ``data/units.yaml``, a pound that is
money or weight, a minor currency "45c"), ``_counted`` the head noun of the modifiers after
the number ("North Korean troops"), ``_rate`` a "per" part ("$58.24 per barrel", "3,000
tests a day"), and ``_record`` turns what was read into the plain dict the scanner returns.
"""
from __future__ import annotations

import math
import re

from .numbers import _DETS, _DEICTIC, _GLUED_ONE, Lex, _match_phrase, _norm, _start_number, lexicon

_HEAD_POS = {"NOUN", "PROPN"}
_MOD_POS = {"ADJ", "PROPN", "NOUN", "VERB", "NUM"}

# a model numbered, in the plural: "Model 3s", "Boeing 787s", "MiG-29s" (what is counted)
_MODEL_PLURAL = re.compile(r"^(?:[A-Za-z]+-)?\d{1,4}[A-Za-z]?s$")
# a model named by letters and a number in one token, before the plural it modifies: "5 F-16 jets", "4 S-400 batteries"
_MODEL_TOKEN = re.compile(r"^[A-Z][A-Za-z]{0,3}-\d{1,4}[A-Z]?$")
_MEASURE_GROUPS = {"percent", "length", "time", "speed", "mass", "area", "volume", "power", "data", "temperature", "ratio"}

# ---------------------------------------------------------------- units

def _unit_at(doc, j: int, end: int, lex: Lex, glued: bool, had_mult: bool):
    """The unit written at token j: (unit, unit_class, subject_start_tok, head_tok, next_j) or None."""
    if j >= end:
        return None
    sym = doc[j].text
    if sym[-1:] == "." and sym not in lex.cased and (j + 1 >= len(doc) or doc[j + 1].is_punct or doc[j + 1].is_title):
        sym = sym[:-1]                                     # "at 5 nA." closing the sentence
    if sym != doc[j].text and (len(sym) > 1 or not sym.isalpha() or glued and sym in _GLUED_ONE) and _norm(sym) in lex.measures:
        name, group = lex.measures[_norm(sym)]               # "250 mL.", "100m." closing the sentence, left whole
        return name, group, None, None, j + 1
    if sym in lex.senses and any(t.lower_ in lex.senses[sym][2] for t in doc[j].sent):
        name, group, _ = lex.senses[sym]                   # "2.5 F" of a capacitor, "12 kn" of a boat
        lex.unit_groups.setdefault(name, group)
        return name, group, None, None, j + 1
    if sym in lex.cased_cur:                               # "20,000 Ft", "450 zł"
        return lex.cased_cur[sym], f"money:{lex.cased_cur[sym]}", None, None, j + 1
    if sym in lex.spaced_letters and (j + 1 >= end or doc[j + 1].is_punct and doc[j + 1].text not in "-–/"
                                      or doc[j + 1].lower_ in _AFTER_LETTER or doc[j + 1].pos_ in ("ADP", "CCONJ", "SCONJ")) and not (sym in "NSEW" and j + 2 < end and doc[j + 2].like_num):
        name, group = lex.spaced_letters[sym]              # "a 3 H. coil", "for 10 a and", "16 billion b."
        return name, group, None, None, j + 1
    if sym in lex.spaced_letters and sym.isupper() and j + 2 < end and doc[j + 1].text == "/" \
            and _match_phrase(doc, j + 2, end, lex.measures):
        name, group = lex.spaced_letters[sym]              # "1.3 A/cm2": the rate is read after
        return name, group, None, None, j + 1
    if sym in lex.cased and (j + 1 >= end or not doc[j + 1].text[:1].isalnum() or doc[j + 1].pos_ != "PROPN") \
            and not (j + 1 < end and doc[j + 1].text[:1] in "-–" and doc[j + 1].text[1:2].isdigit()):   # "F -16" a name
        name = lex.cased[sym]                              # "450 Nm", "a 5 W charger", "12 C", "20 mW"
        return name, lex.unit_groups[name], None, None, j + 1
    hit = _match_phrase(doc, j, end, lex.cur_names)
    if hit:
        code, k = hit
        if k < end and doc[k].lower_ in ("cent", "cents") and not had_mult:
            return "cent", "money:minor", None, None, k + 1      # "50 euro cents": hundredths, not euros
        return code, f"money:{code}", None, None, k
    if doc[j].text in ("US", "U.S.", "imperial", "Imperial") and j + 1 < end:
        hit = _match_phrase(doc, j + 1, end, lex.measures)
        if hit and len(doc[j + 1].text) > 1 and hit[0][1] in ("volume", "mass", "length", "area"):
            return hit[0][0], hit[0][1], None, None, hit[1]      # "5 US gallons", "one US fluid ounce", "3 imperial pints"
    hit = _match_phrase(doc, j, end, lex.measures)
    if hit and hit[1] - j > 1:
        return hit[0][0], hit[0][1], None, None, hit[1]      # "pound-feet" before "pounds"
    if doc[j].lower_ in lex.pounds:
        if had_mult or j + 1 < end and doc[j + 1].lower_ == "sterling" or _money_pounds(doc, j, lex):
            return "GBP", "money:GBP", None, None, j + 1
        return "pound-mass", "mass", None, None, j + 1
    hit = _match_phrase(doc, j, end, lex.minor, 1)
    if hit and (len(doc[j].text) > 1 or glued):
        return hit[0], "money:minor", None, None, hit[1]
    if doc[j].text in ("p", "p.") and (j + 1 >= end or doc[j + 1].is_punct or doc[j + 1].lower_ in _AFTER_PENCE):
        return "penny", "money:minor", None, None, j + 1      # "down 68 p at 1112 p": pence, spaced
    quote = doc[j].text.rstrip(".")
    if quote[-1:] == "=" and len(quote) == 4 and quote[:-1] in lex.cur_names.values():
        code = quote[:-1]                                     # "108.79 JPY=": a wire's quote code
        return code, f"money:{code}", None, None, j + 1
    hit = _match_phrase(doc, j, end, lex.measures)
    if hit:
        (name, group), k = hit
        ut = doc[j:k].text
        if len(ut) > 1 or not ut.isalpha() or glued and ut in _GLUED_ONE or ut == "m" and _spaced_metre(doc, j, end) \
                or k + 1 < end and doc[k].text == "/" and _match_phrase(doc, k + 1, end, lex.measures):   # "2.3 g/cm3"
            return name, group, None, None, k
    if doc[j].text in ("€", "£", "$", "¥") or len(doc[j].text) == 1 and not doc[j].text.isascii() \
            and doc[j].text in lex.cur_symbols or len(doc[j].text) == 3 and doc[j].text.isalpha() \
            and doc[j].lower_ in lex.cur_symbols and (doc[j].is_upper or doc[j].lower_ in _LOWER_CODES):   # "20 EUR", "10 rmb"
        code = lex.cur_symbols[doc[j].lower_]
        return code, f"money:{code}", None, None, j + 1
    w = doc[j].lower_
    if w in lex.q3_words and doc[j].text == w:          # a unit only quantulum3's table names ("40 fathoms")
        name, group = lex.q3_words[w]
        return name, group, None, None, j + 1
    if w in lex.counted and doc[j].pos_ in ("VERB", "ADJ", "NOUN") and w in ("killed", "wounded", "injured", "dead", "hurt"):
        return w, lex.counted[w], j, j, j + 1
    if _time_after(doc, j, end):
        return None                     # "scored 1,200 last season", "sold 40 this morning": when, not what
    return _counted(doc, j, end, lex)


def _time_after(doc, j: int, end: int) -> bool:
    """A time said right after a count ("1,200 last season", "40 this morning"): a word of
    ``_TIME_DEICTIC`` and a singular noun ending the phrase."""
    return j + 1 < end and doc[j].lower_ in _TIME_DEICTIC and doc[j + 1].pos_ == "NOUN" and doc[j + 1].tag_ == "NN" \
        and (j + 2 >= end or doc[j + 2].pos_ not in _HEAD_POS)


# a word right after a count that makes the singular noun after it a time ("1,200 last season"), not its unit
_TIME_DEICTIC = ("last", "next", "this", "previous", "past", "coming")


def _counted(doc, j: int, end: int, lex: Lex):
    """The thing counted: the head noun of the modifiers after the number ("North Korean troops")."""
    k, first = j, j
    if k < end and doc[k].lower_ == "of":          # "hundreds of shells", "one of the leaders"
        k += 1
        if k < end and doc[k].lower_ in _DETS:
            k += 1
        elif k + 2 < end and doc[k].pos_ == "PROPN" and doc[k + 1].tag_ == "POS":
            k += 2                                 # "one of Russia's largest banks"
        first = k
    steps = 0
    while k < end and steps < 6:
        t = doc[k]
        if _MODEL_PLURAL.match(t.text) and k > first and all(x.pos_ == "PROPN" and x.text[:1].isupper() for x in doc[first:k]):
            return doc[first:k + 1].text, doc[first:k + 1].text.lower(), first, k, k + 1   # "40,000 Model 3s", "12 MiG-29s"
        if t.pos_ in _HEAD_POS and t.text[:1].isalpha():
            h = _np_head(doc, k, end)
            if h is not None:                      # "30 COVID-19 patients", "40 Stinger anti-aircraft missiles"
                k, steps = h, steps + 1
                continue
            if t.tag_ in ("NN", "NNP") and k + 2 < end and doc[k + 1].text[:1] in "-–" and doc[k + 1].text[1:2].isdigit() \
                    and (m := _model_then_plural(doc, k, end)) is not None:
                k, steps = m, steps + 1              # "thousands of COVID -19 tests", "two F -16 jets": a name numbered
                continue
            last = _hyphen_chain(doc, k, end)
            if last is not None and not (t.pos_ == "PROPN" and t.text[:1].isupper() and len(t.text) == 1):
                if last + 1 < end and doc[last + 1].pos_ in _HEAD_POS and doc[last + 1].is_alpha:
                    steps += 1                     # "13 self-propelled howitzers", "40 truck-mounted launchers"
                    k = last + 1
                    continue
                if t.pos_ == "NOUN" and doc[last].pos_ == "NOUN" and doc[last].tag_ == "NNS":
                    lemma = doc[last].lemma_.lower()     # "12 cease-fires": one word, its head after the last hyphen
                    return doc[k:last + 1].text, lex.counted.get(_norm(doc[last].text)) or lex.counted.get(lemma) or lemma, \
                        first, last, last + 1
            nxt = doc[k + 1] if k + 1 < end else None
            if nxt is not None and nxt.pos_ in _HEAD_POS and nxt.text[:1].isalpha() and nxt.dep_ != "appos" \
                    and (t.dep_ in ("compound", "amod", "nmod", "nummod") or t.dep_ == "conj" and doc[k - 1].lower_ in ("and", "or")):
                k += 1
                steps += 1
                continue
            if nxt is not None and nxt.lower_ in ("and", "or") and k + 3 < end and doc[k + 2].pos_ == t.pos_ == "PROPN":
                k += 1
                steps += 1
                continue
            if nxt is not None and nxt.pos_ == "PROPN" and t.pos_ == "PROPN":
                k += 1
                steps += 1
                continue
            if t.pos_ == "PROPN" and t.ent_type_ in ("NORP",) and nxt is not None and nxt.pos_ in ("ADJ", "PROPN", "NOUN") \
                    and not (t.tag_ == "NNPS" and t.dep_ in ("nsubj", "nsubjpass") and nxt.dep_ == "ROOT"):   # "350 Syrians work for"
                k += 1
                steps += 1
                continue
            key = _norm(t.text)
            lemma = t.lemma_.lower()
            if key in lex.measures and k > j and (t.text.islower() or t.pos_ != "PROPN") and (t.tag_ == "NNS" or not any(x.lower_ in _DEICTIC for x in doc[j:k])):   # "517 rushing yards"
                name, group = lex.measures[key]
                return name, group, None, None, k + 1
            if key in lex.cur_names:                   # "billions of dollars"
                code = lex.cur_names[key]
                return code, f"money:{code}", None, None, k + 1
            if key in lex.measures and (t.text.islower() or t.pos_ != "PROPN") or lemma in lex.months:
                return None
            cls = lex.counted.get(key) or lex.counted.get(lemma)
            if cls is None and t.pos_ == "PROPN" and not t.text.islower() and t.ent_type_ != "NORP" \
                    and not (k > first and doc[first].pos_ == "ADJ") and not _plural_name(t):
                noun = _model_then_plural(doc, k, end)
                if noun is not None:                # "100 Boeing 737 Max jets", "20 Leopard 2 tanks"
                    k = noun
                    steps += 1
                    continue
                if _MODEL_PLURAL.match(t.text) and "-" in t.text:
                    return t.text, t.text.lower(), first, k, k + 1     # "12 MiG-29s"
                return "designation"                # "787 Dreamliner", "11 Pro", "575 Wilbraham Road"
            if cls is None and (lemma in _MEASURE_GROUPS or lemma == "age"):
                cls = lemma + "s"                   # a counted "power" is not the measure group "power"
            full = lex.short_nouns.get(t.lower_)
            if full:                                # "4 pts": points
                return full, lex.counted.get(full) or full.removesuffix("s"), first, k, k + 1
            return t.text, cls or lemma, first, k, k + 1
        if t.text in _OPEN_QUOTES and (m := _quoted_then_plural(doc, k, end)) is not None:
            k, steps = m, steps + 1                # 'some 300 "Iron Shield" volunteers': a name in quotes
            continue
        if t.lower_ in ("and", "or") and k > first and k + 2 < end and (doc[k - 1].pos_ == doc[k + 1].pos_ == "PROPN" or (
                doc[k - 1].pos_ == "ADJ" or doc[k - 1].tag_ in ("VBN", "VBG")) and (doc[k + 1].pos_ == "ADJ" or doc[k + 1].tag_ in ("VBN", "VBG"))):
            k += 1                                 # "4,000 digital and physical sales", "Kia and Hyundai vehicles"
            steps += 1
            continue
        if t.pos_ in ("ADJ", "VERB") and t.tag_ in ("JJ", "JJR", "JJS", "VBN", "VBG", "NNP") or t.text == "-" \
                or (t.text.isdigit() and k > j and k + 1 < end and doc[k + 1].pos_ == "PROPN" and doc[k + 1].is_alpha
                    and len(doc[k + 1].text) > 1 and _norm(doc[k + 1].text) not in lex.measures) \
                or (t.pos_ == "ADV" and k + 1 < end and (doc[k + 1].pos_ == "ADJ" or doc[k + 1].tag_ == "VBN"
                                                         and doc[k + 1].dep_ == "amod")) \
                or (t.pos_ == "NUM" and _MODEL_TOKEN.match(t.text) and k + 1 < end and doc[k + 1].tag_ == "NNS"
                    and doc[k + 1].is_alpha):       # "5 F-16 jets": the model names the jets
            k += 1
            steps += 1
            continue
        break
    return None


_OPEN_QUOTES = ("\u201c", '"', "\u2018", "'", "\u00ab")
_CLOSE_QUOTES = ("\u201d", '"', "\u2019", "'", "\u00bb")


def _quoted_then_plural(doc, k: int, end: int):
    """The plural noun right after a name of up to four words in quotes opened at k ('300 "Right
    Wing" activists', "40 \u00abBlue Helmet\u00bb patrols"); or None."""
    for m in range(k + 2, min(end - 1, k + 6)):
        if doc[m].text in _CLOSE_QUOTES:
            nxt = doc[m + 1]
            return m + 1 if nxt.tag_ in ("NNS", "NNPS") and nxt.is_alpha and nxt.text.islower() else None
        if not (doc[m].is_alpha or doc[m].text in ("-", "–")):
            return None
    return None


def _np_head(doc, k: int, end: int):
    """The head noun of the phrase a modifier at k belongs to, by the parse: a singular noun or a
    name that is a compound, nmod or amod of a plural noun up to five tokens on ("COVID -19
    patients", "Stinger anti-aircraft missiles"); a plural at k is a head already. Or None."""
    t = doc[k]
    if t.tag_ in ("NNS", "NNPS") or t.dep_ not in ("compound", "nmod", "amod") or _hyphen_chain(doc, k, end) is not None:
        return None                              # "12 cease-fires", "3 A-levels": one word, read as such
    h = t.head
    while h.dep_ in ("compound", "nmod", "amod") and k < h.head.i <= k + 5 and h.tag_ not in ("NNS", "NNPS"):
        h = h.head
    if not (k < h.i <= k + 5 and h.i < end and h.tag_ in ("NNS", "NNPS") and h.text[:1].isalpha()):
        return None
    if any(x.is_punct and x.text not in ("-", "–") or x.lower_ in ("and", "or") for x in doc[k + 1:h.i]):
        return None
    return h.i


def _model_then_plural(doc, k: int, end: int):
    """The plural noun after a model name written with a number ("Boeing 737 Max jets", "Leopard 2
    tanks", "T-72 tanks"), within four tokens of names, numbers and hyphens; or None."""
    for m in range(k + 1, min(end, k + 5)):
        t = doc[m]
        if t.tag_ in ("NNS",) and t.text.islower() and m > k + 1:
            return m if any(x.like_num or any(c.isdigit() for c in x.text) for x in doc[k:m]) else None
        if not (t.pos_ in ("PROPN", "NUM") or t.text in ("-", "–") or any(c.isdigit() for c in t.text)):
            return None
    return None


def _spaced_metre(doc, j: int, end: int) -> bool:
    """A spaced "m" after a figure is metres ("12 m high", "the 100 m sprint") unless a number or a
    symbol follows it (a compound "12 m 40 cm" or a formula); millions were read with the number."""
    return j + 1 >= end or not (doc[j + 1].like_num or doc[j + 1].text in ("/", "x", "×", "-", "^", "²"))


def _money_pounds(doc, j: int, lex: Lex) -> bool:
    """ "pounds" at j is money: a money word in its sentence ("paid 200 pounds") and no weight word."""
    lemmas = {t.lemma_.lower() for t in doc[j].sent}
    return bool(lemmas & lex.pound_money) and not lemmas & lex.pound_weight


def _hyphen_chain(doc, k: int, end: int):
    """The last word of a hyphenated compound written without spaces from k ("self-propelled",
    "surface-to-air"), or None when no glued hyphen follows the word at k."""
    last = None
    while k + 2 < end and doc[k].whitespace_ == "" and doc[k + 1].text in ("-", "–") and doc[k + 1].whitespace_ == "" \
            and doc[k + 2].text[:1].isalpha():
        k = last = k + 2
    return last


def _plural_name(t) -> bool:
    """A name in the plural counts things, not a designation: "4.5 million iPhones", "300 Teslas"."""
    return t.tag_ == "NNPS" or (len(t.text) > 3 and t.text.endswith("s") and not t.text.endswith("ss")
                                and t.text[-2:-1].islower() and t.lemma_.lower() != t.lower_) \
        or bool(_DEMONYM_PLURAL.match(t.text))     # "40 Britons", "300 Iraqis", "12 Yemenites"


# a people named in the plural, capitalized: "Britons", "Syrians", "Iraqis", "Yemenites"
_DEMONYM_PLURAL = re.compile(r"^[A-Z][a-z]{2,}(?:an|on|i|ite)s$")


def _subject_after(doc, k: int, end: int):
    """For a measure or amount: the noun phrase of an "of"/"in" right after it ("2% of GDP")."""
    if k + 1 < end and doc[k].lower_ in ("of", "in", "for"):
        for t in doc[k + 1:min(end, k + 8)]:
            if t.pos_ in _HEAD_POS and t.head.i == k:
                left = min(x.i for x in t.subtree if x.i > k)
                return left, t.i
    return None


def _known(unit, lex: Lex) -> bool:
    return bool(unit) and (unit[1] in _MEASURE_GROUPS or unit[1].startswith("money") or unit[1] == "age"
                           or unit[1] in lex.counted_classes)


def _record(doc, cs, s, end_tok, value, low, high, cue, unit, flags, strong) -> dict:
    unit_name = unit_class = group = None
    subj = None
    if unit:
        unit_name, unit_class, sub_first, head, k = unit
        group = unit_class
        if head is not None:
            subj = (sub_first, head)
            if strong and doc[head].lower_ in lexicon().strong_units:
                unit_class = "troops"                    # "a 5,000-strong brigade"
        if unit_class in _MEASURE_GROUPS or (unit_class or "").startswith("money"):
            sa = _subject_after(doc, k, len(doc)) if unit_class != "time" else None
            if sa:
                subj = sa
            if unit_class == "time":
                lex = lexicon()
                key = _norm(unit_name)
                if key in lex.time_factors:
                    f, u = lex.time_factors[key]
                    value, low, high = (None if v is None else v * f for v in (value, low, high))
                    unit_name = u
            unit_class = _unit_class(unit_name, unit_class)
    return {"start_tok": cs, "num_tok": s, "end_tok": end_tok, "value": value, "low": low, "high": high,
            "approx": cue, "unit": unit_name, "unit_class": unit_class, "subject_tokens": subj, "converted": (),
            "group": group, "from_value": None, "flags": flags}


def _unit_class(name: str, group: str) -> str:
    if group.startswith("money"):
        return group if group != "money:minor" else f"money:{name}"
    if group == "percent":
        return name if name != "percent" else "percent"
    if group == "time":
        return name + "s" if not name.endswith("s") else name
    return name


_AFTER_LETTER = ("of", "at", "in", "and", "or", "to", "for", "from", "on", "with", "across", "when", "which")
_AFTER_PENCE = ("at", "to", "from", "on", "and", "or", "after", "before", "in")
_LATER = ("earlier", "later", "ago", "before")
_LOWER_CODES = ("usd", "eur", "gbp", "jpy", "rmb", "cny", "btc", "inr", "aud", "nzd", "hkd", "chf")


def _rate(doc, unit, end_tok: int, b: int, lex: Lex):
    """The unit made a rate by a "per" part after it, and the token after: "$58.24 per barrel",
    "$80 per sq m", "$3,500 a month", "12 mg / L", "3,000 tests per day", "40 sorties a week"."""
    if unit and end_tok + 3 < b and doc[end_tok].text in ("-", "–") and doc[end_tok + 1].lower_ in ("a", "an", "per") \
            and doc[end_tok + 2].text in ("-", "–") and doc[end_tok + 3].pos_ in ("NOUN", "PROPN") \
            and (unit[1] in _MEASURE_GROUPS or unit[1].startswith("money")):
        per = doc[end_tok + 3]                       # "a 12-cent-a-share dividend"
        return (f"{unit[0]} per {per.lemma_.lower()}", unit[1], unit[2], unit[3], end_tok + 4), end_tok + 4
    if unit and 0 < end_tok and end_tok + 2 < b and doc[end_tok - 1].text in ("-", "–") and doc[end_tok].lower_ in ("a", "an", "per") \
            and doc[end_tok + 1].text in ("-", "–") and doc[end_tok + 2].pos_ in ("NOUN", "PROPN") \
            and (unit[1] in _MEASURE_GROUPS or unit[1].startswith("money")):
        per = doc[end_tok + 2]                       # "$70-a-share" (the hyphen after the figure already passed)
        return (f"{unit[0]} per {per.lemma_.lower()}", unit[1], unit[2], unit[3], end_tok + 3), end_tok + 3
    of_end = _of_phrase(doc, end_tok, b) if unit else None
    if of_end and of_end + 1 < b and doc[of_end].lower_ in ("per", "a", "an", "every") \
            and (hit := _match_phrase(doc, of_end + 1, b, lex.measures)) and hit[0][1] == "time" \
            and hit[1] - of_end == 2 and not (hit[1] < b and doc[hit[1]].lower_ in _LATER):
        # "2.4 billion gallons of jet fuel a year", "300 tonnes of steel per day": the rate keeps the
        # "of" phrase as its subject
        return (f"{unit[0]} per {hit[0][0]}", unit[1], unit[2], unit[3], unit[4]), hit[1]
    rb = _round_base(doc, end_tok + 1, b, lex) if unit and end_tok + 2 < b and doc[end_tok].lower_ == "per" else None
    if rb and (unit[1] in _MEASURE_GROUPS or unit[1].startswith("money")) \
            and (hit := _match_phrase(doc, rb[1], b, lex.measures)):
        # "6 litres per 100 km", "$5 per 1,000 gallons": a rate over a round number of a measure
        return (f"{unit[0]} per {int(rb[0])} {hit[0][0]}", unit[1], unit[2], unit[3], hit[1]), hit[1]
    # a rate: "$58.24 per barrel", "$80 per sq m", "$3,500 a month"
    if unit and (unit[1] in _MEASURE_GROUPS or unit[1].startswith("money")) and end_tok + 1 < b \
            and doc[end_tok].lower_ in ("per", "a", "an", "/"):
        hit = _match_phrase(doc, end_tok + 1, b, lex.measures)
        per_tok = doc[end_tok + 1]
        letter = per_tok.text.rstrip(".") if doc[end_tok].text == "/" else ""
        if hit and not (hit[1] < b and doc[hit[1]].lower_ in _LATER):
            unit = (f"{unit[0]} per {hit[0][0]}", unit[1], unit[2], unit[3], hit[1])
            end_tok = hit[1]
        elif letter in lex.spaced_letters and lex.spaced_letters[letter][1] == "time":
            unit = (f"{unit[0]} per {lex.spaced_letters[letter][0]}", unit[1], unit[2], unit[3], end_tok + 2)
            end_tok = end_tok + 2                    # "12 mm/h", "3 m/d": a time symbol of one letter after "/"
        elif per_tok.pos_ == "NOUN" and (doc[end_tok].lower_ == "per" or end_tok + 2 >= b
                                         or doc[end_tok + 2].pos_ not in _HEAD_POS
                                         and doc[end_tok + 2].lower_ not in _LATER):
            per = "pound-mass" if per_tok.lower_ in lex.pounds and unit[1].startswith("money") else per_tok.lemma_.lower()
            unit = (f"{unit[0]} per {per}", unit[1], unit[2], unit[3], end_tok + 2)   # "$4 a pound": a price by weight
            end_tok = end_tok + 2
    # a rate of a thing counted: "3,000 tests per day", "40 sorties a week"
    elif unit and unit[3] is not None and end_tok + 1 < b and doc[end_tok].lower_ in ("per", "a", "an", "every") \
            and (hit := _match_phrase(doc, end_tok + 1, b, lex.measures)) and hit[0][1] == "time" \
            and hit[1] - end_tok == 2 and not (hit[1] < b and doc[hit[1]].lower_ in _LATER):
        unit = (f"{unit[0]} per {hit[0][0]}", unit[1], unit[2], unit[3], hit[1])
        end_tok = hit[1]
    return unit, end_tok


def _round_base(doc, k: int, b: int, lex: Lex):
    """A round number at k that a rate is counted over ("per 100,000", "per 1,000", "per million"): a
    power of ten from ten up, in digits or a word. Returns (base, next token) or None."""
    if k >= b:
        return None
    if doc[k].lower_ in lex.mult and lex.mult[doc[k].lower_] >= 100 and not (k + 1 < b and doc[k + 1].like_num):
        return float(lex.mult[doc[k].lower_]), k + 1      # "per million people"
    got = _start_number(doc, k, b, lex)
    if not got or got[0] or got[1][0] is None or got[1][1] is not None:
        return None
    base = got[1][0]
    if base < 10 or base != 10 ** round(math.log10(base)):
        return None
    return base, got[1][3]


def _of_phrase(doc, k: int, b: int):
    """The token after a short "of" phrase at k ("of jet fuel", "of crude oil", "of the grain"), or None."""
    if k + 1 >= b or doc[k].lower_ != "of":
        return None
    m = k + 1 + (doc[k + 1].lower_ in ("the", "its", "their"))
    n = m
    while n < b and n - m < 4 and doc[n].pos_ in ("NOUN", "PROPN", "ADJ") and doc[n].text[:1].isalpha():
        n += 1
    return n if n > m and doc[n - 1].pos_ in ("NOUN", "PROPN") else None


def _fraction_of(doc, j: int, b: int, lex: Lex, value):
    """A fraction of a measure: "1/16 of a pint", "a third of a mile", "a quarter of an hour" take
    the measure as their unit (one word may stand between: "of a US gallon")."""
    if value is None or not 0 < value < 1 or j + 1 >= b or doc[j].lower_ != "of":
        return None
    k = j + 2 if doc[j + 1].lower_ in ("a", "an", "the") else j + 1
    for m in (k, k + 1):
        if m >= b or m > k and doc[k].pos_ not in ("PROPN", "ADJ"):
            break
        hit = _match_phrase(doc, m, b, lex.measures)
        if hit and (len(doc[m].text) > 1 or not doc[m].is_alpha):
            (name, group), end = hit
            return name, group, None, None, end
    return None
