import type { Metadata } from "next";
import Link from "next/link";
import { Alert } from "@/components/ui/alert";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { checkPasswordResetToken } from "@/lib/domain/auth/reset-password";
import { ResetPasswordForm } from "./reset-password-form";

export const metadata: Metadata = { title: "Choose a new password" };

export default async function ResetPasswordPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const valid = await checkPasswordResetToken(token);
  return (
    <Card>
      <CardHeader>
        <CardTitle>Choose a new password</CardTitle>
      </CardHeader>
      <CardContent className="grid gap-4">
        {valid ? (
          <ResetPasswordForm token={token} />
        ) : (
          <>
            <Alert variant="destructive">This reset link is invalid or has expired.</Alert>
            <Link href="/forgot-password" className="text-sm underline">
              Ask for a new link
            </Link>
          </>
        )}
      </CardContent>
    </Card>
  );
}
