import { test as base } from "@playwright/test";
import type { RoleOptions } from "./roles";

/** The test function of the setup projects: `role` comes from the project's `use` in playwright.config.ts. */
export const test = base.extend<RoleOptions>({
  role: ["cm", { option: true }],
});

export { expect } from "@playwright/test";
