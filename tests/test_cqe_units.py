"""The cqe_units suite: CQE's unit test sets scored as NewsQuant is, but counted one-to-one (P <= 1).
Sentences and gold below are invented for this test."""
from __future__ import annotations

import json

from sitrep.eval import cqe_units, floors, suites

SETS = {
    "age": [{"text": "The ferry captain, 47 years old, retired last spring.",
             "quantities": [{"value": "47", "normalized_unit": "year of age"}]}],
    "currency": [{"text": "The council approved $12 million for new roads.",
                  "quantities": [{"value": "12000000", "normalized_unit": "dollar"}]}],
    "dimension": [{"text": "The footbridge is 40 metres long.",
                   "quantities": [{"value": "40", "normalized_unit": "metre"}]}],
    # the second gold figure is not in the sentence: recall 0.5, precision 1
    "temperature": [{"text": "Overnight the lake fell to 5 degrees Celsius.",
                     "quantities": [{"value": "5", "normalized_unit": "celsius"},
                                    {"value": "99", "normalized_unit": "fahrenheit"}]}],
}


def test_suite_is_registered_with_help_and_floors():
    assert "cqe_units" in suites()
    assert suites()["cqe_units"].HELP
    fl = floors("cqe_units")
    assert fl and all(k.startswith("all:") for k in fl)
    assert {k.split(":", 1)[1] for k in fl} <= {f"{s}_{m}" for s in cqe_units.SETS
                                                for m in ("value_f1", "value_unit_f1")}


def test_suite_scores_invented_sets(tmp_path):
    folder = tmp_path / "benchmarks" / "cqe_newsquant"
    folder.mkdir(parents=True)
    for name, items in SETS.items():
        (folder / f"{name}-model.json").write_text(json.dumps(items), encoding="utf-8")
    res = cqe_units.run(tmp_path, "dev")
    assert list(res) == ["all"]
    row = res["all"]
    for name in ("age", "currency", "dimension"):
        assert row[f"{name}_value_unit_f1"] == 1.0, name
        assert (row[f"{name}_sentences"], row[f"{name}_gold"], row[f"{name}_found"]) == (1, 1, 1)
    assert row["temperature_gold"] == 2 and row["temperature_found"] == 1
    assert row["temperature_value_unit_p"] == 1.0 and row["temperature_value_unit_r"] == 0.5
    assert row["temperature_value_unit_f1"] == round(2 * 0.5 / 1.5, 4)


def test_one_to_one_keeps_precision_at_most_one():
    # one speed written four times: CQE's count credits each gold figure with every found one (16 hits)
    gold = [{"value": "10", "normalized_unit": "kilometre per hour"}] * 4
    found = [(10.0, "kilometre per hour")] * 4
    row = cqe_units.score_set([(found, gold)])
    assert row["value_unit_p"] == row["value_unit_r"] == 1.0
    # two gold figures of one value, one found: one hit, for value and for value+unit
    one = cqe_units.score_set([([(1.0, "metre")], [{"value": "1", "normalized_unit": "metre"}] * 2)])
    assert one["value_p"] == one["value_unit_p"] == 1.0 and one["value_r"] == one["value_unit_r"] == 0.5
