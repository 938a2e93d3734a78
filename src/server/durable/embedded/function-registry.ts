import "server-only";
import { durationToMs, internalEvents, type InngestFunction } from "inngest";
import type { Logger } from "@/server/logger";
import { DEFAULT_RETRIES } from "./backoff";
import { parseConcurrency, type KeyedLimit } from "./concurrency-limits";
import { compileCondition, matchToExpression, type Condition } from "./expression";
import { absoluteFunctionId, type HandlerKind } from "./sdk-internals";

export interface RegisteredFunction {
  /** EngineRun.functionId: the app-prefixed id an Inngest server would use. */
  id: string;
  fn: InngestFunction.Any;
  handlerKind: HandlerKind;
  maxAttempts: number;
  /** Runs of this function at a time in this engine; undefined = no own limit. */
  concurrencyLimit: number | undefined;
  /** Limits per value of a key (e.g. per owner), from `concurrency: { key }`. */
  keyedLimits: KeyedLimit[];
  events: { name: string; condition?: Condition }[];
  crons: string[];
  cancelOn: { event: string; condition: Condition; timeoutMs?: number }[];
  /** Id of the `${id}-failure` entry that runs onFailure. */
  failureId?: string;
}

// Options an Inngest server honours that this engine does not; a function
// that uses them still runs, and the start-up log says what is ignored.
const IGNORED_OPTIONS = ["batchEvents", "debounce", "throttle", "rateLimit", "idempotency", "singleton", "priority", "timeouts"];

const eventName = (event: string | { name: string }) => (typeof event === "string" ? event : event.name);

function concurrencyOf(option: InngestFunction.Any["opts"]["concurrency"]) {
  const { functionLimit, keyed } = parseConcurrency(option);
  return { concurrencyLimit: functionLimit, keyedLimits: keyed };
}

function register(fn: InngestFunction.Any, logger: Logger): RegisteredFunction[] {
  const id = absoluteFunctionId(fn);
  const opts = fn.opts;
  const triggers: InngestFunction.Trigger<string>[] = opts.triggers ?? [];
  const ignored = IGNORED_OPTIONS.filter((name) => name in opts && opts[name as keyof typeof opts] !== undefined);
  if (ignored.length) logger.warn({ functionId: id, ignored }, "embedded job engine ignores these function options");

  const main: RegisteredFunction = {
    id,
    fn,
    handlerKind: "main",
    maxAttempts: (opts.retries ?? DEFAULT_RETRIES) + 1,
    ...concurrencyOf(opts.concurrency),
    events: triggers.flatMap((trigger) =>
      trigger.event ? [{ name: eventName(trigger.event), condition: trigger.if ? compileCondition(trigger.if) : undefined }] : [],
    ),
    crons: triggers.flatMap((trigger) => (trigger.cron ? [trigger.cron] : [])),
    cancelOn: (opts.cancelOn ?? []).map((cancel) => ({
      event: eventName(cancel.event),
      condition: compileCondition(cancel.if ?? (cancel.match ? matchToExpression(cancel.match) : "true == true")),
      timeoutMs:
        typeof cancel.timeout === "string" || typeof cancel.timeout === "number" ? durationToMs(cancel.timeout) : undefined,
    })),
  };
  if (!opts.onFailure) return [main];
  // Inngest runs onFailure as a companion function triggered by
  // inngest/function.failed, with one retry; so does this engine.
  const failure: RegisteredFunction = {
    ...main,
    id: `${id}-failure`,
    handlerKind: "failure",
    maxAttempts: 2,
    // Its event is inngest/function.failed, which carries no key of its own.
    keyedLimits: [],
    events: [],
    crons: [],
    cancelOn: [],
  };
  return [{ ...main, failureId: failure.id }, failure];
}

export class FunctionRegistry {
  private readonly byId = new Map<string, RegisteredFunction>();

  constructor(functions: InngestFunction.Any[], logger: Logger) {
    for (const entry of functions.flatMap((fn) => register(fn, logger))) {
      if (this.byId.has(entry.id)) throw new Error(`Two Inngest functions share the id "${entry.id}".`);
      this.byId.set(entry.id, entry);
    }
  }

  get(id: string): RegisteredFunction | undefined {
    return this.byId.get(id);
  }

  all(): RegisteredFunction[] {
    return [...this.byId.values()];
  }

  /** Functions an event starts: exact name match, then the trigger's `if`. */
  triggeredBy(event: { name: string; data?: unknown }): RegisteredFunction[] {
    if (event.name === internalEvents.FunctionFailed) return [];
    return this.all().filter((entry) =>
      entry.events.some((trigger) => trigger.name === event.name && (trigger.condition?.({ event }) ?? true)),
    );
  }

  /** Every event name that starts or cancels a function here. */
  eventNames(): string[] {
    return [...new Set(this.all().flatMap((entry) => [...entry.events.map((e) => e.name), ...entry.cancelOn.map((c) => c.event)]))];
  }
}
