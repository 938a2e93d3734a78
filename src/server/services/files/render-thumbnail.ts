import "server-only";
import type { Actor } from "@/server/auth/actor";
import type { DbTx } from "@/server/db";
import { AppError } from "@/server/errors";
import { cachedPreview, previewEtag } from "@/server/services/previews/cached-preview";
import type { StorageDriver } from "@/server/storage/types";
import { IMAGE_INPUT_TYPES } from "@/server/tools/image/open-image";
import { thumbnailTool } from "@/server/tools/internal/internal-tools";
import { runInternalTool, storedInput } from "@/server/tools/internal/run-internal-tool";
import { isToolInputError } from "@/server/tools/tool-error";
import { getOwnedFile } from "./get-owned-file";

// Past this a preview is not worth it: mupdf's WASM heap grows to hold the
// whole file and never shrinks, and the list asks for many thumbnails at once.
const MAX_SOURCE_BYTES = 64 * 1024 * 1024;

const hasThumbnail = (mimeType: string) => mimeType === "application/pdf" || IMAGE_INPUT_TYPES.includes(mimeType);

/**
 * A small WebP preview of one of the actor's files: an image scaled down, or a
 * PDF's first page, drawn in a tool worker (never in this process) and cached
 * until the file is deleted. Anyone else's file, a type without a preview, or
 * a file too big to preview is NOT_FOUND (the list shows a type icon instead);
 * a file that cannot be drawn safely (pixel bomb, damaged, encrypted) is UNPROCESSABLE.
 */
export async function renderThumbnail(db: DbTx, storage: StorageDriver, actor: Actor, id: string) {
  const file = await getOwnedFile(db, actor, id);
  if (!hasThumbnail(file.mimeType) || file.size > MAX_SOURCE_BYTES) throw new AppError("NOT_FOUND", "This file has no preview.");
  const data = await cachedPreview(file.storageKey, "thumbnail.webp", async () => {
    try {
      const [output] = await runInternalTool(thumbnailTool, { inputs: [storedInput(file, () => storage.readBytes(file.storageKey))] });
      if (!output) throw new Error("the thumbnail tool returned nothing");
      return output.data;
    } catch (error) {
      if (isToolInputError(error)) throw new AppError("UNPROCESSABLE", `No preview: ${error.message}`, { cause: error });
      throw error;
    }
  });
  return { data, contentType: "image/webp" as const, etag: previewEtag(file.id, "thumbnail") };
}
