import "server-only";
import { env } from "@/env";
import { createLocalDriver } from "./local-driver";
import { dropPreviewsOnDelete } from "./preview-cache";
import { getStorageMode } from "./storage-mode";
import type { StorageDriver } from "./types";
import { createUploadThingDriver } from "./uploadthing-driver";

let storage: StorageDriver | undefined;

function createStorage(): StorageDriver {
  const mode = getStorageMode();
  if (mode.driver === "local") return createLocalDriver(mode.root);
  // getStorageMode chose UploadThing because the token is set; the check narrows the type.
  if (!env.UPLOADTHING_TOKEN) throw new Error("UPLOADTHING_TOKEN is not set.");
  return createUploadThingDriver(env.UPLOADTHING_TOKEN);
}

/** The process's storage driver, picked once from the environment (local disk unless UPLOADTHING_TOKEN is set). */
export function getStorage(): StorageDriver {
  storage ??= dropPreviewsOnDelete(createStorage());
  return storage;
}

export { assertValidStorageKey, createStorageKey, InvalidStorageKeyError, isValidStorageKey } from "./create-storage-key";
export { createLocalDriver } from "./local-driver";
export { getStorageMode, type StorageMode } from "./storage-mode";
export { StorageLimitError, StorageNotFoundError, type StorageDriver, type StoredObject } from "./types";
export { createUploadThingDriver, type UploadThingDriverOptions } from "./uploadthing-driver";
