import Link from "next/link";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { NativeSelect } from "@/components/ui/native-select";
import { FINANCE_TYPE_LABELS } from "./status";

export type QueueFilterValues = {
  influencerId?: string;
  type?: string;
  campaignId?: string;
  clientId?: string;
  minAmount?: string;
  maxAmount?: string;
  minAgeDays?: string;
  status?: string;
};
type Option = { id: string; name: string };

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
 * The filters of a finance list as a plain GET form: works without JavaScript, the URL holds the filter
 * (shareable, back button), the server reads it.
 */
export function QueueFilters({
  action,
  values,
  campaigns,
  clients,
  statuses,
}: {
  action: string;
  values: QueueFilterValues;
  campaigns: Option[];
  clients: Option[];
  statuses?: Record<string, string>;
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
      <SelectFilter
        id="f-type"
        label="Type"
        name="type"
        value={values.type}
        all="All types"
        options={Object.entries(FINANCE_TYPE_LABELS)}
      />
      {statuses ? (
        <SelectFilter
          id="f-status"
          label="Status"
          name="status"
          value={values.status}
          all="All statuses"
          options={Object.entries(statuses)}
        />
      ) : null}
      <SelectFilter
        id="f-campaign"
        label="Campaign"
        name="campaignId"
        value={values.campaignId}
        all="All campaigns"
        options={campaigns.map((c) => [c.id, c.name])}
      />
      <SelectFilter
        id="f-client"
        label="Client"
        name="clientId"
        value={values.clientId}
        all="All clients"
        options={clients.map((c) => [c.id, c.name])}
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

/** Search params → filter values (empty strings dropped), and back to a query string (for the CSV link). */
export function readFilters(
  sp: Record<string, string | string[] | undefined>,
  keys: (keyof QueueFilterValues)[],
): QueueFilterValues {
  const out: QueueFilterValues = {};
  for (const key of keys) {
    const v = sp[key];
    const s = Array.isArray(v) ? v[0] : v;
    if (s && s.trim()) out[key] = s.trim();
  }
  return out;
}

export function toQuery(values: object): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(values)) if (v !== undefined && v !== null && v !== "") params.set(k, String(v));
  const s = params.toString();
  return s ? `?${s}` : "";
}
