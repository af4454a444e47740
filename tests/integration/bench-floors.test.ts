import { encode } from "next-auth/jwt";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { FLOOR_ROWS } from "@/lib/bench/floors";
import { db } from "@/lib/db/client";
import { createAgency, createClientRow, createUser } from "../setup/factories";
import { hasBuild, request, startTestServer, type TestServer } from "../setup/http-server";

// The benchmark's page floors (issue 14, item 1; lib/bench/floors.ts): /bench-floor and /client/bench-floor answer
// only on a server started with TIKIT_BENCH_FLOORS=true, and 404 on any other, signed in or not.

const COOKIE = "authjs.session-token";
const FLOORS = ["/bench-floor", "/client/bench-floor"];
let cookie: string;

beforeAll(async () => {
  const agency = await createAgency("Floors");
  const client = await createClientRow(agency.id);
  const user = await createUser(agency.id, { role: "CLIENT", scopeType: "CLIENT", scopeId: client.id });
  const session = await db.session.create({
    data: { agencyId: agency.id, userId: user.id, expiresAt: new Date(Date.now() + 60 * 60_000) },
  });
  const token = await encode({
    token: { sub: user.id, sid: session.id },
    secret: process.env.AUTH_SECRET!,
    salt: COOKIE,
  });
  cookie = `${COOKIE}=${token}`;
});

const get = (server: TestServer, path: string) => request(server.port, { path, headers: { cookie } });

describe.skipIf(!hasBuild)("the bench's page floors (production build)", () => {
  let server: TestServer | undefined;
  afterAll(async () => {
    await server?.stop();
  });

  test("404 on a server started without TIKIT_BENCH_FLOORS=true, for a signed-in client user", async () => {
    server = await startTestServer({ TIKIT_BENCH_FLOORS: "" });
    for (const path of FLOORS) {
      const answer = await get(server, path);
      expect(answer.status, path).toBe(404);
      expect(answer.body).not.toContain(FLOOR_ROWS[0].name);
    }
    // The same user's own portal answers: the 404 is the floors', not the session's.
    expect((await get(server, "/client")).status).toBe(200);
    await server.stop();
    server = undefined;
  }, 90_000);

  test("with TIKIT_BENCH_FLOORS=true: the fixed 10-row table, the portal floor inside the client portal's shell", async () => {
    server = await startTestServer({ TIKIT_BENCH_FLOORS: "true" });
    const bare = await get(server, "/bench-floor");
    const portal = await get(server, "/client/bench-floor");
    for (const answer of [bare, portal]) {
      expect(answer.status).toBe(200);
      for (const row of FLOOR_ROWS) expect(answer.body).toContain(row.name);
      expect(answer.body.match(/<tr\b/g)).toHaveLength(11); // the header row and 10 rows
    }
    // The portal floor has the client portal's navigation, the bare one none.
    expect(portal.body).toContain('href="/client/campaigns"');
    expect(bare.body).not.toContain('href="/client/campaigns"');
  }, 90_000);
});
