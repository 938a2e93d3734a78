import "server-only";
import { accountRouter } from "./routers/account";
import { adminRouter } from "./routers/admin";
import { aiRouter } from "./routers/ai";
import { chatRouter } from "./routers/chat";
import { documentRouter } from "./routers/document";
import { fileRouter } from "./routers/file";
import { jobRouter } from "./routers/job";
import { quotaRouter } from "./routers/quota";
import { settingsRouter } from "./routers/settings";
import { systemRouter } from "./routers/system";
import { toolRouter } from "./routers/tool";
import { usageRouter } from "./routers/usage";
import { viewerRouter } from "./routers/viewer";
import { createCallerFactory, createTRPCRouter } from "./trpc";

export const appRouter = createTRPCRouter({
  account: accountRouter,
  admin: adminRouter,
  ai: aiRouter,
  chat: chatRouter,
  document: documentRouter,
  file: fileRouter,
  job: jobRouter,
  quota: quotaRouter,
  settings: settingsRouter,
  system: systemRouter,
  tool: toolRouter,
  usage: usageRouter,
  viewer: viewerRouter,
});

export type AppRouter = typeof appRouter;

export const createCaller = createCallerFactory(appRouter);
