import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { CONTROL_CHARACTER_MESSAGE } from "@/lib/domain/text";

// Issue 12, items 2 and 3, on the schemas themselves (what server actions validate with; the JSON routes also
// pass through readJson, tests/api/control-characters.test.ts). Every zod schema exported by lib/domain is
// walked field by field: every text field refuses a control character, naming itself; no body schema coerces,
// so a boolean (or a string of digits) where a number is expected is refused. Query schemas read URL
// parameters, which are text: they alone may coerce, and are named below.

const QUERY_SCHEMAS = new Set([
  "admin.auditQuerySchema",
  "approvals.listQueueSchema",
  "campaigns.listCampaignsSchema",
  "campaigns.boardFiltersSchema",
  "clients.listClientsSchema",
  "content.listTasksSchema",
  "content/list-creator-tasks.listCreatorTasksSchema",
  "finance.listFinancialObjectsSchema",
  "finance.queueFiltersSchema",
  "finance.compareSchema",
  "influencers.searchInfluencersSchema",
  "notifications/list-notifications.listNotificationsSchema",
]);

function domainFiles(dir = "lib/domain", found: string[] = []): string[] {
  for (const entry of fs.readdirSync(path.join(process.cwd(), dir), { withFileTypes: true })) {
    const relative = `${dir}/${entry.name}`;
    if (entry.isDirectory()) domainFiles(relative, found);
    else if (
      relative.endsWith(".ts") &&
      /^export const \w+Schema\b/m.test(fs.readFileSync(path.join(process.cwd(), relative), "utf8"))
    )
      found.push(relative);
  }
  return found.sort();
}

/** "lib/domain/clients/schemas.ts" → "clients", "lib/domain/content/list-creator-tasks.ts" → "content/list-creator-tasks". */
const areaOf = (file: string) =>
  file
    .replace(/^lib\/domain\//, "")
    .replace(/\/schemas\.ts$/, "")
    .replace(/\.ts$/, "");

async function exportedSchemas(): Promise<{ name: string; schema: z.ZodType }[]> {
  const found: { name: string; schema: z.ZodType }[] = [];
  for (const file of domainFiles()) {
    const mod = (await import(/* @vite-ignore */ path.join(process.cwd(), file))) as Record<string, unknown>;
    for (const [name, value] of Object.entries(mod))
      if (value instanceof z.ZodType) found.push({ name: `${areaOf(file)}.${name}`, schema: value });
  }
  return found;
}

type Leaf = { path: (string | number)[]; kind: "string" | "number" | "date"; format?: string; coerce: boolean };
type Def = { type: string; [key: string]: unknown };

/** The input leaves of a schema (strings, numbers, dates) with the path at which each is read. */
function leaves(schema: z.ZodType, at: (string | number)[] = [], found: Leaf[] = []): Leaf[] {
  const def = (schema as unknown as { _zod: { def: Def } })._zod.def;
  const inner = (key: string) => def[key] as z.ZodType;
  switch (def.type) {
    case "object":
      for (const [key, field] of Object.entries(def.shape as Record<string, z.ZodType>))
        leaves(field, [...at, key], found);
      break;
    case "optional":
    case "nullable":
    case "default":
    case "prefault":
    case "nonoptional":
    case "readonly":
    case "catch":
      leaves(inner("innerType"), at, found);
      break;
    case "pipe":
      leaves(inner("in"), at, found);
      break;
    case "union":
      for (const option of def.options as z.ZodType[]) leaves(option, at, found);
      break;
    case "intersection":
      leaves(inner("left"), at, found);
      leaves(inner("right"), at, found);
      break;
    case "array":
      leaves(inner("element"), [...at, 0], found);
      break;
    case "record":
      leaves(inner("valueType"), [...at, "key"], found);
      break;
    case "string":
      found.push({ path: at, kind: "string", format: def.format as string | undefined, coerce: Boolean(def.coerce) });
      break;
    case "number":
    case "date":
      found.push({ path: at, kind: def.type, coerce: Boolean(def.coerce) });
      break;
  }
  return found;
}

/** A value with `value` at `at` (objects and arrays built on the way). */
function placed(at: (string | number)[], value: unknown): unknown {
  if (!at.length) return value;
  const [head, ...rest] = at;
  return typeof head === "number" ? [placed(rest, value)] : { [head]: placed(rest, value) };
}

type Issue = { path: PropertyKey[]; message: string; code: string; errors?: Issue[][] };

/** The messages of every issue at exactly `at`, looking into the failed options of a union. */
function messagesAt(issues: Issue[], at: (string | number)[], prefix: PropertyKey[] = []): string[] {
  const key = at.join(".");
  const messages: string[] = [];
  for (const issue of issues) {
    const full = [...prefix, ...issue.path];
    if (full.join(".") === key) messages.push(issue.message);
    for (const option of issue.errors ?? []) messages.push(...messagesAt(option, at, full));
  }
  return messages;
}

const schemas = await exportedSchemas();
const bodySchemas = schemas.filter((s) => !QUERY_SCHEMAS.has(s.name));

describe("the domain's input schemas", () => {
  it("are found, and the query schemas named here exist", () => {
    expect(bodySchemas.length).toBeGreaterThan(40);
    const names = schemas.map((s) => s.name);
    expect([...QUERY_SCHEMAS].filter((name) => !names.includes(name))).toEqual([]);
    const all = schemas.flatMap((s) => leaves(s.schema));
    expect(all.filter((l) => l.kind === "string").length).toBeGreaterThan(150);
    expect(all.filter((l) => l.kind === "number").length).toBeGreaterThan(20);
  });

  it.each(schemas.map((s) => [s.name, s.schema] as const))(
    "%s: every text field refuses a control character, naming itself",
    (_name, schema) => {
      for (const leaf of leaves(schema).filter((l) => l.kind === "string")) {
        const poisoned = leaf.format === "url" ? "https://tikit.test/a\u0000b" : "nul\u0000byte";
        const result = schema.safeParse(placed(leaf.path, poisoned));
        expect(result.success, `${leaf.path.join(".")} accepted a NUL`).toBe(false);
        const messages = messagesAt((result.error?.issues ?? []) as Issue[], leaf.path);
        expect(messages.length, `${leaf.path.join(".")} is not named`).toBeGreaterThan(0);
        if (!leaf.format) expect(messages, leaf.path.join(".")).toContain(CONTROL_CHARACTER_MESSAGE);
        // Tab and line breaks are text.
        if (!leaf.format)
          expect(
            messagesAt((schema.safeParse(placed(leaf.path, "a\tb\r\nc")).error?.issues ?? []) as Issue[], leaf.path),
          ).not.toContain(CONTROL_CHARACTER_MESSAGE);
      }
    },
  );

  it.each(bodySchemas.map((s) => [s.name, s.schema] as const))(
    "%s: no coercion; a boolean, or digits as text, is not a number",
    (_name, schema) => {
      const found = leaves(schema);
      for (const leaf of found.filter((l) => l.kind !== "string")) {
        const at = leaf.path.join(".");
        expect(leaf.coerce, `${at} coerces`).toBe(false);
        expect(
          messagesAt((schema.safeParse(placed(leaf.path, true)).error?.issues ?? []) as Issue[], leaf.path).length,
          `${at} took true`,
        ).toBeGreaterThan(0);
        // A field that takes text as well (money as a decimal string, "" for none) may take digits as text.
        const takesText = found.some((other) => other.kind === "string" && other.path.join(".") === at);
        if (!takesText)
          expect(
            messagesAt((schema.safeParse(placed(leaf.path, "7")).error?.issues ?? []) as Issue[], leaf.path).length,
            `${at} took "7"`,
          ).toBeGreaterThan(0);
      }
    },
  );
});
