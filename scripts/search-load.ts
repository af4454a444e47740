// npm run search:load -- <base URL> <cookie> [path ...] — a simple load loop for the directory search (issue 14):
// SEARCH_CONCURRENCY connections (20) for SEARCH_SECONDS (10) against a running server, each request the next path
// in turn (default: the typo search); p50/p95/p99, requests per second, errors and response sizes, with the load
// average at start and end. A sign-in cookie is passed as the second argument ("authjs.session-token=…").
import os from "node:os";

const [base, cookie, ...given] = process.argv.slice(2);
if (!base || !cookie) throw new Error("Usage: search-load <base URL> <cookie> [path ...]");
const paths = given.length ? given : ["/api/influencers?q=schmit"];
const concurrency = Number(process.env.SEARCH_CONCURRENCY ?? 20);
const seconds = Number(process.env.SEARCH_SECONDS ?? 10);
const timeoutMs = Number(process.env.SEARCH_TIMEOUT_MS ?? 10_000);

const times: number[] = [];
const sizes: number[] = [];
const statuses = new Map<string, number>();
let next = 0;
const load = () =>
  os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(" ");
const loadBefore = load();
const deadline = Date.now() + seconds * 1000;

async function worker() {
  while (Date.now() < deadline) {
    const path = paths[next++ % paths.length];
    const started = performance.now();
    let status: string;
    try {
      const res = await fetch(base + path, { headers: { cookie }, signal: AbortSignal.timeout(timeoutMs) });
      const body = await res.arrayBuffer();
      status = String(res.status);
      if (res.ok) sizes.push(body.byteLength);
    } catch (error) {
      status = error instanceof Error && error.name === "TimeoutError" ? "timeout" : "error";
    }
    times.push(performance.now() - started);
    statuses.set(status, (statuses.get(status) ?? 0) + 1);
  }
}

await Promise.all(Array.from({ length: concurrency }, worker));
const sorted = [...times].sort((a, b) => a - b);
const pct = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]?.toFixed(1);
console.log(
  `${paths.join(" | ")}: ${concurrency} connections, ${seconds} s: ${times.length} requests, ${(times.length / seconds).toFixed(1)} req/s, ` +
    `p50 ${pct(50)} ms, p95 ${pct(95)} ms, p99 ${pct(99)} ms, max ${sorted.at(-1)?.toFixed(1)} ms; ` +
    `status ${[...statuses].map(([s, n]) => `${s}×${n}`).join(" ")}; ` +
    `size ${sizes.length ? Math.round(sizes.reduce((a, b) => a + b, 0) / sizes.length) : 0} B; load ${loadBefore} → ${load()}`,
);
