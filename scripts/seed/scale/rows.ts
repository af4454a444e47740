import type pg from "pg";

// What every phase of the scale seed shares: the counts, deterministic randomness, value formats, and the
// batch writer (one INSERT … SELECT FROM unnest per batch, each batch in its own transaction). Imports nothing
// of the seed's other modules, so they all depend on it and never on each other in a circle.

export type ScaleCounts = {
  influencers: number;
  /** Social accounts per influencer (distinct platforms): 2 gives 200,000 for 100,000 influencers. */
  socialsPerInfluencer: number;
  clients: number;
  campaigns: number;
  minAssignments: number;
  maxAssignments: number;
  /** Extra campaign managers owning campaigns (besides cm@ and dir@). */
  extraManagers: number;
  /** Creator users (creator@, creator2@ …) linked to the first influencers, which get a share of the contracted assignments. */
  creators: number;
  /** Content tasks over the contracted assignments of campaigns in production or later (exact). */
  contentTasks: number;
  /** Artifact versions over those tasks (exact). */
  contentArtifacts: number;
  /** Financial objects over the campaigns (exact), each with its lines and revision 1. */
  financialObjects: number;
};

// ---------------------------------------------------------------------------------------------------------
// Deterministic randomness
// ---------------------------------------------------------------------------------------------------------

export type Rng = {
  next: () => number;
  int: (min: number, max: number) => number;
  pick: <T>(items: readonly T[]) => T;
  weighted: <T>(items: readonly (readonly [T, number])[]) => T;
  uuid: () => string;
  chance: (p: number) => boolean;
};

/** mulberry32: tiny, fast, good enough for test data. */
export function createRng(seed: number): Rng {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  const hex = (n: number) => {
    let s = "";
    for (let i = 0; i < n; i++) s += Math.floor(next() * 16).toString(16);
    return s;
  };
  return {
    next,
    int,
    pick: (items) => items[Math.floor(next() * items.length)],
    weighted: (items) => {
      const total = items.reduce((sum, [, w]) => sum + w, 0);
      let r = next() * total;
      for (const [value, w] of items) {
        r -= w;
        if (r < 0) return value;
      }
      return items[items.length - 1][0];
    },
    // A well-formed v4 UUID drawn from the generator.
    uuid: () => `${hex(8)}-${hex(4)}-4${hex(3)}-${"89ab"[Math.floor(next() * 4)]}${hex(3)}-${hex(12)}`,
    chance: (p) => next() < p,
  };
}

/** Lower-case ASCII for handles: "Müller" → "mueller", "de Vries" → "devries". */
export function slugPart(text: string): string {
  return text
    .toLowerCase()
    .replace(/ä/g, "ae")
    .replace(/ö/g, "oe")
    .replace(/ü/g, "ue")
    .replace(/ß/g, "ss")
    .replace(/ś/g, "s")
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^a-z0-9]/g, "");
}

export const money = (n: number) => n.toFixed(2);
export const DAY = 86_400_000;
/** A fixed "now" keeps the data deterministic: 2026-11-01. */
export const SCALE_EPOCH = Date.UTC(2026, 10, 1);
export const iso = (ms: number) => new Date(ms).toISOString();
export const isoDate = (ms: number) => new Date(ms).toISOString().slice(0, 10);
export const pgArray = (items: readonly string[]) => `{${items.join(",")}}`;

export type Column = { name: string; type: string };
export type Table = { table: string; columns: Column[] };
export type Row = unknown[];

// ---------------------------------------------------------------------------------------------------------
// Writing
// ---------------------------------------------------------------------------------------------------------

/** One INSERT … SELECT FROM unnest(...) for all rows: one array parameter per column. */
export async function insertRows(client: pg.ClientBase, table: Table, rows: Row[]) {
  if (rows.length === 0) return;
  const columns = table.columns;
  const names = columns.map((c) => `"${c.name}"`).join(", ");
  // Array-typed columns travel as text (their literal) and are cast per row; unnest would flatten them.
  const params = columns
    .map((c, k) => (c.type.endsWith("[]") ? `$${k + 1}::text[]` : `$${k + 1}::${c.type}[]`))
    .join(", ");
  const selects = columns.map((c, k) => (c.type.endsWith("[]") ? `c${k}::${c.type}` : `c${k}`)).join(", ");
  const aliases = columns.map((_, k) => `c${k}`).join(", ");
  const values = columns.map((_, k) => rows.map((row) => row[k]));
  await client.query(
    `INSERT INTO "${table.table}" (${names}) SELECT ${selects} FROM unnest(${params}) AS t(${aliases})`,
    values,
  );
}

/** done/total count the phase's main rows; rows counts every row written so far in the phase (children too). */
export type Progress = (phase: string, done: number, total: number, rows: number) => void;

export async function inTransaction<T>(pool: pg.Pool, work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query("BEGIN");
    const result = await work(client);
    await client.query("COMMIT");
    return result;
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    throw error;
  } finally {
    client.release();
  }
}

/** What a phase of seedScale gets: the agency, the counts, the batch size, progress and the row tally. */
export type PhaseArgs = {
  agencyId: string;
  seed: number;
  counts: ScaleCounts;
  batch: number;
  progress: Progress;
  add: (table: string, n: number) => void;
};
