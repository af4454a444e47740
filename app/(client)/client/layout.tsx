import { PortalShell, type NavItem } from "@/components/shell/portal-shell";
import { requirePortal } from "@/lib/auth/guards";

const NAV: NavItem[] = [
  { href: "/client", label: "Dashboard", exact: true },
  { href: "/client/campaigns", label: "Campaigns", permission: "campaign.read" },
  { href: "/client/approvals", label: "Approvals", permission: "approval.decide" },
  { href: "/client/invoices", label: "Invoices", permission: "finance.read" },
];

export default async function ClientLayout({ children }: { children: React.ReactNode }) {
  const ctx = await requirePortal("client");
  return (
    <PortalShell ctx={ctx} portal="client" title="Client" nav={NAV}>
      {children}
    </PortalShell>
  );
}
