import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import type { FieldErrors } from "@/lib/errors";

/** A new password and its repetition, as newPasswordSchema and the refinements in auth/schemas.ts check them. */
export function NewPasswordFields({
  errors,
  label = "Password",
  autoFocus,
}: {
  errors: FieldErrors;
  label?: string;
  autoFocus?: boolean;
}) {
  return (
    <>
      <FormField id="password" label={label} error={errors.password} hint="At least 12 characters.">
        <Input name="password" type="password" autoComplete="new-password" autoFocus={autoFocus} required />
      </FormField>
      <FormField id="confirmPassword" label="Repeat password" error={errors.confirmPassword}>
        <Input name="confirmPassword" type="password" autoComplete="new-password" required />
      </FormField>
    </>
  );
}
