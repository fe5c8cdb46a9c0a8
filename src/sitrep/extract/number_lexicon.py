"""The word lists of ``data/units.yaml`` (number words, multipliers, suffixes, approximation cues,
currencies, measures, counted nouns), indexed once for the quantities stage: ``Lex`` and ``lexicon()``,
with ``_norm``, the form a multi-word key is looked up in."""
from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

DATA = Path(__file__).resolve().parents[1] / "data" / "units.yaml"
# unit symbols and names units.yaml lacks, from quantulum3's unit table (scripts/build_units_q3.py)
Q3 = Path(__file__).resolve().parents[1] / "data" / "units-q3.tsv"


# How the "words" of a units.yaml list are read.
_words = lambda v: set(map(str, v))  # noqa: E731
_ints = lambda v: set(int(x) for x in v)  # noqa: E731
_values = lambda v: {k: float(x) for k, x in v.items()}  # noqa: E731 - the keys as YAML reads them
_str_values = lambda v: {str(k): float(x) for k, x in v.items()}  # noqa: E731
_names = lambda v: {str(k): str(x) for k, x in v.items()}  # noqa: E731
_pairs = lambda v: {str(k): (str(x[0]), str(x[1])) for k, x in v.items()}  # noqa: E731
_senses = lambda v: {str(k): (str(x[0]), str(x[1]), set(x[2])) for k, x in v.items()}  # noqa: E731
_cues = lambda v: {tuple(str(k).split()): str(x) for k, x in v.items()}  # noqa: E731

# The plain word sets of units.yaml, each an attribute of ``Lex`` named as its key: words around a
# figure (ranges, words skipped, what may come before or after it), units and the nouns a figure
# counts, price words.
_SETS = ("range_words", "skip_before", "skip_after", "months", "not_after_one", "focus_before_one",
         "one_indefinite_after", "determiners", "deictic", "counting_determiners", "year_before",
         "glued_before", "strong_units", "million_nouns", "person_nouns", "size_words", "change_verbs",
         "price_words")
# The other plain lists: (attribute of ``Lex``, key in units.yaml, how its words are read).
_LISTS = (
    # word -> value: number words, multipliers ("million"), suffixes ("5k"), vague amounts ("dozens"), fractions
    ("numbers", "numbers", _values), ("mult", "multipliers", _values),
    ("suffix", "suffixes", _values), ("vague", "vague", _values),
    ("code_multipliers", "code_multipliers", _str_values), ("fractions", "fractions", _str_values),
    ("vulgar", "vulgar_fractions", _str_values), ("digit_fractions", "digit_fractions", _ints),
    # letters and symbols: multiplier letters, a glued "1", units and currencies written in their case
    ("mult_letters", "multiplier_letters", _words), ("glued_one", "glued_one_letter", _words),
    ("cased", "cased_units", _names), ("spaced_letters", "spaced_letters", _pairs),
    ("senses", "symbol_senses", _senses), ("degree_scales", "degree_scales", _names),
    ("cased_cur", "cased_currency", _names), ("ascii_cur", "ascii_currency", _names),
    ("letter_cur", "letter_currency", _names), ("short_nouns", "short_nouns", _names),
    ("mid_cues", "cue_before_unit", _cues),      # a cue between the figure and its unit
)


class Lex:
    """The word lists of units.yaml, indexed for the scanner."""

    def __init__(self, path: Path = DATA, q3: Path | None = Q3):
        import yaml
        d = yaml.safe_load(path.read_text(encoding="utf-8"))
        self.before: list[tuple[tuple[str, ...], str]] = []
        self.after: list[tuple[tuple[str, ...], str]] = []
        for g in d["approx"]:
            self.before += [(tuple(str(p).lower().split()), g["class"]) for p in g.get("before", [])]
            self.after += [(tuple(str(p).lower().split()), g["class"]) for p in g.get("after", [])]
        self.before.sort(key=lambda x: -len(x[0]))
        self.after.sort(key=lambda x: -len(x[0]))
        for key in _SETS:
            setattr(self, key, _words(d[key]["words"]))
        for attr, key, read in _LISTS:
            setattr(self, attr, read(d[key]["words"]))
        cur = d["currencies"]
        self.cur_symbols = {str(k).lower(): v for k, v in cur["symbols"]["words"].items()}
        for k, v in list(self.cur_symbols.items()):      # "usd$ 15", "cad$15", "nzd$": a code before a dollar sign
            if len(k) == 3 and k.isalpha():
                self.cur_symbols.setdefault(k + "$", v)
        self.cur_names = {_norm(k): v for k, v in cur["names"]["words"].items()}
        self.pounds = set(cur["pounds"]["words"])
        self.pound_money = set(map(str, cur["pound_money"]["words"]))
        self.pound_weight = set(map(str, cur["pound_weight"]["words"]))
        self.minor = {_norm(k): v for k, v in cur["minor"]["words"].items()}
        self.measures: dict[str, tuple[str, str]] = {}
        self.time_factors: dict[str, tuple[float, str]] = {}
        for group, g in d["measures"].items():
            if group == "time_factors":
                self.time_factors = {k: (float(v[0]), v[1]) for k, v in g["words"].items()}
                continue
            for k, v in g["words"].items():
                self.measures[_norm(str(k))] = (str(v), group)
        si = d.get("si_units") or {}
        for pre in (si.get("prefixes") or {}).get("words", {}):
            for spelling, (name, group) in (si.get("bases") or {}).get("words", {}).items():
                for word in _plurals(pre + str(spelling)):
                    self.measures.setdefault(_norm(word), (pre + str(name), str(group)))
        self.unit_groups = {name: group for name, group in self.measures.values()}
        sym = d.get("si_symbols") or {}
        bases = {str(k): (str(v[0]), str(v[1])) for k, v in (sym.get("bases") or {}).get("words", {}).items()}
        skip = set(map(str, (sym.get("exclude") or {}).get("words", [])))
        single = set(map(str, (sym.get("single") or {}).get("words", [])))
        made = {b: n for b, n in bases.items() if len(b) > 1 or b in single}
        for pre, pname in ((sym.get("prefixes") or {}).get("words", {})).items():
            for b, n in bases.items():
                made[str(pre) + b] = (str(pname) + n[0], n[1])
        for symbol, (name, group) in made.items():
            if symbol not in skip and symbol not in self.cased and self.measures.get(_norm(symbol), ("",))[0] != name:
                self.cased[symbol] = name              # "mW" milliwatt though "mw" is read as megawatt
            self.unit_groups.setdefault(name, group)
        self.q3_words: dict[str, tuple[str, str]] = {}
        self._load_q3(q3)
        self.counted: dict[str, str] = {}
        for g in d["counted"]:
            for word in g["words"]:
                self.counted[_norm(word)] = g["class"]
        self.counted_classes = set(self.counted.values())
        self.max_unit_words = 4
        # the cues by their last (before a figure) or first (after it) word, longest first
        self.before_by_last: dict[str, list] = {}
        self.after_by_first: dict[str, list] = {}
        for words, cls in self.before:
            self.before_by_last.setdefault(words[-1], []).append((words, cls))
        for words, cls in self.after:
            self.after_by_first.setdefault(words[0], []).append((words, cls))
        # words after "a"/"an" that make it a number ("a half", "a dozen", "over a century")
        self.after_a = set(self.fractions) | set(self.mult) | set(self.time_factors) | {"year", "month", "week", "day"}
        self.start_cache: dict[int, int] = {}     # orth id -> may the word start a figure (quantity_scan)


    def _load_q3(self, path: Path | None) -> None:
        """units-q3.tsv, below units.yaml: a symbol is read in its case (as the cased units), a
        phrase as a measure, a one-word name only written in lower case ("5 oersteds", never "Tesla")."""
        if path is None or not path.exists():
            return
        for line in path.read_text(encoding="utf-8").splitlines()[4:]:
            kind, surface, name, group = line.split("\t")
            if kind == "symbol":
                self.cased.setdefault(surface, name)
            elif kind == "phrase":
                self.measures.setdefault(surface, (name, group))
            else:
                self.q3_words.setdefault(surface, (name, group))
            self.unit_groups.setdefault(name, group)


def _plurals(word: str) -> tuple[str, ...]:
    """A unit name and its plural ("kilopascal", "kilopascals"; "megahertz" has none)."""
    return (word,) if word.endswith(("z", "s")) else (word, word + "s")


def _norm(s: str) -> str:
    return re.sub(r"\s+", " ", str(s).lower()).strip()


@lru_cache(maxsize=1)
def lexicon() -> Lex:
    return Lex()
