import "server-only";
import type { Db } from "@/server/db";
import { releaseRun } from "./run-results";
import { type Fence, LeaseLostError } from "./run-fence";
import { RunStatus } from "./run-status";

/**
 * This engine's claim on one run. `claimedUntil` doubles as the fencing token:
 * every write matches it exactly, so once the lease has expired and another
 * engine has claimed the run, a late write from this one changes nothing.
 * Renewals change the token, so writes and renewals take turns (a promise
 * chain) and never race.
 */
export class RunLease {
  private token: Date;
  private chain: Promise<unknown> = Promise.resolve();
  lost = false;

  constructor(
    readonly runId: string,
    claimedUntil: Date,
    private readonly db: Db,
    private readonly leaseMs: number,
  ) {
    this.token = claimedUntil;
  }

  /** Runs `write` with the fence, after any pending renewal; marks the lease lost if it throws LeaseLostError. */
  guard<T>(write: (fence: Fence) => Promise<T>): Promise<T> {
    const next = this.chain.then(async () => {
      if (this.lost) throw new LeaseLostError(this.runId);
      try {
        return await write({ id: this.runId, status: RunStatus.running, claimedUntil: this.token });
      } catch (error) {
        if (error instanceof LeaseLostError) this.lost = true;
        throw error;
      }
    });
    this.chain = next.catch(() => undefined);
    return next;
  }

  /** Extends the lease; called by the engine's heartbeat. */
  renew(): Promise<void> {
    return this.guard(async (fence) => {
      const claimedUntil = new Date(Date.now() + this.leaseMs);
      const { count } = await this.db.engineRun.updateMany({ where: fence, data: { claimedUntil } });
      if (count === 0) throw new LeaseLostError(this.runId);
      this.token = claimedUntil;
    }).catch(() => undefined);
  }

  /**
   * Hands the run back at once (queued, due now) and stops every later write
   * of this engine to it: the next start claims it without waiting for the
   * lease to run out. Used when a step outlives the shutdown grace period;
   * the step's late result is then fenced out and the step re-runs there.
   */
  async release(): Promise<void> {
    await this.guard((fence) => releaseRun(this.db, fence)).catch(() => undefined);
    this.lost = true;
  }
}
