import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";
import { describe, expect, it } from "vitest";

// The first-load JavaScript budget (issue 14, `npm run bench:js`), checked on the source so that it holds before a
// build runs: no client component reaches zod through its static imports. The forms validate with the shared
// schemas all the same, loaded with import() after the page (components/forms/use-action-form.ts), and the server
// actions validate again.

const root = fileURLToPath(new URL("../..", import.meta.url));
const rel = (file: string) => path.relative(root, file).split(path.sep).join("/");

/** Packages too big for every page's first load: only a dynamic import() may reach them from a client component. */
const LAZY_PACKAGES = new Set(["zod"]);

function walk(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === "generated" || entry.name === "node_modules" ? [] : walk(full);
    return /\.(ts|tsx)$/.test(entry.name) && !entry.name.endsWith(".d.ts") ? [full] : [];
  });
}

function resolve(specifier: string, from: string): string | null {
  let base: string;
  if (specifier.startsWith("@/")) base = path.join(root, specifier.slice(2));
  else if (specifier.startsWith(".")) base = path.resolve(path.dirname(from), specifier);
  else return null;
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, `${base}/index.ts`, `${base}/index.tsx`])
    if (fs.existsSync(candidate) && fs.statSync(candidate).isFile()) return candidate;
  return null;
}

/** The module's directives and the specifiers of its static value imports and re-exports (not import(), not types). */
function read(file: string) {
  const source = ts.createSourceFile(file, fs.readFileSync(file, "utf8"), ts.ScriptTarget.Latest, true);
  const directives: string[] = [];
  for (const statement of source.statements) {
    if (!ts.isExpressionStatement(statement) || !ts.isStringLiteral(statement.expression)) break;
    directives.push(statement.expression.text);
  }
  const imports: string[] = [];
  for (const node of source.statements) {
    if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) {
      const clause = node.importClause;
      const named = clause?.namedBindings;
      const typeOnly =
        clause?.isTypeOnly ||
        (clause && !clause.name && named && ts.isNamedImports(named) && named.elements.every((e) => e.isTypeOnly));
      if (!typeOnly || !clause) imports.push(node.moduleSpecifier.text);
    } else if (ts.isExportDeclaration(node) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
      if (!node.isTypeOnly) imports.push(node.moduleSpecifier.text);
    }
  }
  return { directives, imports };
}

/** Chains from a client component to a lazy package through static imports ("a.tsx -> b.ts imports zod"). */
function staticReach(component: string): string[] {
  const via = new Map<string, string | null>([[component, null]]);
  const queue = [component];
  const found: string[] = [];
  while (queue.length) {
    const file = queue.shift()!;
    const { directives, imports } = read(file);
    // A server action reached from the client stays on the server; the browser gets a reference to call.
    if (file !== component && directives.includes("use server")) continue;
    for (const specifier of imports) {
      if (LAZY_PACKAGES.has(specifier)) {
        const chain: string[] = [];
        for (let at: string | null | undefined = file; at; at = via.get(at)) chain.unshift(rel(at));
        found.push(`${chain.join(" -> ")} imports ${specifier}`);
      }
      const target = resolve(specifier, file);
      if (target && !via.has(target)) {
        via.set(target, file);
        queue.push(target);
      }
    }
  }
  return found;
}

const clientComponents = [...walk(path.join(root, "app")), ...walk(path.join(root, "components"))].filter((file) =>
  read(file).directives.includes("use client"),
);

describe("the client components' first load", () => {
  it("finds the client components", () => {
    expect(clientComponents.length).toBeGreaterThan(10);
  });

  it("reaches zod only through import(), never through a static import", () => {
    expect([...new Set(clientComponents.flatMap(staticReach))]).toEqual([]);
  });
});
