import "server-only";
import { Readable } from "node:stream";
import { AppError } from "@/server/errors";

export type UploadTimeouts = {
  /** The client sent nothing for this long while the server waited for bytes: 408. */
  clientIdleMs: number;
  /**
   * The server went this long without asking the client for more: a sniffing,
   * parsing or storing step stalled, or the work after the last byte ran over: 503.
   */
  stallMs: number;
};

export const UPLOAD_TIMEOUTS: UploadTimeouts = { clientIdleMs: 30_000, stallMs: 10_000 };

export type UploadDeadline = ReturnType<typeof createUploadDeadline>;

/**
 * Bounds one upload request. Exactly one timer runs at a time: the client's
 * idle timer while a read of the body is pending, the server's stall timer
 * otherwise (reset by every read). So a slow but steady client is never cut
 * off, and the answer comes at most `stallMs` after the last byte. When a
 * bound passes, `signal` aborts with the AppError to answer and the body is
 * destroyed.
 */
export function createUploadDeadline(timeouts: UploadTimeouts) {
  const controller = new AbortController();
  const { signal } = controller;
  let timer: NodeJS.Timeout | undefined;

  function arm(ms: number, reason: () => AppError) {
    clearTimeout(timer);
    if (!signal.aborted) timer = setTimeout(() => controller.abort(reason()), ms);
  }
  const waitForClient = () =>
    arm(timeouts.clientIdleMs, () => new AppError("REQUEST_TIMEOUT", "The upload stopped arriving, so it was cancelled and nothing was kept. Try again."));
  const work = () =>
    arm(timeouts.stallMs, () => new AppError("UNAVAILABLE", "The server took too long to store the upload, so it was stopped and nothing was kept. Try again in a moment."));

  work();
  const expired = new Promise<never>((_, reject) => {
    signal.addEventListener("abort", () => reject(signal.reason as Error), { once: true });
  });
  // Awaited only when racing the work; a bound passing later is not an unhandled rejection.
  expired.catch(() => undefined);

  /** The request body, read under the timers; destroyed when a bound passes. */
  function watch(body: Readable): Readable {
    const iterator = body[Symbol.asyncIterator]() as AsyncIterator<Uint8Array>;
    // Destroying the body ends a read that is waiting for a silent client. No
    // error: before the first read nothing listens for one on the body.
    const stop = () => body.destroy();
    signal.addEventListener("abort", stop, { once: true });
    async function* timed(): AsyncGenerator<Uint8Array> {
      let ended = false;
      try {
        for (;;) {
          waitForClient();
          const next = await iterator.next();
          work();
          if (next.done) {
            ended = true;
            return;
          }
          yield next.value;
        }
      } finally {
        signal.removeEventListener("abort", stop);
        if (!ended) body.destroy();
      }
    }
    return Readable.from(timed(), { objectMode: false });
  }

  return {
    signal,
    /** Rejects with the AppError to answer once a bound passes; never resolves. */
    expired,
    watch,
    dispose: () => clearTimeout(timer),
  };
}
