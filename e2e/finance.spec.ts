import fs from "node:fs";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { FINANCE_E2E } from "../scripts/seed/demo/finance-e2e-fixtures";
import { waitForHydration } from "./support/auth";
import { renderPdf } from "./support/pdf";
import { authFile, type RoleKey } from "./support/roles";
import { screenshotViewports } from "./support/screenshots";
import { uniqueId } from "./support/users";

// Issue 5 end to end on the finance seed (scripts/seed/demo/finance.ts): a campaign manager budgets the Lumière
// campaign waiting in BUDGET_IN_REVIEW above the approval threshold, revises it and submits it; finance
// approves, then the director; the campaign moves to BUDGET_APPROVED. Finance issues the seeded approved
// client invoice and downloads its PDF; the client sees and downloads it; the creator sees a rounded total.
// Only this spec touches those seeded rows; everything else it makes carries a unique id.

const BUDGET_CAMPAIGN = FINANCE_E2E.northwind.campaign;
const APPROVED_INVOICE = FINANCE_E2E.northwind.invoice;
// The quote of scripts/seed/demo/finance.ts that finance approved and the client still has to.
const SENT_QUOTE_CAMPAIGN = "Lumière Glow Serum Launch";
const SENT_QUOTE = "Glow Serum launch — quote";

async function as<T>(browser: Browser, role: RoleKey, work: (page: Page) => Promise<T>): Promise<T> {
  const context = await browser.newContext({ storageState: authFile(role) });
  try {
    return await work(await context.newPage());
  } finally {
    await context.close();
  }
}

const LINES: [string, string][] = [
  ["Creator fees, 4 reels", "6000"],
  ["Shoot and edit", "2500"],
  ["Boosted posts", "2000"],
  ["Agency fee", "1500"],
  ["Contingency", "500"],
];

test("a budget above the threshold goes through finance and the director; the campaign moves to budget approved", async ({
  browser,
}, testInfo) => {
  test.setTimeout(240_000);
  const id = uniqueId();
  const title = `Launch budget ${id}`;

  const { objectId, campaignId } = await as(browser, "cm", async (page) => {
    await page.goto(`/agency/campaigns?q=${encodeURIComponent(BUDGET_CAMPAIGN)}`);
    await page.getByRole("link", { name: BUDGET_CAMPAIGN }).first().click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(BUDGET_CAMPAIGN);
    const campaignId = page.url().split("/agency/campaigns/")[1].split(/[?#]/)[0];
    // Without an approved budget the move control offers "Budget approved" disabled, with the guard's reason.
    await expect(page.getByRole("heading", { level: 1 }).locator("..")).toContainText("Budget in review");
    const blocked = page.getByLabel("Move to").locator('option[value="BUDGET_APPROVED"]');
    await expect(blocked).toBeDisabled();
    await expect(blocked).toContainText("No approved budget for this campaign");
    await page.getByRole("navigation", { name: "Sections" }).getByRole("link", { name: "Finance" }).click();
    const form = page.getByRole("form", { name: "New financial object" });
    await waitForHydration(form);
    await form.getByLabel("Type").selectOption("BUDGET");
    await form.getByLabel("Title").fill(title);
    for (const [i, [description, price]] of LINES.entries()) {
      await form.getByLabel(`Line ${i + 1} description`).fill(description);
      await form.getByLabel(`Line ${i + 1} unit price`, { exact: false }).fill(price);
    }
    await expect(form.getByRole("definition").last()).toContainText("12,500.00");
    await screenshotViewports(page, testInfo, "finance-campaign-tab");
    await form.getByRole("button", { name: "Save draft" }).click();
    await page.waitForURL(/\/agency\/finance\/[0-9a-f-]{36}$/);
    const objectId = page.url().split("/agency/finance/")[1];
    await expect(page.getByRole("heading", { level: 1 })).toContainText(title);

    // A revision with a reason, so the history has two revisions to compare.
    await waitForHydration(page.getByRole("button", { name: "Revise" }));
    await page.getByRole("button", { name: "Revise" }).click();
    const revise = page.getByRole("form", { name: "Revise" });
    await revise.getByRole("button", { name: "Save revision" }).click();
    await expect(revise.getByText("Say why you revise it")).toBeVisible();
    await revise.getByLabel("Line 5 unit price", { exact: false }).fill("1000");
    await revise.getByLabel("Reason for the revision (required)").fill("More contingency for reshoots");
    await revise.getByRole("button", { name: "Save revision" }).click();
    await expect(page.getByText("Revision 2", { exact: false }).first()).toBeVisible();

    await page.getByRole("link", { name: "Revision history" }).click();
    await expect(page.getByRole("heading", { name: "Revision 1 → revision 2" })).toBeVisible();
    await expect(page.getByRole("list", { name: "Changed lines" })).toContainText("Contingency");
    await expect(page.getByRole("table").first()).toContainText("More contingency for reshoots");
    await screenshotViewports(page, testInfo, "finance-revision-history");

    await page.goto(`/agency/finance/${objectId}`);
    await waitForHydration(page.getByRole("button", { name: "Submit for approval" }));
    await page.getByRole("button", { name: "Submit for approval" }).click();
    await expect(page.getByRole("list", { name: "Approval chain" })).toContainText("Waiting");
    return { objectId, campaignId };
  });

  await as(browser, "fin", async (page) => {
    await page.goto("/finance/queue");
    const filters = page.getByRole("search", { name: "Filter" });
    // The campaign is searched as one types (not every campaign is sent with the page): its name picks its id.
    const campaignField = filters.getByLabel("Campaign");
    await waitForHydration(campaignField);
    await campaignField.fill(BUDGET_CAMPAIGN);
    await expect(filters.locator('input[type="hidden"][name="campaignId"]')).toHaveValue(campaignId);
    await filters.getByLabel("Type").selectOption("BUDGET");
    await filters.getByLabel("Amount from").fill("10000");
    await filters.getByRole("button", { name: "Filter" }).click();
    await expect(page).toHaveURL(/type=BUDGET/);
    await expect(page).toHaveURL(new RegExp(`campaignId=${campaignId}`));
    await expect(filters.getByLabel("Campaign")).toHaveValue(BUDGET_CAMPAIGN);
    const row = page.getByRole("row", { name: new RegExp(title) });
    await expect(row).toBeVisible();
    await screenshotViewports(page, testInfo, "finance-queue");
    // Decided from the queue row: a rejection needs a reason (the field opens in the row), then approve.
    const decide = row.getByRole("form", { name: `Decide on ${title}` });
    await waitForHydration(decide);
    await decide.getByRole("button", { name: `Reject ${title}…` }).click();
    const reject = row.getByRole("form", { name: `Reject ${title}` });
    await expect(reject.getByLabel("Reason (required)")).toBeFocused();
    await reject.getByRole("button", { name: "Reject", exact: true }).click();
    await expect(reject.getByText("Say why you reject it")).toBeVisible();
    await screenshotViewports(page, testInfo, "finance-queue-reject");
    await reject.getByRole("button", { name: "Cancel" }).click();
    await row.getByRole("button", { name: `Approve ${title}` }).click();
    // Approved: no longer waiting for finance, so it leaves the queue.
    await expect(page.getByRole("row", { name: new RegExp(title) })).toHaveCount(0);
    await page.goto(`/finance/objects/${objectId}`);
    await expect(page.getByRole("list", { name: "Approval chain" }).getByRole("listitem").first()).toContainText(
      "Approved",
    );
  });

  await as(browser, "dir", async (page) => {
    await page.goto("/agency/approvals");
    await page.locator(`a[href="/agency/finance/${objectId}"]`).click();
    const decide = page.getByRole("form", { name: "Your decision" });
    await waitForHydration(decide);
    await decide.getByRole("button", { name: "Send decision" }).click();
    await expect(page.getByRole("heading", { level: 1 }).locator("..")).toContainText("Approved");
    await screenshotViewports(page, testInfo, "finance-object-approved");
  });

  // The backend moves the campaign on when the budget's last approval lands (lib/domain/finance/approval-hooks.ts):
  // the move control showed the step refused before (checked above), the campaign is now in BUDGET_APPROVED.
  await as(browser, "cm", async (page) => {
    await page.goto(`/agency/campaigns/${campaignId}`);
    await expect(page.getByRole("heading", { level: 1 }).locator("..")).toContainText("Budget approved");
    await expect(page.getByText(`Budget "${title}" approved`)).toBeVisible();
    await expect(page.getByLabel("Move to").locator('option[value="BUDGET_APPROVED"]')).toHaveCount(0);
  });
});

test("finance issues the approved invoice and downloads its PDF; the client downloads it; the creator sees rounded earnings", async ({
  browser,
}, testInfo) => {
  test.setTimeout(180_000);
  const number = await as(browser, "fin", async (page) => {
    await page.goto("/finance/objects?type=CLIENT_INVOICE&status=APPROVED");
    await page.getByRole("link", { name: APPROVED_INVOICE }).click();
    const issue = page.getByRole("form", { name: "Issue invoice" });
    await waitForHydration(issue);
    await issue.getByRole("button", { name: "Issue invoice" }).click();
    const heading = page.getByRole("heading", { level: 1 });
    await expect(heading).toContainText(/INV-\d{4}-\d{5}/);
    const number = (await heading.textContent())!.match(/INV-\d{4}-\d{5}/)![0];
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("link", { name: "Download PDF" }).click(),
    ]);
    const pdf = fs.readFileSync((await download.path())!);
    expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
    const rendered = await renderPdf(browser, pdf, testInfo, "finance-invoice-pdf");
    expect(rendered.text).toContain(number);

    // The list of client invoices exports as CSV with the same filter.
    await page.goto("/finance/objects?type=CLIENT_INVOICE");
    const href = await page.getByRole("link", { name: "Export CSV" }).getAttribute("href");
    expect(href).toContain("type=CLIENT_INVOICE");
    const csv = await page.request.get(href!);
    expect(csv.headers()["content-type"]).toContain("text/csv");
    expect(await csv.text()).toContain(number);
    return number;
  });

  await as(browser, "client", async (page) => {
    await page.goto("/client/invoices");
    const row = page.getByRole("row", { name: new RegExp(number) });
    await expect(row).toBeVisible();
    await screenshotViewports(page, testInfo, "client-invoices");
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      row.getByRole("link", { name: /PDF/ }).click(),
    ]);
    const pdf = fs.readFileSync((await download.path())!);
    expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
  });

  await as(browser, "creator", async (page) => {
    await page.goto("/creator/earnings");
    await expect(page.getByTestId("earnings-total")).toHaveText(/^[£€$][\d.]+[KM]?$/);
    await screenshotViewports(page, testInfo, "creator-earnings");
  });
});

test("the client approves the quote sent to them", async ({ browser }, testInfo) => {
  await as(browser, "client", async (page) => {
    await page.goto("/client/approvals");
    await page
      .getByRole("row", { name: new RegExp(SENT_QUOTE_CAMPAIGN) })
      .filter({ hasText: "Finance" })
      .getByRole("link")
      .first()
      .click();
    await expect(page.getByRole("heading", { level: 1 })).toContainText(SENT_QUOTE_CAMPAIGN);
    await expect(page.getByText(SENT_QUOTE)).toBeVisible();
    await expect(page.getByRole("table")).toContainText("Six creators, one reel and three stories each");
    const decide = page.getByRole("form", { name: "Your decision" });
    await waitForHydration(decide);
    await screenshotViewports(page, testInfo, "client-review-quote");
    await decide.getByRole("button", { name: "Send decision" }).click();
    await expect(page.getByText(/Approved by/)).toBeVisible();
  });
});
