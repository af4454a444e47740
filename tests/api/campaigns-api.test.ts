import type { ApiResult } from "@/lib/api/http";
import { beforeAll, describe, expect, it, vi } from "vitest";
import type { AuthContext } from "@/lib/auth/context";
import { db } from "@/lib/db/client";
import * as campaignsRoute from "@/pages/api/campaigns/index";
import * as campaignRoute from "@/pages/api/campaigns/[id]/index";
import * as transitionsRoute from "@/pages/api/campaigns/[id]/transitions/index";
import { actAs } from "../setup/fake-session";
import { createCampaignRow } from "../setup/campaign-factories";
import { createActor, createAgencyWithClients, uid } from "../setup/factories";

// Every /api/campaigns handler: good input, bad input (400 naming the field, nothing written), unknown and
// foreign ids (404), stale versions and refused moves (409 naming the guard). Only the session is replaced.

vi.mock("@/lib/auth/session", () => import("../setup/fake-session"));

const MISSING = "00000000-0000-4000-8000-000000000000";
type Handler = (request: Request, route: { params: Promise<Record<string, string>> }) => Promise<ApiResult>;
type Body = {
  data?: Record<string, unknown> & { id?: string };
  page?: { total: number; nextCursor: string | null };
  error?: { code: string; message: string; fields?: Record<string, string>; guard?: string };
};

async function call(
  handler: Handler,
  options: { url?: string; method?: string; params?: Record<string, string>; body?: unknown; rawBody?: string } = {},
) {
  const init: RequestInit = { method: options.method ?? "GET", headers: { "content-type": "application/json" } };
  if (options.rawBody !== undefined) init.body = options.rawBody;
  else if (options.body !== undefined) init.body = JSON.stringify(options.body);
  const response = await handler(new Request(`http://tikit.test${options.url ?? "/api/campaigns"}`, init), {
    params: Promise.resolve(options.params ?? {}),
  });
  return { status: response.status, json: (await response.json()) as Body };
}

let agencyId: string;
let manager: AuthContext;
let director: AuthContext;
let foreign: AuthContext;
let clientId: string;
let foreignCampaignId: string;

beforeAll(async () => {
  const setup = await createAgencyWithClients("Campaign Api");
  agencyId = setup.agency.id;
  manager = setup.manager.ctx;
  director = setup.director.ctx;
  clientId = setup.clientOne.id;
  const other = await createAgencyWithClients("Campaign Api Other");
  foreign = other.manager.ctx;
  foreignCampaignId = (
    await createCampaignRow(other.agency.id, { clientId: other.clientOne.id, ownerId: other.manager.user.id })
  ).id;
  await createActor(agencyId, { role: "FIN" });
}, 60_000);

const counts = async () => ({
  campaigns: await db.campaign.count({ where: { agencyId } }),
  changes: await db.campaignStatusChange.count({ where: { agencyId } }),
  audit: await db.auditLog.count({ where: { agencyId } }),
});

describe("POST and GET /api/campaigns", () => {
  it("creates (201) and lists with a cursor", async () => {
    actAs(manager);
    const tag = uid();
    for (const n of [1, 2, 3]) {
      const { status, json } = await call(campaignsRoute.POST, {
        method: "POST",
        body: { clientId, name: `Api ${tag} ${n}`, plannedBudget: "100.10", platforms: ["YOUTUBE"] },
      });
      expect(status).toBe(201);
      expect(json.data).toMatchObject({ status: "DRAFT", plannedBudget: "100.1", platforms: ["YOUTUBE"] });
    }
    const first = await call(campaignsRoute.GET, { url: `/api/campaigns?q=${tag}&take=2&sort=name&dir=asc` });
    expect(first.status).toBe(200);
    expect(first.json.page?.total).toBe(3);
    const second = await call(campaignsRoute.GET, {
      url: `/api/campaigns?q=${tag}&take=2&sort=name&dir=asc&cursor=${first.json.page?.nextCursor}`,
    });
    expect((second.json.data as unknown as { name: string }[]).map((c) => c.name)).toEqual([`Api ${tag} 3`]);
  });

  it.each([
    [{ name: "x" }, "clientId"],
    [{ clientId: "__CLIENT__", name: "" }, "name"],
    [{ clientId: "__CLIENT__", name: "x", plannedBudget: 10.123 }, "plannedBudget"],
    [{ clientId: "__CLIENT__", name: "x", currency: "E1" }, "currency"],
    [{ clientId: "__CLIENT__", name: "x", startDate: "tomorrow" }, "startDate"],
    [{ clientId: MISSING, name: "x" }, "clientId"],
  ])("POST %o → 400 naming %s, nothing written", async (raw, field) => {
    actAs(manager);
    const before = await counts();
    const body = JSON.parse(JSON.stringify(raw).replace("__CLIENT__", clientId));
    const { status, json } = await call(campaignsRoute.POST, { method: "POST", body });
    expect(status).toBe(400);
    expect(json.error?.fields?.[field]).toBeTruthy();
    expect(await counts()).toEqual(before);
  });

  it("POST with a body that is not JSON → 400; GET with bad filters → 400 naming them", async () => {
    actAs(manager);
    expect((await call(campaignsRoute.POST, { method: "POST", rawBody: "{" })).status).toBe(400);
    for (const [query, field] of [
      ["take=0", "take"],
      ["sort=secret", "sort"],
      ["status=NOPE", "status.0"],
      ["riskLevel=EXTREME", "riskLevel.0"],
      ["from=2026-02-30x", "from"],
      ["cursor=" + MISSING, "cursor"],
    ]) {
      const { status, json } = await call(campaignsRoute.GET, { url: `/api/campaigns?${query}` });
      expect(status, query).toBe(400);
      expect(json.error?.fields, query).toHaveProperty(field);
    }
  });

  it("401 signed out; 403 for a role without the permission", async () => {
    actAs(null);
    expect((await call(campaignsRoute.GET)).status).toBe(401);
    const fin = await db.user.findFirstOrThrow({ where: { agencyId, roleAssignments: { some: { role: "FIN" } } } });
    const { contextFor } = await import("../setup/factories");
    actAs(await contextFor(fin.id));
    expect((await call(campaignsRoute.POST, { method: "POST", body: { clientId, name: "x" } })).status).toBe(403);
    expect((await call(campaignsRoute.GET)).status).toBe(200);
  });
});

describe("GET and PATCH /api/campaigns/:id", () => {
  it("reads, updates, and answers a stale version with 409", async () => {
    const c = await createCampaignRow(agencyId, { clientId, ownerId: manager.userId });
    actAs(manager);
    const got = await call(campaignRoute.GET, { params: { id: c.id } });
    expect(got.status).toBe(200);
    expect(got.json.data).toMatchObject({ id: c.id, client: { id: clientId }, briefs: [{ revision: 1 }] });
    const patched = await call(campaignRoute.PATCH, {
      method: "PATCH",
      params: { id: c.id },
      body: { version: 1, objective: "Sell" },
    });
    expect(patched.status).toBe(200);
    expect(patched.json.data).toMatchObject({ objective: "Sell", version: 2 });
    const stale = await call(campaignRoute.PATCH, {
      method: "PATCH",
      params: { id: c.id },
      body: { version: 1, objective: "Late" },
    });
    expect(stale.status).toBe(409);
    expect(stale.json.error).toMatchObject({ code: "STALE_VERSION" });
    expect(stale.json.error?.message).toContain(manager.email);
  });

  it("bad PATCH input → 400 naming the field, nothing written", async () => {
    const c = await createCampaignRow(agencyId, { clientId, ownerId: manager.userId });
    actAs(manager);
    const before = await counts();
    for (const [body, field] of [
      [{ objective: "x" }, "version"],
      [{ version: 1, plannedBudget: "1.001" }, "plannedBudget"],
      [{ version: 1, endDate: "2020-01-01", startDate: "2021-01-01" }, "endDate"],
    ] as const) {
      const { status, json } = await call(campaignRoute.PATCH, { method: "PATCH", params: { id: c.id }, body });
      expect(status).toBe(400);
      expect(json.error?.fields).toHaveProperty(field);
    }
    expect(await counts()).toEqual(before);
  });

  it("unknown, malformed and foreign ids → 404 for every handler", async () => {
    actAs(director);
    for (const id of [MISSING, "nope", foreignCampaignId]) {
      expect((await call(campaignRoute.GET, { params: { id } })).status).toBe(404);
      expect(
        (await call(campaignRoute.PATCH, { method: "PATCH", params: { id }, body: { version: 1, name: "x" } })).status,
      ).toBe(404);
      expect((await call(transitionsRoute.GET, { params: { id } })).status).toBe(404);
      expect(
        (await call(transitionsRoute.POST, { method: "POST", params: { id }, body: { to: "ON_HOLD" } })).status,
      ).toBe(404);
    }
    actAs(foreign);
    expect((await call(campaignRoute.GET, { params: { id: foreignCampaignId } })).status).toBe(200);
  });
});

describe("/api/campaigns/:id/transitions", () => {
  it("lists moves with guard results and performs an allowed one (201)", async () => {
    const c = await createCampaignRow(agencyId, { clientId, ownerId: manager.userId });
    actAs(manager);
    const list = await call(transitionsRoute.GET, { params: { id: c.id } });
    expect(list.status).toBe(200);
    const moves = (list.json.data as unknown as { moves: { to: string; allowed: boolean }[] }).moves;
    expect(moves.map((m) => m.to)).toEqual(["BRIEF_IN_REVIEW", "ON_HOLD", "CANCELLED"]);
    const moved = await call(transitionsRoute.POST, {
      method: "POST",
      params: { id: c.id },
      body: { to: "BRIEF_IN_REVIEW", reason: "Sent" },
    });
    expect(moved.status).toBe(201);
    expect(moved.json.data).toMatchObject({ from: "DRAFT", to: "BRIEF_IN_REVIEW" });
  });

  it("a refused move → 409 naming the guard; bad input → 400; cancel by a CM → 403", async () => {
    const c = await createCampaignRow(agencyId, { clientId, ownerId: manager.userId, status: "BRIEF_IN_REVIEW" });
    actAs(manager);
    const before = await counts();
    const refused = await call(transitionsRoute.POST, {
      method: "POST",
      params: { id: c.id },
      body: { to: "BRIEF_APPROVED" },
    });
    expect(refused.status).toBe(409);
    expect(refused.json.error).toMatchObject({ code: "CONFLICT", guard: "BRIEF_APPROVED" });
    expect(refused.json.error?.message).toMatch(/Brief revision 1 has no approved brief approval/);
    const bad = await call(transitionsRoute.POST, { method: "POST", params: { id: c.id }, body: { to: "SOMEWHERE" } });
    expect(bad.status).toBe(400);
    expect(bad.json.error?.fields).toHaveProperty("to");
    expect(
      (await call(transitionsRoute.POST, { method: "POST", params: { id: c.id }, body: { to: "CANCELLED" } })).status,
    ).toBe(403);
    expect(await counts()).toEqual(before);
    actAs(director);
    expect(
      (
        await call(transitionsRoute.POST, {
          method: "POST",
          params: { id: c.id },
          body: { to: "CANCELLED", reason: "Stopped" },
        })
      ).status,
    ).toBe(201);
  });
});
