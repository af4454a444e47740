import type { ApiResult } from "@/lib/api/http";
import { beforeAll, describe, expect, it, vi } from "vitest";
import type { AuthContext } from "@/lib/auth/context";
import { db } from "@/lib/db/client";
import * as clientsRoute from "@/pages/api/clients/index";
import * as clientRoute from "@/pages/api/clients/[id]/index";
import * as archiveRoute from "@/pages/api/clients/[id]/archive/index";
import * as restoreRoute from "@/pages/api/clients/[id]/restore/index";
import * as contactsRoute from "@/pages/api/clients/[id]/contacts/index";
import * as contactRoute from "@/pages/api/clients/[id]/contacts/[contactId]/index";
import * as timelineRoute from "@/pages/api/clients/[id]/timeline/index";
import { actAs } from "../setup/fake-session";
import { createActor, createAgency, createClientRow, createContactRow, uid } from "../setup/factories";

// Every /api/clients handler over HTTP semantics: good input, each kind of bad input (400 naming the field,
// nothing written), unknown and foreign ids (404), stale versions (409). Only the session source is replaced.

vi.mock("@/lib/auth/session", () => import("../setup/fake-session"));

const MISSING = "00000000-0000-4000-8000-000000000000";
type Handler = (request: Request, route: { params: Promise<Record<string, string>> }) => Promise<ApiResult>;

async function call(
  handler: Handler,
  options: { url?: string; method?: string; params?: Record<string, string>; body?: unknown; rawBody?: string } = {},
) {
  const init: RequestInit = { method: options.method ?? "GET", headers: { "content-type": "application/json" } };
  if (options.rawBody !== undefined) init.body = options.rawBody;
  else if (options.body !== undefined) init.body = JSON.stringify(options.body);
  const response = await handler(new Request(`http://tikit.test${options.url ?? "/api/clients"}`, init), {
    params: Promise.resolve(options.params ?? {}),
  });
  return {
    status: response.status,
    json: (await response.json()) as {
      data?: unknown;
      page?: unknown;
      error?: { code: string; message: string; fields?: Record<string, string> };
    },
  };
}

let manager: AuthContext;
let director: AuthContext;
let foreignManager: AuthContext;
let agencyId: string;
let foreignClientId: string;

beforeAll(async () => {
  const agency = await createAgency("Api");
  agencyId = agency.id;
  manager = (await createActor(agency.id, { role: "CM" })).ctx;
  director = (await createActor(agency.id, { role: "DIR" })).ctx;
  const other = await createAgency("Api Other");
  foreignManager = (await createActor(other.id, { role: "CM" })).ctx;
  foreignClientId = (await createClientRow(other.id)).id;
  for (let i = 0; i < 30; i++)
    await createClientRow(agency.id, { name: `Paged ${String(i).padStart(2, "0")} ${uid()}` });
}, 60_000);

const counts = async () => ({
  clients: await db.client.count({ where: { agencyId } }),
  audit: await db.auditLog.count({ where: { agencyId } }),
  contacts: await db.contact.count({ where: { agencyId } }),
});

describe("GET /api/clients", () => {
  it("answers 401 without a session", async () => {
    actAs(null);
    const { status, json } = await call(clientsRoute.GET);
    expect(status).toBe(401);
    expect(json.error?.code).toBe("UNAUTHENTICATED");
  });

  it("pages, searches and sorts the caller's clients only", async () => {
    actAs(manager);
    const first = await call(clientsRoute.GET, { url: "/api/clients?q=Paged&take=25&sort=name&dir=asc" });
    expect(first.status).toBe(200);
    const page = first.json.page as { total: number; nextCursor: string | null };
    const names = (first.json.data as { name: string }[]).map((c) => c.name);
    expect(page.total).toBe(30);
    expect(names).toHaveLength(25);
    expect(names[0].startsWith("Paged 00")).toBe(true);
    expect([...names].sort()).toEqual(names);
    const second = await call(clientsRoute.GET, { url: `/api/clients?q=Paged&take=25&cursor=${page.nextCursor}` });
    expect((second.json.data as unknown[]).length).toBe(5);
    const desc = await call(clientsRoute.GET, { url: "/api/clients?q=Paged&take=1&sort=name&dir=desc" });
    expect((desc.json.data as { name: string }[])[0].name.startsWith("Paged 29")).toBe(true);
    const foreign = await call(clientsRoute.GET, { url: "/api/clients?take=100&archived=all" });
    expect((foreign.json.data as { id: string }[]).some((c) => c.id === foreignClientId)).toBe(false);
  });

  it.each([
    ["take=0", "take"],
    ["take=1000", "take"],
    ["sort=password", "sort"],
    ["dir=sideways", "dir"],
    ["status=DELETED", "status"],
    ["cursor=abc", "cursor"],
    ["page=-1", "page"],
  ])("rejects %s with 400 naming %s", async (query, field) => {
    actAs(manager);
    const { status, json } = await call(clientsRoute.GET, { url: `/api/clients?${query}` });
    expect(status).toBe(400);
    expect(json.error?.code).toBe("VALIDATION_FAILED");
    expect(Object.keys(json.error?.fields ?? {})).toContain(field);
  });
});

describe("POST /api/clients", () => {
  it("creates a client with an audit entry", async () => {
    actAs(manager);
    const before = await counts();
    const name = `Created ${uid()}`;
    const { status, json } = await call(clientsRoute.POST, {
      method: "POST",
      body: {
        name,
        country: "de",
        vatNumber: "DE 811 907 980",
        website: "brand.example",
        tags: "Beauty, beauty, skin",
      },
    });
    expect(status).toBe(201);
    const data = json.data as { id: string; country: string; vatNumber: string; website: string; tags: string[] };
    expect(data).toMatchObject({
      country: "DE",
      vatNumber: "DE811907980",
      website: "https://brand.example",
      tags: ["beauty", "skin"],
    });
    const after = await counts();
    expect(after.clients).toBe(before.clients + 1);
    expect(after.audit).toBe(before.audit + 1);
  });

  it.each([
    [{}, "name"],
    [{ name: "" }, "name"],
    [{ name: "x".repeat(121) }, "name"],
    [{ name: "Ok", country: "Germany" }, "country"],
    [{ name: "Ok", vatNumber: "x" }, "vatNumber"],
    [{ name: "Ok", website: "not a url at all" }, "website"],
    [{ name: "Ok", defaultCurrency: "BTC" }, "defaultCurrency"],
    [{ name: "Ok", status: "DELETED" }, "status"],
    [{ name: "Ok", parentId: "not-a-uuid" }, "parentId"],
    [{ name: "Ok", tags: Array.from({ length: 21 }, (_, i) => `t${i}`) }, "tags"],
  ])("rejects %j with 400 naming %s and writes nothing", async (body, field) => {
    actAs(manager);
    const before = await counts();
    const { status, json } = await call(clientsRoute.POST, { method: "POST", body });
    expect(status).toBe(400);
    expect(json.error?.fields?.[field], JSON.stringify(json)).toBeTruthy();
    expect(json.error?.message).toContain(field);
    expect(await counts()).toEqual(before);
  });

  it("rejects a body that is not JSON", async () => {
    actAs(manager);
    const { status, json } = await call(clientsRoute.POST, { method: "POST", rawBody: "{not json" });
    expect(status).toBe(400);
    expect(json.error?.code).toBe("BAD_REQUEST");
  });

  it("refuses a parent client of another agency as not found, writing nothing", async () => {
    actAs(manager);
    const before = await counts();
    const { status, json } = await call(clientsRoute.POST, {
      method: "POST",
      body: { name: "Child", parentId: foreignClientId },
    });
    expect(status).toBe(400);
    expect(json.error?.fields?.parentId).toBe("Parent client not found");
    expect(await counts()).toEqual(before);
  });

  it("answers 403 to a role without client.create", async () => {
    actAs((await createActor(agencyId, { role: "FIN" })).ctx);
    const { status } = await call(clientsRoute.POST, { method: "POST", body: { name: "Nope" } });
    expect(status).toBe(403);
  });
});

describe("/api/clients/:id", () => {
  it("reads, updates with the version, and refuses a stale version with 409", async () => {
    actAs(manager);
    const client = await createClientRow(agencyId);
    const read = await call(clientRoute.GET, { params: { id: client.id } });
    expect(read.status).toBe(200);
    const updated = await call(clientRoute.PATCH, {
      method: "PATCH",
      params: { id: client.id },
      body: { version: 1, industry: "Beauty" },
    });
    expect(updated.status).toBe(200);
    expect(updated.json.data).toMatchObject({ industry: "Beauty", version: 2 });
    const stale = await call(clientRoute.PATCH, {
      method: "PATCH",
      params: { id: client.id },
      body: { version: 1, industry: "Food" },
    });
    expect(stale.status).toBe(409);
    expect(stale.json.error?.code).toBe("STALE_VERSION");
    expect(stale.json.error?.message).toMatch(/changed by .*reload/i);
    expect((await db.client.findUniqueOrThrow({ where: { id: client.id } })).industry).toBe("Beauty");
  });

  it.each([
    [{ industry: "x" }, "version"],
    [{ version: 1, name: "" }, "name"],
    [{ version: 1, country: "DEU" }, "country"],
  ])("PATCH rejects %j with 400 naming %s and changes nothing", async (body, field) => {
    actAs(manager);
    const client = await createClientRow(agencyId);
    const before = await counts();
    const { status, json } = await call(clientRoute.PATCH, { method: "PATCH", params: { id: client.id }, body });
    expect(status).toBe(400);
    expect(json.error?.fields?.[field]).toBeTruthy();
    expect(await counts()).toEqual(before);
    expect((await db.client.findUniqueOrThrow({ where: { id: client.id } })).version).toBe(1);
  });

  it.each([
    ["GET", clientRoute.GET],
    ["PATCH", clientRoute.PATCH],
    ["archive", archiveRoute.POST],
    ["restore", restoreRoute.POST],
    ["timeline", timelineRoute.GET],
    ["contacts", contactsRoute.GET],
    ["add contact", contactsRoute.POST],
  ] as [string, Handler][])(
    "%s answers 404 for an unknown id, a malformed id and another agency's id",
    async (_label, handler) => {
      actAs(director);
      for (const id of [MISSING, "not-a-uuid", foreignClientId]) {
        const { status, json } = await call(handler, {
          method: "POST",
          params: { id },
          body: { version: 1, name: "X" },
        });
        expect(status, `id ${id}`).toBe(404);
        expect(json.error?.code).toBe("NOT_FOUND");
      }
    },
  );

  it("archives and restores, refusing to archive twice", async () => {
    actAs(director);
    const client = await createClientRow(agencyId);
    expect((await call(archiveRoute.POST, { method: "POST", params: { id: client.id } })).status).toBe(200);
    const twice = await call(archiveRoute.POST, { method: "POST", params: { id: client.id } });
    expect(twice.status).toBe(409);
    const listed = await call(clientsRoute.GET, { url: `/api/clients?q=${encodeURIComponent(client.name)}` });
    expect(listed.json.data).toEqual([]);
    expect((await call(restoreRoute.POST, { method: "POST", params: { id: client.id } })).status).toBe(200);
    const timeline = await call(timelineRoute.GET, { params: { id: client.id } });
    expect((timeline.json.data as { action: string }[]).map((e) => e.action)).toEqual([
      "client.restore",
      "client.archive",
    ]);
  });
});

describe("/api/clients/:id/contacts", () => {
  it("adds, edits and removes a contact, each audited under the client", async () => {
    actAs(manager);
    const client = await createClientRow(agencyId);
    const added = await call(contactsRoute.POST, {
      method: "POST",
      params: { id: client.id },
      body: {
        name: "Ada",
        email: "ADA@Brand.example",
        phone: "+49 30 123456",
        preferredChannel: "PHONE",
        optInReports: false,
      },
    });
    expect(added.status).toBe(201);
    const contact = added.json.data as { id: string; email: string };
    expect(contact.email).toBe("ada@brand.example");
    const edited = await call(contactRoute.PATCH, {
      method: "PATCH",
      params: { id: client.id, contactId: contact.id },
      body: { title: "CMO" },
    });
    // A partial edit leaves what it does not name as it was (no defaults creep in).
    expect(edited.json.data).toMatchObject({
      title: "CMO",
      name: "Ada",
      preferredChannel: "PHONE",
      optInReports: false,
    });
    const list = await call(contactsRoute.GET, { params: { id: client.id } });
    expect((list.json.data as unknown[]).length).toBe(1);
    expect(
      (await call(contactRoute.DELETE, { method: "DELETE", params: { id: client.id, contactId: contact.id } })).status,
    ).toBe(200);
    const timeline = await call(timelineRoute.GET, { params: { id: client.id } });
    expect((timeline.json.data as { action: string }[]).map((e) => e.action)).toEqual([
      "contact.delete",
      "contact.update",
      "contact.create",
    ]);
  });

  it.each([
    [{}, "name"],
    [{ name: "Bo", email: "not-an-email" }, "email"],
    [{ name: "Bo", phone: "call me" }, "phone"],
    [{ name: "Bo", preferredChannel: "PIGEON" }, "preferredChannel"],
    [{ name: "Bo", optInReports: "false" }, "optInReports"],
  ])("rejects %j with 400 naming %s and writes nothing", async (body, field) => {
    actAs(manager);
    const client = await createClientRow(agencyId);
    const before = await counts();
    const { status, json } = await call(contactsRoute.POST, { method: "POST", params: { id: client.id }, body });
    expect(status).toBe(400);
    expect(json.error?.fields?.[field]).toBeTruthy();
    expect(await counts()).toEqual(before);
  });

  it("answers 404 for a contact of another client or agency", async () => {
    actAs(manager);
    const client = await createClientRow(agencyId);
    const otherClient = await createClientRow(agencyId);
    const otherContact = await createContactRow(agencyId, otherClient.id);
    for (const [id, contactId] of [
      [client.id, otherContact.id],
      [client.id, MISSING],
      [client.id, "nope"],
    ]) {
      expect(
        (await call(contactRoute.PATCH, { method: "PATCH", params: { id, contactId }, body: { title: "X" } })).status,
      ).toBe(404);
      expect((await call(contactRoute.DELETE, { method: "DELETE", params: { id, contactId } })).status).toBe(404);
    }
    actAs(foreignManager);
    expect(
      (
        await call(contactRoute.DELETE, {
          method: "DELETE",
          params: { id: otherClient.id, contactId: otherContact.id },
        })
      ).status,
    ).toBe(404);
    expect(await db.contact.count({ where: { id: otherContact.id } })).toBe(1);
  });
});
