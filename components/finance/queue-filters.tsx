import Link from "next/link";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { NativeSelect } from "@/components/ui/native-select";
import { FINANCE_TYPE_LABELS } from "./status";

export type QueueFilterValues = { influencerId?: string; type?: string; campaignId?: string; clientId?: string; minAmount?: string; maxAmount?: string; minAgeDays?: string; status?: string };
type Option = { id: string; name: string };

/**
 * The filters of a finance list as a plain GET form: works without JavaScript, the URL holds the filter
 * (shareable, back button), the server reads it.
 */
export function QueueFilters({ action, values, campaigns, clients, statuses }: { action: string; values: QueueFilterValues; campaigns: Option[]; clients: Option[]; statuses?: Record<string, string> }) {
  return (
    <form method="get" action={action} role="search" aria-label="Filter" className="mb-4 grid gap-3 rounded-lg border p-3 sm:grid-cols-3 lg:grid-cols-7 lg:items-end">
      {values.influencerId ? <input type="hidden" name="influencerId" value={values.influencerId} /> : null}
      <div className="grid gap-1.5">
        <Label htmlFor="f-type">Type</Label>
        <NativeSelect id="f-type" name="type" defaultValue={values.type ?? ""}>
          <option value="">All types</option>
          {Object.entries(FINANCE_TYPE_LABELS).map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </NativeSelect>
      </div>
      {statuses ? (
        <div className="grid gap-1.5">
          <Label htmlFor="f-status">Status</Label>
          <NativeSelect id="f-status" name="status" defaultValue={values.status ?? ""}>
            <option value="">All statuses</option>
            {Object.entries(statuses).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </NativeSelect>
        </div>
      ) : null}
      <div className="grid gap-1.5">
        <Label htmlFor="f-campaign">Campaign</Label>
        <NativeSelect id="f-campaign" name="campaignId" defaultValue={values.campaignId ?? ""}>
          <option value="">All campaigns</option>
          {campaigns.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}
            </option>
          ))}
        </NativeSelect>
      </div>
      <div className="grid gap-1.5">
        <Label htmlFor="f-client">Client</Label>
        <NativeSelect id="f-client" name="clientId" defaultValue={values.clientId ?? ""}>
          <option value="">All clients</option>
          {clients.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}
            </option>
          ))}
        </NativeSelect>
      </div>
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
export function readFilters(sp: Record<string, string | string[] | undefined>, keys: (keyof QueueFilterValues)[]): QueueFilterValues {
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
