"""``sitrep eval``: score the extractor against gold and public suites.

Each suite is a module of this package with ``SUITE = "name"``, ``HELP`` (one
line) and ``run(shared: Path, split: str) -> dict[split, dict[metric, float]]``.
Suites are found by scanning the package, so adding one is adding a module.
Floors (``floors/<suite>.json``: ``{"split:metric": floor}``) are checked by
``--check-floors`` and by the gate test in CI; a floor is never lowered.
"""
from __future__ import annotations

import importlib
import json
import os
import pkgutil
import time
from pathlib import Path
from typing import Any

from ..errors import SitrepError

FLOORS_DIR = Path(__file__).parent / "floors"


def suites() -> dict[str, Any]:
    found = {}
    for m in pkgutil.iter_modules([str(Path(__file__).parent)]):
        if m.name.startswith("_") or m.name in ("report", "match"):
            continue
        mod = importlib.import_module(f"{__name__}.{m.name}")
        if hasattr(mod, "SUITE"):
            found[mod.SUITE] = mod
    return dict(sorted(found.items()))


def find_shared(shared: str | None = None) -> Path:
    cands = [shared, os.environ.get("SITREP_SHARED"), Path.cwd() / "../shared",
             Path(__file__).resolve().parents[3] / "../shared"]
    for c in cands:
        if c and (Path(c) / "gold").is_dir():
            return Path(c).resolve()
    raise SitrepError("../shared: not found; pass --shared PATH or set SITREP_SHARED", input="shared",
                      reason="not_found")


def floors(suite: str) -> dict[str, float]:
    p = FLOORS_DIR / f"{suite}.json"
    return json.loads(p.read_text()) if p.exists() else {}


def run_eval(suites: list[str] | tuple[str, ...] | None = None, split: str = "all",
             shared: str | None = None) -> dict[str, Any]:
    root = find_shared(shared)
    available = globals()["suites"]()
    names = list(suites) if suites else list(available)
    result: dict[str, Any] = {"shared": str(root), "suites": {}}
    for name in names:
        if name not in available:
            raise SitrepError(f"{name}: no such suite (one of {', '.join(available)})", input=name,
                              reason="bad_suite")
        t0 = time.perf_counter()
        scores = available[name].run(root, split)
        result["suites"][name] = {"help": available[name].HELP, "scores": scores,
                                  "floors": floors(name), "seconds": round(time.perf_counter() - t0, 1)}
    return result
