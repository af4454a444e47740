import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { runningClusterUrl, startEmbeddedPostgres, type EmbeddedDatabase } from "@/lib/db/embedded";

// `npm run worker` (and any local script) next to a running `npm start`: it joins the embedded PostgreSQL that
// already runs on .data/pg instead of starting a second one on the same files, and leaves it running.
// A throwaway cluster in a temporary folder stands in for npm start's.

let folder: string;
let cluster: EmbeddedDatabase;
const pidOf = () => fs.readFileSync(path.join(folder, "pg", "postmaster.pid"), "utf8").split("\n")[0];

async function answers(url: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (
      await client.query<{ db: string; port: number }>(
        "SELECT current_database() AS db, current_setting('port')::int AS port",
      )
    ).rows[0];
  } finally {
    await client.end();
  }
}

beforeAll(async () => {
  folder = fs.mkdtempSync(path.join(os.tmpdir(), "tikit-join-"));
  cluster = await startEmbeddedPostgres({
    dataDir: path.join(folder, "pg"),
    database: "tikit",
    port: 57900 + crypto.randomInt(0, 90),
  });
});

afterAll(async () => {
  await cluster?.stop();
  fs.rmSync(folder, { recursive: true, force: true });
});

describe("joining the embedded PostgreSQL that runs", () => {
  it("finds the running cluster from its postmaster.pid and returns a working URL", async () => {
    const pid = pidOf();
    const url = await runningClusterUrl(path.join(folder, "pg"), "tikit");
    expect(url).toBe(cluster.url);
    expect(await answers(url!)).toEqual({ db: "tikit", port: cluster.port });
    expect(pidOf()).toBe(pid);
  });

  it("loadLocalEnv joins it (no second cluster), migrates it and does not stop it", async () => {
    const saved = {
      url: process.env.DATABASE_URL,
      appUrl: process.env.DATABASE_APP_URL,
      dir: process.env.TIKIT_DATA_DIR,
    };
    delete process.env.DATABASE_URL;
    delete process.env.DATABASE_APP_URL; // the test run's app role lives on another server
    process.env.TIKIT_DATA_DIR = folder;
    const lines: string[] = [];
    try {
      const pid = pidOf();
      // DATA_DIR is read when the module loads: a fresh copy of it sees TIKIT_DATA_DIR.
      vi.resetModules();
      const { loadLocalEnv } = await import("@/scripts/local-env");
      const env = await loadLocalEnv({ log: (line: string) => lines.push(line) });
      expect(env).toMatchObject({ url: cluster.url, embedded: false, joined: true });
      expect(lines[0]).toMatch(new RegExp(`^Joined the embedded PostgreSQL already running on port ${cluster.port} `));
      await env.stop();
      expect(pidOf()).toBe(pid);
      const client = new pg.Client({ connectionString: cluster.url });
      await client.connect();
      try {
        expect((await client.query(`SELECT count(*)::int AS n FROM "_prisma_migrations"`)).rows[0].n).toBeGreaterThan(
          0,
        );
      } finally {
        await client.end();
      }
    } finally {
      process.env.DATABASE_URL = saved.url;
      process.env.DATABASE_APP_URL = saved.appUrl;
      if (saved.dir === undefined) delete process.env.TIKIT_DATA_DIR;
      else process.env.TIKIT_DATA_DIR = saved.dir;
    }
  });

  it("ignores a folder without a running cluster: none at all, or a stale postmaster.pid", async () => {
    expect(await runningClusterUrl(path.join(folder, "nothing"), "tikit")).toBeNull();
    const stale = path.join(folder, "stale");
    fs.mkdirSync(stale);
    // A pid that no process has (above the kernel's pid_max).
    fs.writeFileSync(path.join(stale, "postmaster.pid"), `99999999\n${stale}\n0\n${cluster.port}\n/tmp\n127.0.0.1\n`);
    expect(await runningClusterUrl(stale, "tikit")).toBeNull();
  });

  it("says what to do when the folder's process lives but its database does not answer", async () => {
    const dead = path.join(folder, "silent");
    fs.mkdirSync(dead);
    // This test process stands in for a PostgreSQL that holds the folder but answers on no port.
    fs.writeFileSync(path.join(dead, "postmaster.pid"), `${process.pid}\n${dead}\n0\n1\n/nonexistent\n127.0.0.1\n`);
    await expect(runningClusterUrl(dead, "tikit")).rejects.toThrow(
      /runs \(pid \d+\) but does not answer on port 1 .*: wait until it has started, or stop the process that started it$/,
    );
  });
});
