import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { decideApproval } from "@/lib/domain/approvals/decide-approval";
import { expireApprovals } from "@/lib/domain/approvals/expire-approvals";
import { getApproval } from "@/lib/domain/approvals/get-approval";
import { listApprovalQueue } from "@/lib/domain/approvals/list-approval-queue";
import { listCampaignApprovals } from "@/lib/domain/approvals/list-campaign-approvals";
import { requestApproval } from "@/lib/domain/approvals/request-approval";
import { addToShortlist } from "@/lib/domain/shortlist/add-to-shortlist";
import { updateShortlistEntry } from "@/lib/domain/shortlist/update-shortlist-entry";
import { createActor } from "../setup/factories";
import { expectAppError } from "../setup/factories";
import { createApprovalWorld, createCampaignRow, createInfluencerRow } from "../setup/approval-fixtures";

// The approval engine against the real database: exact versions, supersede, expiry, the double-decision
// race, required texts, per-influencer decisions, who may decide.

let w: Awaited<ReturnType<typeof createApprovalWorld>>;
let secondClientUser: Awaited<ReturnType<typeof createActor>>;

beforeAll(async () => {
  w = await createApprovalWorld("Engine");
  secondClientUser = await createActor(w.agency.id, { role: "CLIENT", scopeType: "CLIENT", scopeId: w.clientOne.id });
});

const newCampaign = (extra: Parameters<typeof createCampaignRow>[1] extends infer T ? Partial<T> : never = {}) =>
  createCampaignRow(w.agency.id, {
    clientId: w.clientOne.id,
    ownerId: w.owner.user.id,
    directorId: w.director.user.id,
    ...extra,
  });
const auditCount = (action: string, recordId: string) =>
  db.auditLog.count({ where: { agencyId: w.agency.id, action, recordId } });

describe("requesting an approval", () => {
  it("addresses the client's CLIENT role for the current brief revision, moves DRAFT → BRIEF_IN_REVIEW, notifies and audits", async () => {
    const campaign = await newCampaign();
    const before = Date.now();
    const item = await requestApproval(w.owner.ctx, campaign.id, { type: "BRIEF" });
    expect(item).toMatchObject({
      type: "BRIEF",
      status: "PENDING",
      subjectType: "CampaignBrief",
      subjectId: campaign.id,
      subjectVersion: 1,
    });
    expect(item).toMatchObject({
      approverRole: "CLIENT",
      approverScopeType: "CLIENT",
      approverScopeId: w.clientOne.id,
      approverUserId: null,
      requestedById: w.owner.user.id,
    });
    expect((item.subjectSnapshot as { brief: string }).brief).toContain("Launch the spring line");
    expect(item.dueAt!.getTime() - before).toBeGreaterThanOrEqual(3 * 86_400_000 - 5_000);
    expect(item.expiresAt!.getTime() - before).toBeLessThan(14 * 86_400_000 + 60_000);
    const after = await db.campaign.findUniqueOrThrow({ where: { id: campaign.id }, include: { statusChanges: true } });
    expect(after.status).toBe("BRIEF_IN_REVIEW");
    expect(after.statusChanges.map((c) => [c.from, c.to, c.changedById])).toEqual([
      ["DRAFT", "BRIEF_IN_REVIEW", w.owner.user.id],
    ]);
    expect(await auditCount("approval.request", item.id)).toBe(1);
    const notified = await db.notification.findMany({
      where: { agencyId: w.agency.id, link: `/client/approvals/${item.id}` },
    });
    expect(notified.map((n) => n.userId).sort()).toEqual([w.clientUser.user.id, secondClientUser.user.id].sort());
    expect(
      await db.emailMessage.count({
        where: { to: w.clientUser.user.email, text: { contains: `/client/approvals/${item.id}` } },
      }),
    ).toBe(1);
    expect(await db.notification.count({ where: { userId: w.clientUserTwo.user.id } })).toBe(0);
  });

  it("follows the policy's due and expiry days, and refuses a second request for the same version (409)", async () => {
    const campaign = await newCampaign({ policy: { approvalDueDays: 1, approvalExpiryDays: 2 } });
    const item = await requestApproval(w.owner.ctx, campaign.id, { type: "BRIEF" });
    expect(Math.round((item.expiresAt!.getTime() - item.createdAt.getTime()) / 86_400_000)).toBe(2);
    const error = await expectAppError(requestApproval(w.owner.ctx, campaign.id, { type: "BRIEF" }), "CONFLICT");
    expect(error.message).toMatch(/already waiting/);
  });

  it("refuses an empty brief and an empty shortlist with the field named, writing nothing", async () => {
    const campaign = await newCampaign({ brief: null, status: "SOURCING" });
    expect(
      (await expectAppError(requestApproval(w.owner.ctx, campaign.id, { type: "BRIEF" }), "VALIDATION_FAILED")).fields,
    ).toHaveProperty("brief");
    expect(
      (await expectAppError(requestApproval(w.owner.ctx, campaign.id, { type: "SHORTLIST" }), "VALIDATION_FAILED"))
        .fields,
    ).toHaveProperty("shortlist");
    expect(
      (await expectAppError(requestApproval(w.owner.ctx, campaign.id, { type: "BUDGET" }), "VALIDATION_FAILED")).fields,
    ).toHaveProperty("type");
    expect(await db.approvalItem.count({ where: { campaignId: campaign.id } })).toBe(0);
  });

  it("is scoped: another manager, a client user and another agency do not find the campaign", async () => {
    const campaign = await newCampaign();
    await expectAppError(requestApproval(w.otherManager.ctx, campaign.id, { type: "BRIEF" }), "NOT_FOUND");
    await expectAppError(requestApproval(w.foreign.ctx, campaign.id, { type: "BRIEF" }), "NOT_FOUND");
    await expectAppError(requestApproval(w.foreignDirector.ctx, campaign.id, { type: "BRIEF" }), "NOT_FOUND");
    await expectAppError(requestApproval(w.clientUser.ctx, campaign.id, { type: "BRIEF" }), "FORBIDDEN");
    await expectAppError(requestApproval(w.owner.ctx, "not-a-uuid", { type: "BRIEF" }), "NOT_FOUND");
    // The director sees every campaign of the agency.
    expect((await requestApproval(w.director.ctx, campaign.id, { type: "BRIEF" })).status).toBe("PENDING");
  });
});

describe("supersede", () => {
  it("a new brief revision supersedes the pending item; a decision on the old one is refused with 409", async () => {
    const campaign = await newCampaign();
    const first = await requestApproval(w.owner.ctx, campaign.id, { type: "BRIEF" });
    await db.campaign.update({
      where: { id: campaign.id },
      data: { brief: "## Goal\nLaunch the summer line.", briefRevision: 2 },
    });
    const second = await requestApproval(w.owner.ctx, campaign.id, { type: "BRIEF" });
    expect(second.subjectVersion).toBe(2);
    expect((await db.approvalItem.findUniqueOrThrow({ where: { id: first.id } })).status).toBe("SUPERSEDED");
    const error = await expectAppError(
      decideApproval(w.clientUser.ctx, first.id, { decision: "APPROVED" }),
      "CONFLICT",
    );
    expect(error.message).toMatch(/superseded/);
    expect(await auditCount("approval.supersede", first.id)).toBe(1);
    expect((await decideApproval(w.clientUser.ctx, second.id, { decision: "APPROVED" })).status).toBe("APPROVED");
  });

  it("a decision on a version the subject moved past is refused even when nothing superseded it", async () => {
    const campaign = await newCampaign();
    const item = await requestApproval(w.owner.ctx, campaign.id, { type: "BRIEF" });
    await db.campaign.update({ where: { id: campaign.id }, data: { briefRevision: 2 } });
    await expectAppError(decideApproval(w.clientUser.ctx, item.id, { decision: "APPROVED" }), "CONFLICT");
    expect((await db.approvalItem.findUniqueOrThrow({ where: { id: item.id } })).status).toBe("PENDING");
  });

  it("a shortlist change supersedes the pending shortlist approval and sends its influencers back to SHORTLISTED", async () => {
    const campaign = await newCampaign({ status: "SOURCING" });
    const influencer = await createInfluencerRow(w.agency.id, { fee: "900.00" });
    const line = await addToShortlist(w.owner.ctx, campaign.id, { influencerId: influencer.id });
    const item = await requestApproval(w.owner.ctx, campaign.id, { type: "SHORTLIST" });
    expect((await db.campaign.findUniqueOrThrow({ where: { id: campaign.id } })).status).toBe("SHORTLIST_IN_REVIEW");
    expect((await db.campaignInfluencer.findUniqueOrThrow({ where: { id: line.id } })).status).toBe("PROPOSED");
    await updateShortlistEntry(w.owner.ctx, campaign.id, line.id, { proposedFee: "950" });
    expect((await db.approvalItem.findUniqueOrThrow({ where: { id: item.id } })).status).toBe("SUPERSEDED");
    expect((await db.campaignInfluencer.findUniqueOrThrow({ where: { id: line.id } })).status).toBe("SHORTLISTED");
    await expectAppError(decideApproval(w.clientUser.ctx, item.id, { decision: "APPROVED" }), "CONFLICT");
  });
});

describe("expiry", () => {
  it("refuses a decision past expiresAt before the job ran, then the job marks it EXPIRED once", async () => {
    const campaign = await newCampaign();
    const item = await requestApproval(w.owner.ctx, campaign.id, { type: "BRIEF" });
    await db.approvalItem.update({ where: { id: item.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect(
      (await expectAppError(decideApproval(w.clientUser.ctx, item.id, { decision: "APPROVED" }), "CONFLICT")).message,
    ).toMatch(/expired/);
    expect((await listApprovalQueue(w.clientUser.ctx, {})).items.map((i) => i.id)).not.toContain(item.id);
    expect(await expireApprovals({ agencyId: w.agency.id })).toBe(1);
    expect(await expireApprovals({ agencyId: w.agency.id })).toBe(0);
    expect((await db.approvalItem.findUniqueOrThrow({ where: { id: item.id } })).status).toBe("EXPIRED");
    expect(await auditCount("approval.expire", item.id)).toBe(1);
    expect(
      (await expectAppError(decideApproval(w.clientUser.ctx, item.id, { decision: "APPROVED" }), "CONFLICT")).message,
    ).toMatch(/expired/);
    // The manager who asked (here also the campaign's owner) is told once, in the app and by e-mail; the
    // client, who can no longer decide, is not.
    const told = await db.notification.findMany({ where: { type: "approval.expired", link: { contains: item.id } } });
    expect(told.map((n) => n.userId)).toEqual([w.owner.user.id]);
    expect(told[0]).toMatchObject({
      title: `The Brief of "${campaign.name}" expired without a decision`,
      link: `/agency/campaigns/${campaign.id}?approval=${item.id}#approvals`,
    });
    expect(
      await db.emailMessage.count({ where: { agencyId: w.agency.id, to: w.owner.user.email, subject: told[0].title } }),
    ).toBe(1);
  });

  it("tells the campaign's owner too when someone else asked", async () => {
    const campaign = await newCampaign();
    const item = await requestApproval(w.director.ctx, campaign.id, { type: "BRIEF" });
    await db.approvalItem.update({ where: { id: item.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect(await expireApprovals({ agencyId: w.agency.id })).toBe(1);
    const told = await db.notification.findMany({
      where: { type: "approval.expired", link: { contains: item.id } },
      orderBy: { userId: "asc" },
    });
    expect(told.map((n) => n.userId)).toEqual([w.owner.user.id, w.director.user.id].sort());
  });
});

describe("expiring a backlog", () => {
  it(
    "expires more than a thousand due items in one run, each once, and a second run does nothing",
    { timeout: 120_000 },
    async () => {
      // E.g. after the worker was down: before, one run took at most 1,000 in one transaction, which outlasted
      // Prisma's 5-s transaction limit and was rolled back, every time.
      const campaign = await newCampaign();
      const item = await requestApproval(w.owner.ctx, campaign.id, { type: "BRIEF" });
      // 1,050 more like it (another subject each: one pending item per subject).
      await db.$executeRaw`
      INSERT INTO "ApprovalItem" (id, "agencyId", "campaignId", type, "subjectType", "subjectId", "subjectVersion", "approverRole",
        "approverScopeType", "approverScopeId", "approverUserId", "requestedById", "dueAt", "expiresAt", "updatedAt")
      SELECT gen_random_uuid(), "agencyId", "campaignId", type, "subjectType", gen_random_uuid(), "subjectVersion", "approverRole",
        "approverScopeType", "approverScopeId", "approverUserId", "requestedById", "dueAt", now() - interval '1 minute', now()
      FROM "ApprovalItem", generate_series(1, 1050) WHERE id = ${item.id}::uuid`;
      await db.approvalItem.update({ where: { id: item.id }, data: { expiresAt: new Date(Date.now() - 60_000) } });
      const pending = { campaignId: campaign.id, status: "PENDING" as const };
      expect(await db.approvalItem.count({ where: pending })).toBe(1051);

      // A run past its time budget takes no further batch (the job stays inside its expiry; the next run goes on).
      expect(await expireApprovals({ agencyId: w.agency.id, budgetMs: 0 })).toBe(50);
      // (A generous budget: the point is that no transaction outlasts Prisma's limit, on a machine of any speed.)
      expect(await expireApprovals({ agencyId: w.agency.id, budgetMs: 110_000 })).toBe(1001);
      expect(await expireApprovals({ agencyId: w.agency.id })).toBe(0);
      expect(await db.approvalItem.count({ where: pending })).toBe(0);
      expect(
        await db.auditLog.count({ where: { agencyId: w.agency.id, action: "approval.expire", parentId: campaign.id } }),
      ).toBe(1051);
      expect(
        await db.notification.count({
          where: {
            type: "approval.expired",
            userId: w.owner.user.id,
            link: { contains: `/agency/campaigns/${campaign.id}?` },
          },
        }),
      ).toBe(1051);
    },
  );
});

describe("two decisions at the same moment", () => {
  it("exactly one lands, the other gets 409; one decision, one audit entry", async () => {
    for (let round = 0; round < 5; round++) {
      const campaign = await newCampaign();
      const item = await requestApproval(w.owner.ctx, campaign.id, { type: "BRIEF" });
      const results = await Promise.allSettled([
        decideApproval(w.clientUser.ctx, item.id, { decision: "APPROVED" }),
        decideApproval(secondClientUser.ctx, item.id, { decision: "REJECTED", note: "Not our tone" }),
      ]);
      const fulfilled = results.filter((r) => r.status === "fulfilled");
      const rejected = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
      expect(fulfilled).toHaveLength(1);
      expect(rejected).toHaveLength(1);
      await expectAppError(Promise.reject(rejected[0].reason), "CONFLICT");
      const stored = await db.approvalItem.findUniqueOrThrow({ where: { id: item.id } });
      expect(["APPROVED", "REJECTED"]).toContain(stored.status);
      expect(await auditCount("approval.decide", item.id)).toBe(1);
      expect(await db.notification.count({ where: { type: "approval.decided", link: { contains: item.id } } })).toBe(1);
    }
  });

  it("a second decision after the first is refused with 409 naming the outcome", async () => {
    const campaign = await newCampaign();
    const item = await requestApproval(w.owner.ctx, campaign.id, { type: "BRIEF" });
    await decideApproval(w.clientUser.ctx, item.id, {
      decision: "APPROVED_WITH_CONDITIONS",
      conditions: "Use the new logo",
    });
    const error = await expectAppError(
      decideApproval(secondClientUser.ctx, item.id, { decision: "APPROVED" }),
      "CONFLICT",
    );
    expect(error.message).toMatch(/already decided \(approved with conditions\)/);
  });
});

describe("deciding", () => {
  it("requires conditions and a change note, naming the field and writing nothing", async () => {
    const campaign = await newCampaign();
    const item = await requestApproval(w.owner.ctx, campaign.id, { type: "BRIEF" });
    const audits = await db.auditLog.count({ where: { agencyId: w.agency.id } });
    expect(
      (
        await expectAppError(
          decideApproval(w.clientUser.ctx, item.id, { decision: "APPROVED_WITH_CONDITIONS", conditions: "  " }),
          "VALIDATION_FAILED",
        )
      ).fields,
    ).toHaveProperty("conditions");
    expect(
      (
        await expectAppError(
          decideApproval(w.clientUser.ctx, item.id, { decision: "CHANGES_REQUESTED" }),
          "VALIDATION_FAILED",
        )
      ).fields,
    ).toHaveProperty("note");
    expect(
      (await expectAppError(decideApproval(w.clientUser.ctx, item.id, { decision: "MAYBE" }), "VALIDATION_FAILED"))
        .fields,
    ).toHaveProperty("decision");
    expect((await db.approvalItem.findUniqueOrThrow({ where: { id: item.id } })).status).toBe("PENDING");
    expect(await db.auditLog.count({ where: { agencyId: w.agency.id } })).toBe(audits);
  });

  it("records per-influencer decisions on a shortlist and updates the assignments", async () => {
    const campaign = await newCampaign({ status: "SOURCING" });
    const people = await Promise.all([1, 2, 3].map(() => createInfluencerRow(w.agency.id, { fee: "500.00" })));
    const lines: { id: string }[] = [];
    for (const p of people) lines.push(await addToShortlist(w.owner.ctx, campaign.id, { influencerId: p.id }));
    const item = await requestApproval(w.owner.ctx, campaign.id, { type: "SHORTLIST" });
    expect((item.subjectSnapshot as { lines: unknown[] }).lines).toHaveLength(3);
    const bad = await expectAppError(
      decideApproval(w.clientUser.ctx, item.id, {
        decision: "APPROVED",
        lines: [{ lineId: w.campaign.id, decision: "REJECTED" }],
      }),
      "VALIDATION_FAILED",
    );
    expect(bad.fields).toHaveProperty("lines");
    await decideApproval(w.clientUser.ctx, item.id, {
      decision: "APPROVED",
      lines: [{ lineId: lines[1].id, decision: "REJECTED", note: "Off-brand" }],
    });
    const statuses = await db.campaignInfluencer.findMany({
      where: { campaignId: campaign.id },
      orderBy: { createdAt: "asc" },
      select: { id: true, status: true },
    });
    expect(statuses.map((s) => s.status)).toEqual(["CLIENT_APPROVED", "CLIENT_REJECTED", "CLIENT_APPROVED"]);
    const decisions = await db.approvalLineDecision.findMany({ where: { approvalId: item.id } });
    expect(decisions).toHaveLength(3);
    expect(decisions.find((d) => d.lineId === lines[1].id)).toMatchObject({ decision: "REJECTED", note: "Off-brand" });
  });

  it("only the addressed approver decides: other client → 404, other manager → 404, owner and director → 403, other agency → 404", async () => {
    const campaign = await newCampaign();
    const item = await requestApproval(w.owner.ctx, campaign.id, { type: "BRIEF" });
    await expectAppError(decideApproval(w.clientUserTwo.ctx, item.id, { decision: "APPROVED" }), "NOT_FOUND");
    await expectAppError(getApproval(w.clientUserTwo.ctx, item.id), "NOT_FOUND");
    await expectAppError(decideApproval(w.otherManager.ctx, item.id, { decision: "APPROVED" }), "NOT_FOUND");
    await expectAppError(decideApproval(w.owner.ctx, item.id, { decision: "APPROVED" }), "FORBIDDEN");
    await expectAppError(decideApproval(w.director.ctx, item.id, { decision: "APPROVED" }), "FORBIDDEN");
    await expectAppError(decideApproval(w.foreign.ctx, item.id, { decision: "APPROVED" }), "NOT_FOUND");
    await expectAppError(decideApproval(w.foreignDirector.ctx, item.id, { decision: "APPROVED" }), "NOT_FOUND");
    await expectAppError(decideApproval(w.clientUser.ctx, "nope", { decision: "APPROVED" }), "NOT_FOUND");
    expect((await getApproval(w.owner.ctx, item.id)).canDecide).toBe(false);
    expect((await getApproval(w.clientUser.ctx, item.id)).canDecide).toBe(true);
  });

  it("an internal approval (policy) goes to the campaign's director, who decides it", async () => {
    const campaign = await newCampaign({ policy: { clientApprovesBrief: false } });
    const item = await requestApproval(w.owner.ctx, campaign.id, { type: "BRIEF" });
    expect(item.approverUserId).toBe(w.director.user.id);
    await expectAppError(decideApproval(w.clientUser.ctx, item.id, { decision: "APPROVED" }), "NOT_FOUND");
    expect((await decideApproval(w.director.ctx, item.id, { decision: "APPROVED" })).status).toBe("APPROVED");
  });

  it("notifies the requester and the owner of a decision, with an e-mail linking to the campaign", async () => {
    const campaign = await newCampaign();
    const item = await requestApproval(w.director.ctx, campaign.id, { type: "BRIEF" });
    await decideApproval(w.clientUser.ctx, item.id, { decision: "CHANGES_REQUESTED", note: "Shorter please" });
    const rows = await db.notification.findMany({ where: { type: "approval.decided", link: { contains: item.id } } });
    expect(rows.map((r) => r.userId).sort()).toEqual([w.director.user.id, w.owner.user.id].sort());
    expect(rows[0].link).toBe(`/agency/campaigns/${campaign.id}?approval=${item.id}#approvals`);
    expect(
      await db.emailMessage.count({ where: { to: w.owner.user.email, text: { contains: "Shorter please" } } }),
    ).toBe(1);
  });
});

describe("queues and lists", () => {
  it("a client user's queue holds what is addressed to them; the other client's and the manager's do not", async () => {
    const campaign = await newCampaign();
    const item = await requestApproval(w.owner.ctx, campaign.id, { type: "BRIEF" });
    expect((await listApprovalQueue(w.clientUser.ctx, {})).items.map((i) => i.id)).toContain(item.id);
    expect((await listApprovalQueue(w.clientUserTwo.ctx, {})).items.map((i) => i.id)).not.toContain(item.id);
    expect((await listApprovalQueue(w.owner.ctx, {})).items.map((i) => i.id)).not.toContain(item.id);
    expect((await listApprovalQueue(w.foreign.ctx, {})).total).toBe(0);
    expect((await listApprovalQueue(w.clientUser.ctx, { take: 1, page: 1 })).items).toHaveLength(1);
    expect(
      (await expectAppError(listApprovalQueue(w.clientUser.ctx, { take: 0 }), "VALIDATION_FAILED")).fields,
    ).toHaveProperty("take");
    expect((await listCampaignApprovals(w.owner.ctx, campaign.id)).map((i) => i.id)).toEqual([item.id]);
    await expectAppError(listCampaignApprovals(w.foreign.ctx, campaign.id), "NOT_FOUND");
    await expectAppError(listCampaignApprovals(w.clientUserTwo.ctx, campaign.id), "NOT_FOUND");
  });
});
