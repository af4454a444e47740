import type { ReactNode } from "react";
import Link from "next/link";
import { ArrowDownIcon, ArrowUpIcon } from "lucide-react";
import { Button } from "@/components/ui/button";
import { TableHead } from "@/components/ui/table";

export type ListParams = Record<string, string | undefined>;

/** `basePath` with the current list params plus `changes`; empty values are dropped. */
export function hrefWith(basePath: string, params: ListParams, changes: ListParams) {
  const next = new URLSearchParams();
  for (const [key, value] of Object.entries({ ...params, ...changes })) if (value) next.set(key, value);
  const query = next.toString();
  return query ? `${basePath}?${query}` : basePath;
}

/**
 * The headers of a keyset list's table: each column with its breakpoint, and for a sortable one the link that sorts by
 * it (the other direction when it is the active one) from the first page.
 */
export function sortableHeads<From extends string>(
  columns: readonly { key: string; label: string; from?: From; sortable?: boolean }[],
  current: { sort: string; dir: string; basePath: string; params: ListParams },
): { key: string; label: string; from?: From; href?: string; active?: boolean }[] {
  return columns.map((c) => {
    if (!c.sortable) return { key: c.key, label: c.label, from: c.from };
    const active = current.sort === c.key;
    return {
      key: c.key,
      label: c.label,
      from: c.from,
      active,
      href: hrefWith(current.basePath, current.params, {
        sort: c.key,
        dir: active && current.dir === "asc" ? "desc" : "asc",
        page: undefined,
        after: undefined,
      }),
    };
  });
}

/**
 * A sortable column header: a link to `href`, `aria-sort` on the active column and an arrow for its direction.
 * `arrows="text"` draws the arrow as a plain " ↑" / " ↓" instead of an icon.
 */
export function SortableHead({
  label,
  href,
  active,
  dir,
  className,
  arrows = "icon",
  from,
}: {
  label: ReactNode;
  href: string;
  active: boolean;
  dir: "asc" | "desc";
  className?: string;
  arrows?: "icon" | "text";
  /** In a `list-table`: the breakpoint from which the column shows. */
  from?: "sm" | "md" | "lg";
}) {
  return (
    <TableHead
      aria-sort={active ? (dir === "asc" ? "ascending" : "descending") : undefined}
      className={className}
      data-from={from}
    >
      {arrows === "text" ? (
        <Link href={href} className="hover:text-foreground">
          {label}
          {active ? (dir === "asc" ? " ↑" : " ↓") : null}
        </Link>
      ) : (
        <Link href={href} className="inline-flex items-center gap-1 hover:text-foreground">
          {label}
          {active ? (
            dir === "asc" ? (
              <ArrowUpIcon className="size-3" aria-hidden />
            ) : (
              <ArrowDownIcon className="size-3" aria-hidden />
            )
          ) : null}
        </Link>
      )}
    </TableHead>
  );
}

/**
 * The "Showing x–y of N / Previous / Page n of m / Next" nav under a list.
 * Without `pages` it shows just "Page n"; `hasNext` defaults to `page < pages`.
 */
export function ListPagination({
  basePath,
  params,
  page,
  first,
  last,
  total,
  pages,
  hasNext = pages !== undefined && page < pages,
}: {
  basePath: string;
  params: ListParams;
  page: number;
  first: number;
  last: number;
  total: ReactNode;
  pages?: number;
  hasNext?: boolean;
}) {
  return (
    <nav aria-label="Pages" className="flex flex-wrap items-center justify-between gap-2 text-sm text-muted-foreground">
      <span>
        Showing {first}–{last} of {total}
      </span>
      <span className="flex items-center gap-2">
        {page > 1 ? (
          <Button asChild variant="outline" size="sm">
            <Link href={hrefWith(basePath, params, { page: String(page - 1) })} rel="prev">
              Previous
            </Link>
          </Button>
        ) : null}
        {pages === undefined ? (
          <span>Page {page}</span>
        ) : (
          <span>
            Page {page} of {pages}
          </span>
        )}
        {hasNext ? (
          <Button asChild variant="outline" size="sm">
            <Link href={hrefWith(basePath, params, { page: String(page + 1) })} rel="next">
              Next
            </Link>
          </Button>
        ) : null}
      </span>
    </nav>
  );
}

export type ListColumn = { key: string; label: string; sortable?: boolean; className?: string };

/**
 * The header cells of a list whose sortable columns toggle asc ⇄ desc (a new column starts ascending);
 * the other columns are plain headers.
 */
export function SortableHeads({
  columns,
  sort,
  dir,
  basePath,
  params,
}: {
  columns: readonly ListColumn[];
  sort: string;
  dir: "asc" | "desc";
  basePath: string;
  params: ListParams;
}) {
  return columns.map((column) => {
    if (!column.sortable) {
      return (
        <TableHead key={column.key} className={column.className}>
          {column.label}
        </TableHead>
      );
    }
    const active = sort === column.key;
    return (
      <SortableHead
        key={column.key}
        label={column.label}
        href={hrefWith(basePath, params, {
          sort: column.key,
          dir: active && dir === "asc" ? "desc" : "asc",
          page: undefined,
        })}
        active={active}
        dir={dir}
        className={column.className}
      />
    );
  });
}

/**
 * The nav under a list paged by keyset cursors: "Showing x–y of N", "Page n of m", a link back to the first page
 * once past it, and "Next" carrying the cursor of the last row (`after`). No "Previous": a keyset page knows what
 * follows it, not what came before; going back is the browser's.
 */
export function KeysetPagination({
  basePath,
  params,
  offset,
  count,
  total,
  pageSize,
  next,
}: {
  basePath: string;
  params: ListParams;
  /** Rows before this page. */
  offset: number;
  /** Rows on this page. */
  count: number;
  total: number;
  pageSize: number;
  /** The cursor of the next page, null on the last. */
  next: string | null;
}) {
  const page = Math.floor(offset / pageSize) + 1;
  const pages = Math.max(page, Math.ceil(total / pageSize));
  return (
    <nav aria-label="Pages" className="flex flex-wrap items-center justify-between gap-2 text-sm text-muted-foreground">
      <span>
        Showing {count ? offset + 1 : 0}–{offset + count} of {total.toLocaleString("en-US")}
      </span>
      <span className="flex items-center gap-2">
        {offset > 0 ? (
          <Button asChild variant="outline" size="sm">
            <Link href={hrefWith(basePath, params, { page: undefined, after: undefined })} rel="first">
              First page
            </Link>
          </Button>
        ) : null}
        <span>
          Page {page} of {pages}
        </span>
        {next ? (
          <Button asChild variant="outline" size="sm">
            <Link href={hrefWith(basePath, params, { page: undefined, after: next })} rel="next">
              Next
            </Link>
          </Button>
        ) : null}
      </span>
    </nav>
  );
}
