import http from "node:http";
import type { AddressInfo } from "node:net";
import pg from "pg";
import { afterAll, afterEach, beforeAll, describe, expect, inject, test, vi } from "vitest";
import { closeDb, db } from "@/lib/db/client";
import { queryRows } from "@/lib/db/sql";
import { toErrorResponse } from "@/lib/api/http";
import { Prisma } from "@/lib/generated/prisma/client";
import campaignsRoute from "@/pages/api/campaigns/index";
import clientsRoute from "@/pages/api/clients/index";
import clientRoute from "@/pages/api/clients/[id]/index";
import healthRoute from "@/pages/api/health/index";
import { actAs } from "../setup/fake-session";
import { createActor, createAgency, createClientRow } from "../setup/factories";
import { createCampaignRow } from "../setup/campaign-factories";
import { startTcpProxy, type TcpProxy } from "../setup/tcp-proxy";

// A database that stops answering, restarts, runs long or waits on a lock: the API answers 503 with Retry-After
// within a bound instead of hanging, /api/health within 2 s, and it recovers. The app's connections go through a
// TCP proxy that the test freezes (what a SIGSTOPped server looks like to the app) or cuts (a restart). Small
// timeouts, set before the pool exists, keep the test short; the defaults are in lib/db/client.ts.

vi.mock("@/lib/auth/session", () => import("../setup/fake-session"));

const TIMEOUTS = { statement: 1_500, lock: 1_000, query: 3_000, connect: 2_000 };
/** A frozen database: the client's deadline (or the pool's wait) plus the time to answer. */
const FROZEN_BOUND_MS = TIMEOUTS.query + 1_500;

function useTimeouts(overrides: Partial<typeof TIMEOUTS> = {}) {
  const t = { ...TIMEOUTS, ...overrides };
  process.env.DATABASE_STATEMENT_TIMEOUT_MS = String(t.statement);
  process.env.DATABASE_LOCK_TIMEOUT_MS = String(t.lock);
  process.env.DATABASE_QUERY_TIMEOUT_MS = String(t.query);
  process.env.DATABASE_CONNECT_TIMEOUT_MS = String(t.connect);
}

const APPLICATION_NAME = `tikit-faults-${process.pid}`;
let proxy: TcpProxy;
/** The owner's connection that holds locks (inside a transaction, where pg_stat_activity would stay as first read). */
let locker: pg.Client;
/** The owner's connection that watches pg_stat_activity. */
let owner: pg.Client;
let server: http.Server;
let base = "";
let clientId = "";

async function request(path: string, init: RequestInit = {}) {
  const started = Date.now();
  const response = await fetch(`${base}${path}`, { ...init, signal: AbortSignal.timeout(30_000) });
  const body = (await response.json()) as { error?: { code: string; message: string } };
  return { status: response.status, retryAfter: response.headers.get("retry-after"), body, ms: Date.now() - started };
}

/** This file's app statements on the real server that mention `fragment` (not this query itself). */
async function running(fragment: string) {
  const { rows } = await owner.query<{ pid: number; state: string; wait_event_type: string | null }>(
    `SELECT pid, state, wait_event_type FROM pg_stat_activity
      WHERE usename = $1 AND application_name = $3 AND state <> 'idle' AND query LIKE '%' || $2 || '%'
        AND pid <> pg_backend_pid()`,
    [new URL(inject("databaseUrl")).username, fragment, APPLICATION_NAME],
  );
  return rows;
}

async function waitFor<T>(probe: () => Promise<T | null | undefined | false>, ms = 10_000): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > until) throw new Error("condition not met in time");
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

beforeAll(async () => {
  const target = new URL(inject("databaseUrl"));
  proxy = await startTcpProxy({ host: "127.0.0.1", port: Number(target.port) });
  await closeDb();
  useTimeouts();
  // The connections of this file's app carry a name of their own: the other test files share the database and its
  // role, and their statements (blocked by this file's locks, too) must not count as this file's.
  const appUrl = new URL(proxy.url(inject("databaseUrl")));
  appUrl.searchParams.set("application_name", APPLICATION_NAME);
  process.env.DATABASE_URL = process.env.DATABASE_APP_URL = appUrl.toString();
  owner = new pg.Client({ connectionString: inject("ownerUrl") });
  locker = new pg.Client({ connectionString: inject("ownerUrl") });
  await Promise.all([owner.connect(), locker.connect()]);

  const agency = await createAgency("Faults");
  const { ctx } = await createActor(agency.id, { role: "DIR" });
  actAs(ctx);
  clientId = (await createClientRow(agency.id)).id;
  await createCampaignRow(agency.id, { clientId, ownerId: ctx.userId });

  const routes: Record<string, [typeof healthRoute, Record<string, string>]> = {
    "/api/health": [healthRoute, {}],
    "/api/campaigns": [campaignsRoute, {}],
    "/api/clients": [clientsRoute, {}],
    [`/api/clients/${clientId}`]: [clientRoute, { id: clientId }],
  };
  server = http.createServer((req, res) => {
    const [handle, query] = routes[new URL(req.url!, "http://x").pathname];
    void handle(Object.assign(req, { query }), res);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}, 60_000);

afterEach(async () => {
  proxy.thaw();
  await locker.query("ROLLBACK");
});

afterAll(async () => {
  server?.closeAllConnections();
  await new Promise((resolve) => server?.close(resolve));
  await closeDb();
  await Promise.all([owner?.end(), locker?.end()]);
  await proxy?.close();
});

describe("a frozen database", () => {
  test("API requests answer 503 with Retry-After within the bound, more of them than the pool has connections", async () => {
    expect((await request("/api/campaigns")).status).toBe(200);
    proxy.freeze();
    const answers = await Promise.all([
      ...Array.from({ length: 8 }, () => request("/api/campaigns")),
      ...Array.from({ length: 8 }, () => request("/api/clients")),
    ]);
    for (const answer of answers) {
      expect(answer).toMatchObject({ status: 503, retryAfter: "5", body: { error: { code: "SERVICE_UNAVAILABLE" } } });
      expect(answer.ms).toBeLessThan(FROZEN_BOUND_MS);
    }
    console.log(
      `[faults] frozen: 16 requests answered 503 in ${Math.min(...answers.map((a) => a.ms))}-${Math.max(...answers.map((a) => a.ms))} ms`,
    );
  }, 20_000);

  test("/api/health answers 503 within 2 s, and 200 again once the database answers; so does the API", async () => {
    proxy.freeze();
    const frozen = await request("/api/health");
    expect(frozen).toMatchObject({ status: 503, body: { status: "unavailable" } });
    expect(frozen.ms).toBeLessThan(2_000);
    console.log(`[faults] frozen: /api/health 503 in ${frozen.ms} ms`);
    proxy.thaw();
    await waitFor(async () => (await request("/api/health")).status === 200);
    expect((await request("/api/campaigns")).status).toBe(200);
    expect((await request("/api/clients")).status).toBe(200);
    const healthy = await request("/api/health");
    expect(healthy.status).toBe(200);
    expect(healthy.ms).toBeLessThan(2_000);
  }, 20_000);

  test("a restarted database (every connection reset) answers 503 for the request it broke, then 200", async () => {
    await locker.query(`BEGIN; LOCK TABLE "Campaign" IN ACCESS EXCLUSIVE MODE`);
    const pending = request("/api/campaigns");
    await waitFor(() => running(`"Campaign"`).then((rows) => rows.length > 0));
    proxy.cut();
    const broken = await pending;
    expect(broken).toMatchObject({ status: 503, retryAfter: "5", body: { error: { code: "SERVICE_UNAVAILABLE" } } });
    await locker.query("ROLLBACK");
    expect((await request("/api/campaigns")).status).toBe(200);
    expect((await request("/api/clients")).status).toBe(200);
  }, 20_000);
});

describe("timeouts on a live database", () => {
  test("a statement longer than statement_timeout is cancelled and answered 503 (Prisma and the hand-written reads)", async () => {
    for (const run of [
      () => db.$queryRaw`SELECT pg_sleep(20)`,
      () => queryRows(Prisma.sql`SELECT pg_sleep(20)`, { prepare: false }),
    ]) {
      const started = Date.now();
      const error = await run().then(
        () => null,
        (e: unknown) => e,
      );
      const elapsed = Date.now() - started;
      const answer = toErrorResponse(error);
      expect(answer.status).toBe(503);
      expect(answer.headers.get("retry-after")).toBe("5");
      expect(elapsed).toBeLessThan(TIMEOUTS.statement + 1_000);
    }
    expect(await running("pg_sleep(20)")).toEqual([]);
  }, 20_000);

  test("a lock wait beyond lock_timeout answers 503: a hot read and a Prisma write", async () => {
    await locker.query(
      `BEGIN; LOCK TABLE "Campaign" IN ACCESS EXCLUSIVE MODE; SELECT 1 FROM "Client" WHERE id = $1 FOR UPDATE`.replace(
        "$1",
        `'${clientId}'`,
      ),
    );
    const [list, patch] = await Promise.all([
      request("/api/campaigns"),
      request(`/api/clients/${clientId}`, {
        method: "PATCH",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ version: 1, notes: "x" }),
      }),
    ]);
    for (const answer of [list, patch]) {
      expect(answer).toMatchObject({ status: 503, retryAfter: "5", body: { error: { code: "SERVICE_UNAVAILABLE" } } });
      expect(answer.ms).toBeLessThan(TIMEOUTS.lock + 1_500);
    }
  }, 20_000);
});

describe("a client that goes away", () => {
  test("its running hot read is cancelled on the server", async () => {
    // A lock wait longer than the test, so that only the cancel can end the statement.
    await closeDb();
    useTimeouts({ lock: 30_000, statement: 30_000, query: 35_000 });
    await locker.query(`BEGIN; LOCK TABLE "Campaign" IN ACCESS EXCLUSIVE MODE`);
    const gone = new AbortController();
    const pending = fetch(`${base}/api/campaigns`, { signal: gone.signal }).catch((error: Error) => error.name);
    await waitFor(() => running(`"Campaign"`).then((rows) => rows.some((row) => row.wait_event_type === "Lock")));
    gone.abort();
    expect(await pending).toBe("AbortError");
    const started = Date.now();
    await waitFor(() => running(`"Campaign"`).then((rows) => rows.length === 0), 5_000);
    console.log(
      `[faults] the statement of a request whose client went away ended ${Date.now() - started} ms after the abort`,
    );
    await locker.query("ROLLBACK");
    expect((await request("/api/campaigns")).status).toBe(200);
    await closeDb();
    useTimeouts();
  }, 30_000);
});
