// Module resolution hook registered by scripts/outside-next.mjs: `server-only` is Next.js's empty server-side
// marker, everything else resolves as usual.
import { createRequire } from "node:module";
import { pathToFileURL } from "node:url";

const SERVER_ONLY_EMPTY = pathToFileURL(
  createRequire(import.meta.url).resolve("next/dist/compiled/server-only/empty.js"),
).href;

export async function resolve(specifier, context, nextResolve) {
  if (specifier === "server-only") return { url: SERVER_ONLY_EMPTY, shortCircuit: true };
  return nextResolve(specifier, context);
}
