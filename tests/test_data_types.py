"""Every YAML data file reads as its author meant: YAML turns a bare ``no``, ``off``, ``false``, ``null``
or ``12`` into a boolean, None or number, and a word list holding one silently never matches."""
from __future__ import annotations

import datetime as dt
from fnmatch import fnmatch
from pathlib import Path

import pytest
import yaml

DATA = Path(__file__).resolve().parents[1] / "src" / "sitrep" / "data"

# mapping keys whose values are meant as flags, open dates or numbers (not words)
FLAG_KEYS = {"owned", "tracked", "by_place", "split", "bare"}
DATE_KEYS = {"from", "to"}          # a role's dates; "to: null" is a role still held
# lists meant to hold numbers: "file:/path" (glob)
NUMBER_LISTS = {"units.yaml:/digit_fractions/words", "units.yaml:/measures/time_factors/words/*"}


def _problems(name: str, x, path: str = "", key: str = "") -> list[str]:
    out = []
    if isinstance(x, dict):
        for k, v in x.items():
            if not isinstance(k, str):
                out.append(f"{name}:{path}: key {k!r} is a {type(k).__name__}, not a word")
            out += _problems(name, v, f"{path}/{k}", str(k))
    elif isinstance(x, list):
        numbers_ok = any(fnmatch(f"{name}:{path}", p) for p in NUMBER_LISTS)
        for v in x:
            if isinstance(v, (dict, list)):
                out += _problems(name, v, path, key)
            elif isinstance(v, bool) or v is None or (isinstance(v, (int, float, dt.date)) and not numbers_ok):
                out.append(f"{name}:{path}: {v!r} in a word list (quote it)")
    elif isinstance(x, bool):
        if key not in FLAG_KEYS:
            out.append(f"{name}:{path}: {x!r} where a word is expected (quote it)")
    elif x is None or isinstance(x, dt.date):
        if key not in DATE_KEYS:
            out.append(f"{name}:{path}: {x!r} where a word is expected (quote it)")
    return out


@pytest.mark.parametrize("path", sorted(DATA.glob("*.yaml")), ids=lambda p: p.name)
def test_yaml_word_lists_hold_only_words(path):
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert _problems(path.name, data) == []


def test_the_check_catches_unquoted_words():
    data = yaml.safe_load("a:\n  words: [yes, no, on, off, 'false', false, null, 12]\n  flag: off\n  n: 3\n")
    got = _problems("x.yaml", data)
    assert len(got) == 8 and all("x.yaml:/a" in g for g in got)
