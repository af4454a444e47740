// The benchmark's page floors (npm run bench, scripts/bench.ts): two pages that render the same fixed 10-row table,
// one bare (app/bench-floor, no portal layout) and one inside the client portal's layout and session
// (app/(client)/client/bench-floor), so that each page's figure can be read against what Next.js and our shell cost
// with no domain code. They exist only when the server was started with TIKIT_BENCH_FLOORS=true (404 otherwise).
// No "server-only" import: the module reads no secret and no database, only the environment of the server process.

/** Whether the floor pages answer (TIKIT_BENCH_FLOORS=true in the server's environment). */
export function benchFloorsEnabled(): boolean {
  return process.env.TIKIT_BENCH_FLOORS === "true";
}

export type FloorRow = { id: string; name: string; platform: string; followers: number; country: string };

const NAMES = ["Ada Schmidt", "Ben Okafor", "Chiara Rossi", "Dev Patel", "Elif Yilmaz"];
const PLATFORMS = ["INSTAGRAM", "TIKTOK", "YOUTUBE"];
const COUNTRIES = ["DE", "FR", "IT", "GB", "ES"];

/** The fixed 10 rows both floors render (the same on every request). */
export const FLOOR_ROWS: readonly FloorRow[] = Array.from({ length: 10 }, (_, k) => ({
  id: `floor-${k + 1}`,
  name: `${NAMES[k % NAMES.length]} ${k + 1}`,
  platform: PLATFORMS[k % PLATFORMS.length],
  followers: 1_000 * (k + 1) * (k + 3),
  country: COUNTRIES[k % COUNTRIES.length],
}));
