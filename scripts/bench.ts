// npm run bench — a script, not a test. Measures the pages users open and the JSON routes on the database with the
// scale agency (npm run db:seed:scale first: it also adds client@scale.test to a scale agency seeded before it).
//
// How it measures (issue 14, item 1):
// - The server is started as `npm start` starts it: scripts/start.ts (its WEB_CONCURRENCY default and server
//   processes, its DATABASE_POOL_SIZE, its Node flags, the background worker beside it) on this script's database,
//   with TIKIT_BENCH_FLOORS=true so that the two page floors answer. start.ts rebuilds when the sources changed
//   since the build it last made for this data directory (TIKIT_SKIP_BUILD=true measures the existing build).
// - Signed in as a browser is: every connection signs in for itself through the login form's server action
//   (e-mail and password, then the TOTP code for MFA users) and keeps its own cookie jar, following every
//   Set-Cookie (the server sets the session cookie once at sign-in and does not renew it: docs/decisions.md). Requests carry a browser's headers (gzip/br accepted).
// - Each scenario runs at 1 and at 20 connections (BENCH_CONNECTIONS), each connection one keep-alive socket
//   sending its next request when the previous one is answered, for BENCH_SECONDS after BENCH_WARMUP seconds.
//   Every request counts: a non-2xx answer is an error, one not answered within BENCH_TIMEOUT_MS a timeout (its
//   socket is closed); both stay in the latency percentiles (a timeout at its elapsed time) and req/s counts only
//   the 2xx answers.
// - Pages: /agency, /agency/campaigns, a campaign's detail, /agency/influencers with a different search per request
//   (exact, typos, one letter, none, a deep page reached through the directory's own "Next" links), /creator,
//   /finance/queue, /client, /agency/approvals, a campaign's content board, a finance object, an influencer
//   profile, each as its user (dir@, fin@ or client@scale.test; the creator with the most content tasks, creator18@).
// - Page floors: /bench-floor (a bare dynamic page, no portal layout) and /client/bench-floor (the same 10-row table
//   inside the client portal's layout and session), run interleaved with the pages (bare, portal, page, portal,
//   page, bare, page, …) and pooled; each page shows its ratio to the portal floor, the portal floor its ratio to
//   the bare one.
// - JSON routes (as before): influencer search, campaign list and detail, creator tasks, content board and task
//   list, finance queue and finance summary, each next to its SQL floor (the statements the request runs, captured
//   from the app's two pools and replayed through `pg` pools with the same settings at the same concurrency), then EXPLAIN of their statements.
// - Per scenario: p50/p95/p97.5, req/s, errors, timeouts, response bytes (on the wire, and the decoded body as
//   measured once per URL), Node CPU per request (utime+stime of the web server processes, every cluster worker
//   included, from /proc/<pid>/stat before and after), PostgreSQL CPU per request (the postmaster and its backends,
//   when the embedded PostgreSQL runs here), and the 1-minute load average sampled every second during the run.
//
// Options (environment):
//   BENCH_SECONDS (10)            measured seconds per run        BENCH_WARMUP (3)  warm-up seconds before each run
//   BENCH_CONNECTIONS ("1,20")    connection counts, each scenario runs at each (BENCH_CONCURRENCY=N: "1,N")
//   BENCH_ONLY                    comma-separated scenario keys or groups (below); all when unset
//   BENCH_PORT (3300)             the server's port                BENCH_TIMEOUT_MS (10000) per request
//   BENCH_TERM (schmidt)          the JSON search's term and the directory's exact search
//   BENCH_DEEP_PAGE (100)         the directory page the deep-page request opens
//   BENCH_CREATOR                 the creator of /creator and the creator JSON route (default: the one with most tasks)
//   BENCH_POOL, BENCH_WORKERS     DATABASE_POOL_SIZE and WEB_CONCURRENCY for the server; unset = what npm start ships
//   BENCH_SERVER_NODE_ARGS        the server processes' Node flags instead of scripts/server-node-args.ts (e.g. add
//                                 --cpu-prof --cpu-prof-dir=/tmp/prof), passed as TIKIT_SERVER_NODE_ARGS
//   TIKIT_DATA_DIR, TIKIT_PG_PORT the data directory and embedded PostgreSQL port, as for npm start
//   --out <file.md>               writes the tables and the plans as markdown
// Scenario keys: pages: page-agency page-campaigns page-campaign page-influencers page-creator page-finance-queue
//   page-client page-approvals page-board page-finance-object page-influencer (floors run with any page);
//   JSON: search list detail creator board tasks queue summary. Groups: pages, json.
import { spawn, type ChildProcess } from "node:child_process";
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import zlib from "node:zlib";
import * as OTPAuth from "otpauth";
import pg from "pg";
import { SEARCH_SESSION_SETTINGS } from "../lib/db/client";
import { isPortFree } from "../lib/db/embedded";
import { DATA_DIR, loadLocalEnv } from "./local-env";

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const WARMUP_SECONDS = Number(process.env.BENCH_WARMUP ?? 3);
const LEVELS = (
  process.env.BENCH_CONNECTIONS ?? (process.env.BENCH_CONCURRENCY ? `1,${process.env.BENCH_CONCURRENCY}` : "1,20")
)
  .split(",")
  .map((s) => Math.max(1, Math.floor(Number(s.trim()))))
  .filter((n, i, all) => Number.isFinite(n) && all.indexOf(n) === i);
const MAX_CONNECTIONS = Math.max(...LEVELS);
const PORT = Number(process.env.BENCH_PORT ?? 3300);
const TIMEOUT_MS = Number(process.env.BENCH_TIMEOUT_MS ?? 10_000);
const TERM = process.env.BENCH_TERM ?? "schmidt";
const DEEP_PAGE = Math.max(2, Number(process.env.BENCH_DEEP_PAGE ?? 100));
const START_TIMEOUT_MS = 20 * 60_000; // start.ts may build first
/** Sign-ins and the checks before the runs are not measured: a cold server process may take its time. */
const SETUP_TIMEOUT_MS = Math.max(TIMEOUT_MS, 60_000);
const outIndex = process.argv.indexOf("--out");
const OUT = outIndex > 0 ? process.argv[outIndex + 1] : null;
const ONLY =
  process.env.BENCH_ONLY?.split(",")
    .map((s) => s.trim())
    .filter(Boolean) ?? null;
const USER_AGENT = `Mozilla/5.0 (X11; Linux x86_64) tikit-bench/${process.pid}`;
const CLK_TCK = (() => {
  try {
    return Number(execFileSync("getconf", ["CLK_TCK"], { encoding: "utf8" }).trim()) || 100;
  } catch {
    return 100;
  }
})();

const log = (line: string) => console.log(`[bench] ${line}`);
const env = await loadLocalEnv({ log });
const pool = new pg.Pool({ connectionString: env.url, max: MAX_CONNECTIONS });
// The search's statements replay on connections with the search pool's planner settings (lib/db/client.ts).
const searchPool = new pg.Pool({ connectionString: env.url, max: MAX_CONNECTIONS, options: SEARCH_SESSION_SETTINGS });
// Stopping the embedded PostgreSQL at the end terminates idle connections (ours and Prisma's): not an error.
pool.on("error", () => {});
process.on("uncaughtException", (error: Error & { code?: string }) => {
  if (error.code === "57P01") return;
  console.error(error);
  process.exit(1);
});
let server: ChildProcess | null = null;
let serverOutput = "";

async function cleanup() {
  if (server && server.exitCode === null && server.signalCode === null) {
    const exited = new Promise((resolve) => server!.once("exit", resolve));
    server.kill("SIGTERM");
    const timer = setTimeout(() => server?.kill("SIGKILL"), 40_000);
    await exited;
    clearTimeout(timer);
  }
  await pool.end().catch(() => {});
  await searchPool.end().catch(() => {});
  await env.stop();
}
process.on("SIGINT", () => void cleanup().then(() => process.exit(130)));

// ---------------------------------------------------------------------------------------------------------
// Processes: CPU time from /proc (Linux), the server's processes found from the start.ts process down
// ---------------------------------------------------------------------------------------------------------

type ProcStat = { pid: number; ppid: number; ticks: number };

function readStat(pid: number): ProcStat | null {
  try {
    const raw = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    // After the command name (in parentheses, may hold spaces): state ppid … utime(14) stime(15).
    const f = raw.slice(raw.lastIndexOf(")") + 2).split(" ");
    return { pid, ppid: Number(f[1]), ticks: Number(f[11]) + Number(f[12]) };
  } catch {
    return null;
  }
}

function cmdline(pid: number): string {
  try {
    return fs.readFileSync(`/proc/${pid}/cmdline`, "utf8").replace(/\0/g, " ");
  } catch {
    return "";
  }
}

function descendants(root: number): number[] {
  const children = new Map<number, number[]>();
  for (const name of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(name)) continue;
    const s = readStat(Number(name));
    if (!s) continue;
    const list = children.get(s.ppid) ?? [];
    list.push(s.pid);
    children.set(s.ppid, list);
  }
  const found: number[] = [];
  const queue = [root];
  while (queue.length) {
    const pid = queue.shift()!;
    for (const child of children.get(pid) ?? []) {
      found.push(child);
      queue.push(child);
    }
  }
  return found;
}

/** The web server's processes under start.ts: scripts/server.mjs or scripts/next-cluster.mjs and its workers. */
function webServerPids(): number[] {
  if (!server?.pid) return [];
  const under = descendants(server.pid);
  const roots = under.filter((pid) => /scripts\/(server|next-cluster)\.mjs/.test(cmdline(pid)));
  const pids = new Set<number>();
  for (const pid of roots) {
    pids.add(pid);
    for (const child of descendants(pid)) pids.add(child);
  }
  return [...pids];
}

/** The embedded PostgreSQL's postmaster, from its pid file under the data directory (null when not local). */
function postmasterPid(): number | null {
  try {
    const pid = Number(fs.readFileSync(path.join(DATA_DIR, "pg", "postmaster.pid"), "utf8").split("\n")[0]);
    return readStat(pid) ? pid : null;
  } catch {
    return null;
  }
}
const POSTMASTER = postmasterPid();

type CpuSample = { web: Map<number, number>; pg: Map<number, number> | null };

/** CPU ticks (user + system) per process so far: the web server processes, and PostgreSQL's (postmaster and children). */
function cpuSample(): CpuSample {
  const ticks = (pids: number[]) => {
    const map = new Map<number, number>();
    for (const pid of pids) {
      const s = readStat(pid);
      if (s) map.set(pid, s.ticks);
    }
    return map;
  };
  return {
    web: ticks(webServerPids()),
    pg: POSTMASTER ? ticks([POSTMASTER, ...descendants(POSTMASTER)]) : null,
  };
}

/**
 * CPU milliseconds between two samples, process by process: what each process present in both used in between, plus
 * all of a process that started in between. A process that ended in between loses what it used since `before` (the
 * parent's cutime would hold it, but only once reaped, which races with the listing: it gave negative figures);
 * the app's connections are pooled, so backends that come and go during a run are rare and short-lived.
 */
function cpuBetween(before: Map<number, number>, after: Map<number, number>): number {
  let ticks = 0;
  for (const [pid, t] of after) ticks += t - (before.get(pid) ?? 0);
  return (ticks * 1000) / CLK_TCK;
}

// ---------------------------------------------------------------------------------------------------------
// Browsers: one keep-alive socket and one cookie jar each
// ---------------------------------------------------------------------------------------------------------

class CookieJar {
  private cookies = new Map<string, string>();

  header(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join("; ");
  }

  get(name: string): string | undefined {
    return this.cookies.get(name);
  }

  /** Takes every Set-Cookie of a response, as a browser does: a new value replaces, an expired cookie goes. */
  absorb(setCookie: string[] | undefined) {
    for (const line of setCookie ?? []) {
      const [pair, ...attributes] = line.split(";");
      const at = pair.indexOf("=");
      if (at <= 0) continue;
      const name = pair.slice(0, at).trim();
      const value = pair.slice(at + 1).trim();
      const expired = attributes.some((a) => {
        const [k, v = ""] = a.split("=").map((x) => x.trim());
        if (k.toLowerCase() === "max-age") return Number(v) <= 0;
        if (k.toLowerCase() === "expires") return Date.parse(v) <= Date.now();
        return false;
      });
      if (expired || value === "") this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }
}

type Browser = { user: string; agent: http.Agent; jar: CookieJar; renewed: number };

function newBrowser(user: string): Browser {
  return { user, agent: new http.Agent({ keepAlive: true, maxSockets: 1 }), jar: new CookieJar(), renewed: 0 };
}

type Answer = {
  status: number;
  wireBytes: number;
  body: Buffer;
  headers: http.IncomingHttpHeaders;
  timedOut: boolean;
  /** The network error's code, when there was no answer. */
  error?: string;
};

const PAGE_HEADERS = {
  accept: "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8",
  "accept-encoding": "gzip, deflate, br",
  "accept-language": "en-GB,en;q=0.9",
  "sec-fetch-dest": "document",
  "sec-fetch-mode": "navigate",
  "sec-fetch-site": "same-origin",
  "upgrade-insecure-requests": "1",
};
const JSON_HEADERS = { accept: "application/json", "accept-encoding": "gzip, deflate, br" };

const SESSION_COOKIE = "authjs.session-token";

type SendOptions = {
  path: string;
  method?: string;
  headers?: http.OutgoingHttpHeaders;
  body?: string;
  keepBody?: boolean;
  /** Instead of BENCH_TIMEOUT_MS (for what is not measured: sign-ins, checks). */
  timeoutMs?: number;
};

/**
 * One request on the browser's socket; its Set-Cookie goes into the browser's jar. Never rejects. A kept-alive socket
 * that the server closed just as the request went out (ECONNRESET/EPIPE on a reused socket) is retried once on a new
 * one, as browsers do; any other network error is the answer.
 */
async function send(browser: Browser, options: SendOptions): Promise<Answer> {
  const first = await sendOnce(browser, options);
  return first.retry ? (await sendOnce(browser, options)).answer : first.answer;
}

function sendOnce(browser: Browser, options: SendOptions): Promise<{ answer: Answer; retry: boolean }> {
  return new Promise((resolve) => {
    let done = false;
    const finish = (answer: Answer, retry = false) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      resolve({ answer, retry });
    };
    const failed = (error: string, wireBytes = 0, timedOut = false): Answer => ({
      status: 0,
      wireBytes,
      body: Buffer.alloc(0),
      headers: {},
      timedOut,
      error,
    });
    const cookie = browser.jar.header();
    const req = http.request(
      {
        host: "127.0.0.1",
        port: PORT,
        path: options.path,
        method: options.method ?? "GET",
        agent: browser.agent,
        headers: { "user-agent": USER_AGENT, ...options.headers, ...(cookie ? { cookie } : {}) },
      },
      (res) => {
        const before = browser.jar.get(SESSION_COOKIE);
        browser.jar.absorb(res.headers["set-cookie"]);
        if (before && browser.jar.get(SESSION_COOKIE) !== before) browser.renewed++;
        const chunks: Buffer[] = [];
        let wireBytes = 0;
        res.on("data", (c: Buffer) => {
          wireBytes += c.length;
          if (options.keepBody) chunks.push(c);
        });
        res.on("end", () =>
          finish({
            status: res.statusCode ?? 0,
            wireBytes,
            body: Buffer.concat(chunks),
            headers: res.headers,
            timedOut: false,
          }),
        );
        res.on("error", (error: NodeJS.ErrnoException) => finish(failed(error.code ?? error.message, wireBytes)));
      },
    );
    const timer = setTimeout(() => {
      req.destroy(new Error("timeout"));
      finish(failed("timeout", 0, true));
    }, options.timeoutMs ?? TIMEOUT_MS);
    req.on("error", (error: NodeJS.ErrnoException) =>
      finish(
        failed(error.code ?? error.message),
        req.reusedSocket && (error.code === "ECONNRESET" || error.code === "EPIPE"),
      ),
    );
    req.end(options.body);
  });
}

function decoded(answer: Answer): string {
  const encoding = answer.headers["content-encoding"];
  const body =
    encoding === "gzip"
      ? zlib.gunzipSync(answer.body)
      : encoding === "br"
        ? zlib.brotliDecompressSync(answer.body)
        : encoding === "deflate"
          ? zlib.inflateSync(answer.body)
          : answer.body;
  return body.toString("utf8");
}

// ---------------------------------------------------------------------------------------------------------
// Sign-in through the login form's server action, as the browser sends it
// ---------------------------------------------------------------------------------------------------------

/** The id of a server action in the build (the browser's Next-Action header), by exported name. */
function serverActionId(exportedName: string, file: string): string {
  const manifest = JSON.parse(fs.readFileSync(path.join(".next", "server", "server-reference-manifest.json"), "utf8"));
  for (const [id, entry] of Object.entries<{ exportedName?: string; filename?: string }>(manifest.node)) {
    if (entry.exportedName === exportedName && (!entry.filename || entry.filename.includes(file))) return id;
  }
  throw new Error(`No server action ${exportedName} (${file}) in the build`);
}

type Credentials = { email: string; password: string; totpSecret: string | null };

async function signIn(browser: Browser, who: Credentials, actionId: string): Promise<void> {
  const page = await send(browser, { path: "/login", headers: PAGE_HEADERS, timeoutMs: SETUP_TIMEOUT_MS });
  if (page.status !== 200) throw new Error(`GET /login answered ${page.status || page.error}`);
  const post = (input: Record<string, string>) =>
    send(browser, {
      path: "/login",
      method: "POST",
      timeoutMs: SETUP_TIMEOUT_MS,
      keepBody: true,
      headers: {
        "next-action": actionId,
        "content-type": "text/plain;charset=UTF-8",
        accept: "text/x-component",
        "accept-encoding": "gzip, deflate, br",
        origin: `http://127.0.0.1:${PORT}`,
        referer: `http://127.0.0.1:${PORT}/login`,
      },
      body: JSON.stringify([input]),
    });
  let answer = await post({ email: who.email, password: who.password, callbackUrl: "" });
  let text = answer.status === 200 ? decoded(answer) : "";
  if (/"next":"mfa"/.test(text)) {
    if (!who.totpSecret) throw new Error(`${who.email} asks for an MFA code and no TOTP secret is known`);
    const totp = new OTPAuth.TOTP({
      algorithm: "SHA1",
      digits: 6,
      period: 30,
      secret: OTPAuth.Secret.fromBase32(who.totpSecret),
    });
    answer = await post({ email: who.email, password: who.password, code: totp.generate(), callbackUrl: "" });
    text = answer.status === 200 ? decoded(answer) : "";
  }
  const to = /"next":"redirect","to":"([^"]+)"/.exec(text)?.[1];
  if (!to || !browser.jar.get(SESSION_COOKIE))
    throw new Error(`Signing in as ${who.email} failed (${answer.status || answer.error}): ${text.slice(0, 300)}`);
  // The form then navigates to the portal's home page.
  const home = await send(browser, { path: to, headers: PAGE_HEADERS, timeoutMs: SETUP_TIMEOUT_MS });
  if (home.status !== 200) throw new Error(`${who.email}: ${to} after signing in answered ${home.status}`);
}

/** The Session row a browser's cookie names (for the SQL floor's captured statements). */
async function sessionIdOf(browser: Browser): Promise<string> {
  const { decode } = await import("next-auth/jwt");
  const token = await decode({
    token: browser.jar.get(SESSION_COOKIE)!,
    secret: process.env.AUTH_SECRET!,
    salt: SESSION_COOKIE,
  });
  if (typeof token?.sid !== "string") throw new Error(`No session id in ${browser.user}'s cookie`);
  return token.sid;
}

// ---------------------------------------------------------------------------------------------------------
// Server: scripts/start.ts, as npm start runs it
// ---------------------------------------------------------------------------------------------------------

async function startServer(): Promise<void> {
  // Another server on the port would answer the health check and be measured instead of this build.
  if (!(await isPortFree(PORT))) throw new Error(`Port ${PORT} is in use: stop what listens there or set BENCH_PORT`);
  const childEnv: NodeJS.ProcessEnv = {
    ...process.env, // DATABASE_URL and DATABASE_APP_URL of this script's database, the secrets of TIKIT_DATA_DIR
    NODE_ENV: "production",
    PORT: String(PORT),
    APP_URL: `http://127.0.0.1:${PORT}`,
    TIKIT_BENCH_FLOORS: "true",
    TIKIT_SEED: "false",
  };
  if (process.env.BENCH_POOL) childEnv.DATABASE_POOL_SIZE = process.env.BENCH_POOL;
  if (process.env.BENCH_WORKERS) childEnv.WEB_CONCURRENCY = process.env.BENCH_WORKERS;
  if (process.env.BENCH_SERVER_NODE_ARGS) childEnv.TIKIT_SERVER_NODE_ARGS = process.env.BENCH_SERVER_NODE_ARGS;
  const child = spawn(
    process.execPath,
    ["--import", "tsx", "--import", "./scripts/outside-next.mjs", path.join("scripts", "start.ts")],
    { stdio: ["ignore", "pipe", "pipe"], env: childEnv },
  );
  server = child;
  const onOutput = (c: Buffer) => {
    serverOutput += c.toString();
    for (const line of c.toString().split("\n"))
      if (/^\[tikit\] (Building|The build|Ready on .* after|Start failed)/.test(line.trim()))
        log(`server: ${line.trim()}`);
  };
  child.stdout!.on("data", onOutput);
  child.stderr!.on("data", onOutput);
  const deadline = Date.now() + START_TIMEOUT_MS;
  const probe = newBrowser("probe");
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`The server exited:\n${serverOutput.slice(-4000)}`);
    const res = await send(probe, { path: "/api/health" });
    if (res.status === 200) return;
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`The server did not answer within ${START_TIMEOUT_MS / 60_000} min:\n${serverOutput.slice(-4000)}`);
}

// ---------------------------------------------------------------------------------------------------------
// Load generator
// ---------------------------------------------------------------------------------------------------------

type Run = {
  latencies: number[];
  ok: number;
  errors: number;
  timeouts: number;
  statuses: Record<string, number>;
  seconds: number;
  wireBytes: number;
  webCpuMs: number;
  pgCpuMs: number | null;
  loads: number[];
  /** Latencies per variant (the directory's search terms). */
  byVariant: Map<string, number[]>;
};

type Request = (browser: Browser, n: number) => Promise<{ answer: Answer; variant?: string }>;

async function measure(browsers: Browser[], request: Request, seconds: number): Promise<Run> {
  const run: Run = {
    latencies: [],
    ok: 0,
    errors: 0,
    timeouts: 0,
    statuses: {},
    seconds: 0,
    wireBytes: 0,
    webCpuMs: 0,
    pgCpuMs: null,
    loads: [os.loadavg()[0]],
    byVariant: new Map(),
  };
  const sampler = setInterval(() => run.loads.push(os.loadavg()[0]), 1000);
  const cpuBefore = cpuSample();
  const started = process.hrtime.bigint();
  const end = started + BigInt(Math.round(seconds * 1e9));
  let counter = 0;
  await Promise.all(
    browsers.map(async (browser) => {
      while (process.hrtime.bigint() < end) {
        const n = counter++;
        const t0 = process.hrtime.bigint();
        const { answer, variant } = await request(browser, n);
        const ms = Number(process.hrtime.bigint() - t0) / 1e6;
        run.latencies.push(ms);
        if (variant) {
          const list = run.byVariant.get(variant) ?? [];
          list.push(ms);
          run.byVariant.set(variant, list);
        }
        run.wireBytes += answer.wireBytes;
        const key = answer.timedOut ? "timeout" : String(answer.status || answer.error || "network error");
        run.statuses[key] = (run.statuses[key] ?? 0) + 1;
        if (answer.timedOut) run.timeouts++;
        else if (answer.status >= 200 && answer.status < 300) run.ok++;
        else run.errors++;
      }
    }),
  );
  run.seconds = Number(process.hrtime.bigint() - started) / 1e9;
  clearInterval(sampler);
  run.loads.push(os.loadavg()[0]);
  const cpuAfter = cpuSample();
  run.webCpuMs = cpuBetween(cpuBefore.web, cpuAfter.web);
  run.pgCpuMs = cpuAfter.pg && cpuBefore.pg ? cpuBetween(cpuBefore.pg, cpuAfter.pg) : null;
  return run;
}

/** Several runs of one scenario (a floor measured between pages) as one. */
function pooled(runs: Run[]): Run {
  const byVariant = new Map<string, number[]>();
  for (const r of runs) for (const [k, v] of r.byVariant) byVariant.set(k, [...(byVariant.get(k) ?? []), ...v]);
  const statuses: Record<string, number> = {};
  for (const r of runs) for (const [k, v] of Object.entries(r.statuses)) statuses[k] = (statuses[k] ?? 0) + v;
  return {
    latencies: runs.flatMap((r) => r.latencies),
    ok: runs.reduce((a, r) => a + r.ok, 0),
    errors: runs.reduce((a, r) => a + r.errors, 0),
    timeouts: runs.reduce((a, r) => a + r.timeouts, 0),
    statuses,
    seconds: runs.reduce((a, r) => a + r.seconds, 0),
    wireBytes: runs.reduce((a, r) => a + r.wireBytes, 0),
    webCpuMs: runs.reduce((a, r) => a + r.webCpuMs, 0),
    pgCpuMs: runs.some((r) => r.pgCpuMs === null) ? null : runs.reduce((a, r) => a + r.pgCpuMs!, 0),
    loads: runs.flatMap((r) => r.loads),
    byVariant,
  };
}

function quantile(values: number[], q: number): number {
  if (!values.length) return NaN;
  const sorted = Float64Array.from(values).sort();
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
}

type Figures = {
  n: number;
  p50: number;
  p95: number;
  p975: number;
  rps: number;
  errors: number;
  timeouts: number;
  wireKb: number;
  webCpu: number;
  pgCpu: number;
  load: number;
  loadMax: number;
  statuses: Record<string, number>;
};

function figures(run: Run): Figures {
  const n = run.latencies.length;
  return {
    n,
    p50: quantile(run.latencies, 0.5),
    p95: quantile(run.latencies, 0.95),
    p975: quantile(run.latencies, 0.975),
    rps: run.ok / run.seconds,
    errors: run.errors,
    timeouts: run.timeouts,
    wireKb: n ? run.wireBytes / n / 1024 : NaN,
    webCpu: n ? run.webCpuMs / n : NaN,
    pgCpu: n && run.pgCpuMs !== null ? run.pgCpuMs / n : NaN,
    load: run.loads.reduce((a, b) => a + b, 0) / run.loads.length,
    loadMax: Math.max(...run.loads),
    statuses: run.statuses,
  };
}

// ---------------------------------------------------------------------------------------------------------
// The SQL floor of the JSON routes: the SQL a request runs, captured once from the app's pools
// ---------------------------------------------------------------------------------------------------------

type Captured = { sql: string; params: unknown[]; name?: string; auth: boolean; search: boolean };

// Every statement the app runs goes through one of the two `pg` pools of lib/db/client.ts: the app's pool (Prisma's
// adapter and the hand-written reads of lib/db/sql.ts alike) and the directory search's pool. Wrapping their `query`
// records each statement with its parameters, its pool and, for prepared statements, its name, so the floor replays
// exactly what the request ran, prepared where it was, with the search pool's planner settings where it ran there.
async function captureQueries() {
  const { getPool, getSearchPool, closeDb } = await import("../lib/db/client");
  let sink: Captured[] | null = null;
  let authPhase = false;
  const record = (target: pg.Pool, search: boolean) => {
    const query = target.query.bind(target) as (...args: unknown[]) => unknown;
    (target as unknown as { query: (...args: unknown[]) => unknown }).query = (config: unknown, values?: unknown) => {
      if (sink && config && typeof config === "object" && "text" in config) {
        const c = config as { text: string; values?: unknown[]; name?: string };
        sink.push({ sql: c.text, params: c.values ?? [], name: c.name, auth: authPhase, search });
      } else if (sink && typeof config === "string") {
        sink.push({ sql: config, params: (values as unknown[]) ?? [], auth: authPhase, search });
      }
      return query(config, values);
    };
  };
  record(getPool(), false);
  record(getSearchPool(), true);
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
    await run(ctx);
    const queries = sink;
    sink = null;
    return queries;
  };
  return {
    close: closeDb,
    search: (sid: string, q: Record<string, string>) => capture(sid, (ctx) => searchInfluencers(ctx, q)),
    list: (sid: string, q: Record<string, string>) => capture(sid, (ctx) => listCampaigns(ctx, q)),
    detail: (sid: string, id: string) => capture(sid, (ctx) => getCampaign(ctx, id)),
    creator: (sid: string) => capture(sid, (ctx) => listCreatorTasks(ctx, {})),
    board: (sid: string, id: string) => capture(sid, (ctx) => getCampaignContentBoard(ctx, id)),
    tasks: (sid: string, id: string) => capture(sid, (ctx) => listCampaignTasks(ctx, id, {})),
    queue: (sid: string) => capture(sid, (ctx) => listFinanceQueue(ctx, {})),
    summary: (sid: string, id: string) => capture(sid, (ctx) => getCampaignFinanceSummary(ctx, id)),
  };
}

/** One floor "request": the captured statements in order, each on a connection of its pool (one per pool). */
async function replay(queries: Captured[]): Promise<Answer> {
  const clients = new Map<pg.Pool, pg.PoolClient>();
  try {
    for (const q of queries) {
      const from = q.search ? searchPool : pool;
      let client = clients.get(from);
      if (!client) clients.set(from, (client = await from.connect()));
      await client.query(q.name ? { name: q.name, text: q.sql, values: q.params } : { text: q.sql, values: q.params });
    }
    return { status: 200, wireBytes: 0, body: Buffer.alloc(0), headers: {}, timedOut: false };
  } catch {
    return { status: 500, wireBytes: 0, body: Buffer.alloc(0), headers: {}, timedOut: false };
  } finally {
    for (const client of clients.values()) client.release();
  }
}

async function explain(q: Captured): Promise<string> {
  const res = await (q.search ? searchPool : pool).query(`EXPLAIN (ANALYZE, BUFFERS) ${q.sql}`, q.params as unknown[]);
  return res.rows.map((r) => r["QUERY PLAN"]).join("\n");
}

// ---------------------------------------------------------------------------------------------------------

const fmt = (n: number, digits = 1) => (Number.isFinite(n) ? n.toFixed(digits) : "–");
const selected = (key: string, group: "pages" | "json") => !ONLY || ONLY.includes(key) || ONLY.includes(group);

type UserKey = "dir" | "fin" | "creator" | "client";
type PageScenario = {
  key: string;
  label: string;
  user: UserKey;
  /** The URL of the n-th request, and its variant's name when the scenario varies. */
  url: (n: number) => { url: string; variant?: string };
  /** Every distinct URL, for the check before the runs and the body sizes. */
  urls: { url: string; variant?: string }[];
};

function fixed(url: string): Pick<PageScenario, "url" | "urls"> {
  return { url: () => ({ url }), urls: [{ url }] };
}

function hrefOfNext(html: string): string | null {
  for (const match of html.matchAll(/<a\b[^>]*>/g)) {
    const tag = match[0];
    if (!/\brel="next"/.test(tag)) continue;
    const href = /\bhref="([^"]+)"/.exec(tag)?.[1];
    if (href) return href.replace(/&amp;/g, "&");
  }
  return null;
}

try {
  const uptimeBefore = execFileSync("uptime", { encoding: "utf8" }).trim();
  const agency = await pool.query<{ id: string }>(`SELECT id FROM "Agency" WHERE slug = 'scale'`);
  if (!agency.rowCount)
    throw new Error(
      "No scale agency in this database: run `npm run db:seed:scale` first (same TIKIT_DATA_DIR / DATABASE_URL)",
    );
  const agencyId = agency.rows[0].id;
  const counts = await pool.query<{
    influencers: number;
    campaigns: number;
    clients: number;
    assignments: number;
    objects: number;
  }>(
    `SELECT (SELECT count(*) FROM "InfluencerProfile" WHERE "agencyId" = $1)::int AS influencers,
            (SELECT count(*) FROM "Campaign" WHERE "agencyId" = $1)::int AS campaigns,
            (SELECT count(*) FROM "Client" WHERE "agencyId" = $1)::int AS clients,
            (SELECT count(*) FROM "CampaignInfluencer" WHERE "agencyId" = $1)::int AS assignments,
            (SELECT count(*) FROM "FinancialObject" WHERE "agencyId" = $1)::int AS objects`,
    [agencyId],
  );
  const c = counts.rows[0];
  const dataLine = `Scale agency: ${c.influencers} influencers, ${c.clients} clients, ${c.campaigns} campaigns, ${c.assignments} assignments, ${c.objects} financial objects`;
  log(dataLine);

  // The records the pages open. A LIVE campaign with assignments and history, for the detail; the creator with the
  // most content tasks; the campaign with the most tasks (content board); the campaign with the most financial
  // objects and its object with the most lines (finance); the influencer on the most campaigns (profile).
  const one = async <T extends pg.QueryResultRow>(sql: string, what: string, more: unknown[] = []) => {
    const res = await pool.query<T>(sql, [agencyId, ...more]);
    if (!res.rowCount)
      throw new Error(`No ${what} in the scale agency: recreate it with npm run db:seed:scale -- --reset`);
    return res.rows[0];
  };
  const campaignId = (
    await one<{ id: string }>(
      `SELECT c.id FROM "Campaign" c WHERE c."agencyId" = $1 AND c.status = 'LIVE'
        AND EXISTS (SELECT 1 FROM "CampaignInfluencer" ci WHERE ci."campaignId" = c.id) ORDER BY c."updatedAt" DESC LIMIT 1`,
      "LIVE campaign",
    )
  ).id;
  const creator = await one<{ id: string; email: string; n: number }>(
    `SELECT u.id, u.email, count(*)::int AS n FROM "User" u JOIN "InfluencerProfile" p ON p."userId" = u.id
       JOIN "CampaignInfluencer" ci ON ci."influencerId" = p.id JOIN "ContentTask" t ON t."assignmentId" = ci.id
      WHERE u."agencyId" = $1 AND ($2::text IS NULL OR u.email = $2) GROUP BY u.id, u.email ORDER BY n DESC LIMIT 1`,
    process.env.BENCH_CREATOR ? `creator ${process.env.BENCH_CREATOR} with tasks` : "creator with tasks",
    [process.env.BENCH_CREATOR ?? null],
  );
  const board = await one<{ id: string; n: number }>(
    `SELECT "campaignId" AS id, count(*)::int AS n FROM "ContentTask" WHERE "agencyId" = $1 GROUP BY "campaignId" ORDER BY n DESC, "campaignId" LIMIT 1`,
    "content task",
  );
  const summary = await one<{ id: string; n: number }>(
    `SELECT "campaignId" AS id, count(*)::int AS n FROM "FinancialObject" WHERE "agencyId" = $1 GROUP BY "campaignId" ORDER BY n DESC, "campaignId" LIMIT 1`,
    "financial object",
  );
  const financeObject = await one<{ id: string; n: number }>(
    `SELECT o.id, count(l.id)::int AS n FROM "FinancialObject" o JOIN "FinancialLine" l ON l."objectId" = o.id
      WHERE o."agencyId" = $1 GROUP BY o.id ORDER BY n DESC, o.id LIMIT 1`,
    "financial object with lines",
  );
  const influencer = await one<{ id: string; n: number }>(
    `SELECT "influencerId" AS id, count(*)::int AS n FROM "CampaignInfluencer" WHERE "agencyId" = $1 GROUP BY "influencerId" ORDER BY n DESC, "influencerId" LIMIT 1`,
    "assignment",
  );
  const emails = await pool.query<{ email: string; role: string }>(
    `SELECT u.email, r.role FROM "User" u JOIN "RoleAssignment" r ON r."userId" = u.id WHERE u."agencyId" = $1`,
    [agencyId],
  );
  const has = (email: string) => emails.rows.some((r) => r.email === email);
  for (const email of ["dir@scale.test", "fin@scale.test", "client@scale.test"])
    if (!has(email))
      throw new Error(
        `No ${email} in the scale agency: run \`npm run db:seed:scale\` (it adds the client user to an existing scale agency; --reset recreates it)`,
      );
  const { DEMO_PASSWORD, DEMO_TOTP_SECRET } = await import("./seed/demo/seed");
  const users: Record<UserKey, Credentials> = {
    dir: { email: "dir@scale.test", password: DEMO_PASSWORD, totpSecret: DEMO_TOTP_SECRET },
    fin: { email: "fin@scale.test", password: DEMO_PASSWORD, totpSecret: DEMO_TOTP_SECRET },
    creator: { email: creator.email, password: DEMO_PASSWORD, totpSecret: DEMO_TOTP_SECRET },
    client: { email: "client@scale.test", password: DEMO_PASSWORD, totpSecret: null },
  };
  log(
    `Records: campaign ${campaignId}; ${creator.email} has ${creator.n} tasks; board of ${board.id} (${board.n} tasks); ` +
      `finance summary of ${summary.id} (${summary.n} objects); finance object ${financeObject.id} (${financeObject.n} lines); ` +
      `influencer ${influencer.id} (${influencer.n} campaigns)`,
  );

  log(`Starting the production server as npm start does (scripts/start.ts) on port ${PORT}…`);
  await startServer();
  const webPids = webServerPids();
  const serverConfig =
    `${webPids.length} web server process${webPids.length === 1 ? "" : "es"} (${webPids.length > 1 ? "cluster primary + workers" : "scripts/server.mjs"}; ` +
    `WEB_CONCURRENCY=${process.env.BENCH_WORKERS ?? process.env.WEB_CONCURRENCY ?? "start.ts default"}), ` +
    `DATABASE_POOL_SIZE=${process.env.BENCH_POOL ?? process.env.DATABASE_POOL_SIZE ?? "start.ts/lib default"}, background worker running` +
    `, PostgreSQL CPU ${POSTMASTER ? `from postmaster ${POSTMASTER}` : "not measured (not a local embedded PostgreSQL)"}`;
  log(`Server up: ${serverConfig}`);

  // ---- Scenarios
  const searchQuery = { q: TERM, platform: "INSTAGRAM", country: "DE" };
  const listQuery = { status: "LIVE" };
  const directory = "/agency/influencers";
  const allPages: PageScenario[] = [
    { key: "page-agency", label: "page /agency", user: "dir", ...fixed("/agency") },
    { key: "page-campaigns", label: "page /agency/campaigns", user: "dir", ...fixed("/agency/campaigns") },
    { key: "page-campaign", label: "page campaign detail", user: "dir", ...fixed(`/agency/campaigns/${campaignId}`) },
    // Filled in below, once the deep page's URL is known.
    {
      key: "page-influencers",
      label: "page /agency/influencers (varied searches)",
      user: "dir",
      url: () => ({ url: directory }),
      urls: [],
    },
    { key: "page-creator", label: "page /creator", user: "creator", ...fixed("/creator") },
    { key: "page-finance-queue", label: "page /finance/queue", user: "fin", ...fixed("/finance/queue") },
    { key: "page-client", label: "page /client", user: "client", ...fixed("/client") },
    { key: "page-approvals", label: "page /agency/approvals", user: "dir", ...fixed("/agency/approvals") },
    {
      key: "page-board",
      label: `page content board (${board.n} tasks)`,
      user: "dir",
      ...fixed(`/agency/campaigns/${board.id}/content`),
    },
    {
      key: "page-finance-object",
      label: `page finance object (${financeObject.n} lines)`,
      user: "fin",
      ...fixed(`/finance/objects/${financeObject.id}`),
    },
    {
      key: "page-influencer",
      label: `page influencer profile (${influencer.n} campaigns)`,
      user: "dir",
      ...fixed(`/agency/influencers/${influencer.id}`),
    },
  ];
  const pageScenarios = allPages.filter((s) => selected(s.key, "pages"));
  const floors = {
    bare: { key: "floor-bare", label: "floor: bare page (10 rows)", user: "client", ...fixed("/bench-floor") },
    portal: {
      key: "floor-portal",
      label: "floor: client portal page (10 rows)",
      user: "client",
      ...fixed("/client/bench-floor"),
    },
  } satisfies Record<string, PageScenario>;

  type JsonKey = "search" | "list" | "detail" | "creator" | "board" | "tasks" | "queue" | "summary";
  const jsonScenarios = (
    [
      {
        key: "search",
        label: `JSON influencer search (q=${TERM}, platform, country)`,
        url: `/api/influencers?${new URLSearchParams(searchQuery)}`,
        user: "dir",
      },
      {
        key: "list",
        label: "JSON campaign list (status=LIVE)",
        url: `/api/campaigns?${new URLSearchParams(listQuery)}`,
        user: "dir",
      },
      { key: "detail", label: "JSON campaign detail", url: `/api/campaigns/${campaignId}`, user: "dir" },
      { key: "creator", label: "JSON creator task list", url: "/api/creator/tasks", user: "creator" },
      {
        key: "board",
        label: `JSON content board (${board.n} tasks)`,
        url: `/api/campaigns/${board.id}/content-tasks?view=board`,
        user: "dir",
      },
      {
        key: "tasks",
        label: "JSON campaign content tasks",
        url: `/api/campaigns/${board.id}/content-tasks`,
        user: "dir",
      },
      { key: "queue", label: "JSON finance queue (FIN)", url: "/api/finance/queue", user: "fin" },
      {
        key: "summary",
        label: `JSON campaign finance summary (${summary.n} objects)`,
        url: `/api/campaigns/${summary.id}/finance-summary`,
        user: "fin",
      },
    ] as const satisfies readonly { key: JsonKey; label: string; url: string; user: UserKey }[]
  ).filter((s) => selected(s.key, "json"));

  // ---- Sign-ins: every connection of every user needed signs in through the login form.
  const needed = new Set<UserKey>([...pageScenarios.map((s) => s.user), ...jsonScenarios.map((s) => s.user)]);
  if (pageScenarios.length) needed.add("client");
  const browsers = new Map<UserKey, Browser[]>();
  const signInAction = serverActionId("signInAction", "lib/actions/auth");
  const signInStarted = Date.now();
  const jobs: (() => Promise<void>)[] = [];
  for (const user of needed) {
    const list = Array.from({ length: MAX_CONNECTIONS }, () => newBrowser(user));
    browsers.set(user, list);
    for (const browser of list) jobs.push(() => signIn(browser, users[user], signInAction));
  }
  const queue = [...jobs];
  await Promise.all(
    Array.from({ length: 4 }, async () => {
      for (let job = queue.shift(); job; job = queue.shift()) await job();
    }),
  );
  log(
    `Signed in ${jobs.length} browsers (${MAX_CONNECTIONS} per user: ${[...needed].map((u) => users[u].email).join(", ")}) through the login form in ${((Date.now() - signInStarted) / 1000).toFixed(1)} s`,
  );

  // ---- The directory's varied searches: exact, typos, one letter, none, and a deep page reached as a user reaches
  // it, through the list's own "Next" link (straight to it when only the page number changes, else link by link).
  const directoryScenario = pageScenarios.find((s) => s.key === "page-influencers");
  if (directoryScenario) {
    const dirBrowser = browsers.get("dir")![0];
    const first = await send(dirBrowser, {
      path: directory,
      headers: PAGE_HEADERS,
      keepBody: true,
      timeoutMs: SETUP_TIMEOUT_MS,
    });
    if (first.status !== 200) throw new Error(`${directory} answered ${first.status}`);
    let deep = hrefOfNext(decoded(first));
    if (!deep) throw new Error(`${directory} has no "Next" link (rel="next"): the deep-page request needs one`);
    const nextUrl = new URL(deep, "http://x");
    const onlyPage =
      [...nextUrl.searchParams.keys()].every((k) => k === "page") && nextUrl.searchParams.get("page") === "2";
    if (onlyPage) {
      nextUrl.searchParams.set("page", String(DEEP_PAGE));
      deep = nextUrl.pathname + nextUrl.search;
    } else {
      for (let page = 2; page < DEEP_PAGE; page++) {
        const res = await send(dirBrowser, {
          path: deep,
          headers: PAGE_HEADERS,
          keepBody: true,
          timeoutMs: SETUP_TIMEOUT_MS,
        });
        const next = res.status === 200 ? hrefOfNext(decoded(res)) : null;
        if (!next) break;
        deep = next;
      }
    }
    log(`Directory deep page (${DEEP_PAGE}, ${onlyPage ? "by its page number" : "through the Next links"}): ${deep}`);
    const variants = [
      { variant: `exact (q=${TERM})`, url: `${directory}?q=${encodeURIComponent(TERM)}` },
      { variant: "typo (q=schmit)", url: `${directory}?q=schmit` },
      { variant: "typo (q=shmidt)", url: `${directory}?q=shmidt` },
      { variant: "one letter (q=s)", url: `${directory}?q=s` },
      { variant: "no search", url: directory },
      { variant: `deep page (${DEEP_PAGE})`, url: deep },
    ];
    directoryScenario.urls = variants;
    directoryScenario.url = (n) => variants[n % variants.length];
  }

  // ---- Check every URL once (200, and the decoded body's size) before measuring.
  const bodyKb = new Map<string, number>();
  const checkPages = pageScenarios.length ? [floors.bare, floors.portal, ...pageScenarios] : [];
  for (const s of checkPages) {
    const sizes: number[] = [];
    for (const u of s.urls) {
      const res = await send(browsers.get(s.user)![0], {
        path: u.url,
        headers: PAGE_HEADERS,
        keepBody: true,
        timeoutMs: SETUP_TIMEOUT_MS,
      });
      if (res.status !== 200) throw new Error(`${u.url} answered ${res.status}: ${decoded(res).slice(0, 300)}`);
      const size = Buffer.byteLength(decoded(res));
      sizes.push(size);
      bodyKb.set(u.url, size / 1024);
      log(
        `${s.label}${u.variant ? ` [${u.variant}]` : ""}: ${u.url} → 200, ${(size / 1024).toFixed(1)} KB HTML, ${(res.wireBytes / 1024).toFixed(1)} KB on the wire`,
      );
    }
    bodyKb.set(s.key, sizes.reduce((a, b) => a + b, 0) / sizes.length / 1024);
  }
  for (const s of jsonScenarios) {
    const res = await send(browsers.get(s.user)![0], {
      path: s.url,
      headers: JSON_HEADERS,
      keepBody: true,
      timeoutMs: SETUP_TIMEOUT_MS,
    });
    if (res.status !== 200) throw new Error(`${s.url} answered ${res.status}: ${decoded(res).slice(0, 300)}`);
    const text = decoded(res);
    bodyKb.set(s.key, Buffer.byteLength(text) / 1024);
    const body = JSON.parse(text) as { data: unknown[] | object; page?: { total?: number } };
    const n = Array.isArray(body.data)
      ? `${body.data.length} rows${body.page?.total !== undefined ? ` of ${body.page.total}` : ""}`
      : "1 object";
    log(`${s.label}: ${s.url} → 200, ${n}, ${(Buffer.byteLength(text) / 1024).toFixed(1)} KB`);
  }

  // ---- The SQL floor's statements, captured in this process on the signed-in sessions.
  const captured = new Map<JsonKey, Captured[]>();
  if (jsonScenarios.length) {
    const capture = await captureQueries();
    const sid = async (user: UserKey) => sessionIdOf(browsers.get(user)![0]);
    const run: Record<JsonKey, () => Promise<Captured[]>> = {
      search: async () => capture.search(await sid("dir"), searchQuery),
      list: async () => capture.list(await sid("dir"), listQuery),
      detail: async () => capture.detail(await sid("dir"), campaignId),
      creator: async () => capture.creator(await sid("creator")),
      board: async () => capture.board(await sid("dir"), board.id),
      tasks: async () => capture.tasks(await sid("dir"), board.id),
      queue: async () => capture.queue(await sid("fin")),
      summary: async () => capture.summary(await sid("fin"), summary.id),
    };
    for (const s of jsonScenarios) captured.set(s.key, await run[s.key]());
    await capture.close();
  }

  // ---- The runs: at each connection count, the JSON routes next to their SQL floor, then the pages between floors.
  const pageRequest =
    (s: PageScenario): Request =>
    async (browser, n) => {
      const { url, variant } = s.url(n);
      return { answer: await send(browser, { path: url, headers: PAGE_HEADERS }), variant };
    };
  type PageResult = { scenario: PageScenario; run: Run };
  type JsonResult = { label: string; key: JsonKey; app: Run; floor: Run };
  const levels: {
    connections: number;
    pages: PageResult[];
    floors: { bare: Run[]; portal: Run[] };
    json: JsonResult[];
  }[] = [];
  const runOnce = async (connections: number, user: UserKey, request: Request, label: string) => {
    const list = browsers.get(user)!.slice(0, connections);
    await measure(list, request, WARMUP_SECONDS);
    const run = await measure(list, request, SECONDS);
    const f = figures(run);
    log(
      `[${connections} conn] ${label}: p95 ${fmt(f.p95)} ms, ${fmt(f.rps, 0)} req/s, Node ${fmt(f.webCpu)} ms/req` +
        `${f.errors || f.timeouts ? `, ${f.errors} errors, ${f.timeouts} timeouts ${JSON.stringify(f.statuses)}` : ""}, load ${fmt(f.load, 2)}`,
    );
    return run;
  };
  for (const connections of LEVELS) {
    const level = {
      connections,
      pages: [] as PageResult[],
      floors: { bare: [] as Run[], portal: [] as Run[] },
      json: [] as JsonResult[],
    };
    levels.push(level);
    for (const s of jsonScenarios) {
      const request: Request = async (browser) => ({
        answer: await send(browser, { path: s.url, headers: JSON_HEADERS }),
      });
      const app = await runOnce(connections, s.user, request, s.label);
      const queries = captured.get(s.key)!;
      const floorBrowsers = Array.from({ length: connections }, () => newBrowser("sql"));
      await measure(floorBrowsers, () => replay(queries).then((answer) => ({ answer })), WARMUP_SECONDS / 2);
      const floor = await measure(floorBrowsers, () => replay(queries).then((answer) => ({ answer })), SECONDS);
      log(
        `[${connections} conn] ${s.label} SQL floor: p95 ${fmt(figures(floor).p95)} ms, ${fmt(figures(floor).rps, 0)} req/s`,
      );
      level.json.push({ label: s.label, key: s.key, app, floor });
    }
    if (pageScenarios.length) {
      const floorRun = async (which: "bare" | "portal") =>
        level.floors[which].push(await runOnce(connections, "client", pageRequest(floors[which]), floors[which].label));
      await floorRun("bare");
      await floorRun("portal");
      for (const [i, s] of pageScenarios.entries()) {
        level.pages.push({ scenario: s, run: await runOnce(connections, s.user, pageRequest(s), s.label) });
        await floorRun(i % 2 === 0 ? "portal" : "bare");
      }
    }
  }
  const renewed = [...browsers.values()].flat().reduce((a, b) => a + b.renewed, 0);
  const uptimeAfter = execFileSync("uptime", { encoding: "utf8" }).trim();

  // ---- Tables
  const lines: string[] = [];
  let commit = "";
  try {
    commit = execFileSync("git", ["rev-parse", "--short", "HEAD"], { encoding: "utf8" }).trim();
  } catch {
    commit = "?";
  }
  lines.push(`Run of ${new Date().toISOString()} at commit ${commit} on ${os.cpus().length} cores. ${dataLine}.`);
  lines.push(`Server: ${serverConfig}.`);
  lines.push(`Before: \`${uptimeBefore}\`; after: \`${uptimeAfter}\`.`);
  lines.push(
    `${SECONDS} s per run after ${WARMUP_SECONDS} s warm-up; latencies in ms over every request (errors and timeouts included, a timeout at ${TIMEOUT_MS} ms); req/s counts 2xx answers only. ` +
      `KB: on the wire (gzip/br as a browser accepts) / decoded body. CPU: ms per request, the web server processes (Node) and PostgreSQL. ` +
      `Load: the 1-minute load average sampled every second during the run, mean (max). Session cookies renewed by the server during the runs: ${renewed}.`,
  );
  for (const level of levels) {
    if (level.pages.length) {
      const bare = figures(pooled(level.floors.bare));
      const portal = figures(pooled(level.floors.portal));
      lines.push("", `### Pages, ${level.connections} connection${level.connections === 1 ? "" : "s"}`, "");
      lines.push(
        "| scenario | user | p50 | p95 | p97.5 | req/s | errors | timeouts | KB wire / body | Node CPU/req | PG CPU/req | p95 × portal floor | req/s × portal floor | load 1 min |",
      );
      lines.push("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
      const row = (label: string, user: string, f: Figures, kb: number, ratio: string) =>
        lines.push(
          `| ${label} | ${user} | ${fmt(f.p50)} | ${fmt(f.p95)} | ${fmt(f.p975)} | ${fmt(f.rps, 0)} | ${f.errors} | ${f.timeouts} | ${fmt(f.wireKb)} / ${fmt(kb)} | ${fmt(f.webCpu)} | ${fmt(f.pgCpu)} | ${ratio} | ${fmt(f.load, 2)} (${fmt(f.loadMax, 2)}) |`,
        );
      row(
        `${floors.bare.label}, ${level.floors.bare.length} runs pooled`,
        "client",
        bare,
        bodyKb.get("floor-bare")!,
        "– | –",
      );
      row(
        `${floors.portal.label}, ${level.floors.portal.length} runs pooled`,
        "client",
        portal,
        bodyKb.get("floor-portal")!,
        `${fmt(portal.p95 / bare.p95, 2)}× bare | ${fmt(portal.rps / bare.rps, 2)}× bare`,
      );
      for (const { scenario, run } of level.pages) {
        const f = figures(run);
        row(
          scenario.label,
          users[scenario.user].email.split("@")[0],
          f,
          bodyKb.get(scenario.key)!,
          `${fmt(f.p95 / portal.p95, 2)}× | ${fmt(f.rps / portal.rps, 2)}×`,
        );
        // The directory's searches one by one (their requests within the run above, in the order they rotate).
        for (const { variant, url } of scenario.urls) {
          const values = variant ? run.byVariant.get(variant) : undefined;
          if (!values) continue;
          lines.push(
            `| ↳ ${variant} | | ${fmt(quantile(values, 0.5))} | ${fmt(quantile(values, 0.95))} | ${fmt(quantile(values, 0.975))} | (${values.length} requests) | | | – / ${fmt(bodyKb.get(url) ?? NaN)} | | | | | |`,
          );
        }
      }
    }
    if (level.json.length) {
      lines.push(
        "",
        `### JSON routes and their SQL floor, ${level.connections} connection${level.connections === 1 ? "" : "s"}`,
        "",
      );
      lines.push(
        "| scenario | app p50 | app p95 | app p97.5 | app req/s | errors | timeouts | KB wire / body | Node CPU/req | PG CPU/req | floor p50 | floor p95 | floor req/s | p95 ratio | throughput ratio | load 1 min |",
      );
      lines.push(
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
      );
      for (const r of level.json) {
        const a = figures(r.app);
        const f = figures(r.floor);
        lines.push(
          `| ${r.label} | ${fmt(a.p50)} | ${fmt(a.p95)} | ${fmt(a.p975)} | ${fmt(a.rps, 0)} | ${a.errors} | ${a.timeouts} | ${fmt(a.wireKb)} / ${fmt(bodyKb.get(r.key)!)} | ${fmt(a.webCpu)} | ${fmt(a.pgCpu)} | ${fmt(f.p50)} | ${fmt(f.p95)} | ${fmt(f.rps, 0)} | ${fmt(a.p95 / f.p95, 2)}× | ${fmt(f.rps / a.rps, 2)}× | ${fmt(a.load, 2)} (${fmt(a.loadMax, 2)}) |`,
        );
      }
    }
  }
  console.log("\n" + lines.join("\n") + "\n");

  // Plans of the JSON routes' domain statements (the session and user lookups are primary-key and unique-index reads).
  const plans: string[] = [];
  for (const s of jsonScenarios) {
    for (const [k, q] of captured
      .get(s.key)!
      .filter((x) => !x.auth)
      .entries()) {
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
    fs.writeFileSync(
      OUT,
      `## Measured\n\n${lines.join("\n")}\n${plans.length ? `\n## Plans\n\n${plans.join("\n\n")}\n` : ""}`,
    );
    log(`Wrote ${OUT}`);
  }
  // The bench's sessions end here (each browser's sign-in made one).
  const revoked = await pool.query(
    `UPDATE "Session" SET "revokedAt" = now() WHERE "userAgent" = $1 AND "revokedAt" IS NULL`,
    [USER_AGENT],
  );
  log(`Revoked the ${revoked.rowCount} sessions the sign-ins made`);
} catch (error) {
  console.error("[bench] Failed:", error instanceof Error ? error.message : error);
  process.exitCode = 1;
} finally {
  await cleanup();
}
