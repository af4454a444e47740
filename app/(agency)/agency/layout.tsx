import { PortalShell, type NavItem } from "@/components/shell/portal-shell";
import { requirePortal } from "@/lib/auth/guards";

const NAV: NavItem[] = [
  { href: "/agency", label: "Dashboard", exact: true },
  { href: "/agency/clients", label: "Clients", permission: "client.read" },
  { href: "/agency/campaigns", label: "Campaigns", permission: "campaign.read" },
  { href: "/agency/influencers", label: "Influencers", permission: "influencer.read" },
  { href: "/agency/approvals", label: "Approvals", permission: "approval.decide" },
];

export default async function AgencyLayout({ children }: { children: React.ReactNode }) {
  const ctx = await requirePortal("agency");
  return (
    <PortalShell ctx={ctx} portal="agency" title="Agency" nav={NAV}>
      {children}
    </PortalShell>
  );
}
