import "server-only";
import { db } from "@/lib/db/client";
import { writeAudit } from "@/lib/audit";
import type { AuthContext } from "@/lib/auth/context";
import { can } from "@/lib/auth/permissions";
import { hashToken, newToken } from "@/lib/crypto/tokens";
import { deliverEmails, queueEmail } from "@/lib/email/send-email";
import { AppError } from "@/lib/errors";
import { appUrl, INVITATION_HOURS } from "@/lib/domain/auth/constants";
import { invitationSchema, type InvitationInput } from "@/lib/domain/auth/schemas";
import { ROLE_NAMES } from "./labels";

/** Invites a person with one role and scope; the e-mail carries a single-use link valid for 72 hours. */
export async function createInvitation(ctx: AuthContext, raw: InvitationInput) {
  if (!can(ctx, "user.manage")) throw new AppError("FORBIDDEN", "You do not have permission to invite users");
  const input = invitationSchema.parse(raw);
  if (input.scopeType === "CLIENT") {
    const client = await db.client.findFirst({
      where: { id: input.scopeId!, agencyId: ctx.agencyId },
      select: { id: true },
    });
    if (!client)
      throw new AppError("VALIDATION_FAILED", "Choose a client of this agency", {
        fields: { scopeId: "Client not found" },
      });
  }
  if (input.scopeType === "CAMPAIGN") {
    throw new AppError("VALIDATION_FAILED", "Campaign scopes can be given once campaigns exist", {
      fields: { scopeType: "No campaign to scope to yet" },
    });
  }
  const existing = await db.user.findUnique({ where: { email: input.email }, select: { id: true } });
  if (existing)
    throw new AppError("CONFLICT", "A user with this e-mail already exists", { fields: { email: "Already a user" } });

  const token = newToken();
  const { invitation, emailId } = await db.$transaction(async (tx) => {
    const agency = await tx.agency.findUniqueOrThrow({ where: { id: ctx.agencyId }, select: { name: true } });
    // A newer invitation to the same address replaces the open one.
    await tx.invitation.updateMany({
      where: { agencyId: ctx.agencyId, email: input.email, acceptedAt: null, revokedAt: null },
      data: { revokedAt: new Date() },
    });
    const invitation = await tx.invitation.create({
      data: {
        agencyId: ctx.agencyId,
        email: input.email,
        name: input.name,
        role: input.role,
        scopeType: input.scopeType,
        scopeId: input.scopeId,
        tokenHash: hashToken(token),
        expiresAt: new Date(Date.now() + INVITATION_HOURS * 3600 * 1000),
        invitedById: ctx.userId,
      },
    });
    await writeAudit(tx, ctx, {
      action: "invitation.create",
      model: "Invitation",
      recordId: invitation.id,
      display: input.email,
      after: {
        email: input.email,
        name: input.name,
        role: input.role,
        scopeType: input.scopeType,
        scopeId: input.scopeId,
      },
    });
    const emailId = await queueEmail(tx, {
      agencyId: ctx.agencyId,
      to: input.email,
      subject: `You are invited to ${agency.name} on TiKiT`,
      text: `Hello ${input.name},\n\n${ctx.name} invited you to join ${agency.name} on TiKiT as ${ROLE_NAMES[input.role].toLowerCase()}.\n\nSet your password here within ${INVITATION_HOURS} hours:\n\n${appUrl()}/invite/${token}\n\nThe link works once.`,
    });
    return { invitation, emailId };
  });
  await deliverEmails([emailId]);
  return { id: invitation.id, email: invitation.email, expiresAt: invitation.expiresAt };
}
