import fs from "node:fs";
import path from "node:path";
import type { Page, TestInfo } from "@playwright/test";

export const VIEWPORTS = {
  laptop: { width: 1280, height: 900 },
  phone: { width: 390, height: 844 },
} as const;

const DIR = path.join(import.meta.dirname, "..", "..", "test-results", "screenshots");

/**
 * Full-page screenshots of the current page at laptop and phone widths, attached to the test's report
 * and kept under test-results/screenshots/<name>-<viewport>.png. Leaves the page at laptop width.
 */
export async function screenshotViewports(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  fs.mkdirSync(DIR, { recursive: true });
  for (const [viewport, size] of Object.entries(VIEWPORTS)) {
    await page.setViewportSize(size);
    // From the top, or the sticky header is painted over the middle of a full-page shot.
    await page.evaluate(() => window.scrollTo(0, 0));
    const file = path.join(DIR, `${name}-${viewport}.png`);
    const body = await page.screenshot({ path: file, fullPage: true, animations: "disabled" });
    await testInfo.attach(`${name}-${viewport}`, { body, contentType: "image/png" });
  }
  await page.setViewportSize(VIEWPORTS.laptop);
}
