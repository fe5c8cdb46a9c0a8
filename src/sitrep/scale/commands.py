"""``sitrep scale ...``: the manifest of distributed runs, and the run folder.

(``sitrep ingest --cluster ADDRESS`` / ``--workers N`` runs the distributed
ingest itself; see ``sitrep.scale.run``.)
"""
from __future__ import annotations

import shutil

import click


def register(cli: click.Group) -> None:
    cli.add_command(scale)


@click.group()
def scale() -> None:
    """Distributed ingest on a Dask cluster: runs, partitions, run folder.

    \b
    Example:
      sitrep --db postgresql://localhost/news ingest --cluster tcp://10.0.0.5:8786 archive/
      sitrep --db postgresql://localhost/news scale status
    """


@scale.command()
@click.option("--failed", is_flag=True, help="List the partitions that failed.")
@click.option("--json", "as_json", is_flag=True)
@click.pass_context
def status(ctx: click.Context, failed: bool, as_json: bool) -> None:
    """Runs of the distributed ingest and their partitions.

    \b
    Example:
      sitrep scale status --failed
    """
    from sqlalchemy import func, select

    from ..cli import _dump, _open, _table
    from ..store import schema as S
    store = _open(ctx)
    r, p = S.scale_runs, S.scale_partitions
    with store.engine.connect() as conn:
        runs = [dict(x) for x in conn.execute(select(r).order_by(r.c.started_at.desc()).limit(20)).mappings()]
        counts = {(x.run_id, x.status): x.n for x in conn.execute(
            select(p.c.run_id, p.c.status, func.count().label("n")).group_by(p.c.run_id, p.c.status))}
        bad = [dict(x) for x in conn.execute(select(p.c.id, p.c.run_id, p.c.spec, p.c.error, p.c.at)
                                             .where(p.c.status == "failed"))] if failed else []
    if as_json:
        _dump({"runs": runs, "failed": bad})
        return
    rows = []
    for run in runs:
        d = run.get("data") or {}
        peak = max((d.get("peak_rss") or {}).values(), default=0)
        rows.append([run["id"], run["started_at"], run["status"], d.get("partitions"),
                     counts.get((run["id"], "loaded"), 0), counts.get((run["id"], "failed"), 0),
                     d.get("new"), d.get("records"), f"{peak / 2**20:.0f} MB" if peak else ""])
    _table("distributed runs", ["run", "started", "status", "partitions", "loaded", "failed", "new docs",
                                "records", "peak/worker"], rows)
    for b in bad:
        click.echo(f"failed {b['id']} ({(b['spec'] or {}).get('paths')}): {b['error']}")


@scale.command()
@click.option("--work-dir", default=None, help="Run folder (default: the one beside the store).")
@click.pass_context
def clean(ctx: click.Context, work_dir: str | None) -> None:
    """Delete the run folder (Parquet shards); the store and its manifest stay.

    \b
    Example:
      sitrep scale clean
    """
    from pathlib import Path

    from ..cli import _open
    from .run import default_work_dir
    folder = Path(work_dir) if work_dir else default_work_dir(_open(ctx))
    if folder.is_dir():
        shutil.rmtree(folder)
        click.echo(f"removed {folder}")
    else:
        click.echo(f"nothing at {folder}")


def ingest_on_cluster(ctx: click.Context, paths: tuple[str, ...], *, no_extract: bool, as_json: bool,
                      cluster: str | None, workers: int | None) -> None:
    """``sitrep ingest --cluster/--workers``: the distributed ingest, reported like ``ingest``."""
    import sys

    from ..cli import _dump, _open, err, out
    from .run import ingest_distributed
    store = _open(ctx)
    if cluster and workers:
        err.print("note: --workers is ignored with --cluster (the cluster has its own workers)", markup=False)

    def on_event(kind: str, info: dict) -> None:
        if as_json:
            return
        if kind == "planned":
            err.print(f"{info['partitions']} partitions; {info['skipped']} already loaded, "
                      f"{info['reused']} shards on disk", markup=False)
        elif kind == "loaded":
            err.print(f"loaded {info['describe']}: {info['new']} new documents, {info['records']} records",
                      markup=False)
        elif kind in ("retry", "failed"):
            err.print(f"{'retrying' if kind == 'retry' else 'error: failed'} {info['describe']}: {info['error']}",
                      markup=False)

    report = ingest_distributed(paths, store, client=cluster, workers=workers,
                                extract=False if no_extract else None, on_event=on_event)
    for rej in report.rejected:
        err.print(f"error: {rej['input']}: {rej['reason']}" + (f" ({rej['detail']})" if rej.get("detail") else ""),
                  markup=False)
    if as_json:
        _dump({**report.as_dict(), "db": store.url})
    else:
        peak = max(report.peak_rss.values(), default=0)
        out.print(f"read {report.read} documents: {report.new} new, {report.duplicates} already stored; "
                  f"{len(report.rejected)} inputs failed; {report.partitions} partitions "
                  f"({report.skipped} loaded before, {len(report.failed)} failed) on {report.workers} workers "
                  f"in {report.seconds:.1f} s; peak memory per worker {peak / 2**20:.0f} MB; store {store.url}")
        if report.analysis:
            out.print(report.analysis)
    sys.exit(min(len(report.rejected) + len(report.failed), 100))
