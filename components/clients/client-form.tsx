"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { NativeSelect } from "@/components/ui/native-select";
import { Textarea } from "@/components/ui/textarea";
import { useActionForm, type SchemaLoader } from "@/components/forms/use-action-form";
import { CLIENT_STATUSES, CURRENCIES } from "@/lib/domain/clients/values";
import { createClientAction, updateClientAction } from "@/lib/actions/clients";

// The schemas (and zod) load after the page, not in its first-load JavaScript (components/forms/use-action-form.ts).
const createClientSchema: SchemaLoader = () => import("@/lib/domain/clients/schemas").then((m) => m.createClientSchema);
const updateClientSchema: SchemaLoader = () => import("@/lib/domain/clients/schemas").then((m) => m.updateClientSchema);

export type ClientFormValues = {
  id: string;
  version: number;
  name: string;
  legalName: string | null;
  industry: string | null;
  website: string | null;
  addressLine1: string | null;
  addressLine2: string | null;
  city: string | null;
  postalCode: string | null;
  country: string | null;
  vatNumber: string | null;
  defaultCurrency: string;
  status: string;
  tags: string[];
  notes: string | null;
  parentId: string | null;
};

/** Create and edit a client; the same zod schema checks the form here and the action on the server. */
export function ClientForm({
  client,
  parents,
}: {
  client?: ClientFormValues;
  parents: { id: string; name: string }[];
}) {
  const router = useRouter();
  const create = useActionForm({
    schema: createClientSchema,
    action: createClientAction,
    onSuccess: (result) => router.push(`/agency/clients/${result.id}`),
  });
  const update = useActionForm({
    schema: updateClientSchema,
    action: updateClientAction,
    onSuccess: (result) => {
      router.push(`/agency/clients/${result.id}`);
      router.refresh();
    },
  });
  const { errors, formError, pending, submit } = client ? update : create;
  const v = client;

  return (
    <form method="post" onSubmit={submit} noValidate className="grid gap-6">
      {formError ? <Alert variant="destructive">{formError}</Alert> : null}
      {v ? (
        <>
          <input type="hidden" name="id" value={v.id} />
          <input type="number" name="version" value={v.version} hidden readOnly />
        </>
      ) : null}
      <fieldset className="grid gap-4 sm:grid-cols-2">
        <legend className="mb-2 text-sm font-semibold">Brand</legend>
        <FormField id="name" label="Name" error={errors.name}>
          <Input name="name" defaultValue={v?.name} autoFocus required maxLength={120} />
        </FormField>
        <FormField id="legalName" label="Legal name" error={errors.legalName}>
          <Input name="legalName" defaultValue={v?.legalName ?? ""} maxLength={200} />
        </FormField>
        <FormField id="industry" label="Industry" error={errors.industry}>
          <Input name="industry" defaultValue={v?.industry ?? ""} maxLength={80} />
        </FormField>
        <FormField id="website" label="Website" error={errors.website}>
          <Input name="website" defaultValue={v?.website ?? ""} inputMode="url" placeholder="https://" />
        </FormField>
        <FormField id="status" label="Status" error={errors.status}>
          <NativeSelect name="status" defaultValue={v?.status ?? "PROSPECT"}>
            {CLIENT_STATUSES.map((status) => (
              <option key={status} value={status}>
                {status.charAt(0) + status.slice(1).toLowerCase()}
              </option>
            ))}
          </NativeSelect>
        </FormField>
        <FormField id="parentId" label="Part of (parent brand)" error={errors.parentId}>
          <NativeSelect name="parentId" defaultValue={v?.parentId ?? ""}>
            <option value="">— none —</option>
            {parents
              .filter((p) => p.id !== v?.id)
              .map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name}
                </option>
              ))}
          </NativeSelect>
        </FormField>
        <FormField
          id="tags"
          label="Tags"
          error={errors.tags}
          hint="Comma-separated, e.g. beauty, skincare"
          className="sm:col-span-2"
        >
          <Input name="tags" defaultValue={v?.tags.join(", ") ?? ""} />
        </FormField>
      </fieldset>
      <fieldset className="grid gap-4 sm:grid-cols-2">
        <legend className="mb-2 text-sm font-semibold">Billing</legend>
        <FormField id="addressLine1" label="Address" error={errors.addressLine1}>
          <Input name="addressLine1" defaultValue={v?.addressLine1 ?? ""} autoComplete="address-line1" />
        </FormField>
        <FormField id="addressLine2" label="Address line 2" error={errors.addressLine2}>
          <Input name="addressLine2" defaultValue={v?.addressLine2 ?? ""} autoComplete="address-line2" />
        </FormField>
        <FormField id="postalCode" label="Postal code" error={errors.postalCode}>
          <Input name="postalCode" defaultValue={v?.postalCode ?? ""} autoComplete="postal-code" />
        </FormField>
        <FormField id="city" label="City" error={errors.city}>
          <Input name="city" defaultValue={v?.city ?? ""} autoComplete="address-level2" />
        </FormField>
        <FormField id="country" label="Country" error={errors.country} hint="Two-letter code, e.g. DE">
          <Input name="country" defaultValue={v?.country ?? ""} maxLength={2} autoComplete="country" />
        </FormField>
        <FormField id="vatNumber" label="VAT number" error={errors.vatNumber}>
          <Input name="vatNumber" defaultValue={v?.vatNumber ?? ""} />
        </FormField>
        <FormField id="defaultCurrency" label="Default currency" error={errors.defaultCurrency}>
          <NativeSelect name="defaultCurrency" defaultValue={v?.defaultCurrency ?? "EUR"}>
            {CURRENCIES.map((currency) => (
              <option key={currency}>{currency}</option>
            ))}
          </NativeSelect>
        </FormField>
      </fieldset>
      <FormField id="notes" label="Notes" error={errors.notes}>
        <Textarea name="notes" defaultValue={v?.notes ?? ""} rows={4} />
      </FormField>
      <div className="flex flex-wrap gap-2">
        <Button type="submit" disabled={pending}>
          {pending ? "Saving…" : v ? "Save changes" : "Create client"}
        </Button>
        <Button asChild variant="outline">
          <Link href={v ? `/agency/clients/${v.id}` : "/agency/clients"}>Cancel</Link>
        </Button>
      </div>
    </form>
  );
}
