"""A track as a chart: a point per figure, its bounds as a bar, one colour per
source; x is the date the figure was stated (or the figure's order when no
date is known). PNG or SVG by the file's suffix; matplotlib's Agg backend, no
display needed."""
from __future__ import annotations

from datetime import date as _date
from pathlib import Path
from typing import Any

from ..errors import SitrepError

FORMATS = (".png", ".svg")


def plot_track(view: dict[str, Any], out: str | Path) -> Path:
    """Write the chart of a track view (``tracks.track_view``) to ``out``."""
    out = Path(out)
    if out.suffix.lower() not in FORMATS:
        raise SitrepError(f"{out}: a chart is written as .png or .svg", input=str(out), reason="bad_format")
    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.dates as mdates
    import matplotlib.pyplot as plt

    figs = [f for f in view["figures"] if f["role"] == "figure"]
    dated = all(_iso(f["date"]) for f in figs) and figs
    sources = sorted({f["source"] or "(unattributed)" for f in figs})
    cmap = plt.get_cmap("tab10" if len(sources) <= 10 else "tab20")
    colour = {s: cmap(i % cmap.N) for i, s in enumerate(sources)}
    fig, ax = plt.subplots(figsize=(8, 4.5), dpi=100)
    top = max([v for f in figs for v in (f["value"], f["low"], f["high"], f["bounds"][1]) if v is not None] or [1])
    for i, f in enumerate(figs):
        x = _iso(f["date"]) if dated else i
        lo, hi = f["bounds"]
        y = f["value"] if f["value"] is not None else ((f["low"] or 0) + (f["high"] or lo)) / 2
        c = colour[f["source"] or "(unattributed)"]
        hi_shown = hi if hi is not None else top * 1.15
        ax.vlines(x, lo, hi_shown, colors=[c], linewidth=3, alpha=0.45)
        if hi is None:
            ax.annotate("", xy=(x, hi_shown), xytext=(x, hi_shown * 0.97),
                        arrowprops={"arrowstyle": "->", "color": c})
        ax.plot([x], [y], "o", color=c, markersize=7)
    for s in sources:
        ax.plot([], [], "o", color=colour[s], label=s)
    ax.set_title(view["name"] or view["id"])
    ax.set_ylabel(view.get("unit") or "")
    ax.set_ylim(bottom=0)
    if dated:
        ax.xaxis.set_major_formatter(mdates.DateFormatter("%Y-%m-%d"))
        fig.autofmt_xdate()
        ax.set_xlabel("date stated")
    else:
        ax.set_xticks(range(len(figs)))
        ax.set_xticklabels([f["text"][:18] for f in figs], rotation=30, ha="right", fontsize=7)
        ax.set_xlabel("figures in the order read (no dates known)")
    ax.legend(fontsize=7, loc="best", frameon=True, framealpha=0.8)
    ax.grid(axis="y", alpha=0.3)
    fig.tight_layout()
    try:
        fig.savefig(out, format=out.suffix[1:].lower(), metadata=_meta(out))
    except OSError as e:
        raise SitrepError(f"{out}: cannot write the chart ({e.strerror})", input=str(out), reason="io") from e
    finally:
        plt.close(fig)
    return out


def _meta(out: Path) -> dict:
    # fixed metadata: the same track gives the same file
    return {"Date": None} if out.suffix.lower() == ".svg" else {"Software": "sitrep"}


def _iso(s: str | None):
    try:
        return _date.fromisoformat(s[:10]) if s else None
    except ValueError:
        return None
