import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

// Imports run downward (app → components → lib/actions → lib/domain → lib/db): a route folder may import
// anything, nothing outside app/ imports from it. Server actions live in lib/actions/<area>.ts, so a page's
// form and a component shared by two portals reach the same file without climbing into another route.

const root = process.cwd();
const OUTSIDE_APP = ["lib", "components", "pages", "scripts", "tests", "e2e"];
const SKIP = new Set(["node_modules", ".next", "generated"]);

function walk(dir: string, found: string[] = []): string[] {
  if (!fs.existsSync(dir)) return found;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (SKIP.has(entry.name)) continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) walk(full, found);
    else if (/\.(ts|tsx|mts|mjs|js)$/.test(entry.name)) found.push(full);
  }
  return found;
}

const rootFiles = () =>
  fs.readdirSync(root).filter((name) => /\.(ts|mts|mjs|js)$/.test(name) && !name.endsWith(".d.ts"));

// Static and dynamic imports, re-exports, side-effect imports and vi.mock targets.
const SPECIFIER = /(?:\bfrom\s*|\bimport\s*\(\s*|\bimport\s+|\bvi\.mock\(\s*|\brequire\(\s*)["']([^"']+)["']/g;

/** Where a specifier lands, relative to the repository root (null for a package). */
function resolved(file: string, specifier: string): string | null {
  if (specifier.startsWith("@/")) return specifier.slice(2);
  if (specifier.startsWith("."))
    return path
      .relative(root, path.resolve(path.dirname(file), specifier))
      .split(path.sep)
      .join("/");
  return null;
}

function upwardImports(): string[] {
  const files = [
    ...OUTSIDE_APP.flatMap((dir) => walk(path.join(root, dir))),
    ...rootFiles().map((name) => path.join(root, name)),
  ];
  const found: string[] = [];
  for (const file of files) {
    for (const match of fs.readFileSync(file, "utf8").matchAll(SPECIFIER)) {
      const target = resolved(file, match[1]);
      if (target === "app" || target?.startsWith("app/")) found.push(`${path.relative(root, file)} → ${match[1]}`);
    }
  }
  return found.sort();
}

describe("module boundaries", () => {
  it("nothing outside app/ imports from app/", () => {
    expect(upwardImports()).toEqual([]);
  });

  it("route folders hold no server actions (they live in lib/actions/)", () => {
    const actionFiles = walk(path.join(root, "app"))
      .filter((file) => /^\s*["']use server["']/.test(fs.readFileSync(file, "utf8")))
      .map((file) => path.relative(root, file));
    expect(actionFiles).toEqual([]);
  });
});
