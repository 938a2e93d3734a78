// Next.js calls register() once per server process before serving requests
// (never during `next build`). It starts the embedded job engine when no
// Inngest server is configured. Imports are dynamic so the edge bundle of this
// file stays free of Node-only code.
export async function register(): Promise<void> {
  // The one env read outside src/env.js: Next.js inlines NEXT_RUNTIME per
  // bundle, which is what keeps the Node-only import out of the edge bundle.
  // eslint-disable-next-line no-restricted-properties
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { env } = await import("@/env");
  // Before anything starts, so a signal during start-up is handled too.
  if (env.NEXT_MANUAL_SIG_HANDLE) {
    const { installShutdownHandlers } = await import("@/server/lifecycle/install-shutdown-handlers");
    installShutdownHandlers();
  }
  const { startEmbeddedEngineForApp } = await import("@/server/durable/embedded/start-for-app");
  await startEmbeddedEngineForApp();
}
