import { expect, test, type Browser, type Page } from "@playwright/test";
import { signIn } from "./support/auth";
import { createClientViaApi } from "./support/clients";
import { authFile, DEMO_PASSWORD, OWN_CLIENT, type RoleKey } from "./support/roles";
import { uniqueId } from "./support/users";

// Tenancy and client scope: a row the caller may not see does not exist for them (404, never 403 and
// never the data). Every refusal has an "allowed" twin: the same page or call made by the right user.

type Ids = { lumiere: string; lumiereMen: string; fjord: string; tidal: string; saffron: string };

/** The id behind the client card on a CLIENT user's dashboard (/client links to /client/clients/<id>). */
async function idFromDashboard(page: Page, name: string): Promise<string> {
  await page.goto("/client");
  const href = await page.getByRole("link", { name: new RegExp(name) }).getAttribute("href");
  const id = href?.match(/^\/client\/clients\/([0-9a-f-]{36})$/)?.[1];
  expect(id, `a link to ${name} on the dashboard`).toBeTruthy();
  return id!;
}

/** The id of a client a staff session can list through GET /api/clients. */
async function idFromApi(page: Page, name: string): Promise<string> {
  const response = await page.request.get(`/api/clients?q=${encodeURIComponent(name)}`);
  expect(response.ok()).toBe(true);
  const { data } = (await response.json()) as { data: { id: string; name: string }[] };
  const found = data.find((client) => client.name === name);
  expect(found, `${name} in GET /api/clients`).toBeTruthy();
  return found!.id;
}

async function withSession<T>(browser: Browser, role: RoleKey, work: (page: Page) => Promise<T>): Promise<T> {
  const context = await browser.newContext({ storageState: authFile(role) });
  try {
    return await work(await context.newPage());
  } finally {
    await context.close();
  }
}

/** A blueharbor campaign manager, signed in through the login page (no saved session needed elsewhere). */
async function withBlueharborCm<T>(browser: Browser, work: (page: Page) => Promise<T>): Promise<T> {
  const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  try {
    const page = await context.newPage();
    await signIn(page, { email: "cm@blueharbor.test", password: DEMO_PASSWORD });
    await expect(page).toHaveURL("/agency");
    return await work(page);
  } finally {
    await context.close();
  }
}

/** A real 404: the status, the not-found page, and none of the client's data. */
async function expectNotFoundPage(page: Page, url: string, hidden: string) {
  const response = await page.goto(url);
  expect(response?.status(), `status of ${url}`).toBe(404);
  await expect(page.getByRole("heading", { level: 1, name: "Not found" })).toBeVisible();
  await expect(page.getByText("This page does not exist, or it is not yours to see.")).toBeVisible();
  await expect(page.locator("body")).not.toContainText(hidden);
}

let ids: Ids;

test.beforeAll(async ({ browser }) => {
  const own = await withSession(browser, "client", async (page) => ({
    lumiere: await idFromDashboard(page, OWN_CLIENT.client),
  }));
  const northwind = await withSession(browser, "cm", async (page) => ({
    lumiereMen: await idFromApi(page, "Lumière Men"),
    fjord: await idFromApi(page, "Fjord Outdoor"),
  }));
  const blueharbor = await withSession(browser, "bh-client", async (page) => ({
    tidal: await idFromDashboard(page, OWN_CLIENT["bh-client"]),
  }));
  const saffron = await withBlueharborCm(browser, (page) => idFromApi(page, "Saffron Kitchen"));
  ids = { ...own, ...northwind, ...blueharbor, saffron };
});

test.describe("a northwind client user", () => {
  test.use({ storageState: authFile("client") });

  test("opens their own client's page", async ({ page }) => {
    await page.goto("/client");
    await page.getByRole("link", { name: new RegExp(OWN_CLIENT.client) }).click();
    await expect(page).toHaveURL(`/client/clients/${ids.lumiere}`);
    await expect(page.getByRole("heading", { level: 1, name: OWN_CLIENT.client })).toBeVisible();
    await expect(page.getByRole("list", { name: "Contacts" })).toContainText("Camille Laurent");
    // The dashboard lists their client and nothing else.
    await page.goto("/client");
    await expect(page.locator("main a[href^='/client/clients/']")).toHaveCount(1);
  });

  test("gets 404 for another client of the same agency, a sister brand, and a blueharbor client", async ({ page }) => {
    await expectNotFoundPage(page, `/client/clients/${ids.fjord}`, "Fjord Outdoor");
    await expectNotFoundPage(page, `/client/clients/${ids.lumiereMen}`, "Lumière Men");
    await expectNotFoundPage(page, `/client/clients/${ids.tidal}`, "Tidal Audio");
  });

  test("the JSON API answers only for their own client", async ({ page }) => {
    const own = await page.request.get(`/api/clients/${ids.lumiere}`);
    expect(own.status()).toBe(200);
    expect((await own.json()).data.name).toBe(OWN_CLIENT.client);

    for (const id of [ids.fjord, ids.tidal]) {
      const other = await page.request.get(`/api/clients/${id}`);
      expect(other.status()).toBe(404);
      expect(await other.json()).toMatchObject({ error: { code: "NOT_FOUND" } });
    }
    const list = await page.request.get("/api/clients?take=100&archived=all");
    expect(((await list.json()).data as { id: string }[]).map((client) => client.id)).toEqual([ids.lumiere]);
  });
});

test.describe("the blueharbor client user", () => {
  test.use({ storageState: authFile("bh-client") });

  test("opens Tidal Audio and gets 404 for a northwind client", async ({ page }) => {
    await page.goto(`/client/clients/${ids.tidal}`);
    await expect(page.getByRole("heading", { level: 1, name: OWN_CLIENT["bh-client"] })).toBeVisible();
    await expectNotFoundPage(page, `/client/clients/${ids.lumiere}`, "Lumière");
  });
});

test.describe("a northwind campaign manager", () => {
  test.use({ storageState: authFile("cm") });

  test("opens northwind clients and gets 404 for blueharbor ones", async ({ page }) => {
    await page.goto(`/agency/clients/${ids.fjord}`);
    await expect(page.getByRole("heading", { level: 1, name: "Fjord Outdoor" })).toBeVisible();
    await expectNotFoundPage(page, `/agency/clients/${ids.tidal}`, "Tidal Audio");
    await expectNotFoundPage(page, `/agency/clients/${ids.saffron}/edit`, "Saffron");
  });

  test("the JSON API answers 404 NOT_FOUND for a blueharbor client, and never lists it", async ({ page }) => {
    const own = await page.request.get(`/api/clients/${ids.lumiere}`);
    expect(own.status()).toBe(200);
    expect((await own.json()).data.name).toBe(OWN_CLIENT.client);

    const foreign = await page.request.get(`/api/clients/${ids.tidal}`);
    expect(foreign.status()).toBe(404);
    const body = await foreign.json();
    expect(body).toMatchObject({ error: { code: "NOT_FOUND" } });
    expect(JSON.stringify(body)).not.toContain("Tidal");

    const list = await page.request.get(`/api/clients?q=${encodeURIComponent("Tidal Audio")}&archived=all`);
    expect((await list.json()).page.total).toBe(0);
  });

  test("cannot change or archive a blueharbor client, but can change its own", async ({ page }) => {
    const mine = await createClientViaApi(page.request, { name: `E2E Tenancy ${uniqueId()}` });
    const read = await page.request.get(`/api/clients/${mine.id}`);
    const { version } = (await read.json()).data as { version: number };
    const allowed = await page.request.patch(`/api/clients/${mine.id}`, { data: { industry: "Audio", version } });
    expect(allowed.status()).toBe(200);

    const refused = await page.request.patch(`/api/clients/${ids.tidal}`, {
      data: { industry: "Hijacked", version: 1 },
    });
    expect(refused.status()).toBe(404);
    expect(await refused.json()).toMatchObject({ error: { code: "NOT_FOUND" } });
    const contact = await page.request.post(`/api/clients/${ids.tidal}/contacts`, { data: { name: "Intruder" } });
    expect(contact.status()).toBe(404);
  });
});

test.describe("a blueharbor campaign manager", () => {
  test("opens blueharbor clients and gets 404 for northwind ones", async ({ browser }) => {
    await withBlueharborCm(browser, async (page) => {
      await page.goto(`/agency/clients/${ids.tidal}`);
      await expect(page.getByRole("heading", { level: 1, name: "Tidal Audio" })).toBeVisible();
      await expectNotFoundPage(page, `/agency/clients/${ids.lumiere}`, "Lumière");
      const foreign = await page.request.get(`/api/clients/${ids.lumiere}`);
      expect(foreign.status()).toBe(404);
      expect(await foreign.json()).toMatchObject({ error: { code: "NOT_FOUND" } });
    });
  });

  test("the blueharbor client user's API sees Tidal Audio", async ({ browser }) => {
    await withSession(browser, "bh-client", async (page) => {
      const response = await page.request.get(`/api/clients/${ids.tidal}`);
      expect(response.status()).toBe(200);
      expect((await response.json()).data.name).toBe("Tidal Audio");
    });
  });
});
