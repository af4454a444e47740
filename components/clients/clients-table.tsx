"use client";

import Link from "next/link";
import { SortableHead } from "@/components/ui/list-pagination";
import { TableHead } from "@/components/ui/table";

// The clients table of components/clients/clients-list.tsx (which prepares its rows), a client component: the
// page's React payload carries each row as a few strings, not its markup, and the cells' look is set once on the
// table (`list-table` in app/globals.css).

export type ClientTableRow = {
  id: string;
  name: string;
  /** The legal name when it differs from the name. */
  legalName: string | null;
  status: "ACTIVE" | "PROSPECT" | "INACTIVE";
  archived: boolean;
  industry: string;
  country: string;
  contacts: number;
  updated: string;
};

export type ClientTableHead = { key: string; label: string; from?: "sm" | "md"; href?: string; active?: boolean };

const VARIANT = { ACTIVE: "success", PROSPECT: "secondary", INACTIVE: "outline" } as const;
const LABEL = { ACTIVE: "Active", PROSPECT: "Prospect", INACTIVE: "Inactive" } as const;

export function ClientsTable({
  heads,
  dir,
  rows,
  basePath,
}: {
  heads: ClientTableHead[];
  dir: "asc" | "desc";
  rows: ClientTableRow[];
  basePath: string;
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
          {rows.map((client) => (
            <tr key={client.id}>
              <td>
                <Link href={`${basePath}/${client.id}`}>{client.name}</Link>
                {client.legalName ? <small>{client.legalName}</small> : null}
              </td>
              <td>
                {client.archived ? (
                  <span data-badge="warning">Archived</span>
                ) : (
                  <span data-badge={VARIANT[client.status]}>{LABEL[client.status]}</span>
                )}
              </td>
              <td data-from="md">{client.industry}</td>
              <td data-from="md">{client.country}</td>
              <td data-from="sm" data-num="">
                {client.contacts}
              </td>
              <td data-muted="">{client.updated}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
