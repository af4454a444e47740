import Link from "next/link";
import { BellIcon } from "lucide-react";
import type { AuthContext } from "@/lib/auth/context";
import { countUnreadNotifications } from "@/lib/domain/notifications/list-notifications";

/** The header bell: the caller's unread count, read on the server with each page (no polling). */
export async function NotificationBell({ ctx }: { ctx: AuthContext }) {
  const unread = await countUnreadNotifications(ctx);
  const label = unread ? `Notifications, ${unread} unread` : "Notifications";
  return (
    <Link
      href="/notifications"
      aria-label={label}
      title={label}
      data-testid="notification-bell"
      className="relative inline-flex size-9 items-center justify-center rounded-md hover:bg-accent"
    >
      <BellIcon className="size-5" aria-hidden />
      {unread ? (
        <span
          data-testid="notification-count"
          className="absolute -top-0.5 -right-0.5 min-w-5 rounded-full bg-primary px-1 text-center text-xs font-semibold leading-5 text-primary-foreground"
        >
          {unread > 99 ? "99+" : unread}
        </span>
      ) : null}
    </Link>
  );
}
