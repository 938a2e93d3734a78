import { Readable } from "node:stream";
import { db } from "@/server/db";
import { ownedFileRoute } from "@/server/http/owned-file-route";
import { getOwnedFile } from "@/server/services/files/get-owned-file";
import { contentDisposition } from "@/server/services/files/sanitize-file-name";
import { getStorage } from "@/server/storage";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

/** GET /api/files/:id/download — streams the owner's file as an attachment; 404 for anyone else. */
export const GET = ownedFileRoute("GET /api/files/:id/download", async ({ params, actor }) => {
  const file = await getOwnedFile(db, actor, params.id);
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
});
