// Preload for every Node process that runs lib/ code outside Next.js (scripts/start.ts, the worker, seeds,
// migrations, benches): `tsx --import ./scripts/outside-next.mjs scripts/<name>.ts`, or
// `node --import tsx --import ./scripts/outside-next.mjs ...` for a child process.
//
// The modules of lib/ that touch the database, secrets or the session start with `import "server-only"`.
// Next.js resolves that name itself (an empty module on the server, a build error when a browser bundle reaches
// it; next/types/global.d.ts: "don't require having them installed"), so no `server-only` package is installed.
// Plain Node cannot resolve it; these processes are server-side by definition, so it resolves to Next's own
// empty marker here. (Vitest does the same with an alias in vitest.config.ts.)
import { register } from "node:module";

register("./outside-next-hooks.mjs", import.meta.url);
