import type { Metadata } from "next";
import Link from "next/link";
import { Alert } from "@/components/ui/alert";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { findOpenInvitation } from "@/lib/domain/users/accept-invitation";
import { AcceptInvitationForm } from "./accept-invitation-form";

export const metadata: Metadata = { title: "Accept invitation" };

export default async function InvitationPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const invitation = await findOpenInvitation(token);
  if (!invitation) {
    return (
      <Card>
        <CardHeader>
          <CardTitle>Invitation not valid</CardTitle>
        </CardHeader>
        <CardContent className="grid gap-4">
          <Alert variant="destructive">
            This invitation is invalid, was already used, or has expired. Ask your admin for a new one.
          </Alert>
          <Link href="/login" className="text-sm underline">
            Go to sign in
          </Link>
        </CardContent>
      </Card>
    );
  }
  return (
    <Card>
      <CardHeader>
        <CardTitle>Join {invitation.agency.name}</CardTitle>
        <CardDescription>
          Set a password for <strong>{invitation.email}</strong>.
        </CardDescription>
      </CardHeader>
      <CardContent>
        <AcceptInvitationForm token={token} name={invitation.name} email={invitation.email} />
      </CardContent>
    </Card>
  );
}
