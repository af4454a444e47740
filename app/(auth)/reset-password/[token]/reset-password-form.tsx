"use client";

import { hardNavigate } from "@/components/forms/hard-navigate";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { useActionForm } from "@/components/forms/use-action-form";
import { resetPasswordSchema } from "@/lib/domain/auth/schemas";
import { resetPasswordAction } from "../../actions";

export function ResetPasswordForm({ token }: { token: string }) {
  const { errors, formError, pending, submit } = useActionForm({
    schema: resetPasswordSchema,
    action: resetPasswordAction,
    onSuccess: (result) => hardNavigate(`/login?notice=password-reset&email=${encodeURIComponent(result.email)}`),
  });
  return (
    <form method="post" onSubmit={submit} noValidate className="grid gap-4">
      {formError ? <Alert variant="destructive">{formError}</Alert> : null}
      <input type="hidden" name="token" value={token} />
      <FormField id="password" label="New password" error={errors.password} hint="At least 12 characters.">
        <Input name="password" type="password" autoComplete="new-password" autoFocus required />
      </FormField>
      <FormField id="confirmPassword" label="Repeat password" error={errors.confirmPassword}>
        <Input name="confirmPassword" type="password" autoComplete="new-password" required />
      </FormField>
      <Button type="submit" disabled={pending}>
        {pending ? "Saving…" : "Save password"}
      </Button>
    </form>
  );
}
