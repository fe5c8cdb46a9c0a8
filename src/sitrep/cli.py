"""The command line: a thin layer over the library.

Each command opens the store, calls one library function and prints; errors a
user can cause (``SitrepError``) become one line on stderr and exit status 1
(``ingest`` exits with the number of inputs that failed, capped at 100).
"""
from __future__ import annotations

import json
import os
import sys
from typing import Any

import click
from rich.console import Console
from rich.table import Table

from . import settings
from .errors import SitrepError
from .model import as_dict

if not sys.stdout.isatty():
    os.environ.setdefault("COLUMNS", "160")   # tables piped or logged stay readable
out = Console(highlight=False, soft_wrap=True)
err = Console(stderr=True, highlight=False, soft_wrap=True)


def _open(ctx: click.Context):
    from .store import open_store
    return open_store(ctx.obj["db"])


def _dump(obj: Any) -> None:
    click.echo(json.dumps(obj, ensure_ascii=False, indent=2, default=str))


def _table(title: str, cols: list[str], rows: list[list[Any]]) -> None:
    t = Table(title=title, show_lines=False)
    for c in cols:
        t.add_column(c, overflow="fold")
    for r in rows:
        t.add_row(*["" if v is None else str(v) for v in r])
    out.print(t)


class _Group(click.Group):
    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except SitrepError as e:
            err.print(f"error: {e}", markup=False)
            sys.exit(1)


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--db", envvar="SITREP_DB", default=settings.SETTINGS["db"].default, show_default=True,
              help="Store: a SQLite file or a postgresql:// URL (env SITREP_DB).")
@click.version_option(package_name="sitrep")
@click.pass_context
def cli(ctx: click.Context, db: str) -> None:
    """sitrep: read war news into a sourced situation picture.

    \b
    Example:
      sitrep ingest page.txt feed.xml articles.jsonl https://example.org/story
      sitrep ls && sitrep figures
    """
    ctx.ensure_object(dict)
    ctx.obj["db"] = db


@cli.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--no-extract", is_flag=True, help="Only store documents; run `sitrep extract` later.")
@click.option("--json", "as_json", is_flag=True, help="Print the report as JSON.")
@click.option("--cluster", default=None, metavar="ADDRESS",
              help="Run extraction on a running Dask cluster (scheduler address, e.g. tcp://host:8786).")
@click.option("--workers", type=int, default=None, help="Run extraction on a local Dask cluster of N processes.")
@click.option("--verbs", "verbs", multiple=True, metavar="FILE",
              help="Code events from this PETRARCH2/CAMEO verb dictionary instead of sitrep's vocabulary "
                   "(repeatable; setting SITREP_VERBS).")
@click.option("--discards", "discards", multiple=True, metavar="FILE",
              help="PETRARCH discards file: sentences with its phrases code no event (setting SITREP_DISCARDS).")
@click.pass_context
def ingest(ctx: click.Context, paths: tuple[str, ...], no_extract: bool, as_json: bool, cluster: str | None,
           workers: int | None, verbs: tuple[str, ...] = (), discards: tuple[str, ...] = ()) -> None:
    """Read files, folders and URLs into the store and extract records.

    Reads scraped text pages, HTML articles, RSS/Atom feeds, JSON Lines and
    CSV (title/text/published/url/id), folders of these (recursively) and
    http(s) URLs. A document already stored is not stored again. Inputs that
    cannot be read are reported one line each; the exit status is the number
    of failed inputs.

    With --cluster or --workers, the input is cut into partitions that Dask
    workers extract in parallel, and the results are loaded in bulk; a run
    that was interrupted skips what it already loaded (see `sitrep scale`).

    \b
    Example:
      sitrep --db news.db ingest ../shared/corpus/sample/warya-2024-11-page.txt
      sitrep --db postgresql://localhost/news ingest --workers 2 archive.jsonl
    """
    for name, files in (("verbs", verbs), ("discards", discards)):
        if files:  # read by the pipeline (and inherited by local workers) through the setting
            for f in files:
                if not os.path.isfile(f):
                    raise SitrepError(f"{f}: no such {name} file", input=f, reason="bad_verb_file")
            os.environ[settings.SETTINGS[name].env] = ":".join(os.path.abspath(f) for f in files)
            from .extract import pipeline as _pipeline
            _pipeline._PIPELINE = None  # a pipeline loaded earlier in this process did not have them
    if cluster or workers is not None:
        from .scale.commands import ingest_on_cluster
        ingest_on_cluster(ctx, paths, no_extract=no_extract, as_json=as_json, cluster=cluster, workers=workers)
        return
    from rich.progress import BarColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    from .core import ingest as run_ingest
    from .model import Document, Rejected

    store = _open(ctx)
    with Progress(SpinnerColumn(), TextColumn("{task.description}"), BarColumn(), TextColumn("{task.completed} read"),
                  TimeElapsedColumn(), console=err, transient=True, disable=as_json or not err.is_terminal) as prog:
        task = prog.add_task("ingesting", total=None)

        def on_item(item: object) -> None:
            if isinstance(item, Rejected):
                err.print(f"error: {item.message()}", markup=False)
            elif isinstance(item, Document):
                prog.advance(task)

        report = run_ingest(paths, store, extract=False if no_extract else None, on_item=on_item)
    summary = {"new": len(report.new), "duplicates": len(report.duplicates), "rejected": len(report.rejected),
               "pages": report.pages, "db": store.url}
    if as_json:
        _dump({**summary, "rejects": [as_dict(r) for r in report.rejected]})
    else:
        out.print(f"read {report.read} documents: {summary['new']} new, {summary['duplicates']} already stored; "
                  f"{summary['rejected']} inputs failed; store {store.url}")
    sys.exit(min(len(report.rejected), 100))


@cli.command()
@click.option("--doc", "doc_ids", multiple=True, help="Only these documents (repeatable).")
@click.pass_context
def extract(ctx: click.Context, doc_ids: tuple[str, ...]) -> None:
    """Re-run extraction on stored documents (after the rules changed).

    \b
    Example:
      sitrep extract
    """
    from .core import extract_stored
    store = _open(ctx)
    n = extract_stored(store, doc_ids=doc_ids or None)
    out.print(f"extracted {n} documents")


@cli.command("ls")
@click.option("--limit", default=50, show_default=True)
@click.option("--offset", default=0)
@click.option("--json", "as_json", is_flag=True)
@click.pass_context
def ls_cmd(ctx: click.Context, limit: int, offset: int, as_json: bool) -> None:
    """List stored documents.

    \b
    Example:
      sitrep ls --limit 20
    """
    store = _open(ctx)
    docs = store.documents(limit=limit, offset=offset)
    if as_json:
        _dump([{k: v for k, v in as_dict(d).items() if k != "text"} for d in docs])
        return
    _table("documents", ["id", "published", "category", "title", "chars"],
           [[d.id, d.published, d.category, d.title, len(d.text)] for d in docs])


@cli.command()
@click.argument("doc_id")
@click.option("--json", "as_json", is_flag=True)
@click.pass_context
def show(ctx: click.Context, doc_id: str, as_json: bool) -> None:
    """Show one document (by id, id prefix or source id) and its records.

    \b
    Example:
      sitrep show 3f2a9c
    """
    store = _open(ctx)
    doc = store.document(doc_id)
    recs = {k: store.records(k, doc_id=doc.id, limit=None) for k in ("entity", "place", "date", "quantity",
                                                                      "claim", "event")}
    if as_json:
        _dump({"document": as_dict(doc), "sources": store.sources_of(doc.id),
               **{k: [as_dict(r) for r in v] for k, v in recs.items()}})
        return
    out.print(f"[bold]{doc.title or '(untitled)'}[/bold]")
    out.print(f"id {doc.id}  category {doc.category}  published {doc.published}")
    for s in store.sources_of(doc.id):
        out.print(f"source {s['source']}" + (f" (id {s['source_id']})" if s["source_id"] else ""))
    if doc.subheads:
        out.print("subheads: " + " | ".join(s.text for s in doc.subheads))
    out.print()
    out.print(doc.text, markup=False)
    for kind, rs in recs.items():
        if rs:
            out.print(f"\n[bold]{kind}[/bold] ({len(rs)})")
            for r in rs[:200]:
                out.print("  " + _brief(kind, r), markup=False)


def _brief(kind: str, r: Any) -> str:
    if kind == "entity":
        return f"{r.name} [{r.type} {r.code or ''}] {r.role or ''} x{len(r.mentions)}"
    if kind == "place":
        return f"{r.name} [{r.kind} {r.country or ''}] {r.lat},{r.lon}"
    if kind == "date":
        return f"{r.text!r} -> {r.date}"
    if kind == "quantity":
        v = r.value if r.value is not None else f"{r.low}-{r.high}"
        return f"{r.text!r}: {r.approx or ''} {v} {r.unit or ''} | {r.subject or ''} | source {r.source}{_co(r)} ({r.hedge})"
    if kind == "claim":
        return f"{r.source or '?'}{_co(r)} {r.cue or ''} [{r.hedge}{', direct' if r.direct else ''}]: {r.text[:120]}"
    if kind == "event":
        return f"{r.type} {r.actor} -> {r.target} @{r.location or ''} {r.date or ''} [{r.modality}]: {r.text[:100]}"
    return str(r)


def _co(r: Any) -> str:
    """The co-sources of a joint attribution, as " (with X, Y)"."""
    co = getattr(r, "co_sources", ())
    return f" (with {', '.join(c.name for c in co)})" if co else ""


@cli.command()
@click.argument("query")
@click.option("--limit", default=20, show_default=True)
@click.option("--json", "as_json", is_flag=True)
@click.pass_context
def search(ctx: click.Context, query: str, limit: int, as_json: bool) -> None:
    """Full-text search over stored documents.

    \b
    Example:
      sitrep search "North Korean troops"
    """
    hits = _open(ctx).search(query, limit=limit)
    if as_json:
        _dump(hits)
        return
    _table(f"search: {query}", ["id", "title", "snippet"], [[h["doc_id"], h["title"], h["snippet"]] for h in hits])


@cli.command()
@click.option("--format", "fmt", type=click.Choice(["jsonl", "csv", "events-csv", "geojson", "graphml"]),
              default="jsonl", show_default=True)
@click.option("--kind", "kinds", multiple=True, help="Kinds to export (repeatable; default all for jsonl, "
              "document for csv).")
@click.option("--out", "out_path", type=click.Path(dir_okay=False, writable=True), default="-",
              help="File to write (default stdout).")
@click.pass_context
def export(ctx: click.Context, fmt: str, kinds: tuple[str, ...], out_path: str) -> None:
    """Export the store: JSON Lines (the export contract), CSV of one kind,
    events as CSV with GDELT/ACLED-like columns, GeoJSON of places and events
    (QGIS), GraphML of the relations (Gephi).

    \b
    Example:
      sitrep export --format jsonl --out sitrep.jsonl
      sitrep export --format csv --kind event --out events.csv
      sitrep export --format geojson --out places.geojson
    """
    from . import export as ex
    store = _open(ctx)
    for k in kinds:
        if k not in ex.KINDS:
            raise SitrepError(f"{k}: no such kind (one of {', '.join(ex.KINDS)})", input=k, reason="bad_kind")
    if fmt == "csv" and len(kinds) > 1:
        raise SitrepError("--kind: CSV takes one kind per file", input="--kind", reason="bad_kind")
    from .formats import write_export
    with click.open_file(out_path, "w", encoding="utf-8") as f:
        write_export(store, fmt, f, list(kinds) or None)


@cli.command()
@click.option("--json", "as_json", is_flag=True)
@click.pass_context
def stats(ctx: click.Context, as_json: bool) -> None:
    """Counts of what the store holds.

    \b
    Example:
      sitrep stats --json
    """
    store = _open(ctx)
    s = store.stats()
    s["schema_version"] = store.schema_version()
    if as_json:
        _dump(s)
        return
    _table(f"store {store.url}", ["what", "count"], [[k, v] for k, v in s.items()])


def _record_command(name: str, kind: str, doc: str, filters: list[str]):
    @click.option("--limit", default=100, show_default=True)
    @click.option("--offset", default=0)
    @click.option("--doc", "doc_id", default=None, help="Only records of this document.")
    @click.option("--json", "as_json", is_flag=True)
    @click.pass_context
    def cmd(ctx: click.Context, limit: int, offset: int, doc_id: str | None, as_json: bool, **kw: Any) -> None:
        store = _open(ctx)
        if doc_id:
            doc_id = store.document(doc_id).id
        recs = store.records(kind, limit=limit, offset=offset, doc_id=doc_id, **kw)
        if as_json:
            _dump([as_dict(r) for r in recs])
            return
        for r in recs:
            out.print(f"{r.doc_id[:8]} " + _brief(kind, r), markup=False)
    for f in reversed(filters):
        cmd = click.option(f"--{f.replace('_', '-')}", f, default=None, help=f"Filter by {f}.")(cmd)
    cmd.__doc__ = doc
    return cli.command(name)(cmd)


_record_command("entities", "entity", "Actors found: people, organisations, states.\n\n\b\nExample:\n  sitrep entities --type PERSON", ["type", "code", "name"])
_record_command("places", "place", "Places found, geocoded.\n\n\b\nExample:\n  sitrep places --country UKR", ["country", "kind", "name"])
_record_command("claims", "claim", "Attributed claims with source, cue and hedge (--source also finds the "
                "co-sources of a joint attribution: \"Blinken and Austin said\").\n\n\b\nExample:\n"
                "  sitrep claims --source Pentagon", ["source", "hedge", "cue"])
_record_command("events", "event", "Events: who did what to whom, where, when.\n\n\b\nExample:\n  sitrep events --type ASSAULT --actor RUS", ["type", "actor", "target", "location"])


@cli.command()
@click.option("--type", "rtype", default=None, help="SUPPLIES, ALLIED_WITH, DEPLOYS_TO, OPPOSES, ...")
@click.option("--code", default=None, help="Only relations of this actor code.")
@click.option("--format", "fmt", type=click.Choice(["table", "json", "graphml"]), default="table", show_default=True)
@click.option("--out", "out_path", default="-", help="File to write (default stdout).")
@click.pass_context
def relations(ctx: click.Context, rtype: str | None, code: str | None, fmt: str, out_path: str) -> None:
    """The network of lasting relations, aggregated over all documents.

    \b
    Example:
      sitrep relations --type SUPPLIES
      sitrep relations --format graphml --out network.graphml
    """
    store = _open(ctx)
    rels = store.relations(type=rtype, code=code)
    if fmt == "table":
        _table("relations", ["type", "from", "to", "item", "evidence"],
               [[r.type, r.from_, r.to, r.item, len(r.evidence)] for r in rels])
        return
    from .network import to_graphml, to_json
    with click.open_file(out_path, "w", encoding="utf-8") as f:
        f.write(to_graphml(rels) if fmt == "graphml" else json.dumps(to_json(rels), ensure_ascii=False, indent=2))


@cli.command("eval")
@click.option("--suite", "suites", multiple=True, help="Suites to run (repeatable; default all).")
@click.option("--split", type=click.Choice(["dev", "test", "all"]), default="all", show_default=True)
@click.option("--shared", default=None, help="Path of ../shared (default: found beside the project or $SITREP_SHARED).")
@click.option("--out", "out_path", default="eval-results.json", show_default=True, help="Where to write the scores.")
@click.option("--check-floors", is_flag=True, help="Exit 1 when a score is below its floor.")
def eval_cmd(suites: tuple[str, ...], split: str, shared: str | None, out_path: str, check_floors: bool) -> None:
    """Score the extractor against the gold and the public suites.

    \b
    Example:
      sitrep eval --suite seed --check-floors
    """
    from .eval import run_eval
    result = run_eval(suites=suites or None, split=split, shared=shared)
    from .eval.report import print_table, below_floors
    print_table(result, out)
    with open(out_path, "w", encoding="utf-8") as f:
        json.dump(result, f, indent=2)
    out.print(f"scores written to {out_path}")
    if check_floors:
        bad = below_floors(result)
        for line in bad:
            err.print(f"below floor: {line}", markup=False)
        if bad:
            sys.exit(1)


# Commands of later stages live beside their library code; each such module has
# ``register(cli)``. A module that is not there yet is simply skipped.
_COMMAND_MODULES = ("sitrep.extract.commands", "sitrep.analyse.commands", "sitrep.serve.commands",
                    "sitrep.scale.commands")


def _register_commands() -> None:
    import importlib
    for name in _COMMAND_MODULES:
        try:
            mod = importlib.import_module(name)
        except ModuleNotFoundError as e:
            if e.name and name.startswith(e.name):
                continue
            raise
        mod.register(cli)


_register_commands()


def main() -> None:
    cli(obj={})


if __name__ == "__main__":
    main()
