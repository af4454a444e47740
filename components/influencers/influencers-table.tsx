import Link from "next/link";
import { EmptyState } from "@/components/shell/page-header";
import { Button } from "@/components/ui/button";
import { hrefWith, SortableHead, type ListParams } from "@/components/ui/list-pagination";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { AuthContext } from "@/lib/auth/context";
import { searchInfluencersSchema } from "@/lib/domain/influencers/schemas";
import { AppError } from "@/lib/errors";
import { SEARCH_TIMEOUT_MESSAGE, searchInfluencers } from "@/lib/domain/influencers/search-influencers";
import { formatCount, formatEngagement, formatFollowers, titleCase } from "./format";
import { InfluencerFilters } from "./influencer-filters";
import { InfluencerStatusBadge, ProfileTypeBadge } from "./influencer-badges";

type Params = ListParams;

const SORTABLE = [
  { key: "name", label: "Influencer" },
  { key: "followers", label: "Followers" },
  { key: "engagement", label: "Engagement" },
  { key: "updated", label: "Updated" },
] as const;

/** The directory: filters, results with the key numbers, sortable headers and pages — all in the URL. */
export async function InfluencersTable({
  ctx,
  basePath,
  searchParams,
}: {
  ctx: AuthContext;
  basePath: string;
  searchParams: Params;
}) {
  const parsed = searchInfluencersSchema.safeParse(searchParams);
  const params = parsed.success ? searchParams : {};
  // A search past its time limit is answered on the page, with the filters to narrow it.
  const result = await searchInfluencers(ctx, parsed.success ? parsed.data : {}).catch((error: unknown) => {
    if (error instanceof AppError && error.message === SEARCH_TIMEOUT_MESSAGE) return null;
    throw error;
  });
  if (!result)
    return (
      <div className="grid gap-4">
        <InfluencerFilters basePath={basePath} params={params} />
        <p role="alert" className="text-sm text-destructive">
          {SEARCH_TIMEOUT_MESSAGE}
        </p>
      </div>
    );
  const { items, total, totalCapped, offset, next, sort, dir } = result;
  const filtered = Object.entries(params).some(
    ([key, value]) => value && !["sort", "dir", "page", "after"].includes(key),
  );
  const first = items.length ? offset + 1 : 0;
  const last = offset + items.length;
  // The pages are keyset pages: "Next" carries the cursor of the last row; a new order or filter starts over.
  const restart = { page: undefined, after: undefined };

  return (
    <div className="grid gap-4">
      <InfluencerFilters basePath={basePath} params={params} />
      {!parsed.success ? (
        <p role="alert" className="text-sm text-destructive">
          Some filters were not valid and were ignored: {parsed.error.issues.map((i) => i.message).join("; ")}
        </p>
      ) : null}
      {items.length === 0 ? (
        <EmptyState title={filtered ? "No influencers match" : "No influencers yet"}>
          {filtered ? (
            <Link href={basePath} className="underline">
              Clear the search and filters
            </Link>
          ) : (
            "Quick-add a stub or import a CSV file to fill the directory."
          )}
        </EmptyState>
      ) : (
        <div className="overflow-x-auto rounded-xl border bg-card">
          <Table>
            <TableHeader>
              <TableRow>
                {SORTABLE.map((column) => {
                  const active = sort === column.key;
                  return (
                    <SortableHead
                      key={column.key}
                      label={column.label}
                      href={hrefWith(basePath, params, {
                        sort: column.key,
                        dir: active && dir === "desc" ? "asc" : active ? "desc" : undefined,
                        ...restart,
                      })}
                      active={active}
                      dir={dir}
                      className={
                        column.key === "updated"
                          ? "hidden lg:table-cell"
                          : column.key === "engagement"
                            ? "hidden sm:table-cell"
                            : undefined
                      }
                      arrows="text"
                    />
                  );
                })}
                <TableHead className="hidden md:table-cell">Platforms</TableHead>
                <TableHead className="hidden md:table-cell">Country</TableHead>
                <TableHead className="hidden xl:table-cell">Niches</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {items.map((row) => (
                <TableRow key={row.id}>
                  <TableCell>
                    <Link href={`${basePath}/${row.id}`} className="font-medium hover:underline">
                      {row.displayName}
                    </Link>
                    <span className="mt-1 flex flex-wrap gap-1">
                      <ProfileTypeBadge profileType={row.profileType} />
                      {row.status !== "ACTIVE" ? <InfluencerStatusBadge status={row.status} /> : null}
                    </span>
                  </TableCell>
                  <TableCell className="tabular-nums" title={formatCount(row.totalFollowers)}>
                    {formatFollowers(row.totalFollowers)}
                  </TableCell>
                  <TableCell className="hidden tabular-nums sm:table-cell">
                    {formatEngagement(row.topEngagement)}
                  </TableCell>
                  <TableCell className="hidden whitespace-nowrap text-muted-foreground lg:table-cell">
                    {row.updatedAt.toISOString().slice(0, 10)}
                  </TableCell>
                  <TableCell className="hidden md:table-cell">
                    <ul className="grid gap-0.5 text-xs">
                      {row.socials.slice(0, 3).map((s) => (
                        <li key={`${s.platform}:${s.handle}`}>
                          <span className="text-muted-foreground">{titleCase(s.platform)}</span> @{s.handle}
                        </li>
                      ))}
                      {row.socials.length > 3 ? (
                        <li className="text-muted-foreground">+{row.socials.length - 3} more</li>
                      ) : null}
                    </ul>
                  </TableCell>
                  <TableCell className="hidden md:table-cell">{row.country ?? "—"}</TableCell>
                  <TableCell className="hidden text-xs xl:table-cell">{row.niches.join(", ") || "—"}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      )}
      {items.length > 0 ? (
        <nav
          aria-label="Pages"
          className="flex flex-wrap items-center justify-between gap-2 text-sm text-muted-foreground"
        >
          <span>
            Showing {first}–{last} of {totalCapped ? `${formatCount(total)}+` : formatCount(total)}
          </span>
          <span className="flex items-center gap-2">
            {offset > 0 ? (
              <Button asChild variant="outline" size="sm">
                <Link href={hrefWith(basePath, params, restart)} rel="first">
                  First page
                </Link>
              </Button>
            ) : null}
            {next ? (
              <Button asChild variant="outline" size="sm">
                <Link href={hrefWith(basePath, params, { page: undefined, after: next })} rel="next">
                  Next
                </Link>
              </Button>
            ) : null}
          </span>
        </nav>
      ) : null}
    </div>
  );
}
