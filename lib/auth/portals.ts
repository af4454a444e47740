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

const CALLBACK_BASE = "http://tikit.invalid";
const MAX_CALLBACK_LENGTH = 2000;

/**
 * Only same-site paths, so a crafted link cannot bounce a user elsewhere after signing in: "/" followed by a
 * character that is neither "/" nor "\\", no control character and no backslash anywhere. Browsers drop tab,
 * newline and carriage return inside a URL and read "\\" as "/", so "/\t/evil.example" would be "//evil.example"
 * (another host), and a newline that reaches a Location header breaks the response. The path is also resolved
 * as a browser would resolve it, and refused when that lands on another origin or on "//" ("/.//evil.example").
 */
export function safeCallbackPath(value: unknown): string | null {
  if (typeof value !== "string" || value.length > MAX_CALLBACK_LENGTH) return null;
  if (!/^\/(?![/\\])/.test(value) || /[\u0000-\u001f\u007f\\]/.test(value)) return null;
  let resolved: URL;
  try {
    resolved = new URL(value, CALLBACK_BASE);
  } catch {
    return null;
  }
  if (resolved.origin !== CALLBACK_BASE || resolved.pathname.startsWith("//")) return null;
  if (resolved.pathname.startsWith("/api/") || resolved.pathname.startsWith("/login")) return null;
  return value;
}
