import type { ChildProcess } from "node:child_process";

// Keeps a child process running (npm start's background worker): when it exits while nobody asked it to, it
// is started again after a back-off that doubles from `initialDelayMs` to `maxDelayMs`, and falls back to
// `initialDelayMs` once a child has run `stableMs` (a worker that crashes at start is not restarted in a tight
// loop; one that crashes once a day restarts after a second). stop() ends it without a restart.

export type SuperviseOptions = {
  /** Shown in the log lines, e.g. "background worker". */
  name: string;
  /** Starts one child (spawn); called again for every restart. */
  start: () => ChildProcess;
  log: (line: string) => void;
  initialDelayMs?: number;
  maxDelayMs?: number;
  /** A child that ran this long resets the back-off. */
  stableMs?: number;
};

export type Supervisor = {
  /** The running child, or null between a crash and its restart (and after stop). */
  readonly current: ChildProcess | null;
  /** How many times a child was started again. */
  readonly restarts: number;
  /** SIGTERM to the child (SIGKILL after `graceMs`), no restart; resolves when it is gone. */
  stop: (graceMs: number) => Promise<void>;
};

const seconds = (ms: number) => `${Number((ms / 1000).toFixed(1))} s`;

export function supervise(options: SuperviseOptions): Supervisor {
  const initialDelayMs = options.initialDelayMs ?? 1_000;
  const maxDelayMs = options.maxDelayMs ?? 60_000;
  const stableMs = options.stableMs ?? 60_000;
  let current: ChildProcess | null = null;
  let exited: Promise<void> = Promise.resolve();
  let restarts = 0;
  let delay = initialDelayMs;
  let timer: NodeJS.Timeout | null = null;
  let stopping = false;

  function launch() {
    timer = null;
    const startedAt = Date.now();
    const child = options.start();
    current = child;
    exited = new Promise((resolve) => {
      let done = false;
      // A child that cannot be spawned emits "error" and maybe no "exit"; either ends this run, once.
      const ended = (reason: string) => {
        if (done) return;
        done = true;
        if (current === child) current = null;
        resolve();
        if (stopping) return;
        const ran = Date.now() - startedAt;
        if (ran >= stableMs) delay = initialDelayMs;
        options.log(
          `The ${options.name} stopped (${reason}) after ${seconds(ran)}; restarting it in ${seconds(delay)}`,
        );
        timer = setTimeout(() => {
          restarts++;
          launch();
        }, delay);
        delay = Math.min(delay * 2, maxDelayMs);
      };
      child.once("exit", (code, signal) => ended(signal ? `signal ${signal}` : `exit code ${code}`));
      child.once("error", (error) => ended(`could not run: ${error.message}`));
    });
  }

  launch();

  return {
    get current() {
      return current;
    },
    get restarts() {
      return restarts;
    },
    async stop(graceMs) {
      stopping = true;
      if (timer) clearTimeout(timer);
      timer = null;
      const child = current;
      if (!child || child.exitCode !== null || child.signalCode !== null) return;
      child.kill("SIGTERM");
      const kill = setTimeout(() => child.kill("SIGKILL"), graceMs);
      await exited;
      clearTimeout(kill);
    },
  };
}
