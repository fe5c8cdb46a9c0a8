"""CLI commands of the extraction stages: ``sitrep figures`` (figures by subject).

Registered by ``sitrep.cli`` through ``register(cli)``; reads the store only.
"""
from __future__ import annotations

from typing import Any

import click

from ..model import as_dict


def figure_rows(store, subject: str | None = None, unit: str | None = None, source: str | None = None,
                limit: int | None = None) -> list[dict[str, Any]]:
    """Stored figures as rows (subject, value, bounds, approx, unit, source, hedge, date, document),
    filtered by a subject substring, a unit or unit class, and a source (any source of a joint
    attribution: "Blinken and Austin said" is found by either); sorted by subject, then date."""
    qs = store.records("quantity", limit=None)
    want_subject = (subject or "").lower()
    want_unit = (unit or "").lower()
    want_source = (source or "").lower()
    docs: dict[str, Any] = {}
    rows = []
    for q in qs:
        if want_subject and want_subject not in (q.subject or q.text or "").lower():
            continue
        if want_unit and want_unit not in ((q.unit or "").lower(), (q.unit_class or "").lower()):
            continue
        if want_source and not any(want_source in n.lower() for n in _names(q)):
            continue
        if q.doc_id not in docs:
            docs[q.doc_id] = store.document(q.doc_id)
        d = docs[q.doc_id]
        rows.append({"id": q.id, "subject": q.subject, "text": q.text, "value": q.value, "low": q.low,
                     "high": q.high, "approx": q.approx, "unit": q.unit, "unit_class": q.unit_class,
                     "converted": [list(c) for c in q.converted], "from_value": q.from_value, "source": q.source,
                     "co_sources": [as_dict(c) for c in q.co_sources], "sources": _names(q), "hedge": q.hedge,
                     "claim_id": q.claim_id, "date": q.date or d.published, "doc_id": q.doc_id,
                     "title": d.title, "start": q.start, "end": q.end})
    rows.sort(key=lambda r: ((r["subject"] or "").lower(), r["date"] or "", r["doc_id"], r["start"]))
    return rows[:limit] if limit else rows


def _names(q) -> list[str]:
    """Every source of a figure: its source, then the co-sources of a joint attribution."""
    names = [q.source] if q.source else []
    return names + [c.name for c in q.co_sources if c.name not in names]


def _num(x: float) -> str:
    """12000.0 -> '12,000'; 1.25 -> '1.25' (never scientific notation)."""
    return f"{x:,.0f}" if float(x).is_integer() else f"{x:,.6g}" if abs(x) < 1e6 else f"{x:,.2f}"


def _figure(r: dict) -> str:
    if r["value"] is None:
        v = f"{_num(r['low'])}-{_num(r['high'])}" if r["low"] is not None and r["high"] is not None else ""
    else:
        v = _num(r["value"])
        if r.get("from_value") is not None:
            v = f"{_num(r['from_value'])} -> {v}"              # a change: "from 208 to 193"
    return {"about": "~", "at_least": ">=", "at_most": "<="}.get(r["approx"] or "", "") + v


def register(cli: click.Group) -> None:
    @cli.command("figures")
    @click.option("--subject", default=None, help="only figures whose subject contains this text")
    @click.option("--unit", default=None, help="only this unit or unit class (troops, drones, money:USD, ...)")
    @click.option("--source", default=None, help="only figures given by this source (substring; any of "
                  "several joint sources)")
    @click.option("--limit", default=200, show_default=True)
    @click.option("--json", "as_json", is_flag=True)
    @click.pass_context
    def figures_cmd(ctx: click.Context, subject, unit, source, limit, as_json) -> None:
        """List figures by subject: value, bounds, unit, source, hedge, date and document.

        \b
        Example:
          sitrep figures --unit troops
          sitrep figures --subject "North Korean" --json
        """
        from ..cli import _dump, _open, _table
        rows = figure_rows(_open(ctx), subject=subject, unit=unit, source=source, limit=limit)
        if as_json:
            _dump(rows)
            return
        _table("figures", ["subject", "figure", "unit", "source", "hedge", "date", "document", "text"],
               [[r["subject"], _figure(r), r["unit_class"] or r["unit"], "; ".join(r["sources"]) or "(article)", r["hedge"],
                 r["date"], (r["title"] or r["doc_id"])[:40], r["text"]] for r in rows])
