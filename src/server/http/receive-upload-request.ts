import "server-only";
import { Readable } from "node:stream";
import type { ReadableStream as NodeWebReadableStream } from "node:stream/web";
import type { Actor } from "@/server/auth/actor";
import { db } from "@/server/db";
import { AppError } from "@/server/errors";
import { uploadFiles, type UploadOptions } from "@/server/services/files/upload-files";
import { getStorage } from "@/server/storage";
import type { StorageDriver } from "@/server/storage/types";
import { toErrorResponse } from "./to-error-response";

/**
 * The body of POST /api/files once the actor is known: the request's web
 * stream read as a Node stream into storage, answered with 201 and the files,
 * or with the error as `{ error: { code, message } }` (408 when the client
 * goes silent, 507 when the disk is nearly full, …). Options are for tests.
 */
export async function receiveUploadRequest(
  request: Request,
  actor: Actor,
  options: UploadOptions & { storage?: StorageDriver } = {},
): Promise<Response> {
  try {
    if (!request.body) throw new AppError("BAD_REQUEST", "No file received.");
    const body = Readable.fromWeb(request.body as NodeWebReadableStream<Uint8Array>);
    const files = await uploadFiles(db, options.storage ?? getStorage(), actor, { contentType: request.headers.get("content-type"), body }, options);
    return Response.json(
      files.map(({ id, name, size, mimeType, expiresAt, encrypted }) => ({ id, name, size, mimeType, expiresAt, encrypted })),
      { status: 201 },
    );
  } catch (error) {
    return toErrorResponse(error, { route: "POST /api/files" });
  }
}
