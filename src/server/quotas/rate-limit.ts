import "server-only";
import pg from "pg";
import { RateLimiterMemory, RateLimiterPostgres, RateLimiterRes, type RateLimiterAbstract } from "rate-limiter-flexible";
import { env } from "@/env";
import type { Actor } from "@/server/auth/actor";
import { databaseKind } from "@/server/db";
import { AppError } from "@/server/errors";

// Bursts a person never reaches by hand but a script does. Counted per actor
// and per IP, so neither a new guest cookie nor a new IP gets around them.
const RULES = {
  upload: { points: 60, duration: 60 },
  job: { points: 30, duration: 60 },
  chat: { points: 20, duration: 60 },
} as const;
export type RateLimitedAction = keyof typeof RULES;

const globalForLimits = globalThis as unknown as { fileforgeRateLimiters?: Map<string, Promise<RateLimiterAbstract>> };

function createLimiter(action: RateLimitedAction): Promise<RateLimiterAbstract> {
  const options = { ...RULES[action], keyPrefix: `ff_${action}` };
  // On PostgreSQL every app instance shares the counters; the embedded
  // single-process mode keeps them in memory.
  if (databaseKind !== "postgres" || !env.DATABASE_URL) return Promise.resolve(new RateLimiterMemory(options));
  const storeClient = new pg.Pool({ connectionString: env.DATABASE_URL, max: 2 });
  return new Promise((resolve, reject) => {
    // The limiter creates its table first; consuming before that fails.
    const limiter: RateLimiterAbstract = new RateLimiterPostgres(
      { ...options, storeClient, tableName: "rate_limits", clearExpiredByTimeout: true },
      (error?: Error) => (error ? reject(error) : resolve(limiter)),
    );
  });
}

function limiterFor(action: RateLimitedAction): Promise<RateLimiterAbstract> {
  globalForLimits.fileforgeRateLimiters ??= new Map();
  const limiters = globalForLimits.fileforgeRateLimiters;
  let limiter = limiters.get(action);
  if (!limiter) {
    limiter = createLimiter(action);
    limiters.set(action, limiter);
    // A failed start is retried by the next request rather than cached.
    limiter.catch(() => limiters.delete(action));
  }
  return limiter;
}

/** The client's IP as the closest trusted proxy reports it. */
export function clientIp(headers: Headers): string {
  return headers.get("x-forwarded-for")?.split(",")[0]?.trim() || headers.get("x-real-ip") || "local";
}

/** Consumes one point for the actor and one for the IP; refuses with a readable 429 past either. */
export async function enforceRateLimit(action: RateLimitedAction, actor: Actor, ip: string): Promise<void> {
  const limiter = await limiterFor(action);
  const actorKey = actor.kind === "user" ? `u:${actor.userId}` : `g:${actor.guestId}`;
  try {
    await Promise.all([limiter.consume(actorKey), limiter.consume(`ip:${ip}`)]);
  } catch (error) {
    if (!(error instanceof RateLimiterRes)) throw error;
    const seconds = Math.max(1, Math.ceil(error.msBeforeNext / 1000));
    throw new AppError("RATE_LIMITED", `Too many requests. Try again in ${seconds} s.`);
  }
}
