import { Readable } from "node:stream";
import { db } from "@/server/db";
import { resolveFileOwner } from "@/server/http/resolve-request-actor";
import { toErrorResponse } from "@/server/http/to-error-response";
import { getOwnedFile } from "@/server/services/files/get-owned-file";
import { contentDisposition } from "@/server/services/files/sanitize-file-name";
import { getStorage } from "@/server/storage";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

/** GET /api/files/:id/download — streams the owner's file as an attachment; 404 for anyone else. */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  try {
    const { id } = await params;
    const actor = await resolveFileOwner(request);
    const file = await getOwnedFile(db, actor, id);
    const stream = await getStorage().read(file.storageKey);
    return new Response(Readable.toWeb(stream) as ReadableStream<Uint8Array>, {
      headers: {
        "content-type": file.mimeType,
        "content-length": String(file.size),
        "content-disposition": contentDisposition(file.name),
        "x-content-type-options": "nosniff",
        "cache-control": "private, no-store",
        // A PDF or SVG opened from here must not run script in our origin.
        "content-security-policy": "default-src 'none'; sandbox",
      },
    });
  } catch (error) {
    return toErrorResponse(error, { route: "GET /api/files/:id/download" });
  }
}
