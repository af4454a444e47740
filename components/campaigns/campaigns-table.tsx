"use client";

import Link from "next/link";
import { SortableHead } from "@/components/ui/list-pagination";
import { TableHead } from "@/components/ui/table";
import { STATUS_LABELS } from "@/lib/domain/campaigns/status-machine";
import type { CampaignStatus, RiskLevel } from "@/lib/generated/prisma/enums";

// The campaigns table of components/campaigns/campaigns-list.tsx (which prepares its rows), a client component:
// the page's React payload carries each row as a few strings, not its markup, and the cells' look is set once on
// the table (`list-table` in app/globals.css), not in every cell.

export type CampaignTableRow = {
  id: string;
  name: string;
  client: string;
  status: CampaignStatus;
  /** The dates and update day, formatted. */
  dates: string;
  updated: string;
  /** Agency staff only (client users are not sent them): risk, formatted budget, owner. */
  risk?: RiskLevel;
  budget?: string;
  owner?: string;
};

/** A column header: its label, from which breakpoint it shows, and for a sortable one its link and state. */
export type CampaignTableHead = {
  key: string;
  label: string;
  from?: "sm" | "md" | "lg";
  href?: string;
  active?: boolean;
};

function statusVariant(status: CampaignStatus) {
  if (status === "CANCELLED") return "destructive";
  if (status === "ON_HOLD" || status === "CLOSED") return "outline";
  if (status.endsWith("_IN_REVIEW") || status.startsWith("CONTENT_IN_")) return "warning";
  if (status.endsWith("_APPROVED") || status === "CONTRACTED" || status === "LIVE") return "success";
  if (status === "DRAFT") return "secondary";
  return "default";
}

const RISK = { LOW: "secondary", MEDIUM: "warning", HIGH: "destructive" } as const;

export function CampaignsTable({
  heads,
  dir,
  rows,
  basePath,
  internal,
}: {
  heads: CampaignTableHead[];
  dir: "asc" | "desc";
  rows: CampaignTableRow[];
  basePath: string;
  /** Agency staff see risk, budget and owner; client users do not. */
  internal: boolean;
}) {
  return (
    <div className="overflow-x-auto rounded-xl border bg-card">
      <table className="list-table w-full caption-bottom text-sm">
        <thead className="[&_tr]:border-b">
          <tr>
            {heads.map((head) =>
              head.href ? (
                <SortableHead
                  key={head.key}
                  label={head.label}
                  href={head.href}
                  active={Boolean(head.active)}
                  dir={dir}
                  from={head.from}
                />
              ) : (
                <TableHead key={head.key} data-from={head.from}>
                  {head.label}
                </TableHead>
              ),
            )}
          </tr>
        </thead>
        <tbody>
          {rows.map((c) => (
            <tr key={c.id}>
              <td className="max-w-64">
                <Link href={`${basePath}/${c.id}`}>{c.name}</Link>
                <small>{c.client}</small>
              </td>
              <td>
                <span data-badge={statusVariant(c.status)}>{STATUS_LABELS[c.status]}</span>
              </td>
              {internal ? (
                <td data-from="md">
                  {c.risk ? (
                    <span data-badge={RISK[c.risk]}>{c.risk.charAt(0) + c.risk.slice(1).toLowerCase()} risk</span>
                  ) : null}
                </td>
              ) : null}
              <td data-from="md" data-muted="">
                {c.dates}
              </td>
              {internal ? (
                <td data-from="lg" data-num="">
                  {c.budget}
                </td>
              ) : null}
              {internal ? <td data-from="lg">{c.owner}</td> : null}
              <td data-from="sm" data-muted="">
                {c.updated}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
