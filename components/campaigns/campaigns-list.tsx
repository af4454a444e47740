import Link from "next/link";
import { EmptyState } from "@/components/shell/page-header";
import { KeysetPagination, sortableHeads, type ListParams } from "@/components/ui/list-pagination";
import type { AuthContext } from "@/lib/auth/context";
import { listCampaigns } from "@/lib/domain/campaigns/list-campaigns";
import { listCampaignsSchema } from "@/lib/domain/campaigns/schemas";
import { formatMoney } from "@/lib/domain/format-money";
import { AppError } from "@/lib/errors";
import { formatDate } from "@/lib/utils";
import { CampaignFilters, type Option } from "./campaign-filters";
import { CampaignsTable, type CampaignTableHead, type CampaignTableRow } from "./campaigns-table";
import { formatRange } from "./format";

type Params = ListParams;

const COLUMNS = [
  { key: "name", label: "Campaign", sortable: true },
  { key: "status", label: "Status", sortable: true },
  { key: "riskScore", label: "Risk", sortable: true, from: "md" },
  { key: "startDate", label: "Dates", sortable: true, from: "md" },
  { key: "budget", label: "Budget", from: "lg" },
  { key: "owner", label: "Owner", from: "lg" },
  { key: "updatedAt", label: "Updated", sortable: true, from: "sm" },
] as const;

/**
 * The campaigns table with filters, sortable headers and keyset pages; state lives in the URL. The table is a client
 * component fed a few strings per row; the client filter searches the JSON API as the user types.
 */
export async function CampaignsList({
  ctx,
  basePath,
  searchParams,
  client = null,
  owners = [],
  internal = true,
}: {
  ctx: AuthContext;
  basePath: string;
  searchParams: Params;
  /** The client the list is filtered by (its name for the filter), and the possible owners. */
  client?: Option | null;
  owners?: Option[];
  /** Agency staff see risk, budget, owner and the filters; client users do not. */
  internal?: boolean;
}) {
  const parsed = listCampaignsSchema.safeParse({ ...searchParams, take: 25 });
  // A cursor that is not one of this list's (edited, or of another order) starts the list over.
  const result = await listCampaigns(ctx, parsed.success ? parsed.data : {}).catch((error: unknown) => {
    if (!(error instanceof AppError) || error.code !== "VALIDATION_FAILED" || !parsed.success) throw error;
    return null;
  });
  const badCursor = result === null;
  const params: Params = badCursor
    ? { ...searchParams, after: undefined, page: undefined }
    : parsed.success
      ? searchParams
      : {};
  const { items, total, pageSize, offset, next, sort, dir } =
    result ?? (await listCampaigns(ctx, { ...parsed.data, after: undefined, page: undefined, cursor: undefined }));
  const filtered = ["q", "clientId", "ownerId", "status", "riskLevel", "from", "to"].some((k) => params[k]);
  const columns = COLUMNS.filter((c) => internal || !["riskScore", "budget", "owner"].includes(c.key));
  const heads: CampaignTableHead[] = sortableHeads(columns, { sort, dir, basePath, params });
  const rows: CampaignTableRow[] = items.map((c) => ({
    id: c.id,
    name: c.name,
    client: c.client.name,
    status: c.status,
    dates: formatRange(c.startDate, c.endDate, formatDate),
    updated: formatDate(c.updatedAt),
    ...(internal ? { risk: c.riskLevel, budget: formatMoney(c.plannedBudget, c.currency), owner: c.owner.name } : {}),
  }));

  return (
    <div className="grid gap-4">
      {!parsed.success || badCursor ? (
        <p role="alert" className="text-sm text-destructive">
          {badCursor
            ? "That page link is no longer valid: showing the first page."
            : "Some filters were not valid and were ignored."}
        </p>
      ) : null}
      {internal ? <CampaignFilters action={basePath} params={params} client={client} owners={owners} /> : null}
      {items.length === 0 ? (
        <EmptyState title={filtered ? "No campaigns match" : "No campaigns yet"}>
          {filtered ? (
            <Link href={basePath} className="underline">
              Clear the filters
            </Link>
          ) : (
            "Campaigns appear here once they are created."
          )}
        </EmptyState>
      ) : (
        <CampaignsTable heads={heads} dir={dir} rows={rows} basePath={basePath} internal={internal} />
      )}
      {total > 0 ? (
        <KeysetPagination
          basePath={basePath}
          params={params}
          offset={offset ?? 0}
          count={items.length}
          total={total}
          pageSize={pageSize}
          next={next}
        />
      ) : null}
    </div>
  );
}
