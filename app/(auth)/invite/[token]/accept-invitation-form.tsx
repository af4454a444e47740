"use client";

import { hardNavigate } from "@/components/forms/hard-navigate";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { NewPasswordFields } from "@/components/forms/new-password-fields";
import { useActionForm, type SchemaLoader } from "@/components/forms/use-action-form";
import { acceptInvitationAction } from "@/lib/actions/auth";

// The schemas (and zod) load after the page, not in its first-load JavaScript (components/forms/use-action-form.ts).
const acceptInvitationSchema: SchemaLoader = () =>
  import("@/lib/domain/auth/schemas").then((m) => m.acceptInvitationSchema);

export function AcceptInvitationForm({ token, name, email }: { token: string; name: string; email: string }) {
  const { errors, formError, pending, submit } = useActionForm({
    schema: acceptInvitationSchema,
    action: acceptInvitationAction,
    onSuccess: () => hardNavigate(`/login?notice=invitation-accepted&email=${encodeURIComponent(email)}`),
  });
  return (
    <form method="post" onSubmit={submit} noValidate className="grid gap-4">
      {formError ? <Alert variant="destructive">{formError}</Alert> : null}
      <input type="hidden" name="token" value={token} />
      <FormField id="name" label="Your name" error={errors.name}>
        <Input name="name" defaultValue={name} autoComplete="name" required />
      </FormField>
      <NewPasswordFields errors={errors} />
      <Button type="submit" disabled={pending}>
        {pending ? "Creating your account…" : "Create account"}
      </Button>
    </form>
  );
}
