export const SESSION_MAX_AGE_SECONDS = 30 * 24 * 60 * 60;
export const MAX_FAILED_LOGINS = 5;
export const LOCK_MINUTES = 15;
export const RATE_WINDOW_MINUTES = 15;
/** Failed attempts per IP in the window before further attempts are refused. */
export const MAX_FAILURES_PER_IP = 30;
/** Failed attempts per e-mail in the window (beyond the lockout, it also covers unknown e-mails). */
export const MAX_FAILURES_PER_EMAIL = 10;
export const INVITATION_HOURS = 72;
export const PASSWORD_RESET_MINUTES = 60;
export const LOGIN_TICKET_SECONDS = 60;
export const MFA_ENROLMENT_MINUTES = 15;

export function appUrl(): string {
  return (process.env.APP_URL ?? `http://localhost:${process.env.PORT ?? 3000}`).replace(/\/$/, "");
}
