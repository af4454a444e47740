"use client";

import Link from "next/link";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { NativeSelect } from "@/components/ui/native-select";
import type { FilterChoice } from "@/lib/domain/finance/view-types";
import { FilterPicker } from "./filter-picker";
import type { QueueFilterValues } from "./queue-filters";

// The form of components/finance/queue-filters.tsx, a client component: the browser gets its few props instead
// of its markup twice (HTML and React payload).

/** One select of the filter form: "all" first, then the options as [value, label]. */
function SelectFilter({
  id,
  label,
  name,
  value,
  all,
  options,
}: {
  id: string;
  label: string;
  name: string;
  value?: string;
  all: string;
  options: [string, string][];
}) {
  return (
    <div className="grid gap-1.5">
      <Label htmlFor={id}>{label}</Label>
      <NativeSelect id={id} name={name} defaultValue={value ?? ""}>
        <option value="">{all}</option>
        {options.map(([optionValue, optionLabel]) => (
          <option key={optionValue} value={optionValue}>
            {optionLabel}
          </option>
        ))}
      </NativeSelect>
    </div>
  );
}

/**
 * The filters of a finance list as a plain GET form: the URL holds the filter (shareable, back button), the
 * server reads it. Campaign and client are searched as the user types (FilterPicker): `campaign` and `client`
 * are the current choices (getFilterChoices), not lists of every campaign and client.
 */
export function QueueFiltersForm({
  action,
  values,
  campaign,
  client,
  types,
  statuses,
}: {
  action: string;
  values: QueueFilterValues;
  campaign: FilterChoice | null;
  client: FilterChoice | null;
  /** [value, label] of the types, and of the statuses when the list filters by status. */
  types: [string, string][];
  statuses?: [string, string][];
}) {
  return (
    <form
      method="get"
      action={action}
      role="search"
      aria-label="Filter"
      className="mb-4 grid gap-3 rounded-lg border p-3 sm:grid-cols-3 lg:grid-cols-7 lg:items-end"
    >
      {values.influencerId ? <input type="hidden" name="influencerId" value={values.influencerId} /> : null}
      <SelectFilter id="f-type" label="Type" name="type" value={values.type} all="All types" options={types} />
      {statuses ? (
        <SelectFilter
          id="f-status"
          label="Status"
          name="status"
          value={values.status}
          all="All statuses"
          options={statuses}
        />
      ) : null}
      <FilterPicker
        id="f-campaign"
        label="Campaign"
        name="campaignId"
        all="All campaigns"
        source="/api/campaigns"
        selected={campaign}
      />
      <FilterPicker
        id="f-client"
        label="Client"
        name="clientId"
        all="All clients"
        source="/api/clients"
        selected={client}
      />
      <div className="grid gap-1.5">
        <Label htmlFor="f-min">Amount from</Label>
        <Input id="f-min" name="minAmount" inputMode="decimal" defaultValue={values.minAmount ?? ""} />
      </div>
      <div className="grid gap-1.5">
        <Label htmlFor="f-max">Amount to</Label>
        <Input id="f-max" name="maxAmount" inputMode="decimal" defaultValue={values.maxAmount ?? ""} />
      </div>
      {statuses ? null : (
        <div className="grid gap-1.5">
          <Label htmlFor="f-age">Min. days waiting</Label>
          <Input id="f-age" name="minAgeDays" inputMode="numeric" defaultValue={values.minAgeDays ?? ""} />
        </div>
      )}
      <div className="flex gap-2">
        <Button type="submit">Filter</Button>
        <Button asChild variant="ghost">
          <Link href={action}>Clear</Link>
        </Button>
      </div>
    </form>
  );
}
