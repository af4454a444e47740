import type { Metadata } from "next";
import { ClientForm } from "@/components/clients/client-form";
import { PageHeader } from "@/components/shell/page-header";
import { Card, CardContent } from "@/components/ui/card";
import { orNotFound, requirePagePermission, requirePortal } from "@/lib/auth/guards";
import { getClient } from "@/lib/domain/clients/get-client";
import { listClients } from "@/lib/domain/clients/list-clients";

export const metadata: Metadata = { title: "Edit client" };

export default async function EditClientPage({ params }: { params: Promise<{ id: string }> }) {
  const ctx = await requirePortal("agency");
  await requirePagePermission(ctx, "client.update");
  const { id } = await params;
  const [client, parents] = await Promise.all([orNotFound(getClient(ctx, id)), listClients(ctx, { take: 100 })]);
  return (
    <>
      <PageHeader
        title={`Edit ${client.name}`}
        description={`Version ${client.version}. If someone else saves first, you will be asked to reload.`}
      />
      <Card>
        <CardContent className="pt-5">
          <ClientForm
            client={client}
            parents={parents.items.map(({ id: parentId, name }) => ({ id: parentId, name }))}
          />
        </CardContent>
      </Card>
    </>
  );
}
