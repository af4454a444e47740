import path from "node:path";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { waitForHydration } from "./support/auth";
import { authFile, type RoleKey } from "./support/roles";
import { screenshotViewports } from "./support/screenshots";

// Issue 4 end to end, on the seeded content campaign (scripts/seed/demo/content.ts: a Lumière Cosmetics campaign in
// IN_PRODUCTION with the demo creator contracted and exactly one OFFERED task requiring a DRAFT). No other
// spec touches it. The creator accepts and uploads a draft; the manager requests changes with a comment
// anchored on the image; the creator uploads version 2; the manager compares v1 with v2, approves v2 and
// sends it to the client; the client approves with conditions; the manager moves the campaign to
// "Content approved".

// Copied from scripts/seed/demo/content.ts (the seed module pulls in Prisma, which the test runner has no use for).
const CAMPAIGN = "Lumière Autumn Glow";
const TASK = "Autumn Glow reel";

const FIXTURES = path.join(import.meta.dirname, "fixtures");

async function as<T>(browser: Browser, role: RoleKey, work: (page: Page) => Promise<T>): Promise<T> {
  const context = await browser.newContext({ storageState: authFile(role) });
  try {
    return await work(await context.newPage());
  } finally {
    await context.close();
  }
}

async function uploadDraft(page: Page, file: string, note: string) {
  const form = page.getByRole("form", { name: "Upload a new version" });
  await waitForHydration(form);
  await form.getByLabel("What are you uploading?").selectOption("DRAFT");
  await form.getByLabel("File (image, video or PDF)").setInputFiles(path.join(FIXTURES, file));
  await form.getByLabel("Note to the reviewer (optional)").fill(note);
  await form.getByRole("button", { name: /^Upload/ }).click();
}

test("a content task from offer to the client's approval, and the campaign moves to content approved", async ({
  browser,
}, testInfo) => {
  test.setTimeout(240_000);

  // The creator accepts the offer and uploads the first draft.
  const taskUrl = await as(browser, "creator", async (page) => {
    await page.goto("/creator/tasks");
    const offer = page.getByRole("article", { name: TASK });
    await expect(offer).toContainText(CAMPAIGN);
    await expect(offer).toContainText("Offered");
    await waitForHydration(offer.getByRole("button", { name: `Accept ${TASK}` }));
    await offer.getByRole("button", { name: `Accept ${TASK}` }).click();
    await expect(offer).toContainText("Accepted");
    await offer.getByRole("link", { name: TASK }).click();
    await expect(page.getByRole("heading", { level: 1, name: TASK })).toBeVisible();
    await uploadDraft(page, "draft-v1.png", "First cut");
    await expect(page.getByText("Uploaded Draft version 1")).toBeVisible();
    await expect(page.getByRole("region", { name: "Versions", exact: true })).toContainText("Draft v1");
    return page.url();
  });

  // The manager finds the task on the campaign's content board and requests changes with an anchored comment.
  const reviewUrl = await as(browser, "cm", async (page) => {
    await page.goto(`/agency/campaigns?q=${encodeURIComponent(CAMPAIGN)}`);
    await page.getByRole("link", { name: CAMPAIGN }).first().click();
    await page.getByRole("navigation", { name: "Sections" }).getByRole("link", { name: "Content" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toContainText(CAMPAIGN);
    await page.getByRole("list", { name: "Content board" }).getByRole("link", { name: TASK }).click();
    await expect(page.getByRole("heading", { level: 1, name: TASK })).toBeVisible();
    const image = page.getByRole("img", { name: /version 1/ });
    await expect(image).toBeVisible();
    await waitForHydration(page.getByRole("form", { name: "Comment on version 1" }));
    await image.click({ position: { x: 120, y: 60 } });
    await expect(page.getByText(/Anchored at \d+%, \d+%/)).toBeVisible();
    await page.getByLabel("Add a comment").fill("Move the product into the light here");
    await page.getByRole("button", { name: "Post comment" }).click();
    await expect(page.getByRole("list", { name: "Comments on version 1" })).toContainText(
      "Move the product into the light here",
    );
    await expect(page.getByRole("list", { name: "Comments on version 1" }).getByLabel(/Marker 1 at/)).toBeVisible();
    await page.getByLabel("Review note (required to request changes)").fill("Brighter product shot, please");
    await page.getByRole("button", { name: "Request changes" }).click();
    await expect(page.getByRole("link", { name: /Draft v1/ })).toContainText("Changes requested");
    return page.url();
  });

  // The creator sees the feedback and uploads version 2.
  await as(browser, "creator", async (page) => {
    await page.goto(taskUrl);
    await expect(page.getByRole("region", { name: "Feedback" })).toContainText("Brighter product shot, please");
    await uploadDraft(page, "draft-v2.png", "Brighter shot");
    await expect(page.getByText("Uploaded Draft version 2")).toBeVisible();
    await expect(page.getByRole("region", { name: "Versions", exact: true })).toContainText("Draft v2");
    await screenshotViewports(page, testInfo, "content-creator-task");
  });

  // The manager compares v1 with v2, approves v2 and sends it to the client.
  await as(browser, "cm", async (page) => {
    await page.goto(reviewUrl.split("?")[0]);
    await expect(page.getByRole("img", { name: /version 2/ })).toBeVisible();
    const compare = page.getByRole("form", { name: "Compare versions" });
    await compare.getByLabel("Compare").selectOption({ label: "Draft v1" });
    await compare.getByLabel("with").selectOption({ label: "Draft v2" });
    await compare.getByRole("button", { name: "Compare" }).click();
    const view = page.getByTestId("compare-view");
    await expect(view.getByRole("figure", { name: "Draft v1" }).getByRole("img")).toBeVisible();
    await expect(view.getByRole("figure", { name: "Draft v2" }).getByRole("img")).toBeVisible();
    await screenshotViewports(page, testInfo, "content-compare");
    await page.goto(reviewUrl.split("?")[0]);
    await waitForHydration(page.getByRole("button", { name: "Approve internally" }));
    await page.getByRole("button", { name: "Approve internally" }).click();
    await expect(page.getByRole("link", { name: /Draft v2/ })).toContainText("Approved by the agency");
    await page.getByRole("button", { name: "Send v2 to client" }).click();
    await expect(page.getByRole("link", { name: /Draft v2/ })).toContainText("With the client");
    await screenshotViewports(page, testInfo, "content-review");
  });

  // The client approves version 2 with conditions.
  await as(browser, "client", async (page) => {
    await page.goto("/client/approvals");
    await page
      .locator("tr", { hasText: CAMPAIGN })
      .getByRole("link", { name: /Content/ })
      .first()
      .click();
    await expect(page.getByRole("heading", { level: 1 })).toContainText(CAMPAIGN);
    await expect(page.getByRole("img", { name: /version 2/ })).toBeVisible();
    await expect(page.getByText("Brighter product shot, please")).toHaveCount(0);
    await waitForHydration(page.getByRole("form", { name: "Your decision" }));
    await page.getByLabel("Approve with conditions").check();
    await page.getByLabel("Conditions (required)").fill("Add the #ad label in the first second");
    await page.getByRole("button", { name: "Send decision" }).click();
    await expect(page.getByText(/Approved with conditions by/)).toBeVisible();
  });

  // The manager moves the campaign on through content review to "Content approved" with the campaign page's
  // move control (the guard of the last step checks that every content task is approved).
  await as(browser, "cm", async (page) => {
    await page.goto(reviewUrl.split("?")[0]);
    await expect(page.getByRole("link", { name: /Draft v2/ })).toContainText("Client approved with conditions");
    await page.getByRole("navigation", { name: "Breadcrumb" }).getByRole("link").click();
    await expect(page.getByRole("list", { name: "Content board" })).toContainText("Approved");
    await page
      .getByRole("navigation", { name: "Breadcrumb" })
      .getByRole("link", { name: CAMPAIGN, exact: true })
      .click();
    const move = page.getByRole("form", { name: "Move campaign" });
    await waitForHydration(move);
    const status = page.getByRole("heading", { level: 1, name: CAMPAIGN }).locator("xpath=following-sibling::p[1]");
    for (const label of ["Content in internal review", "Content in client review", "Content approved"]) {
      await move.getByLabel("Move to").selectOption({ label });
      await move.getByRole("button", { name: "Move" }).click();
      await expect(status).toContainText(label);
    }

    // The approved post gets its slot: the manager marks the task as scheduled.
    await page.goto(reviewUrl.split("?")[0]);
    await waitForHydration(page.getByRole("button", { name: "Mark as scheduled" }));
    await page.getByRole("button", { name: "Mark as scheduled" }).click();
    await expect(page.getByText("Scheduled", { exact: true }).first()).toBeVisible();
    await expect(page.getByRole("button", { name: "Mark as scheduled" })).toHaveCount(0);
  });

  // The influencer posts the approved content and reports its address; the task becomes published.
  await as(browser, "creator", async (page) => {
    await page.goto(taskUrl);
    const report = page.getByRole("form", { name: `Report ${TASK} as published` });
    await waitForHydration(report);
    await report.getByRole("button", { name: "Report as published" }).click();
    await expect(report.getByText(/must be a web address/).first()).toBeVisible();
    await report.getByLabel("Post URL").fill("https://www.instagram.com/p/autumn-glow-e2e/");
    await report.getByRole("button", { name: "Report as published" }).click();
    await expect(page.getByText("Published", { exact: true }).first()).toBeVisible();
    await expect(report).toHaveCount(0);
    await screenshotViewports(page, testInfo, "content-creator-published");
  });

  await as(browser, "cm", async (page) => {
    // After publishing: the post's address and figures, entered by hand, show in the campaign's content totals.
    await page.goto(reviewUrl.split("?")[0]);
    await waitForHydration(page.getByRole("button", { name: `Record publication of ${TASK}` }));
    await page.getByRole("button", { name: `Record publication of ${TASK}` }).click();
    const dialog = page.getByRole("dialog");
    await dialog.getByLabel("Post URL").fill("https://www.instagram.com/p/autumn-glow-e2e/");
    await dialog.getByLabel("Published on").fill("2026-11-20");
    await dialog.getByLabel("Views").fill("1200");
    await dialog.getByLabel("Likes").fill("80");
    await dialog.getByRole("button", { name: "Save" }).click();
    await expect(dialog).toBeHidden();
    await page.getByRole("navigation", { name: "Breadcrumb" }).getByRole("link").click();
    const totals = page.getByRole("region", { name: "Published totals" });
    await expect(totals).toContainText("1 / 1");
    await expect(totals).toContainText("1,200");
  });
});

// Copied from scripts/seed/demo/content.ts: a campaign with a task in every status, script versions and comments.
const SHOWCASE = "Lumière Night Repair Stories";

test("the showcase campaign: board and table with overdue tasks, a script's text diff, the client's view without internal comments, 404 for another agency's client", async ({
  browser,
}, testInfo) => {
  test.setTimeout(180_000);
  await as(browser, "cm", async (page) => {
    await page.goto(`/agency/campaigns?q=${encodeURIComponent(SHOWCASE)}`);
    await page.getByRole("link", { name: SHOWCASE }).first().click();
    await page.getByRole("navigation", { name: "Sections" }).getByRole("link", { name: "Content" }).click();
    const board = page.getByRole("list", { name: "Content board" });
    await expect(board.getByTestId("content-card").filter({ hasText: "Serum close-up" })).toContainText("Overdue");
    await expect(
      board
        .getByRole("listitem")
        .filter({ has: page.getByRole("heading", { name: "Published" }) })
        .first(),
    ).toContainText("Launch-day reel");
    await screenshotViewports(page, testInfo, "content-board");
    await page.getByRole("navigation", { name: "View" }).getByRole("link", { name: "Table" }).click();
    const table = page.getByRole("table", { name: "Content tasks" });
    await expect(table.getByRole("row").filter({ hasText: "Serum close-up" })).toContainText("Overdue");
    await expect(table.getByRole("button", { name: "Record publication of Evening routine reel" })).toBeVisible();
    await screenshotViewports(page, testInfo, "content-table");

    await table.getByRole("link", { name: "Before-bed reel" }).click();
    const compare = page.getByRole("form", { name: "Compare versions" });
    await compare.getByLabel("Compare").selectOption({ label: "Script v1" });
    await compare.getByLabel("with").selectOption({ label: "Script v3" });
    await compare.getByRole("button", { name: "Compare" }).click();
    const diff = page.getByLabel("Text changes from Script v1 to Script v3");
    await expect(diff.locator("ins").first()).toBeVisible();
    await expect(diff.locator("del").first()).toBeVisible();
    await screenshotViewports(page, testInfo, "content-compare-text");
  });

  const reviewUrl = await as(browser, "client", async (page) => {
    await page.goto("/client/approvals");
    await page
      .locator("tr", { hasText: SHOWCASE })
      .getByRole("link", { name: /Content/ })
      .first()
      .click();
    await expect(page.getByRole("heading", { level: 1 })).toContainText(SHOWCASE);
    await expect(page.getByText("Second cut with warmer light, as discussed.")).toBeVisible();
    await expect(page.getByText("Internal: we prefer this one, push for approval.")).toHaveCount(0);
    await expect(page.getByText("Warmer light, please.")).toHaveCount(0);
    await expect(page.getByRole("form", { name: "Your decision" })).toBeVisible();
    await screenshotViewports(page, testInfo, "content-client-review");
    return page.url();
  });

  await as(browser, "bh-client", async (page) => {
    expect((await page.goto(reviewUrl))?.status()).toBe(404);
  });
});
