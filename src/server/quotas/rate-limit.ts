import "server-only";
import pg from "pg";
import { RateLimiterMemory, RateLimiterPostgres, RateLimiterRes, type RateLimiterAbstract } from "rate-limiter-flexible";
import { env } from "@/env";
import type { Actor } from "@/server/auth/actor";
import { databaseKind } from "@/server/db";
import { logger } from "@/server/logger";
import { AppError } from "@/server/errors";

// Bursts a person never reaches by hand but a script does. Counted per actor
// and per IP, so neither a new guest cookie nor a new IP gets around them.
const RULES = {
  upload: { points: 60, duration: 60 },
  job: { points: 30, duration: 60 },
  chat: { points: 20, duration: 60 },
  // Streamed summaries and key points: each request sends a whole document (a
  // chat question sends eight passages), and a person regenerates a few times
  // a minute at most. Its own bucket, so summarizing does not eat the chat's.
  ai: { points: 10, duration: 60 },
  // Account creation, per IP only (the visitor has no account yet). Sign-up
  // tells whether an email is taken, so this also bounds probing for accounts.
  signUp: { points: 10, duration: 60 * 60 },
} as const;
export type RateLimitedAction = keyof typeof RULES;

const globalForLimits = globalThis as unknown as { fileforgeRateLimiters?: Map<string, Promise<RateLimiterAbstract>> };

function createLimiter(keyPrefix: string, rule: { points: number; duration: number }): Promise<RateLimiterAbstract> {
  const options = { ...rule, keyPrefix };
  // On PostgreSQL every app instance shares the counters; the embedded
  // single-process mode keeps them in memory.
  if (databaseKind !== "postgres" || !env.DATABASE_URL) return Promise.resolve(new RateLimiterMemory(options));
  const storeClient = new pg.Pool({ connectionString: env.DATABASE_URL, max: 2 });
  // An idle connection the server drops (a restart, a failover) is an 'error'
  // on the pool; without a listener it would be an uncaught exception.
  storeClient.on("error", (error) => logger.warn({ err: error }, "rate limit database connection lost; the next request reconnects"));
  return new Promise((resolve, reject) => {
    // The limiter creates its table first; consuming before that fails.
    const limiter: RateLimiterAbstract = new RateLimiterPostgres(
      { ...options, storeClient, tableName: "rate_limits", clearExpiredByTimeout: true },
      (error?: Error) => (error ? reject(error) : resolve(limiter)),
    );
  });
}

/**
 * One limiter per name for the process, in memory or shared through
 * PostgreSQL like the action limits. Names become key prefixes: keep them unique.
 */
export function namedLimiter(name: string, rule: { points: number; duration: number }): Promise<RateLimiterAbstract> {
  globalForLimits.fileforgeRateLimiters ??= new Map();
  const limiters = globalForLimits.fileforgeRateLimiters;
  let limiter = limiters.get(name);
  if (!limiter) {
    limiter = createLimiter(`ff_${name}`, rule);
    limiters.set(name, limiter);
    // A failed start is retried by the next request rather than cached.
    limiter.catch(() => limiters.delete(name));
  }
  return limiter;
}

function limiterFor(action: RateLimitedAction): Promise<RateLimiterAbstract> {
  return namedLimiter(action, RULES[action]);
}

export const LOCAL = "local";
// Stamped by `npm start`'s server (scripts/client-ip-header.mjs) from the socket.
const SOCKET_IP_HEADER = "x-fileforge-client-ip";

/**
 * The client's IP. Behind proxies (TRUSTED_PROXY_HOPS=N), as the outermost
 * trusted proxy saw it: proxies append to X-Forwarded-For, so anything left
 * of the entries they added is the client's own claim, and taking the first
 * entry would let a script pick a new IP for every request. With no proxy
 * (0), the connection's address, which only `npm start`'s server can supply:
 * the header it stamps is believed only when it says it runs
 * (FILEFORGE_CLIENT_IP_HEADER), never from a plain `next start`, where a
 * client could send it. "local" when no address is known.
 */
export function clientIp(
  headers: Headers,
  hops = env.TRUSTED_PROXY_HOPS,
  socketHeaderTrusted = env.FILEFORGE_CLIENT_IP_HEADER,
): string {
  if (hops === 0) return (socketHeaderTrusted ? headers.get(SOCKET_IP_HEADER)?.trim() : null) || LOCAL;
  const forwarded = (headers.get("x-forwarded-for") ?? "").split(",").map((entry) => entry.trim()).filter(Boolean);
  return forwarded.at(-Math.min(hops, forwarded.length)) || headers.get("x-real-ip") || LOCAL;
}

/** Consumes one point for the actor and one for the IP; refuses with a readable 429 past either. */
export async function enforceRateLimit(action: RateLimitedAction, actor: Actor, ip: string): Promise<void> {
  const limiter = await limiterFor(action);
  const actorKey = actor.kind === "user" ? `u:${actor.userId}` : `g:${actor.guestId}`;
  try {
    // "local": no address known (`next dev`, a plain `next start`, or a call
    // from inside the app); one shared bucket would let one visitor lock out everyone.
    await Promise.all([limiter.consume(actorKey), ip === LOCAL ? null : limiter.consume(`ip:${ip}`)]);
  } catch (error) {
    if (!(error instanceof RateLimiterRes)) throw error;
    const seconds = Math.max(1, Math.ceil(error.msBeforeNext / 1000));
    throw new AppError("RATE_LIMITED", `Too many requests. Try again in ${seconds} s.`, { retryAfterSeconds: seconds });
  }
}

/** Consumes one point for the IP alone, for actions taken before there is an actor (sign-up). */
export async function enforceIpRateLimit(action: RateLimitedAction, ip: string): Promise<void> {
  if (ip === LOCAL) return;
  const limiter = await limiterFor(action);
  try {
    await limiter.consume(`ip:${ip}`);
  } catch (error) {
    if (!(error instanceof RateLimiterRes)) throw error;
    const minutes = Math.max(1, Math.ceil(error.msBeforeNext / 60_000));
    throw new AppError("RATE_LIMITED", `Too many attempts. Try again in ${minutes} min.`, { retryAfterSeconds: error.msBeforeNext / 1000 });
  }
}
