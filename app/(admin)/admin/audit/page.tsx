import type { Metadata } from "next";
import Link from "next/link";
import { ChevronRightIcon } from "lucide-react";
import { EmptyState, PageHeader } from "@/components/shell/page-header";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardContent } from "@/components/ui/card";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { requirePagePermission, requirePortal } from "@/lib/auth/guards";
import { listAuditLog } from "@/lib/domain/admin/list-audit-log";
import { auditQuerySchema } from "@/lib/domain/admin/schemas";
import { formatDateTime } from "@/lib/utils";
import { AuditDiff } from "./audit-diff";

export const metadata: Metadata = { title: "Audit log" };

// Suggestions only: any model or action prefix can be typed.
const MODELS = [
  "User",
  "Invitation",
  "Session",
  "PermissionOverride",
  "Client",
  "Contact",
  "Campaign",
  "FinancialObject",
];
const ACTIONS = ["auth.", "auth.login", "auth.logout", "invitation.", "user.", "permission.", "client.", "contact."];

type SearchParams = Record<string, string | string[] | undefined>;

function first(value: string | string[] | undefined) {
  const v = Array.isArray(value) ? value[0] : value;
  return v?.trim() || undefined;
}

function hasDiff(
  diff: unknown,
): diff is { before: Record<string, unknown> | null; after: Record<string, unknown> | null } {
  if (!diff || typeof diff !== "object") return false;
  const { before, after } = diff as Record<string, unknown>;
  const size = (v: unknown) => (v && typeof v === "object" ? Object.keys(v).length : 0);
  return size(before) + size(after) > 0;
}

export default async function AuditPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const ctx = await requirePortal("admin");
  await requirePagePermission(ctx, "audit.read");
  const params = await searchParams;
  const filters = { model: first(params.model), action: first(params.action) };
  // A bad cursor drops the cursor; a bad filter drops the filter too. Either way the page still shows.
  const requested = auditQuerySchema.safeParse({ ...filters, cursor: first(params.cursor) });
  const fallback = requested.success ? requested : auditQuerySchema.safeParse(filters);
  const query = fallback.success ? fallback.data : auditQuerySchema.parse({});
  const { items, nextCursor } = await listAuditLog(ctx, query);
  const filtered = Boolean(filters.model || filters.action);
  const keep = Object.fromEntries(Object.entries(filters).filter(([, v]) => v)) as Record<string, string>;
  const olderHref = nextCursor ? `/admin/audit?${new URLSearchParams({ ...keep, cursor: nextCursor })}` : null;
  const newestHref = `/admin/audit${Object.keys(keep).length ? `?${new URLSearchParams(keep)}` : ""}`;

  return (
    <>
      <PageHeader
        title="Audit log"
        description="Every change to your agency's data and every sensitive read: who, when, what. Entries cannot be edited or deleted."
      />
      <div className="grid gap-4">
        <Card>
          <CardContent className="pt-5">
            <form
              method="get"
              action="/admin/audit"
              className="grid gap-3 sm:grid-cols-[1fr_1fr_auto] sm:items-end"
              role="search"
              aria-label="Filter the audit log"
            >
              <div className="grid gap-1.5">
                <Label htmlFor="audit-model">Model (exact name)</Label>
                <Input
                  id="audit-model"
                  name="model"
                  list="audit-models"
                  defaultValue={filters.model}
                  placeholder="e.g. User"
                  maxLength={60}
                />
                <datalist id="audit-models">
                  {MODELS.map((model) => (
                    <option key={model} value={model} />
                  ))}
                </datalist>
              </div>
              <div className="grid gap-1.5">
                <Label htmlFor="audit-action">Action starts with</Label>
                <Input
                  id="audit-action"
                  name="action"
                  list="audit-actions"
                  defaultValue={filters.action}
                  placeholder="e.g. auth.login"
                  maxLength={60}
                />
                <datalist id="audit-actions">
                  {ACTIONS.map((action) => (
                    <option key={action} value={action} />
                  ))}
                </datalist>
              </div>
              <div className="flex gap-2">
                <Button type="submit">Filter</Button>
                {filtered ? (
                  <Button asChild variant="ghost">
                    <Link href="/admin/audit">Clear</Link>
                  </Button>
                ) : null}
              </div>
            </form>
          </CardContent>
        </Card>

        {!requested.success ? (
          <Alert variant="destructive">
            That filter or page link is not valid; showing the newest entries instead.
          </Alert>
        ) : null}

        {items.length === 0 ? (
          <EmptyState title={filtered || query.cursor ? "No entries match" : "No entries yet"}>
            {filtered ? (
              <Link href="/admin/audit" className="underline underline-offset-4">
                Clear the filter
              </Link>
            ) : query.cursor ? (
              <Link href={newestHref} className="underline underline-offset-4">
                Back to the newest entries
              </Link>
            ) : (
              "Changes and sign-ins will be listed here."
            )}
          </EmptyState>
        ) : (
          <Card className="overflow-hidden">
            <div
              className="hidden grid-cols-[11rem_14rem_minmax(0,1fr)] gap-3 border-b bg-muted py-2 pr-4 pl-10 text-xs font-medium text-muted-foreground md:grid"
              aria-hidden
            >
              <span>Time (UTC)</span>
              <span>Actor</span>
              <span>Action · record</span>
            </div>
            <ol className="divide-y" aria-label="Audit entries, newest first">
              {items.map((entry) => {
                const line = (
                  <div className="grid min-w-0 flex-1 gap-1 md:grid-cols-[11rem_14rem_minmax(0,1fr)] md:gap-3">
                    <time
                      dateTime={entry.createdAt.toISOString()}
                      className="text-xs text-muted-foreground tabular-nums md:text-sm"
                    >
                      {formatDateTime(entry.createdAt)}
                    </time>
                    <span className="truncate text-sm" title={entry.actorEmail ?? undefined}>
                      {entry.actorEmail ?? <span className="text-muted-foreground">system</span>}
                    </span>
                    <span className="flex min-w-0 flex-wrap items-baseline gap-x-2 text-sm">
                      <code className="rounded bg-muted px-1.5 py-0.5 font-mono text-xs">{entry.action}</code>
                      <span className="text-muted-foreground">{entry.model}</span>
                      {entry.display ? <span className="min-w-0 break-all">{entry.display}</span> : null}
                    </span>
                  </div>
                );
                const diff = entry.diff;
                return (
                  <li key={entry.id}>
                    {hasDiff(diff) || entry.ip || entry.recordId ? (
                      <details className="group">
                        <summary className="flex cursor-pointer list-none items-start gap-2 px-4 py-3 hover:bg-muted/50 focus-visible:bg-muted/50 focus-visible:outline-none [&::-webkit-details-marker]:hidden">
                          <ChevronRightIcon
                            aria-hidden
                            className="mt-0.5 size-4 shrink-0 text-muted-foreground transition-transform group-open:rotate-90"
                          />
                          {line}
                        </summary>
                        <div className="grid gap-3 border-t bg-muted/30 px-4 py-3 pl-10 text-sm">
                          <dl className="grid grid-cols-[6rem_minmax(0,1fr)] gap-x-3 gap-y-1 text-xs">
                            {entry.recordId ? (
                              <>
                                <dt className="text-muted-foreground">Record id</dt>
                                <dd className="font-mono break-all">{entry.recordId}</dd>
                              </>
                            ) : null}
                            {entry.ip ? (
                              <>
                                <dt className="text-muted-foreground">IP address</dt>
                                <dd className="font-mono">{entry.ip}</dd>
                              </>
                            ) : null}
                          </dl>
                          {hasDiff(diff) ? (
                            <AuditDiff before={diff.before} after={diff.after} />
                          ) : (
                            <p className="text-xs text-muted-foreground">No field changes recorded.</p>
                          )}
                        </div>
                      </details>
                    ) : (
                      <div className="flex items-start gap-2 px-4 py-3">
                        <span aria-hidden className="size-4 shrink-0" />
                        {line}
                      </div>
                    )}
                  </li>
                );
              })}
            </ol>
          </Card>
        )}

        <nav aria-label="Audit log pages" className="flex flex-wrap items-center justify-between gap-2">
          {query.cursor ? (
            <Button asChild variant="ghost">
              <Link href={newestHref}>Newest entries</Link>
            </Button>
          ) : (
            <span />
          )}
          {olderHref ? (
            <Button asChild variant="outline">
              <Link href={olderHref}>Older entries</Link>
            </Button>
          ) : items.length > 0 ? (
            <p className="text-sm text-muted-foreground">No older entries.</p>
          ) : null}
        </nav>
      </div>
    </>
  );
}
