"""Stage: events (not written yet; see the pipeline docstring for its place)."""
from __future__ import annotations

from typing import Iterator

from .context import Context


def find_events(ctx: Context) -> Iterator:
    return iter(())
