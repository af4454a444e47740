import "server-only";
import { db, type Tx } from "@/lib/db/client";
import type { AuthContext } from "@/lib/auth/context";
import { writeAudit } from "@/lib/audit";
import { AppError, notFound } from "@/lib/errors";
import { deliverEmails } from "@/lib/email/send-email";
import type { Prisma } from "@/lib/generated/prisma/client";
import { campaignScope } from "@/lib/domain/campaigns/scope";
import { applyTransition } from "@/lib/domain/campaigns/transition-campaign";
import { loadRecipients, notifyUsers, usersHoldingRole, type Recipient } from "@/lib/domain/notifications/notify";
import { approvalLink } from "./links";
import { addDays, approvalPolicy, approverFor, type Approver } from "./policy";
import { APPROVAL_TYPE_LABELS, requestApprovalSchema, type BriefSnapshot, type ShortlistSnapshot } from "./schemas";
import { idSchema } from "@/lib/domain/id";
import { supersedePendingApprovals } from "./supersede-pending";

/** Shortlist lines that still wait for the client: new ones and those already proposed. */
export const UNDECIDED_LINE_STATUSES = ["SHORTLISTED", "PROPOSED"] as const;

type Subject = { subjectType: string; version: number; snapshot: Prisma.InputJsonValue; lineIds: string[] };

async function briefSubject(campaign: { name: string; brief: string | null; briefRevision: number }): Promise<Subject> {
  if (!campaign.brief?.trim())
    throw new AppError("VALIDATION_FAILED", "Write the brief before sending it", {
      fields: { brief: "The brief is empty" },
    });
  const snapshot: BriefSnapshot = {
    brief: campaign.brief,
    revision: campaign.briefRevision,
    campaignName: campaign.name,
  };
  return { subjectType: "CampaignBrief", version: campaign.briefRevision, snapshot, lineIds: [] };
}

async function shortlistSubject(
  tx: Tx,
  campaign: { id: string; agencyId: string; currency: string; shortlistRevision: number },
): Promise<Subject> {
  const lines = await tx.campaignInfluencer.findMany({
    where: { agencyId: campaign.agencyId, campaignId: campaign.id, status: { in: [...UNDECIDED_LINE_STATUSES] } },
    orderBy: { createdAt: "asc" },
    select: {
      id: true,
      influencerId: true,
      proposedFee: true,
      currency: true,
      deliverableType: true,
      influencer: {
        select: {
          displayName: true,
          socialAccounts: { select: { platform: true, handle: true }, orderBy: { followers: "desc" } },
        },
      },
    },
  });
  if (lines.length === 0) {
    throw new AppError("VALIDATION_FAILED", "Add influencers to the shortlist before sending it", {
      fields: { shortlist: "No influencer waits for a decision" },
    });
  }
  const snapshot: ShortlistSnapshot = {
    currency: campaign.currency,
    lines: lines.map((l) => ({
      lineId: l.id,
      influencerId: l.influencerId,
      name: l.influencer.displayName,
      handles: l.influencer.socialAccounts,
      proposedFee: l.proposedFee?.toFixed(2) ?? null,
      currency: l.currency,
      deliverableType: l.deliverableType,
    })),
  };
  return {
    subjectType: "Shortlist",
    version: campaign.shortlistRevision,
    snapshot: snapshot as unknown as Prisma.InputJsonValue,
    lineIds: lines.map((l) => l.id),
  };
}

/** Who may decide the item: the named user, or the active holders of the role within its scope. */
export async function approversOf(tx: Tx, agencyId: string, approver: Approver): Promise<Recipient[]> {
  if (approver.approverUserId) return loadRecipients(tx, agencyId, [approver.approverUserId]);
  if (!approver.approverRole || !approver.approverScopeType) return [];
  return usersHoldingRole(tx, agencyId, {
    role: approver.approverRole,
    scopeType: approver.approverScopeType,
    scopeId: approver.approverScopeId,
    permission: "approval.decide",
  });
}

/**
 * Sends the campaign's brief or shortlist for approval: the exact current version, addressed per the
 * campaign policy, due and expiring per policy. A pending item for an older version is superseded; one for
 * the same version is refused (409). Moves DRAFT → BRIEF_IN_REVIEW / SOURCING → SHORTLIST_IN_REVIEW and
 * notifies the approvers, all in one transaction.
 */
export async function requestApproval(ctx: AuthContext, campaignId: string, raw: unknown) {
  const scope = campaignScope(ctx, "approval.request");
  if (!idSchema.safeParse(campaignId).success) throw notFound("Campaign");
  const input = requestApprovalSchema.parse(raw);
  const { approval, emailIds } = await db.$transaction(async (tx) => {
    // Serialises requests and shortlist edits of one campaign: the version read is the version approved.
    await tx.$queryRaw`SELECT id FROM "Campaign" WHERE id = ${campaignId}::uuid AND "agencyId" = ${ctx.agencyId}::uuid FOR UPDATE`;
    const campaign = await tx.campaign.findFirst({ where: { AND: [scope, { id: campaignId }] } });
    if (!campaign) throw notFound("Campaign");
    const subject = input.type === "BRIEF" ? await briefSubject(campaign) : await shortlistSubject(tx, campaign);
    const current = await tx.approvalItem.findFirst({
      where: {
        agencyId: ctx.agencyId,
        campaignId,
        type: input.type,
        subjectId: campaignId,
        subjectVersion: subject.version,
        status: { in: ["PENDING", "APPROVED", "APPROVED_WITH_CONDITIONS"] },
      },
      select: { status: true },
    });
    const label = APPROVAL_TYPE_LABELS[input.type].toLowerCase();
    if (current?.status === "PENDING")
      throw new AppError("CONFLICT", `This version of the ${label} is already waiting for approval`);
    if (current && input.type === "BRIEF")
      throw new AppError("CONFLICT", `This version of the ${label} is already approved`);
    await supersedePendingApprovals(tx, ctx, {
      campaignId,
      type: input.type,
      subjectId: campaignId,
      newVersion: subject.version,
    });

    const policy = approvalPolicy(campaign.policy);
    const approver = approverFor(
      campaign,
      input.type === "BRIEF" ? policy.clientApprovesBrief : policy.clientApprovesShortlist,
    );
    const now = new Date();
    const created = await tx.approvalItem.create({
      data: {
        agencyId: ctx.agencyId,
        campaignId,
        type: input.type,
        subjectType: subject.subjectType,
        subjectId: campaignId,
        subjectVersion: subject.version,
        subjectSnapshot: subject.snapshot,
        ...approver,
        requestedById: ctx.userId,
        dueAt: addDays(now, policy.dueDays),
        expiresAt: addDays(now, policy.expiryDays),
      },
    });
    if (subject.lineIds.length) {
      await tx.campaignInfluencer.updateMany({
        where: { agencyId: ctx.agencyId, campaignId, id: { in: subject.lineIds }, status: "SHORTLISTED" },
        data: { status: "PROPOSED" },
      });
    }
    if (input.message)
      await tx.approvalComment.create({
        data: { agencyId: ctx.agencyId, approvalId: created.id, authorId: ctx.userId, body: input.message },
      });
    await writeAudit(tx, ctx, {
      action: "approval.request",
      model: "ApprovalItem",
      recordId: created.id,
      display: `${APPROVAL_TYPE_LABELS[input.type]} v${subject.version} of ${campaign.name}`,
      parent: { model: "Campaign", id: campaignId },
      after: {
        type: created.type,
        subjectVersion: created.subjectVersion,
        approverRole: created.approverRole,
        approverUserId: created.approverUserId,
        dueAt: created.dueAt,
        expiresAt: created.expiresAt,
      },
    });
    // Sending moves the campaign into review; re-sending while already in review (or later) changes nothing.
    if (input.type === "BRIEF" && campaign.status === "DRAFT")
      await applyTransition(tx, ctx, campaign, "BRIEF_IN_REVIEW", "Brief sent for approval");
    if (input.type === "SHORTLIST" && campaign.status === "SOURCING")
      await applyTransition(tx, ctx, campaign, "SHORTLIST_IN_REVIEW", "Shortlist sent for approval");

    const recipients = (await approversOf(tx, ctx.agencyId, approver)).filter((r) => r.id !== ctx.userId);
    const emailIds = await notifyUsers(tx, ctx.agencyId, recipients, (r) => ({
      type: "approval.requested",
      title: `${APPROVAL_TYPE_LABELS[input.type]} of "${campaign.name}" waits for your approval`,
      body: `${ctx.name} sent it on ${now.toISOString().slice(0, 10)}; please decide by ${created.dueAt?.toISOString().slice(0, 10)}.`,
      link: approvalLink(created, r),
    }));
    return { approval: created, emailIds };
  });
  await deliverEmails(emailIds);
  return approval;
}
