import type { Metadata } from "next";
import Link from "next/link";
import { KanbanIcon, TableIcon } from "lucide-react";
import { CreateTaskButton } from "@/components/content/create-task-form";
import { loadBoardView } from "@/lib/domain/content/load-board-view";
import { MetricsCsvForm } from "@/components/content/metrics-csv-form";
import { PublicationButton } from "@/components/content/publication-form";
import { TaskBoard, TaskTable } from "@/components/content/task-board";
import { CampaignStatusBadge } from "@/components/campaigns/campaign-badges";
import { Breadcrumb, PageHeader } from "@/components/shell/page-header";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { orNotFound, requirePagePermission, requirePortal } from "@/lib/auth/guards";
import { can } from "@/lib/auth/permissions";
import { cn } from "@/lib/utils";

export const metadata: Metadata = { title: "Campaign content" };

const PUBLISHABLE = ["APPROVED", "SCHEDULED", "PUBLISHED"];
const number = (n: number | null | undefined) => (n === null || n === undefined ? "—" : n.toLocaleString("en-GB"));

// Not under a loading.tsx boundary: a campaign the caller may not see must answer 404.
export default async function CampaignContentPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ view?: string }>;
}) {
  const ctx = await requirePortal("agency");
  await requirePagePermission(ctx, "content.read");
  const [{ id }, { view }] = await Promise.all([params, searchParams]);
  const board = await orNotFound(loadBoardView(ctx, id));
  const manage = can(ctx, "content.manage");
  const current = view === "table" ? "table" : "board";
  const href = (taskId: string) => `/agency/campaigns/${id}/content/${taskId}`;
  const toggle = (v: "board" | "table", label: string, Icon: typeof TableIcon) => (
    <Link
      href={`/agency/campaigns/${id}/content${v === "table" ? "?view=table" : ""}`}
      aria-current={current === v ? "page" : undefined}
      className={cn(
        "inline-flex items-center gap-1.5 rounded-md px-3 py-1.5 text-sm",
        current === v ? "bg-background font-medium shadow-xs" : "text-muted-foreground hover:text-foreground",
      )}
    >
      <Icon className="size-4" aria-hidden />
      {label}
    </Link>
  );
  return (
    <>
      <Breadcrumb parent={{ href: `/agency/campaigns/${id}`, label: board.campaign.name }} current="Content" />
      <PageHeader
        title={`${board.campaign.name} — content`}
        description={
          <span className="flex flex-wrap items-center gap-2">
            <CampaignStatusBadge status={board.campaign.status} />
            <span>
              {board.tasks.length} task{board.tasks.length === 1 ? "" : "s"}
              {board.tasks.some((t) => t.overdue) ? `, ${board.tasks.filter((t) => t.overdue).length} overdue` : ""}
            </span>
          </span>
        }
        actions={manage ? <CreateTaskButton campaignId={id} influencers={board.contracted} /> : null}
      />
      <section aria-labelledby="totals-heading" className="mb-6">
        <h2 id="totals-heading" className="sr-only">
          Published totals
        </h2>
        <dl className="grid grid-cols-2 gap-3 sm:grid-cols-4 lg:grid-cols-8">
          {[
            ["Published", `${board.totals.published} / ${board.tasks.length}`],
            ["Views", number(board.totals.views)],
            ["Reach", number(board.totals.reach)],
            ["Likes", number(board.totals.likes)],
            ["Comments", number(board.totals.comments)],
            ["Shares", number(board.totals.shares)],
            ["Saves", number(board.totals.saves)],
            ["Clicks", number(board.totals.clicks)],
          ].map(([label, value]) => (
            <div key={label} className="rounded-lg border bg-card p-3">
              <dt className="text-xs text-muted-foreground">{label}</dt>
              <dd className="text-lg font-semibold tabular-nums">{value}</dd>
            </div>
          ))}
        </dl>
      </section>
      <div className="mb-3 flex flex-wrap items-center justify-between gap-2">
        <h2 className="text-lg font-semibold">Tasks</h2>
        <nav aria-label="View" className="inline-flex rounded-lg bg-muted p-1">
          {toggle("board", "Board", KanbanIcon)}
          {toggle("table", "Table", TableIcon)}
        </nav>
      </div>
      {current === "board" ? (
        <TaskBoard tasks={board.tasks} basePath={`/agency/campaigns/${id}/content`} />
      ) : (
        <TaskTable
          tasks={board.tasks}
          basePath={`/agency/campaigns/${id}/content`}
          actions={
            manage
              ? Object.fromEntries(
                  board.tasks.map((t) => [
                    t.id,
                    PUBLISHABLE.includes(t.status) ? (
                      board.publications[t.id].publishedUrl ? (
                        <Link
                          href={href(t.id)}
                          className="text-sm text-primary underline-offset-4 hover:underline"
                          aria-label={`Update the figures of ${t.title}`}
                        >
                          Update figures
                        </Link>
                      ) : (
                        <PublicationButton campaignId={id} taskId={t.id} title={t.title} />
                      )
                    ) : null,
                  ]),
                )
              : undefined
          }
        />
      )}
      {manage ? (
        <Card className="mt-6">
          <CardHeader>
            <CardTitle>Published posts and figures</CardTitle>
          </CardHeader>
          <CardContent className="grid gap-4 md:grid-cols-2">
            <div className="grid content-start gap-2 text-sm">
              <p>
                Record each post by hand from the table view (&quot;Record post&quot;; a recorded post&apos;s figures
                are updated on its task page), or import the figures of many posts from a CSV file.
              </p>
              {board.tasks.filter((t) => PUBLISHABLE.includes(t.status)).length === 0 ? (
                <p className="text-muted-foreground">
                  No approved task yet: figures can be recorded once content is approved.
                </p>
              ) : null}
              <Link
                href={`/agency/campaigns/${id}/content?view=table`}
                className="text-primary underline-offset-4 hover:underline"
              >
                Open the table
              </Link>
            </div>
            <MetricsCsvForm campaignId={id} />
          </CardContent>
        </Card>
      ) : null}
    </>
  );
}
