import "server-only";
import path from "node:path";
import { env } from "@/env";

export type StorageMode = { driver: "local"; root: string } | { driver: "uploadthing" };

/** Local disk under DATA_DIR/files unless UploadThing is configured. */
export function getStorageMode(): StorageMode {
  if (env.UPLOADTHING_TOKEN) return { driver: "uploadthing" };
  return { driver: "local", root: path.resolve(env.DATA_DIR, "files") };
}
