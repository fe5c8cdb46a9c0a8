// The reader: one article with its records marked in the text (actor, place,
// figure, claim, source of a claim, event); each mark shows its record on
// hover or focus; the sidebar lists figures (with sources and hedges),
// claims and events. /reader?doc=ID[&rec=RECORD_ID]
import { api, el, figureLabel, hedgeBadge, markNav, params, readerHref, safeHref, showError, sourceText } from "./common.js";
import { withTip } from "./tip.js";

const KIND_LABEL = { actor: "actor", place: "place", figure: "figure", claim: "claim", source: "source", event: "event" };

/** "sources" for a joint attribution ("Blinken and Austin said"), else "source". */
function sourceLabel(r) {
  return (r.co_sources || []).length ? "sources" : "source";
}

function describe(kind, r) {
  switch (kind) {
    case "actor": return [["name", r.name], ["type", r.type], ["code", r.code], ["role", r.role]];
    case "place": return [["name", r.name], ["kind", r.kind], ["country", r.country],
      ["lat, lon", r.lat !== null && r.lat !== undefined ? `${r.lat}, ${r.lon}` : null]];
    case "figure": return [["figure", figureLabel(r)], ["subject", r.subject], [sourceLabel(r), sourceText(r)], ["hedge", r.hedge],
      ["date", r.date]];
    case "claim": case "source": return [[sourceLabel(r), sourceText(r)], ["cue", r.cue], ["hedge", r.hedge],
      ["quotation", r.direct ? "yes" : "no"], ["claim", r.text]];
    case "event": return [["type", r.type], ["actor", r.actor], ["target", r.target], ["where", r.location],
      ["when", r.date], ["modality", r.modality]];
    default: return [];
  }
}

/** Every span to mark: {start, end, kind, rec}. */
function spansOf(data) {
  const R = data.records, out = [];
  for (const e of R.entity) for (const m of e.mentions) out.push({ start: m.start, end: m.end, kind: "actor", rec: e });
  for (const p of R.place) for (const m of p.mentions) out.push({ start: m.start, end: m.end, kind: "place", rec: p });
  for (const q of R.quantity) out.push({ start: q.start, end: q.end, kind: "figure", rec: q });
  for (const c of R.claim) {
    out.push({ start: c.start, end: c.end, kind: "claim", rec: c });
    if (c.source_start !== null && c.source_start !== undefined && c.source_end > c.source_start)
      out.push({ start: c.source_start, end: c.source_end, kind: "source", rec: c });
    for (const co of c.co_sources || [])      // each source of a joint attribution is marked
      if (co.end > co.start && !(co.start >= c.source_start && co.end <= c.source_end))
        out.push({ start: co.start, end: co.end, kind: "source", rec: c });
  }
  for (const ev of R.event) out.push({ start: ev.start, end: ev.end, kind: "event", rec: ev });
  const rank = { event: 0, claim: 1, source: 2, actor: 3, place: 4, figure: 5 };
  return out.filter((s) => s.end > s.start)
    .sort((a, b) => a.start - b.start || b.end - a.end || rank[a.kind] - rank[b.kind]);
}

/** Append text[from:to] to parent with the marks (sorted) nested inside; a
 *  mark that crosses another's edge is left unmarked (it stays in the sidebar). */
function render(parent, text, from, to, marks, byRec) {
  let pos = from, i = 0;
  while (i < marks.length) {
    const m = marks[i];
    if (m.start < pos) { i++; continue; }
    if (m.start > pos) parent.append(document.createTextNode(text.slice(pos, m.start)));
    const inner = [];
    let j = i + 1;
    for (; j < marks.length && marks[j].start < m.end; j++) if (marks[j].end <= m.end) inner.push(marks[j]);
    const node = el("mark", { class: `m k-${m.kind}`, tabindex: "0", "data-kind": m.kind, "data-id": m.rec.id,
      "data-start": m.start, "data-end": m.end });
    withTip(node, KIND_LABEL[m.kind], () => describe(m.kind, m.rec));
    if (!byRec.has(m.rec.id)) byRec.set(m.rec.id, node);
    render(node, text, m.start, m.end, inner, byRec);
    parent.append(node);
    pos = m.end;
    i = j;
  }
  if (pos < to) parent.append(document.createTextNode(text.slice(pos, to)));
}

function goTo(node) {
  if (!node) return;
  document.querySelectorAll("mark.target").forEach((n) => n.classList.remove("target"));
  node.classList.add("target");
  node.scrollIntoView({ block: "center" });
  node.focus({ preventScroll: true });
}

function sideItem(label, sub, node) {
  const b = el("button", { type: "button" }, label);
  b.addEventListener("click", () => goTo(node));
  return el("li", {}, b, sub);
}

function sidebar(data, byRec) {
  const R = data.records, side = document.getElementById("sidebar");
  side.replaceChildren();
  side.append(el("h2", {}, "Marks"), el("ul", { class: "legend", "aria-label": "What the colours mean" },
    ...Object.keys(KIND_LABEL).map((k) => el("li", {}, el("span", { class: `k-${k}` }, KIND_LABEL[k])))));
  const figs = el("ul", { class: "side-list", id: "figures" });
  for (const q of R.quantity) figs.append(sideItem(figureLabel(q),
    el("span", { class: "sub" }, `${q.subject || ""} · ${sourceText(q) || "no source"} `, hedgeBadge(q.hedge)), byRec.get(q.id)));
  side.append(el("h2", {}, `Figures (${R.quantity.length})`), R.quantity.length ? figs : el("p", { class: "muted" }, "none"));
  const claims = el("ul", { class: "side-list", id: "claims" });
  for (const c of R.claim) claims.append(sideItem(sourceText(c) || "(no source)",
    el("span", { class: "sub" }, `${c.cue || ""}: ${c.text.length > 90 ? c.text.slice(0, 90) + "…" : c.text} `, hedgeBadge(c.hedge)),
    byRec.get(c.id)));
  side.append(el("h2", {}, `Claims (${R.claim.length})`), R.claim.length ? claims : el("p", { class: "muted" }, "none"));
  const evs = el("ul", { class: "side-list", id: "events" });
  for (const e of R.event) evs.append(sideItem(`${e.type}: ${e.actor || "?"} → ${e.target || "?"}`,
    el("span", { class: "sub" }, [e.location, e.date, e.modality !== "asserted" ? e.modality : null].filter(Boolean).join(" · ")),
    byRec.get(e.id)));
  side.append(el("h2", {}, `Events (${R.event.length})`), R.event.length ? evs : el("p", { class: "muted" }, "none"));
  if (data.relations.length) {
    const rl = el("ul", { class: "side-list", id: "relations" });
    for (const r of data.relations) rl.append(el("li", {}, `${r.from} ${r.type} ${r.to}`,
      el("span", { class: "sub" }, r.item || "")));
    side.append(el("h2", {}, `Relations (${data.relations.length})`), rl);
  }
}

async function listDocuments(article) {
  const res = await api("documents", { limit: 50 });
  article.replaceChildren(el("h1", {}, "Documents"), el("p", { class: "muted" }, "Pick a document to read."));
  const ol = el("ol", { class: "doclist" });
  for (const d of res.items) ol.append(el("li", {}, el("a", { href: readerHref(d.id) }, d.title || "(untitled)"),
    " ", el("span", { class: "muted" }, d.published || "")));
  article.append(ol);
  document.getElementById("sidebar").hidden = true;
}

async function main() {
  markNav();
  const article = document.getElementById("article");
  const p = params();
  const id = p.get("doc");
  try {
    if (!id) { await listDocuments(article); return; }
    const data = await api(`documents/${encodeURIComponent(id)}`);
    const d = data.document;
    document.title = `${d.title || "Document"} · sitrep`;
    const src = d.source || "";
    const srcNode = /^https?:\/\//i.test(src) ? el("a", { href: safeHref(src), rel: "noopener noreferrer" }, src)
      : el("span", {}, src);
    const meta = el("div", { class: "meta" }, `${d.published || "undated"} · `, srcNode, ` · id ${d.id}`);
    const text = el("div", { class: "doc-text", id: "doc-text" });
    const byRec = new Map();
    render(text, d.text, 0, d.text.length, spansOf(data), byRec);
    article.replaceChildren(el("h1", { id: "doc-title" }, d.title || "(untitled)"), meta, text);
    sidebar(data, byRec);
    const rec = p.get("rec");
    if (rec) goTo(byRec.get(rec));
    const span = p.get("span");
    if (span) {
      const [s, e] = span.split("-").map(Number);
      const marks = [...text.querySelectorAll("mark")];
      goTo(marks.find((m) => +m.dataset.start === s && +m.dataset.end === e)
        || marks.find((m) => +m.dataset.start < e && +m.dataset.end > s));   // else the first mark inside the span
    }
  } catch (err) {
    showError(article, err);
  }
}

main();
