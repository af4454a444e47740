import { expect, test } from "@playwright/test";
import { clickAndWaitForAction, gotoHydrated, waitForHydration } from "./support/auth";
import { clientNames, clientRows, createClientViaApi, createClientsViaApi } from "./support/clients";
import { authFile, ROLES } from "./support/roles";
import { screenshotViewports } from "./support/screenshots";
import { uniqueId } from "./support/users";

// The agency's clients as a campaign manager sees them: list, search, sort, pages, the form with its
// field errors, editing, contacts, and the activity timeline. Archiving needs client.archive, which a
// CM does not have: a director does it, and the CM's refusal is checked beside it.
// Every test makes its own clients (names carry a unique id), so the tests run in parallel.

test.describe("clients as a campaign manager", () => {
  test.use({ storageState: authFile("cm") });

  test("the list shows the seeded clients and a search narrows it", async ({ page }, testInfo) => {
    await page.goto("/agency/clients");
    await expect(page.getByRole("heading", { level: 1, name: "Clients" })).toBeVisible();
    for (const name of ["Lumière Cosmetics", "Brewhaus Coffee", "Fjord Outdoor"]) {
      await expect(clientRows(page).getByRole("link", { name, exact: true })).toBeVisible();
    }
    await expect(page.getByRole("navigation", { name: "Pages" })).toContainText(/Showing 1–\d+ of \d+/);
    await screenshotViewports(page, testInfo, "clients-list");

    await page.getByLabel("Search clients").fill("fjord");
    await page.getByRole("button", { name: "Filter" }).click();
    await expect(page).toHaveURL(/[?&]q=fjord/);
    await expect(clientRows(page)).toHaveCount(1);
    await expect(clientRows(page).first()).toContainText("Fjord Outdoor");
    await expect(page.getByRole("navigation", { name: "Pages" })).toContainText("Showing 1–1 of 1");

    await page.getByLabel("Search clients").fill(`nothing-like-this-${uniqueId()}`);
    await page.getByRole("button", { name: "Filter" }).click();
    await expect(page.getByText("No clients match")).toBeVisible();
  });

  test("sorting by name turns the order around", async ({ page }) => {
    const id = uniqueId();
    const tag = `sort-${id}`;
    await createClientsViaApi(
      page.request,
      ["Alpha", "Bravo", "Charlie"].map((word) => ({ name: `${word} ${id}`, tags: [tag] })),
    );

    await page.goto(`/agency/clients?q=${tag}`);
    const nameHeader = page.getByRole("columnheader", { name: "Name" });
    await expect(nameHeader).toHaveAttribute("aria-sort", "ascending");
    await expect.poll(() => clientNames(page)).toEqual([`Alpha ${id}`, `Bravo ${id}`, `Charlie ${id}`]);

    await nameHeader.getByRole("link").click();
    await expect(page).toHaveURL(/[?&]sort=name&dir=desc/);
    await expect(nameHeader).toHaveAttribute("aria-sort", "descending");
    await expect.poll(() => clientNames(page)).toEqual([`Charlie ${id}`, `Bravo ${id}`, `Alpha ${id}`]);
  });

  test("more than 25 clients are split into pages", async ({ page }) => {
    const id = uniqueId();
    const tag = `page-${id}`;
    await createClientsViaApi(
      page.request,
      Array.from({ length: 26 }, (_, i) => ({ name: `Paged ${String(i + 1).padStart(2, "0")} ${id}`, tags: [tag] })),
    );
    const pages = page.getByRole("navigation", { name: "Pages" });

    await page.goto(`/agency/clients?q=${tag}`);
    await expect(pages).toContainText("Showing 1–25 of 26");
    await expect(pages).toContainText("Page 1 of 2");
    await expect(clientRows(page)).toHaveCount(25);
    await expect(pages.getByRole("link", { name: "First page" })).toHaveCount(0);

    // Keyset pages: "Next" carries the cursor of the last row; the way back is the first page (or the browser's).
    await pages.getByRole("link", { name: "Next" }).click();
    await expect(page).toHaveURL(/[?&]after=/);
    await expect(pages).toContainText("Showing 26–26 of 26");
    await expect(pages).toContainText("Page 2 of 2");
    await expect(clientRows(page)).toHaveCount(1);
    await expect(clientRows(page).first()).toContainText(`Paged 26 ${id}`);
    await expect(pages.getByRole("link", { name: "Next" })).toHaveCount(0);

    await pages.getByRole("link", { name: "First page" }).click();
    await expect(pages).toContainText("Showing 1–25 of 26");
    await page.goBack();
    await expect(pages).toContainText("Showing 26–26 of 26");

    await page.goto(`/agency/clients?q=${tag}&take=10&page=3`);
    await expect(pages).toContainText("Showing 21–26 of 26");
    await expect(pages).toContainText("Page 3 of 3");
    await expect(clientRows(page)).toHaveCount(6);
  });

  test("the form shows field errors next to their fields and creates nothing, then creates the client", async ({
    page,
  }, testInfo) => {
    const id = uniqueId();
    const name = `E2E Brand ${id}`;
    await gotoHydrated(page, "/agency/clients/new");
    await expect(page.getByRole("heading", { level: 1, name: "New client" })).toBeVisible();

    await page.getByLabel("Legal name").fill(`Legal ${id} GmbH`);
    await page.getByLabel("VAT number").fill("x");
    await page.getByRole("button", { name: "Create client" }).click();
    await expect(page.locator("#name-error")).toHaveText("Enter the client's name");
    await expect(page.locator("#vatNumber-error")).toHaveText("A VAT number has 4 to 20 letters and digits");
    await expect(page.getByLabel("Name", { exact: true })).toHaveAttribute("aria-invalid", "true");
    await expect(page.getByLabel("Name", { exact: true })).toBeFocused();
    await expect(page.getByLabel("VAT number")).toHaveAttribute("aria-describedby", "vatNumber-error");
    await expect(page).toHaveURL("/agency/clients/new");
    await screenshotViewports(page, testInfo, "client-form-errors");

    const search = await page.request.get(`/api/clients?q=${encodeURIComponent(`Legal ${id}`)}`);
    expect(search.ok()).toBe(true);
    expect((await search.json()).page.total, "nothing may be created").toBe(0);

    await page.getByLabel("Name", { exact: true }).fill(name);
    await page.getByLabel("VAT number").fill("de 811 907 980");
    await page.getByLabel("Website").fill(`example.com/${id}`);
    await page.getByLabel("Industry").fill("Beauty");
    await page.getByLabel("Country").fill("de");
    await page.getByLabel("Tags").fill("E2E, skincare");
    await page.getByLabel("Status").selectOption("ACTIVE");
    await page.getByRole("button", { name: "Create client" }).click();

    await expect(page).toHaveURL(/\/agency\/clients\/[0-9a-f-]{36}$/);
    await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
    const details = page.locator("dl").first();
    await expect(details).toContainText("DE811907980");
    await expect(details).toContainText(`https://example.com/${id}`);
    await expect(details).toContainText("e2e, skincare");
    await expect(details).toContainText("DE");
    await expect(page.locator("main")).toContainText("Active");
    await expect(page.getByRole("listitem").filter({ hasText: "created the client" })).toContainText(ROLES.cm.email);
    await screenshotViewports(page, testInfo, "client-detail");

    await page.goto(`/agency/clients?q=${id}`);
    await expect.poll(() => clientNames(page)).toEqual([name]);
  });

  test("editing a client changes its details and shows in the timeline", async ({ page }, testInfo) => {
    const client = await createClientViaApi(page.request, { name: `E2E Edit ${uniqueId()}`, status: "PROSPECT" });
    await page.goto(`/agency/clients/${client.id}`);
    await page.getByRole("link", { name: "Edit", exact: true }).click();
    await expect(page).toHaveURL(`/agency/clients/${client.id}/edit`);
    await expect(page.getByRole("heading", { level: 1, name: `Edit ${client.name}` })).toBeVisible();
    await waitForHydration(page.locator("main form"));
    await screenshotViewports(page, testInfo, "client-form-edit");

    await page.getByLabel("Industry").fill("Coffee roasting");
    await page.getByLabel("Status").selectOption("ACTIVE");
    await page.getByLabel("Website").fill("not a web address");
    await page.getByRole("button", { name: "Save changes" }).click();
    await expect(page.locator("#website-error")).toHaveText("Enter a valid web address");

    await page.getByLabel("Website").fill("");
    await page.getByRole("button", { name: "Save changes" }).click();
    await expect(page).toHaveURL(`/agency/clients/${client.id}`);
    await expect(page.locator("dl").first()).toContainText("Coffee roasting");
    const edited = page.getByRole("listitem").filter({ hasText: "edited the client" });
    await expect(edited).toContainText(ROLES.cm.email);
    await expect(edited).toContainText("industry");
    await expect(edited).toContainText("Coffee roasting");
    await expect(page.getByRole("listitem").filter({ hasText: "created the client" })).toBeVisible();
  });

  test("contacts are added, edited and removed in the dialog", async ({ page }) => {
    const id = uniqueId();
    const client = await createClientViaApi(page.request, { name: `E2E Contacts ${id}` });
    const contact = `Jamie ${id}`;
    await page.goto(`/agency/clients/${client.id}`);
    const contacts = page.getByRole("list", { name: "Contacts" });

    const add = page.getByRole("button", { name: "Add contact" });
    await waitForHydration(add);
    await add.click();
    const dialog = page.getByRole("dialog");
    await expect(dialog.getByRole("heading", { name: "Add a contact" })).toBeVisible();
    await waitForHydration(dialog.locator("form"));
    await dialog.getByLabel("Name").fill(contact);
    await dialog.getByLabel("E-mail", { exact: true }).fill("not-an-address");
    await dialog.getByRole("button", { name: "Add contact" }).click();
    await expect(dialog.locator("#contact-email-error")).toHaveText("Enter a valid e-mail address");
    await dialog.getByLabel("E-mail", { exact: true }).fill(`jamie-${id}@example.com`);
    await dialog.getByLabel("Title").fill("Brand Manager");
    await dialog.getByRole("button", { name: "Add contact" }).click();
    await expect(dialog).toBeHidden();
    await expect(contacts.getByRole("listitem")).toHaveCount(1);
    await expect(contacts).toContainText(contact);
    await expect(contacts).toContainText("Brand Manager");
    await expect(contacts).toContainText(`jamie-${id}@example.com`);

    await page.getByRole("button", { name: `Edit ${contact}` }).click();
    await expect(dialog.getByRole("heading", { name: `Edit ${contact}` })).toBeVisible();
    await waitForHydration(dialog.locator("form"));
    await dialog.getByLabel("Title").fill("Head of Marketing");
    await dialog.getByRole("button", { name: "Save contact" }).click();
    await expect(dialog).toBeHidden();
    await expect(contacts).toContainText("Head of Marketing");
    await expect(contacts).not.toContainText("Brand Manager");

    page.once("dialog", (confirm) => void confirm.accept());
    await clickAndWaitForAction(page, page.getByRole("button", { name: `Remove ${contact}` }));
    await expect(page.getByText("No contacts yet.")).toBeVisible();

    const timeline = page.getByRole("listitem");
    await expect(timeline.filter({ hasText: `added contact ${contact}` })).toBeVisible();
    await expect(timeline.filter({ hasText: `edited contact ${contact}` })).toBeVisible();
    await expect(timeline.filter({ hasText: `removed contact ${contact}` })).toBeVisible();
  });

  test("a campaign manager may not archive: no button, and the API refuses", async ({ page }) => {
    const client = await createClientViaApi(page.request, { name: `E2E No Archive ${uniqueId()}` });
    await page.goto(`/agency/clients/${client.id}`);
    await expect(page.getByRole("link", { name: "Edit", exact: true })).toBeVisible();
    await expect(page.getByRole("button", { name: "Archive" })).toHaveCount(0);
    const response = await page.request.post(`/api/clients/${client.id}/archive`);
    expect(response.status()).toBe(403);
    expect(await response.json()).toMatchObject({ error: { code: "FORBIDDEN" } });
  });
});

test.describe("archiving as a director", () => {
  test.use({ storageState: authFile("dir") });

  test("an archived client leaves the default list, shows under Archived, and comes back when restored", async ({
    page,
  }) => {
    const client = await createClientViaApi(page.request, { name: `E2E Archive ${uniqueId()}` });
    await page.goto(`/agency/clients/${client.id}`);
    const archive = page.getByRole("button", { name: "Archive", exact: true });
    await waitForHydration(archive);
    // From the keyboard: Enter opens the dialog with the focus inside it, Escape closes it and gives the focus back.
    await archive.focus();
    await page.keyboard.press("Enter");
    const dialog = page.getByRole("dialog");
    await expect(dialog.getByRole("heading", { name: `Archive ${client.name}?` })).toBeVisible();
    await expect(dialog.locator(":focus")).toHaveCount(1);
    await page.keyboard.press("Escape");
    await expect(dialog).toBeHidden();
    await expect(archive).toBeFocused();
    await expect(archive).toHaveAttribute("aria-expanded", "false");
    await archive.click();
    await expect(dialog.getByRole("heading", { name: `Archive ${client.name}?` })).toBeVisible();
    await dialog.getByRole("button", { name: "Archive client" }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByRole("button", { name: "Restore" })).toBeVisible();
    await expect(page.locator("main")).toContainText("Archived");
    await expect(page.getByRole("link", { name: "Edit", exact: true })).toHaveCount(0);
    await expect(page.getByRole("listitem").filter({ hasText: "archived the client" })).toContainText(ROLES.dir.email);

    await page.goto(`/agency/clients?q=${encodeURIComponent(client.name)}`);
    await expect(page.getByText("No clients match")).toBeVisible();
    await page.getByLabel("Archived").selectOption("archived");
    await page.getByRole("button", { name: "Filter" }).click();
    await expect(page).toHaveURL(/[?&]archived=archived/);
    await expect.poll(() => clientNames(page)).toEqual([client.name]);
    await expect(clientRows(page).first()).toContainText("Archived");

    await clientRows(page).getByRole("link", { name: client.name }).click();
    await expect(page).toHaveURL(`/agency/clients/${client.id}`);
    const restore = page.getByRole("button", { name: "Restore" });
    await waitForHydration(restore);
    await restore.click();
    await expect(page.getByRole("button", { name: "Archive", exact: true })).toBeVisible();
    await expect(page.getByRole("listitem").filter({ hasText: "restored the client" })).toBeVisible();

    await page.goto(`/agency/clients?q=${encodeURIComponent(client.name)}`);
    await expect.poll(() => clientNames(page)).toEqual([client.name]);
  });
});
