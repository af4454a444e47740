"use client";

import { hardNavigate } from "@/components/forms/hard-navigate";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { NewPasswordFields } from "@/components/forms/new-password-fields";
import { useActionForm, type SchemaLoader } from "@/components/forms/use-action-form";
import { resetPasswordAction } from "@/lib/actions/auth";

// The schemas (and zod) load after the page, not in its first-load JavaScript (components/forms/use-action-form.ts).
const resetPasswordSchema: SchemaLoader = () => import("@/lib/domain/auth/schemas").then((m) => m.resetPasswordSchema);

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
      <NewPasswordFields errors={errors} label="New password" autoFocus />
      <Button type="submit" disabled={pending}>
        {pending ? "Saving…" : "Save password"}
      </Button>
    </form>
  );
}
