import type { Metadata } from "next";
import Link from "next/link";
import { ArchiveButton } from "@/components/clients/archive-button";
import { ClientDetails } from "@/components/clients/client-details";
import { ClientStatusBadge } from "@/components/clients/client-status-badge";
import { ClientTimeline } from "@/components/clients/client-timeline";
import { ContactsPanel } from "@/components/clients/contacts-panel";
import { Breadcrumb, PageHeader } from "@/components/shell/page-header";
import { Button } from "@/components/ui/button";
import { orNotFound, requirePagePermission, requirePortal } from "@/lib/auth/guards";
import { can } from "@/lib/auth/permissions";
import { getClient } from "@/lib/domain/clients/get-client";
import { getClientTimeline } from "@/lib/domain/clients/get-client-timeline";
import { formatDateTime } from "@/lib/utils";

export const metadata: Metadata = { title: "Client" };

export default async function ClientPage({ params }: { params: Promise<{ id: string }> }) {
  const ctx = await requirePortal("agency");
  await requirePagePermission(ctx, "client.read");
  const { id } = await params;
  const [client, timeline] = await Promise.all([
    orNotFound(getClient(ctx, id)),
    orNotFound(getClientTimeline(ctx, id)),
  ]);
  return (
    <>
      <Breadcrumb parent={{ href: "/agency/clients", label: "Clients" }} current={client.name} />
      <PageHeader
        title={client.name}
        description={
          <span className="flex flex-wrap items-center gap-2">
            <ClientStatusBadge status={client.status} archived={Boolean(client.archivedAt)} />
            <span>Updated {formatDateTime(client.updatedAt)}</span>
          </span>
        }
        actions={
          <>
            {can(ctx, "client.update") && !client.archivedAt ? (
              <Button asChild>
                <Link href={`/agency/clients/${client.id}/edit`}>Edit</Link>
              </Button>
            ) : null}
            {can(ctx, "client.archive") ? (
              <ArchiveButton clientId={client.id} name={client.name} archived={Boolean(client.archivedAt)} />
            ) : null}
          </>
        }
      />
      <div className="grid gap-6 lg:grid-cols-[3fr_2fr]">
        <div className="grid content-start gap-6">
          <ClientDetails client={client} basePath="/agency/clients" />
          <ContactsPanel
            clientId={client.id}
            contacts={client.contacts}
            editable={can(ctx, "client.update") && !client.archivedAt}
          />
        </div>
        <ClientTimeline entries={timeline} />
      </div>
    </>
  );
}
