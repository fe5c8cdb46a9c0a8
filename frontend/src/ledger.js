// The ledger: all claims or all figures in one table, filtered by source,
// hedge, subject, text and date, sorted by a column, each row linking to the
// reader at its span.
import { api, docDate, el, figureLabel, hedgeBadge, markNav, readerHref, showError, sourceText } from "./common.js";

const PAGE = 50;
const COLS = {
  claim: [["published", "Date"], ["source", "Source"], ["hedge", "Hedge"], [null, "Claim"], [null, "Document"]],
  quantity: [["published", "Date"], ["source", "Source"], ["hedge", "Hedge"], ["value", "Figure"],
    ["subject", "Subject"], [null, "Document"]],
};
const state = { kind: "claim", sort: "-published", offset: 0, filters: {} };

function readState() {
  const p = new URLSearchParams(location.search);
  state.kind = p.get("kind") === "quantity" ? "quantity" : "claim";
  state.sort = p.get("sort") || "-published";
  state.offset = Math.max(0, parseInt(p.get("offset") || "0", 10) || 0);
  state.filters = {};
  for (const k of ["source", "hedge", "subject", "q", "since", "until"]) if (p.get(k)) state.filters[k] = p.get(k);
}

function writeState() {
  const p = new URLSearchParams({ kind: state.kind, sort: state.sort });
  if (state.offset) p.set("offset", state.offset);
  for (const [k, v] of Object.entries(state.filters)) if (v) p.set(k, v);
  history.replaceState(null, "", `/ledger?${p}`);
}

async function fillFacets() {
  const [hedges, sources] = await Promise.all([api(`facets/${state.kind}/hedge`), api(`facets/${state.kind}/source`)]);
  const sel = document.querySelector("select[name=hedge]");
  sel.replaceChildren(el("option", { value: "" }, "any"), ...hedges.items.map((h) => el("option", { value: h.value },
    `${h.value} (${h.count})`)));
  sel.value = state.filters.hedge || "";
  document.getElementById("sources").replaceChildren(...sources.items.map((s) => el("option", { value: s.value })));
}

function header() {
  const tr = el("tr");
  for (const [key, label] of COLS[state.kind]) {
    if (!key) { tr.append(el("th", { scope: "col" }, label)); continue; }
    const cur = state.sort.replace(/^-/, "") === key ? (state.sort.startsWith("-") ? "descending" : "ascending") : null;
    const b = el("button", { type: "button", "data-sort": key }, label, cur ? (cur === "ascending" ? " ▲" : " ▼") : "");
    b.addEventListener("click", () => {
      state.sort = state.sort === key ? `-${key}` : key;
      state.offset = 0;
      load();
    });
    tr.append(el("th", { scope: "col", "aria-sort": cur || "none" }, b));
  }
  document.querySelector("#ledger thead").replaceChildren(tr);
}

function row(r) {
  const link = el("a", { href: readerHref(r.doc_id, r.id), class: "open" }, r.document.title || r.doc_id);
  if (state.kind === "claim") {
    return el("tr", { "data-id": r.id }, el("td", { class: "num" }, docDate(r)), el("td", { class: "source" }, sourceText(r) || "—"),
      el("td", {}, hedgeBadge(r.hedge)), el("td", { class: "text" }, r.direct ? `“${r.text}”` : r.text), el("td", {}, link));
  }
  return el("tr", { "data-id": r.id }, el("td", { class: "num" }, docDate(r)), el("td", { class: "source" }, sourceText(r) || "—"),
    el("td", {}, hedgeBadge(r.hedge)), el("td", { class: "num" }, figureLabel(r)), el("td", {}, r.subject || ""),
    el("td", {}, link));
}

async function load() {
  writeState();
  for (const k of ["claim", "quantity"]) document.getElementById(`tab-${k}`).setAttribute("aria-pressed", String(state.kind === k));
  document.querySelectorAll(".only-quantity").forEach((n) => { n.hidden = state.kind !== "quantity"; });
  header();
  const body = document.querySelector("#ledger tbody");
  const summary = document.getElementById("summary");
  try {
    const f = { ...state.filters };
    if (state.kind === "claim") delete f.subject;
    const res = await api(state.kind === "claim" ? "claims" : "quantities",
      { ...f, sort: state.sort, limit: PAGE, offset: state.offset });
    body.replaceChildren(...res.items.map(row));
    const what = state.kind === "claim" ? "claims" : "figures";
    const of = res.total_exact === false ? `${res.total.toLocaleString("en-US")}+` : res.total.toLocaleString("en-US");
    summary.textContent = res.total ? `${what} ${state.offset + 1}–${state.offset + res.items.length} of ${of}`
      : `no ${what} match`;
    document.getElementById("prev").disabled = state.offset === 0;
    document.getElementById("next").disabled = res.items.length < PAGE
      || (res.total_exact !== false && state.offset + res.items.length >= res.total);
  } catch (err) {
    showError(summary, err);
    body.replaceChildren();
  }
}

function main() {
  markNav();
  readState();
  const form = document.getElementById("filters");
  for (const [k, v] of Object.entries(state.filters)) if (form.elements[k]) form.elements[k].value = v;
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    state.filters = {};
    for (const k of ["source", "hedge", "subject", "q", "since", "until"]) {
      const v = form.elements[k].value.trim();
      if (v) state.filters[k] = v;
    }
    state.offset = 0;
    load();
  });
  form.addEventListener("reset", () => { setTimeout(() => { state.filters = {}; state.offset = 0; load(); }, 0); });
  for (const k of ["claim", "quantity"]) {
    document.getElementById(`tab-${k}`).addEventListener("click", () => {
      state.kind = k; state.offset = 0;
      if (!/^-?(published|source|hedge)$/.test(state.sort)) state.sort = "-published";
      fillFacets().catch(() => {});
      load();
    });
  }
  document.getElementById("prev").addEventListener("click", () => { state.offset = Math.max(0, state.offset - PAGE); load(); });
  document.getElementById("next").addEventListener("click", () => { state.offset += PAGE; load(); });
  fillFacets().catch(() => {});
  load();
}

main();
