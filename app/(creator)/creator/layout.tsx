import { PortalShell, type NavItem } from "@/components/shell/portal-shell";
import { requirePortal } from "@/lib/auth/guards";

const NAV: NavItem[] = [
  { href: "/creator", label: "Dashboard", exact: true },
  { href: "/creator/tasks", label: "Tasks" },
  { href: "/creator/earnings", label: "Earnings", permission: "creator.self" },
];

export default async function CreatorLayout({ children }: { children: React.ReactNode }) {
  const ctx = await requirePortal("creator");
  return (
    <PortalShell ctx={ctx} portal="creator" title="Creator" nav={NAV}>
      {children}
    </PortalShell>
  );
}
