import crypto from "node:crypto";
import { beforeAll, describe, expect, it, vi } from "vitest";
import type { ApiResult } from "@/lib/api/http";
import { json, readJson } from "@/lib/api/http";
import { openApiDocument } from "@/lib/api/openapi";
import type { AuthContext } from "@/lib/auth/context";
import { withAuth } from "@/lib/api/with-auth";
import { db } from "@/lib/db/client";
import { createClient } from "@/lib/domain/clients/create-client";
import { cleanupIdempotencyKeys } from "@/lib/domain/idempotency/cleanup-idempotency-keys";
import * as clientsRoute from "@/pages/api/clients/index";
import * as clientRoute from "@/pages/api/clients/[id]/index";
import * as contactsRoute from "@/pages/api/clients/[id]/contacts/index";
import * as uploadRoute from "@/pages/api/content/tasks/[id]/artifacts/index";
import { actAs } from "../setup/fake-session";
import { createActor, createAgency, uid } from "../setup/factories";
import { acceptedTask, createContentWorld, setTempDataDir } from "../setup/content-fixtures";

// `Idempotency-Key` on POST and PATCH (lib/api/idempotency.ts, through withAuth), against the real database: a
// retry whose first response was lost gets that response and does not do the work again; misuse of a key is
// refused; concurrent requests with one key do the work once; a failed request releases its key.

vi.mock("@/lib/auth/session", () => import("../setup/fake-session"));
setTempDataDir("idempotency");

type Handler = (request: Request, route: { params: Promise<Record<string, string>> }) => Promise<ApiResult>;
type Answer = {
  status: number;
  headers: Headers;
  json: {
    data?: { id: string; name: string; version: number };
    error?: { code: string; message: string; fields?: Record<string, string> };
  };
};

async function call(
  handler: Handler,
  options: { url?: string; method?: string; params?: Record<string, string>; body?: unknown; key?: string } = {},
): Promise<Answer> {
  const headers: Record<string, string> = { "content-type": "application/json" };
  if (options.key !== undefined) headers["idempotency-key"] = options.key;
  const request = new Request(`http://tikit.test${options.url ?? "/api/clients"}`, {
    method: options.method ?? "POST",
    headers,
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
  });
  const response = await handler(request, { params: Promise.resolve(options.params ?? {}) });
  return { status: response.status, headers: response.headers, json: (await response.json()) as Answer["json"] };
}

const newKey = () => crypto.randomUUID();

let manager: AuthContext;
let otherManager: AuthContext;
let agencyId: string;

beforeAll(async () => {
  const agency = await createAgency("Idem");
  agencyId = agency.id;
  manager = (await createActor(agency.id, { role: "CM" })).ctx;
  otherManager = (await createActor(agency.id, { role: "CM" })).ctx;
}, 60_000);

const clientsNamed = (name: string) => db.client.findMany({ where: { agencyId, name } });
const auditOf = (recordId: string) => db.auditLog.count({ where: { agencyId, recordId } });
const keyRow = (userId: string, key: string) =>
  db.idempotencyKey.findUnique({ where: { userId_key: { userId, key } } });
const counts = async () => ({
  clients: await db.client.count({ where: { agencyId } }),
  audit: await db.auditLog.count({ where: { agencyId } }),
});

describe("POST with an Idempotency-Key", () => {
  it("answers a retry with the first response and does not create a second client (the dropped-response retry)", async () => {
    actAs(manager);
    const key = newKey();
    const name = `Retry ${uid()}`;
    const first = await call(clientsRoute.POST, { body: { name }, key });
    const retry = await call(clientsRoute.POST, { body: { name }, key });
    expect(first.status).toBe(201);
    expect(retry.status).toBe(201);
    expect(retry.json).toEqual(first.json);
    expect(retry.headers.get("content-type")).toBe("application/json");
    expect(retry.headers.get("idempotent-replayed")).toBe("true");
    expect(first.headers.get("idempotent-replayed")).toBeNull();
    const rows = await clientsNamed(name);
    expect(rows.map((r) => r.id)).toEqual([first.json.data!.id]);
    expect(await auditOf(first.json.data!.id)).toBe(1);
    expect(await keyRow(manager.userId, key)).toMatchObject({
      state: "COMPLETED",
      responseStatus: 201,
      agencyId,
      method: "POST",
      path: "/api/clients",
    });
  });

  it("refuses the same key with another body, method or path with 422 and writes nothing", async () => {
    actAs(manager);
    const key = newKey();
    const first = await call(clientsRoute.POST, { body: { name: `First ${uid()}` }, key });
    expect(first.status).toBe(201);
    const before = await counts();
    const otherName = `Other ${uid()}`;
    const otherBody = await call(clientsRoute.POST, { body: { name: otherName }, key });
    expect(otherBody.status).toBe(422);
    expect(otherBody.json.error?.code).toBe("UNPROCESSABLE");
    expect(otherBody.json.error?.fields).toHaveProperty("Idempotency-Key");
    const id = first.json.data!.id;
    const otherPath = await call(contactsRoute.POST, {
      url: `/api/clients/${id}/contacts`,
      params: { id },
      body: { name: otherName },
      key,
    });
    expect(otherPath.status).toBe(422);
    const otherMethod = await call(clientRoute.PATCH, {
      url: `/api/clients/${id}`,
      method: "PATCH",
      params: { id },
      body: { name: otherName, version: 1 },
      key,
    });
    expect(otherMethod.status).toBe(422);
    expect(await counts()).toEqual(before);
    expect(await clientsNamed(otherName)).toHaveLength(0);
    expect(await db.contact.count({ where: { clientId: id } })).toBe(0);
  });

  it("does the work once when requests with one key arrive at the same time; the others get 409 or the same response", async () => {
    actAs(manager);
    const key = newKey();
    const name = `Concurrent ${uid()}`;
    const answers = await Promise.all(
      Array.from({ length: 6 }, () => call(clientsRoute.POST, { body: { name }, key })),
    );
    const rows = await clientsNamed(name);
    expect(rows).toHaveLength(1);
    expect(await auditOf(rows[0].id)).toBe(1);
    for (const answer of answers) {
      expect([201, 409]).toContain(answer.status);
      if (answer.status === 201) expect(answer.json.data!.id).toBe(rows[0].id);
      else {
        expect(answer.json.error?.code).toBe("CONFLICT");
        expect(Number(answer.headers.get("retry-after"))).toBeGreaterThan(0);
      }
    }
    expect(answers.filter((a) => a.status === 201).length).toBeGreaterThanOrEqual(1);
  });

  it("keeps keys per user: another user's request with the same key is independent", async () => {
    const key = newKey();
    const name = `Shared key ${uid()}`;
    actAs(manager);
    const mine = await call(clientsRoute.POST, { body: { name }, key });
    actAs(otherManager);
    const theirs = await call(clientsRoute.POST, { body: { name }, key });
    expect([mine.status, theirs.status]).toEqual([201, 201]);
    expect(theirs.headers.get("idempotent-replayed")).toBeNull();
    expect(theirs.json.data!.id).not.toBe(mine.json.data!.id);
    // Each user's retry replays their own first response.
    const theirRetry = await call(clientsRoute.POST, { body: { name }, key });
    actAs(manager);
    const myRetry = await call(clientsRoute.POST, { body: { name }, key });
    expect(theirRetry.json.data!.id).toBe(theirs.json.data!.id);
    expect(myRetry.json.data!.id).toBe(mine.json.data!.id);
    expect(await clientsNamed(name)).toHaveLength(2);
  });

  it("forgets a key after 24 hours: the request runs again, and the clean-up deletes expired keys", async () => {
    actAs(manager);
    const key = newKey();
    const name = `Expiring ${uid()}`;
    const first = await call(clientsRoute.POST, { body: { name }, key });
    const row = await keyRow(manager.userId, key);
    expect(row!.expiresAt.getTime() - row!.createdAt.getTime()).toBe(24 * 3_600_000);
    // A day later (the row's clock moved back instead of waiting).
    const dayAgo = (d: Date) => new Date(d.getTime() - 24 * 3_600_000 - 1000);
    await db.idempotencyKey.update({
      where: { userId_key: { userId: manager.userId, key } },
      data: { createdAt: dayAgo(row!.createdAt), expiresAt: dayAgo(row!.expiresAt) },
    });
    const later = await call(clientsRoute.POST, { body: { name }, key });
    expect(later.status).toBe(201);
    expect(later.headers.get("idempotent-replayed")).toBeNull();
    expect(later.json.data!.id).not.toBe(first.json.data!.id);
    expect(await clientsNamed(name)).toHaveLength(2);

    const stale = newKey();
    await call(clientsRoute.POST, { body: { name: `Clean ${uid()}` }, key: stale });
    const kept = newKey();
    await call(clientsRoute.POST, { body: { name: `Kept ${uid()}` }, key: kept });
    await db.idempotencyKey.update({
      where: { userId_key: { userId: manager.userId, key: stale } },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });
    expect(await cleanupIdempotencyKeys()).toBeGreaterThanOrEqual(1);
    expect(await keyRow(manager.userId, stale)).toBeNull();
    expect(await keyRow(manager.userId, kept)).not.toBeNull();
    expect(await cleanupIdempotencyKeys({ now: new Date(Date.now() + 25 * 3_600_000) })).toBeGreaterThanOrEqual(2);
    expect(await keyRow(manager.userId, kept)).toBeNull();
  });

  it("behaves as before without the key: two requests, two clients, no key stored", async () => {
    actAs(manager);
    const name = `No key ${uid()}`;
    const before = await db.idempotencyKey.count({ where: { userId: manager.userId } });
    const one = await call(clientsRoute.POST, { body: { name } });
    const two = await call(clientsRoute.POST, { body: { name } });
    expect([one.status, two.status]).toEqual([201, 201]);
    expect(await clientsNamed(name)).toHaveLength(2);
    expect(await db.idempotencyKey.count({ where: { userId: manager.userId } })).toBe(before);
  });

  it("releases the key when the handler fails with a 500, so that the retry runs", async () => {
    actAs(manager);
    let attempts = 0;
    const flaky = withAuth(
      async (request, { ctx }) => {
        attempts++;
        if (attempts === 1) throw new Error("connection reset mid-request");
        return json({ data: await createClient(ctx, await readJson(request)) }, 201);
      },
      { permission: "client.create" },
    );
    const key = newKey();
    const name = `Flaky ${uid()}`;
    const failed = await call(flaky, { body: { name }, key });
    expect(failed.status).toBe(500);
    expect(await keyRow(manager.userId, key)).toBeNull();
    const retry = await call(flaky, { body: { name }, key });
    expect(retry.status).toBe(201);
    expect(attempts).toBe(2);
    const again = await call(flaky, { body: { name }, key });
    expect(again.json).toEqual(retry.json);
    expect(attempts).toBe(2);
    expect(await clientsNamed(name)).toHaveLength(1);
  });

  it("stores and replays a 4xx (the request was refused, nothing was done)", async () => {
    actAs(manager);
    const key = newKey();
    const first = await call(clientsRoute.POST, { body: { name: "" }, key });
    expect(first.status).toBe(400);
    const retry = await call(clientsRoute.POST, { body: { name: "" }, key });
    expect(retry.status).toBe(400);
    expect(retry.json).toEqual(first.json);
    expect(retry.headers.get("idempotent-replayed")).toBe("true");
  });

  it("refuses a malformed key with 400 naming the header, before any work", async () => {
    actAs(manager);
    const before = await counts();
    for (const key of ["", "has space", "x".repeat(256), "tab\there", "ümlaut"]) {
      const answer = await call(clientsRoute.POST, { body: { name: `Bad key ${uid()}` }, key });
      expect(answer.status, JSON.stringify(key)).toBe(400);
      expect(answer.json.error?.message).toContain("Idempotency-Key");
      expect(answer.json.error?.fields).toHaveProperty("Idempotency-Key");
    }
    expect(await counts()).toEqual(before);
    expect((await call(clientsRoute.POST, { body: { name: `Long key ${uid()}` }, key: "k".repeat(255) })).status).toBe(
      201,
    );
  });

  it("answers 409 while a key is held by a request whose server died, and lets a retry run once its lock has run out", async () => {
    actAs(manager);
    const key = newKey();
    const name = `Stuck ${uid()}`;
    const body = JSON.stringify({ name });
    const requestHash = crypto.createHash("sha256").update(`POST\n/api/clients\n`).update(body).digest("hex");
    await db.idempotencyKey.create({
      data: {
        userId: manager.userId,
        key,
        agencyId,
        requestHash,
        method: "POST",
        path: "/api/clients",
        lockId: crypto.randomUUID(),
        lockedUntil: new Date(Date.now() + 30_000),
        expiresAt: new Date(Date.now() + 86_400_000),
      },
    });
    const held = await call(clientsRoute.POST, { body: { name }, key });
    expect(held.status).toBe(409);
    expect(held.headers.get("retry-after")).toBeTruthy();
    expect(await clientsNamed(name)).toHaveLength(0);
    await db.idempotencyKey.update({
      where: { userId_key: { userId: manager.userId, key } },
      data: { lockedUntil: new Date(Date.now() - 1000) },
    });
    const taken = await call(clientsRoute.POST, { body: { name }, key });
    expect(taken.status).toBe(201);
    expect(await clientsNamed(name)).toHaveLength(1);
    expect(await keyRow(manager.userId, key)).toMatchObject({ state: "COMPLETED", lockId: null });
  });
});

describe("PATCH with an Idempotency-Key", () => {
  it("replays the update instead of answering the retry 409 stale version", async () => {
    actAs(manager);
    const created = await call(clientsRoute.POST, { body: { name: `Patch ${uid()}` } });
    const id = created.json.data!.id;
    const key = newKey();
    const patch = {
      url: `/api/clients/${id}`,
      method: "PATCH",
      params: { id },
      body: { industry: "Cosmetics", version: created.json.data!.version },
      key,
    };
    const first = await call(clientRoute.PATCH, patch);
    const retry = await call(clientRoute.PATCH, patch);
    expect(first.status).toBe(200);
    expect(retry.status).toBe(200);
    expect(retry.json).toEqual(first.json);
    expect(await db.auditLog.count({ where: { agencyId, recordId: id, action: "client.update" } })).toBe(1);
  });

  it("ignores the header on GET", async () => {
    actAs(manager);
    const answer = await call(clientsRoute.GET, { method: "GET", key: "not checked on GET" });
    expect(answer.status).toBe(200);
  });
});

describe("the streamed upload", () => {
  it("refuses an Idempotency-Key with 400 naming the header (exempt: its body is never in memory), and writes nothing", async () => {
    const w = await createContentWorld("IdemUpload");
    const task = await acceptedTask(w);
    actAs(w.creatorOne.ctx);
    const data = new FormData();
    data.append("artifactType", "SCRIPT");
    data.append("text", "Morning routine, take one.");
    const send = (headers: Record<string, string>) =>
      uploadRoute.POST(
        new Request(`http://tikit.test/api/content/tasks/${task.id}/artifacts`, {
          method: "POST",
          body: data,
          headers,
        }),
        { params: Promise.resolve({ id: task.id }) },
      );
    const keyed = await send({ "idempotency-key": newKey() });
    expect(keyed.status).toBe(400);
    expect(((await keyed.json()) as Answer["json"]).error?.fields).toHaveProperty("Idempotency-Key");
    expect(await db.contentArtifact.count({ where: { taskId: task.id } })).toBe(0);
    expect((await send({})).status).toBe(201);
  });
});

describe("the OpenAPI document", () => {
  it("documents the header on every POST and PATCH but the streamed upload", () => {
    const doc = openApiDocument();
    expect(doc.components.parameters.IdempotencyKey).toMatchObject({
      name: "Idempotency-Key",
      in: "header",
      required: false,
    });
    const paths = doc.paths as Record<
      string,
      Record<string, { parameters?: { $ref?: string }[]; responses?: Record<string, unknown> }>
    >;
    let documented = 0;
    for (const [path, item] of Object.entries(paths)) {
      for (const method of ["post", "patch"]) {
        const operation = item[method];
        if (!operation) continue;
        const has = (operation.parameters ?? []).some((p) => p.$ref === "#/components/parameters/IdempotencyKey");
        expect(has, `${method} ${path}`).toBe(path !== "/api/content/tasks/{id}/artifacts");
        if (has) expect(operation.responses, `${method} ${path}`).toHaveProperty("422");
        documented += has ? 1 : 0;
      }
    }
    expect(documented).toBeGreaterThan(30);
  });
});
