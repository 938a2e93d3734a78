import "server-only";
import type { DbTx } from "@/server/db";
import { AppError } from "@/server/errors";
import type { ChatFileInfo } from "@/server/services/chat/load-chat-files";
import { isDocumentStatus } from "@/server/services/documents/document-status";
import { uncoveredPages } from "@/server/services/documents/get-document-status";
import type { InputPassages } from "@/server/tools/ai/ai-tool-support";
import { pagesFromChunks } from "./pages-from-chunks";

/**
 * The prepared text of a file the caller has already checked is the actor's,
 * as the AI tools read a document: one passage per page, the page count and
 * the pages without text. The stream does not prepare documents itself (the
 * tool page starts that and shows its progress), so a document that is not
 * ready is refused: CONFLICT while it is under way, UNPROCESSABLE when it failed.
 */
export async function loadPreparedDocument(db: DbTx, file: Pick<ChatFileInfo, "id" | "name">): Promise<InputPassages> {
  const document = await db.document.findUnique({ where: { fileId: file.id }, select: { status: true, pageCount: true, error: true } });
  const status = document && isDocumentStatus(document.status) ? document.status : null;
  if (status === "failed") throw new AppError("UNPROCESSABLE", `“${file.name}” could not be prepared: ${document?.error ?? "its text could not be read."}`);
  if (status !== "ready" || document?.pageCount == null) {
    throw new AppError("CONFLICT", `“${file.name}” is still being prepared. Wait until its text has been read, then run again.`);
  }
  const chunks = await db.documentChunk.findMany({
    where: { fileId: file.id },
    orderBy: { position: "asc" },
    select: { pageStart: true, pageEnd: true, text: true },
  });
  return {
    name: file.name,
    passages: pagesFromChunks(chunks, file.name),
    pageCount: document.pageCount,
    unreadPages: uncoveredPages(document.pageCount, chunks),
  };
}
