"use client";

import { hardNavigate } from "@/components/forms/hard-navigate";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { useActionForm, type SchemaLoader } from "@/components/forms/use-action-form";
import { completeMfaEnrolmentAction } from "@/lib/actions/auth";

// The schemas (and zod) load after the page, not in its first-load JavaScript (components/forms/use-action-form.ts).
const mfaEnrolmentSchema: SchemaLoader = () => import("@/lib/domain/auth/schemas").then((m) => m.mfaEnrolmentSchema);

export function MfaSetupForm({ token, callbackUrl }: { token: string; callbackUrl?: string }) {
  const { errors, formError, pending, submit } = useActionForm({
    schema: mfaEnrolmentSchema,
    action: completeMfaEnrolmentAction,
    onSuccess: (result) => hardNavigate(result.to),
  });
  return (
    <form method="post" onSubmit={submit} noValidate className="grid gap-4">
      {formError ? <Alert variant="destructive">{formError}</Alert> : null}
      <input type="hidden" name="token" value={token} />
      <input type="hidden" name="callbackUrl" value={callbackUrl ?? ""} />
      <FormField id="code" label="Authentication code" error={errors.code}>
        <Input name="code" inputMode="numeric" autoComplete="one-time-code" maxLength={6} autoFocus required />
      </FormField>
      <Button type="submit" disabled={pending}>
        {pending ? "Checking…" : "Turn on and continue"}
      </Button>
    </form>
  );
}
