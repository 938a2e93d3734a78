import "server-only";
import type { InngestFunction } from "inngest";
import type { Db } from "@/server/db";
import type { EngineRun } from "@/server/db/generated/client";
import { logger as appLogger, type Logger } from "@/server/logger";
import { defaultBackoff, type Backoff } from "./backoff";
import { limitsByKey } from "./concurrency-limits";
import { CronScheduler } from "./cron-scheduler";
import { dispatchEvents, dispatchPendingEvents, normalizeEvents } from "./dispatch-events";
import { EngineTimers } from "./engine-timers";
import { executeRun } from "./execute-run";
import { FunctionRegistry } from "./function-registry";
import { KeyLoad } from "./key-load";
import { RunLease } from "./lease";
import type { ExecuteDeps } from "./run-context";
import { claimNextRun, countUnfinishedRuns, createRuns } from "./run-store";

export interface EmbeddedEngineOptions {
  db: Db;
  functions: InngestFunction.Any[];
  /**
   * Runs executing at once in this process, across all functions (default 8).
   * Functions' own concurrency limits bound the heavy ones; a small job's run
   * mostly waits on the database, so several overlap well on two cores.
   */
  concurrency?: number;
  /** How often to look for due runs written by others: restarts, other processes (default 1 s). */
  pollIntervalMs?: number;
  /** How long a claim lasts without a heartbeat; a crashed engine's runs resume after it (default 30 s). */
  leaseMs?: number;
  /** Delay before retry n (default: exponential from 10 s, capped at 1 h). */
  backoff?: Backoff;
  /** Parallel steps of one run executed at once (default 4). */
  parallelSteps?: number;
  /** Fire cron triggers (default true). */
  cron?: boolean;
  logger?: Logger;
}

type State = "new" | "running" | "stopping" | "stopped" | "killed";

/** Runs Inngest functions in this process, with their state in the database. Single machine: see README in this folder. */
export class EmbeddedEngine {
  readonly registry: FunctionRegistry;
  private readonly inFlight = new Map<string, { functionId: string; lease: RunLease; done: Promise<void> }>();
  private readonly keyLoad = new KeyLoad();
  private readonly timers: EngineTimers;
  private readonly cron: CronScheduler;
  private readonly deps: ExecuteDeps;
  private state: State = "new";
  private pumping = false;
  private pumpAgain = false;

  constructor(private readonly options: EmbeddedEngineOptions) {
    const logger = options.logger ?? appLogger;
    this.registry = new FunctionRegistry(options.functions, logger);
    this.cron = new CronScheduler((run) => this.createRunsAndPump([run]), logger);
    this.timers = new EngineTimers((error) => logger.error({ err: error }, "embedded job engine tick failed"));
    this.deps = {
      db: options.db,
      logger,
      backoff: options.backoff ?? defaultBackoff,
      parallelSteps: options.parallelSteps ?? 4,
      stopping: () => this.state !== "running",
      wakeAt: (at) => this.wakeAt(at),
    };
  }

  private get leaseMs() {
    return this.options.leaseMs ?? 30_000;
  }

  get running(): boolean {
    return this.state === "running";
  }

  async start(): Promise<void> {
    if (this.state !== "new") throw new Error("An embedded engine starts once; create a new one.");
    this.state = "running";
    await dispatchPendingEvents(this.options.db, this.registry);
    if (this.options.cron ?? true) this.cron.start(this.registry.all());
    this.timers.every(this.options.pollIntervalMs ?? 1000, async () => {
      await dispatchPendingEvents(this.options.db, this.registry);
      await this.pump();
    });
    this.timers.every(this.leaseMs / 3, () => Promise.all([...this.inFlight.values()].map(({ lease }) => lease.renew())));
    await this.pump();
  }

  /**
   * Stops taking runs; the ones executing finish their current step and are
   * handed back. With `graceMs`, a step still running after it is not waited
   * for: its run is handed back at once (claimable by the next start right
   * away) and the step's late result is fenced out. Resolves with how many
   * runs were handed back that way. Safe to call again (a shorter wait).
   */
  async stop({ graceMs }: { graceMs?: number } = {}): Promise<{ handedBack: number }> {
    if (this.state === "running") this.state = "stopping";
    this.cron.stop();
    const executing = [...this.inFlight.values()];
    const allDone = Promise.all(executing.map(({ done }) => done));
    let timer: NodeJS.Timeout | undefined;
    const graceOver = graceMs === undefined ? undefined : new Promise<"grace over">((resolve) => (timer = setTimeout(resolve, graceMs, "grace over")));
    // The heartbeat keeps renewing leases while steps finish, so a long grace never lets one lapse.
    const outcome = await Promise.race(graceOver ? [allDone, graceOver] : [allDone]);
    clearTimeout(timer);
    let handedBack = 0;
    if (outcome === "grace over") {
      const stillRunning = [...this.inFlight.values()].filter(({ lease }) => !lease.lost);
      await Promise.all(stillRunning.map(({ lease }) => lease.release()));
      handedBack = stillRunning.length;
    }
    this.timers.clear();
    if (this.state === "stopping" && this.inFlight.size === 0) this.state = "stopped";
    return { handedBack };
  }

  /** Simulates a crash (for tests): stops at once and writes nothing more; leases simply run out. */
  kill(): void {
    this.state = "killed";
    this.clearTimers();
    for (const { lease } of this.inFlight.values()) lease.lost = true;
  }

  /** Events from `inngest.send`: cancels what they cancel, starts what they trigger. Returns event ids. */
  async send(payloads: unknown[]): Promise<string[]> {
    const events = normalizeEvents(payloads);
    // One event needs no transaction: each of its writes is idempotent (a resend
    // dispatches again), and on PGlite a transaction holds every other connection.
    if (events.length === 1) await dispatchEvents(this.options.db, this.registry, events);
    else await this.options.db.$transaction((tx) => dispatchEvents(tx, this.registry, events));
    void this.pump();
    return events.map((event) => event.id);
  }

  /** Resolves once no run of this engine's functions is unfinished (tests, scripts). */
  async waitForIdle({ timeoutMs = 30_000 }: { timeoutMs?: number } = {}): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    const ids = this.registry.all().map((entry) => entry.id);
    while (this.inFlight.size > 0 || (await countUnfinishedRuns(this.options.db, ids)) > 0) {
      if (Date.now() > deadline) throw new Error(`The embedded job engine was still busy after ${timeoutMs} ms.`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  private async createRunsAndPump(runs: Parameters<typeof createRuns>[1]): Promise<void> {
    await createRuns(this.options.db, runs);
    void this.pump();
  }

  /** Claims due runs while there is capacity. Re-entrant calls coalesce into one more pass. */
  private async pump(): Promise<void> {
    if (this.pumping) {
      this.pumpAgain = true;
      return;
    }
    this.pumping = true;
    try {
      do {
        this.pumpAgain = false;
        while (this.state === "running" && this.inFlight.size < (this.options.concurrency ?? 8)) {
          const functionIds = this.functionsWithCapacity();
          if (functionIds.length === 0) break;
          const claim = await claimNextRun(this.options.db, {
            functionIds,
            excludeIds: [...this.inFlight.keys()],
            leaseMs: this.leaseMs,
            fullKeys: this.keyLoad.full(),
            keyLoad: this.keyLoad.running(),
          });
          if (!claim) break;
          this.launch(claim.run, claim.claimedUntil);
        }
      } while (this.pumpAgain && this.state === "running");
    } catch (error) {
      this.deps.logger.error({ err: error }, "embedded job engine could not claim runs; retrying at the next poll");
    } finally {
      this.pumping = false;
    }
  }

  private functionsWithCapacity(): string[] {
    const running = new Map<string, number>();
    for (const { functionId } of this.inFlight.values()) running.set(functionId, (running.get(functionId) ?? 0) + 1);
    return this.registry
      .all()
      .filter((entry) => entry.concurrencyLimit === undefined || (running.get(entry.id) ?? 0) < entry.concurrencyLimit)
      .map((entry) => entry.id);
  }

  private launch(run: EngineRun, claimedUntil: Date): void {
    const entry = this.registry.get(run.functionId);
    if (!entry) return;
    const lease = new RunLease(run.id, claimedUntil, this.options.db, this.leaseMs);
    if (this.state === "killed") lease.lost = true;
    const keyLimits = limitsByKey(entry.id, entry.keyedLimits, run.event);
    this.keyLoad.add(keyLimits);
    const done = executeRun(this.deps, entry, run, lease).finally(() => {
      this.inFlight.delete(run.id);
      this.keyLoad.remove(keyLimits);
      void this.pump();
    });
    this.inFlight.set(run.id, { functionId: run.functionId, lease, done });
  }

  private wakeAt(at: Date): void {
    if (this.state === "running") this.timers.at(at, () => void this.pump());
  }

  private clearTimers(): void {
    this.cron.stop();
    this.timers.clear();
  }
}
