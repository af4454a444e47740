import Link from "next/link";
import type { AuthContext } from "@/lib/auth/context";
import { can, type Permission } from "@/lib/auth/permissions";
import { portalsFor, type PortalKey } from "@/lib/auth/portals";
import { NotificationBell } from "@/components/notifications/notification-bell";
import { NavLink } from "./nav-link";
import { ShellFrame } from "./shell-frame";
import { SignOutButton } from "./sign-out-button";

export type NavItem = { href: string; label: string; permission?: Permission; exact?: boolean };

/** The frame of every portal: brand, navigation (a column on laptops, a menu on phones; rendered once), user. */
export function PortalShell({
  ctx,
  portal,
  title,
  nav,
  children,
}: {
  ctx: AuthContext;
  portal: PortalKey;
  title: string;
  nav: NavItem[];
  children: React.ReactNode;
}) {
  const items = nav.filter((item) => !item.permission || can(ctx, item.permission));
  const otherPortals = portalsFor(ctx).filter((p) => p.key !== portal);
  return (
    <ShellFrame
      title={title}
      brand={
        <>
          <span className="text-lg font-bold tracking-tight">
            TiKiT<span className="text-primary">.</span>
          </span>
          <span className="rounded bg-accent px-1.5 py-0.5 text-xs font-medium text-accent-foreground">{title}</span>
        </>
      }
      sidebar={
        <>
          <nav aria-label={`${title} navigation`} className="flex flex-1 flex-col gap-1 p-3">
            {items.map((item) => (
              <NavLink key={item.href} href={item.href} exact={item.exact}>
                {item.label}
              </NavLink>
            ))}
          </nav>
          {otherPortals.length ? (
            <div className="border-t p-3 text-xs text-muted-foreground">
              <p className="px-2 pb-1 font-medium">Other portals</p>
              {otherPortals.map((p) => (
                <Link
                  key={p.key}
                  href={p.path}
                  className="block rounded px-2 py-1 hover:bg-accent hover:text-accent-foreground"
                >
                  {p.label}
                </Link>
              ))}
            </div>
          ) : null}
        </>
      }
      headerEnd={
        <div className="ml-auto flex items-center gap-2 text-sm">
          <NotificationBell ctx={ctx} />
          <Link href="/account" className="hidden text-right leading-tight hover:underline sm:block">
            <span className="block font-medium">{ctx.name}</span>
            <span className="block text-xs text-muted-foreground">{ctx.email}</span>
          </Link>
          <SignOutButton />
        </div>
      }
    >
      {children}
    </ShellFrame>
  );
}
