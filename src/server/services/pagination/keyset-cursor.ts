import "server-only";
import { z } from "zod";
import { AppError } from "@/server/errors";

export type SortDirection = "asc" | "desc";

/** What a cursor remembers: the ordering it belongs to and the last row's sort value and id. */
export type KeysetPosition = { value: string | number; id: string };

const cursorShape = z.object({ o: z.string(), v: z.union([z.string(), z.number()]), id: z.string().min(1) });

// Cursors carry the last row's values, not a reference to the row: a keyset
// page still works when that row was deleted meanwhile (a bulk delete on the
// page before), where Prisma's own `cursor: { id }` would return nothing.

/** An opaque cursor for the row after which the next page starts. Dates travel as ISO strings. */
export function encodeCursor(ordering: string, value: string | number | Date, id: string): string {
  const v = value instanceof Date ? value.toISOString() : value;
  return Buffer.from(JSON.stringify({ o: ordering, v, id }), "utf8").toString("base64url");
}

/** Reads a cursor made by encodeCursor for the same ordering; anything else is a readable BAD_REQUEST. */
export function decodeCursor(cursor: string, ordering: string): KeysetPosition {
  let parsed: z.infer<typeof cursorShape> | null = null;
  try {
    parsed = cursorShape.parse(JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")));
  } catch {
    parsed = null;
  }
  if (!parsed || parsed.o !== ordering) {
    throw new AppError("BAD_REQUEST", "This page of results is out of date. Go back to the first page.");
  }
  return { value: parsed.v, id: parsed.id };
}

/** `{ gt }` or `{ lt }`: the comparison that means "after" in this direction. */
export function after<T>(direction: SortDirection, value: T): { gt: T } | { lt: T } {
  return direction === "asc" ? { gt: value } : { lt: value };
}

/** A cursor value read back as a date; a tampered one is refused like any bad cursor. */
export function cursorDate(position: KeysetPosition): Date {
  const date = new Date(position.value);
  if (typeof position.value !== "string" || Number.isNaN(date.getTime())) {
    throw new AppError("BAD_REQUEST", "This page of results is out of date. Go back to the first page.");
  }
  return date;
}

/** Splits the `limit + 1` rows a keyset query fetched into a page and the cursor for the next one. */
export function toPage<Row extends { id: string }>(rows: Row[], limit: number, cursorFor: (row: Row) => string) {
  const hasMore = rows.length > limit;
  const items = hasMore ? rows.slice(0, limit) : rows;
  const last = items.at(-1);
  return { items, nextCursor: hasMore && last ? cursorFor(last) : null };
}
