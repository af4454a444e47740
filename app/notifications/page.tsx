import type { Metadata } from "next";
import Link from "next/link";
import { formatDate } from "@/components/approvals/approval-status-badge";
import { MarkReadButton } from "@/components/notifications/mark-read-button";
import { EmptyState, PageHeader } from "@/components/shell/page-header";
import { requireUser } from "@/lib/auth/guards";
import { listNotifications } from "@/lib/domain/notifications/list-notifications";

export const metadata: Metadata = { title: "Notifications" };

export default async function NotificationsPage({ searchParams }: { searchParams: Promise<{ page?: string }> }) {
  const ctx = await requireUser();
  const page = Math.max(1, Math.min(10000, Number((await searchParams).page) || 1));
  const list = await listNotifications(ctx, { page, take: 30 });
  const pages = Math.max(1, Math.ceil(list.total / list.pageSize));
  return (
    <>
      <PageHeader
        title="Notifications"
        description={`${list.unread} unread`}
        actions={list.unread ? <MarkReadButton all label="Mark all read" /> : null}
      />
      {list.items.length === 0 ? (
        <EmptyState title="No notifications yet">
          Approval requests, decisions and comments will appear here.
        </EmptyState>
      ) : (
        <ul className="grid gap-2" aria-label="Notifications">
          {list.items.map((n) => (
            <li
              key={n.id}
              className={`flex flex-wrap items-start justify-between gap-3 rounded-lg border p-3 ${n.readAt ? "" : "border-primary/40 bg-accent/40"}`}
            >
              <div className="min-w-0 flex-1">
                <p className="font-medium">
                  {!n.readAt ? <span className="sr-only">Unread: </span> : null}
                  {n.link ? (
                    <Link href={n.link} className="underline-offset-4 hover:underline">
                      {n.title}
                    </Link>
                  ) : (
                    n.title
                  )}
                </p>
                {n.body ? <p className="mt-1 text-sm whitespace-pre-wrap text-muted-foreground">{n.body}</p> : null}
                <p className="mt-1 text-xs text-muted-foreground">{formatDate(n.createdAt)}</p>
              </div>
              {!n.readAt ? <MarkReadButton ids={[n.id]} label="Mark read" /> : null}
            </li>
          ))}
        </ul>
      )}
      {pages > 1 ? (
        <nav aria-label="Pages" className="mt-4 flex gap-3 text-sm">
          {page > 1 ? <Link href={`/notifications?page=${page - 1}`}>Previous</Link> : null}
          <span>
            Page {page} of {pages}
          </span>
          {page < pages ? <Link href={`/notifications?page=${page + 1}`}>Next</Link> : null}
        </nav>
      ) : null}
    </>
  );
}
