import type { Metadata } from "next";
import Link from "next/link";
import { ClientStatusBadge } from "@/components/clients/client-status-badge";
import { EmptyState, PageHeader } from "@/components/shell/page-header";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { requirePortal } from "@/lib/auth/guards";
import { listClients } from "@/lib/domain/clients/list-clients";

export const metadata: Metadata = { title: "Client dashboard" };

export default async function ClientDashboard() {
  const ctx = await requirePortal("client");
  const { items } = await listClients(ctx, { take: 20 });
  return (
    <>
      <PageHeader
        title={`Welcome, ${ctx.name.split(" ")[0]}`}
        description="Your brand's work with the agency: campaigns, approvals and reports."
      />
      {items.length === 0 ? (
        <EmptyState title="No brand is linked to your account">Ask your agency contact to give you access.</EmptyState>
      ) : (
        <div className="grid gap-4 sm:grid-cols-2">
          {items.map((client) => (
            <Link
              key={client.id}
              href={`/client/clients/${client.id}`}
              className="rounded-xl focus-visible:ring-[3px] focus-visible:ring-ring/50 focus-visible:outline-none"
            >
              <Card className="h-full transition-colors hover:bg-muted/40">
                <CardHeader>
                  <CardTitle className="flex items-center justify-between gap-2">
                    {client.name}
                    <ClientStatusBadge status={client.status} />
                  </CardTitle>
                  <CardDescription>{client.industry ?? "—"}</CardDescription>
                </CardHeader>
                <CardContent className="text-sm text-muted-foreground">
                  {client._count.contacts} contact(s) on file
                </CardContent>
              </Card>
            </Link>
          ))}
        </div>
      )}
      <div className="mt-6">
        <EmptyState title="No approvals waiting for you">
          Briefs, shortlists and content sent for your approval will be listed here.
        </EmptyState>
      </div>
    </>
  );
}
