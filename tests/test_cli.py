"""The command line over the library (click's CliRunner, a SQLite file)."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from sitrep.cli import cli

DATA = Path(__file__).parent / "data"
PAGE = DATA / "pages" / "frontline-sidebar.txt"


@pytest.fixture
def run(tmp_path):
    db = str(tmp_path / "cli.db")
    runner = CliRunner()

    def _run(*args):
        return runner.invoke(cli, ["--db", db, *map(str, args)], obj={}, catch_exceptions=False)
    return _run


def _all_commands():
    return sorted(cli.commands)


@pytest.mark.parametrize("name", _all_commands())
def test_every_command_has_help_with_an_example(name):
    res = CliRunner().invoke(cli, [name, "--help"], obj={})
    assert res.exit_code == 0, res.output
    assert "Example" in res.output and "sitrep " in res.output.split("Example", 1)[1]


def test_top_level_help():
    res = CliRunner().invoke(cli, ["--help"], obj={})
    assert res.exit_code == 0 and "Example" in res.output
    for name in ("ingest", "ls", "show", "search", "export", "stats"):
        assert name in res.output


def test_ingest_ls_show_search_stats(run):
    res = run("ingest", "--no-extract", PAGE, DATA / "feed.atom")
    assert res.exit_code == 0, res.output
    assert "5 new" in res.stdout
    docs = json.loads(run("ls", "--json").stdout)
    assert len(docs) == 5 and all("text" not in d for d in docs)
    assert {d["category"] for d in docs if d["format"] == "page"} == {"Frontline Report", "Energy"}
    page_doc = next(d for d in docs if d["title"].startswith("Power Cuts"))
    shown = run("show", page_doc["id"][:8])
    assert shown.exit_code == 0
    assert "Power Cuts Return" in shown.stdout and "subheads: Imports From Neighbours" in shown.stdout
    js = json.loads(run("show", "--json", page_doc["id"]).stdout)
    assert js["document"]["category"] == "Energy" and js["sources"][0]["source"] == str(PAGE)
    # a source id works as a document id
    atom = json.loads(run("show", "--json", "urn:example:steppe-monitor:117").stdout)
    assert atom["document"]["title"] == "Monitoring Mission Reports Ceasefire Violations"
    hits = json.loads(run("search", "--json", "substation power cuts").stdout)
    assert hits[0]["doc_id"] == page_doc["id"]
    table = run("search", "ceasefire violations")
    assert table.exit_code == 0 and "Monitoring Mission" in table.stdout
    stats = json.loads(run("stats", "--json").stdout)
    assert stats["documents"] == 5 and stats["schema_version"] >= 1
    assert "documents" in run("stats").stdout


def test_reingest_adds_nothing(run):
    run("ingest", "--no-extract", PAGE)
    res = run("ingest", "--no-extract", "--json", PAGE)
    rep = json.loads(res.stdout)
    assert rep["new"] == 0 and rep["duplicates"] == 3 and rep["rejected"] == 0 and rep["pages"] == 1
    assert json.loads(run("stats", "--json").stdout)["documents"] == 3


def test_bad_inputs_one_line_each_and_exit_status_counts_them(run, tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "junk.bin").write_bytes(bytes(range(256)) * 8)
    (tmp_path / "feed.xml").write_text("no markup here", encoding="utf-8")
    run("ingest", "--no-extract", PAGE)
    res = run("ingest", "--no-extract", tmp_path / "empty.txt", tmp_path / "junk.bin", PAGE,
              tmp_path / "feed.xml", tmp_path / "missing.txt")
    assert res.exit_code == 4
    errors = [ln for ln in res.stderr.splitlines() if ln.startswith("error:")]
    assert len(errors) == 4
    for ln, (name, reason) in zip(errors, [("empty.txt", "empty"), ("junk.bin", "binary"),
                                           ("feed.xml", "not_xml"), ("missing.txt", "not_found")]):
        assert name in ln and reason in ln
    assert "0 new, 3 already stored; 4 inputs failed" in res.stdout
    assert json.loads(run("stats", "--json").stdout)["documents"] == 3     # nothing lost, nothing doubled


def test_export_jsonl_and_csv(run, tmp_path):
    run("ingest", "--no-extract", PAGE, DATA / "articles.jsonl")
    res = run("export", "--format", "jsonl")
    lines = [json.loads(x) for x in res.stdout.splitlines()]
    docs = [x for x in lines if x["kind"] == "document"]
    assert len(docs) == 6
    for d in docs:
        assert {"id", "source_id", "title", "category", "published", "source", "text"} <= set(d)
    assert {d["source_id"] for d in docs} >= {"tb-001", "tb-002", "tb-005"}
    out = tmp_path / "docs.csv"
    assert run("export", "--format", "csv", "--out", out).exit_code == 0
    assert out.read_text(encoding="utf-8").startswith("id,source_id,title,category,published,source,text")
    bad = run("export", "--kind", "nonsense")
    assert bad.exit_code == 1 and "nonsense" in bad.stderr


def test_show_unknown_id_is_one_line_error(run):
    run("ingest", "--no-extract", PAGE)
    res = run("show", "doesnotexist")
    assert res.exit_code == 1
    assert res.stderr.strip().count("\n") == 0 and "doesnotexist" in res.stderr


def test_ingest_with_extraction_runs_the_pipeline(run):
    res = run("ingest", DATA / "pages" / "single-article.txt")
    assert res.exit_code == 0, res.output
    assert json.loads(run("stats", "--json").stdout)["documents"] == 1


def test_claims_and_figures_find_a_joint_statement_by_either_source(run, tmp_path):
    art = tmp_path / "joint.txt"
    art.write_text("Depot Hit\n\nUp to 9,000 soldiers could join the fighting within days, according to the "
                   "foreign minister Ada Brenn and defence minister Oskar Vale.\n", encoding="utf-8")
    assert run("ingest", art).exit_code == 0
    for who in ("Brenn", "Vale"):
        claims = json.loads(run("claims", "--source", who, "--json").stdout)
        assert {c["source"] for c in claims} == {"Ada Brenn", "Oskar Vale"}     # a claim each, naming the other
        figs = json.loads(run("figures", "--source", who, "--json").stdout)
        assert [(f["value"], f["source"], f["sources"]) for f in figs] == [(9000, "Ada Brenn",
                                                                            ["Ada Brenn", "Oskar Vale"])]
    assert "Oskar Vale" in run("figures", "--source", "Vale").stdout
    assert "(with Oskar Vale)" in run("claims", "--source", "Brenn").stdout
    lines = [json.loads(x) for x in run("export", "--kind", "quantity").stdout.splitlines()]
    assert [s["name"] for s in lines[0]["co_sources"]] == ["Oskar Vale"]
