import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getAuthContext } from "@/lib/auth/session";
import { homePath, safeCallbackPath } from "@/lib/auth/portals";
import { LoginForm } from "./login-form";

export const metadata: Metadata = { title: "Sign in" };

const NOTICES: Record<string, string> = {
  "password-reset": "Your password was changed. Sign in with the new one.",
  "invitation-accepted": "Your account is ready. Sign in to continue.",
  "signed-out": "You are signed out.",
};

export default async function LoginPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | undefined>>;
}) {
  const params = await searchParams;
  const callbackUrl = safeCallbackPath(params.callbackUrl) ?? undefined;
  const ctx = await getAuthContext();
  if (ctx) redirect(callbackUrl ?? homePath(ctx));
  return (
    <LoginForm
      callbackUrl={callbackUrl}
      email={params.email}
      notice={params.notice ? NOTICES[params.notice] : undefined}
    />
  );
}
