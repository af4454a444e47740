import "server-only";
import { db } from "@/lib/db/client";
import { writeAudit } from "@/lib/audit";
import { loadUserContext, requiresMfa } from "@/lib/auth/context";
import { burnPasswordCheck, verifyPassword } from "@/lib/crypto/password";
import { decrypt } from "@/lib/crypto/encryption";
import { hashToken, newToken } from "@/lib/crypto/tokens";
import { verifyTotp } from "@/lib/crypto/totp";
import { AppError } from "@/lib/errors";
import {
  LOCK_MINUTES,
  LOGIN_TICKET_SECONDS,
  MAX_FAILED_LOGINS,
  MAX_FAILURES_PER_EMAIL,
  MAX_FAILURES_PER_IP,
  RATE_WINDOW_MINUTES,
} from "./constants";
import { signInSchema, type SignInInput } from "./schemas";
import { createMfaEnrolmentToken } from "./start-mfa-enrolment";

export type AuthenticateResult =
  | { status: "ok"; ticket: string; userId: string }
  | { status: "mfa_required" }
  | { status: "mfa_enrolment_required"; enrolmentToken: string };

const WRONG = "The e-mail or password is wrong";

function minutesLeft(until: Date) {
  return Math.max(1, Math.ceil((until.getTime() - Date.now()) / 60000));
}

async function assertNotRateLimited(email: string, ip: string) {
  const since = new Date(Date.now() - RATE_WINDOW_MINUTES * 60000);
  const [byIp, byEmail] = await Promise.all([
    db.loginAttempt.count({ where: { ip, success: false, createdAt: { gt: since } } }),
    db.loginAttempt.count({ where: { email, success: false, createdAt: { gt: since } } }),
  ]);
  if (byIp >= MAX_FAILURES_PER_IP || byEmail >= MAX_FAILURES_PER_EMAIL) {
    throw new AppError(
      "RATE_LIMITED",
      `Too many sign-in attempts. Wait ${RATE_WINDOW_MINUTES} minutes and try again.`,
      { retryAfterSeconds: RATE_WINDOW_MINUTES * 60 },
    );
  }
}

/**
 * Checks a sign-in: rate limits per IP and e-mail, lockout after five failures, password (argon2id), and
 * TOTP when the user has MFA or must enrol. On success it returns a one-minute ticket that the Auth.js
 * Credentials provider redeems for a session.
 */
export async function authenticate(raw: SignInInput, request: { ip: string | null }): Promise<AuthenticateResult> {
  const input = signInSchema.parse(raw);
  const ip = request.ip ?? "unknown";
  await assertNotRateLimited(input.email, ip);

  const user = await db.user.findUnique({ where: { email: input.email } });
  if (!user || user.status !== "ACTIVE") {
    await burnPasswordCheck(input.password);
    await db.loginAttempt.create({ data: { email: input.email, ip, success: false } });
    await answerLikeALockout(input.email);
    throw new AppError("UNAUTHENTICATED", WRONG);
  }
  if (user.lockedUntil && user.lockedUntil > new Date()) {
    await db.loginAttempt.create({ data: { email: input.email, ip, success: false } });
    throw stillLocked(user.lockedUntil);
  }

  const passwordOk = await verifyPassword(user.passwordHash, input.password);
  const codeGiven = Boolean(input.code);
  const codeOk = passwordOk && user.mfaSecret && codeGiven ? verifyTotp(decrypt(user.mfaSecret), input.code!) : false;

  if (!passwordOk || (user.mfaSecret && codeGiven && !codeOk)) {
    await recordFailure(user, input.email, ip, passwordOk ? "auth.mfa.failed" : "auth.login.failed");
    if (passwordOk)
      throw new AppError("UNAUTHENTICATED", "The code is wrong or has expired", {
        fields: { code: "The code is wrong or has expired" },
      });
    throw new AppError("UNAUTHENTICATED", WRONG);
  }

  if (user.mfaSecret && !codeGiven) return { status: "mfa_required" };

  const ctx = await loadUserContext(user.id);
  if (!ctx) throw new AppError("UNAUTHENTICATED", WRONG);
  if (!user.mfaSecret && requiresMfa(ctx)) {
    return { status: "mfa_enrolment_required", enrolmentToken: await createMfaEnrolmentToken(user) };
  }

  return { status: "ok", ticket: await issueLoginTicket(user, ip), userId: user.id };
}

async function recordFailure(
  user: { id: string; agencyId: string; email: string; failedLoginCount: number },
  email: string,
  ip: string,
  action: string,
) {
  const failures = user.failedLoginCount + 1;
  const lock = failures >= MAX_FAILED_LOGINS;
  await db.$transaction(async (tx) => {
    await tx.loginAttempt.create({ data: { email, ip, success: false } });
    await tx.user.update({
      where: { id: user.id },
      data: lock
        ? { failedLoginCount: 0, lockedUntil: new Date(Date.now() + LOCK_MINUTES * 60000) }
        : { failedLoginCount: failures },
    });
    const actor = { agencyId: user.agencyId, userId: user.id, email: user.email, ip };
    await writeAudit(tx, actor, { action, model: "User", recordId: user.id, display: user.email });
    if (lock)
      await writeAudit(tx, actor, { action: "auth.locked", model: "User", recordId: user.id, display: user.email });
  });
  if (lock) throw lockedNow();
}

function lockedNow() {
  return new AppError(
    "ACCOUNT_LOCKED",
    `This account is now locked for ${LOCK_MINUTES} minutes after ${MAX_FAILED_LOGINS} failed sign-ins.`,
    {
      retryAfterSeconds: LOCK_MINUTES * 60,
    },
  );
}

function stillLocked(until: Date) {
  return new AppError(
    "ACCOUNT_LOCKED",
    `This account is locked after ${MAX_FAILED_LOGINS} failed sign-ins. Try again in ${minutesLeft(until)} minutes or reset your password.`,
    { retryAfterSeconds: Math.ceil((until.getTime() - Date.now()) / 1000) },
  );
}

/**
 * An unknown address answers as an account would: "locked" from its fifth failure on, for the same time,
 * so that the lockout message does not tell which e-mail addresses have accounts.
 */
async function answerLikeALockout(email: string) {
  const failures = await db.loginAttempt.findMany({
    where: { email, success: false, createdAt: { gt: new Date(Date.now() - LOCK_MINUTES * 60000) } },
    orderBy: { createdAt: "asc" },
    select: { createdAt: true },
  });
  if (failures.length < MAX_FAILED_LOGINS) return;
  if (failures.length === MAX_FAILED_LOGINS) throw lockedNow();
  throw stillLocked(new Date(failures[MAX_FAILED_LOGINS - 1].createdAt.getTime() + LOCK_MINUTES * 60000));
}

/** A successful check: clears the failure count and hands out the single-use ticket. */
export async function issueLoginTicket(
  user: { id: string; agencyId: string; email: string },
  ip: string,
): Promise<string> {
  const ticket = newToken();
  await db.$transaction(async (tx) => {
    await tx.loginAttempt.create({ data: { email: user.email, ip, success: true } });
    await tx.user.update({
      where: { id: user.id },
      data: { failedLoginCount: 0, lockedUntil: null, lastLoginAt: new Date() },
    });
    await tx.authToken.create({
      data: {
        agencyId: user.agencyId,
        userId: user.id,
        type: "LOGIN_TICKET",
        tokenHash: hashToken(ticket),
        expiresAt: new Date(Date.now() + LOGIN_TICKET_SECONDS * 1000),
      },
    });
    await writeAudit(
      tx,
      { agencyId: user.agencyId, userId: user.id, email: user.email, ip },
      {
        action: "auth.login",
        model: "User",
        recordId: user.id,
        display: user.email,
      },
    );
  });
  return ticket;
}
