import { can, type Grant, type Permission } from "@/lib/auth/permissions";

export type PortalKey = "agency" | "finance" | "client" | "creator" | "admin";

export type Portal = { key: PortalKey; path: string; label: string; permission: Permission };

// Order decides where a user with several portals lands.
export const PORTALS: readonly Portal[] = [
  { key: "admin", path: "/admin", label: "Admin", permission: "portal.admin" },
  { key: "agency", path: "/agency", label: "Agency", permission: "portal.agency" },
  { key: "finance", path: "/finance", label: "Finance", permission: "portal.finance" },
  { key: "client", path: "/client", label: "Client", permission: "portal.client" },
  { key: "creator", path: "/creator", label: "Creator", permission: "portal.creator" },
];

export function portalsFor(holder: { grants: readonly Grant[] }): Portal[] {
  return PORTALS.filter((portal) => can(holder, portal.permission));
}

/** The portal a user lands in: the first in PORTALS they may open (admins /admin, CM and DIR /agency). */
export function homePath(holder: { grants: readonly Grant[] }): string {
  return portalsFor(holder)[0]?.path ?? "/account";
}

/** Only same-site paths, so a crafted link cannot bounce a user elsewhere after signing in. */
export function safeCallbackPath(value: unknown): string | null {
  if (typeof value !== "string" || !value.startsWith("/") || value.startsWith("//") || value.startsWith("/\\")) return null;
  if (value.startsWith("/api/") || value.startsWith("/login")) return null;
  return value;
}
