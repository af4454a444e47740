import crypto from "node:crypto";
import http from "node:http";
import net from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { MAX_FAILURES_PER_IP } from "@/lib/domain/auth/constants";
import { CLIENT_ADDRESS_HEADER, SERVER_ACTION_BODY_LIMIT_BYTES } from "@/scripts/server-edge.mjs";
import { createAgency, createUser, uniqueEmail } from "../setup/factories";
import { hasBuild, request, serverActionId, startTestServer, type TestServer } from "../setup/http-server";

// The HTTP server of the app (scripts/server.mjs over the production build) as a real process: the client address
// and TRUST_PROXY (issue 12 item 5), body limits before sign-in (item 7) and shutdown under load (item 11).

const MB = 1024 * 1024;

/** A loopback address of this test's own (the per-IP rate limit counts rows of the shared test database). */
function loopbackAddress() {
  const b = crypto.randomBytes(3);
  return `127.${b[0]}.${b[1]}.${Math.max(2, b[2] % 254)}`;
}

function signIn(
  server: TestServer,
  input: { email: string; password: string },
  headers: http.OutgoingHttpHeaders,
  localAddress?: string,
) {
  return request(server.port, {
    method: "POST",
    path: "/login",
    localAddress,
    headers: {
      "next-action": serverActionId("signInAction", "lib/actions/auth"),
      "content-type": "text/plain;charset=UTF-8",
      accept: "text/x-component",
      origin: `http://127.0.0.1:${server.port}`,
      ...headers,
    },
    body: JSON.stringify([input]),
  });
}

/**
 * POSTs `total` bytes as fast as the server takes them; resolves with the answer (or 0 if there was none). On a
 * keep-alive connection, as browsers send; `close` sends Connection: close instead.
 */
function upload(
  port: number,
  options: { path: string; total: number; chunked: boolean; close?: boolean; headers?: http.OutgoingHttpHeaders },
) {
  const started = performance.now();
  const chunk = Buffer.alloc(64 * 1024, "a");
  return new Promise<{ status: number; ms: number; sentMb: number }>((resolve) => {
    let sent = 0;
    let settled = false;
    const finish = (status: number) => {
      if (settled) return;
      settled = true;
      resolve({ status, ms: performance.now() - started, sentMb: sent / MB });
      req.destroy();
    };
    const req = http.request({
      host: "127.0.0.1",
      port,
      method: "POST",
      path: options.path,
      agent: options.close ? false : new http.Agent({ keepAlive: true }),
      headers: {
        "content-type": "application/x-www-form-urlencoded",
        ...(options.chunked ? { "transfer-encoding": "chunked" } : { "content-length": String(options.total) }),
        ...options.headers,
      },
    });
    req.on("response", (res) => {
      res.resume();
      finish(res.statusCode ?? 0);
    });
    req.on("error", () => setTimeout(() => finish(0), 50));
    const pump = () => {
      while (!settled && sent < options.total) {
        sent += chunk.length;
        if (!req.write(chunk)) return void req.once("drain", pump);
      }
      if (!settled) req.end();
    };
    pump();
  });
}

describe.skipIf(!hasBuild)("the HTTP server (scripts/server.mjs, production build)", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ TRUST_PROXY: "" });
  }, 90_000);
  afterAll(async () => {
    await server?.stop();
  });

  describe("client address without TRUST_PROXY", () => {
    it("counts sign-ins by the socket's address: rotating X-Forwarded-For (or the internal header) does not get around the per-IP limit", async () => {
      const ip = loopbackAddress();
      // The window is nearly used up by this address; two more failures, each claiming another address.
      await db.loginAttempt.createMany({
        data: Array.from({ length: MAX_FAILURES_PER_IP - 1 }, () => ({
          email: uniqueEmail("earlier"),
          ip,
          success: false,
        })),
      });
      const spoof = (n: number) => ({
        "x-forwarded-for": `198.51.100.${n}`,
        "x-real-ip": `198.51.100.${n}`,
        [CLIENT_ADDRESS_HEADER]: `203.0.113.${n}`,
      });
      const emails = [uniqueEmail("rotating"), uniqueEmail("rotating")];
      const first = await signIn(server, { email: emails[0], password: "wrong" }, spoof(1), ip);
      expect(first.status).toBe(200);
      expect(first.body).toContain('"code":"UNAUTHENTICATED"');
      const second = await signIn(server, { email: emails[1], password: "wrong" }, spoof(2), ip);
      expect(second.body).toContain('"code":"RATE_LIMITED"');
      const recorded = await db.loginAttempt.findMany({ where: { email: { in: emails } }, select: { ip: true } });
      expect(recorded).toEqual([{ ip }]);
    });
  });

  describe("body limits before sign-in", () => {
    it("answers 413 at once to 50 MB for /api/auth/callback/credentials, declared or chunked, and memory stays flat", async () => {
      const before = server.rssMb();
      const uploads = await Promise.all([
        ...Array.from({ length: 10 }, () =>
          upload(server.port, { path: "/api/auth/callback/credentials", total: 50 * MB, chunked: false }),
        ),
        ...Array.from({ length: 10 }, () =>
          upload(server.port, { path: "/api/auth/callback/credentials", total: 50 * MB, chunked: true }),
        ),
      ]);
      const after = server.rssMb();
      console.log(
        `[http-server] 20 × 50 MB to /api/auth/callback/credentials: statuses ${[...new Set(uploads.map((u) => u.status))].join(",")}, ` +
          `slowest answer ${Math.max(...uploads.map((u) => u.ms)).toFixed(0)} ms, at most ${Math.max(...uploads.map((u) => u.sentMb)).toFixed(1)} MB sent by a client, ` +
          `server RSS ${before.toFixed(0)} → ${after.toFixed(0)} MB`,
      );
      expect(uploads.map((u) => u.status)).toEqual(Array(20).fill(413));
      expect(Math.max(...uploads.map((u) => u.ms))).toBeLessThan(10_000);
      expect(after - before).toBeLessThan(100);
    });

    it("still hands Auth.js a small body (its CSRF check reads the form)", async () => {
      const csrf = await request(server.port, { path: "/api/auth/csrf" });
      const { csrfToken } = JSON.parse(csrf.body) as { csrfToken: string };
      const cookie = [csrf.headers["set-cookie"] ?? []]
        .flat()
        .map((c) => c.split(";")[0])
        .join("; ");
      const answer = await request(server.port, {
        method: "POST",
        path: "/api/auth/callback/credentials",
        headers: { "content-type": "application/x-www-form-urlencoded", cookie },
        body: new URLSearchParams({ csrfToken, ticket: "not-a-ticket" }).toString(),
      });
      expect(answer.status).toBe(302);
      expect(answer.headers.location).toContain("error=CredentialsSignin");
    });

    it("answers 413 to a server action whose declared body is over the limit (Next.js alone answers 500)", async () => {
      const headers = {
        "next-action": serverActionId("signInAction", "lib/actions/auth"),
        "content-type": "text/plain;charset=UTF-8",
      };
      const answers = await Promise.all([
        ...Array.from({ length: 5 }, () =>
          upload(server.port, { path: "/login", total: 8 * SERVER_ACTION_BODY_LIMIT_BYTES, chunked: false, headers }),
        ),
        ...Array.from({ length: 5 }, () =>
          upload(server.port, {
            path: "/login",
            total: 8 * SERVER_ACTION_BODY_LIMIT_BYTES,
            chunked: false,
            close: true,
            headers,
          }),
        ),
      ]);
      expect(answers.map((a) => a.status)).toEqual(Array(10).fill(413));
    });

    it("serves no file through the image optimizer", async () => {
      const answer = await request(server.port, { path: "/_next/image?url=%2F.data%2Fsecrets.json&w=64&q=75" });
      expect(answer.status).toBe(404);
      expect(answer.body).not.toContain("AUTH_SECRET");
      expect(answer.body).not.toContain(process.env.AUTH_SECRET!);
    });
  });
});

describe.skipIf(!hasBuild)("the HTTP server behind one proxy (TRUST_PROXY=1)", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ TRUST_PROXY: "1" });
  }, 90_000);
  afterAll(async () => {
    await server?.stop();
  });

  it("takes the right-most X-Forwarded-For entry, for the rate limit and the audit log alike", async () => {
    const agency = await createAgency("Proxy");
    const user = await createUser(agency.id, { role: "CM" });
    const proxied = `203.0.113.${crypto.randomInt(1, 255)}`;
    const answer = await signIn(
      server,
      { email: user.email, password: "wrong" },
      { "x-forwarded-for": `6.6.6.6, ${proxied}`, [CLIENT_ADDRESS_HEADER]: "6.6.6.7" },
    );
    expect(answer.body).toContain('"code":"UNAUTHENTICATED"');
    const attempts = await db.loginAttempt.findMany({ where: { email: user.email }, select: { ip: true } });
    expect(attempts).toEqual([{ ip: proxied }]);
    const audit = await db.auditLog.findMany({
      where: { agencyId: agency.id, action: "auth.login.failed" },
      select: { ip: true },
    });
    expect(audit).toEqual([{ ip: proxied }]);
  });

  it("on SIGTERM finishes requests in flight with Connection: close, closes idle keep-alive sockets, refuses new connections and exits by itself within 10 s", async () => {
    const raw = async () => {
      const socket = net.connect(server.port, "127.0.0.1");
      await new Promise((resolve, reject) => socket.once("connect", resolve).once("error", reject));
      let received = "";
      socket.on("data", (chunk: Buffer) => (received += chunk.toString("latin1")));
      const closed = new Promise<void>((resolve) => socket.once("close", () => resolve()));
      return { socket, closed, received: () => received };
    };
    const waitFor = async (test: () => boolean, ms = 10_000) => {
      const until = Date.now() + ms;
      while (!test()) {
        if (Date.now() > until) throw new Error("timed out");
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    };
    // Three idle keep-alive connections, each after one answered request.
    const idle = await Promise.all([raw(), raw(), raw()]);
    for (const c of idle) c.socket.write("GET /api/health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
    for (const c of idle) await waitFor(() => /\r\n\r\n[\s\S]*\}/.test(c.received()));
    // Two requests in flight, their bodies half sent: one on a fresh connection, one on a used keep-alive one.
    const body = "csrfToken=x&ticket=" + "t".repeat(2000);
    const head = `POST /api/auth/callback/credentials HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: ${body.length}\r\n\r\n`;
    const inFlight = [await raw(), idle[2]];
    const before = inFlight.map((c) => c.received().length);
    for (const c of inFlight) c.socket.write(head + body.slice(0, 1000));
    await new Promise((resolve) => setTimeout(resolve, 500));

    const signalled = performance.now();
    server.process.kill("SIGTERM");
    await Promise.all(idle.slice(0, 2).map((c) => c.closed));
    const idleClosedMs = performance.now() - signalled;
    await waitFor(() => /SIGTERM: stopping/.test(server.output()));
    // Refused once the listening socket is closed (a connection the kernel queued just before that is reset).
    let refused = false;
    for (let tries = 0; tries < 40 && !refused; tries++) {
      refused = await request(server.port, { path: "/api/health" }).then(
        () => false,
        (error: NodeJS.ErrnoException) => error.code === "ECONNREFUSED",
      );
      if (!refused) await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(refused).toBe(true);

    for (const c of inFlight) c.socket.write(body.slice(1000));
    await Promise.all(inFlight.map((c) => c.closed));
    const answers = inFlight.map((c, i) => c.received().slice(before[i]));
    for (const answer of answers) {
      expect(answer).toMatch(/^HTTP\/1\.1 302 /);
      expect(answer).toMatch(/\r\nConnection: close\r\n/i);
    }
    const { code, signal } = await server.exited;
    const exitMs = performance.now() - signalled;
    console.log(
      `[http-server] SIGTERM: idle sockets closed after ${idleClosedMs.toFixed(0)} ms, exit ${code} after ${exitMs.toFixed(0)} ms`,
    );
    expect({ code, signal }).toEqual({ code: 0, signal: null });
    expect(exitMs).toBeLessThan(10_000);
  }, 30_000);
});
