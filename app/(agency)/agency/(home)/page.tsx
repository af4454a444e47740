import type { Metadata } from "next";
import Link from "next/link";
import { ClientStatusBadge } from "@/components/clients/client-status-badge";
import { NewClientButton } from "@/components/clients/new-client-button";
import { EmptyState, PageHeader } from "@/components/shell/page-header";
import { ClientStatCards } from "@/components/clients/client-stat-cards";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { requirePortal } from "@/lib/auth/guards";
import { can } from "@/lib/auth/permissions";
import { getClientStats } from "@/lib/domain/clients/get-client-stats";
import { formatDateTime } from "@/lib/utils";

export const metadata: Metadata = { title: "Agency dashboard" };

export default async function AgencyDashboard() {
  const ctx = await requirePortal("agency");
  const stats = can(ctx, "client.read") ? await getClientStats(ctx) : null;
  return (
    <>
      <PageHeader
        title={`Welcome, ${ctx.name.split(" ")[0]}`}
        description="Your agency at a glance. Campaigns, approvals and risk arrive here as they are built."
        actions={<NewClientButton ctx={ctx} />}
      />
      {stats ? (
        <div className="grid gap-6">
          <ClientStatCards stats={stats} basePath="/agency/clients" />
          <Card>
            <CardHeader>
              <CardTitle>Recently updated clients</CardTitle>
            </CardHeader>
            <CardContent>
              {stats.recent.length === 0 ? (
                <EmptyState title="No clients yet">Create your first client to get started.</EmptyState>
              ) : (
                <ul className="divide-y">
                  {stats.recent.map((client) => (
                    <li key={client.id} className="flex flex-wrap items-center justify-between gap-2 py-2.5">
                      <Link href={`/agency/clients/${client.id}`} className="font-medium hover:underline">
                        {client.name}
                      </Link>
                      <span className="flex items-center gap-3 text-xs text-muted-foreground">
                        <ClientStatusBadge status={client.status} />
                        {formatDateTime(client.updatedAt)}
                      </span>
                    </li>
                  ))}
                </ul>
              )}
            </CardContent>
          </Card>
        </div>
      ) : (
        <EmptyState title="Nothing to show yet" />
      )}
    </>
  );
}
