import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { apiRoute, json, MAX_BODY_BYTES, readJson } from "@/lib/api/http";
import { AppError } from "@/lib/errors";
import { apiRouteFiles } from "../setup/api-routes";

// The JSON API's HTTP layer (lib/api/http.ts) over a real socket: Next.js calls a pages/api default export
// with Node's request (its dynamic segments merged into `req.query`) and response; this server does the same.

const route = apiRoute({
  GET: async (request, route) =>
    json(
      {
        id: (await route.params).id,
        q: new URL(request.url).searchParams.get("q"),
        cookie: request.headers.get("cookie"),
      },
      200,
      { "Cache-Control": "no-store" },
    ),
  POST: async (request) => json({ received: await readJson(request) }, 201),
  PATCH: async () =>
    new Response(new ReadableStream({ start: (c) => (c.enqueue(new TextEncoder().encode("a,b\n1,2\n")), c.close()) }), {
      headers: { "content-type": "text/csv" },
    }),
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
    const response = await fetch(`${base}/api/things`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ name: "Ünïcode" }),
    });
    expect(response.status).toBe(201);
    expect(await response.json()).toEqual({ received: { name: "Ünïcode" } });
  });

  it("refuses a body over the limit with 413 before reading it all", async () => {
    const response = await fetch(`${base}/api/things`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: "x".repeat(MAX_BODY_BYTES + 1),
    });
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

// Issue 12, items 2 and 4: the JSON body's media type and the control characters in its strings.
describe("readJson", () => {
  const post = (body: string | undefined, type?: string) =>
    fetch(`${base}/api/things`, {
      method: "POST",
      headers: type ? { "content-type": type } : {},
      ...(body === undefined ? {} : { body }),
    });
  const error = async (response: Response) =>
    ((await response.json()) as { error: { code: string; fields?: Record<string, string> } }).error;

  it("needs application/json (optionally with charset=utf-8): text/plain, a form's types or none are 415", async () => {
    for (const type of [
      "text/plain",
      "text/plain;charset=UTF-8",
      "application/x-www-form-urlencoded",
      "multipart/form-data; boundary=x",
      "application/json; charset=latin1",
      "application/jsonp",
      undefined,
    ]) {
      const response = await post('{"name":"x"}', type);
      expect(response.status, String(type)).toBe(415);
      expect((await error(response)).code).toBe("UNSUPPORTED_MEDIA_TYPE");
    }
    for (const type of ["application/json", "application/json; charset=utf-8", 'Application/JSON;charset="UTF-8"']) {
      expect((await post('{"name":"x"}', type)).status, type).toBe(201);
    }
  });

  it("takes an empty optional body without a content type, but not a non-empty one", async () => {
    const optional = apiRoute({
      POST: async (request) => json({ received: await readJson(request, { whenEmpty: {} }) }),
    });
    const local = await listen(optional);
    try {
      const empty = await fetch(`${local.base}/x`, { method: "POST" });
      expect(empty.status).toBe(200);
      expect(await empty.json()).toEqual({ received: {} });
      const plain = await fetch(`${local.base}/x`, {
        method: "POST",
        headers: { "content-type": "text/plain" },
        body: '{"message":"hi"}',
      });
      expect(plain.status).toBe(415);
      const typed = await fetch(`${local.base}/x`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: '{"message":"hi"}',
      });
      expect(await typed.json()).toEqual({ received: { message: "hi" } });
    } finally {
      await local.close();
    }
  });

  it("refuses a control character in any string or key with 400 naming its path; keeps tab and line breaks", async () => {
    const cases: [unknown, string][] = [
      [{ name: "nul\u0000byte" }, "name"],
      [{ lines: [{ description: "ok" }, { description: "bell\u0007" }] }, "lines.1.description"],
      [{ nested: { ["key\u0001"]: 1 } }, "nested.key\u0001"],
      ["\u001b[31m", "_"],
    ];
    for (const [body, field] of cases) {
      const response = await post(JSON.stringify(body), "application/json");
      expect(response.status, field).toBe(400);
      const refused = await error(response);
      expect(refused.code).toBe("VALIDATION_FAILED");
      expect(Object.keys(refused.fields ?? {})).toEqual([field]);
    }
    const fine = await post(JSON.stringify({ notes: "a\tb\r\nc\nd" }), "application/json");
    expect(fine.status).toBe(201);
  });
});

describe("the pages/api files", () => {
  const files = apiRouteFiles();

  it("are found", () => {
    expect(files.length).toBeGreaterThan(50);
  });

  // Next.js parses JSON, text and form bodies itself unless told not to; the handlers read the raw body (JSON
  // errors in the API's own format, uploads streamed), so every file turns that off, and serves exactly the
  // methods it exports.
  it.each(files.map((file) => [file]))(
    "%s: default apiRoute of its exported methods, Next's body parser off",
    async (file) => {
      const text = fs.readFileSync(file, "utf8");
      const exported = [
        ...text.matchAll(/^export (?:const|async function|function) (GET|POST|PUT|PATCH|DELETE)\b/gm),
      ].map((m) => m[1]);
      expect(exported.length).toBeGreaterThan(0);
      const served = /^export default apiRoute\(\{ ([A-Z, ]+) \}\);$/m.exec(text)?.[1].split(", ");
      expect(served?.sort()).toEqual(exported.sort());
      const mod = (await import(/* @vite-ignore */ path.join(process.cwd(), file))) as {
        default: unknown;
        config?: { api?: { bodyParser?: unknown } };
      };
      expect(typeof mod.default).toBe("function");
      expect(mod.config?.api?.bodyParser).toBe(false);
    },
  );
});
