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
import { CAMPAIGN_CURRENCIES } from "@/lib/domain/campaigns/values";
import { updateCampaignAction } from "@/lib/actions/campaigns";
import { BriefEditor } from "./brief-editor";
import { PlatformPicker } from "./platform-picker";

// The schemas (and zod) load after the page, not in its first-load JavaScript (components/forms/use-action-form.ts).
const updateCampaignSchema: SchemaLoader = () =>
  import("@/lib/domain/campaigns/schemas").then((m) => m.updateCampaignSchema);

export type CampaignFormValues = {
  id: string;
  version: number;
  name: string;
  objective: string | null;
  brief: string | null;
  platforms: string[];
  startDate: string;
  endDate: string;
  plannedBudget: string;
  currency: string;
  ownerId: string;
  directorId: string | null;
};

type Person = { id: string; name: string };

/** Edits a campaign; it names the version it was opened at, so a stale save is refused with who changed it. */
export function CampaignForm({
  campaign: v,
  owners,
  directors,
}: {
  campaign: CampaignFormValues;
  owners: Person[];
  directors: Person[];
}) {
  const router = useRouter();
  const { errors, formError, pending, submit } = useActionForm({
    // The id travels beside the fields; the schema checks the fields only.
    schema: updateCampaignSchema,
    transform: (values) => Object.fromEntries(Object.entries(values).filter(([key]) => key !== "id")),
    action: (values: Record<string, unknown>) => updateCampaignAction({ ...values, id: v.id }),
    onSuccess: () => {
      router.push(`/agency/campaigns/${v.id}`);
      router.refresh();
    },
  });
  return (
    <form method="post" onSubmit={submit} noValidate className="grid gap-6">
      {formError ? <Alert variant="destructive">{formError}</Alert> : null}
      <input type="number" name="version" value={v.version} hidden readOnly />
      <div className="grid gap-4 sm:grid-cols-2">
        <FormField id="name" label="Campaign name" error={errors.name}>
          <Input name="name" defaultValue={v.name} maxLength={160} />
        </FormField>
        <FormField id="currency" label="Currency" error={errors.currency}>
          <NativeSelect name="currency" defaultValue={v.currency}>
            {[...new Set([v.currency, ...CAMPAIGN_CURRENCIES])].map((c) => (
              <option key={c}>{c}</option>
            ))}
          </NativeSelect>
        </FormField>
        <FormField id="objective" label="Objective" error={errors.objective} className="sm:col-span-2">
          <Textarea name="objective" defaultValue={v.objective ?? ""} rows={3} />
        </FormField>
        <FormField id="startDate" label="Start date" error={errors.startDate}>
          <Input name="startDate" type="date" defaultValue={v.startDate} />
        </FormField>
        <FormField id="endDate" label="End date" error={errors.endDate}>
          <Input name="endDate" type="date" defaultValue={v.endDate} />
        </FormField>
        <FormField id="plannedBudget" label="Planned budget" error={errors.plannedBudget} hint="e.g. 25000.00">
          <Input name="plannedBudget" defaultValue={v.plannedBudget} inputMode="decimal" />
        </FormField>
        <div className="sm:col-span-2">
          <PlatformPicker defaultValue={v.platforms} error={errors.platforms ?? errors["platforms.0"]} />
        </div>
        <FormField id="ownerId" label="Owner" error={errors.ownerId}>
          <NativeSelect name="ownerId" defaultValue={v.ownerId}>
            {owners.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </NativeSelect>
        </FormField>
        <FormField id="directorId" label="Director" error={errors.directorId}>
          <NativeSelect name="directorId" defaultValue={v.directorId ?? ""}>
            <option value="">— none —</option>
            {directors.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </NativeSelect>
        </FormField>
      </div>
      <BriefEditor defaultValue={v.brief ?? ""} error={errors.brief} />
      <div className="flex flex-wrap gap-2">
        <Button type="submit" disabled={pending}>
          {pending ? "Saving…" : "Save changes"}
        </Button>
        <Button asChild variant="outline">
          <Link href={`/agency/campaigns/${v.id}`}>Cancel</Link>
        </Button>
      </div>
    </form>
  );
}
