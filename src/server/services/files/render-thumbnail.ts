import "server-only";
import type { Actor } from "@/server/auth/actor";
import type { DbTx } from "@/server/db";
import { AppError } from "@/server/errors";
import type { StorageDriver } from "@/server/storage/types";
import { IMAGE_INPUT_TYPES } from "@/server/tools/image/open-image";
import { isToolInputError } from "@/server/tools/tool-error";
import { getOwnedFile } from "./get-owned-file";
import { renderImageThumbnail, renderPdfThumbnail } from "./thumbnail-renderers";

// Past this a preview is not worth it: mupdf's WASM heap grows to hold the
// whole file and never shrinks, and the list asks for many thumbnails at once.
const MAX_SOURCE_BYTES = 64 * 1024 * 1024;

function rendererFor(mimeType: string) {
  if (mimeType === "application/pdf") return renderPdfThumbnail;
  if (IMAGE_INPUT_TYPES.includes(mimeType)) return renderImageThumbnail;
  return null;
}

/**
 * A small WebP preview of one of the actor's files: an image scaled down, or a
 * PDF's first page. Anyone else's file, a type without a preview, or a file
 * too big to preview is NOT_FOUND (the list shows a type icon instead); a file
 * that cannot be drawn safely (pixel bomb, damaged, encrypted) is UNPROCESSABLE.
 */
export async function renderThumbnail(db: DbTx, storage: StorageDriver, actor: Actor, id: string) {
  const file = await getOwnedFile(db, actor, id);
  const render = rendererFor(file.mimeType);
  if (!render || file.size > MAX_SOURCE_BYTES) throw new AppError("NOT_FOUND", "This file has no preview.");
  const bytes = await storage.readBytes(file.storageKey);
  try {
    return { data: await render(file.name, bytes), contentType: "image/webp" as const };
  } catch (error) {
    if (isToolInputError(error)) throw new AppError("UNPROCESSABLE", `No preview: ${error.message}`, { cause: error });
    throw error;
  }
}
