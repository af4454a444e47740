import type { Metadata } from "next";
import { ClientDetails } from "@/components/clients/client-details";
import { ClientStatusBadge } from "@/components/clients/client-status-badge";
import { ContactsPanel } from "@/components/clients/contacts-panel";
import { Breadcrumb, PageHeader } from "@/components/shell/page-header";
import { orNotFound, requirePagePermission, requirePortal } from "@/lib/auth/guards";
import { getClient } from "@/lib/domain/clients/get-client";

export const metadata: Metadata = { title: "Client" };

export default async function FinanceClientPage({ params }: { params: Promise<{ id: string }> }) {
  const ctx = await requirePortal("finance");
  await requirePagePermission(ctx, "client.read");
  const client = await orNotFound(getClient(ctx, (await params).id));
  return (
    <>
      <Breadcrumb parent={{ href: "/finance/clients", label: "Clients" }} current={client.name} />
      <PageHeader
        title={client.name}
        description={<ClientStatusBadge status={client.status} archived={Boolean(client.archivedAt)} />}
      />
      <div className="grid gap-6 lg:grid-cols-2">
        <ClientDetails client={client} basePath="/finance/clients" />
        <ContactsPanel clientId={client.id} contacts={client.contacts} editable={false} />
      </div>
    </>
  );
}
