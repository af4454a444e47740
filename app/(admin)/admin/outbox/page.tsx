import type { Metadata } from "next";
import Link from "next/link";
import { ChevronRightIcon } from "lucide-react";
import { EmptyState, PageHeader } from "@/components/shell/page-header";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { requirePagePermission, requirePortal } from "@/lib/auth/guards";
import { listOutbox } from "@/lib/domain/admin/list-outbox";
import { formatDateTime } from "@/lib/utils";
import { LinkifiedText } from "./linkified-text";

export const metadata: Metadata = { title: "Outbox" };

const PAGE = 50;
const MAX = 200;

const STATUS = {
  STORED: {
    label: "Stored",
    variant: "secondary",
    hint: "kept here, not handed to an SMTP server (none is configured)",
  },
  SENT: { label: "Sent", variant: "success", hint: "handed to the SMTP server" },
  FAILED: { label: "Failed", variant: "destructive", hint: "the SMTP server refused it" },
} as const;

export default async function OutboxPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const ctx = await requirePortal("admin");
  await requirePagePermission(ctx, "outbox.read");
  const { all } = await searchParams;
  const take = all === "1" ? MAX : PAGE;
  const emails = await listOutbox(ctx, { take });

  return (
    <>
      <PageHeader
        title="Outbox"
        description="Every e-mail the app sent for your agency, newest first. Without an SMTP server (development) they are only stored here: open one to follow its links."
      />
      {emails.length === 0 ? (
        <EmptyState title="No e-mails yet">Invitations and password resets will appear here.</EmptyState>
      ) : (
        <div className="grid gap-4">
          <Card className="overflow-hidden">
            <div
              className="hidden grid-cols-[minmax(0,14rem)_minmax(0,1fr)_6rem_11rem] gap-3 border-b bg-muted py-2 pr-4 pl-10 text-xs font-medium text-muted-foreground md:grid"
              aria-hidden
            >
              <span>To</span>
              <span>Subject</span>
              <span>Status</span>
              <span>Time (UTC)</span>
            </div>
            <ol className="divide-y" aria-label="E-mails, newest first">
              {emails.map((email) => {
                const status = STATUS[email.status];
                return (
                  <li key={email.id}>
                    <details className="group">
                      <summary className="flex cursor-pointer list-none items-start gap-2 px-4 py-3 hover:bg-muted/50 focus-visible:bg-muted/50 focus-visible:outline-none [&::-webkit-details-marker]:hidden">
                        <ChevronRightIcon
                          aria-hidden
                          className="mt-0.5 size-4 shrink-0 text-muted-foreground transition-transform group-open:rotate-90"
                        />
                        <div className="grid min-w-0 flex-1 gap-1 md:grid-cols-[minmax(0,14rem)_minmax(0,1fr)_6rem_11rem] md:items-start md:gap-3">
                          <span className="truncate text-sm font-medium md:font-normal" title={email.to}>
                            {email.to}
                          </span>
                          <span className="text-sm">{email.subject}</span>
                          <span>
                            <Badge variant={status.variant} title={status.hint}>
                              {status.label}
                            </Badge>
                          </span>
                          <time
                            dateTime={email.createdAt.toISOString()}
                            className="text-xs text-muted-foreground tabular-nums md:text-sm"
                          >
                            {formatDateTime(email.createdAt)}
                          </time>
                        </div>
                      </summary>
                      <div className="grid gap-3 border-t bg-muted/30 px-4 py-4 md:pl-10">
                        <dl className="grid grid-cols-[5rem_minmax(0,1fr)] gap-x-3 gap-y-1 text-xs">
                          <dt className="text-muted-foreground">To</dt>
                          <dd className="break-all">{email.to}</dd>
                          <dt className="text-muted-foreground">Subject</dt>
                          <dd>{email.subject}</dd>
                          <dt className="text-muted-foreground">Status</dt>
                          <dd>
                            {status.label}: {status.hint}
                            {email.sentAt ? ` (${formatDateTime(email.sentAt)})` : ""}
                          </dd>
                          {email.error ? (
                            <>
                              <dt className="text-muted-foreground">Error</dt>
                              <dd className="break-all text-destructive">{email.error}</dd>
                            </>
                          ) : null}
                        </dl>
                        <pre className="overflow-x-auto rounded-md border bg-background p-3 font-sans text-sm leading-relaxed break-words whitespace-pre-wrap">
                          <LinkifiedText text={email.text} />
                        </pre>
                      </div>
                    </details>
                  </li>
                );
              })}
            </ol>
          </Card>
          {take === PAGE && emails.length === PAGE ? (
            <div>
              <Button asChild variant="outline">
                <Link href="/admin/outbox?all=1">Show up to {MAX} e-mails</Link>
              </Button>
            </div>
          ) : (
            <p className="text-sm text-muted-foreground">
              {emails.length === MAX
                ? `Showing the newest ${MAX} e-mails.`
                : `${emails.length} ${emails.length === 1 ? "e-mail" : "e-mails"}.`}
            </p>
          )}
        </div>
      )}
    </>
  );
}
