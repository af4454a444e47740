import type { Metadata } from "next";
import { ClientDetails } from "@/components/clients/client-details";
import { ClientStatusBadge } from "@/components/clients/client-status-badge";
import { ContactsPanel } from "@/components/clients/contacts-panel";
import { Breadcrumb, PageHeader } from "@/components/shell/page-header";
import { orNotFound, requirePagePermission, requirePortal } from "@/lib/auth/guards";
import { getClient } from "@/lib/domain/clients/get-client";

export const metadata: Metadata = { title: "Your brand" };

// A client user sees their own client only: getClient scopes the query to their client assignment,
// so any other id is simply not found.
export default async function ClientBrandPage({ params }: { params: Promise<{ id: string }> }) {
  const ctx = await requirePortal("client");
  await requirePagePermission(ctx, "client.read");
  const client = await orNotFound(getClient(ctx, (await params).id));
  return (
    <>
      <Breadcrumb parent={{ href: "/client", label: "Dashboard" }} current={client.name} />
      <PageHeader
        title={client.name}
        description={<ClientStatusBadge status={client.status} archived={Boolean(client.archivedAt)} />}
      />
      <div className="grid gap-6 lg:grid-cols-2">
        <ClientDetails client={client} basePath="/client/clients" />
        <ContactsPanel clientId={client.id} contacts={client.contacts} editable={false} />
      </div>
    </>
  );
}
