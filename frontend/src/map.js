// The map: country shapes from Natural Earth (npm world-atlas, 1:110m) drawn
// with d3-geo, places named in the documents (green) and located events
// (red) on top; no tiles, nothing fetched but this server's API.
import { geoGraticule10, geoNaturalEarth1, geoPath } from "d3-geo";
import { feature } from "topojson-client";
import world from "world-atlas/countries-110m.json";
import { api, el, markNav, showError } from "./common.js";
import { withTip } from "./tip.js";

const NS = "http://www.w3.org/2000/svg";
const W = 960, H = 520;

function svgEl(tag, attrs = {}) {
  const e = document.createElementNS(NS, tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, String(v));
  return e;
}

function extentOf(points) {
  let [x0, y0, x1, y1] = [180, 90, -180, -90];
  for (const p of points) { x0 = Math.min(x0, p.lon); x1 = Math.max(x1, p.lon); y0 = Math.min(y0, p.lat); y1 = Math.max(y1, p.lat); }
  const pad = Math.max(6, (x1 - x0) * 0.25, (y1 - y0) * 0.25);
  x0 = Math.max(-180, x0 - pad); x1 = Math.min(180, x1 + pad); y0 = Math.max(-85, y0 - pad); y1 = Math.min(85, y1 + pad);
  return { type: "Feature", geometry: { type: "Polygon", coordinates: [[[x0, y0], [x0, y1], [x1, y1], [x1, y0], [x0, y0]]] } };
}

function draw(box, data, fitData) {
  const countries = feature(world, world.objects.countries);
  const all = [...data.places, ...data.events];
  const proj = geoNaturalEarth1();
  if (fitData && all.length) proj.fitExtent([[10, 10], [W - 10, H - 10]], extentOf(all));
  else proj.fitExtent([[10, 10], [W - 10, H - 10]], { type: "Sphere" });
  const path = geoPath(proj);
  const svg = svgEl("svg", { viewBox: `0 0 ${W} ${H}`, role: "img", "aria-label": "Map of places and events", id: "map-svg" });
  const clip = svgEl("clipPath", { id: "frame" });
  clip.append(svgEl("rect", { x: 0, y: 0, width: W, height: H }));
  const g = svgEl("g", { "clip-path": "url(#frame)" });
  g.append(svgEl("path", { class: "graticule", d: path(geoGraticule10()) }));
  const cg = svgEl("g", { class: "countries" });
  for (const f of countries.features) {
    const p = svgEl("path", { class: "country", d: path(f) || "" });
    const t = svgEl("title"); t.textContent = (f.properties && f.properties.name) || ""; p.append(t);
    cg.append(p);
  }
  g.append(cg);
  const maxP = Math.max(1, ...data.places.map((p) => p.count));
  for (const p of data.places) {
    const [x, y] = proj([p.lon, p.lat]) || [null, null];
    if (x === null) continue;
    const c = svgEl("circle", { class: "place", cx: x.toFixed(1), cy: y.toFixed(1), r: (4 + 10 * Math.sqrt(p.count / maxP)).toFixed(1),
      tabindex: 0, "data-name": p.name });
    c.setAttribute("aria-label", `place ${p.name}, ${p.count} mentions`);
    withTip(c, "place", () => [["name", p.name], ["kind", p.kind], ["country", p.country], ["records", p.count],
      ["documents", p.documents]]);
    g.append(c);
  }
  const maxE = Math.max(1, ...data.events.map((e) => e.count));
  for (const e of data.events) {
    const [x, y] = proj([e.lon, e.lat]) || [null, null];
    if (x === null) continue;
    const c = svgEl("circle", { class: "event", cx: (x + 5).toFixed(1), cy: (y - 5).toFixed(1),
      r: (3 + 8 * Math.sqrt(e.count / maxE)).toFixed(1), tabindex: 0 });
    c.setAttribute("aria-label", `${e.count} ${e.type} events at ${e.location}`);
    withTip(c, "events", () => [["where", e.location], ["type", e.type], ["events", e.count], ["country", e.country]]);
    g.append(c);
  }
  svg.append(clip, g);
  box.replaceChildren(svg);
}

async function main() {
  markNav();
  const box = document.getElementById("map");
  try {
    const data = await api("map");
    let fit = true;
    draw(box, data, fit);
    const btn = document.getElementById("zoom");
    btn.addEventListener("click", () => { fit = !fit; draw(box, data, fit); btn.textContent = fit ? "Show the whole world" : "Zoom to the data"; });
    document.getElementById("places").replaceChildren(...data.places.map((p) =>
      el("li", {}, `${p.name} `, el("span", { class: "muted" }, `${p.country || ""} · ${p.count}`))));
    document.getElementById("events").replaceChildren(...data.events.map((e) =>
      el("li", {}, `${e.location}: ${e.type} `, el("span", { class: "muted" }, `× ${e.count}`))));
  } catch (err) {
    showError(box, err);
  }
}

main();
