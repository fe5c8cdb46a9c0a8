"""Exports over the API, the same files ``sitrep export`` writes: JSON Lines (the
export contract), CSV (one kind; or events with GDELT/ACLED-like columns),
GeoJSON of places and events, GraphML of the relations network.

Each export is written to a temporary file first (so a large store does not
sit in memory) and sent as a download.
"""
from __future__ import annotations

import os
import tempfile
from typing import Annotated, Literal

from fastapi import APIRouter, Query, Request
from fastapi.responses import FileResponse
from starlette.background import BackgroundTask

from ..formats import MEDIA, write_export

router = APIRouter()

Kind = Literal["document", "entity", "place", "date", "quantity", "claim", "event", "relation", "track",
               "storyline"]


@router.get("/export/{fmt}", summary="Download an export: jsonl, csv, events-csv, geojson, graphml",
            response_class=FileResponse)
def export(request: Request, fmt: Literal["jsonl", "csv", "events-csv", "geojson", "graphml"],
           kind: Annotated[list[Kind] | None, Query(description="Kinds (jsonl: any; csv: one)")] = None):
    store = request.app.state.store
    fd, path = tempfile.mkstemp(prefix="sitrep-export-", suffix="." + fmt)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as f:
            write_export(store, fmt, f, list(kind) if kind else None)
    except BaseException:
        os.unlink(path)
        raise
    name = "sitrep-" + (kind[0] if fmt == "csv" and kind else "events" if fmt == "events-csv" else "export")
    ext = "csv" if fmt == "events-csv" else fmt
    return FileResponse(path, media_type=MEDIA[fmt], filename=f"{name}.{ext}",
                        background=BackgroundTask(os.unlink, path))
