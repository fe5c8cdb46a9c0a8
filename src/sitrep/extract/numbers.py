"""Reading numbers and approximation cues from spaCy tokens, for the quantities stage.

A number is digits ("11,000", "1.2", "$126bn", "4.3M", "3/4"), number words
("two hundred and fifty", "twenty-one", "two thirds", "one and a half", "a
dozen"), a vague plural ("hundreds of", "tens of thousands": an open range,
never averaged) or a signed form ("minus 40", "+0.3"); a small word the tokenizer glued on
("now-18", "to-260,000") is dropped, dot-grouped thousands ("1.500.000") and a decimal comma
before a multiplier or a currency ("3,5 million euros") are read as written. The words are data in
``data/units.yaml`` (``Lex`` indexes them); the cues before and after a figure
("more than", "up to", "or more") give its approximation class.

This module reads the numbers themselves (digits, number words, fractions, multipliers, currency
signs glued on or before them); ``number_lexicon.py`` holds the word lists, ``number_cues.py`` the
phrase matcher and the approximation cues, ``number_forms.py`` the rarer written forms.
"""
from __future__ import annotations

import re

from .number_cues import _cue_after, _cue_before, _match_phrase  # noqa: F401 - re-exported
from .number_forms import _amount_range, _glued_range, _scientific
from .number_lexicon import DATA, Q3, Lex, _norm, lexicon  # noqa: F401 - re-exported

_NUM_RE = re.compile(r"^(minus-|sub-|[+~≈±\-−])?([A-Za-z]{2,3}\$|US\$|\$US|\$A|A\$|AU\$|C\$|HK\$|NZ\$|S\$|R\$|USD|EUR|GBP|RM|PS|Y=|Rs|Ksh|KSh|Tk|Rp|Dhs|Dh|US|AU|A|C|HK|NZ|S|R|[$€£¥₹₽₴₩₪₦₺₱₫฿₸₾₼₿₡₭])?"
                     r"(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d{1,2}(?:,\d{2})+,\d{3}(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+)([a-zA-Zμµ°²/€£$¢″′Ω₹₽₴₩₪₦₺₱₫฿₸₾₼₿₡₭元]{1,8}[23]?)?([-–])?$")
# currency signs of letters the regex reads glued before a figure (their codes are in units.yaml, currencies.symbols)
_WORD_SIGNS = ("Rs", "Ksh", "KSh", "Tk", "Rp", "Dhs", "Dh")
_FRAC_RE = re.compile(r"^(\d{1,3})[/⁄](\d{1,3})$")
_YEARISH = re.compile(r"^(1[5-9]\d\d|2[01]\d\d)$")


_L = lexicon()
_FRACTIONS, _DENOMS, _MULT_LETTERS, _GLUED_ONE = _L.fractions, _L.digit_fractions, _L.mult_letters, _L.glued_one
_DETS, _DEICTIC, _YEAR_BEFORE = _L.determiners, _L.deictic, _L.year_before


# ---------------------------------------------------------------- numbers

def _parse_number(doc, i: int, end: int, lex: Lex):
    """Read one number starting at token i. Returns (value, low, high, j, flags) or None,
    where j is the token after the number and flags notes how it was written."""
    t = doc[i]
    low = t.lower_
    fm = _FRAC_RE.match(t.text)
    if fm and int(fm.group(2)) in _DENOMS and int(fm.group(1)) < int(fm.group(2)):
        return float(fm.group(1)) / float(fm.group(2)), None, None, i + 1, {"digits": True, "raw": t.text}
    sci = _scientific(doc, i, end)
    if sci:
        return sci
    ar = _amount_range(doc, i, end, lex.suffix, lex.mult, _money_context(doc, i, lex), _plural_next)
    if ar:                                               # "$2bn-$3bn", "£2m-£3m", "$2 billion-$3 billion"
        cur = ar[4]["cur"]
        return ar[:4] + ({**ar[4], "cur": lex.cur_symbols.get(cur) if cur else None},)
    g = _glued_range(t.text)
    if g:
        return g[0], g[1], g[2], i + 1, g[3]             # "5.25%-5.5" then "%", "$" then "5-$6"
    text = _unglued(t.text, lex)                         # "now-18", "to-260,000", "1.500.000"
    if _DECIMAL_COMMA.match(text) and i + 1 < end and (doc[i + 1].lower_ in lex.mult or _cur_at(doc, i + 1, end, lex)
                                                        or doc[i + 1].lower_ in lex.cur_symbols
                                                        or (hit := _match_phrase(doc, i + 1, end, lex.measures))
                                                        and hit[0][1] == "percent"):
        text = text.replace(",", ".")                    # "3,5 million euros", "12,50 EUR", "45,6%": a decimal comma
    if _DOT_THOUSANDS.match(text) and i + 1 < end and _plural_next(doc, i + 1, end) and doc[i + 1].lemma_ != "point" \
            and not _match_phrase(doc, i + 1, end, lex.measures) and not _money_context(doc, i, lex):
        text = text.replace(".", ",")                    # "1.500 shells", "2.000 people": no count has a fraction
                                                         # (points have: "rose 1.125 points")
    m = _NUM_RE.match(text)
    if m is None and text[-1:] == "." and (i + 1 >= len(doc) or not doc[i + 1].text[:1].isalnum()):
        m = _NUM_RE.match(text[:-1])                     # "$30K." / "65W." closing a sentence, left whole
        m = m if m and m.group(4) else None
    plus = m is None and len(text) > 1 and text[-1] == "+" and text[-2].isalnum()
    if plus:
        m = _NUM_RE.match(text[:-1])                     # "$5bn+", "1,000+": a lower bound glued
    if m:
        sign, cur, num, suf, dash = m.groups()
        if sign in ("-", "−") and i > 0 and not doc[i - 1].is_space and doc[i - 1].is_alpha and doc[i - 1].whitespace_ == "":
            return None                                  # "F-16" split oddly: a designation
        if sign in ("-", "−") and i > 0 and doc[i - 1].like_num:
            sign = None                                  # "75 -300mm": a range, not a negative
        if cur in lex.ascii_cur:                         # "PS2.7m", "Y=590": a folded £ or ¥
            if cur == "PS" and not ("," in num or "." in num or suf or len(num) > 2):
                return None                              # "PS5" is a console
            cur = {"GBP": "£", "JPY": "¥"}[lex.ascii_cur[cur]]
        if cur in lex.letter_cur:                        # "R300" rand: only written as an amount or priced
            if not ("," in num or re.match(r"^\d+\.\d\d$", num) or suf and suf.lower() in lex.suffix
                    or i > 0 and doc[i - 1].lower_ in lex.price_words):
                return None
            cur = lex.letter_cur[cur]
        if cur and cur[-1] == "$" and len(cur) > 2 and cur.lower() not in lex.cur_symbols:
            return None                                  # "abc$5": not a currency we know
        if cur in _WORD_SIGNS:                           # "Rs500", "Ksh2,000", "Dh350": a sign of letters glued
            if not ("," in num or "." in num or len(num) > 2 or suf and suf.lower() in lex.suffix
                    or i > 0 and doc[i - 1].lower_ in lex.price_words):
                return None
        elif cur and cur.isalpha() and cur not in ("USD", "EUR", "GBP", "RM") and cur not in lex.letter_cur.values():
            if not (i > 0 and doc[i - 1].text == "$"):
                return None                              # "A82" alone is a designation
            cur = "$" + cur                              # "$US55,931,000", "$A82,615,680"
        cur = lex.cur_symbols.get(cur.lower()) if cur else None
        money = bool(cur) or _money_context(doc, i, lex)
        mult, glued = 1.0, None
        if suf:
            if t.whitespace_ and _name_letter(doc, i + 1, suf, num, money):
                return None                                      # "the 3M company": a name, not three million
            if suf.lower() in lex.suffix and (suf in _MULT_LETTERS or money):
                mult = lex.suffix[suf.lower()]
            elif suf.lower() in lex.cur_symbols and (not suf.isalpha() or not suf.isascii() or len(suf) == 3 and suf.isupper()):
                cur = lex.cur_symbols[suf.lower()]               # "100€", "500USD"
            elif suf == "in":
                glued = ("inch", "length")                        # "6ft 2in"
            elif suf == "s" and "." in num:
                glued = ("second", "time")                        # "9.58s" (a "1990s" is a decade)
            elif _norm(suf) in lex.minor and not money:
                glued = (lex.minor[_norm(suf)], "money:minor")     # "118.5p", "45c"
            elif suf in lex.cased:
                glued = (lex.cased[suf], lex.unit_groups[lex.cased[suf]])
            elif suf == "m" and (_plural_next(doc, i + 1, end) or _cur_at(doc, i + 1, end, lex) or _million_noun_before(doc, i, lex)):
                mult = lex.suffix["m"]                             # "1.5m people", "3m barrels", "5m USD": millions
            elif (len(suf) > 1 or suf in _GLUED_ONE) and _norm(suf) in lex.measures:
                glued = lex.measures[_norm(suf)]
            else:
                return None            # "5G", "1930s", "22nd", "F16": not an amount
        j = i + 1
        if not suf and not dash and len(num) <= 3 and num.isdigit():
            num, j = _space_groups(doc, i, end, num)          # "10 000 dollars", "1 250 000"
        spaced = j > i + 1
        while j + 1 < end and doc[j].is_space and _FRAC_RE.match(doc[j + 1].text):
            j += 1
        if j < end and not suf and (fm := _FRAC_RE.match(doc[j].text)) and int(fm.group(2)) in _DENOMS \
                and int(fm.group(1)) < int(fm.group(2)):
            val_frac, j = float(fm.group(1)) / float(fm.group(2)), j + 1      # "10 1/2 miles"
            num = str(float(num.replace(",", "")) + val_frac)
        nx = doc[j].text.rstrip(".") if j < end else ""
        if not suf and j < end and t.whitespace_ == "" and not (doc[j].whitespace_ and _name_letter(doc, j + 1, nx, num, money)) \
                and (nx in _MULT_LETTERS or money and nx.lower() in lex.suffix
                                                            or nx == "m" and (_plural_next(doc, j + 1, end) or _cur_at(doc, j + 1, end, lex)
                                                                              or _million_noun_before(doc, i, lex))):
            mult, j = lex.suffix[nx.lower()], j + 1          # "$13.6M" read as 13.6 and M
        val = float(num.replace(",", "")) * mult * (-1 if sign in ("-", "−", "minus-") else 1)   # "sub-7": below 7
        flags = {"digits": True, "comma": "," in num or spaced, "dash": bool(dash), "mult": mult != 1.0, "raw": num,
                 "cur": cur, "glued": glued, "sign": sign, "plus": plus}
        if j + 1 < end and doc[j].text in ("-", "–") and doc[j - 1].whitespace_ == doc[j].whitespace_ == "" \
                and doc[j + 1].lower_ in lex.mult and lex.mult[doc[j + 1].lower_] >= 1000:
            j += 1                                       # "$1.2-billion", "a 500-million-euro loan"
        while j < end and (doc[j].lower_ in lex.mult or doc[j].lower_ == "dozens"
                           or doc[j].lower_[-1:] == "s" and lex.mult.get(doc[j].lower_[:-1], 0) >= 10 ** 6):
            val *= lex.mult.get(doc[j].lower_, lex.mult.get(doc[j].lower_[:-1], 12.0))   # "2.5 millions", "dozens"
            flags["mult"] = True
            j += 1
        if j < end and not flags["mult"] and not suf and (doc[j].text in _SPACED_MULT or doc[j].text == "m" and (
                money or _plural_next(doc, j + 1, end) or _cur_at(doc, j + 1, end, lex))):    # "£12 m", "12 m euros"
            val, j = val * lex.suffix[doc[j].lower_], j + 1   # "2.33 k", "10 bln"
            flags["mult"] = True
        if flags["mult"] and j > i + 1 and doc[j - 1].lower_ in lex.mult:
            m = lex.mult[doc[j - 1].lower_]
            val2, j = _and_fraction(doc, j, end, lex, val, m)     # "3 million and a half"
            if val2 == val and m in (100, 1000) and j + 1 < end and doc[j].lower_ == "and":
                rest = _parse_number(doc, j + 1, end, lex)        # "3 hundred and 21"
                if rest and rest[0] is not None and rest[0] == int(rest[0]) and 0 < rest[0] < m \
                        and not rest[4].get("mult") and not rest[4].get("cur") and not rest[4].get("glued"):
                    val2, j = val + rest[0], rest[3]
            val = val2
        if flags["mult"]:
            val = float(f"{val:.15g}")                   # "67.1 million" is 67100000, not 67099999.99999999
        return val, None, None, j, flags
    if low in lex.vague and i + 1 < end and doc[i + 1].lower_ == "of":     # "hundreds of", never "scores" alone
        base = lex.vague[low]
        j = i + 1
        if j + 1 < end and doc[j].lower_ == "of" and doc[j + 1].lower_ in lex.vague and lex.vague[doc[j + 1].lower_] >= 1000:
            base *= lex.vague[doc[j + 1].lower_]
            j += 2
        lo, hi = base, base * 10
        return None, lo, hi, j, {"vague": True}
    if t.text in lex.vulgar or t.text[:-1].isdigit() and t.text[-1:] in lex.vulgar:     # "½", "2¼"
        whole = float(t.text[:-1]) if len(t.text) > 1 else 0.0
        return whole + lex.vulgar[t.text[-1]], None, None, i + 1, {"digits": True, "raw": t.text, "frac": True}
    if low in _FRACTIONS and not low.startswith("second") and i + 1 < end and lex.mult.get(doc[i + 1].lower_, 0) >= 1000:
        val, j = _times_mult(doc, i + 1, end, lex, 1.0 / _FRACTIONS[low])    # "half million", "quarter billion"
        return val, None, None, j, {"words": True, "mult": True}
    if low == "half" and i + 2 < end and doc[i + 1].lower_ == "of" and not (i > 0 and (
            doc[i - 1].lower_ in _NOT_BEFORE_HALF or doc[i - 1].pos_ == "ADJ")):
        return 0.5, None, None, i + 1, {"words": True}     # "half of the staff"; not "the second half of 2023"
    if low == "half" and i + 2 < end and doc[i + 1].lower_ in ("a", "an") and doc[i + 2].lower_ not in lex.mult \
            and len(doc[i + 2].text) > 1 and _match_phrase(doc, i + 2, end, lex.measures):
        return 0.5, None, None, i + 2, {"words": True}     # "half a percentage point", "half an hour"
    if low == "half" and i + 2 < end and doc[i + 1].lower_ in ("a", "an") and doc[i + 2].lower_ in lex.mult:
        got = _parse_number(doc, i + 1, end, lex)             # "half a million"
        if got and got[0] is not None:
            return got[0] / 2, None, None, got[3], dict(got[4], mult=True)
    if low in ("a", "an") and i + 2 < end and doc[i + 1].lower_ in _FRACTIONS and doc[i + 1].lower_ not in _NOT_ORDINAL \
            and doc[i + 2].pos_ in ("NOUN", "PROPN", "ADJ") and doc[i + 2].lower_ not in lex.mult:
        return None                                      # "a third party", "a fifth term": an ordinal
    if low in ("a", "an") and i + 1 < end and doc[i + 1].lower_ in _FRACTIONS and not doc[i + 1].lower_.startswith("second"):
        val, j = _times_mult(doc, i + 2, end, lex, 1.0 / _FRACTIONS[doc[i + 1].lower_])   # "a half", "a quarter million"
        return val, None, None, j, {"words": True, "mult": j > i + 2}
    if low in ("a", "an") and i + 1 < end and doc[i + 1].lower_ in lex.mult:
        val, j = lex.mult[doc[i + 1].lower_], i + 2
        while j < end and doc[j].lower_ in lex.mult:
            val *= lex.mult[doc[j].lower_]
            j += 1
        if j + 1 < end and doc[j].lower_ == "and" and doc[j + 1].lower_ in lex.numbers:
            rest = _parse_number(doc, j + 1, end, lex)          # "a hundred and two"
            if rest and rest[0] is not None and rest[0] < val:
                val, j = val + rest[0], rest[3]
        return val, None, None, j, {"words": True, "mult": val >= 1e6}
    parts = low.split("-") if "-" in low else [low]
    if not all(p in lex.numbers or p in lex.mult for p in parts) or parts[0] in lex.mult and parts[0] not in (
            "hundred", "thousand"):
        return None
    total = current = 0.0
    j = last = i
    before_and, last_mult = None, 1.0
    while j < end:
        if doc[j].is_space:
            j += 1
            continue
        tl = doc[j].lower_
        ps = tl.split("-") if "-" in tl and tl != "-" else [tl]
        if all(p in lex.numbers or p in lex.mult for p in ps):
            if any(p in lex.numbers for p in ps) and current % 1000 and not any(p in lex.mult for p in ps) \
                    and current % 100 and (current % 10 or lex.numbers.get(ps[0], 10) >= 10):
                break                                    # "five two" is two numbers
            for p in ps:
                if p in lex.numbers:
                    current += lex.numbers[p]
                elif current == 0 and total and last_mult >= 1000 and lex.mult[p] > last_mult \
                        and doc[last - 1].lower_.split("-")[-1] in lex.mult:
                    total, last_mult = total * lex.mult[p], lex.mult[p]    # "three lakh crore", "two thousand million"
                else:
                    current = max(current, 1.0) * lex.mult[p]
                    last_mult = lex.mult[p]
                    if lex.mult[p] >= 1000:
                        total, current = total + current, 0.0
            j = last = j + 1
        elif tl in ("-", "and") and j > i and _next_word(doc, j + 1, end) in lex.numbers \
                and (tl == "-" or doc[last - 1].lower_ in lex.mult):
            if tl == "and":
                before_and = total + current
            j += 1
        else:
            break
    value = total + current
    j = last
    # a fraction: "two thirds", "a half" is read at the start
    if j + 1 < end and doc[j].text == "-" and doc[j + 1].lower_ in _FRACTIONS:
        j += 1                                            # "two-thirds"
    nxt = doc[j].lower_ if j < end else ""
    flags = {"words": True, "one": low == "one" and j == i + 1}
    if nxt in _FRACTIONS and value and not (nxt.startswith("second")):
        if before_and is not None:                       # "one hundred and three quarters": the part after "and"
            part, j = _times_mult(doc, j + 1, end, lex, (value - before_and) / _FRACTIONS[nxt])
            value = before_and + (part * last_mult if part < 1 and last_mult >= 1e6 else part)
        else:                                            # "two thirds", "three quarters billion"
            value, j = _times_mult(doc, j + 1, end, lex, value / _FRACTIONS[nxt])
    elif nxt == "dozens" and value:
        value, j = value * 12, j + 1                     # "three dozens"
    elif nxt == "point" and value == int(value) and not (i > 0 and doc[i - 1].lower_ == "at"):
        value, j = _point(doc, j, end, lex, value)       # "five point five"; never "at one point"
    else:
        value, j = _and_fraction(doc, j, end, lex, value, last_mult)    # "one and a half", "3 million and a half"
    if any(doc[k].lower_ in _FRACTIONS for k in range(i, j)) and any(doc[k].lower_ in lex.mult for k in range(i, j)) \
            or last_mult >= 1000:
        flags["mult"] = True                             # "three quarters billion", "two million" (pounds are money)
    if flags["one"] and value != 1:
        flags["one"] = False                             # "one and a half million": no lone "one"
    return value, None, None, j, flags



_GLUED_WORD = re.compile(r"^([a-z]+)[-–](\S*\d\S*)$")
_DECIMAL_COMMA = re.compile(r"^\d{1,3},\d{1,2}$")
_DOT_THOUSANDS = re.compile(r"^[1-9]\d{0,2}\.\d{3}$")       # "1.500": thousands grouped by one dot
_DOT_GROUPS = re.compile(r"^(\D*)(\d{1,3}(?:\.\d{3}){2,})(\D*)$")


def _unglued(text: str, lex: Lex) -> str:
    """The number of a token the tokenizer left glued: a small word and a hyphen before it
    (units.yaml glued_before: "now-18", "to-260,000") is dropped; thousands grouped by dots two
    times or more ("1.500.000", never a decimal) are written with commas."""
    g = _GLUED_WORD.match(text)
    if g and g.group(1) in lex.glued_before:
        text = g.group(2)
    d = _DOT_GROUPS.match(text)
    if d and not (d.group(2).count(".") == 3 and all(int(x) <= 255 for x in d.group(2).split("."))):   # an IP address
        text = d.group(1) + d.group(2).replace(".", ",") + d.group(3)
    return text


def _name_letter(doc, k: int, letter: str, num: str, money: bool) -> bool:
    """A capital multiplier letter glued to a small whole number before a singular noun or a name is
    part of a name ("the 3M company"), not millions; an amount has money, decimals or a plural."""
    return len(letter) == 1 and letter.isupper() and letter in _MULT_LETTERS and not money and num.isdigit() \
        and len(num) <= 2 and k < len(doc) and doc[k].tag_ in ("NN", "NNP") and doc[k].is_alpha


def _space_groups(doc, i: int, end: int, num: str):
    """Thousands set apart by single spaces ("10 000", "1 250 000"): the digits joined and the token
    after them; never after another number, nor before a glued hyphen or slash ("3 100-metre")."""
    j, digits = i + 1, num
    while j < end:
        k = j + 1 if doc[j].text in ("\u202f", "\xa0") and doc[j - 1].whitespace_ == "" else j   # a narrow space
        if k < end and (k > j or doc[j - 1].whitespace_ == " ") and len(doc[k].text) == 3 and doc[k].text.isdigit():
            digits, j = digits + doc[k].text, k + 1
        else:
            break
    if j == i + 1 or i > 0 and doc[i - 1].like_num or j < end and doc[j - 1].whitespace_ == "" \
            and doc[j].text in ("-", "–", "/", ":", ",") or j < end and doc[j].like_num:
        return num, i + 1
    return digits, j


_NOT_BEFORE_HALF = ("the", "a", "an", "first", "second", "latter", "former", "other", "each", "this", "that", "one",
                    "its", "their", "his", "her", "our", "my", "your", "top", "bottom", "back", "front", "lower", "upper")

_NOT_ORDINAL = ("half", "halves", "quarter", "quarters")     # fraction words that are never ordinals

_SPACED_MULT = ("k", "K", "bn", "mn", "bln", "mln", "tln", "tn", "trn", "mil")


def _times_mult(doc, j: int, end: int, lex: Lex, value: float):
    """A fraction or a number with a fraction times the multiplier words after it: "half million",
    "three quarters billion", "five and a half million", "two thirds of a million"."""
    if j + 2 < end and value < 1 and doc[j].lower_ == "of" and doc[j + 1].lower_ in ("a", "an") \
            and lex.mult.get(doc[j + 2].lower_, 0) >= 1000:
        j += 2                                           # "a third of a million"
    while j < end and lex.mult.get(doc[j].lower_, 0) >= 100 and doc[j].lower_ != "dozen":
        value, j = value * lex.mult[doc[j].lower_], j + 1
    return value, j


def _and_fraction(doc, j: int, end: int, lex: Lex, value: float, last_mult: float):
    """ "and a half", "and three quarters" after a number: added to it, as a share of the multiplier
    before it when that is a million or more ("3 million and a half" = 3.5 million), or of the one after
    it ("one billion and a quarter million")."""
    if not (j + 2 < end and doc[j].lower_ == "and"):
        return value, j
    k = j + 1
    w = doc[k].lower_
    num = 1.0 if w in ("a", "an") else lex.numbers.get(w)
    if num is None or not num or doc[k + 1].lower_ not in _FRACTIONS or doc[k + 1].lower_.startswith("second"):
        return value, j
    frac = num / _FRACTIONS[doc[k + 1].lower_]
    factor, k2 = _times_mult(doc, k + 2, end, lex, 1.0)
    if factor > 1 and last_mult == 1:
        return (value + frac) * factor, k2               # "five and a half million"
    return value + frac * (factor if factor > 1 else last_mult if last_mult >= 1e6 else 1), k2


def _point(doc, j: int, end: int, lex: Lex, value: float):
    """Decimals said in words after "point": "five point five", "nine point nought four",
    "two hundred point seventy-one"; value and the token after."""
    digits, k = "", j + 1
    while k < end and doc[k].lower_ in lex.numbers and lex.numbers[doc[k].lower_] < 10:
        digits, k = digits + str(int(lex.numbers[doc[k].lower_])), k + 1
    if not digits and k < end:
        ps = doc[k].lower_.split("-")
        if all(p in lex.numbers for p in ps) and 10 <= sum(lex.numbers[p] for p in ps) < 100:
            digits, k = str(int(sum(lex.numbers[p] for p in ps))), k + 1
    return (float(f"{int(value)}.{digits}"), k) if digits else (value, j)


def _cur_at(doc, j: int, end: int, lex: Lex) -> bool:
    """A currency code or name at j: a glued "m" before it is millions ("5m USD", "3m euros")."""
    return j < end and (doc[j].lower_ in lex.cur_symbols and doc[j].text.isupper() and doc[j].is_alpha
                        or _norm(doc[j].text) in lex.cur_names)


def _million_noun_before(doc, i: int, lex: Lex) -> bool:
    """A noun of a count or a sum (units.yaml million_nouns) within three words before the figure at
    i, with only small words between: a glued "m" is millions ("a population of 3.5m", "its budget
    rose to 2m"), not metres."""
    for k in range(i - 1, max(-1, i - 4), -1):
        t = doc[k]
        if t.lower_ in lex.million_nouns and t.pos_ in ("NOUN", "PROPN"):
            return True
        if not (t.pos_ in ("ADP", "DET", "ADV", "AUX", "PART") or t.lemma_.lower() in ("reach", "rise", "fall", "grow", "hit", "total", "stand")):
            return False
    return False


def _plural_next(doc, j: int, end: int) -> bool:
    """A plural noun at j, or after one or two adjectives or names: a glued "m" before it is millions
    ("1.5m people", "3m barrels", "2.1m Germans", "2m new jobs", "4m Syrian refugees"), not metres."""
    for k in range(j, min(end, j + 3)):
        if doc[k].tag_ in ("NNS", "NNPS") or doc[k].lower_ == "people":
            return True
        if not (doc[k].tag_ in ("JJ", "NNP") and doc[k].is_alpha):
            return False
    return False


def _next_word(doc, j: int, end: int) -> str:
    while j < end and doc[j].is_space:
        j += 1
    return doc[j].lower_ if j < end else ""


def _money_context(doc, i: int, lex: Lex) -> bool:
    return i > 0 and doc[i - 1].lower_ in lex.cur_symbols



def glued_comma(doc, c: int) -> bool:
    """A comma at token c typed for a space: no space on either side, a number on one side and a
    word on the other ("12,injured", "USD,100"; the tokenizer splits these, never "11,000")."""
    if not (0 < c < len(doc) - 1 and doc[c].text == "," and doc[c - 1].whitespace_ == "" and doc[c].whitespace_ == ""):
        return False
    left, right = doc[c - 1].text[-1:], doc[c + 1].text[:1]
    return left.isdigit() and right.isalpha() or left.isalpha() and right.isdigit()


def _start_number(doc, i: int, b: int, lex: Lex):
    """A number (with a currency sign before it) at i: (currency, number tuple, start token)."""
    t = doc[i]
    cur = None
    k = i
    if (t.text in ("US", "HK", "A", "C", "NZ", "S", "AU") or t.lower_ in ("hk", "c", "nz", "au")) and i + 2 < b and doc[i + 1].text == "$" and t.whitespace_ \
            and doc[i + 2].text[:1].isdigit() and not (t.text == "A" and (i == 0 or doc[i].is_sent_start)):   # "A $2.5M fine ...": the article
        cur, k = lex.cur_symbols.get(t.lower_ + "$", "USD"), i + 2
    elif t.lower_ + "." in lex.cur_symbols and i + 2 < b and doc[i + 1].text == "." and t.whitespace_ == "" \
            and doc[i + 2].text[:1].isdigit():
        cur, k = lex.cur_symbols[t.lower_ + "."], i + 2     # "Rs. 500": the tokenizer split the dot off
    elif t.lower_ in lex.cur_symbols and i + 2 < b and glued_comma(doc, i + 1):
        cur, k = lex.cur_symbols[t.lower_], i + 2           # "USD,100": a comma typed for a space
    elif t.lower_ in lex.cur_symbols and i + 1 < b and (doc[i + 1].text[:1].isdigit() or doc[i + 1].text[:1] == "."
                                                         or _NUM_RE.match(doc[i + 1].text)):
        cur, k = lex.cur_symbols[t.lower_], i + 1
    elif t.lower_ in ("minus", "negative") and i + 1 < b and (doc[i + 1].text[:1].isdigit() or doc[i + 1].lower_ in lex.numbers):
        n = _parse_number(doc, i + 1, b, lex)
        if n is None or n[0] is None:
            return None
        if t.lower_ == "minus" and i >= 2 and doc[i - 1].lower_ == "or" and doc[i - 2].lower_ == "plus":
            return None, n[:4] + ({**n[4], "sign": "±"},), i   # "plus or minus 3 points": a margin, not below zero
        return None, (-n[0],) + n[1:], i                  # "minus 387", "negative ten"
    elif not (t.text[:1].isdigit() or t.text[:1] == "." or t.lower_ in lex.numbers or t.lower_ in lex.vague
              or t.lower_ in ("a", "an", "half", "quarter") or "-" in t.lower_ or _NUM_RE.match(t.text) or t.text[-1:] in lex.vulgar):
        return None
    n = _parse_number(doc, k, b, lex)
    if n is None:
        return None
    return n[4].get("cur") or cur, n, i
