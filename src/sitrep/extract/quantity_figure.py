"""Reading one figure: number, range, cue, unit, rate, change, conversion.

Part of the quantities stage (``quantities.py``): ``_read_figure`` reads the figure that
starts at a token of a sentence (the scanner in ``quantity_scan.py`` calls it on the tokens
that may start a number); designations, years, dates and bare numbers are skipped there.
The shapes around a number it tests (a designation, a year, a range end, a share, a change, a
compound) are in ``quantity_shapes.py``.
"""
from __future__ import annotations

import re

from .number_cues import _cue_mid
from .numbers import _DETS, _YEAR_BEFORE, Lex, _cue_after, _cue_before, _match_phrase, _norm, _start_number, glued_comma
from .quantity_checks import _age_context, _antecedents, _level_reached, _money_code, _scaled_code
from .quantity_lists import _suspended
from .quantity_shapes import (_PEOPLE_PLURAL, _change_by, _compound_count, _count_not_year, _designation,
                              _is_yearish, _next_name_age, _per_base, _range_end, _share, _share_by, _shared_mult,
                              _thousands_shared)
from .quantity_units import _MEASURE_GROUPS, _fraction_of, _known, _rate, _record, _subject_after, _time_after, _unit_at

_PARTICIPLES = ("killed", "wounded", "injured", "dead", "hurt")
_HALF_DETS = ("the", "its", "their", "his", "her", "our", "this", "that", "these", "those")
_CASUALTY_VERBS = {"kill": "killed", "wound": "wounded", "injure": "injured"}
_PASSIVE_AUX = ("were", "was", "have", "has", "had", "been", "are", "being", "reportedly")
_DEAD_REPORTED = ("reported", "confirmed", "feared", "found", "believed", "presumed", "declared", "left")
_DEAD = re.compile(r"^dead(?![a-z])")


def _read_figure(doc, i: int, a: int, b: int, lex: Lex, bare: bool = False):
    """Read the figure starting at token i. Returns {"records", "next"}, or the token to go on
    from when what is there is not a figure, or None when no number starts at i."""
    listed = _suspended(doc, i, a, len(doc), lex)      # the parser may break the sentence in the list
    if listed:
        return listed
    got = _start_number(doc, i, b, lex)
    if got is None:
        t = doc[i]                       # "over a century", "nearly a year": a one, after a cue
        if t.lower_ in ("a", "an") and i + 1 < b and (doc[i + 1].lower_ in lex.time_factors
                                                      or doc[i + 1].lower_ in ("year", "month", "week", "day")):
            if _cue_before(doc, i, a, lex)[0]:
                got = (None, (1.0, None, None, i + 1, {"words": True}), i)
        if got is None and t.lower_ == "half" and _share_by(doc, i, i + 1, a, b, 0.5, {"words": True}):
            got = (None, (0.5, None, None, i + 1, {"words": True, "half": True}), i)     # "cut by half"
        if got is None and t.lower_ == "half" and i + 2 < b and doc[i + 1].lower_ in _HALF_DETS \
                and doc[i + 2].pos_ in ("NOUN", "PROPN", "ADJ") and doc[i + 2].lower_ not in lex.not_after_one:
            got = (None, (0.5, None, None, i + 2, {"words": True, "half": True}), i)     # "half the budget"
        if got is None and t.lower_ in lex.vague and _casualties_by_verb(doc, i, i + 1, a, b):
            lo = float(lex.vague[t.lower_])                          # "killed dozens", "hundreds were injured"
            got = (None, (None, lo, lo * 10, i + 1, {"vague": True}), i)
        if got is None:
            return None
    cur, (value, low, high, j, flags), s = got
    share = _share(doc, s, j, a, b, lex, value, flags)
    if share:
        return share
    between = s > a and doc[s - 1].lower_ == "between"
    after_from = s > a and doc[s - 1].lower_ == "by"
    # a range written with the number twice: "11,000 to 12,000", "between 30 and 40", "8- to 16-meter"
    r = _range_end(doc, j, b, lex, value, flags, between)
    scaled = _thousands_shared(doc, j, value, flags, r) if r else None
    if r and (after_from and r[3] or _change_by(doc, s, a, lex, scaled or value, r[0])):
        r = None                         # "by $43.6 billion to $419.2 billion": a change, not a range
    if r:
        v2, j2, f2, cur2 = r
        if f2.get("mult") and not flags.get("mult") and f2.get("raw"):
            mult = v2 / float(f2["raw"].replace(",", ""))
            if value * mult <= v2:
                value *= mult
        elif f2.get("words") and flags.get("words") and not flags.get("mult") and value is not None:
            mult = next((lex.mult[t.lower_] for t in reversed(doc[j:j2]) if lex.mult.get(t.lower_, 0) >= 100), None)
            if mult and value * mult <= v2:
                value *= mult            # "two to three thousand": the thousand is shared
        elif scaled:
            value = scaled               # "10-15,000 people": ten to fifteen thousand
        if v2 > value:
            low, high, value, j, cur = value, v2, None, j2, cur or cur2
            flags = {**flags, "range": True, "dash": f2.get("dash"), "glued": f2.get("glued") or flags.get("glued"),
                     "mult": flags.get("mult") or f2.get("mult")}       # "at 50-60 thousand": an amount, unit or not
        elif j < b and doc[j].text in ("-", "–"):
            return j2                    # a score or an id ("3-1"): not a figure
    if flags.get("sign") not in ("+", "±", "~", "≈") and _designation(doc, s, j, a, lex, flags):
        return j
    cue, cs = _cue_before(doc, s, a, lex)
    if flags.get("sign") in ("~", "≈"):
        cue = cue or "about"
    elif flags.get("sign") == "sub-":
        cue = cue or "at_most"                 # "a sub-7 nanometre chip"
    if between and flags.get("range"):
        cs = s - 1
    mid = _cue_mid(doc, j, b, lex)
    if mid:
        cue, j = mid                     # "40-odd survivors", "300-plus members", "60+ tanks", "20 or so protesters"
    elif flags.get("plus"):
        cue = "at_least"                 # "$5bn+"
    if j + 1 < b and doc[j].text in ("-", "–") and doc[j - 1].whitespace_ == "" and doc[j].whitespace_ == "" \
            and doc[j + 1].lower_ != "strong":
        j += 1                           # "16-meter", "five-year"
    comma = j + 1 < b and glued_comma(doc, j) and doc[j - 1].text[-1:].isdigit() and not (
        j + 2 < b and doc[j + 2].like_num)  # "killed 12,wounded 30": a list, the comma was a comma
    if comma:
        j += 1                           # "12,injured": a comma typed for a space, read as "12 injured"
    glued = 0 < j < len(doc) and doc[j - 1].whitespace_ == "" and not comma
    strong = False
    if j + 1 < b and doc[j].text in ("-", "–") and doc[j + 1].lower_ == "strong":
        strong, j = True, j + 2
    elif j < b and doc[j].lower_ == "strong" and doc[j - 1].text.endswith("-"):
        strong, j = True, j + 1
    unit = None
    if flags.get("glued"):
        name, group = flags["glued"]
        unit = (name, group, None, None, j)
    elif cur:
        unit = (cur, f"money:{cur}", None, None, j)
        nxt = _unit_at(doc, j, b, lex, glued, flags.get("mult"))
        if nxt and nxt[1].startswith("money"):
            unit = (cur, unit[1], None, None, nxt[4])
        elif cur == "USD" and j < b and doc[j].text in ("U.S.", "US"):
            unit = (cur, unit[1], None, None, j + 1)           # "$75 U.S. per barrel"
    else:
        k = j + 1
        if k < b and doc[j].lower_ == "of" and doc[k].lower_ in _OF_DETS and k + 1 < b:
            k += 1
            if k + 1 < b and doc[k].lower_ in ("last", "first", "next", "past", "final", "previous", "latest"):
                k += 1                                          # "5 of its last 6 games"
        if k < b and doc[j].lower_ == "of" and (value is None or value >= 1) and (doc[k].text[:1].isdigit() or doc[k].lower_ in lex.numbers):
            # "48 of 79 drones": the first takes the unit of the second
            rest = _read_figure(doc, k, a, b, lex, bare)
            if isinstance(rest, dict) and rest["records"]:
                o = rest["records"][0]
                st = o["subject_tokens"]
                mine = _record(doc, cs, s, j, value, low, high, cue,
                               (o["unit"], o["unit_class"], st[0] if st else None, st[1] if st else None, j), flags, strong)
                mine["unit_class"] = o["unit_class"]
                return {"records": [mine] + rest["records"], "next": rest["next"]}
            return j
        scaled = _scaled_code(doc[j].text, lex) if j < b and not flags.get("mult") else None
        if scaled:                                              # "5 MUSD", "300 kEUR": a multiplier glued to the code
            code, mult = scaled
            value, low, high = (None if v is None else v * mult for v in (value, low, high))
            flags = {**flags, "mult": True}
            unit = (code, f"money:{code}", None, None, j + 1)
        else:
            unit = _fraction_of(doc, j, b, lex, value) or _unit_at(doc, j, b, lex, glued, flags.get("mult")) \
            or _share_of_figure(doc, j, b, lex, value) or _per_base(doc, j, b, lex)
        if unit is None and glued and doc[j].lower_ == "in":
            unit = ("inch", "length", None, None, j + 1)                 # "6ft 3in"
        if unit == "designation" and "." in (flags.get("raw") or "") and doc[j].is_upper:
            unit = (doc[j].text, doc[j].text, None, None, j + 1)     # "0.5 WAR": a decimal is an amount
        if unit == "designation" or (glued and not strong and j < b and doc[j].is_alpha and doc[j - 1].like_num
                                     and (unit is None or unit[3] is not None and unit[1] not in lex.counted_classes)):
            return j + 1                        # "787 Dreamliner", "5G", "3D"
    if unit and unit[2] == unit[3] == j and doc[j].lower_ in _PARTICIPLES and value is not None and value != int(value) \
            and not flags.get("mult"):
        unit = None                                        # "magnitude 6.4 killed": no one is 6.4 killed
    end_tok = unit[4] if unit else j
    if unit and unit[0] == "degree" and end_tok < b and doc[end_tok].lower_ in lex.degree_scales \
            and (len(doc[end_tok].text) > 1 or doc[end_tok].text in ("C", "F")):
        end_tok += 1                                       # "100° Celsius", "40 ° F"
        unit = (lex.degree_scales[doc[end_tok - 1].lower_], "temperature", None, None, end_tok)
    # "75 USD million", "20 euro billion": the multiplier after the currency
    if unit and unit[1].startswith("money:") and unit[1] != "money:minor" and value is not None and not flags.get("mult") \
            and end_tok < b and lex.mult.get(doc[end_tok].lower_, 0) >= 1000:
        value, end_tok = value * lex.mult[doc[end_tok].lower_], end_tok + 1
        flags = {**flags, "mult": True}
        unit = unit[:4] + (end_tok,)
    # "3 dollars 50 cents", "thirteen dollars and forty-five cents", "15 dollars 50." (the cents
    # unnamed when the clause ends there): one amount
    if unit and unit[1].startswith("money:") and unit[1] != "money:minor" and value is not None and end_tok < b \
            and value == int(value) and not flags.get("mult") and "." not in (flags.get("raw") or ""):
        k = end_tok + (doc[end_tok].lower_ == "and")
        got2 = _start_number(doc, k, b, lex) if k < b else None
        if got2 and got2[0] is None and got2[1][0] is not None and 0 < got2[1][0] < 100 and got2[1][0] == int(got2[1][0]) \
                and not got2[1][4].get("mult") and not got2[1][4].get("glued") and (
                    got2[1][3] < b and _match_phrase(doc, got2[1][3], b, lex.minor, 1) and len(doc[got2[1][3]].text) > 1
                    or (got2[1][3] >= len(doc) or doc[got2[1][3]].is_punct and doc[got2[1][3]].text not in ("-", "–", "/", "%"))
                    and (end_tok == j or _money_code(doc[end_tok - 1], lex) == unit[0])):
            value += got2[1][0] / 100
            end_tok = got2[1][3] + (got2[1][3] < b and not doc[got2[1][3]].is_punct)
            unit = unit[:4] + (end_tok,)
    # the same unit on both ends of a range: "1 per cent to 1.5 per cent", "between 5% and 6%"
    if unit and not flags.get("range") and (unit[1] in _MEASURE_GROUPS or unit[1].startswith("money")):
        r = None if after_from else _range_end(doc, end_tok, b, lex, value, flags, between)
        if r and r[0] > value and not _change_by(doc, s, a, lex, value, r[0]):
            v2, j2, f2, cur2 = r
            u2 = (f2["glued"][0], f2["glued"][1], None, None, j2) if f2.get("glued") else \
                (cur2, f"money:{cur2}", None, None, j2) if cur2 else _unit_at(doc, j2, b, lex, True, f2.get("mult"))
            if u2 and u2 != "designation" and u2[1] == unit[1] and u2[0] == unit[0]:
                low, high, value = value, v2, None
                flags = {**flags, "range": True}
                unit = unit[:4] + (u2[4],)
                end_tok = u2[4]
    # "a five-year plan", "a 10-year bond": a duration that names a kind of thing, not a figure
    if unit and unit[1] == "time" and unit[4] - 1 > j - 1 and j > 0 and doc[j - 1].text in ("-", "–") \
            and unit[4] < b and doc[unit[4]].pos_ in ("NOUN", "ADJ", "PROPN", "NUM", "SYM") and not cue:
        return unit[4]
    ag = s - 1 - (s - 2 >= a and doc[s - 1].lower_ in ("between", "from"))    # "aged between 18 and 25"
    if ag >= a and (unit is None or unit[3] is not None and doc[unit[3]].tag_ in ("NN", "VB", "VBP")   # "ages 6 to 10 return":
                    and doc[ag].lower_ in ("aged", "ages")) \
            and (doc[ag].lower_ in ("aged", "age", "ages") or ag - 1 >= a and doc[ag - 1].lower_ == "age"   # a verb misread
                 and doc[ag].lower_ == "of"):
        unit = ("year of age", "age", None, None, j)      # "aged 21", "over the age of 21", "a man of age 87", "ages 5 to 11"
    if unit is None and s - 2 >= a and doc[s - 1].lower_ in ("under", "over", "above", "below") and flags.get("digits") \
            and value is not None and value == int(value) and 0 < value < 120 and not flags.get("mult") \
            and (doc[s - 2].lemma_.lower() in lex.person_nouns or doc[s - 2].lower_ in _PEOPLE_PLURAL) \
            and (j >= b or doc[j].pos_ not in ("NOUN", "PROPN", "NUM") and doc[j].text not in ("%", "-", "–")):
        unit = ("year of age", "age", None, None, j)      # "children under 5", "people over 65": an age
    if value is not None and j < b and doc[j].lower_ in ("yo", "y/o", "y.o.", "yo.") and (unit is None or unit[2] == j):
        unit = ("year of age", "age", None, None, j + 1)  # "a 64 yo woman"
    # "the 16-bit 8088 chip", "a 6502 processor": four digits or more, no comma, before one thing is a model
    if unit and unit[3] is not None and unit[1] not in lex.counted_classes and not cue and flags.get("digits") \
            and (flags.get("raw") or "").isdigit() and len(flags["raw"]) >= 4 and not flags.get("comma") \
            and not flags.get("mult") and not flags.get("range") and doc[unit[3]].tag_ == "NN" and unit[3] == j:
        return unit[4]
    # "a three-party meeting", "a 57-member body": the number names a kind of thing
    if unit and unit[3] is not None and j > 0 and doc[j - 1].text in ("-", "–") and not strong \
            and unit[1] not in lex.counted_classes and not cue and not (j < b and doc[j].lower_ == "magnitude"):
        if not _compound_count(doc, j, b, value, low, flags):
            return unit[4]
        key = _norm(doc[j].text)                # "a 45,000-seat stadium", "a 600-bed hospital": the seats are counted
        unit = (doc[j].text, lex.counted.get(key) or lex.counted.get(doc[j].lemma_.lower()) or doc[j].lemma_.lower(),
                j, j, j + 1)
        end_tok = j + 1
    # a change "fell from 208 pounds to 193", "from $36,040 at 10pm to $34,935": one figure, the value
    # it reached, with the value it started from (a bare "from 240 to 273" counts too)
    if cs > a and doc[cs - 1].lower_ == "from" and value is not None and not flags.get("range") \
            and not (_is_yearish(flags, value) and not _known(unit, lex)):
        ch = _change_to(doc, cs, s, end_tok, b, lex, value, cue, unit, flags, strong)
        if ch:
            return ch
    # "45 and 50 mg", "2 or 3 percent", "2, 3 and 4 percent": a bare number takes the measure of the one it is paired with
    if unit is None and not flags.get("range") and j + 1 < b and (doc[j].lower_ in ("and", "or") or doc[j].text == ","
                                                                  and j + 2 < b and doc[j + 2].lower_ in (",", "and", "or")) \
            and (doc[j + 1].text[:1].isdigit() or doc[j + 1].lower_ in lex.numbers):
        other = _read_figure(doc, j + 1, j + 1, b, lex, True)
        if isinstance(other, dict) and other["records"] and other["records"][0]["num_tok"] == j + 1:
            o = other["records"][0]
            m = next((lex.mult[t.lower_] for t in doc[o["num_tok"]:o["end_tok"]] if lex.mult.get(t.lower_, 0) >= 1000), None)
            if m is None and (o.get("flags") or {}).get("mult"):
                m = _shared_mult(o)                  # "3, 4 and 5 million": the 4 took the million already
            if m and value is not None and not flags.get("mult") and value < 1000 and o["value"] is not None \
                    and value * m < o["value"] * 10 and not o["from_value"]:
                value, flags = value * m, {**flags, "mult": True}     # "1.5 and 2 million units": the million is shared
                if o["unit"]:
                    unit = (o["unit"], o["group"], None, None, j)
            elif o["unit"] and (o["group"] in _MEASURE_GROUPS or (o["group"] or "").startswith("money")) \
                    and o["group"] != "time" and not o["from_value"]:
                unit = (o["unit"], o["group"], None, None, j)
    # "2 in thick", "a 3 in. pipe": "in" after a number is inches when a size word or the end follows
    if unit is None and j < b and doc[j].lower_ in ("in", "in.") and (
            j + 1 >= b or doc[j + 1].is_punct or doc[j + 1].lower_ in lex.size_words):
        unit = ("inch", "length", None, None, j + 1)
        end_tok = j + 1
    # "Maddon, 66, said", "Ms Ruiz, 41, who", "the victim, 34, died": a number between commas after a name
    # or a noun of a person is an age
    if unit is None and flags.get("digits") and value is not None and value == int(value) and 0 < value < 120 \
            and s - 2 >= a and doc[s - 1].text == "," and j < b and doc[j].text in (",", ".") \
            and (doc[s - 2].ent_type_ == "PERSON" or (doc[s - 2].pos_ == "PROPN" and doc[s - 2].ent_type_ in ("", "ORG")
                                                      or doc[s - 2].pos_ == "NOUN" and doc[s - 2].lower_ in lex.person_nouns)
                 and j + 1 < b and (doc[j + 1].pos_ in ("VERB", "AUX") or doc[j + 1].lower_ in ("who", "whose")
                                    or _next_name_age(doc, j + 1, b))):
        unit = ("year of age", "age", None, None, j)
    if s > a and (doc[s - 1].lower_ == "magnitude" or s - 1 > a and doc[s - 1].lower_ == "of" and doc[s - 2].lower_ == "magnitude") \
            and value is not None and value < 11 \
            and (unit is None or unit[3] is not None):
        unit = ("magnitude", "magnitude", None, None, j)     # "a magnitude 6.1 quake": the quake is not counted
        end_tok = j
    m = j + (j < b and doc[j].text in ("-", "–"))
    if m < b and doc[m].lower_ == "magnitude" and value is not None and value < 11 and not flags.get("glued") \
            and (unit is None or unit[3] is not None):
        unit = ("magnitude", "magnitude", None, None, m + 1)   # "a 6.2-magnitude quake", "a 5.6 magnitude earthquake"
        end_tok = m + 1
    # "the blast killed 17 and wounded 40", "14 were killed", "killed dozens": a bare count after a verb of
    # casualties, or the subject of its passive, counts them
    if unit is None and (value is not None and value == int(value) > 0 and not flags.get("range")
                         and not _is_yearish(flags, value) or flags.get("vague")) \
            and (name := _casualties_by_verb(doc, cs, j, a, b)):
        unit = (name, lex.counted.get(name, name), None, None, j)
    # "he will be 35 by then", "she turned 60", "life expectancy is around 73": an age without "years"
    if unit is None and flags.get("digits") and value is not None and value == int(value) and 0 < value < 120 \
            and not flags.get("range") and (j >= b or doc[j].is_punct or doc[j].pos_ in ("ADP", "CCONJ", "SCONJ", "ADV", "VERB", "ADJ")
                                            and doc[j].lower_ not in ("for", "of", "out", "to", "per", "times")) \
            and _age_context(doc, cs, a):
        unit = ("year of age", "age", None, None, j)
    # years and bare number words are not figures
    if (_is_yearish(flags, value) or _is_yearish(flags, low)) and not _count_not_year(doc, s, j, a, unit, lex):
        if not _known(unit, lex) and (not cue or unit is not None) or not cue and (s > a and doc[s - 1].lower_ in _YEAR_BEFORE and unit[3] is not None):
            return end_tok if unit else j            # "in 2021 most people": a year
    if unit is None and not cue and not bare and not (flags.get("comma") or flags.get("mult") or flags.get("vague")
                                                      or "." in (flags.get("raw") or "")) \
            and not (flags.get("range") and cs > a and doc[cs - 1].lower_ == "from") \
            and not (flags.get("digits") and _time_after(doc, j, b)) \
            and not (flags.get("digits") and _level_reached(doc, cs, a, lex)) \
            and not _share_by(doc, cs, j, a, b, value, flags):    # "scored 14 this season", "climbed to 112"
        return j                         # a bare number ("4", "two") says nothing on its own
    head1 = doc[unit[3]] if unit and unit[3] is not None and unit[3] >= j else None     # "one new store" too
    one_thing = flags.get("one") and head1 is not None and head1.pos_ == "NOUN" and head1.tag_ == "NN" \
        and all(t.pos_ in ("ADJ", "NOUN", "PROPN") or t.text in ("-", "–") for t in doc[j:head1.i]) \
        and (head1.lower_ not in lex.not_after_one and not (s > a and (doc[s - 1].pos_ in ("DET", "PRON")
                                                                       or doc[s - 1].lower_ in lex.one_indefinite_after))
             or s > a and doc[s - 1].lower_ in lex.focus_before_one)   # "one proposal", "to one count", "just one area"; not "in one region"
    one_of_most = flags.get("one") and unit and j + 2 < b and doc[j].lower_ == "of" and doc[j + 1].lower_ == "the" \
        and (doc[j + 2].tag_ in ("JJS", "RBS") or doc[j + 2].lower_ in ("best", "worst", "most", "least"))
    # "one of the computers", "one of its plants": one of a plural counts it, as the superlatives do
    one_of_most = one_of_most or flags.get("one") and unit and unit != "designation" and j < b and doc[j].lower_ == "of" \
        and unit[3] is not None and doc[unit[3]].tag_ in ("NNS", "NNPS") \
        and not any(t.lower_ in ("few", "many", "several", "numerous", "countless") for t in doc[j:unit[3]])   # "one of the few"
    if flags.get("one") and not cue and not bare and not _known(unit, lex) and not one_thing and not one_of_most:
        return end_tok
    if flags.get("words") and not cue and not bare and s > a and doc[s - 1].lower_ in _DETS \
            and (doc[s - 1].pos_ in ("DET", "PRON") or doc[s - 1].lower_ in ("all", "both")) \
            and not (unit and unit[1] in _MEASURE_GROUPS) \
            and not (unit and unit[3] is not None and value is not None and value >= 2 and doc[unit[3]].tag_ in ("NNS", "NNPS")
                     and (doc[s - 1].lower_ in lex.counting_determiners
                          or doc[s - 1].lower_ == "the" and not _antecedents(doc, s - 1, value))):
        return end_tok                   # "the two leaders" a reference; "their three children", "all seventeen tests" counts
    if unit and unit[1] == "time" and _is_yearish(flags, value) and not cue and doc[unit[4] - 1].tag_ == "NN":
        return unit[4]                   # "the 1988 quarter", "its 2021 fiscal year": a year naming a period
    if unit and unit[1] == "time" and end_tok < b and doc[end_tok].lower_ in lex.skip_after:
        return end_tok + 1               # "8 months ago" is a date
    if unit and unit[1] == "time" and end_tok + 1 < b and doc[end_tok].lower_ == "of" and doc[end_tok + 1].lower_ == "age":
        unit = (f"{unit[0]} of age", "age", None, None, end_tok + 2)      # "18 months of age"
        end_tok = unit[4]
    if unit and unit[1] == "time" and end_tok < b and (doc[end_tok].lower_ == "old" or (
            end_tok + 1 < b and doc[end_tok].text == "-" and doc[end_tok + 1].lower_ == "old")):
        unit = (f"{unit[0]} of age", "age", None, None, end_tok + (1 if doc[end_tok].lower_ == "old" else 2))
        end_tok = unit[4]
    unit, end_tok = _rate(doc, unit, end_tok, b, lex)
    # a cue after the figure ("60% or more") overrides one before it
    cue2, after_end = _cue_after(doc, end_tok, b, lex)
    if cue2:
        cue = cue2
    if cue in ("at_least", "at_most") and value is not None and end_tok + 2 < b \
            and doc[end_tok].lower_ in ("and", "but") and not flags.get("range"):
        k2 = next((k for k in range(end_tok + 1, min(b, end_tok + 7)) if _start_number(doc, k, b, lex)), end_tok + 1)
        other = _read_figure(doc, k2, end_tok + 1, b, lex, bare)      # "more than 100 and less than 300"
        if isinstance(other, dict) and len(other["records"]) == 1:
            o = other["records"][0]
            if o["approx"] in ("at_least", "at_most") and o["approx"] != cue and o["value"] is not None \
                    and (o["unit"] == (unit[0] if unit else None) or o["unit"] is None or unit is None):
                lo_v, hi_v = (value, o["value"]) if cue == "at_least" else (o["value"], value)
                if lo_v < hi_v:
                    rec = _record(doc, cs, s, o["end_tok"], None, lo_v, hi_v, None, unit or None, flags, strong)
                    if unit is None:
                        rec.update({k: o[k] for k in ("unit", "unit_class", "group", "subject_tokens")})
                    return {"records": [rec], "next": other["next"]}
    rec = _record(doc, cs, s, end_tok, value, low, high, cue, unit, flags, strong)
    # a conversion in brackets right after: "€118 billion ($126 billion)"
    nxt = end_tok
    if nxt + 2 < b and doc[nxt].text == "(":
        inner = _read_figure(doc, nxt + 1, nxt + 1, b, lex, bare)
        if isinstance(inner, dict) and len(inner["records"]) == 1 and inner["next"] < b \
                and doc[inner["next"]].text == ")":
            other = inner["records"][0]
            if unit and other["unit_class"] and other["unit_class"].split(":")[0] == rec["unit_class"].split(":")[0] \
                    or (unit and unit[1] in _MEASURE_GROUPS and other["unit_class"] in _MEASURE_GROUPS):
                val = other["value"] if other["value"] is not None else (other["low"], other["high"])
                rec["converted"] = ((val, other["unit"]),)
                rec["end_tok"] = inner["next"] + 1
                rated, after = _rate(doc, unit, rec["end_tok"], b, lex)     # "4 billion rupees ($48 million) a year"
                if after > rec["end_tok"] and rated[1] == unit[1]:
                    per = rated[0][len(unit[0]):]
                    rec["unit"], rec["end_tok"] = rec["unit"] + per, after     # the bracket keeps its own unit
                if rec["subject_tokens"] is None:
                    rec["subject_tokens"] = _subject_after(doc, rec["end_tok"], b)
                return {"records": [rec], "next": inner["next"] + 1}
        glued = _GLUED_BRACKET.match(doc[nxt + 1].text)
        if glued and unit and unit[1] in _MEASURE_GROUPS and _norm(glued.group(2)) in lex.measures \
                and lex.measures[_norm(glued.group(2))][1] == unit[1]:
            # "a 37m (121ft)-long skeleton": the tokenizer keeps "121ft)-long" whole
            rec["converted"] = ((float(glued.group(1).replace(",", "")), lex.measures[_norm(glued.group(2))][0]),)
            rec["end_tok"] = nxt + 2
            return {"records": [rec], "next": nxt + 2}
    if cue2:
        rec["end_tok"] = after_end
    return {"records": [rec], "next": max(rec["end_tok"], j)}


def _casualties_by_verb(doc, cs: int, j: int, a: int, b: int) -> str | None:
    """The casualties a bare count at cs..j stands for by its verb: right after a verb of casualties
    ("killed 17", "wounded dozens"), or the subject of its passive ("14 were killed", "hundreds have
    been injured") or of "dead" ("9 were dead", "six are feared dead"). Returns "killed", "wounded",
    "injured" or "dead", or None."""
    if cs > a and doc[cs - 1].pos_ == "VERB" and doc[cs - 1].lemma_.lower() in _CASUALTY_VERBS:
        return _CASUALTY_VERBS[doc[cs - 1].lemma_.lower()]
    k = j
    while k < b and k - j < 3 and doc[k].lower_ in _PASSIVE_AUX:
        k += 1
    if j < k < b and doc[k].tag_ == "VBN" and doc[k].lemma_.lower() in _CASUALTY_VERBS:
        return _CASUALTY_VERBS[doc[k].lemma_.lower()]
    if j < k < b and doc[k].lower_ in _DEAD_REPORTED:
        k += 1                                      # "14 were reported dead", "six are feared dead"
    if j < k < b and _DEAD.match(doc[k].lower_):
        return "dead"                               # "9 were dead", also glued to a quote: 'dead,"a'
    return None


_GLUED_BRACKET = re.compile(r"^(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)([a-zA-Z]{1,3})\)-[a-z]+$")


_OF_DETS = ("the", "a", "an", "its", "their", "his", "her", "our", "my", "your", "these", "those")


def _share_of_figure(doc, j: int, b: int, lex: Lex, value):
    """ "two-thirds of the combined 4.3M sales", "half of the 300 staff": a fraction of a figure of
    things counted is a share of those things, "share of sales" (the figure after is read on its own)."""
    if value is None or not 0 < value < 1 or j + 2 >= b or doc[j].lower_ != "of":
        return None
    for k in range(j + 1, min(b, j + 4)):
        if _start_number(doc, k, b, lex):
            other = _read_figure(doc, k, k, b, lex, True)
            if isinstance(other, dict) and other["records"] and other["records"][0]["subject_tokens"] \
                    and other["records"][0]["group"] not in _MEASURE_GROUPS:
                return f"share of {other['records'][0]['unit']}", "share", None, None, j
            return None
        if not (doc[k].pos_ in ("DET", "ADJ") or doc[k].tag_ == "VBN"):
            return None
    return None


_CHANGE_STOP = {";", ":", "(", ")", "from", "between", "while", "but", "and"}


def _change_to(doc, cs, s, end_tok, b, lex, value, cue, unit, flags, strong):
    """The "to" figure of a change that starts at the figure before end_tok, merged into one record."""
    if unit:
        unit, end_tok = _rate(doc, unit, end_tok, b, lex)       # "from $75 per barrel to $45.88"
    for k in range(end_tok, min(b - 1, end_tok + 8)):
        w = doc[k].lower_
        if w in _CHANGE_STOP:
            return None
        if w != "to":
            continue
        other = _read_figure(doc, k + 1, k + 1, b, lex, True)
        if not isinstance(other, dict) or not other["records"]:
            return None
        o = other["records"][0]
        if o["value"] is None or o["value"] == value or o["num_tok"] != k + 1 and o["start_tok"] != k + 1:
            return None
        if _is_yearish(o.get("flags") or {}, o["value"]) and not o["unit"]:
            return None
        mine = _record(doc, cs, s, end_tok, value, None, None, cue, unit, flags, strong)
        if mine["unit"] and o["unit"] and mine["unit_class"].split(":")[0] != o["unit_class"].split(":")[0] \
                and mine["group"] != o["group"]:
            return None
        rec = dict(o, start_tok=cs, num_tok=s, from_value=mine["value"])
        if mine["unit"] and (not o["unit"] or mine["unit"].startswith(o["unit"] + " per ")):
            for key in ("unit", "unit_class", "group"):      # "from $75 per barrel to $45.88": the rate holds for both
                rec[key] = mine[key]
        rec["subject_tokens"] = mine["subject_tokens"] or o["subject_tokens"]
        return {"records": [rec] + other["records"][1:], "next": other["next"]}
    return None
