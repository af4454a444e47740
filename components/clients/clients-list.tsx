import Link from "next/link";
import { EmptyState } from "@/components/shell/page-header";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { KeysetPagination, sortableHeads, type ListParams } from "@/components/ui/list-pagination";
import { NativeSelect } from "@/components/ui/native-select";
import type { AuthContext } from "@/lib/auth/context";
import { listClients } from "@/lib/domain/clients/list-clients";
import { CLIENT_STATUSES, listClientsSchema } from "@/lib/domain/clients/schemas";
import { AppError } from "@/lib/errors";
import { formatDate } from "@/lib/utils";
import { ClientsTable, type ClientTableHead, type ClientTableRow } from "./clients-table";

type Params = ListParams;

const COLUMNS = [
  { key: "name", label: "Name", sortable: true },
  { key: "status", label: "Status", sortable: true },
  { key: "industry", label: "Industry", from: "md" },
  { key: "country", label: "Country", from: "md" },
  { key: "contacts", label: "Contacts", from: "sm" },
  { key: "updatedAt", label: "Updated", sortable: true },
] as const;

/**
 * The clients table with its search, filters, sortable headers and keyset pages; state lives in the URL. The table
 * is a client component fed a few strings per row.
 */
export async function ClientsList({
  ctx,
  basePath,
  searchParams,
}: {
  ctx: AuthContext;
  basePath: string;
  searchParams: Params;
}) {
  const parsed = listClientsSchema.safeParse({ ...searchParams, take: searchParams.take ?? 25 });
  // A cursor that is not one of this list's (edited, or of another order) starts the list over.
  const result = await listClients(ctx, parsed.success ? parsed.data : {}).catch((error: unknown) => {
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
    result ?? (await listClients(ctx, { ...parsed.data, after: undefined, page: undefined, cursor: undefined }));
  const filtered = Boolean(params.q || params.status || (params.archived && params.archived !== "active"));
  const heads: ClientTableHead[] = sortableHeads(COLUMNS, { sort, dir, basePath, params });
  const rows: ClientTableRow[] = items.map((client) => ({
    id: client.id,
    name: client.name,
    legalName: client.legalName && client.legalName !== client.name ? client.legalName : null,
    status: client.status,
    archived: Boolean(client.archivedAt),
    industry: client.industry ?? "—",
    country: client.country ?? "—",
    contacts: client._count.contacts,
    updated: formatDate(client.updatedAt),
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
      <form method="get" action={basePath} role="search" className="grid gap-2 sm:grid-cols-[1fr_10rem_10rem_auto]">
        <label className="sr-only" htmlFor="client-search">
          Search clients
        </label>
        <Input
          id="client-search"
          name="q"
          type="search"
          placeholder="Search name, legal name or tag"
          defaultValue={params.q}
        />
        <label className="sr-only" htmlFor="client-status">
          Status
        </label>
        <NativeSelect id="client-status" name="status" defaultValue={params.status ?? ""}>
          <option value="">All statuses</option>
          {CLIENT_STATUSES.map((status) => (
            <option key={status} value={status}>
              {status.charAt(0) + status.slice(1).toLowerCase()}
            </option>
          ))}
        </NativeSelect>
        <label className="sr-only" htmlFor="client-archived">
          Archived
        </label>
        <NativeSelect id="client-archived" name="archived" defaultValue={params.archived ?? "active"}>
          <option value="active">Not archived</option>
          <option value="archived">Archived</option>
          <option value="all">All</option>
        </NativeSelect>
        {params.sort ? <input type="hidden" name="sort" value={params.sort} /> : null}
        {params.dir ? <input type="hidden" name="dir" value={params.dir} /> : null}
        <Button type="submit" variant="secondary">
          Filter
        </Button>
      </form>

      {items.length === 0 ? (
        <EmptyState title={filtered ? "No clients match" : "No clients yet"}>
          {filtered ? (
            <Link href={basePath} className="underline">
              Clear the filters
            </Link>
          ) : (
            "Clients you create appear here."
          )}
        </EmptyState>
      ) : (
        <ClientsTable heads={heads} dir={dir} rows={rows} basePath={basePath} />
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
