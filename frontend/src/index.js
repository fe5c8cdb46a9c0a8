// The overview: counts of the store and the latest documents.
import { api, el, fmtNumber, markNav, readerHref, showError } from "./common.js";

async function main() {
  markNav();
  const counts = document.getElementById("counts"), docs = document.getElementById("docs");
  try {
    const [s, d] = await Promise.all([api("stats"), api("documents", { limit: 15 })]);
    const names = { documents: "documents", entity: "actors", place: "places", quantity: "figures", claim: "claims",
      event: "events", relation: "relation evidence", tracks: "tracks", storylines: "storylines" };
    counts.replaceChildren(...Object.entries(names).map(([k, label]) =>
      el("div", {}, el("dt", {}, label), el("dd", {}, fmtNumber(s[k] || 0)))));
    docs.replaceChildren(...d.items.map((x) => el("li", {}, el("a", { href: readerHref(x.id) }, x.title || "(untitled)"),
      " ", el("span", { class: "muted" }, x.published || ""))));
  } catch (err) {
    showError(counts, err);
  }
}

main();
