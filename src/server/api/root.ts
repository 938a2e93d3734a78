import "server-only";
import { accountRouter } from "./routers/account";
import { fileRouter } from "./routers/file";
import { jobRouter } from "./routers/job";
import { quotaRouter } from "./routers/quota";
import { systemRouter } from "./routers/system";
import { toolRouter } from "./routers/tool";
import { usageRouter } from "./routers/usage";
import { viewerRouter } from "./routers/viewer";
import { createCallerFactory, createTRPCRouter } from "./trpc";

export const appRouter = createTRPCRouter({
  account: accountRouter,
  file: fileRouter,
  job: jobRouter,
  quota: quotaRouter,
  system: systemRouter,
  tool: toolRouter,
  usage: usageRouter,
  viewer: viewerRouter,
});

export type AppRouter = typeof appRouter;

export const createCaller = createCallerFactory(appRouter);
