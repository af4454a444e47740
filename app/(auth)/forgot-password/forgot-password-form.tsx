"use client";

import Link from "next/link";
import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { useActionForm, type SchemaLoader } from "@/components/forms/use-action-form";
import { requestPasswordResetAction } from "@/lib/actions/auth";

// The schemas (and zod) load after the page, not in its first-load JavaScript (components/forms/use-action-form.ts).
const requestPasswordResetSchema: SchemaLoader = () =>
  import("@/lib/domain/auth/schemas").then((m) => m.requestPasswordResetSchema);

export function ForgotPasswordForm() {
  const [sent, setSent] = useState(false);
  const { errors, formError, pending, submit } = useActionForm({
    schema: requestPasswordResetSchema,
    action: requestPasswordResetAction,
    onSuccess: () => setSent(true),
  });
  return (
    <Card>
      <CardHeader>
        <CardTitle>Reset your password</CardTitle>
        <CardDescription>We will e-mail you a link that works once, for one hour.</CardDescription>
      </CardHeader>
      <CardContent className="grid gap-4">
        {sent ? (
          <Alert variant="success">If an account uses that address, a reset link is on its way.</Alert>
        ) : (
          <form method="post" onSubmit={submit} noValidate className="grid gap-4">
            {formError ? <Alert variant="destructive">{formError}</Alert> : null}
            <FormField id="email" label="E-mail" error={errors.email}>
              <Input name="email" type="email" autoComplete="email" autoFocus required />
            </FormField>
            <Button type="submit" disabled={pending}>
              {pending ? "Sending…" : "Send reset link"}
            </Button>
          </form>
        )}
        <Link href="/login" className="text-center text-sm text-muted-foreground underline-offset-4 hover:underline">
          Back to sign in
        </Link>
      </CardContent>
    </Card>
  );
}
