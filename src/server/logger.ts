import "server-only";
import pino from "pino";
import { env } from "@/env";

// Structured JSON logs. Request handlers take a child bound to request id,
// actor and route (see api/trpc.ts); background code binds its job or run id.
// Secrets are removed wherever a caller puts them, up to three levels deep
// (pino's redact matches fixed paths; `*` is one level).
const SECRET_KEYS = [
  "password", "newPassword", "currentPassword", "passwordHash", "secret", "token", "accessToken", "refreshToken",
  "apiKey", "authorization", "cookie", "set-cookie", "sealedOptions", "secretOptions",
];
const AI_REQUEST_KEYS = ["requestBodyValues", "responseBody"];
export const redactPaths = [...SECRET_KEYS, ...AI_REQUEST_KEYS].flatMap((key) => {
  const field = /^[A-Za-z_$][\w$]*$/.test(key) ? key : `["${key}"]`;
  const join = (prefix: string) => (field.startsWith("[") ? `${prefix}${field}` : `${prefix}.${field}`);
  return [field, join("*"), join("*.*"), join("*.*.*")];
});

export const loggerOptions: pino.LoggerOptions = {
  level: env.NODE_ENV === "test" ? "silent" : env.LOG_LEVEL,
  base: { app: "fileforge" },
  redact: { paths: redactPaths, remove: true },
};

export const logger = pino(loggerOptions);

export type Logger = typeof logger;
