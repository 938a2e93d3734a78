import { Readable } from "node:stream";
import type { ReadableStream as NodeWebReadableStream } from "node:stream/web";
import { db } from "@/server/db";
import { AppError } from "@/server/errors";
import { resolveRequestActor } from "@/server/http/resolve-request-actor";
import { toErrorResponse } from "@/server/http/to-error-response";
import { clientIp, enforceRateLimit } from "@/server/quotas/rate-limit";
import { uploadFiles } from "@/server/services/files/upload-files";
import { getStorage } from "@/server/storage";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

/**
 * POST /api/files — multipart/form-data with one or more `file` fields.
 * 201 → [{ id, name, size, mimeType, expiresAt }]. 413 past the size limit,
 * 415 for unsupported types; nothing is kept from a failed request.
 */
export async function POST(request: Request) {
  try {
    const actor = await resolveRequestActor(request, { createGuest: true });
    if (!actor) throw new AppError("UNAUTHORIZED", "Could not identify you. Enable cookies and try again.");
    await enforceRateLimit("upload", actor, clientIp(request.headers));
    if (!request.body) throw new AppError("BAD_REQUEST", "No file received.");
    const body = Readable.fromWeb(request.body as NodeWebReadableStream<Uint8Array>);
    const files = await uploadFiles(db, getStorage(), actor, { contentType: request.headers.get("content-type"), body });
    return Response.json(
      files.map(({ id, name, size, mimeType, expiresAt }) => ({ id, name, size, mimeType, expiresAt })),
      { status: 201 },
    );
  } catch (error) {
    return toErrorResponse(error, { route: "POST /api/files" });
  }
}
