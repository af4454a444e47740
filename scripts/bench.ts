// npm run bench — a script, not a test. Starts the production server on the database with the scale agency
// (npm run db:seed:scale first), signs in as dir@scale.test by minting a session, and measures with a small
// load generator (20 concurrent keep-alive connections, BENCH_SECONDS each, after a short warm-up):
//   (a) influencer search with a text term and two filters  GET /api/influencers?q=…&platform=INSTAGRAM&country=DE
//   (b) campaign list page 1 with a filter                   GET /api/campaigns?status=LIVE
//   (c) campaign detail                                      GET /api/campaigns/:id
//   issue 4 (content): the creator's task list as creator@scale.test (the creator with most tasks)
//   GET /api/creator/tasks, the content board GET /api/campaigns/:id/content-tasks?view=board and the task list
//   page GET /api/campaigns/:id/content-tasks of the campaign with most tasks (as the director);
//   issue 5 (finance): the finance queue as fin@scale.test GET /api/finance/queue and the campaign finance
//   summary GET /api/campaigns/:id/finance-summary of the campaign with most financial objects (as FIN).
// next to the floor: the same SQL the request runs (captured from the app's `pg` pool: session check, user and
// grants, the domain queries), replayed through a `pg` Pool of 20 at the same concurrency. Prints p50/p95/p99,
// requests/s and the ratio, then EXPLAIN (ANALYZE, BUFFERS) of the domain queries.
// Options: BENCH_SECONDS (10), BENCH_PORT (3300), BENCH_TERM (schmidt), BENCH_POOL (DATABASE_POOL_SIZE of the
// server, default 20), BENCH_CONCURRENCY (20), --out <file.md> writes the tables and plans as markdown.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import http from "node:http";
import path from "node:path";
import pg from "pg";
import { isPortFree } from "../lib/db/embedded";
import { loadLocalEnv } from "./local-env";
import { SERVER_NODE_ARGS as DEFAULT_SERVER_NODE_ARGS } from "./server-node-args";

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const WARMUP_SECONDS = Number(process.env.BENCH_WARMUP ?? 5);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 20);
const PORT = Number(process.env.BENCH_PORT ?? 3300);
const TERM = process.env.BENCH_TERM ?? "schmidt";
const SERVER_POOL = process.env.BENCH_POOL ?? "20";
const outIndex = process.argv.indexOf("--out");
const OUT = outIndex > 0 ? process.argv[outIndex + 1] : null;
const COOKIE_NAME = "authjs.session-token";
/** Comma-separated scenario keys to run (search, list, detail, creator, board, tasks, queue, summary); all when unset. */
const ONLY =
  process.env.BENCH_ONLY?.split(",")
    .map((s) => s.trim())
    .filter(Boolean) ?? null;
/** Node flags for the server process only: those of `npm start` unless set, e.g. with --cpu-prof added (never for this script). */
/** Server processes (scripts/next-cluster.mjs when > 1), like WEB_CONCURRENCY of npm start. */
const WORKERS = Number(process.env.BENCH_WORKERS ?? process.env.WEB_CONCURRENCY ?? 1);
const SERVER_NODE_ARGS = process.env.BENCH_SERVER_NODE_ARGS?.split(" ").filter(Boolean) ?? DEFAULT_SERVER_NODE_ARGS;

const log = (line: string) => console.log(`[bench] ${line}`);
const env = await loadLocalEnv({ log });
const pool = new pg.Pool({ connectionString: env.url, max: CONCURRENCY });
// Stopping the embedded PostgreSQL at the end terminates idle connections (ours and Prisma's): not an error.
pool.on("error", () => {});
process.on("uncaughtException", (error: Error & { code?: string }) => {
  if (error.code === "57P01") return;
  console.error(error);
  process.exit(1);
});
let server: ChildProcess | null = null;

async function cleanup() {
  if (server && server.exitCode === null) {
    server.kill("SIGTERM");
    await new Promise((resolve) => server!.once("exit", resolve));
  }
  await pool.end().catch(() => {});
  await env.stop();
}
process.on("SIGINT", () => void cleanup().then(() => process.exit(130)));

// ---------------------------------------------------------------------------------------------------------
// Load generator: N loops over one keep-alive agent, latencies from process.hrtime.bigint()
// ---------------------------------------------------------------------------------------------------------

type Stats = {
  count: number;
  errors: number;
  seconds: number;
  p50: number;
  p95: number;
  p99: number;
  rps: number;
  statuses: Record<string, number>;
};

function summarize(latencies: number[], errors: number, seconds: number, statuses: Record<string, number>): Stats {
  const sorted = Float64Array.from(latencies).sort();
  const at = (q: number) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] : NaN);
  return {
    count: sorted.length,
    errors,
    seconds,
    p50: at(0.5),
    p95: at(0.95),
    p99: at(0.99),
    rps: sorted.length / seconds,
    statuses,
  };
}

async function loop(run: () => Promise<number | void>, seconds: number, record: boolean) {
  const latencies: number[] = [];
  const statuses: Record<string, number> = {};
  let errors = 0;
  const started = process.hrtime.bigint();
  const end = started + BigInt(Math.round(seconds * 1e9));
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (process.hrtime.bigint() < end) {
        const t0 = process.hrtime.bigint();
        try {
          const status = await run();
          const ms = Number(process.hrtime.bigint() - t0) / 1e6;
          if (typeof status === "number") statuses[status] = (statuses[status] ?? 0) + 1;
          if (typeof status === "number" && status !== 200) errors++;
          else if (record) latencies.push(ms);
        } catch {
          errors++;
        }
      }
    }),
  );
  const elapsed = Number(process.hrtime.bigint() - started) / 1e9;
  return summarize(latencies, errors, elapsed, statuses);
}

const agent = new http.Agent({ keepAlive: true, maxSockets: CONCURRENCY });

function get(pathname: string, cookie: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: "127.0.0.1",
        port: PORT,
        path: pathname,
        method: "GET",
        agent,
        headers: { cookie, accept: "application/json" },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString("utf8") }));
        res.on("error", reject);
      },
    );
    req.on("error", reject);
    req.end();
  });
}

// ---------------------------------------------------------------------------------------------------------
// Server
// ---------------------------------------------------------------------------------------------------------

async function startServer(): Promise<void> {
  // Another server on the port would answer the health check and be measured instead of this build.
  if (!(await isPortFree(PORT))) throw new Error(`Port ${PORT} is in use: stop what listens there or set BENCH_PORT`);
  const nextBin = path.join("node_modules", "next", "dist", "bin", "next");
  const childEnv: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: "production",
    NEXT_TELEMETRY_DISABLED: "1",
    PORT: String(PORT),
    APP_URL: `http://localhost:${PORT}`,
    DATABASE_POOL_SIZE: SERVER_POOL,
  };
  if (!fs.existsSync(path.join(".next", "BUILD_ID"))) {
    log("No production build (.next/BUILD_ID): running next build…");
    const build = spawnSync(process.execPath, [nextBin, "build"], { stdio: "inherit", env: childEnv });
    if (build.status !== 0) throw new Error("next build failed");
  }
  const nextArgs = ["start", "-p", String(PORT), "-H", "127.0.0.1"];
  const entry =
    WORKERS > 1
      ? [path.join("scripts", "next-cluster.mjs"), String(WORKERS), ...nextArgs]
      : [path.join("scripts", "server.mjs"), ...nextArgs];
  const child = spawn(process.execPath, [...SERVER_NODE_ARGS, ...entry], {
    stdio: ["ignore", "pipe", "pipe"],
    env: childEnv,
  });
  server = child;
  let output = "";
  child.stdout!.on("data", (c: Buffer) => (output += c.toString()));
  child.stderr!.on("data", (c: Buffer) => (output += c.toString()));
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`The server exited:\n${output}`);
    try {
      const res = await get("/api/health", "");
      if (res.status === 200) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`The server did not answer within 60 s:\n${output}`);
}

// ---------------------------------------------------------------------------------------------------------
// Session: a Session row and the Auth.js cookie that names it
// ---------------------------------------------------------------------------------------------------------

async function mintSession(userId: string, agencyId: string): Promise<{ cookie: string; sessionId: string }> {
  const { encode } = await import("next-auth/jwt");
  const sessionId = crypto.randomUUID();
  const maxAge = 24 * 60 * 60;
  await pool.query(
    `INSERT INTO "Session" (id, "agencyId", "userId", ip, "userAgent", "expiresAt", "lastSeenAt") VALUES ($1, $2, $3, '127.0.0.1', 'tikit-bench', now() + interval '1 day', now())`,
    [sessionId, agencyId, userId],
  );
  const token = await encode({
    token: { sub: userId, sid: sessionId },
    secret: process.env.AUTH_SECRET!,
    salt: COOKIE_NAME,
    maxAge,
  });
  return { cookie: `${COOKIE_NAME}=${token}`, sessionId };
}

// ---------------------------------------------------------------------------------------------------------
// The floor: the SQL a request runs, captured once from the app's pool
// ---------------------------------------------------------------------------------------------------------

type Captured = { sql: string; params: unknown[]; name?: string; auth: boolean };

// Every statement the app runs goes through the one `pg` pool of lib/db/client.ts (Prisma's adapter and the
// hand-written reads of lib/db/sql.ts alike): wrapping its `query` records each with its parameters and, for
// prepared statements, its name, so the floor replays exactly what the request ran, prepared where it was.
async function captureQueries() {
  const { getPool, closeDb } = await import("../lib/db/client");
  const appPool = getPool();
  let sink: Captured[] | null = null;
  let authPhase = false;
  const query = appPool.query.bind(appPool) as (...args: unknown[]) => unknown;
  (appPool as unknown as { query: (...args: unknown[]) => unknown }).query = (config: unknown, values?: unknown) => {
    if (sink && config && typeof config === "object" && "text" in config) {
      const c = config as { text: string; values?: unknown[]; name?: string };
      sink.push({ sql: c.text, params: c.values ?? [], name: c.name, auth: authPhase });
    } else if (sink && typeof config === "string") {
      sink.push({ sql: config, params: (values as unknown[]) ?? [], auth: authPhase });
    }
    return query(config, values);
  };
  const { loadSessionContext } = await import("../lib/auth/context");
  const { callerContextCacheStatus } = await import("../lib/auth/context-cache");
  const waitForContextCache = async () => {
    for (let i = 0; i < 200 && !callerContextCacheStatus().listening; i++)
      await new Promise((resolve) => setTimeout(resolve, 10));
  };
  const { searchInfluencers } = await import("../lib/domain/influencers/search-influencers");
  const { listCampaigns } = await import("../lib/domain/campaigns/list-campaigns");
  const { getCampaign } = await import("../lib/domain/campaigns/get-campaign");
  const { listCreatorTasks } = await import("../lib/domain/content/list-creator-tasks");
  const { getCampaignContentBoard, listCampaignTasks } = await import("../lib/domain/content/list-campaign-tasks");
  const { listFinanceQueue } = await import("../lib/domain/finance/list-finance-queue");
  const { getCampaignFinanceSummary } = await import("../lib/domain/finance/get-campaign-finance-summary");
  const capture = async (
    sessionId: string,
    input: Record<string, string>,
    run: (ctx: NonNullable<Awaited<ReturnType<typeof loadSessionContext>>>) => Promise<unknown>,
  ) => {
    // A request after the warm-up: the caller's context is held (lib/auth/context-cache.ts) once the process
    // listens for changes, so a warm request runs no session statement, unless the cache is off.
    await loadSessionContext(sessionId, "127.0.0.1");
    await waitForContextCache();
    await loadSessionContext(sessionId, "127.0.0.1");
    sink = [];
    authPhase = true;
    const ctx = await loadSessionContext(sessionId, "127.0.0.1");
    if (!ctx) throw new Error("The bench session did not load");
    authPhase = false;
    const result = await run(ctx);
    const queries = sink;
    sink = null;
    return { queries, result, input };
  };
  return {
    close: closeDb,
    search: (sid: string, q: Record<string, string>) => capture(sid, q, (ctx) => searchInfluencers(ctx, q)),
    list: (sid: string, q: Record<string, string>) => capture(sid, q, (ctx) => listCampaigns(ctx, q)),
    detail: (sid: string, id: string) => capture(sid, { id }, (ctx) => getCampaign(ctx, id)),
    creator: (sid: string) => capture(sid, {}, (ctx) => listCreatorTasks(ctx, {})),
    board: (sid: string, id: string) => capture(sid, { id }, (ctx) => getCampaignContentBoard(ctx, id)),
    tasks: (sid: string, id: string) => capture(sid, { id }, (ctx) => listCampaignTasks(ctx, id, {})),
    queue: (sid: string) => capture(sid, {}, (ctx) => listFinanceQueue(ctx, {})),
    summary: (sid: string, id: string) => capture(sid, { id }, (ctx) => getCampaignFinanceSummary(ctx, id)),
  };
}

/** One floor "request": the captured statements in order on one pooled connection. */
async function replay(queries: Captured[]) {
  const client = await pool.connect();
  try {
    for (const q of queries)
      await client.query(q.name ? { name: q.name, text: q.sql, values: q.params } : { text: q.sql, values: q.params });
  } finally {
    client.release();
  }
}

async function explain(q: Captured): Promise<string> {
  const res = await pool.query(`EXPLAIN (ANALYZE, BUFFERS) ${q.sql}`, q.params as unknown[]);
  return res.rows.map((r) => r["QUERY PLAN"]).join("\n");
}

// ---------------------------------------------------------------------------------------------------------

const fmt = (n: number, digits = 1) => (Number.isFinite(n) ? n.toFixed(digits) : "–");

try {
  const agency = await pool.query<{ id: string }>(`SELECT id FROM "Agency" WHERE slug = 'scale'`);
  if (!agency.rowCount)
    throw new Error(
      "No scale agency in this database: run `npm run db:seed:scale` first (same TIKIT_DATA_DIR / DATABASE_URL)",
    );
  const agencyId = agency.rows[0].id;
  const dir = await pool.query<{ id: string }>(`SELECT id FROM "User" WHERE email = 'dir@scale.test'`);
  const dirId = dir.rows[0].id;
  const counts = await pool.query<{
    influencers: number;
    socials: number;
    campaigns: number;
    clients: number;
    assignments: number;
  }>(
    `SELECT (SELECT count(*) FROM "InfluencerProfile" WHERE "agencyId" = $1)::int AS influencers,
            (SELECT count(*) FROM "SocialAccount" WHERE "agencyId" = $1)::int AS socials,
            (SELECT count(*) FROM "Campaign" WHERE "agencyId" = $1)::int AS campaigns,
            (SELECT count(*) FROM "Client" WHERE "agencyId" = $1)::int AS clients,
            (SELECT count(*) FROM "CampaignInfluencer" WHERE "agencyId" = $1)::int AS assignments`,
    [agencyId],
  );
  const c = counts.rows[0];
  log(
    `Scale agency: ${c.influencers} influencers, ${c.socials} social accounts, ${c.clients} clients, ${c.campaigns} campaigns, ${c.assignments} assignments`,
  );
  // A LIVE campaign with assignments and history, for the detail.
  const detailRow = await pool.query<{ id: string }>(
    `SELECT c.id FROM "Campaign" c WHERE c."agencyId" = $1 AND c.status = 'LIVE'
      AND EXISTS (SELECT 1 FROM "CampaignInfluencer" ci WHERE ci."campaignId" = c.id) ORDER BY c."updatedAt" DESC LIMIT 1`,
    [agencyId],
  );
  const campaignId = detailRow.rows[0].id;

  // issue 4: the creator with the most content tasks, the campaign with the most tasks; issue 5: the FIN user,
  // the campaign with the most financial objects.
  const creatorRow = await pool.query<{ id: string; email: string; n: number }>(
    `SELECT u.id, u.email, count(*)::int AS n FROM "User" u JOIN "InfluencerProfile" p ON p."userId" = u.id
       JOIN "CampaignInfluencer" ci ON ci."influencerId" = p.id JOIN "ContentTask" t ON t."assignmentId" = ci.id
      WHERE u."agencyId" = $1 GROUP BY u.id, u.email ORDER BY n DESC LIMIT 1`,
    [agencyId],
  );
  const boardRow = await pool.query<{ id: string; n: number }>(
    `SELECT "campaignId" AS id, count(*)::int AS n FROM "ContentTask" WHERE "agencyId" = $1 GROUP BY "campaignId" ORDER BY n DESC, "campaignId" LIMIT 1`,
    [agencyId],
  );
  const finRow = await pool.query<{ id: string }>(
    `SELECT u.id FROM "User" u JOIN "RoleAssignment" r ON r."userId" = u.id WHERE u."agencyId" = $1 AND r.role = 'FIN' ORDER BY u.email LIMIT 1`,
    [agencyId],
  );
  const summaryRow = await pool.query<{ id: string; n: number }>(
    `SELECT "campaignId" AS id, count(*)::int AS n FROM "FinancialObject" WHERE "agencyId" = $1 GROUP BY "campaignId" ORDER BY n DESC, "campaignId" LIMIT 1`,
    [agencyId],
  );
  const pendingFinance = await pool.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM "ApprovalItem" WHERE "agencyId" = $1 AND status = 'PENDING' AND "subjectType" = 'FinancialObject'`,
    [agencyId],
  );
  if (!finRow.rowCount)
    throw new Error(
      "No FIN user in the scale agency: recreate it with `npm run db:seed:scale -- --reset` (fin@scale.test)",
    );
  log(
    `Issue 4: ${creatorRow.rows[0]?.email} has ${creatorRow.rows[0]?.n} tasks; campaign ${boardRow.rows[0]?.id} has ${boardRow.rows[0]?.n} tasks. ` +
      `Issue 5: campaign ${summaryRow.rows[0]?.id} has ${summaryRow.rows[0]?.n} financial objects; ${pendingFinance.rows[0].n} finance approvals pending`,
  );

  const dirSession = await mintSession(dirId, agencyId);
  const creatorSession = await mintSession(creatorRow.rows[0].id, agencyId);
  const finSession = await mintSession(finRow.rows[0].id, agencyId);
  const sessions = [dirSession, creatorSession, finSession];
  log(`Starting the production server on port ${PORT} (DATABASE_POOL_SIZE=${SERVER_POOL})…`);
  await startServer();
  const check = await get("/api/clients?take=1", dirSession.cookie);
  if (check.status !== 200)
    throw new Error(`Signing in did not work: GET /api/clients answered ${check.status} ${check.body.slice(0, 300)}`);
  log("Signed in as dir@scale.test (GET /api/clients → 200)");

  const searchQuery = { q: TERM, platform: "INSTAGRAM", country: "DE" };
  const listQuery = { status: "LIVE" };
  const boardId = boardRow.rows[0].id;
  const summaryId = summaryRow.rows[0].id;
  type Key = "search" | "list" | "detail" | "creator" | "board" | "tasks" | "queue" | "summary";
  const allScenarios = [
    {
      key: "search",
      label: `influencer search (q=${TERM}, platform, country)`,
      url: `/api/influencers?${new URLSearchParams(searchQuery)}`,
      session: dirSession,
    },
    {
      key: "list",
      label: "campaign list page 1 (status=LIVE)",
      url: `/api/campaigns?${new URLSearchParams(listQuery)}`,
      session: dirSession,
    },
    { key: "detail", label: "campaign detail", url: `/api/campaigns/${campaignId}`, session: dirSession },
    {
      key: "creator",
      label: "creator task list (creator, page 1)",
      url: "/api/creator/tasks",
      session: creatorSession,
    },
    {
      key: "board",
      label: `content board (${boardRow.rows[0].n} tasks, DIR)`,
      url: `/api/campaigns/${boardId}/content-tasks?view=board`,
      session: dirSession,
    },
    {
      key: "tasks",
      label: "campaign content tasks page 1 (DIR)",
      url: `/api/campaigns/${boardId}/content-tasks`,
      session: dirSession,
    },
    { key: "queue", label: "finance queue (FIN)", url: "/api/finance/queue", session: finSession },
    {
      key: "summary",
      label: `campaign finance summary (${summaryRow.rows[0].n} objects, FIN)`,
      url: `/api/campaigns/${summaryId}/finance-summary`,
      session: finSession,
    },
  ] as const satisfies readonly {
    key: Key;
    label: string;
    url: string;
    session: { cookie: string; sessionId: string };
  }[];
  const scenarios = allScenarios.filter((s) => !ONLY || ONLY.includes(s.key));

  const capture = await captureQueries();
  const captured: Record<Key, Awaited<ReturnType<typeof capture.search>>> = {
    search: await capture.search(dirSession.sessionId, searchQuery),
    list: await capture.list(dirSession.sessionId, listQuery),
    detail: await capture.detail(dirSession.sessionId, campaignId),
    creator: await capture.creator(creatorSession.sessionId),
    board: await capture.board(dirSession.sessionId, boardId),
    tasks: await capture.tasks(dirSession.sessionId, boardId),
    queue: await capture.queue(finSession.sessionId),
    summary: await capture.summary(finSession.sessionId, summaryId),
  };
  await capture.close();
  for (const s of scenarios) {
    const res = await get(s.url, s.session.cookie);
    if (res.status !== 200) throw new Error(`${s.url} answered ${res.status}: ${res.body.slice(0, 300)}`);
    const body = JSON.parse(res.body) as { data: unknown[] | object; page?: { total?: number } };
    const n = Array.isArray(body.data)
      ? `${body.data.length} rows${body.page?.total !== undefined ? ` of ${body.page.total}` : ""}`
      : "1 object";
    log(
      `${s.label}: ${s.url} → 200, ${n}, ${captured[s.key].queries.length} SQL statements (${captured[s.key].queries.filter((q) => q.auth).length} for the session)`,
    );
  }

  const results: { label: string; app: Stats; floor: Stats; load: number }[] = [];
  for (const s of scenarios) {
    await loop(async () => (await get(s.url, s.session.cookie)).status, WARMUP_SECONDS, false);
    const app = await loop(async () => (await get(s.url, s.session.cookie)).status, SECONDS, true);
    const queries = captured[s.key].queries;
    await loop(() => replay(queries), WARMUP_SECONDS / 2, false);
    const floor = await loop(() => replay(queries), SECONDS, true);
    const load = os.loadavg()[0];
    results.push({ label: s.label, app, floor, load });
    log(
      `${s.label}: app p95 ${fmt(app.p95)} ms, ${fmt(app.rps, 0)} req/s; floor p95 ${fmt(floor.p95)} ms, ${fmt(floor.rps, 0)} req/s${app.errors ? `; ${app.errors} errors ${JSON.stringify(app.statuses)}` : ""}`,
    );
  }

  const lines: string[] = [];
  lines.push(
    `${CONCURRENCY} concurrent connections, ${SECONDS} s per scenario after ${WARMUP_SECONDS} s warm-up; latencies in ms; ratio = app / floor (p95) and floor / app (req/s).`,
  );
  lines.push("");
  lines.push(
    "| scenario | app p50 | app p95 | app p99 | app req/s | floor p50 | floor p95 | floor p99 | floor req/s | p95 ratio | throughput ratio | errors | load (1 min) |",
  );
  lines.push("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
  for (const r of results) {
    lines.push(
      `| ${r.label} | ${fmt(r.app.p50)} | ${fmt(r.app.p95)} | ${fmt(r.app.p99)} | ${fmt(r.app.rps, 0)} | ${fmt(r.floor.p50)} | ${fmt(r.floor.p95)} | ${fmt(r.floor.p99)} | ${fmt(r.floor.rps, 0)} | ${fmt(r.app.p95 / r.floor.p95, 2)}× | ${fmt(r.floor.rps / r.app.rps, 2)}× | ${r.app.errors} | ${fmt(r.load)} |`,
    );
  }
  console.log("\n" + lines.join("\n") + "\n");

  // Plans of the domain statements (the session and user lookups are primary-key and unique-index reads).
  const plans: string[] = [];
  for (const s of scenarios) {
    for (const [k, q] of captured[s.key].queries.filter((x) => !x.auth).entries()) {
      const plan = await explain(q);
      const seq = [...plan.matchAll(/Seq Scan on "?(\w+)"?/g)].map((m) => m[1]);
      const indexed = /Index (Only )?Scan|Bitmap Index Scan/.test(plan);
      plans.push(
        `### ${s.label} — statement ${k + 1}${indexed ? "" : " (NO INDEX)"}${seq.length ? ` (seq scan on ${seq.join(", ")})` : ""}\n\n\`\`\`sql\n${q.sql}\n-- params: ${JSON.stringify(q.params)}\n\`\`\`\n\n\`\`\`\n${plan}\n\`\`\``,
      );
      console.log(
        `--- ${s.label}, statement ${k + 1}: ${indexed ? "uses an index" : "NO INDEX"}${seq.length ? `; seq scan on ${seq.join(", ")}` : ""}\n${plan}\n`,
      );
    }
  }
  if (OUT) {
    fs.writeFileSync(OUT, `## Measured\n\n${lines.join("\n")}\n\n## Plans\n\n${plans.join("\n\n")}\n`);
    log(`Wrote ${OUT}`);
  }
  await pool.query(`UPDATE "Session" SET "revokedAt" = now() WHERE id = ANY($1::uuid[])`, [
    sessions.map((x) => x.sessionId),
  ]);
} catch (error) {
  console.error("[bench] Failed:", error instanceof Error ? error.message : error);
  process.exitCode = 1;
} finally {
  await cleanup();
}
