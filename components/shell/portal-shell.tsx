import Link from "next/link";
import { MenuIcon } from "lucide-react";
import type { AuthContext } from "@/lib/auth/context";
import { can, type Permission } from "@/lib/auth/permissions";
import { portalsFor, type PortalKey } from "@/lib/auth/portals";
import { NotificationBell } from "@/components/notifications/notification-bell";
import { NavLink } from "./nav-link";
import { SignOutButton } from "./sign-out-button";

export type NavItem = { href: string; label: string; permission?: Permission; exact?: boolean };

/** The frame of every portal: brand, navigation (sidebar on laptops, a disclosure menu on phones), user. */
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
  const links = (
    <>
      {items.map((item) => (
        <NavLink key={item.href} href={item.href} exact={item.exact}>
          {item.label}
        </NavLink>
      ))}
    </>
  );
  return (
    <div className="min-h-dvh md:grid md:grid-cols-[15rem_1fr]">
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:top-2 focus:left-2 focus:z-50 focus:rounded focus:bg-background focus:p-2"
      >
        Skip to content
      </a>
      <aside className="hidden border-r bg-sidebar md:flex md:flex-col">
        <div className="flex h-14 items-center gap-2 border-b px-5">
          <span className="text-lg font-bold tracking-tight">
            TiKiT<span className="text-primary">.</span>
          </span>
          <span className="rounded bg-accent px-1.5 py-0.5 text-xs font-medium text-accent-foreground">{title}</span>
        </div>
        <nav aria-label={`${title} navigation`} className="flex flex-1 flex-col gap-1 p-3">
          {links}
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
      </aside>
      <div className="flex min-w-0 flex-col">
        <header className="sticky top-0 z-30 flex h-14 items-center gap-3 border-b bg-background/95 px-4 backdrop-blur md:px-6">
          <details className="relative md:hidden">
            <summary
              className="flex cursor-pointer list-none items-center gap-2 rounded-md border px-2 py-1.5 text-sm"
              aria-label="Menu"
            >
              <MenuIcon className="size-4" aria-hidden />
              <span className="font-semibold">{title}</span>
            </summary>
            <nav
              aria-label={`${title} navigation`}
              className="absolute left-0 mt-2 flex w-56 flex-col gap-1 rounded-lg border bg-popover p-2 shadow-lg"
            >
              {links}
              {otherPortals.map((p) => (
                <Link
                  key={p.key}
                  href={p.path}
                  className="rounded px-3 py-2 text-sm text-muted-foreground hover:bg-accent"
                >
                  {p.label} portal
                </Link>
              ))}
            </nav>
          </details>
          <div className="ml-auto flex items-center gap-2 text-sm">
            <NotificationBell ctx={ctx} />
            <Link href="/account" className="hidden text-right leading-tight hover:underline sm:block">
              <span className="block font-medium">{ctx.name}</span>
              <span className="block text-xs text-muted-foreground">{ctx.email}</span>
            </Link>
            <SignOutButton />
          </div>
        </header>
        <main id="main" className="mx-auto w-full max-w-6xl flex-1 p-4 md:p-6">
          {children}
        </main>
      </div>
    </div>
  );
}
