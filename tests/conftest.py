"""Shared fixtures: stores (in-memory SQLite, a SQLite file, PostgreSQL when
reachable), the loaded pipeline, and the path of ../shared."""
from __future__ import annotations

import os
import uuid
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
DATA = Path(__file__).parent / "data"
SHARED = Path(os.environ.get("SITREP_SHARED", ROOT / ".." / "shared")).resolve()
PG_URL = os.environ.get("SITREP_TEST_PG", "postgresql://postgres@127.0.0.1:5432/test")


def _pg_reachable() -> str | None:
    try:
        import psycopg
        with psycopg.connect(PG_URL.replace("postgresql+psycopg", "postgresql"), connect_timeout=3):
            return None
    except Exception as e:  # noqa: BLE001 - any failure means: skip with the reason
        return f"PostgreSQL not reachable at {PG_URL}: {str(e).splitlines()[0]}"


_PG_SKIP = _pg_reachable()


@pytest.fixture
def shared() -> Path:
    if not (SHARED / "gold").is_dir():
        if os.environ.get("CI"):
            pytest.fail(f"../shared not found at {SHARED} (CI must have it: the gold gate runs there)")
        pytest.skip(f"../shared not found at {SHARED}")
    return SHARED


@pytest.fixture
def mem_store():
    from sitrep.store import Store
    s = Store(":memory:")
    yield s
    s.close()


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def any_store(request, tmp_path):
    """The same test on a SQLite file and on PostgreSQL (a fresh schema each time)."""
    from sitrep.store import Store
    if request.param == "sqlite":
        s = Store(str(tmp_path / "t.db"))
        yield s
        s.close()
        return
    if _PG_SKIP:
        if os.environ.get("CI"):
            pytest.fail(_PG_SKIP)
        pytest.skip(_PG_SKIP)
    import psycopg
    schema = "t_" + uuid.uuid4().hex[:10]
    with psycopg.connect(PG_URL, autocommit=True) as c:
        c.execute(f'CREATE SCHEMA "{schema}"')
    s = Store(PG_URL, schema=schema)
    yield s
    s.close()
    with psycopg.connect(PG_URL, autocommit=True) as c:
        c.execute(f'DROP SCHEMA "{schema}" CASCADE')


@pytest.fixture(scope="session")
def pipeline():
    from sitrep.extract.pipeline import Pipeline
    return Pipeline()


@pytest.fixture(scope="module")
def claims_pipeline():
    """The entities and claims stages only, for the claim, claim-bound and hedge tests (per module, so
    that it is freed before the scale-out tests fork their workers)."""
    from sitrep.extract.pipeline import Pipeline
    return Pipeline(stages=["entities", "claims"])


@pytest.fixture(scope="module")
def fictional_pipeline():
    """The whole pipeline with the invented states of tests/data/fictional-actors.yaml, for the event,
    headline and relation tests (per module, so that it is freed before the scale-out tests fork
    their workers)."""
    from sitrep.extract.pipeline import Pipeline
    return Pipeline(actor_files=[str(Path(__file__).parent / "data" / "fictional-actors.yaml")])
