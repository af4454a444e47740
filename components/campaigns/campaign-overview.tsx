import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import type { CampaignDetail } from "@/lib/domain/campaigns/get-campaign";
import { missingInfoLabel } from "@/lib/domain/campaigns/missing-info";
import { PLATFORM_LABELS } from "@/lib/domain/campaigns/schemas";
import { formatDate } from "@/lib/utils";
import { formatMoney } from "@/lib/domain/format-money";
import { formatRange } from "./format";

/** The campaign's facts; staff also see the budget, team and what is still missing. */
export function CampaignOverview({ campaign, internal }: { campaign: CampaignDetail; internal: boolean }) {
  const rows: [string, React.ReactNode][] = [
    ["Client", campaign.client.name],
    ["Objective", campaign.objective ?? "—"],
    ["Dates", formatRange(campaign.startDate, campaign.endDate, formatDate)],
    ["Platforms", campaign.platforms.length ? campaign.platforms.map((p) => PLATFORM_LABELS[p]).join(", ") : "—"],
  ];
  if (internal) {
    rows.push(
      ["Planned budget", formatMoney(campaign.plannedBudget, campaign.currency)],
      ["Owner", campaign.owner.name],
      ["Director", campaign.director?.name ?? "—"],
    );
  }
  return (
    <Card id="overview">
      <CardHeader>
        <CardTitle>Overview</CardTitle>
      </CardHeader>
      <CardContent className="grid gap-4">
        <dl className="grid gap-x-6 gap-y-3 sm:grid-cols-[10rem_1fr]">
          {rows.map(([label, value]) => (
            <div key={label} className="contents">
              <dt className="text-sm text-muted-foreground">{label}</dt>
              <dd className="text-sm break-words">{value}</dd>
            </div>
          ))}
        </dl>
        {internal && campaign.missingInfo.length ? (
          <div className="rounded-lg border border-warning/50 bg-warning/10 p-3" aria-labelledby="missing-title">
            <p id="missing-title" className="text-sm font-medium">
              Still missing
            </p>
            <ul className="mt-1 flex flex-wrap gap-1.5 text-sm" aria-label="Missing information">
              {campaign.missingInfo.map((key) => (
                <li key={key} className="rounded bg-background px-2 py-0.5">
                  {missingInfoLabel(key)}
                </li>
              ))}
            </ul>
          </div>
        ) : null}
      </CardContent>
    </Card>
  );
}
