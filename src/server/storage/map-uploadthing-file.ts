import "server-only";
import { assertValidStorageKey, isValidStorageKey } from "./create-storage-key";

/**
 * Our key is UploadThing's `customId`, with `/` written as `.`: a slash would
 * split the CDN path `/f/<customId>`, and `.` never occurs in a key, so the
 * mapping is reversible.
 */
export function toCustomId(key: string): string {
  assertValidStorageKey(key);
  return key.replaceAll("/", ".");
}

/** The key behind a customId, or null for files that were not stored by this driver. */
export function keyFromCustomId(customId: string | null): string | null {
  if (customId === null) return null;
  const key = customId.replaceAll(".", "/");
  return isValidStorageKey(key) && toCustomId(key) === customId ? key : null;
}

/** UploadThing's own name for the file; the random last segment, since names are kept in our database. */
export function fileNameOf(key: string): string {
  return key.slice(key.lastIndexOf("/") + 1);
}

type ListedFile = { customId: string | null; size: number; status: string; uploadedAt: number };

/**
 * A listFiles entry as a storage listing entry. Files still uploading, failed
 * or pending deletion are not objects yet (or any more); files without one of
 * our customIds belong to something else in the same UploadThing app.
 */
export function toListedObject(file: ListedFile): { key: string; size: number; modifiedAt: Date } | null {
  if (file.status !== "Uploaded") return null;
  const key = keyFromCustomId(file.customId);
  return key === null ? null : { key, size: file.size, modifiedAt: new Date(file.uploadedAt) };
}
