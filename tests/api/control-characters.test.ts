import { beforeAll, describe, expect, it, vi } from "vitest";
import type { AuthContext } from "@/lib/auth/context";
import { readJson } from "@/lib/api/http";
import { queryObject } from "@/lib/api/query";
import { db } from "@/lib/db/client";
import { createClient } from "@/lib/domain/clients/create-client";
import { createContact } from "@/lib/domain/clients/contacts";
import { createStubInfluencer } from "@/lib/domain/influencers/create-stub-influencer";
import { CONTROL_CHARACTER_MESSAGE } from "@/lib/domain/text";
import { actAs } from "../setup/fake-session";
import { apiRouteHandlers, routeTarget, type DiscoveredRoute } from "../setup/api-routes";
import { createActor, createAgency, createClientRow, expectAppError, uid } from "../setup/factories";

// Issue 12, item 2: a NUL byte (or another control character) in a query parameter or a JSON body was a 500,
// PostgreSQL refusing 0x00. Every route found under pages/api is called: each GET that reads its query with a
// control character in `q`, each POST/PATCH/PUT that reads a JSON body with one in `name`. Each must answer
// 400 naming that field, having written nothing. The domain schemas (which server actions use) refuse them
// too: tests/unit/input-schemas.test.ts walks those.

vi.mock("@/lib/auth/session", () => import("../setup/fake-session"));
// The real query and body readers, watched: a route that reads its query or body must do it through them.
vi.mock("@/lib/api/query", async (importOriginal) => {
  const real = await importOriginal<typeof import("@/lib/api/query")>();
  return { ...real, queryObject: vi.fn(real.queryObject) };
});
vi.mock("@/lib/api/http", async (importOriginal) => {
  const real = await importOriginal<typeof import("@/lib/api/http")>();
  return { ...real, readJson: vi.fn(real.readJson) };
});

const MISSING = "00000000-0000-4000-8000-000000000000";
type Json = { error?: { code: string; fields?: Record<string, string> } };

let agencyId = "";
const callers: AuthContext[] = [];
let routes: DiscoveredRoute[] = [];

beforeAll(async () => {
  const agency = await createAgency("Nul");
  agencyId = agency.id;
  const client = await createClientRow(agency.id);
  for (const role of ["ADM", "CM", "DIR", "FIN", "INF"] as const)
    callers.push((await createActor(agency.id, { role })).ctx);
  callers.push((await createActor(agency.id, { role: "CLIENT", scopeType: "CLIENT", scopeId: client.id })).ctx);
  routes = await apiRouteHandlers();
}, 60_000);

const written = async () => ({
  audit: await db.auditLog.count({ where: { agencyId } }),
  clients: await db.client.count({ where: { agencyId } }),
  contacts: await db.contact.count({ where: { agencyId } }),
  influencers: await db.influencerProfile.count({ where: { agencyId } }),
  comments: await db.approvalComment.count({ where: { agencyId } }),
});

/** Calls one route as the first caller its permission lets through (ids that exist nowhere: nothing to find). */
async function callAsPermitted(route: DiscoveredRoute, init: { query?: string; body?: string }) {
  const target = routeTarget(route.file, () => MISSING);
  let last: { status: number; json: Json } = { status: 0, json: {} };
  for (const ctx of callers) {
    vi.mocked(queryObject).mockClear();
    vi.mocked(readJson).mockClear();
    actAs(ctx);
    try {
      const request = new Request(`http://tikit.test${target.path}${init.query ?? ""}`, {
        method: route.method,
        headers: { "content-type": "application/json" },
        ...(init.body === undefined ? {} : { body: init.body }),
      });
      const response = await route.handler(request, { params: Promise.resolve(target.params) });
      const text = await response.text();
      last = { status: response.status, json: (text.startsWith("{") ? JSON.parse(text) : {}) as Json };
    } finally {
      actAs(null);
    }
    if (last.status !== 403) break;
  }
  return {
    ...last,
    readQuery: vi.mocked(queryObject).mock.calls.length > 0,
    readBody: vi.mocked(readJson).mock.calls.length > 0,
  };
}

describe("a control character in a query parameter", () => {
  it("answers 400 naming the parameter on every GET that reads its query, and never 500 on the others", async () => {
    const gets = routes.filter((r) => r.method === "GET");
    expect(gets.length).toBeGreaterThan(30);
    const readers: string[] = [];
    for (const route of gets) {
      for (const query of ["?q=nul%00byte", "?q=bell%07", "?q=esc%1B%5B31m", "?q=del%7F"]) {
        const result = await callAsPermitted(route, { query });
        expect(result.status, `${route.file} GET${query}`).not.toBe(500);
        if (/\bqueryObject\(/.test(route.source)) {
          expect(result.readQuery, `${route.file} reads its query through queryObject`).toBe(true);
          expect(result.status, `${route.file} GET${query}`).toBe(400);
          expect(result.json.error?.fields?.q, `${route.file} GET${query}`).toBe(CONTROL_CHARACTER_MESSAGE);
          if (!readers.includes(route.file)) readers.push(route.file);
        }
      }
    }
    // The lists the issue names, among what the walk found.
    for (const file of [
      "clients",
      "campaigns",
      "influencers",
      "finance/objects",
      "finance/objects/export.csv",
      "influencers/export.csv",
    ]) {
      expect(readers).toContain(`pages/api/${file}/index.ts`);
    }
  }, 120_000);

  it("keeps tab, line breaks and ordinary text", async () => {
    const list = routes.find((r) => r.file === "pages/api/clients/index.ts" && r.method === "GET")!;
    const result = await callAsPermitted(list, { query: "?q=a%09b%0D%0Ac%20%C3%A9" });
    expect(result.status).toBe(200);
  });
});

describe("a control character in a JSON body", () => {
  it("answers 400 naming the field on every POST, PATCH and PUT that reads JSON, and writes nothing", async () => {
    const writers = routes.filter((r) => r.method === "POST" || r.method === "PATCH" || r.method === "PUT");
    expect(writers.length).toBeGreaterThan(25);
    const readers: string[] = [];
    for (const route of writers) {
      const before = await written();
      for (const body of [{ name: "nul\u0000byte" }, { name: "vertical\u000Btab" }, { name: "c1\u0085" }]) {
        const result = await callAsPermitted(route, { body: JSON.stringify(body) });
        expect(result.status, `${route.file} ${route.method}`).not.toBe(500);
        if (/\b(readJson|readCsvBody)\(/.test(route.source)) {
          expect(result.readBody, `${route.file} ${route.method} reads its body through readJson`).toBe(true);
          expect(result.status, `${route.file} ${route.method}`).toBe(400);
          expect(result.json.error?.fields, `${route.file} ${route.method}`).toEqual({
            name: CONTROL_CHARACTER_MESSAGE,
          });
          if (!readers.includes(route.file)) readers.push(route.file);
        }
      }
      expect(await written(), `${route.file} ${route.method} wrote nothing`).toEqual(before);
    }
    for (const file of [
      "clients/index.ts",
      "clients/[id]/contacts/index.ts",
      "approvals/[id]/comments/index.ts",
      "influencers/index.ts",
    ]) {
      expect(readers).toContain(`pages/api/${file}`);
    }
  }, 120_000);

  it("names the path of a nested string, and keeps tab and CRLF line breaks", async () => {
    const create = routes.find((r) => r.file === "pages/api/clients/index.ts" && r.method === "POST")!;
    const nested = await callAsPermitted(create, { body: JSON.stringify({ name: "Fine", tags: ["ok", "bad\u0000"] }) });
    expect(nested.status).toBe(400);
    expect(nested.json.error?.fields).toEqual({ "tags.1": CONTROL_CHARACTER_MESSAGE });
    const name = `Tabbed\t${uid()}`;
    const fine = await callAsPermitted(create, {
      body: JSON.stringify({ name, notes: "line one\r\nline two\nthree" }),
    });
    expect(fine.status).toBe(201);
    expect(await db.client.findFirst({ where: { agencyId, name }, select: { notes: true } })).toEqual({
      notes: "line one\r\nline two\nthree",
    });
  });
});

describe("the issue's bodies through the domain (what a server action calls)", () => {
  it("refuses a NUL in a client's, a contact's and an influencer's name, naming it, and writes nothing", async () => {
    const ctx = callers[1];
    const client = await createClientRow(agencyId);
    const before = await written();
    const refusals = [
      await expectAppError(createClient(ctx, { name: "nul\u0000byte" }), "VALIDATION_FAILED"),
      await expectAppError(createContact(ctx, client.id, { name: "nul\u0000byte" }), "VALIDATION_FAILED"),
      await expectAppError(
        createStubInfluencer(ctx, { displayName: "nul\u0000byte", platform: "INSTAGRAM", handle: `nul${uid()}` }),
        "VALIDATION_FAILED",
      ),
      await expectAppError(
        createStubInfluencer(ctx, { displayName: "Fine", platform: "INSTAGRAM", handle: `nul\u0000${uid()}` }),
        "VALIDATION_FAILED",
      ),
    ];
    expect(refusals.map((e) => e.fields)).toEqual([
      { name: CONTROL_CHARACTER_MESSAGE },
      { name: CONTROL_CHARACTER_MESSAGE },
      { displayName: CONTROL_CHARACTER_MESSAGE },
      { handle: CONTROL_CHARACTER_MESSAGE },
    ]);
    expect(await written()).toEqual(before);
  });
});
