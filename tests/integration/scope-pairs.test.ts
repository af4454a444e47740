import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { loadUserContext, type AuthContext } from "@/lib/auth/context";
import { ALL_PERMISSIONS } from "@/lib/auth/permissions";
import { db } from "@/lib/db/client";
import { demoEmail, seed } from "@/scripts/seed/demo/seed";
import { addressedToCaller, addressedToCallerBranches, addressedToCallerSql } from "@/lib/domain/approvals/scope";
import { campaignScope, campaignScopeSql } from "@/lib/domain/campaigns/scope";
import { taskScope, taskScopeSql } from "@/lib/domain/content/scope";
import { AppError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import { setTempDataDir } from "../setup/content-fixtures";
import { createScratchDatabase, useDatabase } from "../setup/scratch-database";

// Issue 13, item 3: a scope rule that also exists as SQL for the hand-written hot reads (lib/db/sql.ts) sits
// beside its Prisma form in its area's scope.ts, and here both forms must select the same rows for every demo
// user of both demo agencies on the seeded data. A role the rule refuses must be refused by both forms.

// Every rule with a SQL twin: lib/domain/<area>/scope.ts, the Prisma form, its SQL form.
const PAIRS = [
  { area: "campaigns", prisma: "campaignScope", sql: "campaignScopeSql" },
  { area: "content", prisma: "taskScope", sql: "taskScopeSql" },
  { area: "approvals", prisma: "addressedToCaller", sql: "addressedToCallerSql" },
  // The same rule as disjoint branches, each walking the finance queue's index (lib/domain/finance/list-finance-queue.ts).
  { area: "approvals", prisma: "addressedToCaller", sql: "addressedToCallerBranches" },
] as const;

// The rules with a Prisma form only: no hand-written statement uses them. Giving one a SQL form means adding
// its pair above (and its comparison below).
const PRISMA_ONLY = ["approvalScope", "artifactScope", "clientScope", "financeScope", "influencerScope"];

const AGENCIES = ["northwind", "blueharbor"] as const;
const ROLES = ["cm", "dir", "fin", "admin", "client", "creator"] as const;

const DOMAIN = path.join(process.cwd(), "lib/domain");

describe("scope pairs: where the rules live", () => {
  test("every SQL form of a rule is in an area's scope.ts and listed here with its Prisma form", async () => {
    const exported: Record<string, string[]> = {};
    for (const area of fs.readdirSync(DOMAIN)) {
      const file = path.join(DOMAIN, area, "scope.ts");
      if (fs.existsSync(file)) exported[area] = Object.keys(await import(/* @vite-ignore */ file));
    }
    const sqlForms = Object.entries(exported).flatMap(([area, names]) =>
      names.filter((n) => /(Sql|Branches)$/.test(n)).map((n) => `${area}:${n}`),
    );
    expect(sqlForms.sort()).toEqual(PAIRS.map((p) => `${p.area}:${p.sql}`).sort());
    for (const pair of PAIRS) expect(exported[pair.area], `${pair.area}/scope.ts`).toContain(pair.prisma);
    const rules = Object.values(exported).flatMap((names) => names.filter((n) => /Scope$|^addressedToCaller$/.test(n)));
    expect(rules.sort()).toEqual([...new Set([...PAIRS.map((p) => p.prisma), ...PRISMA_ONLY])].sort());
    // No scope condition written as SQL outside a scope.ts (the finance queue once had its own copy).
    const outside: string[] = [];
    const walk = (dir: string) => {
      for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
        const full = path.join(dir, entry.name);
        if (entry.isDirectory()) walk(full);
        else if (
          entry.name.endsWith(".ts") &&
          entry.name !== "scope.ts" &&
          /export (async )?function \w*(ScopeSql|Caller\w*)\(/.test(fs.readFileSync(full, "utf8"))
        )
          outside.push(full);
      }
    };
    walk(DOMAIN);
    expect(outside).toEqual([]);
  });
});

setTempDataDir("scope-pairs");

let dropDatabase: (() => Promise<void>) | undefined;
let restoreDatabase: (() => Promise<void>) | undefined;

beforeAll(async () => {
  const scratch = await createScratchDatabase("tikit_scopes");
  dropDatabase = scratch.drop;
  // The demo seed's fixed names need a database of their own; the domain functions and `db` read it.
  restoreDatabase = await useDatabase(scratch.url);
  await seed(db);
}, 180_000);

afterAll(async () => {
  await restoreDatabase?.();
  await dropDatabase?.();
});

type Outcome = string[] | `throws ${string}`;

/** The sorted ids a form selects, or the code of the AppError it refuses with. */
async function outcome(run: () => Promise<{ id: string }[]>): Promise<Outcome> {
  try {
    return (await run()).map((r) => r.id).sort();
  } catch (error) {
    if (error instanceof AppError) return `throws ${error.code}`;
    throw error;
  }
}

const ids = (statement: Prisma.Sql) => db.$queryRaw<{ id: string }[]>(statement);

/** Both forms of each pair for one caller: [label, Prisma outcome, SQL outcome]. */
async function comparisons(
  ctx: AuthContext,
): Promise<{ pair: string; label: string; prisma: Outcome; sql: Outcome }[]> {
  const out: { pair: string; label: string; prisma: Outcome; sql: Outcome }[] = [];
  const add = async (
    pair: string,
    label: string,
    prisma: () => Promise<{ id: string }[]>,
    sql: () => Promise<{ id: string }[]>,
  ) => {
    out.push({ pair, label, prisma: await outcome(prisma), sql: await outcome(sql) });
  };
  // The campaign scope takes the permission it scopes: every one of them (most refuse some role).
  for (const permission of ALL_PERMISSIONS) {
    await add(
      "campaignScopeSql",
      permission,
      () => db.campaign.findMany({ where: campaignScope(ctx, permission), select: { id: true } }),
      () => ids(Prisma.sql`SELECT id FROM "Campaign" c WHERE ${campaignScopeSql(ctx, permission, "c")}`),
    );
  }
  await add(
    "taskScopeSql",
    "",
    async () => db.contentTask.findMany({ where: await taskScope(ctx), select: { id: true } }),
    () => ids(Prisma.sql`SELECT id FROM "ContentTask" t WHERE ${taskScopeSql(ctx, Prisma.sql`t`)}`),
  );
  const addressed = () => db.approvalItem.findMany({ where: addressedToCaller(ctx), select: { id: true } });
  await add("addressedToCallerSql", "", addressed, () =>
    ids(Prisma.sql`SELECT id FROM "ApprovalItem" a WHERE ${addressedToCallerSql(ctx, Prisma.sql`a`)}`),
  );
  // The finance queue puts the tenant beside the branches.
  await add("addressedToCallerBranches", "", addressed, () =>
    ids(
      Prisma.sql`SELECT id FROM "ApprovalItem" a WHERE a."agencyId" = ${ctx.agencyId}::uuid AND (${Prisma.join(addressedToCallerBranches(ctx), " OR ")})`,
    ),
  );
  return out;
}

// Seeding both agencies takes ~15 s alone and more on a busy machine; the comparisons are a few hundred reads.
describe("scope pairs: both forms select the same rows", { timeout: 180_000 }, () => {
  test("for every demo user of both agencies, every pair returns the same ids or refuses in both forms", async () => {
    // Who got rows from each pair (role keys, both agencies together), and which pairs refused someone.
    const withRows = new Map<string, Set<string>>(PAIRS.map((p) => [p.sql, new Set<string>()]));
    const refused = new Set<string>();
    for (const agency of AGENCIES) {
      for (const role of ROLES) {
        const user = await db.user.findUniqueOrThrow({
          where: { email: demoEmail(agency, role) },
          select: { id: true },
        });
        const ctx = await loadUserContext(user.id);
        expect(ctx, `${role}@${agency}`).not.toBeNull();
        for (const c of await comparisons(ctx!)) {
          expect(c.sql, `${c.pair} ${c.label} for ${role}@${agency}`).toEqual(c.prisma);
          if (Array.isArray(c.sql) && c.sql.length) withRows.get(c.pair)!.add(role);
          if (!Array.isArray(c.sql)) refused.add(c.pair);
        }
      }
    }
    // The comparisons are not between empty sets: on the seed each branch of each rule selects rows for someone
    // (staff by campaign, a creator by profile, a client user by what was sent to them; addressed by name or role).
    expect([...withRows.get("campaignScopeSql")!]).toEqual(expect.arrayContaining(["cm", "dir", "fin", "client"]));
    expect([...withRows.get("taskScopeSql")!]).toEqual(expect.arrayContaining(["cm", "dir", "client", "creator"]));
    expect([...withRows.get("addressedToCallerSql")!]).toEqual(expect.arrayContaining(["cm", "dir", "fin", "client"]));
    expect([...withRows.get("addressedToCallerBranches")!]).toEqual(
      expect.arrayContaining(["cm", "dir", "fin", "client"]),
    );
    // And refusals were compared too (a role without the permission, a role that may not read content).
    expect([...refused].sort()).toEqual(["campaignScopeSql", "taskScopeSql"]);
  });
});
