"""The track settings of data/tracks.yaml (unit groups, situations, owner
words) and the unit words they are looked up with: singular or plural, the
whole phrase or its last word. Read once (``config``)."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

import yaml

from ..errors import SitrepError

__all__ = ["Config", "config", "singular", "singular_phrase", "group_of_words"]

CONFIG_FILE = "tracks.yaml"


@dataclass
class Config:
    unit_of: dict[str, str]                 # unit word -> group
    unit_by_place: set[str]
    owned: set[str]                         # groups whose owner alone keys a track across documents
    situations: dict[str, dict]             # name -> {split, by_place, for, unit, cues}
    cue_index: list[tuple[str, str]]        # (cue phrase, situation), longest first
    agent_verbs: set[str]
    agent_after: list[str]
    place_preps: set[str]
    tracked: set[str] = field(default_factory=set)      # groups worth a track (`tracked: true`)
    noun: dict[str, str] = field(default_factory=dict)  # group -> what a reader calls the things
    label: dict[str, str] = field(default_factory=dict)  # group -> word said after the noun ("killed")


@lru_cache(maxsize=1)
def config() -> Config:
    try:
        raw = yaml.safe_load(resources.files("sitrep.data").joinpath(CONFIG_FILE).read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as e:
        raise SitrepError(f"data/{CONFIG_FILE}: cannot read the track settings ({e})", input=CONFIG_FILE,
                          reason="bad_data") from e
    unit_of, by_place, owned, tracked, noun, label = {}, set(), set(), set(), {}, {}
    for group, spec in raw["units"].items():
        if spec.get("owned"):
            owned.add(group)
        if spec.get("tracked"):
            tracked.add(group)
        noun[group] = str(spec.get("noun") or group)
        if spec.get("label"):
            label[group] = str(spec["label"])
        for w in spec["words"]:
            unit_of[str(w).lower()] = group
        unit_of[group] = group
        if spec.get("by_place"):
            by_place.add(group)
    for w, group in list(unit_of.items()):
        unit_of.setdefault(singular_phrase(w), group)
    cues = sorted(((str(c).lower(), name) for name, spec in raw["situations"].items() for c in spec["cues"]),
                  key=lambda x: -len(x[0]))
    return Config(unit_of, by_place, owned, raw["situations"], cues, {w.lower() for w in raw["agent_verbs"]["words"]},
                  sorted((w.lower() for w in raw["agent_after"]["words"]), key=len, reverse=True),
                  {w.lower() for w in raw["place_prepositions"]["words"]}, tracked, noun, label)


_IRREGULAR = {"men": "man", "women": "woman", "children": "child", "people": "people", "police": "police",
              "personnel": "personnel", "aircraft": "aircraft", "news": "news", "series": "series",
              "species": "species", "mlrs": "mlrs"}


def singular(word: str) -> str:
    """The singular of an English noun, by rule ("victims" -> "victim",
    "casualties" -> "casualty", "losses" -> "loss"); other words keep their form."""
    w = word.lower()
    if w in _IRREGULAR:
        return _IRREGULAR[w]
    if len(w) > 4 and w.endswith("ies"):
        return w[:-3] + "y"
    if len(w) > 4 and w.endswith(("sses", "shes", "ches", "xes", "zes")):
        return w[:-2]
    if len(w) > 3 and w.endswith("s") and not w.endswith(("ss", "us", "is", "ics", "'s", "’s")):
        return w[:-1]
    return w


def singular_phrase(phrase: str) -> str:
    return " ".join(singular(w) for w in phrase.split())


_UNIT_WORDS = re.compile(r"[\w%][\w%’' -]*")


def group_of_words(words: str) -> str | None:
    """The unit group a unit word or phrase belongs to (singular or plural,
    the whole phrase or its last word), or None when tracks.yaml lists it in none."""
    m = _UNIT_WORDS.match(words.lower().strip())
    if not m or not m.group().strip():
        return None
    phrase = m.group().strip()
    unit_of = config().unit_of
    last = phrase.split()[-1]
    for cand in (phrase, singular_phrase(phrase), last, singular(last)):
        if cand in unit_of:
            return unit_of[cand]
    return None
