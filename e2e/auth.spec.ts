import { expect, test, type Browser, type Page } from "@playwright/test";
import {
  clickAndWaitForAction,
  failedSignIn,
  gotoHydrated,
  signIn,
  totpCode,
  waitForHydration,
  wrongTotpCode,
} from "./support/auth";
import { DEMO_PASSWORD, DEMO_TOTP_SECRET, ROLES } from "./support/roles";
import { screenshotViewports } from "./support/screenshots";
import {
  acceptInvitation,
  asAdmin,
  createUser,
  inviteUser,
  NEW_USER_PASSWORD,
  readEmailLink,
  uniqueId,
} from "./support/users";

// Accounts: MFA at sign-in and its enrolment, lockout, invitations, signing out everywhere, and the
// password reset. Tests that change an account make a fresh user through the admin's invitation, so the
// demo users that other specs sign in as are never locked, reset or signed out.

test.use({ storageState: { cookies: [], origins: [] } });

const WRONG_PASSWORD = /The e-mail or password is wrong/;

async function newPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  return context.newPage();
}

test.describe("two-factor sign-in", () => {
  for (const role of ["dir", "admin", "fin"] as const) {
    const user = ROLES[role];
    test(`${role.toUpperCase()} is asked for a code after the password; a wrong code is refused, the right one signs in`, async ({
      page,
    }) => {
      await gotoHydrated(page, "/login");
      await page.getByLabel("E-mail").fill(user.email);
      await page.getByLabel("Password", { exact: true }).fill(DEMO_PASSWORD);
      await page.getByRole("button", { name: "Sign in" }).click();

      await expect(page.getByRole("heading", { name: "Two-factor authentication" })).toBeVisible();
      const code = page.getByLabel("Authentication code");
      await expect(code).toBeVisible();
      await expect(page).toHaveURL("/login");

      await code.fill(wrongTotpCode(DEMO_TOTP_SECRET));
      await clickAndWaitForAction(page, page.getByRole("button", { name: "Verify" }));
      await expect(page.locator("#code-error")).toHaveText("The code is wrong or has expired");
      await expect(page).toHaveURL("/login");

      await code.fill(totpCode(DEMO_TOTP_SECRET));
      await page.getByRole("button", { name: "Verify" }).click();
      await expect(page).toHaveURL(user.home);
      await expect(page.getByRole("heading", { level: 1, name: user.heading })).toBeVisible();
    });
  }

  test("a CM without MFA signs in with the password alone", async ({ page }) => {
    await signIn(page, { email: ROLES.cm.email, password: DEMO_PASSWORD });
    await expect(page).toHaveURL("/agency");
  });
});

test("a new finance user must set up MFA: QR code and secret, then a code from it signs them in", async ({
  page,
  browser,
}, testInfo) => {
  const user = await createUser(browser, "FIN");
  await gotoHydrated(page, `/login?email=${encodeURIComponent(user.email)}`);
  await page.getByLabel("Password", { exact: true }).fill(user.password);
  await page.getByRole("button", { name: "Sign in" }).click();

  await expect(page).toHaveURL(/\/login\/mfa-setup\?token=/);
  await expect(page.getByRole("heading", { name: "Set up two-factor authentication" })).toBeVisible();
  const qr = page.getByRole("img", { name: `QR code for ${user.email}` });
  await expect(qr).toBeVisible();
  expect(await qr.getAttribute("src")).toMatch(/^data:image\/png;base64,/);
  const secret = (await page.getByTestId("totp-secret").innerText()).trim();
  expect(secret).toMatch(/^[A-Z2-7]{16,}$/);
  await screenshotViewports(page, testInfo, "mfa-setup");

  await waitForHydration(page.locator("form"));
  await page.getByLabel("Authentication code").fill(wrongTotpCode(secret));
  await clickAndWaitForAction(page, page.getByRole("button", { name: "Turn on and continue" }));
  await expect(page.locator("#code-error")).toHaveText("The code is wrong or has expired");

  await page.getByLabel("Authentication code").fill(totpCode(secret));
  await page.getByRole("button", { name: "Turn on and continue" }).click();
  await expect(page).toHaveURL("/finance");
  await expect(page.getByRole("heading", { level: 1, name: "Finance" })).toBeVisible();

  // From now on the code is asked for at every sign-in.
  const again = await newPage(browser);
  await signIn(again, { email: user.email, password: user.password, totpSecret: secret });
  await expect(again).toHaveURL("/finance");
  await again.context().close();
});

test("five wrong passwords lock the account; the right password is then refused until an admin unlocks it", async ({
  page,
  browser,
}) => {
  const user = await createUser(browser, "CM");
  await gotoHydrated(page, "/login");
  for (let attempt = 1; attempt <= 4; attempt++) {
    await failedSignIn(page, { email: user.email, password: `wrong-password-${attempt}`, message: WRONG_PASSWORD });
  }
  await failedSignIn(page, {
    email: user.email,
    password: "wrong-password-5",
    message: /locked for 15 minutes after 5 failed sign-ins/,
  });
  await failedSignIn(page, {
    email: user.email,
    password: user.password,
    message: /This account is locked after 5 failed sign-ins/,
  });
  await expect(page).toHaveURL("/login");

  // The allowed twin: once an admin lifts the lock, the right password works.
  await asAdmin(browser, async (admin) => {
    await admin.goto("/admin/users");
    const unlock = admin.getByRole("button", { name: `Unlock ${user.email}` });
    await waitForHydration(unlock);
    await clickAndWaitForAction(admin, unlock);
    await expect(unlock).toHaveCount(0);
  });
  await page.getByLabel("Password", { exact: true }).fill(user.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL("/agency");
});

test("an admin invites a user, who follows the e-mailed link, sets a password and lands in their portal", async ({
  page,
  browser,
}, testInfo) => {
  const id = uniqueId();
  const invitee = { email: `e2e-inf-${id}@northwind.test`, name: `Sky ${id}`, role: "INF" as const };

  const link = await asAdmin(browser, async (admin) => {
    await inviteUser(admin, invitee);
    await admin.getByRole("button", { name: "Done" }).click();
    await admin.reload();
    await expect(admin.getByRole("listitem").filter({ hasText: invitee.email })).toContainText("Influencer");
    const href = await readEmailLink(admin, {
      to: invitee.email,
      subject: /You are invited to Northwind Creators/,
      linkPath: "/invite/",
    });
    await screenshotViewports(admin, testInfo, "admin-outbox");
    return href;
  });
  expect(link).toMatch(/^http:\/\/localhost:\d+\/invite\/[\w-]+$/);

  await gotoHydrated(page, link);
  await expect(page.getByRole("heading", { name: "Join Northwind Creators" })).toBeVisible();
  await expect(page.getByLabel("Your name")).toHaveValue(invitee.name);
  await page.getByLabel("Password", { exact: true }).fill("too-short");
  await page.getByLabel("Repeat password").fill("too-short");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.locator("#password-error")).toHaveText("Use at least 12 characters");

  await acceptInvitation(page, { link, password: NEW_USER_PASSWORD });
  await expect(page.getByRole("status")).toContainText("Your account is ready");
  await expect(page.getByLabel("E-mail")).toHaveValue(invitee.email);
  await waitForHydration(page.locator("form"));
  await page.getByLabel("Password", { exact: true }).fill(NEW_USER_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL("/creator");
  await expect(page.getByRole("heading", { level: 1, name: "Hi Sky" })).toBeVisible();

  // The link works once.
  await page.goto(link);
  await expect(page.getByRole("heading", { name: "Invitation not valid" })).toBeVisible();
});

test("“Sign out everywhere” on /account also ends the session of another browser", async ({
  page,
  browser,
}, testInfo) => {
  const user = await createUser(browser, "CM");
  await signIn(page, { email: user.email, password: user.password });
  await expect(page).toHaveURL("/agency");
  const other = await newPage(browser);
  await signIn(other, { email: user.email, password: user.password });
  await expect(other).toHaveURL("/agency");

  await page.goto("/account");
  await expect(page.getByRole("heading", { level: 1, name: "Your account" })).toBeVisible();
  await expect(page.getByText("This browser and 1 other session.")).toBeVisible();
  await screenshotViewports(page, testInfo, "account");
  const everywhere = page.getByRole("button", { name: "Sign out everywhere" });
  await waitForHydration(everywhere);
  await everywhere.click();
  await expect(page).toHaveURL("/login?notice=signed-out");
  await expect(page.getByRole("status")).toContainText("You are signed out.");

  await other.goto("/agency/clients");
  await expect(other).toHaveURL("/login?callbackUrl=%2Fagency%2Fclients");
  await expect(other.getByRole("heading", { name: "Sign in" })).toBeVisible();
  await other.context().close();

  await page.goto("/agency");
  await expect(page).toHaveURL(/\/login/);
});

test("a forgotten password: the reset e-mail's link sets a new one, and only the new one works", async ({
  page,
  browser,
}) => {
  const user = await createUser(browser, "CM");
  const newPassword = `reset-${uniqueId()}-2026`;

  await gotoHydrated(page, "/login");
  await page.getByRole("link", { name: "Forgot your password?" }).click();
  await expect(page).toHaveURL("/forgot-password");
  await waitForHydration(page.locator("form"));
  await page.getByLabel("E-mail").fill(user.email);
  await page.getByRole("button", { name: "Send reset link" }).click();
  await expect(page.getByRole("status")).toContainText("If an account uses that address, a reset link is on its way.");

  const link = await asAdmin(browser, (admin) =>
    readEmailLink(admin, { to: user.email, subject: "Reset your TiKiT password", linkPath: "/reset-password/" }),
  );
  await gotoHydrated(page, link);
  await expect(page.getByRole("heading", { name: "Choose a new password" })).toBeVisible();
  await page.getByLabel("New password").fill(newPassword);
  await page.getByLabel("Repeat password").fill(`${newPassword}-typo`);
  await page.getByRole("button", { name: "Save password" }).click();
  await expect(page.locator("#confirmPassword-error")).toHaveText("The passwords do not match");
  await page.getByLabel("Repeat password").fill(newPassword);
  await page.getByRole("button", { name: "Save password" }).click();

  await expect(page).toHaveURL(/\/login\?notice=password-reset/);
  await expect(page.getByRole("status")).toContainText("Your password was changed.");
  await waitForHydration(page.locator("form"));
  await failedSignIn(page, { email: user.email, password: user.password, message: WRONG_PASSWORD });
  await page.getByLabel("Password", { exact: true }).fill(newPassword);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL("/agency");

  // The reset link works once.
  await page.goto(link);
  await expect(page.getByText("This reset link is invalid or has expired.")).toBeVisible();
});
