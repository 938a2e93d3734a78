import "server-only";
import { Cron } from "croner";
import { internalEvents } from "inngest";
import type { Logger } from "@/server/logger";
import { runIdFor } from "./dispatch-events";
import type { RegisteredFunction } from "./function-registry";
import type { NewRun } from "./run-store";

/** Inngest's "TZ=Europe/Paris 0 9 * * *" form, or a bare 5- or 6-field pattern (seconds first). */
export function parseCron(expression: string): { pattern: string; timezone?: string } {
  const match = /^(?:(?:CRON_)?TZ=(\S+)\s+)?(.+)$/.exec(expression.trim());
  return { pattern: match?.[2] ?? expression, timezone: match?.[1] };
}

/**
 * The run a cron tick starts. Its id comes from the function and the tick's
 * second, so several processes firing the same tick create one run.
 */
export function cronRun(entry: RegisteredFunction, expression: string, firedAt: Date): NewRun {
  const tick = new Date(Math.floor(firedAt.getTime() / 1000) * 1000).toISOString();
  const eventId = `cron:${expression}:${tick}`;
  return {
    id: runIdFor(entry.id, eventId),
    functionId: entry.id,
    event: { id: eventId, name: internalEvents.ScheduledTimer, data: { cron: expression }, ts: Date.parse(tick) },
  };
}

/** Fires cron triggers while the engine runs. Ticks missed while it was down are not replayed (nor are they by Inngest). */
export class CronScheduler {
  private readonly jobs: Cron[] = [];

  constructor(
    private readonly onTick: (run: NewRun) => Promise<void>,
    private readonly logger: Logger,
  ) {}

  start(entries: RegisteredFunction[]): void {
    for (const entry of entries) {
      for (const expression of entry.crons) {
        const { pattern, timezone } = parseCron(expression);
        const job = new Cron(pattern, { timezone, unref: true }, async () => {
          try {
            await this.onTick(cronRun(entry, expression, new Date()));
          } catch (error) {
            this.logger.error({ err: error, functionId: entry.id, cron: expression }, "embedded job engine could not start a cron run");
          }
        });
        this.jobs.push(job);
      }
    }
  }

  stop(): void {
    for (const job of this.jobs.splice(0)) job.stop();
  }
}
