import "server-only";
import { initTRPC, TRPCError } from "@trpc/server";
import superjson from "superjson";
import { z, ZodError } from "zod";
import { type Actor, loadUserActor, type UserActor } from "@/server/auth/actor";
import { createGuestId } from "@/server/auth/guest-cookie";
import { db as defaultDb, type Db } from "@/server/db";
import { AppError } from "@/server/errors";
import { logger, type Logger } from "@/server/logger";
import { admitNewGuest } from "@/server/quotas/admit-new-guest";
import { clientIp } from "@/server/quotas/rate-limit";

/**
 * What every procedure may use. Transport-specific parts (reading the session
 * and cookies, writing Set-Cookie) are resolved by the caller — the fetch
 * route, the RSC proxy or a test — so procedures are the same everywhere.
 */
export type TRPCContext = {
  db: Db;
  log: Logger;
  headers: Headers;
  /** The signed-in user's id from the session, unverified against the DB yet. */
  sessionUserId: string | null;
  /** The guest id from a valid guest cookie. */
  guestId: string | null;
  /** Why a cookieless visitor was not made a guest (too many new guests from its IP); thrown by guest procedures. */
  guestRefusal: AppError | null;
  /**
   * Issues the guest cookie for a guest made inside a procedure (test
   * callers); null where none is made there: HTTP requests get theirs in
   * createRequestContext, and server components cannot set cookies.
   */
  setGuestCookie: ((guestId: string) => void) | null;
  /**
   * After a change that ended every session of the user (email or password),
   * gives this browser a fresh session cookie so it stays signed in; a no-op
   * where no response can carry it.
   */
  reissueSession: (userId: string) => Promise<void>;
};

export function createInnerTRPCContext(input: Partial<TRPCContext> & { headers?: Headers }): TRPCContext {
  return {
    db: input.db ?? defaultDb,
    log: input.log ?? logger,
    headers: input.headers ?? new Headers(),
    sessionUserId: input.sessionUserId ?? null,
    guestId: input.guestId ?? null,
    guestRefusal: input.guestRefusal ?? null,
    setGuestCookie: input.setGuestCookie ?? null,
    reissueSession: input.reissueSession ?? (async () => {}),
  };
}

const t = initTRPC.context<TRPCContext>().create({
  transformer: superjson,
  errorFormatter({ shape, error }) {
    const cause = error.cause;
    return {
      ...shape,
      data: {
        ...shape.data,
        appCode: cause instanceof AppError ? cause.code : null,
        // tRPC answers over HTTP with this status: an AppError's own (507 has no tRPC code).
        httpStatus: cause instanceof AppError ? cause.httpStatus : shape.data.httpStatus,
        zodError: cause instanceof ZodError ? z.flattenError(cause) : null,
        // Never leak stack traces to clients.
        stack: undefined,
      },
    };
  },
});

export const createCallerFactory = t.createCallerFactory;
export const createTRPCRouter = t.router;

/** Turns an AppError thrown by a service into the matching tRPC error. */
const mapAppErrors = t.middleware(async ({ next }) => {
  const result = await next();
  if (!result.ok && result.error.cause instanceof AppError) {
    const cause = result.error.cause;
    throw new TRPCError({ code: cause.trpcCode, message: cause.message, cause });
  }
  return result;
});

export const publicProcedure = t.procedure.use(mapAppErrors);

/** A signed-in user or a guest, never null: guests get an id (and cookie) on first use. */
export const actorProcedure = publicProcedure.use(async ({ ctx, next }) => {
  let actor: Actor | null = ctx.sessionUserId ? await loadUserActor(ctx.db, ctx.sessionUserId) : null;
  if (!actor) {
    let guestId = ctx.guestId;
    if (!guestId) {
      if (ctx.guestRefusal) throw ctx.guestRefusal;
      guestId = createGuestId();
      // Only a guest whose cookie reaches the browser counts as a new guest.
      // A server component cannot set cookies: its visitor gets a passing
      // guest that owns nothing, and one page render must not use up the
      // IP's allowance (it prefetches several procedures at once).
      if (ctx.setGuestCookie) {
        await admitNewGuest(ctx.db, guestId, clientIp(ctx.headers));
        ctx.setGuestCookie(guestId);
      }
    }
    actor = { kind: "guest", guestId, role: "GUEST" };
  }
  const log = ctx.log.child(actor.kind === "user" ? { userId: actor.userId } : { guestId: actor.guestId });
  return next({ ctx: { ...ctx, actor, log } });
});

/** A signed-in user: `ctx.user` is non-null. */
export const protectedProcedure = publicProcedure.use(async ({ ctx, next }) => {
  const user: UserActor | null = ctx.sessionUserId ? await loadUserActor(ctx.db, ctx.sessionUserId) : null;
  if (!user) throw new TRPCError({ code: "UNAUTHORIZED", message: "Sign in to continue." });
  return next({ ctx: { ...ctx, actor: user as Actor, user, log: ctx.log.child({ userId: user.userId }) } });
});

/** An administrator. */
export const adminProcedure = protectedProcedure.use(({ ctx, next }) => {
  if (ctx.user.role !== "ADMIN") throw new TRPCError({ code: "FORBIDDEN", message: "Administrators only." });
  return next({ ctx });
});
