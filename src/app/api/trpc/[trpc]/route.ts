import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { appRouter } from "@/server/api/root";
import { createRequestContext } from "@/server/api/create-request-context";
import { MAX_BATCH_SIZE } from "@/server/api/max-batch-size";
import { AppError } from "@/server/errors";
import { logger } from "@/server/logger";

export const dynamic = "force-dynamic";

function handler(req: Request) {
  return fetchRequestHandler({
    endpoint: "/api/trpc",
    req,
    maxBatchSize: MAX_BATCH_SIZE,
    router: appRouter,
    createContext: ({ resHeaders }) => createRequestContext({ headers: req.headers, resHeaders }),
    // A refused request says when to try again (rate limits), as REST routes do.
    responseMeta({ errors }) {
      const waits = errors.map((error) => (error.cause instanceof AppError ? error.cause.retryAfterSeconds : undefined)).filter((wait) => wait !== undefined);
      return waits.length > 0 ? { headers: new Headers({ "Retry-After": String(Math.max(...waits)) }) } : {};
    },
    onError({ error, path }) {
      // Expected failures (bad input, not found, quota) are the user's to see; log only the unexpected.
      if (error.code === "INTERNAL_SERVER_ERROR") logger.error({ err: error.cause ?? error, path }, "tRPC procedure failed");
    },
  });
}

export { handler as GET, handler as POST };
