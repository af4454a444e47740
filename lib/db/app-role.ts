import pg from "pg";
import { BOSS_SCHEMA } from "@/lib/jobs/boss";
import { MIGRATION_LOCK_ID } from "@/lib/db/migrate";

// The database role the web server and the worker connect as: reads and writes rows, nothing else. No DDL
// (CREATE, ALTER, DROP), no TRUNCATE, not a superuser; the migrations run as the owner of the tables (the role
// of DATABASE_URL). The grants are applied again after every migration run, as part of the migration step
// (lib/db/prepare-database.ts), so a table a later migration adds is covered without default privileges:
// those would only cover tables created by the very role that declared them (docs/decisions.md).

export const APP_ROLE = "tikit_app";

const SCHEMAS = ["public", BOSS_SCHEMA];

const ident = (name: string) => `"${name.replace(/"/g, '""')}"`;

type RoleOptions = {
  /** Create the role (LOGIN, with this password) when missing, and set its password when it exists. */
  password?: string;
};

/**
 * Gives `role` exactly the rights the app needs on the database of `ownerUrl`, creating it first with a password
 * when one is given. Refuses a role that is a superuser (it would bypass every grant and trigger check).
 */
export async function setUpAppRole(ownerUrl: string, role: string, options: RoleOptions = {}): Promise<void> {
  const client = new pg.Client({ connectionString: ownerUrl });
  await client.connect();
  try {
    // The same lock as the migrations: several processes starting at once would race on CREATE ROLE and GRANT.
    await client.query("SELECT pg_advisory_lock($1)", [MIGRATION_LOCK_ID]);
    if (options.password !== undefined) {
      const exists = await client.query("SELECT 1 FROM pg_roles WHERE rolname = $1", [role]);
      const password = client.escapeLiteral(options.password);
      await client.query(
        exists.rowCount
          ? `ALTER ROLE ${ident(role)} WITH LOGIN PASSWORD ${password}`
          : `CREATE ROLE ${ident(role)} WITH LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS PASSWORD ${password}`,
      );
    }
    const found = await client.query<{ rolsuper: boolean; rolbypassrls: boolean }>(
      "SELECT rolsuper, rolbypassrls FROM pg_roles WHERE rolname = $1",
      [role],
    );
    if (!found.rowCount) throw new Error(`The database role "${role}" of DATABASE_APP_URL does not exist`);
    if (found.rows[0].rolsuper)
      throw new Error(
        `The database role "${role}" of DATABASE_APP_URL is a superuser: the app must connect as a role without DDL rights (see README, "Database roles")`,
      );
    const { rows } = await client.query<{ db: string }>("SELECT current_database() AS db");
    const database = ident(rows[0].db);
    const schemas = SCHEMAS.map(ident).join(", ");
    const to = ident(role);
    await client.query(`
      -- Before PostgreSQL 15 every role may create tables in "public", and every role may create temporary tables.
      REVOKE CREATE ON SCHEMA public FROM PUBLIC;
      REVOKE TEMPORARY ON DATABASE ${database} FROM PUBLIC;
      GRANT CONNECT ON DATABASE ${database} TO ${to};
      GRANT USAGE ON SCHEMA ${schemas} TO ${to};
      GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA ${schemas} TO ${to};
      GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA ${schemas} TO ${to};
      GRANT EXECUTE ON ALL FUNCTIONS IN SCHEMA ${schemas} TO ${to};
      -- Migrate's bookkeeping is the owner's alone.
      REVOKE ALL ON TABLE public."_prisma_migrations" FROM ${to};
    `);
  } finally {
    await client.query("SELECT pg_advisory_unlock($1)", [MIGRATION_LOCK_ID]).catch(() => {});
    await client.end();
  }
}

/** The user name a connection URL logs in as. */
export function urlUser(url: string): string {
  return decodeURIComponent(new URL(url).username);
}

/** `url` logging in as `user` with `password` instead (same server, database and parameters). */
export function withCredentials(url: string, user: string, password: string): string {
  const parsed = new URL(url);
  parsed.username = encodeURIComponent(user);
  parsed.password = encodeURIComponent(password);
  return parsed.toString();
}
