#!/usr/bin/env node
// npm test — the whole suite: lint, production build, type check, unit + integration tests (Vitest, real
// PostgreSQL), end-to-end tests (Playwright in Chromium). Ends with one line "N passed, N failed"
// summing every suite (lint, type check and build count as one check each).
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

const results = [];
const started = Date.now();
const only = process.argv.slice(2);

function run(name, command, args, env = {}) {
  console.log(`\n=== ${name}: ${[command, ...args].join(" ")}`);
  const t = Date.now();
  const result = spawnSync(command, args, {
    stdio: "inherit",
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", ...env },
  });
  const seconds = ((Date.now() - t) / 1000).toFixed(1);
  console.log(`=== ${name}: exit ${result.status ?? result.signal} after ${seconds} s`);
  return result.status === 0;
}

function readJson(file) {
  try {
    return JSON.parse(fs.readFileSync(file, "utf8"));
  } catch {
    return null;
  }
}

function check(name, ok) {
  results.push({ name, passed: ok ? 1 : 0, failed: ok ? 0 : 1 });
}

/** Debian's Chromium, else Playwright's own browser if it was downloaded, else null. */
function findChromium() {
  if (process.env.CHROMIUM_PATH && fs.existsSync(process.env.CHROMIUM_PATH)) return process.env.CHROMIUM_PATH;
  for (const candidate of ["/usr/bin/chromium", "/usr/bin/chromium-browser"])
    if (fs.existsSync(candidate)) return candidate;
  const cache = process.env.PLAYWRIGHT_BROWSERS_PATH ?? path.join(process.env.HOME ?? "", ".cache", "ms-playwright");
  if (fs.existsSync(cache) && fs.readdirSync(cache).some((dir) => dir.startsWith("chromium"))) return "playwright";
  return null;
}

const want = (step) => only.length === 0 || only.includes(step);
fs.mkdirSync("test-results", { recursive: true });

// The lint step: ESLint, then Prettier's check of the formatting (width 120, .prettierrc.json; `npx prettier --write .` fixes it).
if (want("lint")) {
  const linted = run("lint", "npx", ["eslint", ".", "--max-warnings=0"]);
  const formatted = run("format", "npx", ["prettier", "--check", "."]);
  check("lint", linted && formatted);
}

// The build comes before the type check: it regenerates .next/types, which tsconfig.json includes (Next.js
// writes them whether or not it type-checks). When the typecheck step follows, the build skips Next.js's own
// type check (next.config.ts, TIKIT_BUILD_TYPECHECK): `tsc --noEmit` checks the same files once.
let built = true;
if (want("build") || want("e2e")) {
  built = run("build", "npx", ["next", "build"], want("typecheck") ? { TIKIT_BUILD_TYPECHECK: "false" } : {});
  check("build", built);
}
if (want("typecheck")) check("typecheck", run("typecheck", "npx", ["tsc", "--noEmit"]));

if (want("unit")) {
  const report = path.join("test-results", "vitest-results.json");
  fs.rmSync(report, { force: true });
  const ok = run("unit + integration", "npx", [
    "vitest",
    "run",
    "--reporter=default",
    "--reporter=json",
    `--outputFile.json=${report}`,
  ]);
  const json = readJson(report);
  if (json)
    results.push({
      name: "vitest",
      passed: json.numPassedTests,
      failed: json.numFailedTests + (ok || json.numFailedTests ? 0 : 1),
    });
  else check("vitest", false);
}

if (want("e2e")) {
  const chromium = findChromium();
  if (!chromium) {
    console.error(
      "\nNo Chromium found. Install Debian's (apt-get install -y chromium) or run `npx playwright install chromium` where it can download.",
    );
    check("e2e", false);
  } else if (!built) {
    console.error("\nSkipping the end-to-end tests: the build failed.");
    check("e2e", false);
  } else {
    const report = path.join("test-results", "e2e-results.json");
    fs.rmSync(report, { force: true });
    const ok = run(
      "end-to-end",
      "npx",
      ["playwright", "test"],
      chromium === "playwright" ? {} : { CHROMIUM_PATH: chromium },
    );
    const json = readJson(report);
    if (json?.stats) {
      const { expected = 0, unexpected = 0, flaky = 0 } = json.stats;
      results.push({
        name: "playwright",
        passed: expected,
        failed: unexpected + flaky + (ok || unexpected + flaky ? 0 : 1),
      });
    } else check("playwright", false);
  }
}

console.log("\n=== Summary");
for (const r of results) console.log(`  ${r.name.padEnd(12)} ${r.passed} passed, ${r.failed} failed`);
console.log(`  total time   ${((Date.now() - started) / 1000).toFixed(0)} s`);
const passed = results.reduce((sum, r) => sum + r.passed, 0);
const failed = results.reduce((sum, r) => sum + r.failed, 0);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 && results.length > 0 ? 0 : 1);
