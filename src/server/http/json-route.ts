import "server-only";
import type { z } from "zod";
import type { Actor } from "@/server/auth/actor";
import { AppError } from "@/server/errors";
import { type Logger, logger } from "@/server/logger";
import { clientIp, enforceRateLimit, type RateLimitedAction } from "@/server/quotas/rate-limit";
import { resolveFileOwner, resolveRequestActor } from "./resolve-request-actor";
import { toErrorResponse } from "./to-error-response";

export type JsonRouteSpec<TSchema extends z.ZodType> = {
  /** "POST /api/chat": names the route in logs and error reports. */
  route: string;
  /** The colocated schema of the JSON body; the first issue becomes a 400's message. */
  body: TSchema;
  /**
   * "visitor": anyone may call, a new visitor becomes a guest (chat).
   * "file-owner": the call is about a file, which a visitor without a cookie cannot own (404, no guest made).
   */
  caller: "visitor" | "file-owner";
  rateLimit: RateLimitedAction;
};

/** What a JSON route's handler gets once the prologue passed. */
export type JsonRequest<TBody> = { request: Request; body: TBody; actor: Actor; log: Logger };

/**
 * The prologue every JSON route runs, in this order: parse the body → resolve
 * the actor → rate limit → a request logger bound to the actor. Throws
 * AppErrors, which `jsonRoute` turns into responses.
 */
export async function openJsonRequest<TSchema extends z.ZodType>(request: Request, spec: JsonRouteSpec<TSchema>): Promise<JsonRequest<z.output<TSchema>>> {
  const parsed = spec.body.safeParse(await request.json().catch(() => null));
  if (!parsed.success) throw new AppError("BAD_REQUEST", parsed.error.issues[0]?.message ?? "Invalid request.");
  const actor = spec.caller === "visitor" ? await resolveRequestActor(request, { createGuest: true }) : await resolveFileOwner(request);
  await enforceRateLimit(spec.rateLimit, actor, clientIp(request.headers));
  const who = actor.kind === "user" ? { userId: actor.userId } : { guestId: actor.guestId };
  const log = logger.child({ route: spec.route, requestId: crypto.randomUUID(), ...who });
  return { request, body: parsed.data, actor, log };
}

/**
 * A JSON route handler: the prologue, then `handle`. Errors before or while
 * handling (before a stream starts) become `{ error }` responses in one place.
 */
export function jsonRoute<TSchema extends z.ZodType>(
  spec: JsonRouteSpec<TSchema>,
  handle: (json: JsonRequest<z.output<TSchema>>) => Promise<Response>,
): (request: Request) => Promise<Response> {
  return async (request) => {
    try {
      return await handle(await openJsonRequest(request, spec));
    } catch (error) {
      return toErrorResponse(error, { route: spec.route });
    }
  };
}
