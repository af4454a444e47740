import os from "node:os";
import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

const root = fileURLToPath(new URL(".", import.meta.url));

// Unit and integration tests. Integration tests run against a real PostgreSQL: tests/setup/global-setup.ts
// starts a throwaway embedded cluster (or uses DATABASE_URL with a fresh database in it), migrates it and
// hands the URL to the workers; tests/setup/env.ts sets it, and the secrets, in each worker.
export default defineConfig({
  resolve: {
    alias: [
      { find: /^@\//, replacement: `${root}/` },
      // `import "server-only"` marks the modules that touch the database, secrets or the session. Next.js resolves
      // the name itself and no package of that name is installed; tests run server-side outside Next.js (and
      // outside React's "react-server" condition, where the real package would throw), so it is an empty module.
      { find: /^server-only$/, replacement: `${root}/tests/setup/server-only.ts` },
    ],
  },
  test: {
    environment: "node",
    include: ["tests/**/*.test.ts"],
    globalSetup: ["tests/setup/global-setup.ts"],
    setupFiles: ["tests/setup/env.ts"],
    // Forks, not threads: argon2 and the pg driver are native/stateful, and a crash stays in its process.
    pool: "forks",
    // Test files share one database; each creates its own agency, so they run in parallel safely. At least
    // two workers even on two cores: much of a test's time is spent waiting for PostgreSQL, and running
    // files side by side keeps the isolation between them honest.
    fileParallelism: true,
    maxWorkers: Math.min(4, Math.max(2, os.availableParallelism())),
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Stopping PostgreSQL on a busy machine can take a while; let the global teardown finish.
    teardownTimeout: 30_000,
  },
});
