// The network: actors as nodes, lasting relations as edges (arrow from the
// one who supplies/deploys/allies to the other), filterable by type; picking
// an edge lists its evidence, each piece linking to the reader. Labels are
// drawn on canvas by Cytoscape (text, never markup).
import cytoscape from "cytoscape";
import { api, el, markNav, readerHref, showError } from "./common.js";

// Cytoscape puts a <style> element into <head> for its container unless an element with this id is
// there already; our Content-Security-Policy refuses inline styles, so app.css carries that one rule
// (.graph and .__________cytoscape_container: position relative) and a placeholder takes the id.
// The graph's own style is passed to Cytoscape as objects (below) and drawn on canvas: no CSS at all.
const CY_SHEET = "__________cytoscape_stylesheet";

function claimCytoscapeSheet() {
  if (!document.getElementById(CY_SHEET)) {
    document.head.append(el("meta", { id: CY_SHEET, name: "cytoscape-stylesheet", content: "/static/app.css" }));
  }
}

const COLORS = ["#3b6fd1", "#c2405f", "#2d8a4e", "#c77800", "#8a4fc2", "#1d8197", "#6b6b6b", "#a0522d"];
let cy, rels = [], colorOf = new Map();

function showEvidence(r) {
  const box = document.getElementById("evidence");
  const ol = el("ol", { class: "evidence" }, ...r.evidence.map((e) => el("li", {},
    el("q", {}, e.text || ""), " ", el("a", { href: readerHref(e.doc_id) + `&span=${e.start}-${e.end}` },
      e.title || e.doc_id), " ", el("span", { class: "muted" }, e.published || ""))));
  box.replaceChildren(el("h3", {}, `${r.from} ${r.type} ${r.to}`), r.item ? el("p", {}, `Items: ${r.item}`) : "",
    el("p", { class: "muted" }, `${r.evidence_count} piece(s) of evidence` + (r.evidence_count > r.evidence.length ? `, the first ${r.evidence.length} shown` : "")), ol);
}

function draw(types) {
  const shown = rels.filter((r) => types.has(r.type));
  const nodes = new Map();
  for (const r of shown) for (const n of [r.from, r.to]) nodes.set(n, (nodes.get(n) || 0) + r.evidence_count);
  const elements = [
    ...[...nodes].map(([id, w]) => ({ data: { id: `n:${id}`, label: id, weight: w } })),
    ...shown.map((r, i) => ({ data: { id: `e${i}`, source: `n:${r.from}`, target: `n:${r.to}`, label: r.type,
      color: colorOf.get(r.type), width: Math.min(8, 1.5 + Math.log2(1 + r.evidence_count)), rel: r } })),
  ];
  cy.elements().remove();
  cy.add(elements);
  cy.layout({ name: nodes.size > 2 ? "cose" : "grid", animate: false, padding: 30, randomize: false,
    nodeRepulsion: () => 9000, idealEdgeLength: () => 120 }).run();
  const list = document.getElementById("edges");
  list.replaceChildren(...shown.map((r) => {
    const b = el("button", { type: "button" }, `${r.from} → ${r.to}: ${r.type} (${r.evidence_count})`);
    b.addEventListener("click", () => showEvidence(r));
    return el("li", {}, b);
  }));
}

async function main() {
  markNav();
  const graph = document.getElementById("graph");
  try {
    const res = await api("relations", { limit: 1000 });
    rels = res.items;
    const types = [...new Set(rels.map((r) => r.type))].sort();
    types.forEach((t, i) => colorOf.set(t, COLORS[i % COLORS.length]));
    claimCytoscapeSheet();
    cy = cytoscape({
      container: graph, styleEnabled: true,
      style: [
        { selector: "node", style: { label: "data(label)", "background-color": "#17202c", color: "#17202c",
          "font-size": 12, "text-valign": "top", "text-margin-y": -4, width: "mapData(weight, 1, 20, 18, 44)",
          height: "mapData(weight, 1, 20, 18, 44)" } },
        { selector: "edge", style: { label: "data(label)", width: "data(width)", "line-color": "data(color)",
          "target-arrow-color": "data(color)", "target-arrow-shape": "triangle", "curve-style": "bezier",
          "font-size": 9, color: "#444", "text-rotation": "autorotate", "text-background-color": "#fff",
          "text-background-opacity": 0.8 } },
        { selector: ":selected", style: { "overlay-opacity": 0.15 } },
      ],
    });
    cy.on("tap", "edge", (e) => showEvidence(e.target.data("rel")));
    const fs = document.getElementById("types");
    const on = new Set(types);
    for (const t of types) {
      const cb = el("input", { type: "checkbox", value: t, checked: true });
      cb.addEventListener("change", () => { if (cb.checked) on.add(t); else on.delete(t); draw(on); });
      fs.append(el("label", { class: "inline" }, cb, ` ${t} (${rels.filter((r) => r.type === t).length})`));
    }
    if (!rels.length) graph.replaceChildren(el("p", { class: "muted" }, "No relations in this store."));
    else draw(on);
  } catch (err) {
    showError(graph, err);
  }
}

main();
