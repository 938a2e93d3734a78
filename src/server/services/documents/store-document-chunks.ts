import "server-only";
import { createId } from "@paralleldrive/cuid2";
import type { Db } from "@/server/db";
import { Prisma } from "@/server/db/generated/client";
import type { TextChunk } from "@/server/tools/ai/split-into-chunks";

// Rows per INSERT: 7 parameters each, far below PostgreSQL's 65,535.
const ROWS_PER_INSERT = 200;

/**
 * Replaces a document's chunks in one transaction, each with its full-text
 * vector (`to_tsvector('simple', text)`: no stemming or stop words, so names,
 * codes and any language match as written). Replacing rather than appending
 * makes a retried extraction step idempotent.
 */
export async function storeDocumentChunks(db: Db, fileId: string, chunks: readonly TextChunk[]): Promise<void> {
  await db.$transaction(async (tx) => {
    await tx.documentChunk.deleteMany({ where: { fileId } });
    for (let start = 0; start < chunks.length; start += ROWS_PER_INSERT) {
      const rows = chunks.slice(start, start + ROWS_PER_INSERT).map(
        (chunk) =>
          Prisma.sql`(${createId()}, ${fileId}, ${chunk.position}, ${chunk.pageStart}, ${chunk.pageEnd}, ${chunk.text}, to_tsvector('simple', ${chunk.text}), '{}'::real[])`,
      );
      await tx.$executeRaw`INSERT INTO "DocumentChunk" ("id", "fileId", "position", "pageStart", "pageEnd", "text", "tsv", "embedding") VALUES ${Prisma.join(rows)}`;
    }
  });
}
