import "server-only";
import { clientIp, LOCAL } from "@/server/quotas/rate-limit";

/** Where a request came from, as the audit log keeps it. */
export type AuditOrigin = { ip: string | null; userAgent: string | null };

// A user agent is client-chosen text: bounded so a hostile header cannot bloat the table.
const MAX_USER_AGENT = 512;

/** The client IP (as the rate limits see it; null when unknown) and user agent of a request. */
export function auditOrigin(headers: Headers): AuditOrigin {
  const ip = clientIp(headers);
  const userAgent = headers.get("user-agent")?.trim().slice(0, MAX_USER_AGENT) || null;
  return { ip: ip === LOCAL ? null : ip, userAgent };
}

/** Actions from `npm run admin` on the server's shell: no request, no address. */
export const CLI_ORIGIN: AuditOrigin = { ip: null, userAgent: null };
