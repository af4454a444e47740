import { expect, test } from "@playwright/test";
import { signIn } from "./support/auth";
import { authFile, DEMO_PASSWORD, DEMO_TOTP_SECRET, PORTAL_PATHS, ROLES, type RoleKey } from "./support/roles";
import { screenshotViewports } from "./support/screenshots";

// Each role has one home portal and is sent back there from every other portal (the portal layouts'
// guard). Admins may also open the agency portal.

type PortalPath = (typeof PORTAL_PATHS)[number];

/** role × portal visited → the path the visit ends on. */
const EXPECTED: Record<Exclude<RoleKey, "bh-client">, Record<PortalPath, string>> = {
  cm: { "/agency": "/agency", "/finance": "/agency", "/client": "/agency", "/creator": "/agency", "/admin": "/agency" },
  dir: {
    "/agency": "/agency",
    "/finance": "/agency",
    "/client": "/agency",
    "/creator": "/agency",
    "/admin": "/agency",
  },
  fin: {
    "/agency": "/finance",
    "/finance": "/finance",
    "/client": "/finance",
    "/creator": "/finance",
    "/admin": "/finance",
  },
  admin: { "/agency": "/agency", "/finance": "/admin", "/client": "/admin", "/creator": "/admin", "/admin": "/admin" },
  client: {
    "/agency": "/client",
    "/finance": "/client",
    "/client": "/client",
    "/creator": "/client",
    "/admin": "/client",
  },
  creator: {
    "/agency": "/creator",
    "/finance": "/creator",
    "/client": "/creator",
    "/creator": "/creator",
    "/admin": "/creator",
  },
};

for (const [role, visits] of Object.entries(EXPECTED) as [keyof typeof EXPECTED, Record<PortalPath, string>][]) {
  const user = ROLES[role];

  test.describe(`${role.toUpperCase()} (${user.email})`, () => {
    test.use({ storageState: authFile(role) });

    test(`lands in ${user.home} with its dashboard`, async ({ page }, testInfo) => {
      await page.goto("/");
      await expect(page).toHaveURL(user.home);
      await expect(page.getByRole("heading", { level: 1, name: user.heading })).toBeVisible();
      await screenshotViewports(page, testInfo, `portal-${role}`);
    });

    test("opens its own portals and is sent back from every other one", async ({ page }) => {
      for (const [portal, expected] of Object.entries(visits) as [PortalPath, string][]) {
        await test.step(`${portal} → ${expected}`, async () => {
          await page.goto(portal);
          await expect(page).toHaveURL(expected);
          const heading = page.getByRole("heading", { level: 1 });
          if (expected === user.home) await expect(heading).toHaveText(user.heading);
          else await expect(heading).toBeVisible();
        });
      }
    });
  });
}

test.describe("signed out", () => {
  test.use({ storageState: { cookies: [], origins: [] } });

  test("a visitor to /agency/clients signs in and comes back to /agency/clients", async ({ page }) => {
    await page.goto("/agency/clients");
    await expect(page).toHaveURL("/login?callbackUrl=%2Fagency%2Fclients");
    await signIn(page, { email: ROLES.cm.email, password: DEMO_PASSWORD, onCurrentPage: true });
    await expect(page).toHaveURL("/agency/clients");
    await expect(page.getByRole("heading", { level: 1, name: "Clients" })).toBeVisible();
  });

  test("an MFA user comes back to the page they asked for after the code step", async ({ page }) => {
    await page.goto("/admin/users");
    await expect(page).toHaveURL("/login?callbackUrl=%2Fadmin%2Fusers");
    await signIn(page, {
      email: ROLES.admin.email,
      password: DEMO_PASSWORD,
      totpSecret: DEMO_TOTP_SECRET,
      onCurrentPage: true,
    });
    await expect(page).toHaveURL("/admin/users");
    await expect(page.getByRole("heading", { level: 1, name: "Users" })).toBeVisible();
  });

  test("every portal sends a signed-out visitor to sign in", async ({ page }) => {
    for (const portal of PORTAL_PATHS) {
      await page.goto(portal);
      await expect(page).toHaveURL(`/login?callbackUrl=${encodeURIComponent(portal)}`);
      await expect(page.getByRole("heading", { name: "Sign in" })).toBeVisible();
    }
  });
});

// The portal shell renders its navigation once: a column on laptops, a panel behind the menu button on phones.
test.describe("the portal navigation on a phone", () => {
  test.use({ storageState: authFile("cm"), viewport: { width: 390, height: 844 } });

  test("is closed, opens from the keyboard, and closes when a link is followed", async ({ page }, testInfo) => {
    await page.goto("/agency");
    const nav = page.getByRole("navigation", { name: "Agency navigation" });
    const menu = page.getByRole("button", { name: "Menu" });
    await expect(nav).toBeHidden();
    await expect(menu).toHaveAttribute("aria-expanded", "false");
    await menu.focus();
    await page.keyboard.press("Enter");
    await expect(nav).toBeVisible();
    await expect(page.getByRole("button", { name: "Close menu" })).toHaveAttribute("aria-expanded", "true");
    await screenshotViewports(page, testInfo, "portal-menu-open");
    await page.setViewportSize({ width: 390, height: 844 });
    await nav.getByRole("link", { name: "Clients" }).click();
    await expect(page).toHaveURL("/agency/clients");
    await expect(page.getByRole("heading", { level: 1, name: "Clients" })).toBeVisible();
    await expect(nav).toBeHidden();
  });

  test("on a laptop the navigation is a column, with no menu button", async ({ page }) => {
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.goto("/agency");
    await expect(page.getByRole("navigation", { name: "Agency navigation" })).toBeVisible();
    await expect(page.getByRole("button", { name: "Menu" })).toBeHidden();
    const current = page
      .getByRole("navigation", { name: "Agency navigation" })
      .getByRole("link", { name: "Dashboard" });
    await expect(current).toHaveAttribute("aria-current", "page");
  });
});
