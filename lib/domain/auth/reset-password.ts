import "server-only";
import { db } from "@/lib/db/client";
import { writeAudit } from "@/lib/audit";
import { forgetCallerContexts } from "@/lib/auth/context-cache";
import { hashPassword } from "@/lib/crypto/password";
import { hashToken } from "@/lib/crypto/tokens";
import { AppError } from "@/lib/errors";
import { resetPasswordSchema } from "./schemas";

const EXPIRED = "This reset link is invalid or has expired. Ask for a new one.";

export async function checkPasswordResetToken(token: string): Promise<boolean> {
  const row = await db.authToken.findFirst({
    where: { tokenHash: hashToken(token), type: "PASSWORD_RESET", usedAt: null, expiresAt: { gt: new Date() } },
    select: { id: true },
  });
  return row !== null;
}

/** Sets a new password from a single-use token; ends every session and lifts a lockout. */
export async function resetPassword(raw: unknown, request: { ip: string | null }): Promise<{ email: string }> {
  const input = resetPasswordSchema.parse(raw);
  const passwordHash = await hashPassword(input.password);
  const { userId, email } = await db.$transaction(async (tx) => {
    const now = new Date();
    const token = await tx.authToken.findFirst({
      where: { tokenHash: hashToken(input.token), type: "PASSWORD_RESET", usedAt: null, expiresAt: { gt: now } },
      select: { id: true, user: { select: { id: true, agencyId: true, email: true } } },
    });
    if (!token) throw new AppError("NOT_FOUND", EXPIRED);
    const claimed = await tx.authToken.updateMany({ where: { id: token.id, usedAt: null }, data: { usedAt: now } });
    if (claimed.count !== 1) throw new AppError("NOT_FOUND", EXPIRED);
    const { user } = token;
    await tx.user.update({
      where: { id: user.id },
      data: { passwordHash, passwordChangedAt: now, failedLoginCount: 0, lockedUntil: null },
    });
    await tx.session.updateMany({ where: { userId: user.id, revokedAt: null }, data: { revokedAt: now } });
    await tx.authToken.updateMany({
      where: { userId: user.id, type: "PASSWORD_RESET", usedAt: null },
      data: { usedAt: now },
    });
    await writeAudit(
      tx,
      { agencyId: user.agencyId, userId: user.id, email: user.email, ip: request.ip },
      {
        action: "auth.password.reset",
        model: "User",
        recordId: user.id,
        display: user.email,
      },
    );
    return { userId: user.id, email: user.email };
  });
  forgetCallerContexts({ userId });
  return { email };
}
