import type { Metadata } from "next";
import { ClientForm } from "@/components/clients/client-form";
import { PageHeader } from "@/components/shell/page-header";
import { Card, CardContent } from "@/components/ui/card";
import { requirePagePermission, requirePortal } from "@/lib/auth/guards";
import { listClients } from "@/lib/domain/clients/list-clients";

export const metadata: Metadata = { title: "New client" };

export default async function NewClientPage() {
  const ctx = await requirePortal("agency");
  await requirePagePermission(ctx, "client.create");
  const parents = await listClients(ctx, { take: 100 });
  return (
    <>
      <PageHeader title="New client" description="A brand or group the agency works for." />
      <Card>
        <CardContent className="pt-5">
          <ClientForm parents={parents.items.map(({ id, name }) => ({ id, name }))} />
        </CardContent>
      </Card>
    </>
  );
}
