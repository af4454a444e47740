import { beforeAll, describe, expect, it } from "vitest";
import type { AuthContext } from "@/lib/auth/context";
import { db } from "@/lib/db/client";
import { getCampaignTransitions } from "@/lib/domain/campaigns/get-campaign-transitions";
import {
  applyTransition,
  transitionCampaign,
  transitionSubjectSelect,
  TransitionRefusedError,
} from "@/lib/domain/campaigns/transition-campaign";
import { createApprovalRow, createAssignmentRow, createCampaignRow } from "../setup/campaign-factories";
import { createActor, createAgencyWithClients, expectAppError } from "../setup/factories";

// Transitions against the real database: guards fed by approvals and assignments made here, the cancel
// permission, the ON_HOLD round trip, history rows with who and why, and concurrent moves.

let agencyId: string;
let clientId: string;
let director: AuthContext;
let manager: AuthContext;
let clientUser: AuthContext;

beforeAll(async () => {
  const setup = await createAgencyWithClients("Transitions");
  agencyId = setup.agency.id;
  clientId = setup.clientOne.id;
  director = setup.director.ctx;
  manager = setup.manager.ctx;
  clientUser = (await createActor(agencyId, { role: "CLIENT", scopeType: "CLIENT", scopeId: clientId })).ctx;
}, 60_000);

const campaign = (data: Partial<Parameters<typeof createCampaignRow>[1]> = {}) =>
  createCampaignRow(agencyId, { clientId, ownerId: manager.userId, ...data });

async function refusal(call: Promise<unknown>) {
  const error = await expectAppError(call, "CONFLICT");
  expect(error).toBeInstanceOf(TransitionRefusedError);
  return error as TransitionRefusedError;
}

describe("guards with data", () => {
  it("BRIEF_IN_REVIEW needs a written brief", async () => {
    const empty = await campaign({ brief: null });
    expect((await refusal(transitionCampaign(manager, empty.id, { to: "BRIEF_IN_REVIEW" }))).guard).toBe(
      "BRIEF_WRITTEN",
    );
    const written = await campaign();
    expect(await transitionCampaign(manager, written.id, { to: "BRIEF_IN_REVIEW" })).toMatchObject({
      from: "DRAFT",
      to: "BRIEF_IN_REVIEW",
    });
  });

  it("BRIEF_APPROVED needs an approval of the current brief revision", async () => {
    const c = await campaign({ status: "BRIEF_IN_REVIEW" });
    const refused = await refusal(transitionCampaign(manager, c.id, { to: "BRIEF_APPROVED" }));
    expect(refused.guard).toBe("BRIEF_APPROVED");
    expect(refused.message).toContain("Brief revision 1");
    await createApprovalRow(agencyId, c.id, { type: "BRIEF", status: "CHANGES_REQUESTED", subjectVersion: 1 });
    await createApprovalRow(agencyId, c.id, { type: "BRIEF", status: "APPROVED", subjectVersion: 0 });
    expect((await refusal(transitionCampaign(manager, c.id, { to: "BRIEF_APPROVED" }))).guard).toBe("BRIEF_APPROVED");
    await createApprovalRow(agencyId, c.id, { type: "BRIEF", status: "APPROVED_WITH_CONDITIONS", subjectVersion: 1 });
    expect(await transitionCampaign(manager, c.id, { to: "BRIEF_APPROVED", reason: "Client approved" })).toMatchObject({
      to: "BRIEF_APPROVED",
    });
  });

  it("SHORTLIST_IN_REVIEW needs an active influencer; SHORTLIST_APPROVED an approval of the current shortlist", async () => {
    const c = await campaign({ status: "SOURCING" });
    await createAssignmentRow(agencyId, c.id, "DROPPED");
    expect((await refusal(transitionCampaign(manager, c.id, { to: "SHORTLIST_IN_REVIEW" }))).guard).toBe(
      "SHORTLIST_NOT_EMPTY",
    );
    await createAssignmentRow(agencyId, c.id, "SHORTLISTED");
    await transitionCampaign(manager, c.id, { to: "SHORTLIST_IN_REVIEW" });
    expect((await refusal(transitionCampaign(manager, c.id, { to: "SHORTLIST_APPROVED" }))).guard).toBe(
      "SHORTLIST_APPROVED",
    );
    await createApprovalRow(agencyId, c.id, { type: "SHORTLIST", status: "APPROVED", subjectVersion: 0 });
    await transitionCampaign(manager, c.id, { to: "SHORTLIST_APPROVED" });
  });

  it("BUDGET_APPROVED is refused while no budget exists (finance arrives with issue 5)", async () => {
    const c = await campaign({ status: "BUDGET_IN_REVIEW" });
    const refused = await refusal(transitionCampaign(manager, c.id, { to: "BUDGET_APPROVED" }));
    expect(refused.guard).toBe("BUDGET_APPROVED");
    expect(refused.guards).toMatchObject([{ code: "BUDGET_APPROVED", ok: false }]);
  });

  it("CONTRACTED needs every active assignment contracted", async () => {
    const c = await campaign({ status: "CONTRACTING" });
    expect((await refusal(transitionCampaign(manager, c.id, { to: "CONTRACTED" }))).message).toMatch(/No influencer/);
    await createAssignmentRow(agencyId, c.id, "CONTRACTED");
    const offered = await createAssignmentRow(agencyId, c.id, "OFFERED");
    await createAssignmentRow(agencyId, c.id, "DECLINED");
    expect((await refusal(transitionCampaign(manager, c.id, { to: "CONTRACTED" }))).message).toMatch(
      /1 influencer not contracted/,
    );
    await db.campaignInfluencer.update({ where: { id: offered.id }, data: { status: "ACTIVE" } });
    await transitionCampaign(manager, c.id, { to: "CONTRACTED" });
  });

  it("CONTENT_APPROVED is refused with no content tasks; the internal-review shortcut follows the policy", async () => {
    const c = await campaign({ status: "CONTENT_IN_INTERNAL_REVIEW" });
    expect((await refusal(transitionCampaign(manager, c.id, { to: "CONTENT_APPROVED" }))).guard).toBe(
      "CLIENT_SKIPS_CONTENT_REVIEW",
    );
    const skips = await campaign({ status: "CONTENT_IN_INTERNAL_REVIEW", policy: { clientApprovesContent: false } });
    expect((await refusal(transitionCampaign(manager, skips.id, { to: "CONTENT_APPROVED" }))).guard).toBe(
      "CONTENT_APPROVED",
    );
  });

  it("CLOSED is allowed when there are no invoices or payouts yet", async () => {
    const c = await campaign({ status: "INVOICING" });
    await transitionCampaign(manager, c.id, { to: "CLOSED" });
    expect((await refusal(transitionCampaign(director, c.id, { to: "CANCELLED" }))).guard).toBe("NO_SUCH_TRANSITION");
  });

  it("a move that does not exist is refused with NO_SUCH_TRANSITION; bad input is a 400", async () => {
    const c = await campaign();
    expect((await refusal(transitionCampaign(manager, c.id, { to: "LIVE" }))).guard).toBe("NO_SUCH_TRANSITION");
    expect(
      (await expectAppError(transitionCampaign(manager, c.id, { to: "PAUSED" }), "VALIDATION_FAILED")).fields,
    ).toHaveProperty("to");
    expect(
      (
        await expectAppError(
          transitionCampaign(manager, c.id, { to: "ON_HOLD", reason: "x".repeat(1001) }),
          "VALIDATION_FAILED",
        )
      ).fields,
    ).toHaveProperty("reason");
  });
});

describe("cancel, hold and history", () => {
  it("CANCELLED is refused to a CM (403) and allowed to a DIR", async () => {
    const c = await campaign({ status: "SOURCING" });
    await expectAppError(transitionCampaign(manager, c.id, { to: "CANCELLED" }), "FORBIDDEN");
    expect((await db.campaign.findUniqueOrThrow({ where: { id: c.id } })).status).toBe("SOURCING");
    await transitionCampaign(director, c.id, { to: "CANCELLED", reason: "Client pulled out" });
    expect((await db.campaign.findUniqueOrThrow({ where: { id: c.id } })).status).toBe("CANCELLED");
  });

  it("ON_HOLD returns to exactly the state it left, and the history says who, when and why", async () => {
    const c = await campaign({ status: "SHORTLIST_IN_REVIEW" });
    await transitionCampaign(manager, c.id, { to: "ON_HOLD", reason: "Waiting for the client" });
    expect(await db.campaign.findUniqueOrThrow({ where: { id: c.id } })).toMatchObject({
      status: "ON_HOLD",
      statusBeforeHold: "SHORTLIST_IN_REVIEW",
    });
    expect((await refusal(transitionCampaign(manager, c.id, { to: "SOURCING" }))).guard).toBe(
      "RESUME_TO_PREVIOUS_STATE",
    );
    const moves = await getCampaignTransitions(manager, c.id);
    expect(moves.moves.map((m) => [m.to, m.allowed])).toEqual([
      ["SHORTLIST_IN_REVIEW", true],
      ["CANCELLED", false],
    ]);
    await transitionCampaign(manager, c.id, { to: "SHORTLIST_IN_REVIEW", reason: "Client is back" });
    expect(await db.campaign.findUniqueOrThrow({ where: { id: c.id } })).toMatchObject({
      status: "SHORTLIST_IN_REVIEW",
      statusBeforeHold: null,
    });
    const history = await db.campaignStatusChange.findMany({
      where: { campaignId: c.id },
      orderBy: { createdAt: "asc" },
    });
    expect(history.map((h) => [h.from, h.to, h.changedById, h.reason])).toEqual([
      ["SHORTLIST_IN_REVIEW", "ON_HOLD", manager.userId, "Waiting for the client"],
      ["ON_HOLD", "SHORTLIST_IN_REVIEW", manager.userId, "Client is back"],
    ]);
    expect(await db.auditLog.count({ where: { recordId: c.id, action: "campaign.transition" } })).toBe(2);
  });

  it("a client user may not move campaigns; the transitions list marks guard failures and permissions", async () => {
    const c = await campaign({ brief: null });
    await expectAppError(transitionCampaign(clientUser, c.id, { to: "BRIEF_IN_REVIEW" }), "FORBIDDEN");
    const forManager = await getCampaignTransitions(manager, c.id);
    expect(forManager.moves.find((m) => m.to === "BRIEF_IN_REVIEW")).toMatchObject({
      allowed: false,
      refusal: { code: "BRIEF_WRITTEN" },
    });
    expect(forManager.moves.find((m) => m.to === "CANCELLED")).toMatchObject({
      allowed: false,
      refusal: { code: "FORBIDDEN" },
    });
    expect((await getCampaignTransitions(director, c.id)).moves.find((m) => m.to === "CANCELLED")).toMatchObject({
      allowed: true,
    });
    expect((await getCampaignTransitions(clientUser, c.id)).moves.every((m) => !m.allowed)).toBe(true);
  });

  it("applyTransition runs inside another use case's transaction and rolls back with it", async () => {
    const c = await campaign();
    await expect(
      db.$transaction(async (tx) => {
        const subject = await tx.campaign.findUniqueOrThrow({ where: { id: c.id }, select: transitionSubjectSelect });
        await applyTransition(tx, manager, subject, "BRIEF_IN_REVIEW", "Brief sent");
        throw new Error("the caller failed afterwards");
      }),
    ).rejects.toThrow("the caller failed afterwards");
    expect((await db.campaign.findUniqueOrThrow({ where: { id: c.id } })).status).toBe("DRAFT");
    expect(await db.campaignStatusChange.count({ where: { campaignId: c.id } })).toBe(0);
  });

  it("two moves at once: exactly one lands", async () => {
    const c = await campaign();
    const results = await Promise.allSettled([
      transitionCampaign(manager, c.id, { to: "BRIEF_IN_REVIEW" }),
      transitionCampaign(manager, c.id, { to: "ON_HOLD" }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(await db.campaignStatusChange.count({ where: { campaignId: c.id } })).toBe(1);
  });
});
