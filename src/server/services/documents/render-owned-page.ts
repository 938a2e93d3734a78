import "server-only";
import type { Actor } from "@/server/auth/actor";
import type { DbTx } from "@/server/db";
import { AppError } from "@/server/errors";
import { getOwnedFile } from "@/server/services/files/get-owned-file";
import type { StorageDriver } from "@/server/storage/types";
import { PageOutOfRangeError, renderDocumentPage } from "@/server/tools/ai/render-document-page";
import { isToolInputError } from "@/server/tools/tool-error";

/** A page of the actor's file as PNG; NOT_FOUND for anyone else (as for downloads) and for a page past the end. */
export async function renderOwnedPage(db: DbTx, storage: StorageDriver, actor: Actor, fileId: string, page: number): Promise<Uint8Array> {
  const file = await getOwnedFile(db, actor, fileId);
  const bytes = await storage.readBytes(file.storageKey);
  try {
    return await renderDocumentPage({ name: file.name, mimeType: file.mimeType, bytes }, page);
  } catch (error) {
    if (error instanceof PageOutOfRangeError) throw new AppError("NOT_FOUND", `Page ${page} does not exist. ${error.message}`);
    if (isToolInputError(error)) throw new AppError("UNPROCESSABLE", error.message);
    throw error;
  }
}
