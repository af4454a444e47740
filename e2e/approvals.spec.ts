import { expect, test, type APIRequestContext, type Browser, type Page } from "@playwright/test";
import { gotoHydrated, waitForHydration } from "./support/auth";
import { authFile, OWN_CLIENT, type RoleKey } from "./support/roles";
import { screenshotViewports } from "./support/screenshots";
import { uniqueId } from "./support/users";

// The approval path end to end: a campaign manager builds a shortlist from a directory search and sends
// brief and shortlist; the client (Lumière Cosmetics) approves the brief with conditions and rejects one
// influencer; the manager sees the notifications and moves the campaign on. A client of another agency's
// client gets 404 for the review page.

async function as<T>(browser: Browser, role: RoleKey, work: (page: Page) => Promise<T>): Promise<T> {
  const context = await browser.newContext({ storageState: authFile(role) });
  try {
    return await work(await context.newPage());
  } finally {
    await context.close();
  }
}

async function ok<T>(response: Awaited<ReturnType<APIRequestContext["post"]>>): Promise<T> {
  expect(response.ok(), await response.text()).toBe(true);
  return ((await response.json()) as { data: T }).data;
}

async function setUp(request: APIRequestContext, id: string) {
  const clients = await ok<{ id: string; name: string }[]>(
    await request.get(`/api/clients?q=${encodeURIComponent(OWN_CLIENT.client)}`),
  );
  const client = clients.find((c) => c.name === OWN_CLIENT.client)!;
  const campaign = await ok<{ id: string; name: string }>(
    await request.post("/api/campaigns", {
      data: {
        clientId: client.id,
        name: `Approvals ${id}`,
        platforms: ["INSTAGRAM"],
        currency: "EUR",
        brief: `# Spring launch ${id}\n\n- Two reels per creator\n- **No** competitor products`,
      },
    }),
  );
  for (const n of [1, 2]) {
    await ok(
      await request.post("/api/influencers", {
        data: { displayName: `Shortlist ${id} ${n}`, platform: "INSTAGRAM", handle: `sl_${id}_${n}` },
      }),
    );
  }
  return campaign;
}

async function move(request: APIRequestContext, campaignId: string, to: string) {
  await ok(await request.post(`/api/campaigns/${campaignId}/transitions`, { data: { to } }));
}

test("brief and shortlist go to the client, who decides; the manager is notified and moves on", async ({
  browser,
}, testInfo) => {
  test.setTimeout(180_000);
  const id = uniqueId();
  const campaign = await as(browser, "cm", (page) => setUp(page.request, id));

  await as(browser, "cm", async (page) => {
    await gotoHydrated(page, `/agency/campaigns/${campaign.id}`, page.getByRole("search"));
    for (const n of [1, 2]) {
      await page.getByLabel("Search the directory by name or handle").fill(`Shortlist ${id} ${n}`);
      await page.getByRole("button", { name: "Search" }).click();
      await page.getByRole("button", { name: `Add Shortlist ${id} ${n} to the shortlist` }).click();
      await expect(page.getByRole("list", { name: "Shortlist" })).toContainText(`Shortlist ${id} ${n}`);
    }
    await page.getByLabel(`Proposed fee for Shortlist ${id} 1 (EUR)`).fill("1500");
    await page.getByLabel(`Proposed fee for Shortlist ${id} 1 (EUR)`).press("Enter");
    await expect(page.getByLabel(`Proposed fee for Shortlist ${id} 1 (EUR)`)).toHaveValue("1500.00");
    await page.getByRole("button", { name: "Send brief to client" }).click();
    await expect(page.locator("#approvals")).toContainText("Brief v1");
    await expect(page.locator("#approvals")).toContainText("Pending");
  });

  await as(browser, "client", async (page) => {
    await page.goto("/client/approvals");
    await page.locator("tr", { hasText: campaign.name }).getByRole("link", { name: /Brief/ }).click();
    await expect(page.getByRole("heading", { level: 1 })).toContainText(campaign.name);
    await expect(page.getByRole("heading", { name: `Spring launch ${id}` })).toBeVisible();
    await waitForHydration(page.getByRole("form", { name: "Your decision" }));
    await screenshotViewports(page, testInfo, "client-review-brief");
    await page.getByLabel("Approve with conditions").check();
    await page.getByRole("button", { name: "Send decision" }).click();
    await expect(page.getByText("Write the conditions of your approval")).toBeVisible();
    await page.getByLabel("Conditions (required)").fill("Use the new logo");
    await page.getByRole("button", { name: "Send decision" }).click();
    await expect(page.getByText(/Approved with conditions by/)).toBeVisible();
  });

  await as(browser, "cm", async (page) => {
    await move(page.request, campaign.id, "BRIEF_APPROVED");
    await move(page.request, campaign.id, "SOURCING");
    await gotoHydrated(
      page,
      `/agency/campaigns/${campaign.id}`,
      page.getByRole("button", { name: "Send shortlist to client" }),
    );
    await page.getByRole("button", { name: "Send shortlist to client" }).click();
    await expect(page.locator("#approvals")).toContainText(/Shortlist v\d+/);
  });

  await as(browser, "client", async (page) => {
    await page.goto("/client/approvals");
    await page
      .locator("tr", { hasText: campaign.name })
      .getByRole("link", { name: /Shortlist/ })
      .click();
    await waitForHydration(page.getByRole("form", { name: "Your decision" }));
    await expect(page.getByRole("list", { name: "Shortlisted influencers" })).toContainText("EUR 1,500.00");
    await page
      .getByRole("radiogroup", { name: `Decision on Shortlist ${id} 2` })
      .getByLabel(/Reject/)
      .check();
    await screenshotViewports(page, testInfo, "client-review-shortlist");
    await page.getByRole("button", { name: "Send decision" }).click();
    await expect(page.getByText(/Approved by/)).toBeVisible();
    await expect(page.getByRole("list", { name: "Shortlisted influencers" }).getByText("Rejected")).toHaveCount(1);
  });

  await as(browser, "cm", async (page) => {
    await page.goto("/agency");
    await expect(page.getByTestId("notification-count")).toBeVisible();
    await page.getByTestId("notification-bell").click();
    await expect(page.getByRole("heading", { level: 1, name: "Notifications" })).toBeVisible();
    await expect(page.getByRole("list", { name: "Notifications" })).toContainText(
      `Brief of "${campaign.name}": approved with conditions`,
    );
    await expect(page.getByRole("list", { name: "Notifications" })).toContainText(
      `Shortlist of "${campaign.name}": approved`,
    );
    await move(page.request, campaign.id, "SHORTLIST_APPROVED");
    await page.goto(`/agency/campaigns/${campaign.id}`);
    await expect(page.getByRole("list", { name: "Shortlist" })).toContainText("client rejected");
  });
});

test("a client user of another agency's client gets 404 for the review page", async ({ browser }) => {
  const id = uniqueId();
  const campaign = await as(browser, "cm", (page) => setUp(page.request, id));
  const approval = await as(browser, "cm", async (page) =>
    ok<{ id: string }>(await page.request.post(`/api/campaigns/${campaign.id}/approvals`, { data: { type: "BRIEF" } })),
  );
  await as(browser, "bh-client", async (page) => {
    const response = await page.goto(`/client/approvals/${approval.id}`);
    expect(response?.status()).toBe(404);
    expect((await page.request.get(`/api/approvals/${approval.id}`)).status()).toBe(404);
  });
  // The allowed twin: the campaign's own client reads it.
  await as(browser, "client", async (page) => {
    expect((await page.goto(`/client/approvals/${approval.id}`))?.status()).toBe(200);
  });
});
