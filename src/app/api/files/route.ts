import { receiveUploadRequest } from "@/server/http/receive-upload-request";
import { resolveRequestActor } from "@/server/http/resolve-request-actor";
import { toErrorResponse } from "@/server/http/to-error-response";
import { clientIp, enforceRateLimit } from "@/server/quotas/rate-limit";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

/**
 * POST /api/files — multipart/form-data with one or more `file` fields.
 * 201 → [{ id, name, size, mimeType, expiresAt }]. 413 past the size limit,
 * 415 for unsupported types, 408 when the client stops sending for 30 s, 503
 * when a step stalls, 507 while the disk is nearly full; nothing is kept from
 * a failed request, and every request is answered within 10 s of its last byte.
 */
export async function POST(request: Request) {
  try {
    const actor = await resolveRequestActor(request, { createGuest: true });
    await enforceRateLimit("upload", actor, clientIp(request.headers));
    return await receiveUploadRequest(request, actor);
  } catch (error) {
    return toErrorResponse(error, { route: "POST /api/files" });
  }
}
