"""Small checks on the words around a figure, for ``quantity_figure._read_figure``: a unit after a
spaced dash (``_unit_after``), names a "the two ..." may point back at (``_antecedents``), a
multiplier glued to a currency code (``_scaled_code``), the code a money word names
(``_money_code``), a context that makes a bare number an age (``_age_context``) and a level a
change reached (``_level_reached``).
"""
from __future__ import annotations

from .numbers import Lex, _start_number
from .quantity_units import _unit_at

_NAMED = ("PERSON", "GPE", "ORG", "NORP", "LOC", "FAC")


def _unit_after(doc, k: int, b: int, lex: Lex) -> bool:
    """A measure, a currency or a plural noun follows the number at k ("10 - 20 percent", "3 - 4
    km", "10 - 20 civilians"); a spaced dash between bare numbers ("won 3 - 1") is no range."""
    got = _start_number(doc, k, b, lex) if k < b else None
    if not got or got[0]:
        return bool(got)
    j = got[1][3]
    if got[1][4].get("glued") or got[1][4].get("mult"):
        return True
    if j >= b:
        return False
    u = _unit_at(doc, j, b, lex, False, False)
    return bool(u) and u != "designation" and (u[3] is None or doc[u[3]].tag_ in ("NNS", "NNPS"))


def _antecedents(doc, k: int, n: float) -> bool:
    """ "the two leaders" points back when at least n names stand before it in its sentence and the two
    before ("Macron met Scholz ... the two leaders"); with none to point at, "The two sides have been
    negotiating" counts the sides."""
    sent = doc[k].sent
    start = sent.start
    for _ in range(2):
        if start > 0:
            start = doc[start - 1].sent.start
    names = {e.text.lower() for e in doc.ents if e.label_ in _NAMED and start <= e.start and e.end <= k}
    return len(names) >= n


def _scaled_code(word: str, lex: Lex):
    """ "MUSD" -> (USD, 1e6), "kEUR" -> (EUR, 1000): a currency code with a multiplier letter glued
    before it, as business wires write it; or None."""
    code = word[-3:]
    if len(word) < 4 or not code.isupper() or not code.isalpha() or word[:-3] not in lex.code_multipliers:
        return None
    iso = lex.cur_symbols.get(code.lower())
    return (iso, lex.code_multipliers[word[:-3]]) if iso and iso == code else None


def _money_code(t, lex: Lex) -> str | None:
    """The currency code a single token names ("dollars" USD, "usd" USD, "€" EUR), or None."""
    return lex.cur_names.get(t.lower_) or lex.cur_symbols.get(t.lower_)


def _age_context(doc, cs: int, a: int) -> bool:
    """A person's age is meant: "he will be 35", "she turned 60", "life expectancy ... around 73"."""
    k = cs - 1
    if k >= a and doc[k].lemma_.lower() == "turn" and doc[k].pos_ == "VERB":
        return True
    if k >= a and doc[k].lemma_ == "be" and any(t.lower_ in ("he", "she", "i") for t in doc[max(a, k - 3):k]):
        return True
    window = " ".join(t.lower_ for t in doc[max(a, cs - 8):cs])
    return "life expectancy" in window or "retirement age" in window


def _level_reached(doc, cs: int, a: int, lex: Lex) -> bool:
    """The figure from token cs is the level a change reached: "to" right before it and a verb of
    change (``change_verbs``) up to three words before that ("the death toll climbed to 112",
    "turnout rose sharply to 48")."""
    if cs - 2 < a or doc[cs - 1].lower_ != "to":
        return False
    for t in reversed(doc[max(a, cs - 5):cs - 1]):
        if t.pos_ in ("VERB", "AUX") or t.lemma_.lower() in lex.change_verbs:
            return t.lemma_.lower() in lex.change_verbs and t.pos_ == "VERB"
        if t.pos_ not in ("ADV", "ADP", "PART") or t.lower_ == "to":
            return False
    return False
