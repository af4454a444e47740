import { PortalShell, type NavItem } from "@/components/shell/portal-shell";
import { requirePortal } from "@/lib/auth/guards";

const NAV: NavItem[] = [
  { href: "/admin", label: "Dashboard", exact: true },
  { href: "/admin/users", label: "Users", permission: "user.read" },
  { href: "/admin/permissions", label: "Permissions", permission: "permission.manage" },
  { href: "/admin/audit", label: "Audit log", permission: "audit.read" },
  { href: "/admin/outbox", label: "Outbox", permission: "outbox.read" },
];

export default async function AdminLayout({ children }: { children: React.ReactNode }) {
  const ctx = await requirePortal("admin");
  return (
    <PortalShell ctx={ctx} portal="admin" title="Admin" nav={NAV}>
      {children}
    </PortalShell>
  );
}
