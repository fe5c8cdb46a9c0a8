"""A bounded schemathesis run over the OpenAPI document: every operation with
generated parameters must answer without a server error, with a documented
status and content type, and an error body in the one error shape."""
from __future__ import annotations

import pytest

schemathesis = pytest.importorskip("schemathesis")
from hypothesis import HealthCheck, settings  # noqa: E402

from sitrep.serve import create_app  # noqa: E402
from sitrep.store import Store  # noqa: E402
from web_store import build_store  # noqa: E402


def _app(tmp_dir: str):
    s = Store(f"{tmp_dir}/fuzz.db")
    build_store(s)
    return create_app(s)


import tempfile  # noqa: E402

_TMP = tempfile.mkdtemp(prefix="sitrep-fuzz-")
schema = schemathesis.openapi.from_asgi("/openapi.json", _app(_TMP))


@schema.exclude(path_regex="/api/export/").parametrize()
@settings(max_examples=30, deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much, HealthCheck.function_scoped_fixture])
def test_api_fuzz(case):
    response = case.call_and_validate()
    if response.status_code >= 400:
        body = response.json()
        assert set(body) == {"error"} and body["error"]["status"] == response.status_code


@schema.include(path_regex="/api/export/").parametrize()
@settings(max_examples=8, deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])
def test_export_fuzz(case):
    response = case.call_and_validate()
    assert response.status_code < 500
