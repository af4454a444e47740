import type { Metadata } from "next";
import Link from "next/link";
import { PageHeader } from "@/components/shell/page-header";
import { StatCard } from "@/components/shell/stat-card";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { requirePortal } from "@/lib/auth/guards";
import { can } from "@/lib/auth/permissions";
import { listAuditLog } from "@/lib/domain/admin/list-audit-log";
import { listOutbox } from "@/lib/domain/admin/list-outbox";
import { listUsers } from "@/lib/domain/users/list-users";
import { formatDateTime } from "@/lib/utils";

export const metadata: Metadata = { title: "Admin dashboard" };

export default async function AdminDashboard() {
  const ctx = await requirePortal("admin");
  const [people, audit, outbox] = await Promise.all([
    can(ctx, "user.read") ? listUsers(ctx) : null,
    can(ctx, "audit.read") ? listAuditLog(ctx, { take: 8 }) : null,
    can(ctx, "outbox.read") ? listOutbox(ctx, { take: 5 }) : null,
  ]);
  return (
    <>
      <PageHeader
        title="Administration"
        description="Users, permissions, the audit log and outgoing e-mail of your agency."
      />
      <div className="grid gap-6">
        <div className="grid grid-cols-2 gap-4 lg:grid-cols-4">
          {people ? <StatCard label="Users" value={people.users.length} href="/admin/users" /> : null}
          {people ? <StatCard label="Open invitations" value={people.invitations.length} href="/admin/users" /> : null}
          {people ? (
            <StatCard
              label="Without MFA"
              value={people.users.filter((u) => !u.mfaEnabledAt).length}
              href="/admin/users"
            />
          ) : null}
          {outbox ? <StatCard label="Recent e-mails" value={outbox.length} href="/admin/outbox" /> : null}
        </div>
        {audit ? (
          <Card>
            <CardHeader className="flex-row items-center justify-between">
              <CardTitle>Latest activity</CardTitle>
              <Link href="/admin/audit" className="text-sm text-primary hover:underline">
                Full audit log
              </Link>
            </CardHeader>
            <CardContent>
              <ul className="divide-y text-sm">
                {audit.items.map((entry) => (
                  <li key={entry.id} className="flex flex-wrap justify-between gap-2 py-2">
                    <span>
                      <span className="font-mono text-xs">{entry.action}</span> {entry.display}
                    </span>
                    <span className="text-xs text-muted-foreground">
                      {entry.actorEmail ?? "system"} · {formatDateTime(entry.createdAt)}
                    </span>
                  </li>
                ))}
              </ul>
            </CardContent>
          </Card>
        ) : null}
      </div>
    </>
  );
}
