"use client";

import { useRouter } from "next/navigation";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { Textarea } from "@/components/ui/textarea";
import { useActionForm, type SchemaLoader } from "@/components/forms/use-action-form";
import { promoteInfluencerAction, updateInfluencerAction } from "@/lib/actions/influencers";

// The schemas (and zod) load after the page, not in its first-load JavaScript (components/forms/use-action-form.ts).
const promoteSchema: SchemaLoader = () => import("@/lib/domain/influencers/schemas").then((m) => m.promoteSchema);
const updateInfluencerSchema: SchemaLoader = () =>
  import("@/lib/domain/influencers/schemas").then((m) => m.updateInfluencerSchema);

export type ProfileFormValues = {
  id: string;
  version: number;
  profileType: string;
  displayName: string;
  legalName: string | null;
  email: string | null;
  phone: string | null;
  country: string | null;
  city: string | null;
  languages: string[];
  niches: string[];
  tags: string[];
  bio: string | null;
  paymentDetailsLast4: string | null;
};

/** Promote a STUB to FULL (every required field named when missing), or edit a profile; same fields either way. */
export function ProfileForm({
  profile,
  mode,
  onDone,
}: {
  profile: ProfileFormValues;
  mode: "promote" | "edit";
  onDone?: () => void;
}) {
  const router = useRouter();
  const done = () => {
    onDone?.();
    router.refresh();
  };
  const promote = useActionForm({ schema: promoteSchema, action: promoteInfluencerAction, onSuccess: done });
  const edit = useActionForm({
    schema: updateInfluencerSchema,
    action: updateInfluencerAction,
    onSuccess: done,
    // An empty payment field in the edit form means "keep what is stored", not "erase it".
    transform: (values) => (values.paymentDetails ? values : { ...values, paymentDetails: undefined }),
  });
  const { errors, formError, pending, submit } = mode === "promote" ? promote : edit;
  const v = profile;
  const required = mode === "promote" || v.profileType === "FULL";
  return (
    <form
      method="post"
      onSubmit={submit}
      noValidate
      className="grid gap-4"
      aria-label={mode === "promote" ? "Promote to full profile" : "Edit profile"}
    >
      {formError ? <Alert variant="destructive">{formError}</Alert> : null}
      <input type="hidden" name="id" value={v.id} />
      <input type="number" name="version" value={v.version} hidden readOnly />
      <div className="grid gap-4 sm:grid-cols-2">
        <FormField id="p-displayName" label="Display name" error={errors.displayName}>
          <Input name="displayName" defaultValue={v.displayName} required maxLength={120} />
        </FormField>
        <FormField id="p-legalName" label={required ? "Legal name" : "Legal name (optional)"} error={errors.legalName}>
          <Input name="legalName" defaultValue={v.legalName ?? ""} maxLength={200} />
        </FormField>
        <FormField id="p-email" label={required ? "E-mail" : "E-mail (optional)"} error={errors.email}>
          <Input name="email" type="email" defaultValue={v.email ?? ""} />
        </FormField>
        <FormField id="p-phone" label="Phone (optional)" error={errors.phone}>
          <Input name="phone" type="tel" defaultValue={v.phone ?? ""} />
        </FormField>
        <FormField
          id="p-country"
          label={required ? "Country" : "Country (optional)"}
          error={errors.country}
          hint="Two-letter code, e.g. DE"
        >
          <Input name="country" defaultValue={v.country ?? ""} maxLength={2} />
        </FormField>
        <FormField id="p-city" label="City (optional)" error={errors.city}>
          <Input name="city" defaultValue={v.city ?? ""} />
        </FormField>
        <FormField
          id="p-languages"
          label={required ? "Languages" : "Languages (optional)"}
          error={errors.languages}
          hint="Two-letter codes, comma-separated: en, de"
        >
          <Input name="languages" defaultValue={v.languages.join(", ")} />
        </FormField>
        <FormField
          id="p-niches"
          label={required ? "Niches" : "Niches (optional)"}
          error={errors.niches}
          hint="Comma-separated: beauty, skincare"
        >
          <Input name="niches" defaultValue={v.niches.join(", ")} />
        </FormField>
        <FormField id="p-tags" label="Tags (optional)" error={errors.tags}>
          <Input name="tags" defaultValue={v.tags.join(", ")} />
        </FormField>
        <FormField
          id="p-payment"
          label="Payment details (optional)"
          error={errors.paymentDetails}
          hint={
            v.paymentDetailsLast4
              ? `Stored: ${v.paymentDetailsLast4}. Leave empty to keep.`
              : "IBAN or account; stored encrypted, shown only as its last 4 characters"
          }
        >
          <Input name="paymentDetails" autoComplete="off" />
        </FormField>
      </div>
      <FormField id="p-bio" label="Bio (optional)" error={errors.bio}>
        <Textarea name="bio" defaultValue={v.bio ?? ""} rows={3} />
      </FormField>
      <div className="flex gap-2">
        <Button type="submit" disabled={pending}>
          {pending ? "Saving…" : mode === "promote" ? "Promote to full profile" : "Save profile"}
        </Button>
        {onDone ? (
          <Button type="button" variant="outline" onClick={onDone}>
            Cancel
          </Button>
        ) : null}
      </div>
    </form>
  );
}
