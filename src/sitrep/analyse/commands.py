"""Commands of the analysis stage: figure tracks, storylines, the report.

Registered on the main CLI by ``register(cli)`` (see sitrep.cli). Tracks and
storylines are brought up to date (incrementally) before they are shown.
"""
from __future__ import annotations

import json
from typing import Any

import click

from ..errors import SitrepError


def _store(ctx: click.Context):
    from ..store import open_store
    return open_store(ctx.obj["db"])


def _dump(obj: Any) -> None:
    click.echo(json.dumps(obj, ensure_ascii=False, indent=2, default=str))


def _fmt_num(x: float | None) -> str:
    if x is None:
        return "?"
    return f"{x:,.0f}" if abs(x) >= 100 else f"{x:g}"


def _figure_text(f: dict) -> str:
    if f["value"] is not None:
        v = _fmt_num(f["value"])
    else:
        v = f"{_fmt_num(f['low'])}–{_fmt_num(f['high'])}"
    a = {"about": "about ", "at_least": "at least ", "at_most": "at most "}.get(f["approx"] or "", "")
    return a + v


def update(store, rebuild: bool = False) -> dict:
    from .storylines import build_storylines
    from .tracks import build_tracks
    s = build_storylines(store, rebuild=rebuild)
    t = build_tracks(store, rebuild=rebuild)
    return {"storylines": s, "tracks": t}


def register(cli: click.Group) -> None:
    from ..cli import _table, out

    @cli.command("tracks")
    @click.option("--json", "as_json", is_flag=True, help="Print the tracks as JSON.")
    @click.option("--rebuild", is_flag=True, help="Recompute every track (user edits are kept and replayed).")
    @click.option("--min-figures", default=1, show_default=True, help="Only tracks with at least this many figures.")
    @click.pass_context
    def tracks_cmd(ctx: click.Context, as_json: bool, rebuild: bool, min_figures: int) -> None:
        """Figure tracks: figures that count the same thing, across sources.

        \b
        Example:
          sitrep tracks --min-figures 2
          sitrep track t3f8e51 --chart troops.png
        """
        from .tracks import list_tracks
        store = _store(ctx)
        update(store, rebuild)
        ts = [t for t in list_tracks(store) if t["figures"] >= min_figures]
        if as_json:
            _dump(ts)
            return
        _table("figure tracks", ["id", "name", "unit", "figures", "sources"],
               [[t["id"], t["name"] + (" (edited)" if t["edited"] else ""), t["unit"], t["figures"],
                 "; ".join(t["sources"])] for t in ts])

    @cli.command("track")
    @click.argument("track_id")
    @click.option("--json", "as_json", is_flag=True, help="Print the track as JSON.")
    @click.option("--chart", "chart", default=None, help="Also write a chart: a .png or .svg file.")
    @click.pass_context
    def track_cmd(ctx: click.Context, track_id: str, as_json: bool, chart: str | None) -> None:
        """One figure track: each figure with source, hedge, date and evidence;
        spread, latest figure per source, contradictions, revisions.

        \b
        Example:
          sitrep track t3f8e51 --chart troops.svg
        """
        from .tracks import track_view
        store = _store(ctx)
        update(store)
        v = track_view(store, track_id)
        if chart:
            from .charts import plot_track
            plot_track(v, chart)
        if as_json:
            _dump(v)
            return
        out.print(f"[bold]{v['name']}[/bold]  ({v['id']}, unit {v['unit']})")
        if v["spread"]:
            sp = v["spread"]
            out.print(f"spread {_fmt_num(sp['min'])} to {_fmt_num(sp['max'])}; {sp['figures']} figures from "
                      f"{sp['sources']} sources in {sp['reports']} reports")
        _table("figures", ["figure", "as written", "source", "hedge", "date", "situation", "evidence"],
               [[("  ↳ " if f["role"] != "figure" else "") + _figure_text(f), f["text"],
                 "; ".join([f["source"], *f.get("co_sources", ())]) if f["source"] else None, f["hedge"],
                 (f["date"] or "") + (" (doc)" if f["date_from"] == "document" else ""), f["situation"],
                 f"{f['doc_id'][:10]}[{f['start']}:{f['end']}]" + (f" +{len(f['reported_in']) - 1} copies"
                                                                  if len(f["reported_in"]) > 1 else "")]
                for f in v["figures"]])
        if v["latest"]:
            out.print("latest per source: " + "; ".join(f"{s}: {x['text']}" + (f" ({x['date']})" if x["date"] else "")
                                                        for s, x in v["latest"].items()), markup=False)
        for c in v["contradictions"]:
            out.print(f"contradiction: {c['a_source']} “{c['a_text']}” vs {c['b_source']} “{c['b_text']}”"
                      + (f" ({c['days_apart']} days apart)" if c["days_apart"] is not None else ""), markup=False)
        for r in v["revisions"]:
            out.print(f"revision ({r['direction']}): {r['source']} “{r['from_text']}” → “{r['to_text']}”", markup=False)
        if chart:
            out.print(f"chart written to {chart}", markup=False)

    @cli.command("track-edit")
    @click.argument("action", type=click.Choice(["rename", "merge", "split"]))
    @click.argument("track_ids", nargs=-1, required=True)
    @click.option("--name", default=None, help="New name (rename; optional for merge and split).")
    @click.option("--figure", "figures", multiple=True, help="Quantity id to move out (split; repeatable).")
    @click.pass_context
    def track_edit_cmd(ctx: click.Context, action: str, track_ids: tuple[str, ...], name: str | None,
                       figures: tuple[str, ...]) -> None:
        """Rename, merge or split tracks. Edits are stored and survive rebuilds.

        \b
        Example:
          sitrep track-edit rename t3f8e51 --name "North Korean troops in Russia"
          sitrep track-edit merge t3f8e51 t9a01c2
          sitrep track-edit split t3f8e51 --figure q1a2b3c4d5e6
        """
        from .tracks import edit_merge, edit_rename, edit_split
        store = _store(ctx)
        update(store)
        if action == "rename":
            if not name or len(track_ids) != 1:
                raise SitrepError("rename: give one track and --name", input="rename", reason="usage")
            tid = edit_rename(store, track_ids[0], name)
        elif action == "merge":
            tid = edit_merge(store, list(track_ids), name)
        else:
            if len(track_ids) != 1 or not figures:
                raise SitrepError("split: give one track and one or more --figure ids", input="split", reason="usage")
            tid = edit_split(store, track_ids[0], list(figures), name)
        out.print(f"{action}: track {tid}", markup=False)

    @cli.command("storylines")
    @click.option("--json", "as_json", is_flag=True, help="Print the storylines as JSON.")
    @click.option("--rebuild", is_flag=True, help="Regroup every document.")
    @click.pass_context
    def storylines_cmd(ctx: click.Context, as_json: bool, rebuild: bool) -> None:
        """Storylines: articles about the same story, across sources, with
        near-duplicates (the same story on two sites) marked.

        \b
        Example:
          sitrep storylines --json
        """
        from .storylines import build_storylines, list_storylines
        store = _store(ctx)
        build_storylines(store, rebuild=rebuild)
        sls = list_storylines(store)
        if as_json:
            _dump(sls)
            return
        _table("storylines", ["id", "name", "documents", "distinct texts", "dates", "key terms"],
               [[s["id"], s["name"], len(s["documents"]), s["distinct"],
                 f"{s['first'] or ''}..{s['last'] or ''}" if s["first"] else "", ", ".join(s["terms"][:5])]
                for s in sls])

    @cli.command("report")
    @click.option("--since", default=None, help="Only documents published on or after this date (YYYY-MM-DD).")
    @click.option("--until", default=None, help="Only documents published on or before this date.")
    @click.option("--query", default=None, help="Only documents matching this full-text search.")
    @click.option("--storyline", default=None, help="Only the documents of this storyline (id or id prefix).")
    @click.option("--format", "fmt", type=click.Choice(["md", "html", "pdf"]), default="md", show_default=True,
                  help="Markdown, HTML (links to the evidence) or PDF (internal links to the evidence).")
    @click.option("--out", "out_path", required=True, help="File to write.")
    @click.pass_context
    def report_cmd(ctx: click.Context, since: str | None, until: str | None, query: str | None,
                   storyline: str | None, fmt: str, out_path: str) -> None:
        """Write a situation report (Markdown, HTML or PDF) for a selection: key
        developments, figure tracks, relations, places, disputed claims; every
        line linked to its evidence.

        \b
        Example:
          sitrep report --format html --out report.html
          sitrep report --format pdf --out report.pdf
          sitrep report --since 2024-10-01 --query "North Korea" --format md --out nk.md
        """
        from .report import sentence_count, write_report
        for name, val in (("--since", since), ("--until", until)):
            if val:
                from datetime import date
                try:
                    date.fromisoformat(val)
                except ValueError:
                    raise SitrepError(f"{name} {val}: not a date (YYYY-MM-DD)", input=val, reason="bad_date")
        store = _store(ctx)
        update(store)
        rep = write_report(store, out_path, fmt, since=since, until=until, query=query, storyline=storyline)
        c = sentence_count(rep)
        out.print(f"report written to {out_path}: {rep['selection']['documents']} documents, "
                  + ", ".join(f"{v} {k}" for k, v in c.items()) + f", {len(rep['evidence'])} evidence spans",
                  markup=False)
