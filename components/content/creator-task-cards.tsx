import { formatFee } from "@/lib/domain/format-money";
import Link from "next/link";
import { EmptyState } from "@/components/shell/page-header";
import { formatDate } from "@/lib/utils";
import { RespondToTask } from "./respond-to-task";
import { OverdueBadge, TaskStatusBadge } from "./task-badges";
import { ARTIFACT_TYPE_LABELS, deliverableLabel, type CreatorTaskCard } from "./types";

/** The creator's tasks: offers to accept or decline, then the work with what is due next. */
export function CreatorTaskCards({ tasks, respond = true }: { tasks: CreatorTaskCard[]; respond?: boolean }) {
  if (tasks.length === 0)
    return (
      <EmptyState title="No tasks offered to you yet">
        When the agency offers you a task, it appears here with its fee and due date.
      </EmptyState>
    );
  return (
    <ul className="grid gap-3 md:grid-cols-2" aria-label="Your tasks">
      {tasks.map((t) => (
        <li key={t.id}>
          <article
            aria-label={t.title}
            className={`grid h-full gap-2 rounded-xl border bg-card p-4 shadow-xs ${t.overdue ? "border-destructive/60" : ""}`}
          >
            <div className="flex flex-wrap items-start justify-between gap-2">
              <h3 className="font-medium leading-snug">
                <Link href={`/creator/tasks/${t.id}`} className="hover:underline">
                  {t.title}
                </Link>
              </h3>
              <span className="flex flex-wrap gap-1">
                <TaskStatusBadge status={t.status} />
                <OverdueBadge overdue={t.overdue} />
              </span>
            </div>
            <p className="text-sm text-muted-foreground">
              {t.campaignName} · {deliverableLabel(t.deliverableType)}
            </p>
            <dl className="grid grid-cols-[auto_1fr] gap-x-3 text-sm">
              <dt className="text-muted-foreground">Fee</dt>
              <dd className="tabular-nums">{formatFee(t.fee, t.currency)}</dd>
              <dt className="text-muted-foreground">Due</dt>
              <dd>{formatDate(t.dueAt)}</dd>
              {t.nextDue && t.status !== "OFFERED" ? (
                <>
                  <dt className="text-muted-foreground">Next</dt>
                  <dd>{ARTIFACT_TYPE_LABELS[t.nextDue]}</dd>
                </>
              ) : null}
              {t.latest ? (
                <>
                  <dt className="text-muted-foreground">Latest</dt>
                  <dd>{t.latest}</dd>
                </>
              ) : null}
            </dl>
            {respond && t.status === "OFFERED" ? <RespondToTask taskId={t.id} title={t.title} /> : null}
          </article>
        </li>
      ))}
    </ul>
  );
}
