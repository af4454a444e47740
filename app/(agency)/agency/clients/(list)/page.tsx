import type { Metadata } from "next";
import { ClientsList } from "@/components/clients/clients-list";
import { NewClientButton } from "@/components/clients/new-client-button";
import { PageHeader } from "@/components/shell/page-header";
import { requirePagePermission, requirePortal } from "@/lib/auth/guards";

export const metadata: Metadata = { title: "Clients" };

export default async function ClientsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | undefined>>;
}) {
  const ctx = await requirePortal("agency");
  await requirePagePermission(ctx, "client.read");
  return (
    <>
      <PageHeader
        title="Clients"
        description="Brands the agency works for, with their contacts and history."
        actions={<NewClientButton ctx={ctx} />}
      />
      <ClientsList ctx={ctx} basePath="/agency/clients" searchParams={await searchParams} />
    </>
  );
}
