"""Printing eval results and checking them against floors."""
from __future__ import annotations

from typing import Any

from rich.table import Table


def flat(result: dict[str, Any]):
    for suite, r in result["suites"].items():
        for split, metrics in r["scores"].items():
            for metric, value in metrics.items():
                yield suite, split, metric, value, r["floors"].get(f"{split}:{metric}")


def print_table(result: dict[str, Any], console) -> None:
    t = Table(title="sitrep eval")
    for c in ("suite", "split", "metric", "score", "floor"):
        t.add_column(c)
    for suite, split, metric, value, floor in flat(result):
        v = f"{value:.3f}" if isinstance(value, float) else str(value)
        mark = "" if floor is None else (f"{floor:.3f}" + (" BELOW" if value < floor else ""))
        t.add_row(suite, split, metric, v, mark)
    console.print(t)


def below_floors(result: dict[str, Any]) -> list[str]:
    bad = []
    for suite, r in result["suites"].items():
        for key, floor in r["floors"].items():
            split, metric = key.split(":", 1)
            value = r["scores"].get(split, {}).get(metric)
            if value is None:
                bad.append(f"{suite} {key}: not measured (floor {floor})")
            elif value < floor:
                bad.append(f"{suite} {key}: {value:.3f} < {floor}")
    return bad
