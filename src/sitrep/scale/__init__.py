"""Scale out: extraction on a Dask cluster, bulk load into PostgreSQL or SQLite.

``ingest_distributed(paths, store, client | workers=N)`` cuts the input into
partitions (``partitions``), runs each on a Dask worker that keeps one loaded
pipeline (``worker``), writes each partition's output as Parquet shards
(``shards``) and loads them into the store in bulk, one transaction per
partition with a manifest row, so an interrupted run resumes without
duplicates (``load``). ``run`` ties these together; ``commands`` adds
``sitrep scale ...`` to the CLI.
"""
from __future__ import annotations

from typing import Any

__all__ = ["ScaleReport", "ingest_distributed", "rebuild_analysis"]


def __getattr__(name: str) -> Any:
    # imported on first use: the CLI loads ``sitrep.scale.commands`` on every start,
    # and Dask takes a second to import
    if name in __all__:
        from . import run
        return getattr(run, name)
    raise AttributeError(name)
