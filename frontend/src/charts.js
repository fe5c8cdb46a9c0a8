// Charts: figure tracks over time (one chart per track, a series per source,
// bars from low to high where a figure is a range) and event counts by type
// and day. Drawn with ECharts on canvas; tooltips are rendered as canvas
// text (renderMode "richText"), never as HTML.
import * as echarts from "echarts/core";
import { BarChart, LineChart, ScatterChart } from "echarts/charts";
import { GridComponent, LegendComponent, TooltipComponent, DataZoomComponent } from "echarts/components";
import { CanvasRenderer } from "echarts/renderers";
import { api, docDate, el, figureLabel, hedgeBadge, markNav, readerHref, showError, sourceText } from "./common.js";

echarts.use([BarChart, LineChart, ScatterChart, GridComponent, LegendComponent, TooltipComponent, DataZoomComponent,
  CanvasRenderer]);

const charts = [];
window.addEventListener("resize", () => charts.forEach((c) => c.resize()));

// A track whose documents carry no dates (a scraped page) is drawn by source
// instead of over time: a point per figure, a bar from low to high for bounds.
function undatedChart(node, track) {
  const sources = [...new Set(track.members.map((q) => sourceText(q) || "(no source)"))];
  const points = [];
  const bars = [];
  for (const q of track.members) {
    const x = sourceText(q) || "(no source)";
    const v = q.value ?? q.high ?? q.low;
    if (v === null || v === undefined) continue;
    points.push({ value: [x, v], q });
    if (q.low !== null && q.low !== undefined && q.high !== null && q.high !== undefined) {
      bars.push([{ coord: [x, q.low] }, { coord: [x, q.high] }]);
    }
  }
  const chart = echarts.init(node, null, { renderer: "canvas" });
  chart.setOption({
    animation: false,
    grid: { left: 70, right: 20, top: 30, bottom: 70 },
    xAxis: { type: "category", data: sources, axisLabel: { interval: 0, rotate: 20 } },
    yAxis: { type: "value", name: track.unit || "", scale: true },
    tooltip: { trigger: "item", renderMode: "richText",
      formatter: (p) => !p.data || !p.data.q ? "" : `${p.value[0]}\n${figureLabel(p.data.q)}\n${p.data.q.hedge || ""}` },
    series: [{ name: "figures (undated)", type: "scatter", symbolSize: 14, data: points,
      markLine: { symbol: "none", silent: true, lineStyle: { width: 6, opacity: 0.4 }, data: bars } }],
  });
  chart.on("click", (p) => { if (p.data && p.data.q) location.href = readerHref(p.data.q.doc_id, p.data.q.id); });
  charts.push(chart);
}

function trackChart(node, track) {
  if (!track.members.some((q) => docDate(q))) {
    undatedChart(node, track);
    return;
  }
  const bySource = new Map();
  for (const q of track.members) {
    const day = docDate(q);
    const v = q.value ?? q.high ?? q.low;
    if (!day || v === null || v === undefined) continue;
    const key = sourceText(q) || "(no source)";
    if (!bySource.has(key)) bySource.set(key, []);
    bySource.get(key).push({ value: [day, v], q });
  }
  const series = [...bySource.entries()].map(([name, pts]) => ({
    name, type: "line", symbol: "circle", symbolSize: 12, data: pts.sort((a, b) => a.value[0].localeCompare(b.value[0])),
    emphasis: { focus: "series" }, z: 3,
  }));
  // the whole track, every source, in date order: how the count moved
  const all = [...bySource.values()].flat().map((p) => p.value).sort((a, b) => a[0].localeCompare(b[0]));
  series.unshift({ name: "all sources", type: "line", data: all, symbol: "none", silent: true, z: 1,
    lineStyle: { type: "dashed", color: "#9aa3ad", width: 1.5 }, itemStyle: { color: "#9aa3ad" } });
  const chart = echarts.init(node, null, { renderer: "canvas" });
  chart.setOption({
    animation: false,
    legend: { top: 0, type: "scroll" },
    grid: { left: 70, right: 20, top: 40, bottom: 40 },
    xAxis: { type: "time", axisLabel: { formatter: "{yyyy}-{MM}-{dd}", hideOverlap: true } },
    yAxis: { type: "value", name: track.unit || "", scale: true },
    tooltip: { trigger: "item", renderMode: "richText",
      formatter: (p) => !p.data.q ? "" : `${p.seriesName}\n${p.value[0]}: ${figureLabel(p.data.q)}\n${p.data.q.hedge || ""}` },
    series,
  });
  chart.on("click", (p) => { if (p.data && p.data.q) location.href = readerHref(p.data.q.doc_id, p.data.q.id); });
  charts.push(chart);
}

async function tracks() {
  const box = document.getElementById("tracks");
  try {
    const res = await api("tracks", { limit: 200 });
    // the tracks with most figures first: those are what sources disagree about
    res.items = res.items.sort((a, b) => b.members.length - a.members.length).slice(0, 20);
    if (!res.items.length) {
      box.replaceChildren(el("p", { class: "muted", id: "no-tracks" },
        "No figure tracks in this store yet: tracks are made by the triangulation stage (sitrep.analyse)."));
      return;
    }
    box.replaceChildren();
    for (const t of res.items) {
      const chartNode = el("div", { class: "chart track-chart", role: "img",
        "aria-label": `Track ${t.name}: ${t.members.length} figures over time` });
      const list = el("ul", { class: "side-list" }, ...t.members.map((q) => el("li", {},
        el("a", { href: readerHref(q.doc_id, q.id) }, `${docDate(q)} · ${figureLabel(q)}`), " ",
        el("span", { class: "sub" }, `${sourceText(q) || "no source"} `, hedgeBadge(q.hedge)))));
      const sec = el("section", { class: "track" }, el("h3", {}, `${t.name} (${t.members.length} figures)`), chartNode,
        el("details", {}, el("summary", {}, "The figures"), list));
      box.append(sec);
      trackChart(chartNode, t);
    }
  } catch (err) {
    showError(box, err);
  }
}

async function events() {
  const node = document.getElementById("events-chart");
  try {
    const res = await api("charts/events");
    const days = [...new Set(res.items.map((r) => r.day).filter(Boolean))].sort();
    const types = [...new Set(res.items.map((r) => r.type))].sort();
    const series = types.map((t) => ({
      name: t, type: "bar", stack: "events",
      data: days.map((d) => res.items.filter((r) => r.type === t && r.day === d).reduce((s, r) => s + r.count, 0)),
    }));
    const chart = echarts.init(node, null, { renderer: "canvas" });
    chart.setOption({
      animation: false,
      legend: { top: 0, type: "scroll" },
      grid: { left: 50, right: 20, top: 40, bottom: 60 },
      tooltip: { trigger: "axis", renderMode: "richText" },
      xAxis: { type: "category", data: days },
      yAxis: { type: "value", minInterval: 1 },
      dataZoom: days.length > 60 ? [{ type: "slider" }] : [],
      series,
    });
    charts.push(chart);
    document.querySelector("#events-table tbody").replaceChildren(...res.items.map((r) =>
      el("tr", {}, el("td", {}, r.day || "undated"), el("td", {}, r.type), el("td", { class: "num" }, r.count))));
  } catch (err) {
    showError(node, err);
  }
}

markNav();
tracks();
events();
