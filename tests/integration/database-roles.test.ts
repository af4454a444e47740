import fs from "node:fs";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, test } from "vitest";
import { MIGRATIONS_DIR, readMigrations } from "@/lib/db/migrate";

// The app connects as a role that reads and writes rows and nothing else (lib/db/app-role.ts); the owner ran the
// migrations. Every statement that would change or empty the schema is refused to the app's role, and the
// append-only tables refuse TRUNCATE by trigger even to the owner.

let app: pg.Client;
let owner: pg.Client;

beforeAll(async () => {
  app = new pg.Client({ connectionString: inject("databaseUrl") });
  owner = new pg.Client({ connectionString: inject("ownerUrl") });
  await Promise.all([app.connect(), owner.connect()]);
});

afterAll(async () => {
  await Promise.all([app?.end(), owner?.end()]);
});

/** Runs `sql` in a transaction that is always rolled back (if a refusal were missing, nothing may be lost). */
async function attempt(client: pg.Client, sql: string): Promise<{ code?: string; message: string } | null> {
  await client.query("BEGIN");
  try {
    await client.query("SET LOCAL lock_timeout = '20s'");
    await client.query(sql);
    return null;
  } catch (error) {
    const { code, message } = error as { code?: string; message: string };
    return { code, message };
  } finally {
    await client.query("ROLLBACK");
  }
}

/** The tables of the append-only triggers in prisma/migrations: each refuses UPDATE and DELETE. */
function appendOnlyTables(): string[] {
  const tables = new Set<string>();
  for (const migration of readMigrations()) {
    for (const match of migration.sql.matchAll(
      /CREATE TRIGGER \w+ BEFORE UPDATE OR DELETE ON "(\w+)"\s+FOR EACH ROW[^;]*EXECUTE FUNCTION (\w*refuse\w*)\(\)/g,
    )) {
      tables.add(match[1]);
    }
  }
  return [...tables].sort();
}

describe("the app's database role", () => {
  test("is not a superuser and may not create databases or roles", async () => {
    const { rows } = await app.query<{
      rolsuper: boolean;
      rolcreatedb: boolean;
      rolcreaterole: boolean;
      rolbypassrls: boolean;
      user: string;
      owner: string;
    }>(
      `SELECT r.rolsuper, r.rolcreatedb, r.rolcreaterole, r.rolbypassrls, current_user AS user,
              (SELECT tableowner FROM pg_tables WHERE schemaname = 'public' AND tablename = 'Client') AS owner
         FROM pg_roles r WHERE r.rolname = current_user`,
    );
    expect(rows[0]).toMatchObject({ rolsuper: false, rolcreatedb: false, rolcreaterole: false, rolbypassrls: false });
    expect(rows[0].user).not.toBe(rows[0].owner);
  });

  test("may not TRUNCATE any table, its own schema's or pg-boss's", async () => {
    const { rows } = await owner.query<{ name: string }>(
      `SELECT format('%I.%I', schemaname, tablename) AS name FROM pg_tables WHERE schemaname IN ('public', 'pgboss') ORDER BY 1`,
    );
    expect(rows.length).toBeGreaterThan(40);
    const allowed: string[] = [];
    for (const { name } of rows) {
      const refused = await attempt(app, `TRUNCATE ${name}`);
      if (refused?.code !== "42501") allowed.push(`${name}: ${refused?.message ?? "truncated"}`);
    }
    expect(allowed).toEqual([]);
  });

  test.each([
    ["ALTER TABLE", `ALTER TABLE "Client" ADD COLUMN "probe" int`],
    ["ALTER TABLE (drop a trigger)", `ALTER TABLE "AuditLog" DISABLE TRIGGER audit_log_append_only`],
    ["DROP TABLE", `DROP TABLE "AuditLog"`],
    ["DROP TRIGGER", `DROP TRIGGER audit_log_append_only ON "AuditLog"`],
    ["CREATE TABLE", `CREATE TABLE "Probe" (id int)`],
    ["CREATE TABLE in pg-boss's schema", `CREATE TABLE pgboss.probe (id int)`],
    ["CREATE TEMP TABLE", `CREATE TEMP TABLE probe (id int)`],
    ["CREATE FUNCTION", `CREATE FUNCTION probe() RETURNS int LANGUAGE sql AS 'SELECT 1'`],
    ["DROP FUNCTION", `DROP FUNCTION refuse_change()`],
    ["reading Migrate's bookkeeping", `SELECT * FROM "_prisma_migrations"`],
  ])("may not run %s", async (_label, sql) => {
    const refused = await attempt(app, sql);
    expect(refused?.code, refused?.message ?? "it ran").toBe("42501");
  });

  test("reads and writes rows (the twin of the refusals)", async () => {
    const refused = await attempt(
      app,
      `WITH a AS (INSERT INTO "Agency" (id, name, slug, "updatedAt") VALUES (gen_random_uuid(), 'Role probe', 'role-probe-' || md5(random()::text), now()) RETURNING id)
       UPDATE "Agency" SET name = 'Role probe 2' WHERE id IN (SELECT id FROM a)`,
    );
    expect(refused).toBeNull();
  });
});

describe("the append-only tables refuse TRUNCATE by trigger", () => {
  const tables = appendOnlyTables();

  test("the append-only tables are found in the migrations", () => {
    expect(fs.existsSync(path.join(MIGRATIONS_DIR))).toBe(true);
    expect(tables).toEqual(
      expect.arrayContaining([
        "AuditLog",
        "CampaignBrief",
        "CampaignStatusChange",
        "ContentArtifact",
        "ContentReview",
        "FinancialRevision",
      ]),
    );
  });

  test.each(tables)("TRUNCATE %s ... CASCADE is refused even to the owner", async (table) => {
    const refused = await attempt(owner, `TRUNCATE "${table}" CASCADE`);
    expect(refused?.message ?? "truncated").toMatch(new RegExp(`^${table} is append-only: TRUNCATE is not allowed$`));
  });
});
