import { createUploadthing, type FileRouter, UTFiles } from "uploadthing/next";
import { UploadThingError } from "uploadthing/server";
import { ownerOf } from "@/server/auth/actor";
import { db } from "@/server/db";
import { isAppError } from "@/server/errors";
import { resolveRequestActor } from "@/server/http/resolve-request-actor";
import { assertWithinQuota } from "@/server/quotas/assert-within-quota";
import { clientIp, enforceRateLimit } from "@/server/quotas/rate-limit";
import { recordUsage } from "@/server/quotas/record-usage";
import { expiryFrom, getUploadLimits } from "@/server/quotas/role-limits";
import { formatBytes } from "@/shared/format-bytes";
import { recordStoredUpload } from "@/server/services/files/record-stored-upload";
import { assertDiskSpace } from "@/server/services/system/check-disk-space";
import { getStorage } from "@/server/storage";
import { createStorageKey } from "@/server/storage/create-storage-key";
import { keyFromCustomId, toCustomId } from "@/server/storage/map-uploadthing-file";

const f = createUploadthing();

// UploadThing's own caps are static; the owner's real limits are checked in
// the middleware (declared sizes) and again on completion (actual bytes).
const accepted = { maxFileSize: "1GB", maxFileCount: 20 } as const;

/**
 * Browser → UploadThing uploads (when UPLOADTHING_TOKEN is set), so big files
 * never pass through a serverless function's body limit. Each file gets a
 * server-generated storage key as its customId, and the same checks as
 * POST /api/files before the File row exists.
 */
export const uploadRouter = {
  files: f({ pdf: accepted, image: accepted, text: accepted })
    .middleware(async ({ req, files }) => {
      try {
        const actor = await resolveRequestActor(req, { createGuest: true });
        await enforceRateLimit("upload", actor, clientIp(req.headers));
        // The bytes go to UploadThing, but the rows may live in the embedded database on the data volume.
        await assertDiskSpace();
        await assertWithinQuota(db, actor, "FILE_UPLOAD", files.length);
        const limits = await getUploadLimits(db, actor);
        const tooBig = files.find((file) => file.size > limits.maxFileBytes);
        if (tooBig) throw new UploadThingError(`“${tooBig.name}” is larger than your ${formatBytes(limits.maxFileBytes)} limit per file.`);
        return {
          owner: ownerOf(actor),
          maxFileBytes: limits.maxFileBytes,
          expiresAt: expiryFrom(limits)?.toISOString() ?? null,
          [UTFiles]: files.map((file) => ({ ...file, customId: toCustomId(createStorageKey()) })),
        };
      } catch (error) {
        throw isAppError(error) ? new UploadThingError(error.message) : error;
      }
    })
    .onUploadComplete(async ({ metadata, file }) => {
      const storageKey = keyFromCustomId(file.customId);
      if (!storageKey) throw new UploadThingError("The upload arrived without its storage key.");
      const stored = await recordStoredUpload(db, getStorage(), {
        storageKey,
        name: file.name,
        owner: metadata.owner,
        maxFileBytes: metadata.maxFileBytes,
        expiresAt: metadata.expiresAt ? new Date(metadata.expiresAt) : null,
      });
      await recordUsage(db, metadata.owner, "FILE_UPLOAD", 1);
      await recordUsage(db, metadata.owner, "UPLOAD_BYTES", stored.size);
      return { id: stored.id, name: stored.name, size: stored.size, mimeType: stored.mimeType, expiresAt: stored.expiresAt?.toISOString() ?? null };
    }),
} satisfies FileRouter;

export type UploadRouter = typeof uploadRouter;
