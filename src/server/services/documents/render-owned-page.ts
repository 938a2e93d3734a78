import "server-only";
import type { Actor } from "@/server/auth/actor";
import type { DbTx } from "@/server/db";
import { AppError } from "@/server/errors";
import { getOwnedFile } from "@/server/services/files/get-owned-file";
import { cachedPreview } from "@/server/services/previews/cached-preview";
import { readStoredPrefix } from "@/server/services/previews/read-stored-prefix";
import type { StorageDriver } from "@/server/storage/types";
import { IMAGE_INPUT_TYPES } from "@/server/tools/image/open-image";
import { pagePreviewTool } from "@/server/tools/internal/internal-tools";
import { pagePreviewOutcome } from "@/server/tools/internal/preview-outcomes";
import { parseJsonOutput, runInternalTool, storedInput } from "@/server/tools/internal/run-internal-tool";
import { isToolInputError } from "@/server/tools/tool-error";

/**
 * How much of a text file a page preview lays out: about 50 pages of ordinary
 * text, then about 200. Laying out all of a 50 MB file took 22 s and 760 MB
 * for page 1; mupdf lays text out from the start, so the prefix must reach the page.
 */
export const TEXT_PREVIEW_PREFIX_BYTES = [64 * 1024, 256 * 1024] as const;
const PAGES_IN_FIRST_PREFIX = 40;

type OwnedFile = { name: string; mimeType: string; size: number; storageKey: string };

const hasPages = (mimeType: string) => mimeType === "application/pdf" || mimeType === "text/plain" || IMAGE_INPUT_TYPES.includes(mimeType);

/** One render in a tool worker: the PNG, or why there is none. */
async function drawPage(file: OwnedFile, page: number, bytes: () => Promise<Uint8Array>, truncated: boolean, size = file.size) {
  try {
    const outputs = await runInternalTool(pagePreviewTool, { inputs: [storedInput({ ...file, size }, bytes)], options: { page, truncated } });
    const png = outputs.find((output) => output.mimeType === "image/png");
    return png ? { png: png.data } : parseJsonOutput(outputs, pagePreviewOutcome);
  } catch (error) {
    if (isToolInputError(error)) throw new AppError("UNPROCESSABLE", error.message, { cause: error });
    throw error;
  }
}

async function renderPage(storage: StorageDriver, file: OwnedFile, page: number): Promise<Uint8Array> {
  if (!hasPages(file.mimeType)) throw new AppError("UNPROCESSABLE", `${file.name} has no pages to show.`);
  // A text file is read only as far as a prefix, larger only when the page lies beyond the first.
  const prefixes = file.mimeType !== "text/plain" ? [null] : TEXT_PREVIEW_PREFIX_BYTES.slice(page <= PAGES_IN_FIRST_PREFIX ? 0 : 1);
  for (const [attempt, maxBytes] of prefixes.entries()) {
    const drawn =
      maxBytes === null
        ? await drawPage(file, page, () => storage.readBytes(file.storageKey), false)
        : await readStoredPrefix(storage, file.storageKey, maxBytes).then(({ bytes, truncated }) => drawPage(file, page, async () => bytes, truncated, bytes.byteLength));
    if ("png" in drawn) return drawn.png;
    if (drawn.outcome === "out-of-range") throw new AppError("NOT_FOUND", `Page ${page} does not exist. This document has ${drawn.pageCount} page${drawn.pageCount === 1 ? "" : "s"}.`);
    if (attempt === prefixes.length - 1) {
      throw new AppError("UNPROCESSABLE", `Page ${page} of ${file.name} cannot be shown: only the first ${drawn.pagesShown.toLocaleString("en-US")} pages of a text file this large can be previewed.`);
    }
  }
  throw new Error("unreachable: the last prefix always answers");
}

/**
 * A page of the actor's file as PNG, drawn in a tool worker and cached until
 * the file is deleted; NOT_FOUND for anyone else (as for downloads) and for a
 * page past the end.
 */
export async function renderOwnedPage(db: DbTx, storage: StorageDriver, actor: Actor, fileId: string, page: number): Promise<Uint8Array> {
  const file = await getOwnedFile(db, actor, fileId);
  return cachedPreview(file.storageKey, `page-${page}.png`, () => renderPage(storage, file, page));
}
