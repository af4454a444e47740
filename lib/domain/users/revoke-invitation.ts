import "server-only";
import { z } from "zod";
import { db } from "@/lib/db/client";
import { writeAudit } from "@/lib/audit";
import type { AuthContext } from "@/lib/auth/context";
import { can } from "@/lib/auth/permissions";
import { AppError } from "@/lib/errors";

export const revokeInvitationSchema = z.object({ id: z.uuid({ error: "Invalid invitation id" }) });

export async function revokeInvitation(ctx: AuthContext, raw: z.input<typeof revokeInvitationSchema>) {
  if (!can(ctx, "user.manage")) throw new AppError("FORBIDDEN", "You do not have permission to manage invitations");
  const { id } = revokeInvitationSchema.parse(raw);
  return db.$transaction(async (tx) => {
    const invitation = await tx.invitation.findFirst({
      where: { id, agencyId: ctx.agencyId, acceptedAt: null, revokedAt: null },
    });
    if (!invitation) throw new AppError("NOT_FOUND", "Invitation not found");
    await tx.invitation.update({ where: { id }, data: { revokedAt: new Date() } });
    await writeAudit(tx, ctx, {
      action: "invitation.revoke",
      model: "Invitation",
      recordId: id,
      display: invitation.email,
    });
    return { id };
  });
}
