import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { runningClusterUrl, startEmbeddedPostgres } from "../lib/db/embedded";
import { prepareDatabase } from "../lib/db/prepare-database";

// What every local entry point (npm start, npm run dev, npm run db:seed) needs before the app runs:
// secrets generated once into .data/ (never committed), and a database: DATABASE_URL when set, else the
// embedded PostgreSQL with its files under .data/pg (joined when another process runs it, else started).
// Migrations are applied either way, as the owner (the role of DATABASE_URL); the app itself connects as
// DATABASE_APP_URL, a role without DDL rights (lib/db/app-role.ts): given, or the role `tikit_app` created here
// with a password kept in .data/secrets.json.

export const DATA_DIR = path.resolve(process.env.TIKIT_DATA_DIR ?? ".data");

function ensureSecrets() {
  const file = path.join(DATA_DIR, "secrets.json");
  fs.mkdirSync(DATA_DIR, { recursive: true });
  let secrets: Record<string, string> = {};
  if (fs.existsSync(file)) secrets = JSON.parse(fs.readFileSync(file, "utf8"));
  let changed = false;
  if (!secrets.AUTH_SECRET) {
    secrets.AUTH_SECRET = crypto.randomBytes(32).toString("base64");
    changed = true;
  }
  if (!secrets.ENCRYPTION_KEY) {
    secrets.ENCRYPTION_KEY = crypto.randomBytes(32).toString("base64");
    changed = true;
  }
  if (!secrets.DATABASE_APP_PASSWORD) {
    secrets.DATABASE_APP_PASSWORD = crypto.randomBytes(24).toString("base64url");
    changed = true;
  }
  if (changed) fs.writeFileSync(file, JSON.stringify(secrets, null, 2), { mode: 0o600 });
  process.env.AUTH_SECRET ??= secrets.AUTH_SECRET;
  if (!process.env.ENCRYPTION_KEYS) process.env.ENCRYPTION_KEY ??= secrets.ENCRYPTION_KEY;
  return secrets;
}

export async function loadLocalEnv(options: { log?: (line: string) => void } = {}) {
  const log = options.log ?? (() => {});
  const secrets = ensureSecrets();
  let stop = async () => {};
  let embedded = false;
  let joined = false;
  if (!process.env.DATABASE_URL) {
    const dataDir = path.join(DATA_DIR, "pg");
    const shown = path.relative(process.cwd(), DATA_DIR);
    const where = `data in ${shown.startsWith("..") ? DATA_DIR : shown}/pg`;
    // A second process next to a running `npm start` (npm run worker, a seed) joins its database; the process
    // that started it stops it, this one never does.
    const running = await runningClusterUrl(dataDir, "tikit");
    if (running) {
      process.env.DATABASE_URL = running;
      joined = true;
      log(
        `Joined the embedded PostgreSQL already running on port ${new URL(running).port} (${where}); it keeps running when this stops`,
      );
    } else {
      const started = Date.now();
      const db = await startEmbeddedPostgres({
        dataDir,
        database: "tikit",
        port: Number(process.env.TIKIT_PG_PORT ?? 54329),
      });
      process.env.DATABASE_URL = db.url;
      stop = db.stop;
      embedded = true;
      log(`Embedded PostgreSQL on port ${db.port} (${where}), up in ${Date.now() - started} ms`);
    }
  }
  try {
    const { appUrl, applied } = await prepareDatabase(process.env.DATABASE_URL!, {
      appUrl: process.env.DATABASE_APP_URL || undefined,
      appPassword: secrets.DATABASE_APP_PASSWORD,
      log,
    });
    process.env.DATABASE_APP_URL = appUrl;
    if (applied.length === 0) log("Database schema is up to date");
  } catch (error) {
    await stop();
    throw error;
  }
  return { url: process.env.DATABASE_URL!, appUrl: process.env.DATABASE_APP_URL!, embedded, joined, stop };
}
