// npm run db:diff [-- --from <git-ref>] — drafts the next migration: the SQL that takes the Prisma schema as
// it was at <git-ref> (default: the last commit that added a migration; none: an empty database) to the
// schema in the working tree. Put it in prisma/migrations/<timestamp>_<name>/migration.sql, add what
// Prisma cannot say (triggers, pg_trgm and partial indexes), and let tests/integration/schema.test.ts judge.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { startEmbeddedPostgres } from "../lib/db/embedded";
import { diffSchemas } from "./schema-diff";

function git(...args: string[]) {
  try {
    return execFileSync("git", args, { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim();
  } catch {
    return "";
  }
}

function schemaAt(ref: string) {
  const names = git("ls-tree", "--name-only", `${ref}:prisma/schema`)
    .split("\n")
    .filter((n) => n.endsWith(".prisma"));
  return names.map((name) => ({
    path: path.join("prisma/schema", name),
    content: git("show", `${ref}:prisma/schema/${name}`),
  }));
}

const flag = process.argv.indexOf("--from");
const ref =
  flag > 0
    ? process.argv[flag + 1]
    : git("log", "-1", "--format=%H", "--diff-filter=A", "--", "prisma/migrations/*/migration.sql");
const from = ref ? schemaAt(ref) : null;

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "tikit-diff-"));
const db = await startEmbeddedPostgres({
  dataDir: path.join(dataDir, "pg"),
  database: "diff",
  ephemeral: true,
  port: 55432,
});
try {
  const sql = await diffSchemas(db.url, from);
  process.stderr.write(from ? `-- from the schema at ${ref}\n` : "-- from an empty database\n");
  process.stdout.write(sql ? sql + "\n" : "-- nothing: the schema did not change\n");
} finally {
  await db.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });
}
