import { db } from "@/server/db";
import { AppError } from "@/server/errors";
import { ownedFileRoute } from "@/server/http/owned-file-route";
import { renderOwnedPage } from "@/server/services/documents/render-owned-page";
import { holdsPreview, previewEtag } from "@/server/services/previews/cached-preview";
import { getStorage } from "@/server/storage";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

/**
 * GET /api/files/:id/pages/:page — that page of the owner's PDF, text file or
 * image as a PNG (110 dpi), for the preview a citation opens; 404 for anyone
 * else. A file's bytes never change, so the owner's browser may keep the image
 * for an hour; "private" keeps it out of shared caches.
 */
export const GET = ownedFileRoute<{ id: string; page: string }>("GET /api/files/:id/pages/:page", async ({ request, params, actor }) => {
  const number = Number(params.page);
  if (!/^\d{1,5}$/.test(params.page) || number < 1) throw new AppError("BAD_REQUEST", "Pages are numbered from 1.");
  const png = await renderOwnedPage(db, getStorage(), actor, params.id, number);
  const headers = { etag: previewEtag(params.id, `page-${number}`), "cache-control": "private, max-age=3600", "x-content-type-options": "nosniff" };
  if (holdsPreview(request, headers.etag)) return new Response(null, { status: 304, headers });
  return new Response(new Blob([png.slice().buffer], { type: "image/png" }), {
    headers: { ...headers, "content-type": "image/png", "content-length": String(png.byteLength) },
  });
});
