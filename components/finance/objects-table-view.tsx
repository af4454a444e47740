"use client";

import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { QueueDecision } from "./object-actions";

export type ObjectsTableRow = {
  id: string;
  /** "INV-2026-00001 · Title", or the title. */
  title: string;
  /** The type, and for a queue item its step and wait. */
  what: string;
  campaignName: string;
  clientName: string;
  status: string;
  statusVariant: "default" | "secondary" | "success" | "warning" | "destructive" | "outline";
  /** Formatted with its currency. */
  total: string;
  /** Created (a list) or submitted (the queue), YYYY-MM-DD. */
  day: string;
  /** A queue item: what its approve/reject form needs. */
  decide: { revision: number; own: boolean; title: string } | null;
};

/** The table of components/finance/objects-table.tsx (which prepares its rows). */
export function ObjectsTableView({
  rows,
  basePath,
  caption,
  showCampaign,
  showStatus,
  decide,
}: {
  rows: ObjectsTableRow[];
  basePath: string;
  caption: string;
  showCampaign: boolean;
  showStatus: boolean;
  decide: boolean;
}) {
  return (
    <div className="relative overflow-x-auto rounded-lg border">
      <table className="w-full text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead className="bg-muted/50 text-left">
          <tr>
            <th scope="col" className="p-2 font-medium">
              What
            </th>
            {showCampaign ? (
              <th scope="col" className="hidden p-2 font-medium md:table-cell">
                Campaign
              </th>
            ) : null}
            {showCampaign ? (
              <th scope="col" className="hidden p-2 font-medium lg:table-cell">
                Client
              </th>
            ) : null}
            {showStatus ? (
              <th scope="col" className="p-2 font-medium">
                Status
              </th>
            ) : null}
            <th scope="col" className="p-2 text-right font-medium">
              Total
            </th>
            <th scope="col" className="hidden p-2 font-medium sm:table-cell">
              Created
            </th>
            {decide ? (
              <th scope="col" className="p-2 font-medium">
                Decide
              </th>
            ) : null}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.id} className="border-t">
              <td className="p-2">
                <Link href={`${basePath}/${row.id}`} className="font-medium underline-offset-4 hover:underline">
                  {row.title}
                </Link>
                <span className="block text-xs text-muted-foreground">{row.what}</span>
              </td>
              {showCampaign ? <td className="hidden p-2 md:table-cell">{row.campaignName}</td> : null}
              {showCampaign ? <td className="hidden p-2 lg:table-cell">{row.clientName}</td> : null}
              {showStatus ? (
                <td className="p-2">
                  <Badge variant={row.statusVariant}>{row.status}</Badge>
                </td>
              ) : null}
              <td className="p-2 text-right">
                <span className="tabular-nums whitespace-nowrap">{row.total}</span>
              </td>
              <td className="hidden p-2 sm:table-cell">{row.day}</td>
              {decide ? (
                <td className="p-2">
                  {row.decide && !row.decide.own ? (
                    <QueueDecision id={row.id} revision={row.decide.revision} title={row.decide.title} />
                  ) : row.decide ? (
                    <span className="text-xs text-muted-foreground">Someone else decides</span>
                  ) : null}
                </td>
              ) : null}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
