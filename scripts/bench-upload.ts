// npm run bench:upload — a script, not a test. Starts the production server (next start; `next build` first
// if there is no build) on a throwaway data folder (embedded PostgreSQL + file storage under a temp dir,
// demo seed), signs in as the demo creator by minting a session (as scripts/bench.ts), accepts the demo
// task, and streams a generated UPLOAD_MB (200) MB file with an MP4 signature to
// POST /api/content/tasks/:id/artifacts as multipart/form-data, generated on the fly (neither side holds it).
// It samples the server's resident memory (RSS of the server process and its children, from /proc) every
// 50 ms before, during and after the upload and prints the peaks; then checks the stored size and SHA-256,
// range requests on the file route (206 with the right bytes, 416 past the end) and the size limit (an image
// over 25 MB gets 413 while it streams).
// Options: BENCH_PORT (3121), TIKIT_PG_PORT (54441), UPLOAD_MB (200), --keep (leave the data folder).
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";

const PORT = Number(process.env.BENCH_PORT ?? 3121);
const UPLOAD_MB = Number(process.env.UPLOAD_MB ?? 200);
const MB = 1024 * 1024;
const COOKIE_NAME = "authjs.session-token";
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "tikit-bench-upload-"));
process.env.TIKIT_DATA_DIR = dataDir;
process.env.TIKIT_PG_PORT ??= "54441";
const log = (line: string) => console.log(`[bench:upload] ${line}`);

const { loadLocalEnv } = await import("./local-env");
const env = await loadLocalEnv({ log });
const { getDb, closeDb } = await import("../lib/db/client");
const { seed, demoEmail } = await import("./seed/demo/seed");
const { CONTENT_DEMO_TASK } = await import("./seed/demo/content");
const db = getDb();
let server: ChildProcess | null = null;

async function cleanup() {
  if (server && server.exitCode === null) {
    server.kill("SIGTERM");
    await new Promise((resolve) => server!.once("exit", resolve));
  }
  await closeDb().catch(() => {});
  await env.stop();
  if (!process.argv.includes("--keep")) fs.rmSync(dataDir, { recursive: true, force: true });
}
process.on("SIGINT", () => void cleanup().then(() => process.exit(130)));

// ------------------------------------------------------------------------------------------------------
// Memory of the server: RSS of the process tree (next start may run the app in a child process)
// ------------------------------------------------------------------------------------------------------

function childrenOf(pid: number): number[] {
  const kids: number[] = [];
  for (const entry of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, "utf8");
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      if (ppid === pid) kids.push(Number(entry));
    } catch {
      // gone
    }
  }
  return kids;
}

function treeRssBytes(root: number): number {
  let total = 0;
  const queue = [root];
  while (queue.length) {
    const pid = queue.pop()!;
    try {
      const status = fs.readFileSync(`/proc/${pid}/status`, "utf8");
      const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
      total += kb * 1024;
    } catch {
      continue;
    }
    queue.push(...childrenOf(pid));
  }
  return total;
}

class Sampler {
  peak = 0;
  samples = 0;
  private timer: NodeJS.Timeout | null = null;
  constructor(private readonly pid: number) {}
  start() {
    this.peak = 0;
    this.samples = 0;
    this.timer = setInterval(() => {
      this.peak = Math.max(this.peak, treeRssBytes(this.pid));
      this.samples++;
    }, 50);
    return this;
  }
  stop() {
    if (this.timer) clearInterval(this.timer);
    this.peak = Math.max(this.peak, treeRssBytes(this.pid));
    return this.peak;
  }
}
const mb = (bytes: number) => `${(bytes / MB).toFixed(1)} MB`;

// ------------------------------------------------------------------------------------------------------
// Server and session
// ------------------------------------------------------------------------------------------------------

function request(
  options: http.RequestOptions,
  body?: (req: http.ClientRequest) => void,
): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: "127.0.0.1", port: PORT, ...options }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
      res.on("error", reject);
    });
    req.on("error", reject);
    if (body) body(req);
    else req.end();
  });
}

async function startServer() {
  const nextBin = path.join("node_modules", "next", "dist", "bin", "next");
  const childEnv: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: "production",
    NEXT_TELEMETRY_DISABLED: "1",
    PORT: String(PORT),
    APP_URL: `http://localhost:${PORT}`,
  };
  if (!fs.existsSync(path.join(".next", "BUILD_ID"))) {
    log("No production build (.next/BUILD_ID): running next build…");
    if (spawnSync(process.execPath, [nextBin, "build"], { stdio: "inherit", env: childEnv }).status !== 0)
      throw new Error("next build failed");
  }
  const child = spawn(process.execPath, [nextBin, "start", "-p", String(PORT), "-H", "127.0.0.1"], {
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
      if ((await request({ path: "/api/health" })).status === 200) return { child, output: () => output };
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`The server did not answer within 60 s:\n${output}`);
}

async function mintSession(userId: string, agencyId: string) {
  const { encode } = await import("next-auth/jwt");
  const sessionId = crypto.randomUUID();
  await db.session.create({
    data: {
      id: sessionId,
      agencyId,
      userId,
      ip: "127.0.0.1",
      userAgent: "tikit-bench-upload",
      expiresAt: new Date(Date.now() + 86_400_000),
      lastSeenAt: new Date(),
    },
  });
  const token = await encode({
    token: { sub: userId, sid: sessionId },
    secret: process.env.AUTH_SECRET!,
    salt: COOKIE_NAME,
    maxAge: 86_400,
  });
  return `${COOKIE_NAME}=${token}`;
}

// ------------------------------------------------------------------------------------------------------
// The generated file: 1 MB blocks of fixed random bytes, each stamped with its index; block 0 starts with an
// MP4 `ftyp` box. Any byte can be recomputed for the range checks.
// ------------------------------------------------------------------------------------------------------

const BASE = crypto.randomBytes(MB);
function block(k: number): Buffer {
  const b = Buffer.from(BASE);
  if (k === 0) {
    Buffer.from([0, 0, 0, 0x18]).copy(b, 0);
    b.write("ftypisom", 4, "latin1");
  } else b.writeUInt32BE(k, 0);
  return b;
}
function expectedBytes(start: number, end: number): Buffer {
  const parts: Buffer[] = [];
  for (let k = Math.floor(start / MB); k <= Math.floor(end / MB); k++) {
    const b = block(k);
    const from = k === Math.floor(start / MB) ? start % MB : 0;
    const to = k === Math.floor(end / MB) ? (end % MB) + 1 : MB;
    parts.push(b.subarray(from, to));
  }
  return Buffer.concat(parts);
}

/** Streams a multipart body (fields, then `blocks` MB of file) with backpressure; returns the file's SHA-256. */
function streamUpload(
  taskId: string,
  cookie: string,
  artifactType: string,
  fileName: string,
  blocks: number,
  makeBlock: (k: number) => Buffer,
) {
  const boundary = `----tikit${crypto.randomBytes(8).toString("hex")}`;
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="artifactType"\r\n\r\n${artifactType}\r\n` +
      `--${boundary}\r\nContent-Disposition: form-data; name="note"\r\n\r\nbench upload\r\n` +
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  const hash = crypto.createHash("sha256");
  const length = head.length + blocks * MB + tail.length;
  const done = request(
    {
      method: "POST",
      path: `/api/content/tasks/${taskId}/artifacts`,
      headers: {
        cookie,
        "content-type": `multipart/form-data; boundary=${boundary}`,
        "content-length": String(length),
      },
    },
    (req) => {
      let k = 0;
      let aborted = false;
      req.on("error", () => (aborted = true));
      req.on("close", () => (aborted = true));
      const pump = () => {
        while (k < blocks && !aborted) {
          const b = makeBlock(k++);
          hash.update(b);
          if (!req.write(b)) return void req.once("drain", pump);
        }
        if (!aborted) req.end(tail);
      };
      req.write(head);
      pump();
    },
  );
  return { done, hash: () => hash.digest("hex") };
}

// ------------------------------------------------------------------------------------------------------

try {
  log("Seeding the demo data…");
  await seed(db);
  const creator = await db.user.findUniqueOrThrow({ where: { email: demoEmail("northwind", "creator") } });
  const task = await db.contentTask.findFirstOrThrow({
    where: { agencyId: creator.agencyId, title: CONTENT_DEMO_TASK.northwind },
  });
  await db.contentTask.update({ where: { id: task.id }, data: { status: "ACCEPTED", respondedAt: new Date() } });
  const cookie = await mintSession(creator.id, creator.agencyId);
  const { child } = await startServer();
  const pid = child.pid!;
  log(`Server up (pid ${pid}) on port ${PORT}; data in ${dataDir}`);

  // Warm-up: a small upload loads the route and the database pool.
  const warm = streamUpload(task.id, cookie, "DRAFT", "warmup.mp4", 1, block);
  const warmRes = await warm.done;
  if (warmRes.status !== 201) throw new Error(`Warm-up upload failed: ${warmRes.status} ${warmRes.body.toString()}`);
  await new Promise((r) => setTimeout(r, 1500));
  const idle = new Sampler(pid).start();
  await new Promise((r) => setTimeout(r, 2000));
  const before = idle.stop();

  const during = new Sampler(pid).start();
  const t0 = Date.now();
  const upload = streamUpload(task.id, cookie, "DRAFT", "bench.mp4", UPLOAD_MB, block);
  const res = await upload.done;
  const seconds = (Date.now() - t0) / 1000;
  const peak = during.stop();
  if (res.status !== 201) throw new Error(`Upload failed: ${res.status} ${res.body.toString()}`);
  const artifact = (
    JSON.parse(res.body.toString()) as {
      data: { id: string; version: number; sizeBytes: number; fileHash: string; mimeType: string };
    }
  ).data;
  const sent = upload.hash();
  await new Promise((r) => setTimeout(r, 2000));
  const afterSampler = new Sampler(pid).start();
  await new Promise((r) => setTimeout(r, 1000));
  const after = afterSampler.stop();

  const checks: [string, boolean, string][] = [];
  checks.push([
    "stored size",
    artifact.sizeBytes === UPLOAD_MB * MB,
    `${artifact.sizeBytes} bytes (sent ${UPLOAD_MB * MB})`,
  ]);
  checks.push(["stored SHA-256 = sent", artifact.fileHash === sent, artifact.fileHash]);
  checks.push(["type from the bytes", artifact.mimeType === "video/mp4", artifact.mimeType]);
  checks.push(["version", artifact.version === 2, `v${artifact.version}`]);

  // Range requests on the authorized file route.
  const file = (range?: string) =>
    request({ path: `/api/content/artifacts/${artifact.id}/file`, headers: { cookie, ...(range ? { range } : {}) } });
  const start = 100 * MB + 12_345;
  const r1 = await file(`bytes=${start}-${start + 99_999}`);
  checks.push(["range → 206", r1.status === 206, `${r1.status} ${r1.headers["content-range"]}`]);
  checks.push(["range bytes", r1.body.equals(expectedBytes(start, start + 99_999)), `${r1.body.length} bytes`]);
  const r2 = await file(`bytes=-1000`);
  checks.push([
    "suffix range",
    r2.status === 206 && r2.body.equals(expectedBytes(UPLOAD_MB * MB - 1000, UPLOAD_MB * MB - 1)),
    `${r2.status} ${r2.headers["content-range"]}`,
  ]);
  const r3 = await file(`bytes=${UPLOAD_MB * MB + 10}-`);
  checks.push([
    "past the end → 416",
    r3.status === 416 && r3.headers["content-range"] === `bytes */${UPLOAD_MB * MB}`,
    `${r3.status} ${r3.headers["content-range"]}`,
  ]);
  checks.push(["Accept-Ranges", r1.headers["accept-ranges"] === "bytes", String(r1.headers["accept-ranges"])]);
  const anon = await request({ path: `/api/content/artifacts/${artifact.id}/file` });
  checks.push(["signed out → 401", anon.status === 401, String(anon.status)]);

  // The size limit while streaming: a 30 MB "image" is refused with 413 and nothing is kept.
  const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  const big = streamUpload(task.id, cookie, "DRAFT", "huge.png", 30, (k) =>
    k === 0 ? Buffer.concat([png, BASE.subarray(png.length)]) : BASE,
  );
  let refused = "";
  try {
    const r = await big.done;
    refused = `${r.status} ${JSON.parse(r.body.toString()).error?.message ?? ""}`;
  } catch (error) {
    refused = `connection closed early (${(error as Error).message})`;
  }
  const tmpDir = path.join(dataDir, "files", "tmp");
  const leftovers = fs.existsSync(tmpDir) ? fs.readdirSync(tmpDir).length : 0;
  checks.push(["30 MB image → 413", refused.startsWith("413"), refused]);
  checks.push(["no temp file left", leftovers === 0, `${leftovers} in files/tmp`]);

  console.log("");
  console.log(`| Server RSS (process tree)          | MB |`);
  console.log(`|------------------------------------|----|`);
  console.log(`| before (idle, after warm-up)       | ${(before / MB).toFixed(1)} |`);
  console.log(`| peak during the ${UPLOAD_MB} MB upload      | ${(peak / MB).toFixed(1)} |`);
  console.log(`| after (2 s later)                  | ${(after / MB).toFixed(1)} |`);
  console.log(`| growth during the upload           | ${((peak - before) / MB).toFixed(1)} |`);
  console.log("");
  log(
    `Upload of ${UPLOAD_MB} MB took ${seconds.toFixed(1)} s (${(UPLOAD_MB / seconds).toFixed(1)} MB/s); ${during.samples} memory samples; peak ${mb(peak)} vs before ${mb(before)}`,
  );
  for (const [name, ok, detail] of checks) log(`${ok ? "ok  " : "FAIL"} ${name}: ${detail}`);
  if (checks.some(([, ok]) => !ok)) process.exitCode = 1;
} catch (error) {
  console.error(error);
  process.exitCode = 1;
} finally {
  await cleanup();
}
