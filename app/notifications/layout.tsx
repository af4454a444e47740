import { PortalShell, type NavItem } from "@/components/shell/portal-shell";
import { requireUser } from "@/lib/auth/guards";
import { portalsFor } from "@/lib/auth/portals";

// Notifications belong to no portal: like /account, they keep the frame of the user's home portal.
export default async function NotificationsLayout({ children }: { children: React.ReactNode }) {
  const ctx = await requireUser();
  const home = portalsFor(ctx)[0];
  const nav: NavItem[] = [
    ...(home ? [{ href: home.path, label: `${home.label} portal`, exact: true }] : []),
    { href: "/notifications", label: "Notifications", exact: true },
  ];
  return (
    <PortalShell ctx={ctx} portal={home?.key ?? "agency"} title="Notifications" nav={nav}>
      {children}
    </PortalShell>
  );
}
