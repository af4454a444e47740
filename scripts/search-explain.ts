// npm run search:explain — the directory search's statements on a database (DATABASE_URL, e.g. a copy of the scale
// data), as the app runs them: EXPLAIN (ANALYZE, BUFFERS) for an exact term, typos, one letter and no term, with and
// without filters, in the big agency and a small one (issue 14). Then the stability check: one connection, the
// same search 100 times, the time of call 1 against calls 96-100.
//   SEARCH_AGENCIES: agency names (comma-separated; default "Scale Agency,Northwind Creators")
//   SEARCH_PLANS=0: timings only (no plan text); SEARCH_REPEAT: runs per case for the median (default 7)
import pg from "pg";
import { SEARCH_SESSION_SETTINGS } from "../lib/db/client";
import { searchInfluencersSchema } from "../lib/domain/influencers/schemas";
import { searchPageSql, termSearchSql } from "../lib/domain/influencers/search-influencers";

const url = process.env.DATABASE_URL;
if (!url) throw new Error("Set DATABASE_URL (the scale data copy)");
const names = (process.env.SEARCH_AGENCIES ?? "Scale Agency,Northwind Creators").split(",");
const showPlans = process.env.SEARCH_PLANS !== "0";
const repeat = Number(process.env.SEARCH_REPEAT ?? 7);

// SEARCH_SETTINGS="" compares with the planner's defaults.
const settings = process.env.SEARCH_SETTINGS ?? SEARCH_SESSION_SETTINGS;
const client = new pg.Client({ connectionString: url, options: settings || undefined });
await client.connect();

const CASES: { label: string; input: Record<string, string> }[] = [
  { label: "exact", input: { q: "schmidt" } },
  { label: "typo", input: { q: "schmit" } },
  { label: "typo 2", input: { q: "shmidt" } },
  { label: "one letter", input: { q: "s" } },
  { label: "empty", input: {} },
  { label: "exact + country", input: { q: "schmidt", country: "DE" } },
  { label: "typo + country", input: { q: "schmit", country: "DE" } },
  { label: "typo + platform + followers", input: { q: "shmidt", platform: "INSTAGRAM", minFollowers: "10000" } },
  { label: "one letter + country", input: { q: "s", country: "DE" } },
  { label: "empty + country + niche", input: { country: "DE", niche: "beauty" } },
  { label: "empty, by followers", input: { sort: "followers" } },
];

/** The statements the search runs for `input` (a term: the substring pass, then the typo pass). */
function statements(agencyId: string, input: Record<string, string>) {
  const filters = searchInfluencersSchema.parse(input);
  if (!filters.q) return [{ pass: "page", sql: searchPageSql(agencyId, filters, filters.take + 1, 0) }];
  return (["substring", "fuzzy"] as const).map((mode) => ({
    pass: mode,
    sql: termSearchSql(agencyId, filters, filters.take + 1, 0, mode),
  }));
}

async function explain(sql: { text: string; values: unknown[] }) {
  const { rows } = await client.query({ text: `EXPLAIN (ANALYZE, BUFFERS) ${sql.text}`, values: sql.values });
  return rows.map((r: { "QUERY PLAN": string }) => r["QUERY PLAN"]);
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

console.log(`search-explain: ${new Date().toISOString()}, settings "${settings}"`);
const seqScans: string[] = [];
for (const name of names) {
  const { rows } = await client.query(
    `SELECT a.id, count(p.id)::int AS n FROM "Agency" a LEFT JOIN "InfluencerProfile" p ON p."agencyId" = a.id WHERE a.name = $1 GROUP BY a.id`,
    [name],
  );
  if (!rows[0]) throw new Error(`No agency named ${name}`);
  const { id, n } = rows[0] as { id: string; n: number };
  console.log(`\n## ${name} (${n} influencers)\n`);
  console.log("| case | pass | median execution ms | rows | plan (scan of InfluencerProfile) |");
  console.log("| --- | --- | ---: | ---: | --- |");
  const plans: string[] = [];
  for (const c of CASES) {
    for (const s of statements(id, c.input)) {
      await explain(s.sql); // warm
      const times: number[] = [];
      let plan: string[] = [];
      for (let i = 0; i < repeat; i++) {
        plan = await explain(s.sql);
        times.push(Number(/Execution Time: ([\d.]+)/.exec(plan.at(-1) ?? "")?.[1] ?? NaN));
      }
      const scans = plan
        .map((l) => l.trim())
        .filter((l) => /(Scan|Seq Scan).* on "InfluencerProfile/.test(l) || /Scan using "InfluencerProfile/.test(l))
        .map((l) => l.replace(/->\s+/, "").replace(/\s+\(cost.*$/, ""));
      if (plan.some((l) => /Seq Scan on "InfluencerProfile"/.test(l))) seqScans.push(`${name}: ${c.label} ${s.pass}`);
      const rowsLine = plan.find((l) => /CTE matched|Limit/.test(l)) ?? "";
      const found = /actual time=[\d.]+\.\.[\d.]+ rows=(\d+)/.exec(
        plan.find((l) => /actual time/.test(l) && /Limit|Index Scan|Bitmap Heap/.test(l)) ?? rowsLine,
      )?.[1];
      console.log(`| ${c.label} | ${s.pass} | ${median(times).toFixed(2)} | ${found ?? "?"} | ${scans.join("; ")} |`);
      plans.push(`-- ${name}: ${c.label} (${s.pass}) ${JSON.stringify(c.input)}\n${plan.join("\n")}`);
    }
  }
  if (showPlans) console.log(`\n\`\`\`\n${plans.join("\n\n")}\n\`\`\``);
}
console.log(`\nSequential scans of "InfluencerProfile": ${seqScans.length ? seqScans.join(", ") : "none"}`);

// Stability: the same typo search 100 times on one connection, as the app sends it (an unnamed statement, planned
// with its values each time), interleaved with the same statement prepared once (a named statement: PostgreSQL
// switches to a generic plan after five calls; pg_prepared_statements counts which plans it used). Interleaving
// keeps the machine's load alike for both.
{
  const { rows } = await client.query(`SELECT id FROM "Agency" WHERE name = $1`, [names[0]]);
  const sql = termSearchSql(rows[0].id, searchInfluencersSchema.parse({ q: "schmit" }), 26, 0, "fuzzy");
  const times: Record<"unnamed" | "named", number[]> = { unnamed: [], named: [] };
  for (let i = 0; i < 100; i++) {
    for (const kind of ["unnamed", "named"] as const) {
      const started = process.hrtime.bigint();
      await client.query(kind === "named" ? { name: "stability", text: sql.text, values: sql.values } : sql);
      times[kind].push(Number(process.hrtime.bigint() - started) / 1e6);
    }
  }
  const plans = await client.query(
    `SELECT generic_plans, custom_plans FROM pg_prepared_statements WHERE name = 'stability'`,
  );
  for (const kind of ["unnamed", "named"] as const) {
    const t = times[kind];
    console.log(
      `\n${kind === "named" ? "named (prepared once)" : "unnamed (as the app runs it)"}: call 1 ${t[0].toFixed(1)} ms, calls 1-5 median ${median(t.slice(0, 5)).toFixed(1)} ms, calls 96-100 median ${median(t.slice(95)).toFixed(1)} ms, all 100 median ${median(t).toFixed(1)} ms`,
    );
  }
  console.log(
    `named statement's plans after 100 calls: ${JSON.stringify(plans.rows[0])} (the unnamed one is planned on every call)`,
  );
}
await client.end();
