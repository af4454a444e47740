"use server";

import "server-only";
import { z } from "zod";
import { signIn, signOut } from "@/lib/auth/auth";
import { loadUserContext } from "@/lib/auth/context";
import { homePath, safeCallbackPath } from "@/lib/auth/portals";
import { getAuthContext, requestIp } from "@/lib/auth/session";
import { authedAction, publicAction } from "@/lib/actions/action";
import { authenticate } from "@/lib/domain/auth/authenticate";
import { completeMfaEnrolment } from "@/lib/domain/auth/complete-mfa-enrolment";
import { requestPasswordReset } from "@/lib/domain/auth/request-password-reset";
import { resetPassword } from "@/lib/domain/auth/reset-password";
import { revokeSessions } from "@/lib/domain/auth/revoke-sessions";
import { startMfaEnrolment } from "@/lib/domain/auth/start-mfa-enrolment";
import {
  acceptInvitationSchema,
  mfaEnrolmentSchema,
  requestPasswordResetSchema,
  resetPasswordSchema,
  signInSchema,
} from "@/lib/domain/auth/schemas";
import { acceptInvitation } from "@/lib/domain/users/accept-invitation";

async function finishSignIn(ticket: string, userId: string, callbackUrl: string | undefined) {
  await signIn("credentials", { ticket, redirect: false });
  const ctx = await loadUserContext(userId);
  return { next: "redirect" as const, to: safeCallbackPath(callbackUrl) ?? (ctx ? homePath(ctx) : "/") };
}

export const signInAction = publicAction({ schema: signInSchema }, async (input) => {
  const result = await authenticate(input, { ip: await requestIp() });
  if (result.status === "mfa_required") return { next: "mfa" as const };
  if (result.status === "mfa_enrolment_required") return { next: "enrol" as const, token: result.enrolmentToken };
  return finishSignIn(result.ticket, result.userId, input.callbackUrl);
});

export const completeMfaEnrolmentAction = publicAction({ schema: mfaEnrolmentSchema }, async (input) => {
  const previous = await getAuthContext();
  const { ticket, userId } = await completeMfaEnrolment(input, { ip: await requestIp() });
  // Turned on from /account: the new session (with MFA) replaces the one signed in without it.
  if (previous?.userId === userId) await revokeSessions(previous, { everywhere: false });
  return finishSignIn(ticket, userId, input.callbackUrl);
});

export const acceptInvitationAction = publicAction({ schema: acceptInvitationSchema }, async (input) =>
  acceptInvitation(input, { ip: await requestIp() }),
);

export const requestPasswordResetAction = publicAction({ schema: requestPasswordResetSchema }, async (input) =>
  requestPasswordReset(input, { ip: await requestIp() }),
);

export const resetPasswordAction = publicAction({ schema: resetPasswordSchema }, async (input) =>
  resetPassword(input, { ip: await requestIp() }),
);

const signOutSchema = z.object({ everywhere: z.boolean().default(false) });

export const signOutAction = authedAction({ permission: "account.self", schema: signOutSchema }, async (ctx, input) => {
  const result = await revokeSessions(ctx, { everywhere: input.everywhere });
  await signOut({ redirect: false });
  return result;
});

export const startMfaEnrolmentAction = authedAction({ permission: "account.self", schema: z.object({}) }, async (ctx) =>
  startMfaEnrolment(ctx),
);
