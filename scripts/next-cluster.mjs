// node scripts/next-cluster.mjs <workers> start -p <port> [-H <host>] — the production server as several
// server processes (scripts/server.mjs) sharing one port (Node's cluster module: the primary owns the listening socket and
// hands connections to the workers in turn). One Next.js process is single-threaded; the app keeps no state
// in the process (sessions are rows, caches are per request or safe per process), so more processes serve
// more requests on more cores. Used by scripts/start.ts (WEB_CONCURRENCY) and scripts/bench.ts.
// SIGTERM/SIGINT stop every worker (SIGTERM; each exits by itself within SHUTDOWN_GRACE_MS, SIGKILL 2 s after
// that is for a hung one) before this process exits; if a worker dies
// on its own, the others are stopped and this process exits with its code, like a single server would.
import cluster from "node:cluster";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { SHUTDOWN_GRACE_MS } from "./server-edge.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const [countArg, ...nextArgs] = process.argv.slice(2);
const count = Math.max(1, Number(countArg) || 1);

cluster.setupPrimary({ exec: path.join(root, "scripts", "server.mjs"), args: nextArgs });
// Round-robin in the primary (the default except on Windows): connections spread evenly over the workers.
cluster.schedulingPolicy = cluster.SCHED_RR;

let stopping = false;
let exitCode = 0;

function stop(code) {
  if (stopping) return;
  stopping = true;
  exitCode = code;
  const workers = Object.values(cluster.workers ?? {});
  if (workers.length === 0) process.exit(exitCode);
  for (const worker of workers) {
    worker.process.kill("SIGTERM");
    setTimeout(
      () => worker.process.exitCode === null && worker.process.signalCode === null && worker.process.kill("SIGKILL"),
      SHUTDOWN_GRACE_MS + 2_000,
    ).unref();
  }
}

cluster.on("exit", (worker, code, signal) => {
  if (!stopping) {
    console.error(
      `[tikit] Web worker ${worker.process.pid} stopped (${signal ?? `exit code ${code}`}); stopping the others`,
    );
    stop(code || 1);
  }
  if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(exitCode);
});

for (const signal of ["SIGTERM", "SIGINT"]) process.on(signal, () => stop(0));
for (let i = 0; i < count; i++) cluster.fork({ TIKIT_WEB_WORKER: String(i + 1) });
