import "server-only";
import { constants } from "node:os";
import { logger } from "@/server/logger";
import { shutDownApp } from "./shut-down-app";

// One signal often arrives more than once: a terminal, systemd or a container
// runtime signals the whole process group, and the parents (npm, tsx, the
// launcher) forward it too, milliseconds apart. Only a signal this long after
// the first counts as a second one.
const REPEAT_WINDOW_MS = 1_000;

const installed = globalThis as unknown as { fileforgeShutdownHandlers?: boolean };

/**
 * SIGTERM/SIGINT handling of the web process, installed when the launcher
 * sets NEXT_MANUAL_SIG_HANDLE (Next.js then leaves signals to the app; its own
 * handler waits for every open connection, an SSE stream included, and exits
 * 143). The first signal shuts down gracefully and exits 0; a second one
 * exits at once.
 */
export function installShutdownHandlers(): void {
  if (installed.fileforgeShutdownHandlers) return;
  installed.fileforgeShutdownHandlers = true;
  let firstAt: number | undefined;
  const onSignal = (signal: NodeJS.Signals) => {
    const now = Date.now();
    if (firstAt === undefined) {
      firstAt = now;
      shutDownApp(signal).then(
        (code) => process.exit(code),
        (error: unknown) => {
          logger.error({ err: error }, "shutdown failed");
          process.exit(1);
        },
      );
      return;
    }
    if (now - firstAt < REPEAT_WINDOW_MS) return;
    logger.warn({ signal }, "second signal: exiting now");
    process.exit(128 + (constants.signals[signal] ?? 0));
  };
  process.on("SIGTERM", onSignal);
  process.on("SIGINT", onSignal);
}
