import { PortalShell, type NavItem } from "@/components/shell/portal-shell";
import { requirePortal } from "@/lib/auth/guards";

const NAV: NavItem[] = [
  { href: "/finance", label: "Dashboard", exact: true },
  { href: "/finance/queue", label: "Queue", permission: "finance.approve" },
  { href: "/finance/objects", label: "Invoices", permission: "finance.read" },
  { href: "/finance/payouts", label: "Payouts", permission: "finance.read" },
  { href: "/finance/clients", label: "Clients", permission: "client.read" },
  { href: "/finance/campaigns", label: "Campaigns", permission: "campaign.read" },
];

export default async function FinanceLayout({ children }: { children: React.ReactNode }) {
  const ctx = await requirePortal("finance");
  return (
    <PortalShell ctx={ctx} portal="finance" title="Finance" nav={NAV}>
      {children}
    </PortalShell>
  );
}
