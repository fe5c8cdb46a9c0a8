// Shared helpers of the pages. Text from documents is hostile: it is only ever
// put into the page as text nodes (textContent), never as markup.

/** Create an element; attrs are set as attributes (never event handlers or
 *  style); children are nodes or strings (strings become text nodes). */
export function el(tag, attrs = {}, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === null || v === undefined || v === false) continue;
    if (k.startsWith("on") || k === "style" || k === "srcdoc") throw new Error(`attribute ${k} is not allowed`);
    if (k === "href") e.setAttribute("href", safeHref(String(v)));
    else if (k === "text") e.textContent = String(v);
    else e.setAttribute(k, v === true ? "" : String(v));
  }
  for (const c of children.flat()) {
    if (c === null || c === undefined || c === false) continue;
    e.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return e;
}

/** Only links into this server or to http(s) pages; anything else becomes "#". */
export function safeHref(h) {
  if (h.startsWith("/") && !h.startsWith("//")) return h;
  try {
    const u = new URL(h, location.href);
    if (u.protocol === "http:" || u.protocol === "https:") return u.href;
  } catch (_) { /* not a URL */ }
  return "#";
}

/** Every source of a claim or figure: its source, then the co-sources of a joint
 *  attribution ("Blinken and Austin said": "Antony Blinken and Lloyd Austin"). */
export function sourcesOf(r) {
  const names = r.source ? [r.source] : [];
  for (const c of r.co_sources || []) if (c && c.name && !names.includes(c.name)) names.push(c.name);
  return names;
}

/** The sources of a record as one text ("A", "A and B", "A, B and C"), or null. */
export function sourceText(r) {
  const n = sourcesOf(r);
  if (!n.length) return null;
  return n.length === 1 ? n[0] : `${n.slice(0, -1).join(", ")} and ${n[n.length - 1]}`;
}

export class ApiError extends Error {
  constructor(status, body) {
    super((body && body.error && body.error.message) || `HTTP ${status}`);
    this.status = status;
    this.body = body;
  }
}

/** GET /api/<path> with query params (null/empty ones left out). */
export async function api(path, params = {}) {
  const qs = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    if (v === null || v === undefined || v === "") continue;
    if (Array.isArray(v)) v.forEach((x) => qs.append(k, x));
    else qs.append(k, v);
  }
  const url = `/api/${path}` + (qs.toString() ? `?${qs}` : "");
  const r = await fetch(url, { credentials: "same-origin", headers: { Accept: "application/json" } });
  let body = null;
  try { body = await r.json(); } catch (_) { body = null; }
  if (!r.ok) throw new ApiError(r.status, body);
  return body;
}

export function readerHref(docId, recId) {
  const p = new URLSearchParams({ doc: docId });
  if (recId) p.set("rec", recId);
  return `/reader?${p}`;
}

export function showError(where, err) {
  where.replaceChildren(el("p", { class: "error", role: "alert" }, `Error: ${err.message || err}`));
}

export function params() {
  return new URLSearchParams(location.search);
}

export function fmtNumber(v) {
  if (v === null || v === undefined) return "";
  return Number(v).toLocaleString("en-US");
}

/** A figure as a person reads it: "about 10,000 soldiers". */
export function figureLabel(q) {
  const approx = { about: "about ", at_least: "at least ", at_most: "up to " }[q.approx] || "";
  const v = q.value !== null && q.value !== undefined ? fmtNumber(q.value)
    : q.low !== null && q.low !== undefined ? `${fmtNumber(q.low)}–${fmtNumber(q.high)}` : q.text;
  return `${approx}${v}${q.unit ? " " + q.unit : ""}`;
}

export function hedgeBadge(hedge) {
  return el("span", { class: `hedge hedge-${(hedge || "none").replace(/[^a-z_]/g, "")}` }, hedge || "—");
}

/** Marks the current page in the nav bar. */
export function markNav() {
  for (const a of document.querySelectorAll("nav.top a")) {
    if (a.getAttribute("href") === location.pathname) a.setAttribute("aria-current", "page");
  }
}

export function docDate(rec) {
  return rec.date || (rec.document && rec.document.published) || "";
}
