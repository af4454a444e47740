import pg from "pg";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";

// One connection pool and one Prisma client per process, created on first use so that scripts and tests can
// set DATABASE_URL first. Prisma's adapter runs on the same `pg` pool that the hand-written hot reads of
// lib/db/sql.ts use, so the process holds one set of connections.
const holder = globalThis as unknown as { tikitPrisma?: PrismaClient; tikitPool?: pg.Pool; tikitOnClose?: Set<() => Promise<void>> };

export function getPool(): pg.Pool {
  if (!holder.tikitPool) {
    const url = process.env.DATABASE_URL;
    if (!url) throw new Error("DATABASE_URL is not set: start the app with `npm start` or set it yourself");
    const pool = new pg.Pool({ connectionString: url, max: Number(process.env.DATABASE_POOL_SIZE ?? 10) });
    // An idle connection the server drops (restart, idle timeout) is removed from the pool by pg; without a
    // listener the error event would end the process.
    pool.on("error", (error) => console.error("[db] idle connection error:", error.message));
    holder.tikitPool = pool;
  }
  return holder.tikitPool;
}

export function getDb(): PrismaClient {
  holder.tikitPrisma ??= new PrismaClient({ adapter: new PrismaPg(getPool()) });
  return holder.tikitPrisma;
}

/** Registers a connection of its own for closeDb to close (e.g. a LISTEN connection). */
export function onCloseDb(close: () => Promise<void>) {
  (holder.tikitOnClose ??= new Set()).add(close);
}

/** Closes the Prisma client, the pool and the connections registered with onCloseDb (scripts and tests; the next use opens new ones). */
export async function closeDb(): Promise<void> {
  const { tikitPrisma, tikitPool, tikitOnClose } = holder;
  delete holder.tikitPrisma;
  delete holder.tikitPool;
  for (const close of tikitOnClose ?? []) await close();
  await tikitPrisma?.$disconnect();
  await tikitPool?.end();
}

/** The Prisma client; a proxy so that importing it does not connect. */
export const db: PrismaClient = new Proxy({} as PrismaClient, {
  get(_target, property) {
    const client = getDb();
    const value = Reflect.get(client, property, client);
    return typeof value === "function" ? value.bind(client) : value;
  },
});

export type Db = PrismaClient;
export type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];
