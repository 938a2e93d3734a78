import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll } from "vitest";
import { createLocalDriver } from "@/server/storage/local-driver";

/** A real local-disk storage driver in a temp directory removed after the file's tests. */
export function setupTempStorage() {
  const root = mkdtempSync(path.join(tmpdir(), "fileforge-storage-"));
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  return { root, storage: createLocalDriver(root) };
}
