import "server-only";
import type { Actor } from "@/server/auth/actor";
import { ownedBy } from "@/server/auth/owner-where";
import type { DbTx } from "@/server/db";
import type { Prisma } from "@/server/db/generated/client";
import { after, cursorDate, decodeCursor, encodeCursor, type KeysetPosition, type SortDirection, toPage } from "../pagination/keyset-cursor";
import type { FileKind, ListFilesInput } from "./list-files-input";
import { fileSummarySelect } from "./store-upload";

type FileSort = ListFilesInput["sort"];

// Types are told apart by the MIME type sniffed at upload; "other" is whatever
// none of the named kinds match (zipped batches of outputs, for instance).
const KIND_WHERE = {
  pdf: { mimeType: "application/pdf" },
  image: { mimeType: { startsWith: "image/" } },
  text: { mimeType: { startsWith: "text/" } },
} satisfies Record<Exclude<FileKind, "other">, Prisma.FileWhereInput>;

function kindWhere(kind: FileKind | undefined): Prisma.FileWhereInput {
  if (!kind) return {};
  return kind === "other" ? { NOT: Object.values(KIND_WHERE) } : KIND_WHERE[kind];
}

/** Prisma passes `contains` to LIKE as is; escaped, "%" and "_" match only themselves. */
function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (character) => `\\${character}`);
}

function orderFor(sort: FileSort, direction: SortDirection): Prisma.FileOrderByWithRelationInput[] {
  // The id breaks ties, so the order is total and a keyset page never skips or repeats a row.
  const first = sort === "name" ? { name: direction } : sort === "size" ? { size: direction } : { createdAt: direction };
  return [first, { id: direction }];
}

/** Rows strictly after the cursor's row in (sort field, id) order. */
function afterPosition(sort: FileSort, direction: SortDirection, position: KeysetPosition): Prisma.FileWhereInput {
  const id = after(direction, position.id);
  if (sort === "name") {
    const name = String(position.value);
    return { OR: [{ name: after(direction, name) }, { name, id }] };
  }
  if (sort === "size") {
    const size = Number(position.value);
    return { OR: [{ size: after(direction, size) }, { size, id }] };
  }
  const createdAt = cursorDate(position);
  return { OR: [{ createdAt: after(direction, createdAt) }, { createdAt, id }] };
}

/**
 * The actor's files, filtered by name and kind, in the asked order, one keyset
 * page at a time, with the total that matches (for "page 2 of 5").
 */
export async function listFiles(db: DbTx, actor: Actor, input: ListFilesInput) {
  const sort = input.sort;
  const direction = input.direction ?? (sort === "name" ? "asc" : "desc");
  const ordering = `${sort}:${direction}`;
  const search = input.search ? { name: { contains: escapeLike(input.search), mode: "insensitive" as const } } : {};
  const where: Prisma.FileWhereInput = { AND: [ownedBy(actor), search, kindWhere(input.type)] };
  const page = input.cursor ? afterPosition(sort, direction, decodeCursor(input.cursor, ordering)) : {};
  const rows = await db.file.findMany({
    where: { AND: [where, page] },
    orderBy: orderFor(sort, direction),
    take: input.limit + 1,
    select: { ...fileSummarySelect, jobId: true },
  });
  const total = await db.file.count({ where });
  const { items, nextCursor } = toPage(rows, input.limit, (row) => encodeCursor(ordering, row[sort], row.id));
  return { items, nextCursor, total };
}
