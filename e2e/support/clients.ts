import { expect, type APIRequestContext, type Page } from "@playwright/test";

export type CreatedClient = { id: string; name: string };

/** Creates a client through POST /api/clients with the session of the request's context. */
export async function createClientViaApi(
  request: APIRequestContext,
  fields: { name: string; tags?: string[]; status?: string },
): Promise<CreatedClient> {
  const response = await request.post("/api/clients", { data: fields });
  expect(response.status(), await response.text()).toBe(201);
  const { data } = (await response.json()) as { data: CreatedClient };
  return { id: data.id, name: data.name };
}

/** Several at once, a few requests at a time. */
export async function createClientsViaApi(
  request: APIRequestContext,
  all: { name: string; tags?: string[] }[],
): Promise<CreatedClient[]> {
  const created: CreatedClient[] = [];
  for (let i = 0; i < all.length; i += 5) {
    created.push(...(await Promise.all(all.slice(i, i + 5).map((fields) => createClientViaApi(request, fields)))));
  }
  return created;
}

/** The names in the clients table, top to bottom. */
export function clientRows(page: Page) {
  return page.locator("main table tbody tr");
}

export async function clientNames(page: Page): Promise<string[]> {
  return clientRows(page).locator("td:first-child a").allInnerTexts();
}
