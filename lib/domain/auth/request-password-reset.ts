import "server-only";
import { db } from "@/lib/db/client";
import { writeAudit } from "@/lib/audit";
import { hashToken, newToken } from "@/lib/crypto/tokens";
import { deliverEmails, queueEmail } from "@/lib/email/send-email";
import { appUrl, PASSWORD_RESET_MINUTES } from "./constants";
import { requestPasswordResetSchema } from "./schemas";

/** Sends a reset link when the address belongs to an active user; answers the same either way. */
export async function requestPasswordReset(raw: unknown, request: { ip: string | null }): Promise<{ sent: true }> {
  const { email } = requestPasswordResetSchema.parse(raw);
  const user = await db.user.findUnique({
    where: { email },
    select: { id: true, agencyId: true, email: true, name: true, status: true },
  });
  if (!user || user.status !== "ACTIVE") return { sent: true };
  const token = newToken();
  const emailId = await db.$transaction(async (tx) => {
    await tx.authToken.create({
      data: {
        agencyId: user.agencyId,
        userId: user.id,
        type: "PASSWORD_RESET",
        tokenHash: hashToken(token),
        expiresAt: new Date(Date.now() + PASSWORD_RESET_MINUTES * 60000),
      },
    });
    await writeAudit(
      tx,
      { agencyId: user.agencyId, userId: user.id, email: user.email, ip: request.ip },
      {
        action: "auth.password.reset_requested",
        model: "User",
        recordId: user.id,
        display: user.email,
      },
    );
    return queueEmail(tx, {
      agencyId: user.agencyId,
      to: user.email,
      subject: "Reset your TiKiT password",
      text: `Hello ${user.name},\n\nSomeone asked to reset the password of your TiKiT account. If it was you, open this link within ${PASSWORD_RESET_MINUTES} minutes:\n\n${appUrl()}/reset-password/${token}\n\nIf it was not you, ignore this e-mail: your password stays as it is.`,
    });
  });
  await deliverEmails([emailId]);
  return { sent: true };
}
