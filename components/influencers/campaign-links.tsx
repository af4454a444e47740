"use client";

import Link from "next/link";

export type CampaignLinkRow = { key: string; campaignId: string; name: string; detail: string };

/**
 * The influencer's campaigns as links. A client component fed four strings a row: rendered on the server, each row's
 * markup went in the HTML and again in the React payload (60 campaigns: ~22 KB of payload on the scale data).
 */
export function CampaignLinks({ rows }: { rows: CampaignLinkRow[] }) {
  return (
    <ul
      className="divide-y text-sm [&>li]:flex [&>li]:flex-wrap [&>li]:justify-between [&>li]:gap-2 [&>li]:py-2"
      aria-label="Campaigns"
    >
      {rows.map((row) => (
        <li key={row.key}>
          <Link href={`/agency/campaigns/${row.campaignId}`} className="font-medium hover:underline">
            {row.name}
          </Link>
          <span className="text-muted-foreground">{row.detail}</span>
        </li>
      ))}
    </ul>
  );
}
