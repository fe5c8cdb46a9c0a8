"""The quality gate: every suite of `sitrep eval` is run and no score may fall
below its floor (src/sitrep/eval/floors/<suite>.json)."""
from __future__ import annotations

import pytest

from sitrep.eval import floors, run_eval, suites
from sitrep.eval.report import below_floors

pytestmark = pytest.mark.slow


@pytest.mark.parametrize("suite", sorted(suites()))
def test_suite_meets_its_floors(suite, shared):
    if not floors(suite):
        pytest.skip(f"{suite}: no floors set")
    result = run_eval([suite], shared=str(shared))
    assert below_floors(result) == []
