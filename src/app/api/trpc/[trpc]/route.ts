import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { appRouter } from "@/server/api/root";
import { createRequestContext } from "@/server/api/create-request-context";
import { MAX_BATCH_SIZE } from "@/server/api/max-batch-size";
import { logger } from "@/server/logger";

export const dynamic = "force-dynamic";

function handler(req: Request) {
  return fetchRequestHandler({
    endpoint: "/api/trpc",
    req,
    maxBatchSize: MAX_BATCH_SIZE,
    router: appRouter,
    createContext: ({ resHeaders }) => createRequestContext({ headers: req.headers, resHeaders }),
    onError({ error, path }) {
      // Expected failures (bad input, not found, quota) are the user's to see; log only the unexpected.
      if (error.code === "INTERNAL_SERVER_ERROR") logger.error({ err: error.cause ?? error, path }, "tRPC procedure failed");
    },
  });
}

export { handler as GET, handler as POST };
