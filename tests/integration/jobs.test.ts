import { describe, expect, inject, it } from "vitest";
import { BOSS_SCHEMA, jobTiming, startBoss } from "@/lib/jobs/boss";
import { HANDLERS } from "@/lib/jobs/handlers";
import { JOB_NAMES, registerSchedules, SCHEDULES } from "@/lib/jobs/schedules";

// The worker's wiring against the real database: pg-boss starts in its own schema, the schedules land in
// it (twice is the same as once: every worker registers them at start), and every schedule has a handler.

describe("background jobs", () => {
  it("registers the schedules in pg-boss, idempotently", async () => {
    const boss = await startBoss(inject("databaseUrl"));
    try {
      await registerSchedules(boss);
      await registerSchedules(boss);
      const schedules = await boss.getSchedules();
      const byName = Object.fromEntries(schedules.map((s) => [s.name, s.cron]));
      expect(byName).toEqual({
        "approvals.expire": "*/5 * * * *",
        "approvals.escalate": "*/15 * * * *",
        "auth.cleanup-login-attempts": "17 3 * * *",
        "api.cleanup-idempotency-keys": "41 * * * *",
      });
      expect(schedules.map((s) => (s as typeof s & { timezone: string }).timezone)).toEqual([
        "UTC",
        "UTC",
        "UTC",
        "UTC",
      ]);
      const queues = await boss.getQueues();
      // pg-boss adds an internal queue of its own ("__pgboss__send-it").
      expect(
        queues
          .map((q) => q.name)
          .filter((n) => !n.startsWith("__pgboss__"))
          .sort(),
      ).toEqual(SCHEDULES.map((s) => s.name).sort());
      expect(BOSS_SCHEMA).toBe("pgboss");
    } finally {
      await boss.stop({ graceful: false, wait: true });
    }
  });

  it("brings queues made by an older version to today's expiry and policy", async () => {
    const boss = await startBoss(inject("databaseUrl"));
    try {
      // As the worker before issue 12 left them: a 15-minute expiry, singleton.
      await boss.updateQueue(JOB_NAMES.expireApprovals, {
        name: JOB_NAMES.expireApprovals,
        policy: "singleton",
        expireInSeconds: 15 * 60,
      });
      await registerSchedules(boss);
      for (const { name } of SCHEDULES) {
        expect(await boss.getQueue(name)).toMatchObject({
          policy: "stately",
          retryLimit: 2,
          retryDelay: 0,
          expireInSeconds: 60,
        });
      }
      expect(jobTiming()).toEqual({ expireSeconds: 60, maintenanceSeconds: 15, pollSeconds: 10 });
    } finally {
      await boss.stop({ graceful: false, wait: true });
    }
  });

  it("has a handler for every scheduled job and no other", () => {
    expect(Object.keys(HANDLERS).sort()).toEqual(SCHEDULES.map((s) => s.name).sort());
  });
});
