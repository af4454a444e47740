import { afterAll, inject } from "vitest";
import { closeDb } from "@/lib/db/client";

// Runs in every worker before each test file: the database and secrets of this run, and nothing from the
// developer's environment that would make the tests talk to the outside (SMTP) or use other keys.
// The app's role, as in production (DATABASE_APP_URL is what a started app has; a test that needs the owner
// takes inject("ownerUrl")).
process.env.DATABASE_URL = inject("databaseUrl");
process.env.DATABASE_APP_URL = inject("databaseUrl");
process.env.ENCRYPTION_KEY = inject("encryptionKey");
process.env.AUTH_SECRET = inject("authSecret");
process.env.APP_URL = "http://tikit.test";
delete process.env.ENCRYPTION_KEYS;
delete process.env.SMTP_HOST;

// lib/db/client.ts keeps one pool and one Prisma client per process on globalThis; close them after each file so
// that a reused worker does not keep connections open (the next file gets new ones).
afterAll(async () => {
  await closeDb();
});
