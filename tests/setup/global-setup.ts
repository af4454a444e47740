import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import type { TestProject } from "vitest/node";
import { startEmbeddedPostgres } from "@/lib/db/embedded";
import { prepareDatabase } from "@/lib/db/prepare-database";
import { startS3Server } from "./s3-server";

// Runs once per `vitest run`, before any worker starts. With DATABASE_URL set, the tests get a fresh
// database inside that server (dropped at the end); without it, a throwaway embedded PostgreSQL on a port
// from 56000 up (the demo database of `npm start` lives on 54329 and is never touched).

declare module "vitest" {
  export interface ProvidedContext {
    /**
     * The migrated database the test files share (each file creates its own agency), as the app's role (no DDL,
     * no TRUNCATE), like the web server: a missing grant fails the tests.
     */
    databaseUrl: string;
    /** The same database as its owner (who ran the migrations), for the tests that need owner rights. */
    ownerUrl: string;
    /** A database on the same server from which tests may create further databases (the seed test). */
    adminUrl: string;
    encryptionKey: string;
    authSecret: string;
  }
}

function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

async function adminQuery(url: string, sql: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/**
 * Several runs may start at once in one checkout (two engineers, or unit and e2e runs): each starts from a
 * random port at or above 56000, and a start that loses the race for its port is retried on another.
 */
async function startEmbedded(folder: string) {
  let lastError: unknown;
  for (let attempt = 1; attempt <= 3; attempt++) {
    const dataDir = path.join(folder, `pg-${attempt}`);
    try {
      return await startEmbeddedPostgres({
        dataDir,
        database: "tikit_test",
        port: 56000 + crypto.randomInt(0, 1800),
        ephemeral: true,
      });
    } catch (error) {
      lastError = error;
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  }
  fs.rmSync(folder, { recursive: true, force: true });
  throw lastError;
}

export default async function setup(project: TestProject) {
  const started = Date.now();
  const given = process.env.DATABASE_URL;
  let ownerUrl: string;
  let adminUrl: string;
  let stop: () => Promise<void>;
  // On a shared server (DATABASE_URL) each run has a role of its own, dropped with its database.
  const appRole = given ? `tikit_app_${crypto.randomBytes(6).toString("hex")}` : "tikit_app";

  if (given) {
    const name = `tikit_test_${crypto.randomBytes(6).toString("hex")}`;
    await adminQuery(given, `CREATE DATABASE "${name}"`);
    ownerUrl = withDatabase(given, name);
    adminUrl = given;
    stop = async () => {
      await adminQuery(given, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await adminQuery(given, `DROP ROLE IF EXISTS "${appRole}"`);
    };
  } else {
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), "tikit-test-"));
    const embedded = await startEmbedded(folder);
    ownerUrl = embedded.url;
    adminUrl = withDatabase(embedded.url, "postgres");
    stop = async () => {
      await embedded.stop();
      fs.rmSync(folder, { recursive: true, force: true });
    };
  }

  let databaseUrl: string;
  try {
    ({ appUrl: databaseUrl } = await prepareDatabase(ownerUrl, {
      appRole,
      appPassword: crypto.randomBytes(18).toString("base64url"),
    }));
  } catch (error) {
    await stop();
    throw error;
  }

  const encryptionKey = crypto.randomBytes(32).toString("base64");
  const authSecret = crypto.randomBytes(32).toString("base64");
  // Workers are forked after this runs, so they inherit these too; tests/setup/env.ts sets them again from
  // inject() so that nothing depends on that.
  process.env.DATABASE_URL = databaseUrl;
  process.env.ENCRYPTION_KEY = encryptionKey;
  process.env.AUTH_SECRET = authSecret;
  project.provide("databaseUrl", databaseUrl);
  project.provide("ownerUrl", ownerUrl);
  project.provide("adminUrl", adminUrl);
  project.provide("encryptionKey", encryptionKey);
  project.provide("authSecret", authSecret);
  console.log(
    `[tests] PostgreSQL ready and migrated in ${Date.now() - started} ms (${given ? "DATABASE_URL" : "embedded"})`,
  );

  // TIKIT_STORAGE=s3 runs the file tests with the S3 driver: against the bucket given by S3_* variables, or
  // without S3_BUCKET against a local S3-compatible server (s3rver) started here. Workers inherit the variables.
  let s3: Awaited<ReturnType<typeof startS3Server>> | null = null;
  if (process.env.TIKIT_STORAGE === "s3" && !process.env.S3_BUCKET) {
    s3 = await startS3Server();
    Object.assign(process.env, s3.env);
    console.log(`[tests] Files go to the S3 bucket ${s3.bucket} at ${s3.endpoint} (s3rver)`);
  }

  return async () => {
    await s3?.stop();
    await stop();
  };
}
