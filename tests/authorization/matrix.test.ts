import type { ApiResult } from "@/lib/api/http";
import fs from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it, vi } from "vitest";
import type { AuthContext } from "@/lib/auth/context";
import { resolveGrants } from "@/lib/auth/permissions";
import { db } from "@/lib/db/client";
import { actAs } from "../setup/fake-session";
import { approvalRows } from "./approval-rows";
import { campaignRows } from "./campaign-rows";
import { contentRows } from "./content-rows";
import { contentActionRows } from "./content-action-rows";
import { financeActionRows } from "./finance-action-rows";
import { financeRows } from "./finance-rows";
import { influencerRows } from "./influencer-rows";
import {
  contextFor,
  createActor,
  createAgency,
  createClientRow,
  createContactRow,
  uniqueEmail,
} from "../setup/factories";

// The authorization matrix: every route handler and every server action × every role (and signed out) →
// the expected outcome, executed against the real code and database. Only the source of the session is
// replaced (there is no browser cookie here); permission checks, scoping and queries all run for real.
// A handler or action missing from TABLE fails the first test: every new entry point must be added here.

vi.mock("@/lib/auth/session", () => import("../setup/fake-session"));
vi.mock("@/lib/auth/auth", () => ({
  auth: async () => null,
  signIn: async () => undefined,
  signOut: async () => undefined,
  handlers: { GET: async () => new Response(null), POST: async () => new Response(null) },
}));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined, revalidateTag: () => undefined }));

const ROLES = ["anon", "CM", "DIR", "FIN", "ADM", "CLIENT", "INF", "OTHER_AGENCY_CM"] as const;
type RoleKey = (typeof ROLES)[number];
type Outcome = "allow" | "unauth" | "deny" | "notfound" | "invalid";

/** Fresh rows for one call: a client (the CLIENT user is scoped to it), one of its contacts, an archived client, an open invitation. */
type Fixture = { clientId: string; contactId: string; archivedClientId: string; invitationId: string };

type Call = (f: Fixture) => Promise<Outcome>;
type Row = { call: Call; expect: Record<RoleKey, Outcome> } | { skip: string };

const BASE = "http://tikit.test";

function outcomeOfStatus(status: number): Outcome {
  if (status >= 200 && status < 300) return "allow";
  return (
    ({ 400: "invalid", 401: "unauth", 403: "deny", 404: "notfound" } as Record<number, Outcome>)[status] ??
    (`status ${status}` as Outcome)
  );
}

function outcomeOfResult(result: { ok: boolean; error?: { code: string } }): Outcome {
  if (result.ok) return "allow";
  const code = result.error?.code;
  return (
    (
      { UNAUTHENTICATED: "unauth", FORBIDDEN: "deny", NOT_FOUND: "notfound", VALIDATION_FAILED: "invalid" } as Record<
        string,
        Outcome
      >
    )[code ?? ""] ?? (code as Outcome)
  );
}

type RouteModule = Record<
  string,
  (request: Request, route: { params: Promise<Record<string, string>> }) => Promise<ApiResult>
>;

function route(
  file: string,
  method: string,
  url: (f: Fixture) => string,
  params: (f: Fixture) => Record<string, string>,
  body?: (f: Fixture) => unknown,
): Call {
  return async (f) => {
    const mod = (await import(/* @vite-ignore */ path.join(process.cwd(), file))) as RouteModule;
    const init: RequestInit = { method, headers: { "content-type": "application/json" } };
    if (body) init.body = JSON.stringify(body(f));
    const response = await mod[method](new Request(BASE + url(f), init), { params: Promise.resolve(params(f)) });
    return outcomeOfStatus(response.status);
  };
}

type ActionModule = Record<string, (input: unknown) => Promise<{ ok: boolean; error?: { code: string } }>>;

function action(file: string, name: string, input: (f: Fixture) => unknown): Call {
  return async (f) => {
    const mod = (await import(/* @vite-ignore */ path.join(process.cwd(), file))) as ActionModule;
    return outcomeOfResult(await mod[name](input(f)));
  };
}

const all = (outcome: Outcome) => Object.fromEntries(ROLES.map((r) => [r, outcome])) as Record<RoleKey, Outcome>;
/** Signed out → 401; the other roles as listed. */
const signedIn = (roles: Omit<Record<RoleKey, Outcome>, "anon">): Record<RoleKey, Outcome> => ({
  anon: "unauth",
  ...roles,
});

const clientFields = () => ({
  name: `Matrix ${Math.random().toString(36).slice(2, 8)}`,
  status: "ACTIVE",
  defaultCurrency: "EUR",
});
const contactFields = () => ({ name: "Matrix Contact", email: uniqueEmail("matrix") });

const CLIENTS_ACTIONS = "lib/actions/clients.ts";
const AUTH_ACTIONS = "lib/actions/auth.ts";
const USERS_ACTIONS = "lib/actions/admin.ts";
const PERMISSIONS_ACTIONS = "lib/actions/admin.ts";

// Written out by hand on purpose: deriving it from lib/auth/permissions.ts would test the table against itself.
const TABLE: Record<string, Row> = {
  // ---- route handlers
  "pages/api/health/index.ts GET": {
    call: route(
      "pages/api/health/index.ts",
      "GET",
      () => "/api/health",
      () => ({}),
    ),
    expect: all("allow"),
  },
  "pages/api/openapi.json/index.ts GET": {
    call: route(
      "pages/api/openapi.json/index.ts",
      "GET",
      () => "/api/openapi.json",
      () => ({}),
    ),
    expect: all("allow"),
  },
  "app/api/auth/[...nextauth]/route.ts GET": {
    skip: "Auth.js's own endpoints (session, CSRF, sign-out); sign-in is covered by the login actions below and the e2e suite",
  },
  "app/api/auth/[...nextauth]/route.ts POST": { skip: "Auth.js's own endpoints, as above" },
  "pages/api/clients/index.ts GET": {
    call: route(
      "pages/api/clients/index.ts",
      "GET",
      () => "/api/clients",
      () => ({}),
    ),
    expect: signedIn({
      CM: "allow",
      DIR: "allow",
      FIN: "allow",
      ADM: "allow",
      CLIENT: "allow",
      INF: "deny",
      OTHER_AGENCY_CM: "allow",
    }),
  },
  "pages/api/clients/index.ts POST": {
    call: route(
      "pages/api/clients/index.ts",
      "POST",
      () => "/api/clients",
      () => ({}),
      clientFields,
    ),
    expect: signedIn({
      CM: "allow",
      DIR: "allow",
      FIN: "deny",
      ADM: "allow",
      CLIENT: "deny",
      INF: "deny",
      OTHER_AGENCY_CM: "allow",
    }),
  },
  "pages/api/clients/[id]/index.ts GET": {
    call: route(
      "pages/api/clients/[id]/index.ts",
      "GET",
      (f) => `/api/clients/${f.clientId}`,
      (f) => ({ id: f.clientId }),
    ),
    expect: signedIn({
      CM: "allow",
      DIR: "allow",
      FIN: "allow",
      ADM: "allow",
      CLIENT: "allow",
      INF: "deny",
      OTHER_AGENCY_CM: "notfound",
    }),
  },
  "pages/api/clients/[id]/index.ts PATCH": {
    call: route(
      "pages/api/clients/[id]/index.ts",
      "PATCH",
      (f) => `/api/clients/${f.clientId}`,
      (f) => ({ id: f.clientId }),
      () => ({ version: 1, industry: "Matrix" }),
    ),
    expect: signedIn({
      CM: "allow",
      DIR: "allow",
      FIN: "deny",
      ADM: "allow",
      CLIENT: "deny",
      INF: "deny",
      OTHER_AGENCY_CM: "notfound",
    }),
  },
  "pages/api/clients/[id]/archive/index.ts POST": {
    call: route(
      "pages/api/clients/[id]/archive/index.ts",
      "POST",
      (f) => `/api/clients/${f.clientId}/archive`,
      (f) => ({ id: f.clientId }),
    ),
    expect: signedIn({
      CM: "deny",
      DIR: "allow",
      FIN: "deny",
      ADM: "allow",
      CLIENT: "deny",
      INF: "deny",
      OTHER_AGENCY_CM: "deny",
    }),
  },
  "pages/api/clients/[id]/restore/index.ts POST": {
    call: route(
      "pages/api/clients/[id]/restore/index.ts",
      "POST",
      (f) => `/api/clients/${f.archivedClientId}/restore`,
      (f) => ({ id: f.archivedClientId }),
    ),
    expect: signedIn({
      CM: "deny",
      DIR: "allow",
      FIN: "deny",
      ADM: "allow",
      CLIENT: "deny",
      INF: "deny",
      OTHER_AGENCY_CM: "deny",
    }),
  },
  "pages/api/clients/[id]/timeline/index.ts GET": {
    call: route(
      "pages/api/clients/[id]/timeline/index.ts",
      "GET",
      (f) => `/api/clients/${f.clientId}/timeline`,
      (f) => ({ id: f.clientId }),
    ),
    expect: signedIn({
      CM: "allow",
      DIR: "allow",
      FIN: "allow",
      ADM: "allow",
      CLIENT: "deny",
      INF: "deny",
      OTHER_AGENCY_CM: "notfound",
    }),
  },
  "pages/api/clients/[id]/contacts/index.ts GET": {
    call: route(
      "pages/api/clients/[id]/contacts/index.ts",
      "GET",
      (f) => `/api/clients/${f.clientId}/contacts`,
      (f) => ({ id: f.clientId }),
    ),
    expect: signedIn({
      CM: "allow",
      DIR: "allow",
      FIN: "allow",
      ADM: "allow",
      CLIENT: "allow",
      INF: "deny",
      OTHER_AGENCY_CM: "notfound",
    }),
  },
  "pages/api/clients/[id]/contacts/index.ts POST": {
    call: route(
      "pages/api/clients/[id]/contacts/index.ts",
      "POST",
      (f) => `/api/clients/${f.clientId}/contacts`,
      (f) => ({ id: f.clientId }),
      contactFields,
    ),
    expect: signedIn({
      CM: "allow",
      DIR: "allow",
      FIN: "deny",
      ADM: "allow",
      CLIENT: "deny",
      INF: "deny",
      OTHER_AGENCY_CM: "notfound",
    }),
  },
  "pages/api/clients/[id]/contacts/[contactId]/index.ts PATCH": {
    call: route(
      "pages/api/clients/[id]/contacts/[contactId]/index.ts",
      "PATCH",
      (f) => `/api/clients/${f.clientId}/contacts/${f.contactId}`,
      (f) => ({ id: f.clientId, contactId: f.contactId }),
      () => ({ title: "Matrix" }),
    ),
    expect: signedIn({
      CM: "allow",
      DIR: "allow",
      FIN: "deny",
      ADM: "allow",
      CLIENT: "deny",
      INF: "deny",
      OTHER_AGENCY_CM: "notfound",
    }),
  },
  "pages/api/clients/[id]/contacts/[contactId]/index.ts DELETE": {
    call: route(
      "pages/api/clients/[id]/contacts/[contactId]/index.ts",
      "DELETE",
      (f) => `/api/clients/${f.clientId}/contacts/${f.contactId}`,
      (f) => ({ id: f.clientId, contactId: f.contactId }),
    ),
    expect: signedIn({
      CM: "allow",
      DIR: "allow",
      FIN: "deny",
      ADM: "allow",
      CLIENT: "deny",
      INF: "deny",
      OTHER_AGENCY_CM: "notfound",
    }),
  },

  // ---- server actions: clients
  [`${CLIENTS_ACTIONS} createClientAction`]: {
    call: action(CLIENTS_ACTIONS, "createClientAction", clientFields),
    expect: signedIn({
      CM: "allow",
      DIR: "allow",
      FIN: "deny",
      ADM: "allow",
      CLIENT: "deny",
      INF: "deny",
      OTHER_AGENCY_CM: "allow",
    }),
  },
  [`${CLIENTS_ACTIONS} updateClientAction`]: {
    call: action(CLIENTS_ACTIONS, "updateClientAction", (f) => ({ id: f.clientId, version: 1, industry: "Matrix" })),
    expect: signedIn({
      CM: "allow",
      DIR: "allow",
      FIN: "deny",
      ADM: "allow",
      CLIENT: "deny",
      INF: "deny",
      OTHER_AGENCY_CM: "notfound",
    }),
  },
  [`${CLIENTS_ACTIONS} setClientArchivedAction`]: {
    call: action(CLIENTS_ACTIONS, "setClientArchivedAction", (f) => ({ id: f.clientId, archived: true })),
    expect: signedIn({
      CM: "deny",
      DIR: "allow",
      FIN: "deny",
      ADM: "allow",
      CLIENT: "deny",
      INF: "deny",
      OTHER_AGENCY_CM: "deny",
    }),
  },
  [`${CLIENTS_ACTIONS} createContactAction`]: {
    call: action(CLIENTS_ACTIONS, "createContactAction", (f) => ({ clientId: f.clientId, ...contactFields() })),
    expect: signedIn({
      CM: "allow",
      DIR: "allow",
      FIN: "deny",
      ADM: "allow",
      CLIENT: "deny",
      INF: "deny",
      OTHER_AGENCY_CM: "notfound",
    }),
  },
  [`${CLIENTS_ACTIONS} updateContactAction`]: {
    call: action(CLIENTS_ACTIONS, "updateContactAction", (f) => ({
      clientId: f.clientId,
      contactId: f.contactId,
      name: "Matrix Renamed",
    })),
    expect: signedIn({
      CM: "allow",
      DIR: "allow",
      FIN: "deny",
      ADM: "allow",
      CLIENT: "deny",
      INF: "deny",
      OTHER_AGENCY_CM: "notfound",
    }),
  },
  [`${CLIENTS_ACTIONS} deleteContactAction`]: {
    call: action(CLIENTS_ACTIONS, "deleteContactAction", (f) => ({ clientId: f.clientId, contactId: f.contactId })),
    expect: signedIn({
      CM: "allow",
      DIR: "allow",
      FIN: "deny",
      ADM: "allow",
      CLIENT: "deny",
      INF: "deny",
      OTHER_AGENCY_CM: "notfound",
    }),
  },

  // ---- server actions: admin portal. Only user.manage / permission.manage (ADM) pass; no row here survives a call
  // with lasting effect on the other rows (the override goes back to the default).
  [`${USERS_ACTIONS} inviteUserAction`]: {
    call: action(USERS_ACTIONS, "inviteUserAction", () => ({
      email: uniqueEmail("invitee"),
      name: "Matrix Invitee",
      role: "CM",
    })),
    expect: signedIn({
      CM: "deny",
      DIR: "deny",
      FIN: "deny",
      ADM: "allow",
      CLIENT: "deny",
      INF: "deny",
      OTHER_AGENCY_CM: "deny",
    }),
  },
  [`${USERS_ACTIONS} revokeInvitationAction`]: {
    call: action(USERS_ACTIONS, "revokeInvitationAction", (f) => ({ id: f.invitationId })),
    expect: signedIn({
      CM: "deny",
      DIR: "deny",
      FIN: "deny",
      ADM: "allow",
      CLIENT: "deny",
      INF: "deny",
      OTHER_AGENCY_CM: "deny",
    }),
  },
  [`${USERS_ACTIONS} unlockUserAction`]: {
    call: action(USERS_ACTIONS, "unlockUserAction", () => ({ id: contexts.CM.userId })),
    expect: signedIn({
      CM: "deny",
      DIR: "deny",
      FIN: "deny",
      ADM: "allow",
      CLIENT: "deny",
      INF: "deny",
      OTHER_AGENCY_CM: "deny",
    }),
  },
  [`${PERMISSIONS_ACTIONS} setPermissionOverrideAction`]: {
    call: action(PERMISSIONS_ACTIONS, "setPermissionOverrideAction", () => ({
      role: "CM",
      permission: "client.archive",
      allowed: null,
    })),
    expect: signedIn({
      CM: "deny",
      DIR: "deny",
      FIN: "deny",
      ADM: "allow",
      CLIENT: "deny",
      INF: "deny",
      OTHER_AGENCY_CM: "deny",
    }),
  },

  // ---- server actions: accounts. The public ones give every caller the same domain answer.
  [`${AUTH_ACTIONS} signInAction`]: {
    call: action(AUTH_ACTIONS, "signInAction", () => ({ email: uniqueEmail("nobody"), password: "wrong password" })),
    expect: all("unauth"),
  },
  [`${AUTH_ACTIONS} completeMfaEnrolmentAction`]: {
    call: action(AUTH_ACTIONS, "completeMfaEnrolmentAction", () => ({ token: "not-a-token", code: "123456" })),
    expect: all("notfound"),
  },
  [`${AUTH_ACTIONS} acceptInvitationAction`]: {
    call: action(AUTH_ACTIONS, "acceptInvitationAction", () => ({
      token: "not-a-token",
      name: "X",
      password: "long enough password",
      confirmPassword: "long enough password",
    })),
    expect: all("notfound"),
  },
  [`${AUTH_ACTIONS} requestPasswordResetAction`]: {
    call: action(AUTH_ACTIONS, "requestPasswordResetAction", () => ({ email: uniqueEmail("nobody") })),
    expect: all("allow"),
  },
  [`${AUTH_ACTIONS} resetPasswordAction`]: {
    call: action(AUTH_ACTIONS, "resetPasswordAction", () => ({
      token: "not-a-token",
      password: "long enough password",
      confirmPassword: "long enough password",
    })),
    expect: all("notfound"),
  },
  [`${AUTH_ACTIONS} signOutAction`]: {
    call: action(AUTH_ACTIONS, "signOutAction", () => ({ everywhere: false })),
    expect: signedIn({
      CM: "allow",
      DIR: "allow",
      FIN: "allow",
      ADM: "allow",
      CLIENT: "allow",
      INF: "allow",
      OTHER_AGENCY_CM: "allow",
    }),
  },
  [`${AUTH_ACTIONS} startMfaEnrolmentAction`]: {
    // The seeded roles here have no MFA yet, so every signed-in user may start enrolment.
    call: action(AUTH_ACTIONS, "startMfaEnrolmentAction", () => ({})),
    expect: signedIn({
      CM: "allow",
      DIR: "allow",
      FIN: "allow",
      ADM: "allow",
      CLIENT: "allow",
      INF: "allow",
      OTHER_AGENCY_CM: "allow",
    }),
  },

  // ---- approvals, shortlist, notifications (tests/authorization/approval-rows.ts)
  ...approvalRows<Fixture>({ route, action, signedIn, agencyId: () => agencyId, cm: () => contexts.CM }),

  // ---- campaigns: handlers and actions (tests/authorization/campaign-rows.ts)
  ...campaignRows<Fixture>({ route, action, signedIn, agencyId: () => agencyId, cm: () => contexts.CM }),

  // ---- content production: handlers (tests/authorization/content-rows.ts)
  ...contentRows<Fixture>({
    route,
    signedIn,
    agencyId: () => agencyId,
    cm: () => contexts.CM,
    inf: () => contexts.INF,
  }),
  // ---- content pages' server actions (tests/authorization/content-action-rows.ts)
  ...contentActionRows<Fixture>({
    action,
    signedIn,
    agencyId: () => agencyId,
    cm: () => contexts.CM,
    inf: () => contexts.INF,
  }),

  // ---- influencer directory: handlers and actions (tests/authorization/influencer-rows.ts)
  ...influencerRows<Fixture>({ route, action, signedIn, agencyId: () => agencyId }),

  // ---- finance server actions (tests/authorization/finance-action-rows.ts)
  ...financeActionRows<Fixture>({ action, signedIn, agencyId: () => agencyId, cm: () => contexts.CM }),

  // ---- finance: handlers (tests/authorization/finance-rows.ts)
  ...financeRows<Fixture>({ route, signedIn, agencyId: () => agencyId, cm: () => contexts.CM }),
};

function walk(dir: string, found: string[] = []): string[] {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) walk(full, found);
    else found.push(path.relative(process.cwd(), full).split(path.sep).join("/"));
  }
  return found;
}

const HTTP_METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"];

/**
 * Every exported HTTP method of every API file (each file under pages/api is a route; Auth.js's own handlers
 * stay an app/ route.ts) and every exported function of every "use server" file (lib/actions/<area>.ts; app/ is
 * walked too, so an action file put back into a route folder still needs its rows).
 */
async function discoverEntryPoints(): Promise<string[]> {
  const keys: string[] = [];
  for (const file of [...walk("app"), ...walk("pages/api"), ...walk("lib/actions")]) {
    if (file.startsWith("pages/api/") || file.endsWith("/route.ts")) {
      const mod = (await import(/* @vite-ignore */ path.join(process.cwd(), file))) as Record<string, unknown>;
      for (const method of HTTP_METHODS) if (typeof mod[method] === "function") keys.push(`${file} ${method}`);
    } else if (/\.tsx?$/.test(file) && /^\s*["']use server["']/.test(fs.readFileSync(file, "utf8"))) {
      const mod = (await import(/* @vite-ignore */ path.join(process.cwd(), file))) as Record<string, unknown>;
      for (const [name, value] of Object.entries(mod)) if (typeof value === "function") keys.push(`${file} ${name}`);
    }
  }
  return keys.sort();
}

const contexts = {} as Record<Exclude<RoleKey, "anon">, AuthContext>;
let agencyId = "";
let otherAgencyId = "";

beforeAll(async () => {
  const agency = await createAgency("Matrix");
  const other = await createAgency("Matrix Other");
  agencyId = agency.id;
  otherAgencyId = other.id;
  const scopeClient = await createClientRow(agency.id);
  for (const role of ["CM", "DIR", "FIN", "ADM", "INF"] as const)
    contexts[role] = (await createActor(agency.id, { role })).ctx;
  contexts.CLIENT = (
    await createActor(agency.id, { role: "CLIENT", scopeType: "CLIENT", scopeId: scopeClient.id })
  ).ctx;
  contexts.OTHER_AGENCY_CM = (await createActor(other.id, { role: "CM" })).ctx;
}, 120_000);

async function freshFixture(): Promise<Fixture> {
  const client = await createClientRow(agencyId);
  const contact = await createContactRow(agencyId, client.id);
  const archived = await createClientRow(agencyId);
  await db.client.update({ where: { id: archived.id }, data: { archivedAt: new Date() } });
  const invitation = await db.invitation.create({
    data: {
      agencyId,
      email: uniqueEmail("invited"),
      name: "Matrix Invited",
      role: "CM",
      tokenHash: `matrix-${crypto.randomUUID()}`,
      expiresAt: new Date(Date.now() + 3600_000),
      invitedById: contexts.ADM.userId,
    },
  });
  return { clientId: client.id, contactId: contact.id, archivedClientId: archived.id, invitationId: invitation.id };
}

/** The caller for one cell; the CLIENT user is scoped to the fixture's client, as a client user is to theirs. */
async function callerFor(role: RoleKey, fixture: Fixture): Promise<AuthContext | null> {
  if (role === "anon") return null;
  if (role !== "CLIENT") return contextFor(contexts[role].userId);
  const ctx = await contextFor(contexts.CLIENT.userId);
  return { ...ctx, grants: resolveGrants([{ role: "CLIENT", scopeType: "CLIENT", scopeId: fixture.clientId }], []) };
}

describe("authorization matrix", () => {
  it("lists every route handler and server action, and nothing that no longer exists", async () => {
    const discovered = await discoverEntryPoints();
    const listed = Object.keys(TABLE).sort();
    expect(
      discovered.filter((key) => !listed.includes(key)),
      "entry points missing from TABLE",
    ).toEqual([]);
    expect(
      listed.filter((key) => !discovered.includes(key)),
      "TABLE rows with no entry point",
    ).toEqual([]);
  });

  for (const [key, row] of Object.entries(TABLE)) {
    if ("skip" in row) continue;
    it(`${key}`, async () => {
      const actual = {} as Record<RoleKey, Outcome>;
      for (const role of ROLES) {
        const fixture = await freshFixture();
        actAs(await callerFor(role, fixture));
        try {
          actual[role] = await row.call(fixture);
        } finally {
          actAs(null);
        }
      }
      expect(actual).toEqual(row.expect);
    });
  }

  it("wrote nothing into the other agency but its own user's creations and sign-outs", async () => {
    const foreign = await db.auditLog.findMany({ where: { agencyId: otherAgencyId }, select: { action: true } });
    expect(foreign.length).toBeGreaterThan(0);
    expect(
      foreign.filter(
        (e) =>
          ![
            "client.create",
            "auth.logout",
            "influencer.create",
            "influencer.import",
            "influencer.export",
            "finance.export",
          ].includes(e.action),
      ),
    ).toEqual([]);
    const foreignClients = await db.client.findMany({ where: { agencyId: otherAgencyId }, select: { name: true } });
    expect(foreignClients.every((c) => c.name.startsWith("Matrix "))).toBe(true);
  });
});
