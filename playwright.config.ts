import fs from "node:fs";
import { defineConfig, devices } from "@playwright/test";
import { ROLE_KEYS, type RoleOptions } from "./e2e/support/roles";

// End-to-end tests against the production server on a throwaway database (e2e/support/start-server.mjs).
// One setup project per role signs in once through the real login page and saves its storage state; the
// specs depend on all of them and pick the role they act as with `test.use({ storageState })`.

const port = Number(process.env.E2E_PORT ?? 3100);
const baseURL = `http://localhost:${port}`;
const chromium = [process.env.CHROMIUM_PATH, "/usr/bin/chromium"].find((file): file is string =>
  Boolean(file && fs.existsSync(file)),
);
// The development server compiles each page on its first visit: give it room (see start-server.mjs).
const slow = process.env.E2E_SERVER_MODE === "dev" ? 3 : 1;

export default defineConfig<RoleOptions>({
  testDir: "e2e",
  outputDir: "test-results/e2e-artifacts",
  fullyParallel: true,
  forbidOnly: true,
  retries: 0,
  workers: 2,
  timeout: 60_000 * slow,
  expect: { timeout: 10_000 * slow },
  reporter: [["list"], ["json", { outputFile: "test-results/e2e-results.json" }]],
  use: {
    baseURL,
    screenshot: "only-on-failure",
    trace: "retain-on-failure",
    navigationTimeout: 30_000 * slow,
    actionTimeout: 15_000 * slow,
    ...devices["Desktop Chrome"],
    viewport: { width: 1280, height: 900 },
    launchOptions: {
      ...(chromium ? { executablePath: chromium } : {}),
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--disable-dev-shm-usage",
      ],
    },
  },
  projects: [
    ...ROLE_KEYS.map((role) => ({
      name: `setup-${role}`,
      testMatch: /auth\.setup\.ts/,
      use: { role },
    })),
    {
      name: "chromium",
      testMatch: /.*\.spec\.ts/,
      dependencies: ROLE_KEYS.map((role) => `setup-${role}`),
    },
  ],
  webServer: {
    command: "node e2e/support/start-server.mjs",
    url: `${baseURL}/api/health`,
    timeout: 240_000,
    reuseExistingServer: false,
    stdout: "pipe",
    stderr: "pipe",
    gracefulShutdown: { signal: "SIGTERM", timeout: 20_000 },
    env: { E2E_PORT: String(port) },
  },
});
