import { beforeAll, describe, expect, test } from "vitest";
import { encode } from "next-auth/jwt";
// Auth.js's own cookie chunking (not exported by the package; imported by path on purpose: if an upgrade moves or
// changes it, this test fails and the hand-written reader in lib/auth/session.ts must be checked again).
import { SessionStore } from "../../node_modules/@auth/core/lib/utils/cookie.js";
import { getAuthContext } from "@/lib/auth/session";
import { db } from "@/lib/db/client";
import { createAgency, createUser } from "../setup/factories";

// lib/auth/session.ts decodes the Auth.js session cookie by hand (cookie names, chunks, salt) to skip the work
// auth() does per request. These tests encode sessions with Auth.js's own functions and read them with ours
// (issue 13, item 6), so an Auth.js upgrade that changes the format fails CI instead of signing everyone out.

const PLAIN = "authjs.session-token";
const SECURE = "__Secure-authjs.session-token";
let sessionId: string;
let userId: string;

beforeAll(async () => {
  const agency = await createAgency("Cookie");
  const user = await createUser(agency.id, { role: "CM" });
  userId = user.id;
  const session = await db.session.create({
    data: { agencyId: agency.id, userId, expiresAt: new Date(Date.now() + 60 * 60_000) },
  });
  sessionId = session.id;
});

function cookieHeader(cookies: { name: string; value: string }[]) {
  const header = cookies.map((c) => `${c.name}=${c.value}`).join("; ");
  return { get: (name: string) => (name.toLowerCase() === "cookie" ? header : null) };
}

async function authJsCookie(
  name: string,
  claims: Record<string, unknown> = {},
  options: { secret?: string; maxAge?: number } = {},
) {
  return encode({
    token: { sub: userId, sid: sessionId, ...claims },
    secret: options.secret ?? process.env.AUTH_SECRET!,
    salt: name,
    maxAge: options.maxAge,
  });
}

describe("the session cookie as Auth.js writes it", () => {
  test.each([PLAIN, SECURE])("%s: decoded to the session's user", async (name) => {
    const ctx = await getAuthContext(
      cookieHeader([
        { name: "other", value: "x" },
        { name, value: await authJsCookie(name) },
      ]),
    );
    expect(ctx?.userId).toBe(userId);
    expect(ctx?.sessionId).toBe(sessionId);
  });

  test("a cookie Auth.js splits into chunks is joined in index order, whatever order the browser sends them in", async () => {
    // A large claim makes Auth.js chunk the cookie (its limit is ~4 KB a cookie).
    const value = await authJsCookie(PLAIN, { padding: "p".repeat(9000) });
    const store = new SessionStore(
      { name: PLAIN, options: {} },
      {},
      { debug: () => {}, warn: () => {}, error: () => {} },
    );
    const chunks = store.chunk(value, {}) as { name: string; value: string }[];
    expect(chunks.length).toBeGreaterThan(2);
    expect(chunks.map((c) => c.name)).toEqual(chunks.map((_, i) => `${PLAIN}.${i}`));
    const ctx = await getAuthContext(cookieHeader([...chunks].reverse()));
    expect(ctx?.userId).toBe(userId);
  });

  test("refused: another secret, the other cookie's salt, an expired token, a tampered value", async () => {
    const other = await authJsCookie(PLAIN, {}, { secret: "another-secret-another-secret-another" });
    expect(await getAuthContext(cookieHeader([{ name: PLAIN, value: other }]))).toBeNull();
    const wrongSalt = await authJsCookie(SECURE);
    expect(await getAuthContext(cookieHeader([{ name: PLAIN, value: wrongSalt }]))).toBeNull();
    const expired = await authJsCookie(PLAIN, {}, { maxAge: -60 }); // Auth.js sets exp from maxAge
    expect(await getAuthContext(cookieHeader([{ name: PLAIN, value: expired }]))).toBeNull();
    const good = await authJsCookie(PLAIN);
    const tampered = good.slice(0, -6) + (good.endsWith("AAAAAA") ? "BBBBBB" : "AAAAAA");
    expect(await getAuthContext(cookieHeader([{ name: PLAIN, value: tampered }]))).toBeNull();
  });

  test("a revoked session is not signed in even with a valid cookie", async () => {
    const value = await authJsCookie(PLAIN);
    await db.session.update({ where: { id: sessionId }, data: { revokedAt: new Date() } });
    try {
      expect(await getAuthContext(cookieHeader([{ name: PLAIN, value }]))).toBeNull();
    } finally {
      await db.session.update({ where: { id: sessionId }, data: { revokedAt: null } });
    }
  });
});
