import path from "node:path";

// The demo users of scripts/seed/demo/seed.ts, one per role, and where each lands. Copied rather than imported: the
// seed module pulls in argon2 and the Prisma client, which the test runner has no use for.

export const DEMO_PASSWORD = "tikit-demo-2026";
export const DEMO_TOTP_SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";

export const ROLE_KEYS = ["cm", "dir", "fin", "admin", "client", "creator", "bh-client"] as const;
export type RoleKey = (typeof ROLE_KEYS)[number];

export type Role = {
  email: string;
  /** Signs in with a TOTP code from DEMO_TOTP_SECRET after the password. */
  mfa: boolean;
  /** The portal the user lands in after signing in. */
  home: string;
  /** The h1 of that portal's dashboard. */
  heading: string;
};

export const ROLES: Record<RoleKey, Role> = {
  cm: { email: "cm@northwind.test", mfa: false, home: "/agency", heading: "Welcome, Casey" },
  dir: { email: "dir@northwind.test", mfa: true, home: "/agency", heading: "Welcome, Dana" },
  fin: { email: "fin@northwind.test", mfa: true, home: "/finance", heading: "Finance" },
  admin: { email: "admin@northwind.test", mfa: true, home: "/admin", heading: "Administration" },
  client: { email: "client@northwind.test", mfa: false, home: "/client", heading: "Welcome, Camille" },
  creator: { email: "creator@northwind.test", mfa: false, home: "/creator", heading: "Hi Ivy" },
  "bh-client": { email: "client@blueharbor.test", mfa: false, home: "/client", heading: "Welcome, Grace" },
};

/** The client each demo CLIENT user is scoped to (the first client of their agency in the seed). */
export const OWN_CLIENT = { client: "Lumière Cosmetics", "bh-client": "Tidal Audio" } as const;

export const PORTAL_PATHS = ["/agency", "/finance", "/client", "/creator", "/admin"] as const;

/** Where the saved session of a role lives (written by auth.setup.ts, gitignored). */
export function authFile(role: RoleKey): string {
  return path.join(import.meta.dirname, "..", ".auth", `${role}.json`);
}

/** The option each setup project sets to say which role it signs in. */
export type RoleOptions = { role: RoleKey };
