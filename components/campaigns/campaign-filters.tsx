"use client";

import { FilterPicker } from "@/components/finance/filter-picker";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { NativeSelect } from "@/components/ui/native-select";
import { ALL_STATUSES, STATUS_LABELS } from "@/lib/domain/campaigns/status-machine";
import { RISK_LEVELS } from "@/lib/domain/campaigns/values";

export type Option = { id: string; name: string };
type Params = Record<string, string | undefined>;

/**
 * The GET form of the campaign list and board: state lives in the URL, works without JavaScript. A client
 * component, so the browser gets its few props instead of its markup twice (HTML and React payload). The client
 * is searched as the user types (FilterPicker): `client` is the current choice, not a list of every client.
 */
export function CampaignFilters({
  action,
  params,
  client,
  owners,
  withStatus = true,
}: {
  action: string;
  params: Params;
  client: Option | null;
  owners: Option[];
  withStatus?: boolean;
}) {
  return (
    <form method="get" action={action} role="search" className="grid gap-2 sm:grid-cols-2 lg:grid-cols-4">
      <div className="grid gap-1">
        <label className="text-xs font-medium text-muted-foreground" htmlFor="campaign-search">
          Search campaigns
        </label>
        <Input id="campaign-search" name="q" type="search" placeholder="Campaign name" defaultValue={params.q} />
      </div>
      <FilterPicker
        id="campaign-client"
        label="Client"
        name="clientId"
        all="All clients"
        source="/api/clients"
        selected={client}
        labelClassName="text-xs text-muted-foreground"
      />
      <div className="grid gap-1">
        <label className="text-xs font-medium text-muted-foreground" htmlFor="campaign-owner">
          Owner
        </label>
        <NativeSelect id="campaign-owner" name="ownerId" defaultValue={params.ownerId ?? ""}>
          <option value="">All owners</option>
          {owners.map((o) => (
            <option key={o.id} value={o.id}>
              {o.name}
            </option>
          ))}
        </NativeSelect>
      </div>
      {withStatus ? (
        <>
          <div className="grid gap-1">
            <label className="text-xs font-medium text-muted-foreground" htmlFor="campaign-status">
              Status
            </label>
            <NativeSelect id="campaign-status" name="status" defaultValue={params.status ?? ""}>
              <option value="">All statuses</option>
              {ALL_STATUSES.map((s) => (
                <option key={s} value={s}>
                  {STATUS_LABELS[s]}
                </option>
              ))}
            </NativeSelect>
          </div>
          <div className="grid gap-1">
            <label className="text-xs font-medium text-muted-foreground" htmlFor="campaign-risk">
              Risk
            </label>
            <NativeSelect id="campaign-risk" name="riskLevel" defaultValue={params.riskLevel ?? ""}>
              <option value="">Any risk</option>
              {RISK_LEVELS.map((r) => (
                <option key={r} value={r}>
                  {r.charAt(0) + r.slice(1).toLowerCase()}
                </option>
              ))}
            </NativeSelect>
          </div>
          <div className="grid gap-1">
            <label className="text-xs font-medium text-muted-foreground" htmlFor="campaign-from">
              Running from
            </label>
            <Input id="campaign-from" name="from" type="date" defaultValue={params.from} />
          </div>
          <div className="grid gap-1">
            <label className="text-xs font-medium text-muted-foreground" htmlFor="campaign-to">
              Running to
            </label>
            <Input id="campaign-to" name="to" type="date" defaultValue={params.to} />
          </div>
        </>
      ) : null}
      {params.sort ? <input type="hidden" name="sort" value={params.sort} /> : null}
      {params.dir ? <input type="hidden" name="dir" value={params.dir} /> : null}
      <div className="flex items-end">
        <Button type="submit" variant="secondary" className="w-full">
          Filter
        </Button>
      </div>
    </form>
  );
}
