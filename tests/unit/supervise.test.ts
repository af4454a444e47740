import { spawn } from "node:child_process";
import { setTimeout as sleep } from "node:timers/promises";
import { describe, expect, it } from "vitest";
import { supervise } from "@/scripts/supervise";

// npm start's supervision of the background worker, with real child processes and short delays: a child that
// exits is started again after a doubling back-off (reset after a stable run), and stop() ends it for good.

function node(code: string) {
  return spawn(process.execPath, ["-e", code], { stdio: "ignore" });
}

async function until(condition: () => boolean, timeoutMs = 10_000) {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error("timed out");
    await sleep(10);
  }
}

describe("supervise", () => {
  it("restarts a child that exits, with a doubling back-off up to the maximum, one log line each", async () => {
    const starts: number[] = [];
    const lines: string[] = [];
    const supervisor = supervise({
      name: "test worker",
      start: () => {
        starts.push(Date.now());
        return node("process.exit(3)");
      },
      log: (line) => lines.push(line),
      initialDelayMs: 200,
      maxDelayMs: 800,
      stableMs: 60_000,
    });
    try {
      await until(() => starts.length === 5, 20_000);
      expect(supervisor.restarts).toBe(4);
      // Each gap is the back-off plus the child's own run (a node start): at least 200 → 400 → 800 → 800.
      const gaps = starts.slice(1).map((at, i) => at - starts[i]);
      for (const [i, min] of [200, 400, 800, 800].entries()) expect(gaps[i]).toBeGreaterThanOrEqual(min - 5);
      expect(lines.slice(0, 4)).toEqual([
        expect.stringMatching(/^The test worker stopped \(exit code 3\) after [\d.]+ s; restarting it in 0\.2 s$/),
        expect.stringMatching(/\(exit code 3\) .* restarting it in 0\.4 s$/),
        expect.stringMatching(/restarting it in 0\.8 s$/),
        expect.stringMatching(/restarting it in 0\.8 s$/),
      ]);
    } finally {
      await supervisor.stop(1_000);
    }
  });

  it("starts again from the initial delay after a child ran stably", async () => {
    let starts = 0;
    const lines: string[] = [];
    // The first two children crash at once, the third runs past stableMs, the fourth crashes again. (A node start
    // takes well under a second even on a busy machine, so the crashing ones never count as stable.)
    const supervisor = supervise({
      name: "test worker",
      start: () => node(++starts === 3 ? "setTimeout(() => process.exit(1), 3200)" : "process.exit(1)"),
      log: (line) => lines.push(line),
      initialDelayMs: 100,
      maxDelayMs: 10_000,
      stableMs: 3_000,
    });
    try {
      await until(() => lines.length === 4, 20_000);
      expect(lines.map((line) => line.replace(/.*restarting it in /, ""))).toEqual([
        "0.1 s",
        "0.2 s",
        "0.1 s",
        "0.2 s",
      ]);
    } finally {
      await supervisor.stop(1_000);
    }
  });

  it("stop() ends a running child with SIGTERM and does not restart it", async () => {
    let starts = 0;
    const lines: string[] = [];
    const supervisor = supervise({
      name: "test worker",
      start: () => {
        starts++;
        return node("setInterval(() => {}, 1000)");
      },
      log: (line) => lines.push(line),
      initialDelayMs: 50,
    });
    const child = supervisor.current!;
    await sleep(200);
    await supervisor.stop(5_000);
    expect(child.signalCode).toBe("SIGTERM");
    expect(supervisor.current).toBeNull();
    await sleep(300);
    expect(starts).toBe(1);
    expect(lines).toEqual([]);
  });

  it("stop() kills a child that ignores SIGTERM after the grace period", async () => {
    const supervisor = supervise({
      name: "test worker",
      // It says "ready" once its handler is installed: a fixed wait was too short on a loaded machine (the SIGTERM
      // then killed a child that had not yet set up to ignore it).
      start: () =>
        spawn(
          process.execPath,
          ["-e", "process.on('SIGTERM', () => {}); console.log('ready'); setInterval(() => {}, 1000)"],
          { stdio: ["ignore", "pipe", "ignore"] },
        ),
      log: () => {},
    });
    const child = supervisor.current!;
    await new Promise<void>((resolve) =>
      child.stdout!.on("data", (chunk: Buffer) => chunk.toString().includes("ready") && resolve()),
    );
    const started = Date.now();
    await supervisor.stop(300);
    expect(child.signalCode).toBe("SIGKILL");
    expect(Date.now() - started).toBeGreaterThanOrEqual(290);
  });

  it("no restart when stop() comes during the back-off", async () => {
    let starts = 0;
    const lines: string[] = [];
    const supervisor = supervise({
      name: "test worker",
      start: () => {
        starts++;
        return node("process.exit(1)");
      },
      log: (line) => lines.push(line),
      initialDelayMs: 300,
    });
    await until(() => lines.length === 1);
    await supervisor.stop(1_000);
    await sleep(600);
    expect(starts).toBe(1);
  });
});
