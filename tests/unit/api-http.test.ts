import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { apiRoute, json, MAX_BODY_BYTES, readJson } from "@/lib/api/http";
import { AppError } from "@/lib/errors";

// The JSON API's HTTP layer (lib/api/http.ts) over a real socket: Next.js calls a pages/api default export
// with Node's request (its dynamic segments merged into `req.query`) and response; this server does the same.

const route = apiRoute({
  GET: async (request, route) => json({ id: (await route.params).id, q: new URL(request.url).searchParams.get("q"), cookie: request.headers.get("cookie") }, 200, { "Cache-Control": "no-store" }),
  POST: async (request) => json({ received: await readJson(request) }, 201),
  PATCH: async () => new Response(new ReadableStream({ start: (c) => (c.enqueue(new TextEncoder().encode("a,b\n1,2\n")), c.close()) }), { headers: { "content-type": "text/csv" } }),
  DELETE: async () => {
    throw new AppError("CONFLICT", "Changed by someone else");
  },
  PUT: async () => {
    throw new Error("database exploded at /secret/path");
  },
});

/** Serves one apiRoute on a free port, with `query` as Next.js would merge the dynamic segments into it. */
async function listen(handle: ReturnType<typeof apiRoute>, query: Record<string, string> = {}) {
  const server = http.createServer((req, res) => void handle(Object.assign(req, { query }), res));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

let server: Awaited<ReturnType<typeof listen>>;
let base = "";

beforeAll(async () => {
  server = await listen(route, { id: "abc", q: "from-query" });
  base = server.base;
});

afterAll(() => server.close());

describe("apiRoute", () => {
  it("answers JSON with its status, headers and length; passes the segments, the query and the headers", async () => {
    const response = await fetch(`${base}/api/things/abc?q=term`, { headers: { cookie: "a=b" } });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/json");
    expect(response.headers.get("cache-control")).toBe("no-store");
    const text = await response.text();
    expect(response.headers.get("content-length")).toBe(String(Buffer.byteLength(text)));
    expect(JSON.parse(text)).toEqual({ id: "abc", q: "term", cookie: "a=b" });
  });

  it("reads a JSON body", async () => {
    const response = await fetch(`${base}/api/things`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ name: "Ünïcode" }) });
    expect(response.status).toBe(201);
    expect(await response.json()).toEqual({ received: { name: "Ünïcode" } });
  });

  it("refuses a body over the limit with 413 before reading it all", async () => {
    const response = await fetch(`${base}/api/things`, { method: "POST", headers: { "content-type": "application/json" }, body: "x".repeat(MAX_BODY_BYTES + 1) });
    expect(response.status).toBe(413);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe("PAYLOAD_TOO_LARGE");
  });

  it("streams a web Response (files, CSV)", async () => {
    const response = await fetch(`${base}/api/things`, { method: "PATCH" });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/csv");
    expect(await response.text()).toBe("a,b\n1,2\n");
  });

  it("answers HEAD as GET without a body", async () => {
    const response = await fetch(`${base}/api/things/abc`, { method: "HEAD" });
    expect(response.status).toBe(200);
    expect(Number(response.headers.get("content-length"))).toBeGreaterThan(0);
    expect(await response.text()).toBe("");
  });

  it("gives the same body stream on every read (the upload parser checks it, then reads it)", async () => {
    const streamed = apiRoute({
      POST: async (request) => {
        const same = request.body === request.body;
        const text = await new Response(request.body).text();
        return json({ same, length: text.length });
      },
    });
    const local = await listen(streamed);
    try {
      const response = await fetch(`${local.base}/x`, { method: "POST", body: "y".repeat(200_000) });
      expect(await response.json()).toEqual({ same: true, length: 200_000 });
    } finally {
      await local.close();
    }
  });

  it("answers an unlisted method with 405 and Allow", async () => {
    const only = apiRoute({ GET: async () => json({}) });
    const local = await listen(only);
    try {
      const response = await fetch(`${local.base}/x`, { method: "POST" });
      expect(response.status).toBe(405);
      expect(response.headers.get("allow")).toBe("GET, HEAD");
      expect(((await response.json()) as { error: { code: string } }).error.code).toBe("METHOD_NOT_ALLOWED");
    } finally {
      await local.close();
    }
  });

  it("answers a domain error with its status and message, an unexpected one generically (logged, no stack)", async () => {
    const conflict = await fetch(`${base}/api/things`, { method: "DELETE" });
    expect(conflict.status).toBe(409);
    expect(await conflict.json()).toEqual({ error: { code: "CONFLICT", message: "Changed by someone else" } });

    const log = vi.spyOn(console, "error").mockImplementation(() => {});
    try {
      const unexpected = await fetch(`${base}/api/things`, { method: "PUT" });
      expect(unexpected.status).toBe(500);
      const text = await unexpected.text();
      expect(text).not.toContain("secret");
      expect(JSON.parse(text)).toMatchObject({ error: { code: "INTERNAL" } });
      expect(log).toHaveBeenCalled();
    } finally {
      log.mockRestore();
    }
  });
});

describe("the pages/api files", () => {
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else files.push(full);
    }
  };
  walk(path.join(process.cwd(), "pages/api"));

  it("are found", () => {
    expect(files.length).toBeGreaterThan(50);
  });

  // Next.js parses JSON, text and form bodies itself unless told not to; the handlers read the raw body (JSON
  // errors in the API's own format, uploads streamed), so every file turns that off, and serves exactly the
  // methods it exports.
  it.each(files.map((file) => [path.relative(process.cwd(), file)]))("%s: default apiRoute of its exported methods, Next's body parser off", async (file) => {
    const text = fs.readFileSync(file, "utf8");
    const exported = [...text.matchAll(/^export (?:const|async function|function) (GET|POST|PUT|PATCH|DELETE)\b/gm)].map((m) => m[1]);
    expect(exported.length).toBeGreaterThan(0);
    const served = /^export default apiRoute\(\{ ([A-Z, ]+) \}\);$/m.exec(text)?.[1].split(", ");
    expect(served?.sort()).toEqual(exported.sort());
    const mod = (await import(/* @vite-ignore */ path.join(process.cwd(), file))) as { default: unknown; config?: { api?: { bodyParser?: unknown } } };
    expect(typeof mod.default).toBe("function");
    expect(mod.config?.api?.bodyParser).toBe(false);
  });
});
