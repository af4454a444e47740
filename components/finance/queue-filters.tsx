import type { FilterChoice } from "@/lib/domain/finance/view-types";
import { QueueFiltersForm } from "./queue-filters-form";
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

/**
 * The filters of a finance list as a plain GET form: the URL holds the filter (shareable, back button), the
 * server reads it. Campaign and client are searched as the user types (FilterPicker): `campaign` and `client`
 * are the current choices (getFilterChoices), not lists of every campaign and client.
 */
export function QueueFilters({
  action,
  values,
  campaign,
  client,
  statuses,
}: {
  action: string;
  values: QueueFilterValues;
  campaign: FilterChoice | null;
  client: FilterChoice | null;
  statuses?: Record<string, string>;
}) {
  return (
    <QueueFiltersForm
      action={action}
      values={values}
      campaign={campaign}
      client={client}
      types={Object.entries(FINANCE_TYPE_LABELS)}
      statuses={statuses ? Object.entries(statuses) : undefined}
    />
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
