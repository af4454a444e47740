import { PortalShell, type NavItem } from "@/components/shell/portal-shell";
import { requireUser } from "@/lib/auth/guards";
import { portalsFor } from "@/lib/auth/portals";

// The account page belongs to no portal: it keeps the frame of the user's home portal, with a way back.
export default async function AccountLayout({ children }: { children: React.ReactNode }) {
  const ctx = await requireUser();
  const home = portalsFor(ctx)[0];
  const nav: NavItem[] = [
    ...(home ? [{ href: home.path, label: `${home.label} portal`, exact: true }] : []),
    { href: "/account", label: "Your account", exact: true },
  ];
  return (
    <PortalShell ctx={ctx} portal={home?.key ?? "agency"} title="Account" nav={nav}>
      {children}
    </PortalShell>
  );
}
