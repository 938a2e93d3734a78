import "server-only";
import { accountRouter } from "./routers/account";
import { systemRouter } from "./routers/system";
import { viewerRouter } from "./routers/viewer";
import { createCallerFactory, createTRPCRouter } from "./trpc";

export const appRouter = createTRPCRouter({
  account: accountRouter,
  system: systemRouter,
  viewer: viewerRouter,
});

export type AppRouter = typeof appRouter;

export const createCaller = createCallerFactory(appRouter);
