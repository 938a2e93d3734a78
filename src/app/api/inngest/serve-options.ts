import "server-only";
import { env } from "@/env";

/**
 * Where Inngest reaches this app's functions. The SDK otherwise guesses the
 * URL from the request that registered it, which behind a proxy can be an
 * internal host; with INNGEST_SERVE_ORIGIN the registered URL is exact.
 */
export function inngestServeOptions(origin = env.INNGEST_SERVE_ORIGIN) {
  return { servePath: "/api/inngest", ...(origin ? { serveOrigin: new URL(origin).origin } : {}) };
}
