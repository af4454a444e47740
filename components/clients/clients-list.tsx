import Link from "next/link";
import { EmptyState } from "@/components/shell/page-header";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { ListPagination, SortableHeads, type ListParams } from "@/components/ui/list-pagination";
import { NativeSelect } from "@/components/ui/native-select";
import { Table, TableBody, TableCell, TableHeader, TableRow } from "@/components/ui/table";
import type { AuthContext } from "@/lib/auth/context";
import { listClients } from "@/lib/domain/clients/list-clients";
import { CLIENT_STATUSES, listClientsSchema } from "@/lib/domain/clients/schemas";
import { formatDate } from "@/lib/utils";
import { ClientStatusBadge } from "./client-status-badge";

type Params = ListParams;

const COLUMNS = [
  { key: "name", label: "Name", sortable: true },
  { key: "status", label: "Status", sortable: true },
  { key: "industry", label: "Industry", className: "hidden md:table-cell" },
  { key: "country", label: "Country", className: "hidden md:table-cell" },
  { key: "contacts", label: "Contacts", className: "hidden sm:table-cell" },
  { key: "updatedAt", label: "Updated", sortable: true },
] as const;

/** The clients table with its search, filters, sortable headers and pages; state lives in the URL. */
export async function ClientsList({
  ctx,
  basePath,
  searchParams,
}: {
  ctx: AuthContext;
  basePath: string;
  searchParams: Params;
}) {
  const parsed = listClientsSchema.safeParse({
    ...searchParams,
    take: searchParams.take ?? 25,
    page: searchParams.page ?? 1,
  });
  const params = parsed.success ? searchParams : {};
  const result = await listClients(ctx, parsed.success ? parsed.data : { page: 1 });
  const { items, total, page, pageSize } = result;
  const sort = parsed.success ? parsed.data.sort : "name";
  const dir = parsed.success ? parsed.data.dir : "asc";
  const first = total === 0 ? 0 : ((page ?? 1) - 1) * pageSize + 1;
  const last = Math.min(total, (page ?? 1) * pageSize);
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const filtered = Boolean(params.q || params.status || (params.archived && params.archived !== "active"));

  return (
    <div className="grid gap-4">
      {!parsed.success ? (
        <p role="alert" className="text-sm text-destructive">
          Some filters were not valid and were ignored.
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
        <div className="rounded-xl border bg-card">
          <Table>
            <TableHeader>
              <TableRow>
                <SortableHeads columns={COLUMNS} sort={sort} dir={dir} basePath={basePath} params={params} />
              </TableRow>
            </TableHeader>
            <TableBody>
              {items.map((client) => (
                <TableRow key={client.id}>
                  <TableCell>
                    <Link href={`${basePath}/${client.id}`} className="font-medium hover:underline">
                      {client.name}
                    </Link>
                    {client.legalName && client.legalName !== client.name ? (
                      <span className="block text-xs text-muted-foreground">{client.legalName}</span>
                    ) : null}
                  </TableCell>
                  <TableCell>
                    <ClientStatusBadge status={client.status} archived={Boolean(client.archivedAt)} />
                  </TableCell>
                  <TableCell className="hidden md:table-cell">{client.industry ?? "—"}</TableCell>
                  <TableCell className="hidden md:table-cell">{client.country ?? "—"}</TableCell>
                  <TableCell className="hidden tabular-nums sm:table-cell">{client._count.contacts}</TableCell>
                  <TableCell className="whitespace-nowrap text-muted-foreground">
                    {formatDate(client.updatedAt)}
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
          page={page ?? 1}
          first={first}
          last={last}
          total={total}
          pages={pages}
        />
      ) : null}
    </div>
  );
}
