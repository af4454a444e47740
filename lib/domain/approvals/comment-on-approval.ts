import "server-only";
import { db } from "@/lib/db/client";
import type { AuthContext } from "@/lib/auth/context";
import { writeAudit } from "@/lib/audit";
import { AppError, notFound } from "@/lib/errors";
import { deliverEmails } from "@/lib/email/send-email";
import type { Prisma } from "@/lib/generated/prisma/client";
import { loadRecipients, notifyUsers, usersHoldingRole } from "@/lib/domain/notifications/notify";
import { approvalLink } from "./links";
import { APPROVAL_TYPE_LABELS, commentSchema } from "./schemas";
import { idSchema } from "@/lib/domain/id";
import { approvalScope, isAgencyStaff } from "./scope";

/**
 * Adds a comment to an approval's thread. Internal comments are for agency staff only: a client user cannot
 * write one, and they notify staff only. The other participants (requester, owner, earlier commenters, the
 * approvers) are notified.
 */
export async function commentOnApproval(ctx: AuthContext, approvalId: string, raw: unknown) {
  const visible = approvalScope(ctx);
  if (!idSchema.safeParse(approvalId).success) throw notFound("Approval");
  const input = commentSchema.parse(raw);
  const staff = isAgencyStaff(ctx);
  if (input.internal && !staff)
    throw new AppError("VALIDATION_FAILED", "Check internal: only agency staff can write internal comments", {
      fields: { internal: "Only agency staff can write internal comments" },
    });
  const { comment, emailIds } = await db.$transaction(async (tx) => {
    const item = await tx.approvalItem.findFirst({
      where: { AND: [visible, { id: approvalId }] },
      include: { campaign: { select: { name: true, ownerId: true } } },
    });
    if (!item) throw notFound("Approval");
    const comment = await tx.approvalComment.create({
      data: {
        agencyId: ctx.agencyId,
        approvalId,
        authorId: ctx.userId,
        body: input.body,
        anchor: (input.anchor ?? undefined) as Prisma.InputJsonValue | undefined,
        internal: input.internal,
      },
    });
    await writeAudit(tx, ctx, {
      action: "approval.comment",
      model: "ApprovalComment",
      recordId: comment.id,
      display: `${APPROVAL_TYPE_LABELS[item.type]} of "${item.campaign.name}"${input.internal ? " (internal)" : ""}`,
      parent: { model: "Campaign", id: item.campaignId },
      after: { body: comment.body, internal: comment.internal, anchor: comment.anchor },
    });
    const earlier = await tx.approvalComment.findMany({
      where: { agencyId: ctx.agencyId, approvalId },
      select: { authorId: true },
      distinct: ["authorId"],
    });
    const named = await loadRecipients(tx, ctx.agencyId, [
      item.requestedById,
      item.campaign.ownerId,
      item.approverUserId,
      item.decidedById,
      ...earlier.map((c) => c.authorId),
    ]);
    const approvers =
      item.approverRole && item.approverScopeType
        ? await usersHoldingRole(tx, ctx.agencyId, {
            role: item.approverRole,
            scopeType: item.approverScopeType,
            scopeId: item.approverScopeId,
            permission: "approval.decide",
          })
        : [];
    const recipients = [...named, ...approvers].filter((r) => r.id !== ctx.userId && !(input.internal && r.isClient));
    const emailIds = await notifyUsers(tx, ctx.agencyId, recipients, (r) => ({
      type: "approval.commented",
      title: `${ctx.name} commented on the ${APPROVAL_TYPE_LABELS[item.type].toLowerCase()} of "${item.campaign.name}"`,
      body: input.body.length > 280 ? `${input.body.slice(0, 277)}…` : input.body,
      link: approvalLink(item, r),
    }));
    return { comment, emailIds };
  });
  await deliverEmails(emailIds);
  return comment;
}
