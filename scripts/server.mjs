// node scripts/server.mjs [start|dev] [-p <port>] [-H <hostname>] — the HTTP server of the app: Node's http server
// in front of Next.js's own request handler (Next's documented custom server; every request still goes to Next).
// Started by scripts/start.ts (npm start / npm run dev), scripts/next-cluster.mjs (WEB_CONCURRENCY) and
// scripts/bench.ts. It exists for what `next start` does not do:
// - The client address: computed from the socket and TRUST_PROXY (scripts/server-edge.mjs) and handed to the app
//   in a header the client cannot set; X-Forwarded-For is believed only as far as TRUST_PROXY proxies go.
// - A server action or /api/auth/* request whose declared body is over its limit gets 413 before Next.js reads
//   it (Next.js answers 500 to the action; Auth.js read any body whole).
// - Shutdown: on SIGTERM/SIGINT `next start` only calls server.close(), which waits for every keep-alive socket
//   while their clients keep sending requests. Here the server stops accepting, answers what is in flight (and
//   anything still arriving on an open connection) with `Connection: close`, closes idle sockets as soon as they
//   are idle, and exits by itself within SHUTDOWN_GRACE_MS, closing whatever is left then.
import http from "node:http";
import path from "node:path";
import { fileURLToPath } from "node:url";
import {
  CLIENT_ADDRESS_HEADER,
  SHUTDOWN_GRACE_MS,
  bodyLimitOf,
  clientAddress,
  parseTrustProxy,
} from "./server-edge.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const args = process.argv.slice(2);
const dev = args[0] === "dev";
const option = (short, long) => {
  const at = args.findIndex((arg) => arg === short || arg === long);
  return at >= 0 ? args[at + 1] : undefined;
};
const port = Number(option("-p", "--port") ?? process.env.PORT ?? 3000);
const hostname = option("-H", "--hostname");
const hops = parseTrustProxy(process.env.TRUST_PROXY);
// As the `next` command sets them before it starts a server.
process.env.NODE_ENV ||= dev ? "development" : "production";
process.env.NEXT_RUNTIME = "nodejs";
const log = (line) => console.log(`[tikit] ${line}`);

const { default: next } = await import("next");

/** Responses under way, so that a shutdown can mark them `Connection: close`. */
const active = new Set();
let stopping = false;

function overLimit(req) {
  const limit = bodyLimitOf(req.method, req.url ?? "/", req.headers);
  return limit !== null && Number(req.headers["content-length"]) > limit ? limit : null;
}

function onRequest(req, res) {
  if (stopping) res.setHeader("Connection", "close");
  req.headers[CLIENT_ADDRESS_HEADER] =
    clientAddress({
      socketAddress: req.socket.remoteAddress,
      forwardedFor: req.headers["x-forwarded-for"],
      hops,
    }) ?? undefined;
  if (req.headers[CLIENT_ADDRESS_HEADER] === undefined) delete req.headers[CLIENT_ADDRESS_HEADER];
  // A streamed answer (a content file) has eleven "close" listeners: Next.js's own, the stream pipeline's, and ours
  // (this one, and the API's abort signal, lib/api/http.ts). One response per request, so none accumulate; the default
  // limit of ten only printed a MaxListenersExceededWarning per file download.
  res.setMaxListeners(20);
  res.once("close", () => {
    active.delete(res);
    lingerThenClose(req);
    // A response whose headers left before the shutdown kept its connection open: close it now that it is idle.
    if (stopping) setImmediate(() => server.closeIdleConnections());
  });
  const limit = overLimit(req);
  if (limit !== null) return refuseBody(res, limit);
  active.add(res);
  handle(req, res).catch((error) => {
    console.error("[tikit] Request failed:", error);
    if (!res.headersSent) res.writeHead(500, { "Content-Type": "text/plain; charset=utf-8" });
    res.end();
  });
}

const server = http.createServer(onRequest);
/** Upgraded connections (the development server's hot-reload websocket): the http server no longer tracks them. */
const upgraded = new Set();
server.on("upgrade", (_req, socket) => {
  upgraded.add(socket);
  socket.once("close", () => upgraded.delete(socket));
});
// A client that asks first (Expect: 100-continue) hears 413 before it sends a body over the limit.
server.on("checkContinue", (req, res) => {
  if (overLimit(req) === null) res.writeContinue();
  onRequest(req, res);
});

/**
 * How long a request whose answer has gone out may go on sending its body (read and thrown away by Node.js) before
 * its connection is closed. Closing at once would reset a connection with unread data in it, and a reset can make the
 * client lose the answer it has not read yet (a 413 did, in tests/integration/http-server.test.ts); never closing
 * lets a client send an endless body. nginx calls this a lingering close.
 */
const LINGER_MS = 2_000;

function lingerThenClose(req) {
  if (req.complete || req.socket.destroyed) return;
  setTimeout(() => req.complete || req.socket.destroy(), LINGER_MS).unref();
}

/**
 * 413 before Next.js reads any of the body; the connection closes by lingerThenClose. Kept alive until then even if
 * the client asked to close (Connection: close, HTTP/1.0): Node.js would close it as soon as the answer is written,
 * with the body unread, which is the reset described above.
 */
function refuseBody(res, limit) {
  res.shouldKeepAlive = true;
  const message = `The request body is larger than ${limit >= 1024 * 1024 ? `${limit / 1024 / 1024} MB` : `${limit / 1024} KB`}`;
  const body = JSON.stringify({ error: { code: "PAYLOAD_TOO_LARGE", message } });
  res.writeHead(413, { "Content-Type": "application/json", "Content-Length": Buffer.byteLength(body) });
  res.end(body);
}

const app = next({ dev, dir: root, hostname: hostname ?? "localhost", port, httpServer: server });
const handle = app.getRequestHandler();
await app.prepare();
await new Promise((resolve, reject) => {
  server.once("error", reject);
  server.listen(port, hostname, resolve);
});
log(`Ready on http://${hostname ?? "localhost"}:${port} (${dev ? "development" : "production"}, TRUST_PROXY=${hops})`);

async function shutdown(signal) {
  if (stopping) return;
  stopping = true;
  log(`${signal}: stopping the web server (${active.size} requests in flight)`);
  const deadline = setTimeout(() => {
    log(`${active.size} requests still open after ${SHUTDOWN_GRACE_MS / 1000} s: closing them`);
    server.closeAllConnections();
    process.exit(1);
  }, SHUTDOWN_GRACE_MS);
  deadline.unref();
  const closed = new Promise((resolve) => server.close(resolve));
  for (const res of active) if (!res.headersSent) res.setHeader("Connection", "close");
  server.closeIdleConnections();
  for (const socket of upgraded) socket.destroy();
  await closed;
  await app.close().catch((error) => console.error("[tikit] Closing Next.js failed:", error));
  process.exit(0);
}
for (const signal of ["SIGTERM", "SIGINT"]) process.on(signal, () => void shutdown(signal));
