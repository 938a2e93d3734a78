// The only reader of process.env in the app. Every variable is optional: with
// none set, FileForge runs on its embedded defaults (PGlite, local disk, the
// in-process job engine, the offline AI provider). Each variable switches one
// part to its production counterpart; see .env.example.
import { createEnv } from "@t3-oss/env-nextjs";
import { z } from "zod";

const flag = z
  .enum(["0", "1", "true", "false"])
  .optional()
  .transform((value) => value === "1" || value === "true");

export const serverSchema = {
  NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  // Where embedded parts keep their state (PGlite data, local files, secrets).
  DATA_DIR: z.string().default(".data"),

  // Database: PostgreSQL URL. Unset → the embedded PGlite that `npm run dev`
  // starts; the launcher then sets DATABASE_URL itself and marks it embedded.
  DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/ }).optional(),
  FILEFORGE_EMBEDDED_DB: flag,

  // Shutdown. On SIGTERM/SIGINT, running tool steps get this long to finish;
  // a step still running after it is handed back to the next start.
  SHUTDOWN_GRACE_SECONDS: z.coerce.number().min(0).max(3600).default(10),
  // Next.js's own switch: set by the launcher (`npm start`) so the app, not
  // Next, handles SIGTERM/SIGINT (see src/server/lifecycle/).
  NEXT_MANUAL_SIG_HANDLE: flag,

  // Sign-in. AUTH_SECRET signs sessions and the guest cookie; the launcher
  // generates one into DATA_DIR when it is unset.
  AUTH_SECRET: z.string().min(32, "must be at least 32 characters").optional(),
  AUTH_GITHUB_ID: z.string().optional(),
  AUTH_GITHUB_SECRET: z.string().optional(),
  AUTH_GOOGLE_ID: z.string().optional(),
  AUTH_GOOGLE_SECRET: z.string().optional(),
  // Comma-separated emails that become ADMIN at sign-in once the address is
  // proven: verified through SMTP_URL, or the account was created by
  // `npm run admin -- create`. Never re-promotes an admin another admin demoted.
  ADMIN_EMAILS: z
    .string()
    .optional()
    .transform((value) =>
      (value ?? "")
        .split(",")
        .map((email) => email.trim().toLowerCase())
        .filter(Boolean),
    ),

  // The site's public origin (https://files.example.com), for links sent by
  // email and printed by `npm run admin`; never taken from a request's Host.
  AUTH_URL: z.url().optional(),
  // Outgoing mail for email-verification links: smtp://user:pass@host:587 or
  // smtps://…:465. Unset: no mail is sent and addresses stay unverified.
  SMTP_URL: z.url({ protocol: /^smtps?$/ }).optional(),
  SMTP_FROM: z.string().default("FileForge <no-reply@localhost>"),

  // How many proxies in front of the app append to X-Forwarded-For (Vercel,
  // nginx, a load balancer: 1 each). The client IP for rate limits is the
  // entry that many places from the right; entries further left are whatever
  // the client sent. 0 (no proxy): X-Forwarded-For is ignored and the IP is
  // the connection's own address, which `npm start` stamps on each request.
  TRUSTED_PROXY_HOPS: z.coerce.number().int().min(0).max(10).default(0),
  // Set by `npm start`'s server (scripts/next-with-client-ip.mjs) only: it
  // overwrites x-fileforge-client-ip with the socket's address on every
  // request, so the app may believe that header. Never set it yourself.
  FILEFORGE_CLIENT_IP_HEADER: flag,
  // How long the audit log (sign-ins, account and admin changes) keeps an
  // event; the hourly sweep deletes older ones.
  AUDIT_RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(90),
  // New guests (visitors without a cookie) one IP may create per 10 minutes.
  NEW_GUESTS_PER_IP: z.coerce.number().int().min(1).max(100000).default(30),

  // Malware scanning: a clamd TCP address (tcp://127.0.0.1:3310). Set, every
  // upload is streamed to clamd's INSTREAM before it is kept; infected files
  // are refused (422). A scanner that cannot answer within CLAMAV_TIMEOUT_MS
  // refuses uploads (503), or lets them through with CLAMAV_FAIL_OPEN=1.
  CLAMAV_URL: z.url({ protocol: /^tcp$/ }).optional(),
  CLAMAV_FAIL_OPEN: flag,
  CLAMAV_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(30_000),

  // Durable functions: Inngest Cloud / self-hosted server, or the dev server.
  INNGEST_EVENT_KEY: z.string().optional(),
  INNGEST_SIGNING_KEY: z.string().optional(),
  INNGEST_BASE_URL: z.url().optional(),
  // The public origin Inngest should call back (https://files.example.com),
  // when the app cannot tell it from the request (behind a proxy that
  // rewrites Host). The path is always /api/inngest.
  INNGEST_SERVE_ORIGIN: z.url().optional(),
  // Fair shares: how many of one owner's (user's or guest's) jobs and
  // document preparations run at once, and how many documents one owner may
  // have waiting. Applied by the embedded engine and by Inngest alike.
  JOB_CONCURRENCY_PER_OWNER: z.coerce.number().int().min(1).max(100).default(2),
  INGEST_CONCURRENCY_PER_OWNER: z.coerce.number().int().min(1).max(100).default(1),
  MAX_PENDING_INGESTIONS_PER_OWNER: z.coerce.number().int().min(1).max(10000).default(10),
  // Live progress streams (SSE) one owner may hold open at once, per app
  // instance: each is a connection and a database watcher.
  MAX_STREAMS_PER_OWNER: z.coerce.number().int().min(1).max(1000).default(8),
  INNGEST_DEV: flag,

  // Tools run in worker processes, so a heavy job never blocks requests.
  // "in-process" runs them in the web process, for hosts where workers cannot
  // start (serverless functions); the app also falls back to it, with an
  // error in the log, when a worker fails to start.
  TOOL_RUNNER: z.enum(["workers", "in-process"]).default("workers"),
  // How many worker processes; unset: one fewer than the CPUs, 1 to 4.
  TOOL_WORKERS: z.coerce.number().int().min(1).max(32).optional(),
  // A job's worker is killed past this resident memory, in MB (WASM included).
  TOOL_WORKER_MAX_RSS_MB: z.coerce.number().int().min(256).default(2048),
  // Workers start with the first job that needs one; one idle this many seconds exits.
  TOOL_WORKER_IDLE_SECONDS: z.coerce.number().int().min(1).default(300),

  // File storage: UploadThing instead of local disk.
  UPLOADTHING_TOKEN: z.string().optional(),
  // Uploads and new jobs are refused (507) while the volume holding DATA_DIR
  // has less free space than this, in MB; 0 turns the check off.
  MIN_FREE_DISK_MB: z.coerce.number().int().min(0).default(1024),

  // AI: OpenAI, or any OpenAI-compatible server (Ollama, vLLM, llama.cpp).
  OPENAI_API_KEY: z.string().optional(),
  OPENAI_BASE_URL: z.url().optional(),
  OPENAI_MODEL: z.string().default("gpt-4.1-mini"),
  OPENAI_EMBEDDING_MODEL: z.string().optional(),
};

/**
 * Validates a runtime environment. Exported so tests can prove that a
 * malformed value stops start-up with a message naming the variable.
 * @param {Record<string, string | undefined>} runtimeEnv
 */
export function createAppEnv(runtimeEnv) {
  /** @type {{ [K in keyof typeof serverSchema]: string | undefined }} */
  const picked = /** @type {any} */ (
    Object.fromEntries(Object.keys(serverSchema).map((name) => [name, runtimeEnv[name]]))
  );
  return createEnv({
    server: serverSchema,
    client: {},
    runtimeEnv: picked,
    emptyStringAsUndefined: true,
    skipValidation: runtimeEnv.SKIP_ENV_VALIDATION === "1",
    onValidationError: (issues) => {
      const lines = issues.map((issue) => {
        const name = issue.path?.map((part) => (typeof part === "object" ? part.key : part)).join(".") ?? "?";
        return `  ${name}: ${issue.message}`;
      });
      throw new Error(`Invalid environment variables:\n${lines.join("\n")}\nFix them in your environment or .env file (see .env.example).`);
    },
  });
}

export const env = createAppEnv(process.env);
