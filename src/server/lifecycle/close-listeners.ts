import "server-only";
import http from "node:http";
import net from "node:net";

/**
 * Stops accepting connections on every server this process listens with.
 * With NEXT_MANUAL_SIG_HANDLE Next.js leaves its HTTP server to the app but
 * exposes no handle to it, so it is found among the process's active handles
 * (`process._getActiveHandles`, undocumented but present since Node 0.x; when
 * it is missing the port simply closes when the process exits). Requests
 * already in flight go on; idle keep-alive connections are closed.
 */
export function closeListeners(): number {
  const handles = (process as unknown as { _getActiveHandles?: () => unknown[] })._getActiveHandles?.() ?? [];
  let closed = 0;
  for (const handle of handles) {
    if (!(handle instanceof net.Server) || !handle.listening) continue;
    handle.close();
    if (handle instanceof http.Server) handle.closeIdleConnections();
    closed += 1;
  }
  return closed;
}
