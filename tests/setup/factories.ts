import crypto from "node:crypto";
import { expect } from "vitest";
import { db } from "@/lib/db/client";
import { loadUserContext, type AuthContext } from "@/lib/auth/context";
import { hashPassword } from "@/lib/crypto/password";
import { encrypt } from "@/lib/crypto/encryption";
import { AppError, toAppError, type ErrorCode } from "@/lib/errors";
import type { Role, ScopeType } from "@/lib/generated/prisma/enums";

// Test data: every file makes its own agency, users and clients with unique names, so files can run in
// parallel against one database without seeing each other's rows.

export const PASSWORD = "correct horse battery staple";

export function uid(): string {
  return crypto.randomBytes(5).toString("hex");
}

export function uniqueEmail(label = "user"): string {
  return `${label}-${uid()}@tests.tikit.example`.toLowerCase();
}

/** An IP of its own per test, so the per-IP rate limit of one test never counts another's attempts. */
export function uniqueIp(): string {
  const b = crypto.randomBytes(3);
  return `10.${b[0]}.${b[1]}.${b[2]}`;
}

// One argon2id hash per worker for the common password: hashing is deliberately slow.
let passwordHash: Promise<string> | undefined;
function commonHash(password: string) {
  if (password !== PASSWORD) return hashPassword(password);
  passwordHash ??= hashPassword(PASSWORD);
  return passwordHash;
}

export async function createAgency(label = "Agency") {
  const suffix = uid();
  return db.agency.create({
    data: { name: `${label} ${suffix}`, slug: `${label.toLowerCase().replace(/[^a-z0-9]+/g, "-")}-${suffix}` },
  });
}

type UserOptions = {
  role: Role;
  scopeType?: ScopeType;
  scopeId?: string | null;
  email?: string;
  password?: string;
  /** Base32 TOTP secret; stored encrypted with mfaEnabledAt set, as after enrolment. */
  mfaSecret?: string;
  name?: string;
};

export async function createUser(agencyId: string, options: UserOptions) {
  const scopeType = options.scopeType ?? "AGENCY";
  return db.user.create({
    data: {
      agencyId,
      email: options.email ?? uniqueEmail(options.role.toLowerCase()),
      name: options.name ?? `${options.role} ${uid()}`,
      passwordHash: await commonHash(options.password ?? PASSWORD),
      mfaSecret: options.mfaSecret ? encrypt(options.mfaSecret) : null,
      mfaEnabledAt: options.mfaSecret ? new Date() : null,
      roleAssignments: { create: { agencyId, role: options.role, scopeType, scopeId: options.scopeId ?? null } },
    },
  });
}

export async function contextFor(userId: string): Promise<AuthContext> {
  const ctx = await loadUserContext(userId, { ip: "127.0.0.1" });
  if (!ctx) throw new Error(`No context for user ${userId}`);
  return ctx;
}

/** A user with one role and the context a domain function receives for them. */
export async function createActor(agencyId: string, options: UserOptions) {
  const user = await createUser(agencyId, options);
  return { user, ctx: await contextFor(user.id) };
}

export async function createClientRow(agencyId: string, data: { name?: string; parentId?: string | null } = {}) {
  return db.client.create({
    data: {
      agencyId,
      name: data.name ?? `Client ${uid()}`,
      parentId: data.parentId ?? null,
      status: "ACTIVE",
      tags: ["test"],
    },
  });
}

export async function createContactRow(agencyId: string, clientId: string, name = `Contact ${uid()}`) {
  return db.contact.create({ data: { agencyId, clientId, name, email: uniqueEmail("contact") } });
}

/** An agency with a director (agency-wide, may archive), a campaign manager, two clients with a contact each. */
export async function createAgencyWithClients(label = "Agency") {
  const agency = await createAgency(label);
  const [director, manager] = await Promise.all([
    createActor(agency.id, { role: "DIR" }),
    createActor(agency.id, { role: "CM" }),
  ]);
  const clientOne = await createClientRow(agency.id, { name: `${label} One ${uid()}` });
  const clientTwo = await createClientRow(agency.id, { name: `${label} Two ${uid()}` });
  const contactOne = await createContactRow(agency.id, clientOne.id);
  const contactTwo = await createContactRow(agency.id, clientTwo.id);
  return { agency, director, manager, clientOne, clientTwo, contactOne, contactTwo };
}

/**
 * Runs a call that must be refused and returns the error as the entry points answer it (a ZodError becomes
 * VALIDATION_FAILED with field messages, exactly as toErrorResponse does).
 */
export async function expectAppError(
  call: Promise<unknown> | (() => Promise<unknown>),
  code: ErrorCode,
): Promise<AppError> {
  let thrown: unknown = undefined;
  let resolved = false;
  try {
    await (typeof call === "function" ? call() : call);
    resolved = true;
  } catch (error) {
    thrown = error;
  }
  if (resolved) throw new Error(`Expected ${code}, but the call succeeded`);
  const appError = toAppError(thrown);
  expect(appError.code, `expected ${code}, got ${appError.code}: ${appError.message}`).toBe(code);
  return appError;
}

/** Audit entries of an agency, oldest first. */
export function auditEntries(agencyId: string) {
  return db.auditLog.findMany({ where: { agencyId }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] });
}
