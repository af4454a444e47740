import "server-only";
import { db } from "@/lib/db/client";
import { writeAudit } from "@/lib/audit";
import { hashPassword } from "@/lib/crypto/password";
import { hashToken } from "@/lib/crypto/tokens";
import { AppError } from "@/lib/errors";
import { acceptInvitationSchema } from "@/lib/domain/auth/schemas";

const INVALID = "This invitation is invalid, was already used, or has expired. Ask for a new one.";

/** The open invitation behind a token, for the set-password page; null when unusable. */
export async function findOpenInvitation(token: string) {
  return db.invitation.findFirst({
    where: { tokenHash: hashToken(token), acceptedAt: null, revokedAt: null, expiresAt: { gt: new Date() } },
    select: { email: true, name: true, role: true, agency: { select: { name: true } } },
  });
}

/** Turns an invitation into an account with its role; the token works once. */
export async function acceptInvitation(raw: unknown, request: { ip: string | null }) {
  const input = acceptInvitationSchema.parse(raw);
  const passwordHash = await hashPassword(input.password);
  return db.$transaction(async (tx) => {
    const now = new Date();
    const invitation = await tx.invitation.findFirst({
      where: { tokenHash: hashToken(input.token), acceptedAt: null, revokedAt: null, expiresAt: { gt: now } },
    });
    if (!invitation) throw new AppError("NOT_FOUND", INVALID);
    const claimed = await tx.invitation.updateMany({
      where: { id: invitation.id, acceptedAt: null },
      data: { acceptedAt: now },
    });
    if (claimed.count !== 1) throw new AppError("NOT_FOUND", INVALID);
    const taken = await tx.user.findUnique({ where: { email: invitation.email }, select: { id: true } });
    if (taken) throw new AppError("CONFLICT", "An account with this e-mail already exists. Sign in instead.");
    const user = await tx.user.create({
      data: {
        agencyId: invitation.agencyId,
        email: invitation.email,
        name: input.name,
        passwordHash,
        passwordChangedAt: now,
        roleAssignments: {
          create: {
            agencyId: invitation.agencyId,
            role: invitation.role,
            scopeType: invitation.scopeType,
            scopeId: invitation.scopeId,
          },
        },
      },
    });
    await writeAudit(
      tx,
      { agencyId: invitation.agencyId, userId: user.id, email: user.email, ip: request.ip },
      {
        action: "invitation.accept",
        model: "User",
        recordId: user.id,
        display: user.email,
        after: {
          email: user.email,
          name: user.name,
          role: invitation.role,
          scopeType: invitation.scopeType,
          scopeId: invitation.scopeId,
        },
      },
    );
    return { email: user.email };
  });
}
