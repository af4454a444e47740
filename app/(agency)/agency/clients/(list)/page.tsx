import type { Metadata } from "next";
import Link from "next/link";
import { ClientsList } from "@/components/clients/clients-list";
import { PageHeader } from "@/components/shell/page-header";
import { Button } from "@/components/ui/button";
import { requirePagePermission, requirePortal } from "@/lib/auth/guards";
import { can } from "@/lib/auth/permissions";

export const metadata: Metadata = { title: "Clients" };

export default async function ClientsPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const ctx = await requirePortal("agency");
  await requirePagePermission(ctx, "client.read");
  return (
    <>
      <PageHeader
        title="Clients"
        description="Brands the agency works for, with their contacts and history."
        actions={
          can(ctx, "client.create") ? (
            <Button asChild>
              <Link href="/agency/clients/new">New client</Link>
            </Button>
          ) : null
        }
      />
      <ClientsList ctx={ctx} basePath="/agency/clients" searchParams={await searchParams} />
    </>
  );
}
