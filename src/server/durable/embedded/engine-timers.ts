import "server-only";

/** The engine's timers, all unref'd (they never keep a process alive) and cleared together on stop. */
export class EngineTimers {
  private readonly timers = new Set<NodeJS.Timeout>();

  constructor(private readonly onError: (error: unknown) => void) {}

  /** Calls `tick` every `ms`, skipping a beat while the previous tick is still running. */
  every(ms: number, tick: () => Promise<unknown>): void {
    let busy = false;
    const timer = setInterval(() => {
      if (busy) return;
      busy = true;
      tick()
        .catch(this.onError)
        .finally(() => (busy = false));
    }, ms);
    timer.unref();
    this.timers.add(timer);
  }

  /** Calls `fire` at `at`. Far-off times are left to the poll: timers are for short sleeps and retries. */
  at(at: Date, fire: () => void): void {
    const delay = at.getTime() - Date.now();
    if (delay > 3_600_000) return;
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      fire();
    }, Math.max(0, delay) + 5);
    timer.unref();
    this.timers.add(timer);
  }

  clear(): void {
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
  }
}
