// Bundles the pages' scripts (src/*.js) with their npm dependencies into
// ../src/sitrep/serve/static/build/ — run by `make assets` (npm ci + this).
import { build } from "esbuild";
import { mkdirSync } from "node:fs";

const out = new URL("../src/sitrep/serve/static/build/", import.meta.url).pathname;
mkdirSync(out, { recursive: true });
const pages = ["index", "reader", "ledger", "charts", "network", "map", "search"];
await build({
  entryPoints: pages.map((p) => `src/${p}.js`),
  outdir: out,
  bundle: true,
  minify: true,
  format: "esm",
  splitting: true,
  target: ["es2020"],
  legalComments: "linked",
  logLevel: "warning",
  loader: { ".json": "json" },
});
console.log(`bundled ${pages.length} pages into ${out}`);
