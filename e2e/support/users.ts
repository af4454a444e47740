import crypto from "node:crypto";
import { expect, type Browser, type Page } from "@playwright/test";
import { gotoHydrated, waitForHydration } from "./auth";
import { authFile } from "./roles";

// Fresh users for the tests that change an account (lock it, reset its password, sign it out everywhere):
// created the way an agency does it, through the admin's invitation and the invitee's link, so no test
// touches a demo user that other tests rely on.

export const NEW_USER_PASSWORD = "e2e-Passw0rd-2026";

/** A short id that makes names and e-mails of one test unique across parallel workers and runs. */
export function uniqueId(): string {
  return `${Date.now().toString(36)}${crypto.randomBytes(3).toString("hex")}`;
}

export type InvitedRole = "CM" | "DIR" | "FIN" | "ADM" | "INF";
export type NewUser = { email: string; name: string; password: string };

/** Runs `work` on a page signed in as the northwind admin, in a context of its own. */
export async function asAdmin<T>(browser: Browser, work: (page: Page) => Promise<T>): Promise<T> {
  const context = await browser.newContext({ storageState: authFile("admin") });
  try {
    return await work(await context.newPage());
  } finally {
    await context.close();
  }
}

/** The admin invites a person on /admin/users with the "Invite user" dialog. */
export async function inviteUser(
  page: Page,
  invitee: { email: string; name: string; role: InvitedRole },
): Promise<void> {
  await page.goto("/admin/users");
  const open = page.getByRole("button", { name: "Invite user" });
  await waitForHydration(open);
  await open.click();
  const dialog = page.getByRole("dialog");
  await expect(dialog.getByRole("heading", { name: "Invite a user" })).toBeVisible();
  await waitForHydration(dialog.locator("form"));
  await dialog.getByLabel("E-mail").fill(invitee.email);
  await dialog.getByLabel("Name").fill(invitee.name);
  await dialog.getByLabel("Role").selectOption(invitee.role);
  await dialog.getByRole("button", { name: "Send invitation" }).click();
  await expect(dialog.getByRole("heading", { name: "Invitation sent" })).toBeVisible();
  await expect(dialog).toContainText(`Invitation e-mail to ${invitee.email} is in the outbox`);
}

/** The admin opens the newest e-mail to `to` with that subject on /admin/outbox and reads its link. */
export async function readEmailLink(
  page: Page,
  email: { to: string; subject: string | RegExp; linkPath: string },
): Promise<string> {
  await page.goto("/admin/outbox");
  const item = page
    .getByRole("list", { name: "E-mails, newest first" })
    .getByRole("listitem")
    .filter({ hasText: email.to })
    .filter({ hasText: email.subject })
    .first();
  await item.locator("summary").click();
  const link = item.getByRole("link").filter({ hasText: email.linkPath });
  await expect(link).toBeVisible();
  const href = await link.getAttribute("href");
  expect(href, "the e-mail should carry a link").toBeTruthy();
  return href!;
}

/** The invitee sets a password on the invitation page and is sent to sign in. */
export async function acceptInvitation(page: Page, invitation: { link: string; password: string }): Promise<void> {
  await gotoHydrated(page, invitation.link);
  await page.getByLabel("Password", { exact: true }).fill(invitation.password);
  await page.getByLabel("Repeat password").fill(invitation.password);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page).toHaveURL(/\/login\?notice=invitation-accepted/);
}

/** A new northwind user with one agency-wide role, invited by the admin and with the invitation accepted. */
export async function createUser(browser: Browser, role: InvitedRole): Promise<NewUser> {
  const id = uniqueId();
  const user = {
    email: `e2e-${role.toLowerCase()}-${id}@northwind.test`,
    name: `Robin ${role} ${id}`,
    password: NEW_USER_PASSWORD,
  };
  const link = await asAdmin(browser, async (page) => {
    await inviteUser(page, { ...user, role });
    return readEmailLink(page, { to: user.email, subject: "You are invited", linkPath: "/invite/" });
  });
  const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  try {
    await acceptInvitation(await context.newPage(), { link, password: user.password });
  } finally {
    await context.close();
  }
  return user;
}
