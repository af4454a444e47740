import { expect, test } from "@playwright/test";
import { gotoHydrated, waitForHydration } from "./support/auth";
import { authFile } from "./support/roles";
import { screenshotViewports } from "./support/screenshots";
import { uniqueId } from "./support/users";

// The influencer directory as a campaign manager: quick-add a stub, find it again with a typo, filter,
// open it, promote it (a validation error first), import a CSV with one bad row, export the search.
// Every test makes its own influencers (names and handles carry a unique id), so the tests run in parallel.

test.describe("influencer directory as a campaign manager", () => {
  test.use({ storageState: authFile("cm") });

  test("quick add, typo search, filter, open and promote", async ({ page }, testInfo) => {
    const id = uniqueId();
    const name = `Lumière Beauty ${id}`;
    await gotoHydrated(page, "/agency/influencers", page.getByRole("button", { name: "Quick add" }));
    await expect(page.getByRole("heading", { level: 1, name: "Influencers" })).toBeVisible();
    await page.getByRole("button", { name: "Quick add" }).click();
    const dialog = page.getByRole("dialog");
    await dialog.getByLabel("Display name").fill(name);
    await dialog.getByLabel("Platform").selectOption("TIKTOK");
    await dialog.getByLabel("Handle").fill(`@Lumiere.${id}`);
    await dialog.getByRole("button", { name: "Add stub" }).click();
    await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
    await expect(page.getByText(`@lumiere.${id}`)).toBeVisible();

    // A typo in the name still finds it; a filter that excludes it empties the result.
    await page.goto(`/agency/influencers?q=${encodeURIComponent(`lumiere beuty ${id}`)}`);
    await expect(page.locator("main table tbody tr").first()).toContainText(name);
    await page.getByLabel("Platform").selectOption("TIKTOK");
    await page.getByRole("button", { name: "Filter" }).click();
    await expect(page).toHaveURL(/platform=TIKTOK/);
    await expect(page.locator("main table tbody tr").first()).toContainText(name);
    await page.getByLabel("Platform").selectOption("YOUTUBE");
    await page.getByRole("button", { name: "Filter" }).click();
    await expect(page.getByText("No influencers match")).toBeVisible();
    await page.getByLabel("Platform").selectOption("");
    await page.getByRole("button", { name: "Filter" }).click();
    await screenshotViewports(page, testInfo, "influencers-directory");

    await page.locator("main table tbody tr").first().getByRole("link", { name }).click();
    await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
    const promote = page.getByRole("button", { name: "Promote to full profile" });
    await waitForHydration(promote);
    await promote.click();
    const form = page.getByRole("form", { name: "Promote to full profile" });
    await form.getByLabel("Legal name").fill("Lumière Beauty SAS");
    await form.getByRole("button", { name: "Promote to full profile" }).click();
    await expect(form.getByText("Enter the e-mail address")).toBeVisible();
    await expect(form.getByText("Add at least one niche")).toBeVisible();
    await form.getByLabel("E-mail", { exact: true }).fill(`lumiere-${id}@example.test`);
    await form.getByLabel("Country").fill("FR");
    await form.getByLabel("Languages").fill("fr, en");
    await form.getByLabel("Niches").fill("beauty");
    await form.getByLabel("Payment details (optional)").fill("FR76 3000 6000 0112 3456 7890 189");
    await form.getByRole("button", { name: "Promote to full profile" }).click();
    await expect(page.getByText("Full", { exact: true })).toBeVisible();
    await expect(page.getByText("•••• 0189")).toBeVisible();
    await expect(page.getByText("FR76 3000")).toHaveCount(0);
    await screenshotViewports(page, testInfo, "influencer-profile");
  });

  test("import a CSV with one bad row, commit with progress, export the search", async ({ page }) => {
    const id = uniqueId();
    const csv = [
      "display_name,platform,handle,followers,engagement_rate,country,languages,niches",
      `Import One ${id},instagram,import1.${id},1200,3.5,DE,de,travel`,
      `Import Two ${id},tiktok,@Import2.${id},800,,FR,fr;en,"food;beauty"`,
      `Import Bad ${id},myspace,import3.${id},lots,,,,`,
    ].join("\r\n");
    await gotoHydrated(page, "/agency/influencers/import", page.getByLabel("CSV file"));
    await page
      .getByLabel("CSV file")
      .setInputFiles({ name: "influencers.csv", mimeType: "text/csv", buffer: Buffer.from(csv) });
    await expect(page.getByText("2 of 3 rows are ready to import")).toBeVisible();
    const errors = page.getByRole("table", { name: "Row errors" });
    await expect(errors).toContainText("platform");
    await expect(errors).toContainText("followers");
    await expect(errors.locator("tbody tr").first()).toContainText("4");
    await page.getByRole("button", { name: "Import 2 influencers" }).click();
    await expect(page.getByRole("progressbar", { name: "Import progress" })).toHaveAttribute("aria-valuenow", "100");
    await expect(page.getByText("Imported 2 influencers.")).toBeVisible();

    await page.goto(`/agency/influencers?q=${encodeURIComponent(`Import ${id}`)}&sort=name`);
    await expect(page.locator("main table tbody tr")).toHaveCount(2);
    const download = page.waitForEvent("download");
    await page.getByRole("link", { name: "Export CSV" }).click();
    const file = await download;
    const text = await (
      await file.createReadStream()
    )
      .toArray()
      .then((chunks) => Buffer.concat(chunks).toString("utf8"));
    expect(text.split("\r\n")[0]).toBe(
      "id,display_name,profile_type,status,country,languages,niches,total_followers,top_engagement_rate,handles,updated_at",
    );
    expect(text).toContain(`Import One ${id}`);
    expect(text).toContain(`tiktok:import2.${id}`);
    expect(text).not.toContain(`Import Bad ${id}`);
  });

  test("another agency's influencer is a 404", async ({ page }) => {
    const response = await page.goto("/agency/influencers/00000000-0000-4000-8000-000000000000");
    expect(response?.status()).toBe(404);
  });
});
