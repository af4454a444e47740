import Link from "next/link";
import { EmptyState } from "@/components/shell/page-header";
import { ListPagination, SortableHeads, type ListParams } from "@/components/ui/list-pagination";
import { Table, TableBody, TableCell, TableHeader, TableRow } from "@/components/ui/table";
import type { AuthContext } from "@/lib/auth/context";
import { listCampaigns } from "@/lib/domain/campaigns/list-campaigns";
import { listCampaignsSchema } from "@/lib/domain/campaigns/schemas";
import { formatDate } from "@/lib/utils";
import { CampaignStatusBadge, RiskBadge } from "./campaign-badges";
import { CampaignFilters, type Option } from "./campaign-filters";
import { formatMoney } from "@/lib/domain/format-money";
import { formatRange } from "./format";

type Params = ListParams;

const COLUMNS = [
  { key: "name", label: "Campaign", sortable: true },
  { key: "status", label: "Status", sortable: true },
  { key: "riskScore", label: "Risk", sortable: true, className: "hidden md:table-cell" },
  { key: "startDate", label: "Dates", sortable: true, className: "hidden md:table-cell" },
  { key: "budget", label: "Budget", className: "hidden lg:table-cell" },
  { key: "owner", label: "Owner", className: "hidden lg:table-cell" },
  { key: "updatedAt", label: "Updated", sortable: true, className: "hidden sm:table-cell" },
] as const;

/** The campaigns table with filters, sortable headers and pages; state lives in the URL. */
export async function CampaignsList({
  ctx,
  basePath,
  searchParams,
  clients,
  owners,
  internal = true,
}: {
  ctx: AuthContext;
  basePath: string;
  searchParams: Params;
  clients: Option[];
  owners: Option[];
  /** Agency staff see risk, budget and owner; client users do not. */
  internal?: boolean;
}) {
  const parsed = listCampaignsSchema.safeParse({ ...searchParams, take: 25, page: searchParams.page ?? 1 });
  const params = parsed.success ? searchParams : {};
  const { items, total, page, pageSize } = await listCampaigns(ctx, parsed.success ? parsed.data : { page: 1 });
  const sort = parsed.success ? parsed.data.sort : "updatedAt";
  const dir = parsed.success ? parsed.data.dir : "desc";
  const current = page ?? 1;
  const first = total === 0 ? 0 : (current - 1) * pageSize + 1;
  const last = Math.min(total, current * pageSize);
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const filtered = ["q", "clientId", "ownerId", "status", "riskLevel", "from", "to"].some((k) => params[k]);
  const columns = COLUMNS.filter((c) => internal || !["riskScore", "budget", "owner"].includes(c.key));

  return (
    <div className="grid gap-4">
      {!parsed.success ? (
        <p role="alert" className="text-sm text-destructive">
          Some filters were not valid and were ignored.
        </p>
      ) : null}
      {internal ? <CampaignFilters action={basePath} params={params} clients={clients} owners={owners} /> : null}
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
        <div className="rounded-xl border bg-card">
          <Table>
            <TableHeader>
              <TableRow>
                <SortableHeads columns={columns} sort={sort} dir={dir} basePath={basePath} params={params} />
              </TableRow>
            </TableHeader>
            <TableBody>
              {items.map((c) => (
                <TableRow key={c.id}>
                  <TableCell className="max-w-64">
                    <Link href={`${basePath}/${c.id}`} className="font-medium hover:underline">
                      {c.name}
                    </Link>
                    <span className="block truncate text-xs text-muted-foreground">{c.client.name}</span>
                  </TableCell>
                  <TableCell>
                    <CampaignStatusBadge status={c.status} />
                  </TableCell>
                  {internal ? (
                    <TableCell className="hidden md:table-cell">
                      <RiskBadge level={c.riskLevel} />
                    </TableCell>
                  ) : null}
                  <TableCell className="hidden whitespace-nowrap text-muted-foreground md:table-cell">
                    {formatRange(c.startDate, c.endDate, formatDate)}
                  </TableCell>
                  {internal ? (
                    <TableCell className="hidden whitespace-nowrap tabular-nums lg:table-cell">
                      {formatMoney(c.plannedBudget, c.currency)}
                    </TableCell>
                  ) : null}
                  {internal ? <TableCell className="hidden lg:table-cell">{c.owner.name}</TableCell> : null}
                  <TableCell className="hidden whitespace-nowrap text-muted-foreground sm:table-cell">
                    {formatDate(c.updatedAt)}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      )}
      {total > 0 ? (
        <ListPagination
          basePath={basePath}
          params={params}
          page={current}
          first={first}
          last={last}
          total={total}
          pages={pages}
        />
      ) : null}
    </div>
  );
}
