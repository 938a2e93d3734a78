import { db } from "@/server/db";
import { ownedFileRoute } from "@/server/http/owned-file-route";
import { renderThumbnail } from "@/server/services/files/render-thumbnail";
import { holdsPreview } from "@/server/services/previews/cached-preview";
import { getStorage } from "@/server/storage";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

/** GET /api/files/:id/thumbnail — a WebP preview of the owner's image or PDF; 404 for anyone else. */
export const GET = ownedFileRoute("GET /api/files/:id/thumbnail", async ({ request, params, actor }) => {
  const thumbnail = await renderThumbnail(db, getStorage(), actor, params.id);
  // A file's bytes never change after upload, so the browser may keep its preview for an hour, then revalidate.
  const headers = { etag: thumbnail.etag, "cache-control": "private, max-age=3600", "x-content-type-options": "nosniff" };
  if (holdsPreview(request, thumbnail.etag)) return new Response(null, { status: 304, headers });
  return new Response(Buffer.from(thumbnail.data), { headers: { ...headers, "content-type": thumbnail.contentType } });
});
