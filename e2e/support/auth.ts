import { expect, type Locator, type Page, type Response } from "@playwright/test";
import * as OTPAuth from "otpauth";

function totp(secret: string) {
  return new OTPAuth.TOTP({ algorithm: "SHA1", digits: 6, period: 30, secret: OTPAuth.Secret.fromBase32(secret) });
}

/** The code an authenticator app shows right now. */
export function totpCode(secret: string): string {
  return totp(secret).generate();
}

/** A well-formed code the app must refuse: none of the codes it accepts (now and one step either side). */
export function wrongTotpCode(secret: string): string {
  const generator = totp(secret);
  const now = Date.now();
  const valid = new Set([-1, 0, 1].map((step) => generator.generate({ timestamp: now + step * 30_000 })));
  return ["000000", "111111", "222222", "333333"].find((code) => !valid.has(code))!;
}

/**
 * Waits until React has hydrated the element (it then carries React's internal props), so a click or a
 * submit runs the client-side handler instead of a plain browser form post.
 */
export async function waitForHydration(locator: Locator): Promise<void> {
  await expect(locator.first()).toBeAttached();
  await expect
    .poll(
      () => locator.first().evaluate((element) => Object.keys(element).some((key) => key.startsWith("__reactProps$"))),
      {
        message: "the page should hydrate",
      },
    )
    .toBe(true);
}

/** Goes to a page and waits until its first form (or the given element) is interactive. */
export async function gotoHydrated(page: Page, url: string, ready?: Locator): Promise<Response | null> {
  const response = await page.goto(url);
  await waitForHydration(ready ?? page.locator("form"));
  return response;
}

/** Server actions are POSTs carrying a Next-Action header; resolves when the one a click started is answered. */
export async function clickAndWaitForAction(page: Page, target: Locator): Promise<void> {
  const answered = page.waitForResponse(
    (response) => response.request().method() === "POST" && Boolean(response.request().headers()["next-action"]),
  );
  await target.click();
  await answered;
}

type SignInOptions = {
  email: string;
  password: string;
  /** For MFA users: the TOTP secret the code is computed from, just before it is entered. */
  totpSecret?: string;
  /** Sign in on this page instead of opening /login (e.g. after a redirect that carries a callbackUrl). */
  onCurrentPage?: boolean;
};

/** Signs in through the real login form; the caller checks where it ends. */
export async function signIn(page: Page, options: SignInOptions): Promise<void> {
  if (!options.onCurrentPage) await page.goto("/login");
  await waitForHydration(page.locator("form"));
  await page.getByLabel("E-mail").fill(options.email);
  await page.getByLabel("Password", { exact: true }).fill(options.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  if (options.totpSecret) {
    const code = page.getByLabel("Authentication code");
    await expect(code).toBeVisible();
    await code.fill(totpCode(options.totpSecret));
    await page.getByRole("button", { name: "Verify" }).click();
  }
}

/** Tries a sign-in on the open login form that must fail, and checks the message the form shows. */
export async function failedSignIn(
  page: Page,
  options: { email: string; password: string; message: RegExp },
): Promise<void> {
  await page.getByLabel("E-mail").fill(options.email);
  await page.getByLabel("Password", { exact: true }).fill(options.password);
  await clickAndWaitForAction(page, page.getByRole("button", { name: "Sign in" }));
  // Scoped to the form: Next.js' route announcer is a role="alert" too.
  await expect(page.locator("form").getByRole("alert")).toHaveText(options.message);
}
