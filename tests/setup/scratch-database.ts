import crypto from "node:crypto";
import pg from "pg";
import { inject } from "vitest";
import { closeDb } from "@/lib/db/client";
import { migrate } from "@/lib/db/migrate";

// A migrated database of a test file's own on the run's server, for tests whose data must not meet the other
// files' (the demo seed's fixed names, workers that sweep every agency). Created as the owner; dropped by `drop`.

async function adminQuery(sql: string) {
  const client = new pg.Client({ connectionString: inject("adminUrl") });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

export async function createScratchDatabase(
  prefix: string,
): Promise<{ name: string; url: string; drop: () => Promise<void> }> {
  const name = `${prefix}_${crypto.randomBytes(6).toString("hex")}`;
  await adminQuery(`CREATE DATABASE "${name}"`);
  const parsed = new URL(inject("adminUrl"));
  parsed.pathname = `/${name}`;
  const url = parsed.toString();
  await migrate(url);
  return { name, url, drop: () => adminQuery(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`) };
}

/**
 * Points this process's `db` and domain functions (DATABASE_URL and DATABASE_APP_URL) at `url`, with fresh
 * connections; the returned function closes them and restores the run's database.
 */
export async function useDatabase(url: string): Promise<() => Promise<void>> {
  const previous = { url: process.env.DATABASE_URL, appUrl: process.env.DATABASE_APP_URL };
  await closeDb();
  process.env.DATABASE_URL = process.env.DATABASE_APP_URL = url;
  return async () => {
    await closeDb();
    process.env.DATABASE_URL = previous.url;
    process.env.DATABASE_APP_URL = previous.appUrl;
  };
}
