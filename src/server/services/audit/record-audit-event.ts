import "server-only";
import type { DbTx } from "@/server/db";
import type { Prisma } from "@/server/db/generated/client";
import type { AuditAction } from "@/shared/audit-actions";
import type { AuditOrigin } from "./audit-origin";

/**
 * Who acted: a signed-in user (the email is kept as a snapshot so the event
 * still names them after the account is gone), nobody yet (a failed sign-in),
 * or the operator's `npm run admin`.
 */
export type AuditActor = { kind: "user"; userId: string; email: string | null } | { kind: "anonymous" } | { kind: "cli" };

/** Who is acting and from where: what a service needs to record what it changed. */
export type AuditContext = { actor: AuditActor; origin: AuditOrigin };

export type AuditEventInput = {
  action: AuditAction;
  actor: AuditActor;
  subjectUserId: string | null;
  origin: AuditOrigin;
  /** What changed. Never a password, token, key or cookie. */
  details?: Prisma.InputJsonObject;
};

/**
 * Appends one event. The only write the app makes to AuditEvent besides the
 * retention sweep: there is no update and no per-event delete anywhere, so
 * nobody can edit history from the app. Pass the transaction client when the
 * audited change runs in one, so the change and its record commit together.
 */
export async function recordAuditEvent(db: DbTx, event: AuditEventInput): Promise<void> {
  const { actor } = event;
  await db.auditEvent.create({
    data: {
      action: event.action,
      actorUserId: actor.kind === "user" ? actor.userId : null,
      actorEmail: actor.kind === "user" ? actor.email : null,
      subjectUserId: event.subjectUserId,
      ip: event.origin.ip,
      userAgent: event.origin.userAgent,
      details: { ...(actor.kind === "cli" ? { via: "cli" } : {}), ...event.details },
    },
    select: { id: true },
  });
}

/** A signed-in user as an audit actor. */
export function userActor(user: { userId: string; email: string | null }): AuditActor {
  return { kind: "user", userId: user.userId, email: user.email };
}
