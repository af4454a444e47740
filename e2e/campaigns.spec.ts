import { expect, test, type Browser, type Page } from "@playwright/test";
import { gotoHydrated, waitForHydration } from "./support/auth";
import { authFile, type RoleKey } from "./support/roles";
import { screenshotViewports } from "./support/screenshots";
import { uniqueId } from "./support/users";

// A campaign manager creates a campaign with the wizard, finds it in the table and on the board, moves it,
// and sees a refused move's reason. Client users of another client (and of another agency) get 404 for it;
// the allowed twin: the client user of the campaign's own client sees theirs.

async function clientId(page: Page, name: string): Promise<string> {
  const response = await page.request.get(`/api/clients?q=${encodeURIComponent(name)}`);
  const { data } = (await response.json()) as { data: { id: string; name: string }[] };
  return data.find((c) => c.name === name)!.id;
}

async function asRole<T>(browser: Browser, role: RoleKey, work: (page: Page) => Promise<T>): Promise<T> {
  const context = await browser.newContext({ storageState: authFile(role) });
  try {
    return await work(await context.newPage());
  } finally {
    await context.close();
  }
}

test.describe("campaigns as a campaign manager", () => {
  test.use({ storageState: authFile("cm") });

  test("wizard → table → board; a refused move says why; other clients get 404", async ({
    page,
    browser,
  }, testInfo) => {
    const name = `Autumn Glow ${uniqueId()}`;
    await gotoHydrated(page, "/agency/campaigns/new");
    await expect(page.getByRole("heading", { level: 1, name: "New campaign" })).toBeVisible();

    // Step 1: nothing chosen → messages next to the fields.
    await page.getByRole("button", { name: "Next" }).click();
    await expect(page.getByText("Choose a client", { exact: true })).toBeVisible();
    await expect(page.getByText("Enter the campaign's name")).toBeVisible();
    await page.getByLabel("Client").selectOption({ label: "Brewhaus Coffee" });
    await page.getByLabel("Campaign name").fill(name);
    await page.getByLabel("Objective").fill("Launch the autumn blend to coffee lovers.");
    await screenshotViewports(page, testInfo, "campaign-wizard");
    await page.getByRole("button", { name: "Next" }).click();

    // Step 2: a bad amount and reversed dates are refused on the spot.
    await page.getByLabel("Start date").fill("2026-10-01");
    await page.getByLabel("End date").fill("2026-09-01");
    await page.getByLabel("Planned budget").fill("12.345");
    await page.getByRole("button", { name: "Next" }).click();
    await expect(page.getByText("The end date must be on or after the start date")).toBeVisible();
    await expect(page.getByText(/at most two decimals/)).toBeVisible();
    await page.getByLabel("End date").fill("2026-11-30");
    await page.getByLabel("Planned budget").fill("18000.00");
    await page.getByLabel("Instagram").check();
    await page.getByLabel("TikTok").check();
    await page.getByRole("button", { name: "Next" }).click();

    // Step 3: the owner defaults to the caller.
    await expect(page.getByLabel("Owner")).toBeVisible();
    await page.getByRole("button", { name: "Next" }).click();

    // Step 4: the brief, with a preview that renders markdown but never HTML.
    await page
      .getByLabel("Brief (markdown)")
      .fill("## Goal\nMake **autumn** feel warm.\n\n- 3 reels\n- 2 TikToks\n\n<script>alert(1)</script>");
    await page.getByRole("tab", { name: "Preview" }).click();
    await expect(page.getByRole("tabpanel").getByRole("heading", { name: "Goal" })).toBeVisible();
    await expect(page.getByRole("tabpanel").getByText("<script>alert(1)</script>")).toBeVisible();
    await page.getByRole("button", { name: "Create campaign" }).click();

    await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
    await expect(page).toHaveURL(/\/agency\/campaigns\/[0-9a-f-]{36}$/);
    const id = page.url().split("/").pop()!;
    await expect(page.getByRole("list", { name: "Missing information" })).toContainText("Director");
    await expect(page.locator("#brief")).toContainText("Revision 1");
    await expect(page.getByRole("list", { name: "Status history" })).toContainText("Created as Draft");
    await expect(page.getByLabel("Move to")).toContainText("Brief in review");
    await screenshotViewports(page, testInfo, "campaign-page");

    // The table.
    await page.goto(`/agency/campaigns?q=${encodeURIComponent(name)}`);
    await expect(page.locator("main table tbody tr")).toHaveCount(1);
    await expect(page.locator("main table tbody tr").first()).toContainText("Brewhaus Coffee");

    // The board: move to "Brief in review" (allowed), then "Brief approved" (refused: no approval yet).
    await page.getByRole("navigation", { name: "View" }).getByRole("link", { name: "Board" }).click();
    await expect(page).toHaveURL(/\/agency\/campaigns\/board\?q=/);
    const card = page.getByTestId("board-card").filter({ hasText: name });
    await expect(card).toHaveCount(1);
    const menu = card.getByLabel(`Move ${name} to`);
    await waitForHydration(menu);
    await menu.selectOption({ label: "Brief in review" });
    await card.getByRole("button", { name: "Move" }).click();
    await expect(card).toContainText("Brief in review");
    await expect(card.getByLabel(`Move ${name} to`)).toContainText("Brief approved");
    await card.getByLabel(`Move ${name} to`).selectOption({ label: "Brief approved" });
    await card.getByRole("button", { name: "Move" }).click();
    await expect(card.getByRole("alert")).toHaveText(
      /Cannot move to Brief approved: Brief revision 1 has no approved brief approval/,
    );
    await page.goto("/agency/campaigns/board");
    await expect(page.getByRole("heading", { level: 2, name: /Planning/ })).toBeVisible();
    await screenshotViewports(page, testInfo, "campaign-board");

    // The campaign page lists the blocked move with its reason.
    await page.goto(`/agency/campaigns/${id}`);
    await expect(page.locator("#move-blocked")).toContainText(
      "Brief approved: Brief revision 1 has no approved brief approval",
    );

    // Another client's user and another agency's client user: 404.
    for (const role of ["client", "bh-client"] as const) {
      await asRole(browser, role, async (other) => {
        const response = await other.goto(`/client/campaigns/${id}`);
        expect(response?.status(), role).toBe(404);
        const api = await other.request.get(`/api/campaigns/${id}`);
        expect(api.status(), role).toBe(404);
      });
    }

    // The allowed twin: a Lumière campaign is visible to Lumière's client user, read-only.
    const lumiereName = `Lumière Spring ${uniqueId()}`;
    const created = await page.request.post("/api/campaigns", {
      data: { clientId: await clientId(page, "Lumière Cosmetics"), name: lumiereName, brief: "# Spring\nFresh." },
    });
    expect(created.status()).toBe(201);
    const lumiereId = ((await created.json()) as { data: { id: string } }).data.id;
    await asRole(browser, "client", async (own) => {
      const response = await own.goto(`/client/campaigns/${lumiereId}`);
      expect(response?.status()).toBe(200);
      await expect(own.getByRole("heading", { level: 1, name: lumiereName })).toBeVisible();
      await expect(own.locator("#brief")).toContainText("Fresh.");
      await expect(own.getByLabel("Move to")).toHaveCount(0);
    });
  });
});
