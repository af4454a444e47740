import Link from "next/link";
import { Money } from "./money";
import { FINANCE_TYPE_LABELS, FinanceStatusBadge, formatDay } from "./status";
import type { FinanceQueueItem, FinancialObjectListItem } from "@/lib/domain/finance/view-types";

/** A row of the table: a financial object of a list, or an item of the finance queue (an approval waiting). */
export type FinanceRow = FinancialObjectListItem | FinanceQueueItem;

const isQueueItem = (row: FinanceRow): row is FinanceQueueItem => "approvalId" in row;

/** A queue item's wait: "step 1 · waiting 3 days" (and whether the caller may not decide it). */
export function waitingFor(q: FinanceQueueItem): string {
  const age = q.ageDays === 0 ? "waiting since today" : `waiting ${q.ageDays} day${q.ageDays === 1 ? "" : "s"}`;
  return `step ${q.step} · ${age}${q.own ? " · yours: someone else decides" : ""}`;
}

/**
 * A list of financial objects; the title links to the object. The campaign and client columns hide on phones;
 * `showStatus={false}` leaves out the status where every row has the same (the queue: all wait for approval).
 */
export function ObjectsTable<Row extends FinanceRow>({
  rows,
  basePath,
  caption,
  showCampaign = true,
  showStatus = true,
  extra,
}: {
  rows: Row[];
  basePath: string;
  caption: string;
  showCampaign?: boolean;
  showStatus?: boolean;
  extra?: { header: string; cell: (row: Row) => React.ReactNode };
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
            {extra ? (
              <th scope="col" className="p-2 font-medium">
                {extra.header}
              </th>
            ) : null}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => {
            const queued = isQueueItem(row) ? row : null;
            const id = queued ? queued.objectId : (row as FinancialObjectListItem).id;
            const number = queued ? null : (row as FinancialObjectListItem).number;
            return (
              <tr key={id} className="border-t">
                <td className="p-2">
                  <Link href={`${basePath}/${id}`} className="font-medium underline-offset-4 hover:underline">
                    {number ? `${number} · ` : ""}
                    {row.title}
                  </Link>
                  <span className="block text-xs text-muted-foreground">
                    {FINANCE_TYPE_LABELS[row.type] ?? row.type}
                    {queued ? ` · ${waitingFor(queued)}` : ""}
                  </span>
                </td>
                {showCampaign ? <td className="hidden p-2 md:table-cell">{row.campaignName}</td> : null}
                {showCampaign ? <td className="hidden p-2 lg:table-cell">{row.clientName ?? "—"}</td> : null}
                {showStatus ? (
                  <td className="p-2">
                    <FinanceStatusBadge status={row.status} />
                  </td>
                ) : null}
                <td className="p-2 text-right">
                  <Money amount={row.total} currency={row.currency} />
                </td>
                <td className="hidden p-2 sm:table-cell">
                  {formatDay(queued ? queued.requestedAt : (row as FinancialObjectListItem).createdAt)}
                </td>
                {extra ? <td className="p-2">{extra.cell(row)}</td> : null}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
