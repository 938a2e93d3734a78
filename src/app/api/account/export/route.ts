import { Readable } from "node:stream";
import { db } from "@/server/db";
import { resolveRequestActor } from "@/server/http/resolve-request-actor";
import { toErrorResponse } from "@/server/http/to-error-response";
import { exportAccountData } from "@/server/services/account/export-account-data";
import { contentDisposition } from "@/server/services/files/sanitize-file-name";
import { getStorage } from "@/server/storage";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

/** GET /api/account/export — the signed-in user's files and history as a streamed zip; 401 for anyone else. */
export async function GET(request: Request) {
  try {
    const actor = await resolveRequestActor(request, { createGuest: false });
    const { fileName, body } = await exportAccountData(db, getStorage(), actor);
    // Readable.from pulls from the generator, so a slow client slows the zipping instead of filling memory.
    const stream = Readable.toWeb(Readable.from(body, { objectMode: false })) as ReadableStream<Uint8Array>;
    return new Response(stream, {
      headers: {
        "content-type": "application/zip",
        "content-disposition": contentDisposition(fileName),
        "cache-control": "private, no-store",
        "x-content-type-options": "nosniff",
      },
    });
  } catch (error) {
    return toErrorResponse(error, { route: "GET /api/account/export" });
  }
}
