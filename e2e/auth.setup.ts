import { expect, test as setup } from "./support/test";
import { signIn } from "./support/auth";
import { authFile, DEMO_PASSWORD, DEMO_TOTP_SECRET, ROLES } from "./support/roles";

// Each setup project (one per role) signs its demo user in once through the real login page, MFA step
// included, and saves the session for the specs.

setup.use({ storageState: { cookies: [], origins: [] } });

setup("sign in through the login page and save the session", async ({ page, role }) => {
  const user = ROLES[role];
  await signIn(page, {
    email: user.email,
    password: DEMO_PASSWORD,
    totpSecret: user.mfa ? DEMO_TOTP_SECRET : undefined,
  });
  await expect(page).toHaveURL(user.home);
  await expect(page.getByRole("heading", { level: 1, name: user.heading })).toBeVisible();
  await page.context().storageState({ path: authFile(role) });
});
