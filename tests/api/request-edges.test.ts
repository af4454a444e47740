import type { ApiResult } from "@/lib/api/http";
import { beforeAll, describe, expect, it, vi } from "vitest";
import type { AuthContext } from "@/lib/auth/context";
import { db } from "@/lib/db/client";
import * as clientRoute from "@/pages/api/clients/[id]/index";
import * as archiveRoute from "@/pages/api/clients/[id]/archive/index";
import * as influencersRoute from "@/pages/api/influencers/index";
import * as socialsRoute from "@/pages/api/influencers/[id]/socials/index";
import * as socialRoute from "@/pages/api/influencers/[id]/socials/[socialId]/index";
import * as readRoute from "@/pages/api/notifications/read/index";
import * as financeObjectsRoute from "@/pages/api/finance/objects/index";
import * as submitRoute from "@/pages/api/finance/objects/[id]/submit/index";
import * as previewRoute from "@/pages/api/influencers/import/preview/index";
import { actAs } from "../setup/fake-session";
import { createActor, createAgency, createClientRow, uid } from "../setup/factories";
import { createFinanceWorld, line } from "../setup/finance-fixtures";

// Issue 12, items 3 and 4, as the outside tester sent them. Item 3: a JSON body takes numbers as numbers
// (`{"avgViews":true}` was stored as 1). Item 4: an unsafe request authenticated by the session cookie is
// refused from a foreign origin (403), and a JSON body needs `Content-Type: application/json` (415); the
// same-origin and the no-Origin twins (non-browser clients) go through.

vi.mock("@/lib/auth/session", () => import("../setup/fake-session"));

type Handler = (request: Request, route: { params: Promise<Record<string, string>> }) => Promise<ApiResult>;
type Json = {
  data?: Record<string, unknown> & { id?: string; version?: number };
  error?: { code: string; fields?: Record<string, string> };
};

async function call(
  handler: Handler,
  o: {
    url: string;
    method?: string;
    params?: Record<string, string>;
    body?: unknown;
    raw?: string;
    headers?: Record<string, string>;
  },
) {
  const headers: Record<string, string> = o.headers ?? { "content-type": "application/json" };
  const init: RequestInit = { method: o.method ?? "GET", headers };
  if (o.raw !== undefined) init.body = o.raw;
  else if (o.body !== undefined) init.body = JSON.stringify(o.body);
  const response = await handler(new Request(`http://tikit.test${o.url}`, init), {
    params: Promise.resolve(o.params ?? {}),
  });
  const text = await response.text();
  return { status: response.status, json: (text.startsWith("{") ? JSON.parse(text) : {}) as Json };
}

let manager: AuthContext;
let director: AuthContext;
let agencyId: string;
const audit = () => db.auditLog.count({ where: { agencyId } });

beforeAll(async () => {
  const agency = await createAgency("Edges");
  agencyId = agency.id;
  manager = (await createActor(agency.id, { role: "CM" })).ctx;
  director = (await createActor(agency.id, { role: "DIR" })).ctx;
});

describe("item 3: JSON bodies take numbers as numbers", () => {
  async function social() {
    actAs(manager);
    const stub = await call(influencersRoute.POST, {
      url: "/api/influencers",
      method: "POST",
      body: { displayName: `Edges ${uid()}`, platform: "INSTAGRAM", handle: `edges${uid()}` },
    });
    expect(stub.status).toBe(201);
    const id = stub.json.data!.id!;
    const added = await call(socialsRoute.POST, {
      url: `/api/influencers/${id}/socials`,
      method: "POST",
      params: { id },
      body: { platform: "TIKTOK", handle: `tt${uid()}`, followers: 10 },
    });
    expect(added.status).toBe(201);
    return { id, socialId: added.json.data!.id! };
  }

  it('PATCH /api/influencers/:id/socials/:socialId {"avgViews":true} → 400 naming avgViews, nothing written', async () => {
    const { id, socialId } = await social();
    const before = { row: await db.socialAccount.findUniqueOrThrow({ where: { id: socialId } }), audit: await audit() };
    for (const body of [{ avgViews: true }, { avgViews: "12" }, { followers: true }, { followers: "20" }]) {
      const response = await call(socialRoute.PATCH, {
        url: `/api/influencers/${id}/socials/${socialId}`,
        method: "PATCH",
        params: { id, socialId },
        body,
      });
      expect(response.status, JSON.stringify(body)).toBe(400);
      expect(Object.keys(response.json.error?.fields ?? {}), JSON.stringify(body)).toEqual(Object.keys(body));
    }
    expect(await db.socialAccount.findUniqueOrThrow({ where: { id: socialId } })).toEqual(before.row);
    expect(await audit()).toBe(before.audit);
    // The twin: a number is taken.
    const fine = await call(socialRoute.PATCH, {
      url: `/api/influencers/${id}/socials/${socialId}`,
      method: "PATCH",
      params: { id, socialId },
      body: { avgViews: 1200 },
    });
    expect(fine.status).toBe(200);
    expect((await db.socialAccount.findUniqueOrThrow({ where: { id: socialId } })).avgViews).toBe(1200);
  });

  it("a version sent as text is refused (the form sends it as a number)", async () => {
    actAs(manager);
    const client = await createClientRow(agencyId);
    const response = await call(clientRoute.PATCH, {
      url: `/api/clients/${client.id}`,
      method: "PATCH",
      params: { id: client.id },
      body: { version: "1", industry: "Text version" },
    });
    expect(response.status).toBe(400);
    expect(Object.keys(response.json.error?.fields ?? {})).toEqual(["version"]);
  });
});

describe("item 4: origin and content type of unsafe requests", () => {
  const EVIL = "http://evil.example";

  it("PATCH /api/clients/:id with text/plain and a foreign Origin → 403, text/plain alone → 415; nothing changes; the twins pass", async () => {
    actAs(manager);
    const client = await createClientRow(agencyId);
    const patch = (headers: Record<string, string>, body: unknown = { industry: "Hijacked", version: 1 }) =>
      call(clientRoute.PATCH, {
        url: `/api/clients/${client.id}`,
        method: "PATCH",
        params: { id: client.id },
        raw: JSON.stringify(body),
        headers,
      });
    const before = { row: await db.client.findUniqueOrThrow({ where: { id: client.id } }), audit: await audit() };

    const refusals = [
      [await patch({ "content-type": "text/plain", origin: EVIL }), 403, "FORBIDDEN"],
      [await patch({ "content-type": "application/json", origin: EVIL }), 403, "FORBIDDEN"],
      [await patch({ "content-type": "application/json", origin: "null" }), 403, "FORBIDDEN"],
      [await patch({ "content-type": "application/json", "sec-fetch-site": "cross-site" }), 403, "FORBIDDEN"],
      [await patch({ "content-type": "application/json", origin: "http://tikit.test.evil.example" }), 403, "FORBIDDEN"],
      [await patch({ "content-type": "text/plain", origin: "http://tikit.test" }), 415, "UNSUPPORTED_MEDIA_TYPE"],
      [await patch({ "content-type": "application/x-www-form-urlencoded" }), 415, "UNSUPPORTED_MEDIA_TYPE"],
      [await patch({}), 415, "UNSUPPORTED_MEDIA_TYPE"],
    ] as const;
    expect(refusals.map(([r]) => [r.status, r.json.error?.code])).toEqual(
      refusals.map(([, status, code]) => [status, code]),
    );
    expect(await db.client.findUniqueOrThrow({ where: { id: client.id } })).toEqual(before.row);
    expect(await audit()).toBe(before.audit);

    // Same origin (APP_URL, http://tikit.test in the tests), same-origin fetch metadata, and no Origin at all.
    const sameOrigin = await patch(
      {
        "content-type": "application/json; charset=utf-8",
        origin: "http://tikit.test",
        "sec-fetch-site": "same-origin",
      },
      { industry: "Same origin", version: 1 },
    );
    expect(sameOrigin.status).toBe(200);
    const noOrigin = await patch({ "content-type": "application/json" }, { industry: "No origin", version: 2 });
    expect(noOrigin.status).toBe(200);
    expect((await db.client.findUniqueOrThrow({ where: { id: client.id } })).industry).toBe("No origin");
  });

  it("takes the request's own host as same-origin when APP_URL names another (a proxy that keeps Host)", async () => {
    actAs(manager);
    const client = await createClientRow(agencyId);
    const request = (origin: string) =>
      clientRoute.PATCH(
        new Request(`http://app.internal:3000/api/clients/${client.id}`, {
          method: "PATCH",
          headers: { "content-type": "application/json", origin },
          body: JSON.stringify({ industry: origin, version: 1 }),
        }),
        {
          params: Promise.resolve({ id: client.id }),
        },
      );
    expect((await request("http://evil.example:3000")).status).toBe(403);
    expect((await request("https://app.internal:3000")).status).toBe(200);
  });

  it("POST /api/notifications/read from a foreign origin → 403 and the notification stays unread; the twins mark it read", async () => {
    actAs(manager);
    const make = () =>
      db.notification.create({ data: { agencyId, userId: manager.userId, type: "TEST", title: `Edges ${uid()}` } });
    const post = (id: string, headers: Record<string, string>) =>
      call(readRoute.POST, {
        url: "/api/notifications/read",
        method: "POST",
        raw: JSON.stringify({ ids: [id] }),
        headers,
      });

    const target = await make();
    expect((await post(target.id, { "content-type": "text/plain", origin: EVIL })).status).toBe(403);
    expect((await post(target.id, { "content-type": "application/json", origin: EVIL })).status).toBe(403);
    expect((await post(target.id, { "content-type": "text/plain" })).status).toBe(415);
    expect((await db.notification.findUniqueOrThrow({ where: { id: target.id } })).readAt).toBeNull();

    expect((await post(target.id, { "content-type": "application/json", origin: "http://tikit.test" })).status).toBe(
      200,
    );
    expect((await db.notification.findUniqueOrThrow({ where: { id: target.id } })).readAt).not.toBeNull();
    const other = await make();
    expect((await post(other.id, { "content-type": "application/json" })).status).toBe(200);
    expect((await db.notification.findUniqueOrThrow({ where: { id: other.id } })).readAt).not.toBeNull();
  });

  it("a route without a body needs no content type; a foreign origin is refused there too", async () => {
    actAs(director);
    const client = await createClientRow(agencyId);
    const archive = (headers: Record<string, string>) =>
      call(archiveRoute.POST, {
        url: `/api/clients/${client.id}/archive`,
        method: "POST",
        params: { id: client.id },
        headers,
      });
    expect((await archive({ origin: EVIL })).status).toBe(403);
    expect((await db.client.findUniqueOrThrow({ where: { id: client.id } })).archivedAt).toBeNull();
    expect((await archive({})).status).toBe(200);
  });

  it("the finance submit's optional body: empty without a content type works, text/plain with a body is 415", async () => {
    const w = await createFinanceWorld("Edges Finance");
    const campaign = await w.campaign();
    actAs(w.cm.ctx);
    const created = await call(financeObjectsRoute.POST, {
      url: "/api/finance/objects",
      method: "POST",
      body: { campaignId: campaign.id, type: "BUDGET", title: `Edges ${uid()}`, lines: [line("100")] },
    });
    expect(created.status).toBe(201);
    const id = created.json.data!.id!;
    const submit = (raw: string | undefined, headers: Record<string, string>) =>
      call(submitRoute.POST, {
        url: `/api/finance/objects/${id}/submit`,
        method: "POST",
        params: { id },
        raw,
        headers,
      });
    expect((await submit('{"message":"please"}', { "content-type": "text/plain" })).status).toBe(415);
    expect((await db.financialObject.findUniqueOrThrow({ where: { id } })).status).toBe("DRAFT");
    expect((await submit(undefined, {})).status).toBe(200);
    expect((await db.financialObject.findUniqueOrThrow({ where: { id } })).status).not.toBe("DRAFT");
  });

  it("the CSV preview keeps its own types: text/csv or JSON, anything else 415", async () => {
    actAs(manager);
    const file = `display_name,platform,handle\nEdges ${uid()},instagram,csv${uid()}\n`;
    const preview = (raw: string, type: string) =>
      call(previewRoute.POST, {
        url: "/api/influencers/import/preview",
        method: "POST",
        raw,
        headers: { "content-type": type },
      });
    expect((await preview(file, "text/csv")).status).toBe(200);
    expect((await preview(JSON.stringify({ csv: file }), "application/json")).status).toBe(200);
    expect((await preview(file, "text/plain")).status).toBe(415);
  });
});
