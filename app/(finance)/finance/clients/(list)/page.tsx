import type { Metadata } from "next";
import { ClientsList } from "@/components/clients/clients-list";
import { PageHeader } from "@/components/shell/page-header";
import { requirePagePermission, requirePortal } from "@/lib/auth/guards";

export const metadata: Metadata = { title: "Clients" };

export default async function FinanceClientsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | undefined>>;
}) {
  const ctx = await requirePortal("finance");
  await requirePagePermission(ctx, "client.read");
  return (
    <>
      <PageHeader title="Clients" description="Billing details of the agency's clients (read-only)." />
      <ClientsList ctx={ctx} basePath="/finance/clients" searchParams={await searchParams} />
    </>
  );
}
