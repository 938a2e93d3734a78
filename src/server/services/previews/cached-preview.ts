import "server-only";
import { z } from "zod";
import { AppError } from "@/server/errors";
import { readCachedPreview, writeCachedPreview } from "@/server/storage/preview-cache";

// A refusal is cached like an image: a file that is damaged, a pixel bomb or
// too slow to draw stays so, and asking again must not cost a worker another
// 30 s. Only answers about the file are kept, never a failure of the system
// (nor "no such page": page numbers are the asker's, one entry each).
const refusal = z.object({ code: z.literal("UNPROCESSABLE"), message: z.string() });

// Two requests for the same preview (a double click, a list rendering twice) share one render.
const pending = new Map<string, Promise<Uint8Array>>();

async function renderAndStore(storageKey: string, variant: string, render: () => Promise<Uint8Array>): Promise<Uint8Array> {
  try {
    const data = await render();
    await writeCachedPreview(storageKey, variant, data);
    return data;
  } catch (error) {
    if (error instanceof AppError && error.code === "UNPROCESSABLE") {
      await writeCachedPreview(storageKey, `${variant}.error`, new TextEncoder().encode(JSON.stringify({ code: error.code, message: error.message })));
    }
    throw error;
  }
}

/**
 * The preview `variant` (e.g. "thumbnail.webp", "page-3.png") of a stored
 * object: from the cache, or rendered once by `render` and cached. Callers
 * check ownership before calling: the cache is keyed by storage key only.
 */
export async function cachedPreview(storageKey: string, variant: string, render: () => Promise<Uint8Array>): Promise<Uint8Array> {
  const cached = await readCachedPreview(storageKey, variant);
  if (cached) return cached;
  const refused = await readCachedPreview(storageKey, `${variant}.error`);
  if (refused) {
    const parsed = refusal.safeParse(JSON.parse(new TextDecoder().decode(refused)));
    if (parsed.success) throw new AppError(parsed.data.code, parsed.data.message);
  }
  const id = `${storageKey}/${variant}`;
  let rendering = pending.get(id);
  if (!rendering) {
    rendering = renderAndStore(storageKey, variant, render).finally(() => pending.delete(id));
    pending.set(id, rendering);
  }
  return rendering;
}

/** A strong validator for a preview: the file's bytes never change, so the id and variant name the image. */
export function previewEtag(fileId: string, variant: string): string {
  return `"${fileId}.${variant}.v1"`;
}

/** True when the browser already holds this preview (If-None-Match), so a 304 will do. */
export function holdsPreview(request: Request, etag: string): boolean {
  const header = request.headers.get("if-none-match");
  return header !== null && header.split(",").some((tag) => tag.trim().replace(/^W\//, "") === etag);
}
