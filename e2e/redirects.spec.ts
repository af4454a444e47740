import { expect, test } from "@playwright/test";
import { gotoHydrated } from "./support/auth";
import { authFile, DEMO_PASSWORD, ROLES } from "./support/roles";

// Where a sign-in sends the user (issue 12, item 1): only to a path of this site. Browsers drop a tab or newline
// inside a URL, so "/<TAB>/evil.example" would lead to //evil.example; a newline reaching the Location header
// answered 500.

const HOSTILE = [
  "/%09/evil.example",
  "/%0a/evil.example",
  "/%0d%0aSet-Cookie:x=1",
  "/%5c/evil.example",
  "//evil.example",
  "/.//evil.example",
];

test.describe("signed in, /login?callbackUrl=…", () => {
  test.use({ storageState: authFile("cm") });

  for (const callback of HOSTILE) {
    test(`${callback} sends the user home instead`, async ({ request }) => {
      const response = await request.get(`/login?callbackUrl=${callback}`, { maxRedirects: 0 });
      expect(response.status()).toBe(307);
      expect(response.headers()["location"]).toBe(ROLES.cm.home);
      expect(response.headers()["set-cookie"] ?? "").not.toContain("x=1");
    });
  }

  test("a same-site callback is followed (the allowed twin)", async ({ request }) => {
    const response = await request.get(`/login?callbackUrl=${encodeURIComponent("/agency/clients?q=a")}`, {
      maxRedirects: 0,
    });
    expect(response.status()).toBe(307);
    expect(response.headers()["location"]).toBe("/agency/clients?q=a");
  });
});

test.describe("signing in with a hostile callbackUrl", () => {
  test.use({ storageState: { cookies: [], origins: [] } });

  test("the form's callback '/<TAB>/evil.example' lands in the user's portal, never on another host", async ({
    page,
  }) => {
    const response = await gotoHydrated(page, "/login?callbackUrl=%2F%09%2Fevil.example");
    expect(response?.status()).toBe(200);
    // The page itself refuses the callback, so the form does not carry it; the action refuses it too (unit test).
    await expect(page.locator('input[name="callbackUrl"]')).toHaveValue("");
    await page.getByLabel("E-mail").fill(ROLES.cm.email);
    await page.getByLabel("Password", { exact: true }).fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page).toHaveURL(ROLES.cm.home);
  });

  test("signed out, a newline in the callback is a normal sign-in page, not a 500", async ({ request }) => {
    const response = await request.get("/login?callbackUrl=/%0d%0aSet-Cookie:x=1", { maxRedirects: 0 });
    expect(response.status()).toBe(200);
  });
});
