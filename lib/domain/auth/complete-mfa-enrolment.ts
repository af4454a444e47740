import "server-only";
import { db } from "@/lib/db/client";
import { writeAudit } from "@/lib/audit";
import { forgetCallerContexts } from "@/lib/auth/context-cache";
import { decrypt, encrypt } from "@/lib/crypto/encryption";
import { hashToken } from "@/lib/crypto/tokens";
import { totpUri, verifyTotp } from "@/lib/crypto/totp";
import { AppError } from "@/lib/errors";
import { issueLoginTicket } from "./authenticate";
import { mfaEnrolmentSchema } from "./schemas";

async function findEnrolment(token: string) {
  const row = await db.authToken.findFirst({
    where: { tokenHash: hashToken(token), type: "MFA_ENROLMENT", usedAt: null, expiresAt: { gt: new Date() } },
    select: { id: true, data: true, user: { select: { id: true, agencyId: true, email: true } } },
  });
  if (!row) throw new AppError("NOT_FOUND", "This set-up link has expired. Sign in again to get a new one.");
  const secret = decrypt((row.data as { secret: string }).secret);
  return { ...row, secret };
}

/** What the enrolment page shows: the otpauth URI for the QR code and the secret for typing in. */
export async function getMfaEnrolment(token: string) {
  const enrolment = await findEnrolment(token);
  return {
    email: enrolment.user.email,
    secret: enrolment.secret,
    uri: totpUri(enrolment.secret, enrolment.user.email),
  };
}

/** Confirms the first code, stores the secret and signs the user in (returns a login ticket). */
export async function completeMfaEnrolment(raw: unknown, request: { ip: string | null }) {
  const input = mfaEnrolmentSchema.parse(raw);
  const enrolment = await findEnrolment(input.token);
  if (!verifyTotp(enrolment.secret, input.code)) {
    throw new AppError("VALIDATION_FAILED", "The code is wrong or has expired", {
      fields: { code: "The code is wrong or has expired" },
    });
  }
  const { user } = enrolment;
  await db.$transaction(async (tx) => {
    const claimed = await tx.authToken.updateMany({
      where: { id: enrolment.id, usedAt: null },
      data: { usedAt: new Date() },
    });
    if (claimed.count !== 1) throw new AppError("CONFLICT", "This set-up link was already used");
    await tx.user.update({
      where: { id: user.id },
      data: { mfaSecret: encrypt(enrolment.secret), mfaEnabledAt: new Date() },
    });
    await writeAudit(
      tx,
      { agencyId: user.agencyId, userId: user.id, email: user.email, ip: request.ip },
      {
        action: "auth.mfa.enrolled",
        model: "User",
        recordId: user.id,
        display: user.email,
      },
    );
  });
  forgetCallerContexts({ userId: user.id });
  return { ticket: await issueLoginTicket(user, request.ip ?? "unknown"), userId: user.id };
}
