"use client";

// Client components: the browser gets each task once, as its few fields (TaskRowView), and renders the cards;
// a server component would send every card twice (as HTML and again as markup in the React payload).
import Link from "next/link";
import { EmptyState } from "@/components/shell/page-header";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { formatDate } from "@/lib/utils";
import { OverdueBadge, TaskStatusBadge } from "./task-badges";
import { ARTIFACT_TYPE_LABELS, type TaskRowView } from "./types";

const COLUMNS: { key: string; label: string; statuses: string[] }[] = [
  { key: "offered", label: "Offered", statuses: ["OFFERED"] },
  { key: "production", label: "In production", statuses: ["ACCEPTED", "IN_PROGRESS", "CHANGES_REQUESTED"] },
  { key: "review", label: "In review", statuses: ["SUBMITTED", "IN_REVIEW"] },
  { key: "approved", label: "Approved", statuses: ["APPROVED", "SCHEDULED"] },
  { key: "published", label: "Published", statuses: ["PUBLISHED"] },
  { key: "closed", label: "Declined or cancelled", statuses: ["DECLINED", "CANCELLED"] },
];

const label = (v: string) => v.charAt(0) + v.slice(1).toLowerCase().replaceAll("_", " ");
const latestText = (t: TaskRowView) =>
  t.latest.map((l) => `${ARTIFACT_TYPE_LABELS[l.type]} v${l.version}`).join(", ") || "Nothing uploaded";

/** The campaign's content tasks by status; each card is a link (reachable by Tab, opened with Enter). */
export function TaskBoard({ tasks, basePath }: { tasks: TaskRowView[]; basePath: string }) {
  if (tasks.length === 0)
    return (
      <EmptyState title="No content tasks yet">
        Create a task for a contracted influencer: it is offered to them.
      </EmptyState>
    );
  return (
    <div className="-mx-4 overflow-x-auto px-4 pb-2 md:mx-0 md:px-0">
      <ol className="grid auto-cols-[minmax(14rem,1fr)] grid-flow-col gap-3" aria-label="Content board">
        {COLUMNS.map((column) => {
          const cards = tasks.filter((t) => column.statuses.includes(t.status));
          return (
            <li
              key={column.key}
              className="flex min-w-0 flex-col rounded-xl border bg-muted/40"
              aria-labelledby={`content-col-${column.key}`}
            >
              <h3
                id={`content-col-${column.key}`}
                className="flex items-center justify-between px-3 py-2 text-sm font-semibold"
              >
                {column.label}
                <span className="rounded bg-background px-1.5 text-xs font-normal text-muted-foreground">
                  {cards.length}
                </span>
              </h3>
              <ul className="grid gap-2 p-2">
                {cards.map((t) => (
                  <li
                    key={t.id}
                    className={`grid gap-1.5 rounded-lg border bg-card p-3 shadow-xs ${t.overdue ? "border-destructive/60" : ""}`}
                    data-testid="content-card"
                  >
                    <Link href={`${basePath}/${t.id}`} className="font-medium leading-snug hover:underline">
                      {t.title}
                    </Link>
                    <p className="text-xs text-muted-foreground">
                      {t.influencerName} · {label(t.deliverableType)}
                    </p>
                    <div className="flex flex-wrap gap-1">
                      <TaskStatusBadge status={t.status} />
                      <OverdueBadge overdue={t.overdue} />
                    </div>
                    <p className="text-xs text-muted-foreground">
                      Due {formatDate(t.dueAt)} · {latestText(t)}
                      {t.pendingStage ? ` · awaiting ${t.pendingStage}` : ""}
                    </p>
                  </li>
                ))}
                {cards.length === 0 ? (
                  <li className="px-1 py-4 text-center text-xs text-muted-foreground">Nothing here</li>
                ) : null}
              </ul>
            </li>
          );
        })}
      </ol>
    </div>
  );
}

/** The same tasks as a table; `actions`: a cell of the page's own per task id (the column shows when it is given). */
export function TaskTable({
  tasks,
  basePath,
  actions,
}: {
  tasks: TaskRowView[];
  basePath: string;
  actions?: Record<string, React.ReactNode>;
}) {
  if (tasks.length === 0)
    return (
      <EmptyState title="No content tasks yet">
        Create a task for a contracted influencer: it is offered to them.
      </EmptyState>
    );
  return (
    <Table aria-label="Content tasks">
      <TableHeader>
        <TableRow>
          <TableHead>Task</TableHead>
          <TableHead>Influencer</TableHead>
          <TableHead>Status</TableHead>
          <TableHead>Due</TableHead>
          <TableHead>Latest</TableHead>
          {actions ? <TableHead className="sr-only">Actions</TableHead> : null}
        </TableRow>
      </TableHeader>
      <TableBody>
        {tasks.map((t) => (
          <TableRow key={t.id}>
            <TableCell className="font-medium">
              <Link href={`${basePath}/${t.id}`} className="hover:underline">
                {t.title}
              </Link>
              <span className="block text-xs font-normal text-muted-foreground">{label(t.deliverableType)}</span>
            </TableCell>
            <TableCell>{t.influencerName}</TableCell>
            <TableCell>
              <span className="flex flex-wrap gap-1">
                <TaskStatusBadge status={t.status} />
                <OverdueBadge overdue={t.overdue} />
              </span>
            </TableCell>
            <TableCell className="whitespace-nowrap">{formatDate(t.dueAt)}</TableCell>
            <TableCell className="text-xs">
              {latestText(t)}
              {t.pendingStage ? <span className="block text-muted-foreground">Awaiting {t.pendingStage}</span> : null}
            </TableCell>
            {actions ? <TableCell>{actions[t.id] ?? null}</TableCell> : null}
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
