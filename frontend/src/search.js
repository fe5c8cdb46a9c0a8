// Full-text search over all documents; results open in the reader.
import { api, el, markNav, readerHref, showError } from "./common.js";

/** The store marks matches in a snippet with [ ]: show them as <mark>, as text. */
function snippet(s) {
  const out = el("span", { class: "snippet" });
  const parts = String(s || "").split(/(\[[^\]]*\])/);
  for (const p of parts) {
    if (p.startsWith("[") && p.endsWith("]")) out.append(el("mark", {}, p.slice(1, -1)));
    else if (p) out.append(document.createTextNode(p));
  }
  return out;
}

async function run(q) {
  const list = document.getElementById("results"), summary = document.getElementById("summary");
  history.replaceState(null, "", `/search?${new URLSearchParams({ q })}`);
  try {
    const res = await api("search", { q, limit: 50 });
    summary.textContent = res.items.length ? `${res.items.length} document${res.items.length === 1 ? "" : "s"} match${res.items.length === 1 ? "es" : ""} “${q}”` : `nothing matches “${q}”`;
    list.replaceChildren(...res.items.map((h) => el("li", {},
      el("a", { href: readerHref(h.doc_id), class: "hit" }, h.title || h.doc_id), " ",
      el("span", { class: "muted" }, h.published || ""), snippet(h.snippet))));
  } catch (err) {
    showError(summary, err);
    list.replaceChildren();
  }
}

function main() {
  markNav();
  const form = document.getElementById("search"), input = document.getElementById("q");
  form.addEventListener("submit", (e) => { e.preventDefault(); if (input.value.trim()) run(input.value.trim()); });
  const q = new URLSearchParams(location.search).get("q");
  if (q) { input.value = q; run(q); } else input.focus();
}

main();
