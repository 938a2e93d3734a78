import "server-only";
import type { InngestFunction } from "inngest";
import { compileValue } from "./expression";

// A function's `concurrency` option, as this engine applies it. Limits without
// a key bound the whole function; a keyed limit (`key: "event.data.ownerKey"`)
// bounds each value of the key separately, as on Inngest: one owner's runs
// cannot take every slot.

export interface KeyedLimit {
  limit: number;
  /** The key's value for a run's event, or undefined when the event has none (the limit then does not apply). */
  valueOf: (event: unknown) => string | undefined;
  /** "fn" (default): per function; "env" / "account": shared by every function using the same key value. */
  scope: "fn" | "env" | "account";
}

export interface ConcurrencyLimits {
  /** Runs of the function at a time in this engine; undefined = no own limit. */
  functionLimit: number | undefined;
  keyed: KeyedLimit[];
}

type ConcurrencyOption = InngestFunction.Any["opts"]["concurrency"];

export function parseConcurrency(option: ConcurrencyOption): ConcurrencyLimits {
  const entries = option === undefined ? [] : Array.isArray(option) ? option : [option];
  const objects = entries.map((entry) => (typeof entry === "number" ? { limit: entry } : entry)).filter((entry) => entry.limit > 0);
  // Unkeyed env/account-scoped limits are applied to the function alone: stricter than Inngest, never looser.
  const unkeyed = objects.filter((entry) => !entry.key).map((entry) => entry.limit);
  const keyed = objects.flatMap((entry): KeyedLimit[] => {
    if (!entry.key) return [];
    const read = compileValue(entry.key);
    return [
      {
        limit: entry.limit,
        scope: entry.scope ?? "fn",
        valueOf: (event) => {
          const value = read({ event });
          return typeof value === "string" || typeof value === "number" || typeof value === "boolean" ? String(value) : undefined;
        },
      },
    ];
  });
  return { functionLimit: unkeyed.length ? Math.min(...unkeyed) : undefined, keyed };
}

/**
 * The concurrency groups a run counts in, one per keyed limit that applies
 * (in the option's order; the first also orders claims fairly). Stored on the
 * run so a claim can skip full groups in SQL.
 */
export function concurrencyKeysFor(functionId: string, keyed: KeyedLimit[], event: unknown): string[] {
  return keyed.flatMap((limit) => {
    const value = limit.valueOf(event);
    if (value === undefined) return [];
    return [limit.scope === "fn" ? `${functionId}:${value}` : `${limit.scope}:${value}`];
  });
}

/** Limits per group of a run's keys, for the engine's load count (same order as concurrencyKeysFor). */
export function limitsByKey(functionId: string, keyed: KeyedLimit[], event: unknown): Map<string, number> {
  const limits = new Map<string, number>();
  for (const limit of keyed) {
    const [key] = concurrencyKeysFor(functionId, [limit], event);
    if (key !== undefined) limits.set(key, Math.min(limits.get(key) ?? Number.POSITIVE_INFINITY, limit.limit));
  }
  return limits;
}
