import { formatMoney } from "@/lib/domain/format-money";
import type { FinanceQueueItem, FinancialObjectListItem } from "@/lib/domain/finance/view-types";
import { ObjectsTableView, type ObjectsTableRow } from "./objects-table-view";
import { FINANCE_STATUS_LABELS, FINANCE_TYPE_LABELS, financeStatusVariant, formatDay } from "./status";

/** A row of the table: a financial object of a list, or an item of the finance queue (an approval waiting). */
export type FinanceRow = FinancialObjectListItem | FinanceQueueItem;

const isQueueItem = (row: FinanceRow): row is FinanceQueueItem => "approvalId" in row;

/** A queue item's wait: "step 1 · waiting 3 days" (and whether the caller may not decide it). */
export function waitingFor(q: FinanceQueueItem): string {
  const age = q.ageDays === 0 ? "waiting since today" : `waiting ${q.ageDays} day${q.ageDays === 1 ? "" : "s"}`;
  return `step ${q.step} · ${age}${q.own ? " · yours: someone else decides" : ""}`;
}

/** What one row shows, as text: all the browser gets of it (the table is rendered by a client component, so
 * its rows travel once as these few strings instead of twice, as HTML and as the React payload's markup). */
function shown(row: FinanceRow): ObjectsTableRow {
  const queued = isQueueItem(row) ? row : null;
  const listed = queued ? null : (row as FinancialObjectListItem);
  return {
    id: queued ? queued.objectId : listed!.id,
    title: `${listed?.number ? `${listed.number} · ` : ""}${row.title}`,
    what: `${FINANCE_TYPE_LABELS[row.type] ?? row.type}${queued ? ` · ${waitingFor(queued)}` : ""}`,
    campaignName: row.campaignName,
    clientName: row.clientName ?? "—",
    status: FINANCE_STATUS_LABELS[row.status] ?? row.status,
    statusVariant: financeStatusVariant(row.status),
    total: formatMoney(row.total, row.currency),
    day: formatDay(queued ? queued.requestedAt : listed!.createdAt),
    decide: queued ? { revision: queued.revision, own: queued.own, title: queued.title } : null,
  };
}

/**
 * A list of financial objects; the title links to the object. The campaign and client columns hide on phones;
 * `showStatus={false}` leaves out the status where every row has the same (the queue: all wait for approval);
 * `decide` adds the queue's approve/reject column (someone else decides the caller's own items).
 */
export function ObjectsTable({
  rows,
  basePath,
  caption,
  showCampaign = true,
  showStatus = true,
  decide = false,
}: {
  rows: FinanceRow[];
  basePath: string;
  caption: string;
  showCampaign?: boolean;
  showStatus?: boolean;
  decide?: boolean;
}) {
  return (
    <ObjectsTableView
      rows={rows.map(shown)}
      basePath={basePath}
      caption={caption}
      showCampaign={showCampaign}
      showStatus={showStatus}
      decide={decide}
    />
  );
}
