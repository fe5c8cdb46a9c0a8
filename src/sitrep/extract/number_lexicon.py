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


class Lex:
    """The word lists of units.yaml, indexed for the scanner."""

    def __init__(self, path: Path = DATA, q3: Path | None = Q3):
        import yaml
        d = yaml.safe_load(path.read_text(encoding="utf-8"))
        w = lambda k: d[k]["words"]  # noqa: E731
        self.numbers = {k: float(v) for k, v in w("numbers").items()}
        self.mult = {k: float(v) for k, v in w("multipliers").items()}
        self.suffix = {k: float(v) for k, v in w("suffixes").items()}
        self.vague = {k: float(v) for k, v in w("vague").items()}
        self.before: list[tuple[tuple[str, ...], str]] = []
        self.after: list[tuple[tuple[str, ...], str]] = []
        for g in d["approx"]:
            self.before += [(tuple(str(p).lower().split()), g["class"]) for p in g.get("before", [])]
            self.after += [(tuple(str(p).lower().split()), g["class"]) for p in g.get("after", [])]
        self.before.sort(key=lambda x: -len(x[0]))
        self.after.sort(key=lambda x: -len(x[0]))
        self.range_words = set(map(str, w("range_words")))
        self.skip_before = set(map(str, w("skip_before")))
        self.skip_after = set(map(str, w("skip_after")))
        self.months = set(map(str, w("months")))
        self.not_after_one = set(map(str, w("not_after_one")))
        self.focus_before_one = set(map(str, w("focus_before_one")))
        self.one_indefinite_after = set(map(str, w("one_indefinite_after")))
        self.code_multipliers = {str(k): float(v) for k, v in w("code_multipliers").items()}
        self.fractions = {str(k): float(v) for k, v in w("fractions").items()}
        self.digit_fractions = set(int(x) for x in w("digit_fractions"))
        self.mult_letters = set(map(str, w("multiplier_letters")))
        self.glued_one = set(map(str, w("glued_one_letter")))
        self.determiners = set(map(str, w("determiners")))
        self.deictic = set(map(str, w("deictic")))
        self.counting_determiners = set(map(str, w("counting_determiners")))
        self.year_before = set(map(str, w("year_before")))
        self.glued_before = set(map(str, w("glued_before")))
        self.strong_units = set(map(str, w("strong_units")))
        self.million_nouns = set(map(str, w("million_nouns")))
        self.person_nouns = set(map(str, w("person_nouns")))
        self.cased = {str(k): str(v) for k, v in w("cased_units").items()}
        self.size_words = set(map(str, w("size_words")))
        self.change_verbs = set(map(str, w("change_verbs")))
        self.spaced_letters = {str(k): (str(v[0]), str(v[1])) for k, v in w("spaced_letters").items()}
        self.senses = {str(k): (str(v[0]), str(v[1]), set(v[2])) for k, v in w("symbol_senses").items()}
        self.cased_cur = {str(k): str(v) for k, v in w("cased_currency").items()}
        self.ascii_cur = {str(k): str(v) for k, v in w("ascii_currency").items()}
        self.letter_cur = {str(k): str(v) for k, v in w("letter_currency").items()}
        self.price_words = set(map(str, w("price_words")))
        self.mid_cues = {tuple(str(k).split()): str(v) for k, v in w("cue_before_unit").items()}
        self.vulgar = {str(k): float(v) for k, v in w("vulgar_fractions").items()}
        self.degree_scales = {str(k): str(v) for k, v in w("degree_scales").items()}
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
