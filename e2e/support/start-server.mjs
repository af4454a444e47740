// The web server of the Playwright run: the production app (`scripts/start.ts`) on a throwaway database.
// A fresh data folder each run means a fresh embedded PostgreSQL with the demo seed, so the specs never
// see data of an earlier run. With DATABASE_URL set, start.ts uses that database instead.
// E2E_SERVER_MODE=dev runs the development server instead (for iterating on specs without a build).
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
const port = process.env.E2E_PORT ?? "3100";
const dataDir = process.env.E2E_DATA_DIR ?? path.join(os.tmpdir(), `tikit-e2e-data-${port}`);
const mode = process.env.E2E_SERVER_MODE === "dev" ? ["dev"] : [];

fs.rmSync(dataDir, { recursive: true, force: true });
fs.mkdirSync(dataDir, { recursive: true });

const tsx = path.join(root, "node_modules", "tsx", "dist", "cli.mjs");
// As `npm start` runs it: the preload resolves `server-only` outside Next.js (scripts/outside-next.mjs).
const child = spawn(process.execPath, [tsx, "--import", "./scripts/outside-next.mjs", "scripts/start.ts", ...mode], {
  cwd: root,
  stdio: "inherit",
  env: {
    ...process.env,
    TIKIT_DATA_DIR: dataDir,
    // Away from the default 54329 of a developer's `npm run dev` in the same checkout.
    TIKIT_PG_PORT: process.env.TIKIT_PG_PORT ?? "54420",
    PORT: port,
    APP_URL: `http://localhost:${port}`,
    TIKIT_SKIP_BUILD: process.env.TIKIT_SKIP_BUILD ?? "true",
    NEXT_TELEMETRY_DISABLED: "1",
  },
});

// start.ts stops Next.js and then the embedded PostgreSQL on SIGTERM/SIGINT; pass the signal on and
// wait for it, so no orphaned postgres keeps the port or the data folder.
let forwarded = false;
for (const signal of ["SIGTERM", "SIGINT"]) {
  process.on(signal, () => {
    if (forwarded) return;
    forwarded = true;
    if (child.exitCode === null) child.kill(signal);
  });
}
child.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
