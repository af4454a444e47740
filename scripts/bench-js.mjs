// npm run bench:js — the first-load JavaScript of every page of the production build in .next (run `npx next build`
// or `npm start` first), gzip-compressed, against the budget of issue 14: 150 KiB per route (1 KiB = 1,024 bytes,
// the unit of the issue's "153–216 KB"). Exits 1 when a route exceeds it.
//
// A page's first load is the framework's root chunks (build-manifest.json `rootMainFiles`) plus every chunk its
// client reference manifest (.next/server/app/<route>/page_client-reference-manifest.js) lists as an entry of the
// segments it renders: the root and nested layouts, their error and not-found boundaries, and the page. The
// polyfills are left out (nomodule: modern browsers skip them), and so are chunks a page loads later (next/dynamic,
// import()). Each chunk is counted once per route, gzip level 9 as a CDN would serve it.
//
// Options: BENCH_JS_LIMIT_KB (150), BENCH_JS_DIR (.next); `--all` lists every route, not only the ten largest and
// those over the budget.
import fs from "node:fs";
import path from "node:path";
import vm from "node:vm";
import zlib from "node:zlib";

const distDir = path.resolve(process.env.BENCH_JS_DIR ?? ".next");
const limitKb = Number(process.env.BENCH_JS_LIMIT_KB ?? 150);
const showAll = process.argv.includes("--all");

if (!fs.existsSync(path.join(distDir, "BUILD_ID"))) {
  console.error(`No production build in ${distDir}: run \`npx next build\` (or \`npm start\`) first.`);
  process.exit(2);
}

const buildManifest = JSON.parse(fs.readFileSync(path.join(distDir, "build-manifest.json"), "utf8"));
const rootFiles = buildManifest.rootMainFiles ?? [];

/** Every page's client reference manifest, as route → chunk files. */
function pageManifests() {
  const found = [];
  const walk = (dir) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name === "page_client-reference-manifest.js") found.push(full);
    }
  };
  walk(path.join(distDir, "server", "app"));
  const routes = [];
  for (const file of found) {
    // The file assigns globalThis.__RSC_MANIFEST[<page>] = {...}; run it in a sandbox of its own.
    const sandbox = { self: {} };
    sandbox.globalThis = sandbox;
    vm.runInNewContext(fs.readFileSync(file, "utf8"), sandbox);
    for (const [page, manifest] of Object.entries(sandbox.__RSC_MANIFEST ?? {})) {
      const chunks = new Set(rootFiles);
      for (const files of Object.values(manifest.entryJSFiles ?? {})) for (const chunk of files) chunks.add(chunk);
      // "/(agency)/agency/influencers/[id]/page" → "/agency/influencers/[id]"
      const route =
        page
          .replace(/\/page$/, "")
          .split("/")
          .filter((part) => part && !/^\(.*\)$/.test(part))
          .map((part) => `/${part}`)
          .join("") || "/";
      routes.push({ route, chunks: [...chunks] });
    }
  }
  return routes.sort((a, b) => a.route.localeCompare(b.route));
}

const sizes = new Map();
/** The gzip size of one chunk, and whether zod is in it (its error class keeps its name through minification). */
function chunkInfo(chunk) {
  if (!sizes.has(chunk)) {
    const source = fs.readFileSync(path.join(distDir, chunk));
    sizes.set(chunk, {
      raw: source.length,
      gzip: zlib.gzipSync(source, { level: 9 }).length,
      zod: source.includes("ZodError"),
    });
  }
  return sizes.get(chunk);
}

const kb = (bytes) => (bytes / 1024).toFixed(1);
const rows = pageManifests().map(({ route, chunks }) => {
  const infos = chunks.map(chunkInfo);
  return {
    route,
    chunks: chunks.length,
    raw: infos.reduce((sum, info) => sum + info.raw, 0),
    gzip: infos.reduce((sum, info) => sum + info.gzip, 0),
    zod: infos.some((info) => info.zod),
  };
});
if (rows.length === 0) {
  console.error(`No page manifests under ${path.join(distDir, "server", "app")}: is this a Next.js App Router build?`);
  process.exit(2);
}

const over = rows.filter((row) => row.gzip > limitKb * 1024);
const shown = showAll
  ? rows
  : [...rows].sort((a, b) => b.gzip - a.gzip).filter((row, i) => i < 10 || row.gzip > limitKb * 1024);
const shared = rootFiles.reduce((sum, chunk) => sum + chunkInfo(chunk).gzip, 0);

console.log(
  `First-load JS per route, gzip (${distDir}, build ${fs.readFileSync(path.join(distDir, "BUILD_ID"), "utf8")})`,
);
console.log("");
console.log("| route | first-load JS gzip (KiB) | raw (KiB) | chunks | zod |");
console.log("| --- | ---: | ---: | ---: | --- |");
for (const row of shown)
  console.log(
    `| ${row.route} | ${kb(row.gzip)}${row.gzip > limitKb * 1024 ? " ✗" : ""} | ${kb(row.raw)} | ${row.chunks} | ${row.zod ? "yes" : ""} |`,
  );
const all = rows.map((row) => row.gzip);
console.log("");
console.log(
  `${rows.length} routes${showAll ? "" : ` (${shown.length} shown; --all lists every one)`}: ` +
    `min ${kb(Math.min(...all))}, median ${kb(all.sort((a, b) => a - b)[Math.floor(all.length / 2)])}, max ${kb(Math.max(...all))} KiB; ` +
    `framework root chunks ${kb(shared)} KiB of each; zod ships to ${rows.filter((row) => row.zod).length} routes.`,
);
if (over.length > 0) {
  console.log(`${over.length} route(s) over the budget of ${limitKb} KiB.`);
  process.exit(1);
}
console.log(`Every route within the budget of ${limitKb} KiB.`);
