import fs from "node:fs";
import path from "node:path";
import { describe, expect, test } from "vitest";

// Seeds and fixtures are tooling (scripts/seed/), not the runtime library: the app never loads them, lib/db keeps
// only what runs in production, and the seed modules form no import circle (issue 13, item 4). Read from the
// sources, so a new import that breaks a rule fails here rather than in a reviewer's eye.

const root = path.resolve(__dirname, "../..");
const SOURCE = /\.(ts|tsx|mts|mjs)$/;

// The one module of scripts/ the app may import: the server entry's dependency-free constants (body limits, the
// client-address header), shared with scripts/server.mjs, which runs on plain Node before any build.
const APP_MAY_IMPORT = new Set(["scripts/server-edge.mjs"]);

function filesUnder(dir: string): string[] {
  const full = path.join(root, dir);
  if (!fs.existsSync(full)) return [];
  if (fs.statSync(full).isFile()) return [dir];
  return fs.readdirSync(full, { withFileTypes: true }).flatMap((entry) => {
    const rel = `${dir}/${entry.name}`;
    if (entry.isDirectory()) return rel === "lib/generated" || entry.name === "node_modules" ? [] : filesUnder(rel);
    return SOURCE.test(entry.name) && !entry.name.endsWith(".d.ts") ? [rel] : [];
  });
}

// Static imports and re-exports (over several lines too), side-effect imports and dynamic import("…").
const IMPORT =
  /(?:^|[\s;])(?:import|export)\s[^'"`;]*?from\s*["']([^"']+)["']|(?:^|[\s;])import\s*["']([^"']+)["']|import\(\s*["']([^"']+)["']\s*\)/g;

/** The repository paths a file imports (packages left out), resolved as the bundler and tsx resolve them. */
function importsOf(file: string): string[] {
  const text = fs.readFileSync(path.join(root, file), "utf8");
  const found: string[] = [];
  for (const match of text.matchAll(IMPORT)) {
    const spec = match[1] ?? match[2] ?? match[3];
    let base: string;
    if (spec.startsWith("@/")) base = spec.slice(2);
    else if (spec.startsWith(".")) base = path.posix.join(path.posix.dirname(file), spec);
    else continue;
    const candidates = [
      base,
      `${base}.ts`,
      `${base}.tsx`,
      `${base}.mts`,
      `${base}.mjs`,
      `${base}/index.ts`,
      `${base}/index.tsx`,
    ];
    const resolved = candidates.find(
      (c) => fs.existsSync(path.join(root, c)) && fs.statSync(path.join(root, c)).isFile(),
    );
    found.push(resolved ?? base);
  }
  return found;
}

/** Every import circle among the given files, each as the path that closes it. */
function cyclesAmong(files: string[]): string[][] {
  const inside = new Set(files);
  const edges = new Map(files.map((f) => [f, importsOf(f).filter((to) => inside.has(to))]));
  const state = new Map<string, "open" | "done">();
  const cycles: string[][] = [];
  const visit = (file: string, trail: string[]) => {
    state.set(file, "open");
    for (const to of edges.get(file) ?? []) {
      if (state.get(to) === "open") cycles.push([...trail.slice(trail.indexOf(to)), file, to]);
      else if (!state.has(to)) visit(to, [...trail, file]);
    }
    state.set(file, "done");
  };
  for (const file of files) if (!state.has(file)) visit(file, []);
  return cycles;
}

describe("seed and fixture boundaries", () => {
  test("nothing the app bundles imports from scripts/ (bar the server entry's shared constants)", () => {
    const appFiles = ["app", "components", "lib", "pages", "proxy.ts"].flatMap(filesUnder);
    expect(appFiles.length).toBeGreaterThan(100);
    const offending = appFiles.flatMap((file) =>
      importsOf(file)
        .filter((to) => to.startsWith("scripts/") && !APP_MAY_IMPORT.has(to))
        .map((to) => `${file} → ${to}`),
    );
    expect(offending).toEqual([]);
  });

  test("lib/db holds no seeds or fixtures", () => {
    const tooling = filesUnder("lib/db").filter((file) => /seed|fixture/i.test(path.basename(file)));
    expect(tooling).toEqual([]);
  });

  test("the seed modules and lib/db form no import circle", () => {
    const files = [...filesUnder("scripts/seed"), ...filesUnder("lib/db")];
    expect(files.length).toBeGreaterThan(10);
    expect(cyclesAmong(files)).toEqual([]);
  });
});
