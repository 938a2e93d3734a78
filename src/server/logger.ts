import "server-only";
import pino from "pino";
import { env } from "@/env";

// Structured JSON logs. Request handlers take a child bound to request id,
// actor and route (see api/trpc.ts); background code binds its job or run id.
export const logger = pino({
  level: env.NODE_ENV === "test" ? "silent" : env.LOG_LEVEL,
  base: { app: "fileforge" },
  redact: { paths: ["password", "*.password", "passwordHash", "*.passwordHash", "headers.cookie"], remove: true },
});

export type Logger = typeof logger;
