import { db } from "@/lib/db/client";
import type { AuthContext } from "@/lib/auth/context";
import { encrypt } from "@/lib/crypto/encryption";
import { hashToken, newToken } from "@/lib/crypto/tokens";
import { newTotpSecret } from "@/lib/crypto/totp";
import { AppError } from "@/lib/errors";
import { MFA_ENROLMENT_MINUTES } from "./constants";

/** A signed-in user without MFA turns it on: returns the enrolment token for the set-up page. */
export async function startMfaEnrolment(ctx: AuthContext): Promise<{ token: string }> {
  const user = await db.user.findFirst({ where: { id: ctx.userId, agencyId: ctx.agencyId }, select: { mfaEnabledAt: true } });
  if (!user) throw new AppError("NOT_FOUND", "User not found");
  if (user.mfaEnabledAt) throw new AppError("CONFLICT", "Two-factor authentication is already on");
  const token = newToken();
  await db.authToken.create({
    data: {
      agencyId: ctx.agencyId,
      userId: ctx.userId,
      type: "MFA_ENROLMENT",
      tokenHash: hashToken(token),
      data: { secret: encrypt(newTotpSecret()) },
      expiresAt: new Date(Date.now() + MFA_ENROLMENT_MINUTES * 60000),
    },
  });
  return { token };
}
