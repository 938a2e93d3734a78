import "server-only";
import { AppError, isAppError } from "@/server/errors";
import { logger } from "@/server/logger";

/** The one place route handlers turn errors into responses: `{ error: { code, message } }`. */
export function toErrorResponse(error: unknown, context: Record<string, unknown> = {}): Response {
  if (isAppError(error)) {
    const headers = error.retryAfterSeconds ? { "Retry-After": String(error.retryAfterSeconds) } : undefined;
    return Response.json({ error: { code: error.code, message: error.message } }, { status: error.httpStatus, headers });
  }
  logger.error({ err: error, ...context }, "request failed");
  const internal = new AppError("INTERNAL", "Something went wrong on our side. Try again.");
  return Response.json({ error: { code: internal.code, message: internal.message } }, { status: 500 });
}
