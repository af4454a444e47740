"use client";

import { useState } from "react";
import { usePathname } from "next/navigation";
import { MenuIcon, XIcon } from "lucide-react";
import { cn } from "@/lib/utils";

/**
 * The portal frame's layout and its one piece of state: whether the navigation is open on a phone. The navigation
 * is rendered once (on the server, passed in as `sidebar`): a column on laptops, a panel under the header opened
 * by the menu button on phones. It closes again when the page changes.
 */
export function ShellFrame({
  title,
  brand,
  sidebar,
  headerEnd,
  children,
}: {
  title: string;
  brand: React.ReactNode;
  sidebar: React.ReactNode;
  headerEnd: React.ReactNode;
  children: React.ReactNode;
}) {
  // Open on the page where it was opened: navigating closes it without an effect.
  const pathname = usePathname();
  const [openOn, setOpenOn] = useState<string | null>(null);
  const open = openOn === pathname;
  return (
    <div className="min-h-dvh md:grid md:grid-cols-[15rem_1fr]">
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:top-2 focus:left-2 focus:z-50 focus:rounded focus:bg-background focus:p-2"
      >
        Skip to content
      </a>
      <aside
        id="portal-navigation"
        className={cn(
          "border-r bg-sidebar md:static md:flex md:flex-col md:shadow-none",
          open ? "fixed inset-x-0 top-14 bottom-0 z-40 flex flex-col overflow-y-auto shadow-lg" : "hidden",
        )}
      >
        <div className="hidden h-14 items-center gap-2 border-b px-5 md:flex">{brand}</div>
        {sidebar}
      </aside>
      <div className="flex min-w-0 flex-col">
        <header className="sticky top-0 z-30 flex h-14 items-center gap-3 border-b bg-background/95 px-4 backdrop-blur md:px-6">
          <button
            type="button"
            className="flex items-center gap-2 rounded-md border px-2 py-1.5 text-sm md:hidden"
            aria-expanded={open}
            aria-controls="portal-navigation"
            aria-label={open ? "Close menu" : "Menu"}
            onClick={() => setOpenOn(open ? null : pathname)}
          >
            {open ? <XIcon className="size-4" aria-hidden /> : <MenuIcon className="size-4" aria-hidden />}
            <span className="font-semibold">{title}</span>
          </button>
          {headerEnd}
        </header>
        <main id="main" className="mx-auto w-full max-w-6xl flex-1 p-4 md:p-6">
          {children}
        </main>
      </div>
    </div>
  );
}
