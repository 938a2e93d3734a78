import { Writable } from "node:stream";
import pino from "pino";
import { vi } from "vitest";
import { logger, loggerOptions } from "@/server/logger";

/**
 * Everything the app's logger writes, with the app's own options (redaction
 * included) at the most verbose level: the singleton's calls are forwarded
 * to a logger that writes here. Restore with vi.restoreAllMocks().
 */
export function captureLogs(): () => string {
  let written = "";
  const sink = new Writable({ write: (chunk: Buffer, _encoding, done) => ((written += chunk.toString()), done()) });
  const capture = pino({ ...loggerOptions, level: "trace" }, sink);
  for (const level of ["trace", "debug", "info", "warn", "error", "fatal"] as const) {
    vi.spyOn(logger, level).mockImplementation(((...args: Parameters<typeof capture.info>) => capture[level](...args)) as never);
  }
  return () => written;
}
