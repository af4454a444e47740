import "server-only";
import { db } from "@/lib/db/client";
import type { AuthContext } from "@/lib/auth/context";
import { encrypt } from "@/lib/crypto/encryption";
import { hashToken, newToken } from "@/lib/crypto/tokens";
import { newTotpSecret } from "@/lib/crypto/totp";
import { AppError } from "@/lib/errors";
import { MFA_ENROLMENT_MINUTES } from "./constants";

/** A fresh TOTP secret held (encrypted) behind a single-use token until the user confirms a first code. */
export async function createMfaEnrolmentToken(user: { id: string; agencyId: string }): Promise<string> {
  const token = newToken();
  await db.authToken.create({
    data: {
      agencyId: user.agencyId,
      userId: user.id,
      type: "MFA_ENROLMENT",
      tokenHash: hashToken(token),
      data: { secret: encrypt(newTotpSecret()) },
      expiresAt: new Date(Date.now() + MFA_ENROLMENT_MINUTES * 60000),
    },
  });
  return token;
}

/** A signed-in user without MFA turns it on: returns the enrolment token for the set-up page. */
export async function startMfaEnrolment(ctx: AuthContext): Promise<{ token: string }> {
  const user = await db.user.findFirst({
    where: { id: ctx.userId, agencyId: ctx.agencyId },
    select: { id: true, agencyId: true, mfaEnabledAt: true },
  });
  if (!user) throw new AppError("NOT_FOUND", "User not found");
  if (user.mfaEnabledAt) throw new AppError("CONFLICT", "Two-factor authentication is already on");
  return { token: await createMfaEnrolmentToken(user) };
}
