// `prisma generate` without network: the CLI wants to download its native schema engine first, which these
// machines cannot reach and which generate does not use. Pointing it at a stand-in skips the download.
import { spawnSync } from "node:child_process";
import fs from "node:fs";

const env = { ...process.env };
if (!env.PRISMA_SCHEMA_ENGINE_BINARY)
  env.PRISMA_SCHEMA_ENGINE_BINARY = fs.existsSync("/bin/true") ? "/bin/true" : process.execPath;
const result = spawnSync(process.execPath, ["node_modules/prisma/build/index.js", "generate"], {
  stdio: "inherit",
  env,
});
process.exit(result.status ?? 1);
