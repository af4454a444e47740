import { describe, expect, it } from "vitest";
import { HEADROOM, processPlan } from "@/scripts/process-plan";

// npm start's server processes and pool sizes (scripts/process-plan.ts): one process per core by default, the
// pools sharing a budget of 20 connections (at least 4 each), everything within the database's max_connections.

const plan = (cores: number, env: Record<string, string> = {}, maxConnections = 200) =>
  processPlan({ cores, env, maxConnections });

describe("processPlan", () => {
  it("runs one process per core, the pools sharing 20 connections", () => {
    expect(plan(1)).toMatchObject({ webProcesses: 1, poolSize: 20 });
    expect(plan(2)).toMatchObject({ webProcesses: 2, poolSize: 10 });
    expect(plan(3)).toMatchObject({ webProcesses: 3, poolSize: 6 });
  });

  it("gives each process at least 4 connections", () => {
    expect(plan(8)).toMatchObject({ webProcesses: 8, poolSize: 4 });
    expect(plan(16)).toMatchObject({ webProcesses: 16, poolSize: 4 });
  });

  it("counts every connection: the pools, one LISTEN connection per process, the worker's pool and pg-boss's", () => {
    // 2 × (10 + 1) + worker (10 + 4)
    expect(plan(2).connections).toBe(36);
    expect(plan(2, { DATABASE_POOL_SIZE: "5" }).connections).toBe(2 * 6 + 5 + 4);
  });

  it("lowers a default process count until the connections fit in max_connections", () => {
    // 200 - 20 headroom - 14 worker = 166 for the web processes at 5 connections each: 33 processes.
    const big = plan(64);
    expect(big).toMatchObject({ webProcesses: 33, poolSize: 4 });
    expect(big.connections).toBeLessThanOrEqual(200 - HEADROOM);
    expect(big.reason).toMatch(/lowered to 33/);
    // PostgreSQL's default of 100 (an external database).
    expect(plan(64, {}, 100).webProcesses).toBe(13);
  });

  it("takes WEB_CONCURRENCY and DATABASE_POOL_SIZE from the environment", () => {
    expect(plan(8, { WEB_CONCURRENCY: "1" })).toMatchObject({ webProcesses: 1, poolSize: 20 });
    expect(plan(1, { WEB_CONCURRENCY: "4" })).toMatchObject({ webProcesses: 4, poolSize: 5 });
    expect(plan(2, { DATABASE_POOL_SIZE: "7" })).toMatchObject({ webProcesses: 2, poolSize: 7 });
    expect(plan(2, { WEB_CONCURRENCY: "", DATABASE_POOL_SIZE: " " })).toMatchObject({ webProcesses: 2, poolSize: 10 });
  });

  it("refuses given numbers that do not fit, and numbers that are not whole and positive", () => {
    expect(() => plan(2, { WEB_CONCURRENCY: "40" })).toThrow(/Lower WEB_CONCURRENCY or DATABASE_POOL_SIZE/);
    expect(() => plan(2, { DATABASE_POOL_SIZE: "100" })).toThrow(/allows 200/);
    expect(() => plan(2, { WEB_CONCURRENCY: "two" })).toThrow(/WEB_CONCURRENCY must be a whole number/);
    expect(() => plan(2, { WEB_CONCURRENCY: "0" })).toThrow(/WEB_CONCURRENCY/);
    expect(() => plan(2, { DATABASE_POOL_SIZE: "1.5" })).toThrow(/DATABASE_POOL_SIZE/);
  });

  it("runs the development server as one process", () => {
    expect(processPlan({ cores: 4, env: { WEB_CONCURRENCY: "3" }, maxConnections: 200, mode: "dev" })).toMatchObject({
      webProcesses: 1,
      poolSize: 20,
    });
  });
});
