// npm run db:seed:scale [-- --reset] — adds the "Scale Agency" (slug "scale"): 100,000 influencers with
// 200,000 social accounts, 2,000 clients, 10,000 campaigns with 3–8 assignments each, 100,000 content tasks
// with 300,000 artifact versions, 200,000 financial objects with lines and revisions, to the database in use
// (DATABASE_URL, or the embedded one under TIKIT_DATA_DIR, default .data). Deterministic data, raw SQL in
// large batches, one transaction per batch, ANALYZE at the end. If the agency exists it says so and stops (after
// adding the client user client@scale.test if the agency was seeded before it existed); --reset deletes it first.
// Sign in as dir@scale.test, cm@scale.test, fin@scale.test, client@scale.test or creator@scale.test (creator2@ …)
// with the demo password.
import pg from "pg";
import { loadLocalEnv } from "./local-env";

const reset = process.argv.includes("--reset");
const env = await loadLocalEnv({ log: (line) => console.log(`[scale] ${line}`) });
const { DEMO_PASSWORD, DEMO_TOTP_SECRET } = await import("./seed/demo/seed");
const { hashPassword } = await import("../lib/crypto/password");
const { encrypt } = await import("../lib/crypto/encryption");
const { FULL_SCALE, SCALE_SEED, SCALE_SLUG, SCALE_DOMAIN, addScaleClientUser, deleteAgency, findAgency, seedScale } =
  await import("./seed/scale/seed");

const pool = new pg.Pool({ connectionString: env.url, max: 2 });
// pool.end() resolves once its connections are asked to close, not once they are closed: stopping the embedded
// PostgreSQL right after it terminates a connection still closing, and an error event without a listener ended the
// process with a stack dump after a complete seed. Errors before the end are reported; the one of the stop is not.
let stopping = false;
pool.on("connect", (client) =>
  client.on("error", (error) => {
    if (!stopping) console.error("[scale] database connection error:", error.message);
  }),
);
pool.on("error", (error) => {
  if (!stopping) console.error("[scale] database connection error:", error.message);
});
const tty = process.stdout.isTTY;
const fmt = (n: number) => Math.round(n).toLocaleString("en-US");

// One terminal line, rewritten with \r: phase, bar, percent, rows, rows/s. Without a terminal, one line per phase.
let phaseStarted = Date.now();
let currentPhase = "";
function progress(phase: string, done: number, total: number, rows: number) {
  if (phase !== currentPhase) {
    if (currentPhase && tty) process.stdout.write("\n");
    currentPhase = phase;
    phaseStarted = Date.now();
  }
  const elapsed = (Date.now() - phaseStarted) / 1000;
  const pct = total ? done / total : 1;
  const width = 30;
  const bar = "█".repeat(Math.round(pct * width)).padEnd(width, "░");
  const rate = elapsed > 0 ? rows / elapsed : 0;
  const line = `[scale] ${phase.padEnd(12)} ${bar} ${(pct * 100).toFixed(0).padStart(3)}%  ${fmt(done).padStart(7)}/${fmt(total)}  ${phase === "analyze" ? "" : `${fmt(rate)} rows/s`}`;
  if (tty) process.stdout.write(`\r${line.padEnd(100)}`);
  else if (done === total) console.log(`${line} (${elapsed.toFixed(1)} s)`);
}

try {
  const existing = await findAgency(pool, SCALE_SLUG);
  if (existing) {
    if (!reset) {
      const passwordHash = await hashPassword(DEMO_PASSWORD);
      const options = { agencyId: existing, seed: SCALE_SEED, domain: SCALE_DOMAIN, passwordHash };
      if (await addScaleClientUser(pool, options))
        console.log(`[scale] Added the client user client@${SCALE_DOMAIN} (seeded before it existed)`);
      const { rows } = await pool.query(
        `SELECT count(*)::int AS n FROM "InfluencerProfile" i JOIN "Agency" a ON a.id = i."agencyId" WHERE a.slug = $1`,
        [SCALE_SLUG],
      );
      console.log(
        `[scale] The scale agency already exists (${fmt(rows[0].n)} influencers): nothing to do. Run with --reset to recreate it.`,
      );
      process.exitCode = 0;
    } else {
      const t = Date.now();
      await deleteAgency(pool, SCALE_SLUG);
      console.log(`[scale] Deleted the existing scale agency in ${((Date.now() - t) / 1000).toFixed(1)} s`);
    }
  }
  if (!(await findAgency(pool, SCALE_SLUG))) {
    const result = await seedScale(pool, {
      counts: FULL_SCALE,
      passwordHash: await hashPassword(DEMO_PASSWORD),
      mfaSecret: encrypt(DEMO_TOTP_SECRET),
      progress,
    });
    if (tty) process.stdout.write("\n");
    const total = Object.values(result.rows).reduce((a, b) => a + b, 0);
    console.log(
      `[scale] Done in ${(result.ms / 1000).toFixed(1)} s: ${fmt(total)} rows (${fmt(total / (result.ms / 1000))} rows/s)`,
    );
    for (const [table, n] of Object.entries(result.rows))
      console.log(`[scale]   ${table.padEnd(22)} ${fmt(n).padStart(9)}`);
    console.log(
      `[scale] Sign in as dir@${SCALE_DOMAIN}, cm@${SCALE_DOMAIN}, fin@${SCALE_DOMAIN}, client@${SCALE_DOMAIN} or creator@${SCALE_DOMAIN} (password ${DEMO_PASSWORD}).`,
    );
  }
} catch (error) {
  if (tty) process.stdout.write("\n");
  console.error("[scale] Failed:", error instanceof Error ? error.message : error);
  process.exitCode = 1;
} finally {
  stopping = true;
  await pool.end();
  await env.stop();
}
