import "server-only";
import type { UserActor } from "@/server/auth/actor";
import { auditOrigin } from "@/server/services/audit/audit-origin";
import { type AuditContext, userActor } from "@/server/services/audit/record-audit-event";

/** The signed-in caller and their request's IP and user agent, for services that record what they change. */
export function auditContextOf(ctx: { user: UserActor; headers: Headers }): AuditContext {
  return { actor: userActor(ctx.user), origin: auditOrigin(ctx.headers) };
}
