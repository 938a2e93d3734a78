import "server-only";
import type { DbTx } from "@/server/db";
import type { Prisma } from "@/server/db/generated/client";
import { after, cursorDate, decodeCursor, encodeCursor, toPage } from "../pagination/keyset-cursor";
import type { ListAuditEventsInput } from "@/shared/audit-actions";

// Newest first only: an investigation reads back from the latest event.
const ORDERING = "audit:createdAt:desc";
// An email search that matches more accounts than this is too vague to be useful; the page says so by its results.
const MAX_MATCHED_USERS = 200;

async function userFilter(db: DbTx, input: ListAuditEventsInput): Promise<Prisma.AuditEventWhereInput[]> {
  const filters: Prisma.AuditEventWhereInput[] = [];
  if (input.userId) filters.push({ OR: [{ actorUserId: input.userId }, { subjectUserId: input.userId }] });
  if (input.userEmail) {
    // Current addresses, plus the snapshot kept on the event for accounts that changed address or are gone.
    const users = await db.user.findMany({
      where: { email: { contains: input.userEmail, mode: "insensitive" } },
      select: { id: true },
      take: MAX_MATCHED_USERS,
    });
    const ids = users.map((user) => user.id);
    filters.push({
      OR: [
        { actorUserId: { in: ids } },
        { subjectUserId: { in: ids } },
        { actorEmail: { contains: input.userEmail, mode: "insensitive" } },
      ],
    });
  }
  return filters;
}

/** One page of audit events for the admin pages, newest first, with the subject's current email. */
export async function listAuditEvents(db: DbTx, input: ListAuditEventsInput) {
  const where: Prisma.AuditEventWhereInput[] = await userFilter(db, input);
  if (input.action) where.push({ action: input.action });
  if (input.from || input.to) where.push({ createdAt: { ...(input.from ? { gte: input.from } : {}), ...(input.to ? { lte: input.to } : {}) } });
  if (input.cursor) {
    const position = decodeCursor(input.cursor, ORDERING);
    const createdAt = cursorDate(position);
    where.push({ OR: [{ createdAt: after("desc", createdAt) }, { createdAt, id: after("desc", position.id) }] });
  }
  const rows = await db.auditEvent.findMany({
    where: { AND: where },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: input.limit + 1,
  });
  const page = toPage(rows, input.limit, (row) => encodeCursor(ORDERING, row.createdAt, row.id));
  const subjectIds = [...new Set(page.items.map((row) => row.subjectUserId).filter((id): id is string => id !== null))];
  const subjects = await db.user.findMany({ where: { id: { in: subjectIds } }, select: { id: true, email: true } });
  const emailOf = new Map(subjects.map((user) => [user.id, user.email]));
  return {
    nextCursor: page.nextCursor,
    items: page.items.map((row) => {
      const details = (row.details ?? {}) as Record<string, unknown>;
      return {
        id: row.id,
        createdAt: row.createdAt,
        action: row.action,
        actor: row.actorEmail ?? (details.via === "cli" ? "cli" : null),
        actorUserId: row.actorUserId,
        subjectUserId: row.subjectUserId,
        subjectEmail: row.subjectUserId ? (emailOf.get(row.subjectUserId) ?? null) : null,
        ip: row.ip,
        userAgent: row.userAgent,
        details,
      };
    }),
  };
}
