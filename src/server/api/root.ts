import "server-only";
import { accountRouter } from "./routers/account";
import { fileRouter } from "./routers/file";
import { jobRouter } from "./routers/job";
import { systemRouter } from "./routers/system";
import { toolRouter } from "./routers/tool";
import { viewerRouter } from "./routers/viewer";
import { createCallerFactory, createTRPCRouter } from "./trpc";

export const appRouter = createTRPCRouter({
  account: accountRouter,
  file: fileRouter,
  job: jobRouter,
  system: systemRouter,
  tool: toolRouter,
  viewer: viewerRouter,
});

export type AppRouter = typeof appRouter;

export const createCaller = createCallerFactory(appRouter);
