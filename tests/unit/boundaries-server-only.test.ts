import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";
import { describe, expect, it } from "vitest";

// The server-only boundary (issue 13, item 2), checked on the source so that it holds before a build runs:
// 1. what a client component reaches, following its imports through the repository, imports nothing
//    server-side (a browser bundle that reaches `server-only` fails `next build`; one that reaches the database
//    client or a secret without the marker would ship it);
// 2. every module of lib/ that opens the database, holds secrets or reads the session says so with
//    `import "server-only"`, so that (1) also fails at build time for what this walk cannot see;
// 3. components/ only renders: none of its modules loads data itself (imports the database, the session or a
//    server-only domain module); pages load through lib/domain and hand components the domain's view shapes.

const root = fileURLToPath(new URL("../..", import.meta.url));
const rel = (file: string) => path.relative(root, file).split(path.sep).join("/");

/** Packages and repository modules the browser must never load. */
const SERVER_PACKAGES = new Set([
  "server-only",
  "pg",
  "@prisma/adapter-pg",
  "next/headers",
  "next-auth",
  "next/cache",
  "crypto",
  "fs",
  "fs/promises",
  "node:crypto",
  "node:fs",
  "node:fs/promises",
]);
const SERVER_MODULES = [/^lib\/db\/client\.ts$/, /^lib\/db\/sql\.ts$/, /^lib\/generated\/prisma\/(client|internal\/)/];

/** What marks a module as server code when it imports it (a value import, not a type). */
const SERVER_MARKERS = [...SERVER_MODULES, /^lib\/crypto\//, /^lib\/auth\/session\.ts$/];

type Import = { specifier: string; file: string | null };

function walk(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === "generated" || entry.name === "node_modules" ? [] : walk(full);
    return /\.(ts|tsx|mts|mjs)$/.test(entry.name) && !entry.name.endsWith(".d.ts") ? [full] : [];
  });
}

function resolve(specifier: string, from: string): string | null {
  let base: string;
  if (specifier.startsWith("@/")) base = path.join(root, specifier.slice(2));
  else if (specifier.startsWith(".")) base = path.resolve(path.dirname(from), specifier);
  else return null;
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, `${base}.mjs`, `${base}/index.ts`, `${base}/index.tsx`]) {
    if (fs.existsSync(candidate) && fs.statSync(candidate).isFile()) return candidate;
  }
  throw new Error(`${rel(from)}: cannot resolve "${specifier}"`);
}

const parsed = new Map<string, { directives: string[]; imports: Import[] }>();

/** The module's leading directives ("use client", "use server") and its value imports (type-only ones are erased). */
function read(file: string) {
  const cached = parsed.get(file);
  if (cached) return cached;
  const source = ts.createSourceFile(file, fs.readFileSync(file, "utf8"), ts.ScriptTarget.Latest, true);
  const directives: string[] = [];
  for (const statement of source.statements) {
    if (!ts.isExpressionStatement(statement) || !ts.isStringLiteral(statement.expression)) break;
    directives.push(statement.expression.text);
  }
  const specifiers: string[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) {
      const clause = node.importClause;
      const typeOnly =
        clause?.isTypeOnly ||
        (clause &&
          !clause.name &&
          clause.namedBindings &&
          ts.isNamedImports(clause.namedBindings) &&
          clause.namedBindings.elements.length > 0 &&
          clause.namedBindings.elements.every((e) => e.isTypeOnly));
      if (!typeOnly) specifiers.push(node.moduleSpecifier.text);
    } else if (ts.isExportDeclaration(node) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
      if (!node.isTypeOnly) specifiers.push(node.moduleSpecifier.text);
    } else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) {
      const [argument] = node.arguments;
      if (argument && ts.isStringLiteral(argument)) specifiers.push(argument.text);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  const result = {
    directives,
    imports: specifiers.map((specifier) => ({ specifier, file: resolve(specifier, file) })),
  };
  parsed.set(file, result);
  return result;
}

function serverSideImport({ specifier, file }: Import, markers: RegExp[]): string | null {
  if (SERVER_PACKAGES.has(specifier)) return specifier;
  if (file && markers.some((pattern) => pattern.test(rel(file)))) return rel(file);
  return null;
}

const clientComponents = [...walk(path.join(root, "app")), ...walk(path.join(root, "components"))].filter((file) =>
  read(file).directives.includes("use client"),
);

describe("the server-only boundary", () => {
  it("finds the client components", () => {
    expect(clientComponents.length).toBeGreaterThan(10);
  });

  it("no client component reaches a server-side module through its imports", () => {
    const problems: string[] = [];
    for (const component of clientComponents) {
      // Breadth-first, remembering how each module was reached, to name the whole chain in the failure.
      const via = new Map<string, string | null>([[component, null]]);
      const queue = [component];
      while (queue.length) {
        const file = queue.shift()!;
        // A "use server" module reached from the client is a server action: the browser gets a reference to
        // call, never the module, so its own imports stay on the server.
        if (file !== component && read(file).directives.includes("use server")) continue;
        for (const imported of read(file).imports) {
          const bad = serverSideImport(imported, SERVER_MODULES);
          if (bad) {
            const chain: string[] = [];
            for (let at: string | null | undefined = file; at; at = via.get(at)) chain.unshift(rel(at));
            problems.push(`${chain.join(" -> ")} imports ${bad}`);
          }
          if (imported.file && !via.has(imported.file)) {
            via.set(imported.file, file);
            queue.push(imported.file);
          }
        }
      }
    }
    expect([...new Set(problems)]).toEqual([]);
  });

  it("every module of lib/ that opens the database, holds secrets or reads the session imports server-only", () => {
    // lib/db's tooling (embedded PostgreSQL, migrations, roles, seeds) runs in scripts and tests, never in the app.
    const tooling = /^lib\/db\/(?!client\.ts$|sql\.ts$)/;
    const unmarked = walk(path.join(root, "lib"))
      .filter((file) => !tooling.test(rel(file)))
      .filter((file) => {
        const { imports } = read(file);
        const serverSide = imports.some((imported) => serverSideImport(imported, SERVER_MARKERS));
        return serverSide && imports[0]?.specifier !== "server-only";
      })
      .map(rel);
    expect(unmarked).toEqual([]);
  });

  it("components/ only renders: no component imports the database, the session or a server-only domain module", () => {
    // Server components of other areas that still load their own data (issue 13): each moves its loading to
    // the page and leaves this list; the list only shrinks (an entry that no longer loads fails too).
    const stillLoading = new Set([
      "components/approvals/campaign-approvals-section.tsx",
      "components/campaigns/campaign-board.tsx",
      "components/campaigns/campaigns-list.tsx",
      "components/clients/clients-list.tsx",
      "components/influencers/influencers-table.tsx",
      "components/notifications/notification-bell.tsx",
      "components/shortlist/shortlist-section.tsx",
    ]);
    /** A value import that loads on the server: a server package, a server marker, or a server-only module that is not a server action. */
    const loads = (imported: Import): string | null => {
      const marker = serverSideImport(imported, SERVER_MARKERS);
      if (marker) return marker;
      if (!imported.file || !rel(imported.file).startsWith("lib/")) return null;
      const target = read(imported.file);
      if (target.directives.includes("use server")) return null;
      return target.imports[0]?.specifier === "server-only" ? rel(imported.file) : null;
    };
    const loading = new Map<string, string[]>();
    for (const file of walk(path.join(root, "components"))) {
      const found = read(file)
        .imports.map(loads)
        .filter((v): v is string => v !== null);
      if (found.length) loading.set(rel(file), found);
    }
    const unexpected = [...loading].filter(([file]) => !stillLoading.has(file)).map(([f, i]) => `${f} imports ${i}`);
    expect(unexpected).toEqual([]);
    expect([...stillLoading].filter((file) => !loading.has(file))).toEqual([]);
  });
});
