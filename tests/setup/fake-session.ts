import type { AuthContext } from "@/lib/auth/context";
import { AppError } from "@/lib/errors";

// Stands in for lib/auth/session.ts, which reads the caller from the browser's session cookie. Tests that
// call route handlers and server actions choose the caller with `actAs`; everything behind it is real.
// Use: vi.mock("@/lib/auth/session", () => import("../setup/fake-session"));

let current: AuthContext | null = null;

export function actAs(ctx: AuthContext | null) {
  current = ctx;
}

export async function getAuthContext() {
  return current;
}

export async function requireAuthContext() {
  if (!current) throw new AppError("UNAUTHENTICATED", "Sign in to continue");
  return current;
}

export async function requestIp() {
  return "127.0.0.1";
}
