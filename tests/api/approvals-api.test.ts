import type { ApiResult } from "@/lib/api/http";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db/client";
import * as queueRoute from "@/pages/api/approvals/index";
import * as approvalRoute from "@/pages/api/approvals/[id]/index";
import * as decisionRoute from "@/pages/api/approvals/[id]/decision/index";
import * as commentsRoute from "@/pages/api/approvals/[id]/comments/index";
import * as campaignApprovalsRoute from "@/pages/api/campaigns/[id]/approvals/index";
import * as shortlistRoute from "@/pages/api/campaigns/[id]/shortlist/index";
import * as shortlistLineRoute from "@/pages/api/campaigns/[id]/shortlist/[assignmentId]/index";
import * as notificationsRoute from "@/pages/api/notifications/index";
import * as readRoute from "@/pages/api/notifications/read/index";
import { actAs } from "../setup/fake-session";
import { createApprovalWorld, createCampaignRow, createInfluencerRow } from "../setup/approval-fixtures";

// The approval, shortlist and notification handlers over HTTP: good input, bad input (400 naming the field,
// nothing written), unknown and foreign ids (404), decided items (409).

vi.mock("@/lib/auth/session", () => import("../setup/fake-session"));

const MISSING = "00000000-0000-4000-8000-000000000000";
type Handler = (request: Request, route: { params: Promise<Record<string, string>> }) => Promise<ApiResult>;
type Body = { data?: unknown; error?: { code: string; message: string; fields?: Record<string, string> } };

async function call(
  handler: Handler,
  options: { url?: string; method?: string; params?: Record<string, string>; body?: unknown; rawBody?: string } = {},
) {
  const init: RequestInit = { method: options.method ?? "GET", headers: { "content-type": "application/json" } };
  if (options.rawBody !== undefined) init.body = options.rawBody;
  else if (options.body !== undefined) init.body = JSON.stringify(options.body);
  const response = await handler(new Request(`http://tikit.test${options.url ?? "/api/x"}`, init), {
    params: Promise.resolve(options.params ?? {}),
  });
  return { status: response.status, json: (await response.json()) as Body };
}

let w: Awaited<ReturnType<typeof createApprovalWorld>>;
beforeAll(async () => {
  w = await createApprovalWorld("Api Approvals");
});

describe("approval handlers", () => {
  it("request → queue → read → comment → decide, with 400/404/409 on the way", async () => {
    const campaign = await createCampaignRow(w.agency.id, { clientId: w.clientOne.id, ownerId: w.owner.user.id });
    const id = { id: campaign.id };
    actAs(w.owner.ctx);
    expect(
      (await call(campaignApprovalsRoute.POST, { method: "POST", params: id, body: { type: "NOPE" } })).json.error
        ?.fields,
    ).toHaveProperty("type");
    expect((await call(campaignApprovalsRoute.POST, { method: "POST", params: id, rawBody: "{" })).status).toBe(400);
    expect(
      (await call(campaignApprovalsRoute.POST, { method: "POST", params: { id: MISSING }, body: { type: "BRIEF" } }))
        .status,
    ).toBe(404);
    const created = await call(campaignApprovalsRoute.POST, { method: "POST", params: id, body: { type: "BRIEF" } });
    expect(created.status).toBe(201);
    const approvalId = (created.json.data as { id: string }).id;
    expect(
      (await call(campaignApprovalsRoute.POST, { method: "POST", params: id, body: { type: "BRIEF" } })).status,
    ).toBe(409);
    expect((await call(campaignApprovalsRoute.GET, { params: id })).json.data).toHaveLength(1);

    actAs(w.clientUser.ctx);
    const queue = await call(queueRoute.GET, { url: "/api/approvals?take=5" });
    expect((queue.json.data as { id: string }[]).map((i) => i.id)).toContain(approvalId);
    expect((await call(queueRoute.GET, { url: "/api/approvals?status=SOON" })).json.error?.fields).toHaveProperty(
      "status",
    );
    expect((await call(approvalRoute.GET, { params: { id: approvalId } })).status).toBe(200);
    expect((await call(approvalRoute.GET, { params: { id: "bad" } })).status).toBe(404);
    expect(
      (await call(commentsRoute.POST, { method: "POST", params: { id: approvalId }, body: { body: "" } })).json.error
        ?.fields,
    ).toHaveProperty("body");
    expect(
      (await call(commentsRoute.POST, { method: "POST", params: { id: approvalId }, body: { body: "Nice" } })).status,
    ).toBe(201);
    const noConditions = await call(decisionRoute.POST, {
      method: "POST",
      params: { id: approvalId },
      body: { decision: "APPROVED_WITH_CONDITIONS" },
    });
    expect(noConditions.status).toBe(400);
    expect(noConditions.json.error?.fields).toHaveProperty("conditions");
    expect((await db.approvalItem.findUniqueOrThrow({ where: { id: approvalId } })).status).toBe("PENDING");
    expect(
      (
        await call(decisionRoute.POST, {
          method: "POST",
          params: { id: approvalId },
          body: { decision: "APPROVED_WITH_CONDITIONS", conditions: "New logo" },
        })
      ).status,
    ).toBe(200);
    const again = await call(decisionRoute.POST, {
      method: "POST",
      params: { id: approvalId },
      body: { decision: "APPROVED" },
    });
    expect(again.status).toBe(409);
    expect(again.json.error?.message).toMatch(/already decided/);

    actAs(w.clientUserTwo.ctx);
    expect((await call(approvalRoute.GET, { params: { id: approvalId } })).status).toBe(404);
    expect(
      (await call(decisionRoute.POST, { method: "POST", params: { id: approvalId }, body: { decision: "APPROVED" } }))
        .status,
    ).toBe(404);
    actAs(w.foreign.ctx);
    expect(
      (await call(commentsRoute.POST, { method: "POST", params: { id: approvalId }, body: { body: "x" } })).status,
    ).toBe(404);
    actAs(null);
    expect((await call(queueRoute.GET)).status).toBe(401);
  });
});

describe("shortlist handlers", () => {
  it("lists, adds, edits and removes; bad input names the field; foreign ids are 404", async () => {
    const campaign = await createCampaignRow(w.agency.id, {
      clientId: w.clientOne.id,
      ownerId: w.owner.user.id,
      status: "SOURCING",
    });
    const influencer = await createInfluencerRow(w.agency.id, { fee: "300" });
    const id = { id: campaign.id };
    actAs(w.owner.ctx);
    expect(
      (await call(shortlistRoute.POST, { method: "POST", params: id, body: { influencerId: "x" } })).json.error?.fields,
    ).toHaveProperty("influencerId");
    expect(
      (
        await call(shortlistRoute.POST, {
          method: "POST",
          params: id,
          body: { influencerId: influencer.id, proposedFee: "abc" },
        })
      ).json.error?.fields,
    ).toHaveProperty("proposedFee");
    const added = await call(shortlistRoute.POST, {
      method: "POST",
      params: id,
      body: { influencerId: influencer.id },
    });
    expect(added.status).toBe(201);
    const assignmentId = (added.json.data as { id: string }).id;
    const list = await call(shortlistRoute.GET, { params: id });
    expect((list.json.data as { lines: { proposedFee: string }[] }).lines[0].proposedFee).toBe("300");
    expect(
      (
        await call(shortlistLineRoute.PATCH, {
          method: "PATCH",
          params: { id: campaign.id, assignmentId },
          body: { proposedFee: -5 },
        })
      ).json.error?.fields,
    ).toHaveProperty("proposedFee");
    expect(
      (
        await call(shortlistLineRoute.PATCH, {
          method: "PATCH",
          params: { id: campaign.id, assignmentId },
          body: { proposedFee: "320.5" },
        })
      ).status,
    ).toBe(200);
    expect(
      (
        await call(shortlistLineRoute.PATCH, {
          method: "PATCH",
          params: { id: campaign.id, assignmentId: MISSING },
          body: { proposedFee: "1" },
        })
      ).status,
    ).toBe(404);
    actAs(w.foreign.ctx);
    expect((await call(shortlistRoute.GET, { params: id })).status).toBe(404);
    expect(
      (await call(shortlistLineRoute.DELETE, { method: "DELETE", params: { id: campaign.id, assignmentId } })).status,
    ).toBe(404);
    actAs(w.owner.ctx);
    expect(
      (await call(shortlistLineRoute.DELETE, { method: "DELETE", params: { id: campaign.id, assignmentId } })).status,
    ).toBe(200);
  });
});

describe("notification handlers", () => {
  it("lists the caller's notifications and marks them read; bad input is 400", async () => {
    actAs(w.clientUser.ctx);
    const list = await call(notificationsRoute.GET, { url: "/api/notifications?take=5" });
    expect(list.status).toBe(200);
    expect(
      (await call(notificationsRoute.GET, { url: "/api/notifications?take=500" })).json.error?.fields,
    ).toHaveProperty("take");
    expect((await call(readRoute.POST, { method: "POST", body: { ids: ["nope"] } })).status).toBe(400);
    expect((await call(readRoute.POST, { method: "POST", body: {} })).status).toBe(400);
    expect((await call(readRoute.POST, { method: "POST", body: { all: true } })).status).toBe(200);
    expect((await call(notificationsRoute.GET, { url: "/api/notifications?unread=true" })).json.data).toEqual([]);
  });
});
