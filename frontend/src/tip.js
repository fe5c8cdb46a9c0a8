// A tooltip that shows a record's fields, on hover and on keyboard focus.
import { el } from "./common.js";

const tip = () => document.getElementById("tip");

/** rows: [[label, value], ...]; values shown as text. */
export function showTip(target, kind, rows) {
  const t = tip();
  if (!t) return;
  const dl = el("dl");
  for (const [k, v] of rows) {
    if (v === null || v === undefined || v === "") continue;
    dl.append(el("dt", {}, k), el("dd", {}, String(v)));
  }
  t.replaceChildren(el("div", { class: "kind" }, kind), dl);
  t.hidden = false;
  const r = target.getBoundingClientRect();
  const w = t.offsetWidth, h = t.offsetHeight;
  let x = Math.min(r.left, window.innerWidth - w - 8);
  let y = r.bottom + 6;
  if (y + h > window.innerHeight) y = Math.max(4, r.top - h - 6);
  t.style.left = `${Math.max(4, x)}px`;
  t.style.top = `${y}px`;
  if (target.id) target.setAttribute("aria-describedby", "tip");
}

export function hideTip() {
  const t = tip();
  if (t) t.hidden = true;
}

/** Wire hover and focus on an element to show rows() in the tooltip. */
export function withTip(node, kind, rows) {
  const show = () => showTip(node, kind, rows());
  node.addEventListener("mouseenter", show);
  node.addEventListener("focus", show);
  node.addEventListener("mouseleave", hideTip);
  node.addEventListener("blur", hideTip);
}

document.addEventListener("keydown", (e) => { if (e.key === "Escape") hideTip(); });
