import type { Metadata } from "next";
import QRCode from "qrcode";
import Link from "next/link";
import { Alert } from "@/components/ui/alert";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { getMfaEnrolment } from "@/lib/domain/auth/complete-mfa-enrolment";
import { safeCallbackPath } from "@/lib/auth/portals";
import { getAuthContext } from "@/lib/auth/session";
import { MfaSetupForm } from "./mfa-setup-form";

export const metadata: Metadata = { title: "Set up two-factor authentication" };

export default async function MfaSetupPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | undefined>>;
}) {
  const { token, callbackUrl } = await searchParams;
  const enrolment = token ? await getMfaEnrolment(token).catch(() => null) : null;
  if (!enrolment || !token) {
    return (
      <Card>
        <CardHeader>
          <CardTitle>Link expired</CardTitle>
        </CardHeader>
        <CardContent className="grid gap-4">
          <Alert variant="destructive">This set-up link has expired or was already used.</Alert>
          <Link href="/login" className="text-sm underline">
            Sign in again
          </Link>
        </CardContent>
      </Card>
    );
  }
  const qr = await QRCode.toDataURL(enrolment.uri, { margin: 1, width: 200 });
  // Signed in already: turning MFA on by choice from /account, not as a step of signing in.
  const voluntary = (await getAuthContext())?.email === enrolment.email;
  return (
    <Card>
      <CardHeader>
        <CardTitle>Set up two-factor authentication</CardTitle>
        <CardDescription>
          {voluntary ? "Protect your account with a second factor." : "Your role needs a second factor."} Scan the code
          with an authenticator app, then enter the 6-digit code it shows.
        </CardDescription>
      </CardHeader>
      <CardContent className="grid gap-4">
        {/* eslint-disable-next-line @next/next/no-img-element -- a data: URL made on the server, nothing to optimise */}
        <img
          src={qr}
          width={200}
          height={200}
          alt={`QR code for ${enrolment.email}`}
          className="mx-auto rounded-md border"
        />
        <p className="text-center text-xs text-muted-foreground">
          Cannot scan? Enter this key:{" "}
          <code className="font-mono break-all select-all" data-testid="totp-secret">
            {enrolment.secret}
          </code>
        </p>
        <MfaSetupForm token={token} callbackUrl={safeCallbackPath(callbackUrl) ?? undefined} />
        {voluntary ? (
          <Link
            href="/account"
            className="text-center text-sm text-muted-foreground underline-offset-4 hover:underline"
          >
            Cancel and go back to your account
          </Link>
        ) : null}
      </CardContent>
    </Card>
  );
}
