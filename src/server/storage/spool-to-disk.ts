import "server-only";
import { createWriteStream } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { measureBody, type StorageBody } from "./measure-body";
import type { StoredObject } from "./types";

/** Temp directories of spooled uploads start with this; the temp sweep removes any a crash leaves. */
export const SPOOL_DIR_PREFIX = "fileforge-spool-";

export type SpooledBody = { path: string; stored: StoredObject; remove: () => Promise<void> };

/**
 * Writes a body to a private temp file through the meter: the byte limit and
 * sha256 apply as bytes arrive, and memory stays flat however large the body.
 * For stores that need a whole, sized file (UploadThing's ingest wants a
 * Content-Length) instead of a stream. The caller must call `remove()`;
 * on any failure here the file is already gone.
 */
export async function spoolToDisk(body: StorageBody, maxBytes: number, signal?: AbortSignal): Promise<SpooledBody> {
  const measured = measureBody(body, maxBytes);
  const dir = await mkdtemp(path.join(tmpdir(), SPOOL_DIR_PREFIX));
  const remove = () => rm(dir, { recursive: true, force: true });
  const file = path.join(dir, "body");
  try {
    // mode 0600: the spool holds a user's upload until it reaches the store.
    await pipeline(Readable.from(measured.chunks), createWriteStream(file, { mode: 0o600 }), { signal });
    return { path: file, stored: measured.result(), remove };
  } catch (error) {
    await remove();
    // pipeline wraps an abort in its own AbortError; callers expect the signal's reason.
    throw signal?.aborted ? signal.reason : error;
  }
}
