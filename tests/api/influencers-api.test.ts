import type { ApiResult } from "@/lib/api/http";
import { beforeAll, describe, expect, it, vi } from "vitest";
import type { AuthContext } from "@/lib/auth/context";
import { db } from "@/lib/db/client";
import * as listRoute from "@/pages/api/influencers/index";
import * as oneRoute from "@/pages/api/influencers/[id]/index";
import * as promoteRoute from "@/pages/api/influencers/[id]/promote/index";
import * as socialsRoute from "@/pages/api/influencers/[id]/socials/index";
import * as socialRoute from "@/pages/api/influencers/[id]/socials/[socialId]/index";
import * as ratesRoute from "@/pages/api/influencers/[id]/rate-cards/index";
import * as rateRoute from "@/pages/api/influencers/[id]/rate-cards/[rateCardId]/index";
import * as pricingRoute from "@/pages/api/influencers/[id]/pricing-history/index";
import * as exportRoute from "@/pages/api/influencers/export.csv/index";
import * as importRoute from "@/pages/api/influencers/import/index";
import * as previewRoute from "@/pages/api/influencers/import/preview/index";
import { actAs } from "../setup/fake-session";
import { createActor, createAgency, uid } from "../setup/factories";

// Every /api/influencers handler: good input, bad input (400 naming the field, nothing written), another
// agency's ids (404), duplicate handles (409 on `handle`), stale versions (409), the CSV endpoints.

vi.mock("@/lib/auth/session", () => import("../setup/fake-session"));

type Handler = (request: Request, route: { params: Promise<Record<string, string>> }) => Promise<ApiResult>;
type Json = {
  data?: Record<string, unknown> & { id?: string };
  error?: { code: string; fields?: Record<string, string> };
};

async function call(
  handler: Handler,
  o: {
    url?: string;
    method?: string;
    params?: Record<string, string>;
    body?: unknown;
    raw?: string;
    type?: string;
  } = {},
) {
  const init: RequestInit = { method: o.method ?? "GET", headers: { "content-type": o.type ?? "application/json" } };
  if (o.raw !== undefined) init.body = o.raw;
  else if (o.body !== undefined) init.body = JSON.stringify(o.body);
  const response = await handler(new Request(`http://tikit.test${o.url ?? "/api/influencers"}`, init), {
    params: Promise.resolve(o.params ?? {}),
  });
  const text = await response.text();
  return {
    status: response.status,
    type: response.headers.get("content-type") ?? "",
    text,
    json: (text.startsWith("{") ? JSON.parse(text) : {}) as Json,
  };
}

let manager: AuthContext;
let foreign: AuthContext;
let agencyId: string;
const counts = async () => ({
  profiles: await db.influencerProfile.count({ where: { agencyId } }),
  socials: await db.socialAccount.count({ where: { agencyId } }),
  cards: await db.rateCard.count({ where: { agencyId } }),
  audit: await db.auditLog.count({ where: { agencyId } }),
});

beforeAll(async () => {
  const agency = await createAgency("InfApi");
  agencyId = agency.id;
  manager = (await createActor(agency.id, { role: "CM" })).ctx;
  foreign = (await createActor((await createAgency("InfApi Other")).id, { role: "CM" })).ctx;
});

async function createStub(handle = `api${uid()}`) {
  actAs(manager);
  const created = await call(listRoute.POST, {
    method: "POST",
    body: { displayName: `Api ${handle}`, platform: "INSTAGRAM", handle },
  });
  expect(created.status).toBe(201);
  return created.json.data as { id: string; version: number };
}

describe("/api/influencers", () => {
  it("creates, reads, searches, edits and promotes", async () => {
    const handle = `flow${uid()}`;
    const stub = await createStub(`@${handle.toUpperCase()}`);
    const one = await call(oneRoute.GET, { params: { id: stub.id } });
    expect(one.status).toBe(200);
    expect((one.json.data?.socialAccounts as { handle: string }[])[0].handle).toBe(handle);
    const found = await call(listRoute.GET, { url: `/api/influencers?q=${handle.slice(0, -1)}&platform=INSTAGRAM` });
    expect((found.json.data as unknown as { id: string }[]).map((r) => r.id)).toContain(stub.id);
    expect(found.json).toHaveProperty("page.total");
    expect(
      (await call(oneRoute.PATCH, { method: "PATCH", params: { id: stub.id }, body: { version: 1, city: "Lyon" } }))
        .status,
    ).toBe(200);
    expect(
      (await call(oneRoute.PATCH, { method: "PATCH", params: { id: stub.id }, body: { version: 1, city: "Nice" } }))
        .status,
    ).toBe(409);
    const promoted = await call(promoteRoute.POST, {
      method: "POST",
      params: { id: stub.id },
      body: {
        version: 2,
        displayName: "Api Full",
        legalName: "Api Full Ltd",
        email: "full@api.test",
        country: "FR",
        languages: ["fr"],
        niches: ["tech"],
        paymentDetails: "FR7630006000011234567890189",
      },
    });
    expect(promoted.status).toBe(200);
    expect(promoted.json.data).toMatchObject({ profileType: "FULL", paymentDetailsLast4: "•••• 0189" });
    expect(promoted.text).not.toContain("FR7630006000011234567890189");
  });

  it("answers 409 naming handle for a duplicate, 400 naming each bad field, and writes nothing", async () => {
    const handle = `dupe${uid()}`;
    await createStub(handle);
    const before = await counts();
    const dup = await call(listRoute.POST, {
      method: "POST",
      body: { displayName: "Again", platform: "INSTAGRAM", handle: ` @${handle} ` },
    });
    expect(dup.status).toBe(409);
    expect(Object.keys(dup.json.error?.fields ?? {})).toEqual(["handle"]);
    const stub = await createStub();
    const after = await counts();
    const bad: [Handler, Parameters<typeof call>[1], string][] = [
      [listRoute.POST, { method: "POST", body: { platform: "INSTAGRAM", handle: "x" } }, "displayName"],
      [listRoute.POST, { method: "POST", raw: "{not json" }, "_json"],
      [listRoute.GET, { url: "/api/influencers?minEngagement=101" }, "minEngagement"],
      [oneRoute.PATCH, { method: "PATCH", params: { id: stub.id }, body: { city: "No version" } }, "version"],
      [oneRoute.PATCH, { method: "PATCH", params: { id: stub.id }, body: { version: 1, email: "nope" } }, "email"],
      [
        promoteRoute.POST,
        { method: "POST", params: { id: stub.id }, body: { version: 1, displayName: "x" } },
        "legalName",
      ],
      [
        socialsRoute.POST,
        { method: "POST", params: { id: stub.id }, body: { platform: "INSTAGRAM", handle: "a b" } },
        "handle",
      ],
      [
        ratesRoute.POST,
        {
          method: "POST",
          params: { id: stub.id },
          body: { platform: "X", deliverableType: "X_POST", fee: "abc", currency: "EUR" },
        },
        "fee",
      ],
      [previewRoute.POST, { method: "POST", raw: "nothing,useful\n1,2", type: "text/csv" }, "file"],
      [importRoute.POST, { method: "POST", body: { rows: [] } }, "csv"],
    ];
    for (const [handler, options, field] of bad) {
      const response = await call(handler, options);
      expect(response.status, field).toBe(400);
      if (field !== "_json") expect(Object.keys(response.json.error?.fields ?? {}), field).toContain(field);
    }
    expect(await counts()).toEqual({ ...after });
    expect(after.profiles).toBe(before.profiles + 1);
  });

  it("socials and rate cards nested under the profile", async () => {
    const stub = await createStub();
    const social = await call(socialsRoute.POST, {
      method: "POST",
      params: { id: stub.id },
      body: { platform: "YOUTUBE", handle: `yt${uid()}`, followers: 10 },
    });
    expect(social.status).toBe(201);
    const socialId = social.json.data!.id!;
    expect(
      (await call(socialRoute.PATCH, { method: "PATCH", params: { id: stub.id, socialId }, body: { followers: 20 } }))
        .status,
    ).toBe(200);
    expect((await call(socialsRoute.GET, { params: { id: stub.id } })).json.data).toHaveLength(2);
    expect((await call(socialRoute.DELETE, { method: "DELETE", params: { id: stub.id, socialId } })).status).toBe(200);
    const card = await call(ratesRoute.POST, {
      method: "POST",
      params: { id: stub.id },
      body: { platform: "YOUTUBE", deliverableType: "YOUTUBE_VIDEO", fee: 2500, currency: "USD" },
    });
    expect(card.json.data).toMatchObject({ fee: "2500.00", currency: "USD" });
    const rateCardId = card.json.data!.id!;
    expect(
      (await call(rateRoute.PATCH, { method: "PATCH", params: { id: stub.id, rateCardId }, body: { fee: "2600.5" } }))
        .json.data,
    ).toMatchObject({ fee: "2600.50" });
    expect((await call(ratesRoute.GET, { params: { id: stub.id } })).json.data).toHaveLength(1);
    expect((await call(rateRoute.DELETE, { method: "DELETE", params: { id: stub.id, rateCardId } })).status).toBe(200);
    expect((await call(pricingRoute.GET, { params: { id: stub.id } })).json.data).toEqual([]);
  });

  it("another agency gets 404 for every handler with an id", async () => {
    const stub = await createStub();
    const socialId = (await db.socialAccount.findFirstOrThrow({ where: { influencerId: stub.id } })).id;
    const rateCardId = (
      await call(ratesRoute.POST, {
        method: "POST",
        params: { id: stub.id },
        body: { platform: "X", deliverableType: "X_POST", fee: "5", currency: "EUR" },
      })
    ).json.data!.id!;
    const before = await counts();
    actAs(foreign);
    const id = stub.id;
    for (const [handler, options] of [
      [oneRoute.GET, { params: { id } }],
      [oneRoute.PATCH, { method: "PATCH", params: { id }, body: { version: 1, city: "X" } }],
      [
        promoteRoute.POST,
        {
          method: "POST",
          params: { id },
          body: {
            version: 1,
            displayName: "x",
            legalName: "x",
            email: "a@b.test",
            country: "DE",
            languages: "en",
            niches: "x",
          },
        },
      ],
      [socialsRoute.GET, { params: { id } }],
      [socialsRoute.POST, { method: "POST", params: { id }, body: { platform: "X", handle: `f${uid()}` } }],
      [socialRoute.PATCH, { method: "PATCH", params: { id, socialId }, body: { followers: 1 } }],
      [socialRoute.DELETE, { method: "DELETE", params: { id, socialId } }],
      [ratesRoute.GET, { params: { id } }],
      [
        ratesRoute.POST,
        {
          method: "POST",
          params: { id },
          body: { platform: "X", deliverableType: "OTHER", fee: "1", currency: "EUR" },
        },
      ],
      [rateRoute.PATCH, { method: "PATCH", params: { id, rateCardId }, body: { fee: "1" } }],
      [rateRoute.DELETE, { method: "DELETE", params: { id, rateCardId } }],
      [pricingRoute.GET, { params: { id } }],
    ] as [Handler, Parameters<typeof call>[1]][]) {
      expect((await call(handler, options)).status).toBe(404);
    }
    expect(await counts()).toEqual(before);
  });

  it("CSV: preview and import a file, export the search as text/csv with an audit entry", async () => {
    actAs(manager);
    const t = uid();
    const file = `display_name,platform,handle,followers\nCsv One ${t},instagram,csv1${t},10\nCsv Bad ${t},nowhere,csv2${t},10\n`;
    const preview = await call(previewRoute.POST, { method: "POST", raw: file, type: "text/csv" });
    expect(preview.json.data).toMatchObject({ valid: 1, invalid: 1 });
    const imported = await call(importRoute.POST, { method: "POST", body: { csv: file } });
    expect(imported.json.data).toMatchObject({ created: 1, failed: 1 });
    const exported = await call(exportRoute.GET, { url: `/api/influencers/export.csv?q=Csv+One+${t}` });
    expect(exported.status).toBe(200);
    expect(exported.type).toContain("text/csv");
    expect(exported.text.split("\r\n")[0]).toMatch(/^id,display_name,/);
    expect(exported.text).toContain(`Csv One ${t}`);
    expect(await db.auditLog.count({ where: { agencyId, action: "influencer.export" } })).toBeGreaterThan(0);
  });
});
