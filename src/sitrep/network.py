"""The relations network as GraphML (Gephi) and JSON (nodes and edges)."""
from __future__ import annotations

from typing import Any, Iterable
from xml.sax.saxutils import escape, quoteattr

from .model import Relation, as_dict


def to_json(rels: Iterable[Relation]) -> dict[str, Any]:
    rels = list(rels)
    nodes = sorted({r.from_ for r in rels} | {r.to for r in rels})
    return {"nodes": [{"id": n} for n in nodes],
            "edges": [{**r.to_dict(), "source": r.from_, "target": r.to, "weight": len(r.evidence)} for r in rels]}


def to_graphml(rels: Iterable[Relation]) -> str:
    rels = list(rels)
    nodes = sorted({r.from_ for r in rels} | {r.to for r in rels})
    lines = ['<?xml version="1.0" encoding="UTF-8"?>',
             '<graphml xmlns="http://graphml.graphdrawing.org/xmlns">',
             '  <key id="label" for="node" attr.name="label" attr.type="string"/>',
             '  <key id="type" for="edge" attr.name="type" attr.type="string"/>',
             '  <key id="item" for="edge" attr.name="item" attr.type="string"/>',
             '  <key id="weight" for="edge" attr.name="weight" attr.type="int"/>',
             '  <key id="evidence" for="edge" attr.name="evidence" attr.type="string"/>',
             '  <graph id="sitrep" edgedefault="directed">']
    for n in nodes:
        lines.append(f'    <node id={quoteattr(n)}><data key="label">{escape(n)}</data></node>')
    for i, r in enumerate(rels):
        ev = "; ".join(f"{e.doc_id}:{e.start}-{e.end}" for e in r.evidence)
        lines.append(f'    <edge id="e{i}" source={quoteattr(r.from_)} target={quoteattr(r.to)}>'
                     f'<data key="type">{escape(r.type)}</data><data key="item">{escape(r.item or "")}</data>'
                     f'<data key="weight">{len(r.evidence)}</data><data key="evidence">{escape(ev)}</data></edge>')
    lines += ["  </graph>", "</graphml>", ""]
    return "\n".join(lines)
