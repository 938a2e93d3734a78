import "server-only";
import { randomBytes } from "node:crypto";
import { createWriteStream, type WriteStream } from "node:fs";
import { mkdir, open, readdir, readFile, rename, rm, stat, unlink } from "node:fs/promises";
import path from "node:path";
import { pipeline } from "node:stream/promises";
import { assertValidStorageKey, InvalidStorageKeyError, isValidStorageKey } from "./create-storage-key";
import { measureBody } from "./measure-body";
import { StorageNotFoundError, type StorageDriver } from "./types";

// Partial writes live here until they are complete. Inside the root, so the
// final rename stays on one filesystem and is atomic; `.tmp` is not a valid key
// segment, so it never collides with a key and list() never reports it.
const TEMP_DIR = ".tmp";

function errorCode(error: unknown): unknown {
  return error instanceof Error && "code" in error ? error.code : undefined;
}

/** ENOTDIR/EISDIR: a key whose path runs into a file, or names a date directory, holds no object either. */
function isMissing(error: unknown): boolean {
  const code = errorCode(error);
  return code === "ENOENT" || code === "ENOTDIR" || code === "EISDIR";
}

/** Waits until the file descriptor is released, so nothing can recreate the temp file after we delete it. */
async function waitForClose(stream: WriteStream): Promise<void> {
  if (!stream.closed) await new Promise<void>((resolve) => stream.once("close", () => resolve()));
}

/**
 * `work`, or the signal's reason as soon as it aborts. A pipeline whose source
 * never yields again does not settle even when aborted, so it is left behind.
 */
async function untilAborted<T>(work: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return work;
  let onAbort = () => {};
  const aborted = new Promise<never>((_, reject) => {
    onAbort = () => reject(signal.reason as Error);
    if (signal.aborted) onAbort();
    else signal.addEventListener("abort", onAbort, { once: true });
  });
  try {
    return await Promise.race([work, aborted]);
  } finally {
    signal.removeEventListener("abort", onAbort);
  }
}

/** Files on local disk under `root`, one file per key, mode 0600. */
export function createLocalDriver(root: string): StorageDriver {
  const base = path.resolve(root);
  const tempDir = path.join(base, TEMP_DIR);

  function pathOf(key: string): string {
    assertValidStorageKey(key);
    const target = path.join(base, ...key.split("/"));
    // Defence in depth: the key pattern already rules out any escape.
    if (!target.startsWith(base + path.sep)) throw new InvalidStorageKeyError(key);
    return target;
  }

  async function* walk(dir: string, prefix: string): AsyncGenerator<{ key: string; size: number; modifiedAt: Date }> {
    const entries = await readdir(dir, { withFileTypes: true }).catch((error: unknown) => {
      if (isMissing(error)) return [];
      throw error;
    });
    for (const entry of entries) {
      const key = prefix ? `${prefix}/${entry.name}` : entry.name;
      if (!isValidStorageKey(key)) continue; // the temp directory, or anything we did not write
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        yield* walk(full, key);
      } else if (entry.isFile()) {
        // A concurrent delete may remove the file between readdir and stat.
        const info = await stat(full).catch(() => null);
        if (info) yield { key, size: info.size, modifiedAt: info.mtime };
      }
    }
  }

  return {
    name: "local",

    async write(key, body, { maxBytes, signal }) {
      const target = pathOf(key);
      signal?.throwIfAborted();
      const measured = measureBody(body, maxBytes);
      await mkdir(tempDir, { recursive: true, mode: 0o700 });
      const temp = path.join(tempDir, `${randomBytes(12).toString("base64url")}.part`);
      // `wx` refuses to reuse an existing temp name; `flush` fsyncs before close so a
      // crash after the rename cannot leave an empty file under the key.
      const out = createWriteStream(temp, { flags: "wx", mode: 0o600, flush: true });
      try {
        await untilAborted(pipeline(measured.chunks, out), signal);
        signal?.throwIfAborted();
        await mkdir(path.dirname(target), { recursive: true, mode: 0o700 });
        await rename(temp, target);
      } catch (error) {
        out.destroy();
        await waitForClose(out);
        await rm(temp, { force: true });
        throw error;
      }
      return measured.result();
    },

    async read(key) {
      const file = pathOf(key);
      const handle = await open(file, "r").catch((error: unknown) => {
        throw isMissing(error) ? new StorageNotFoundError(key) : error;
      });
      const info = await handle.stat();
      if (!info.isFile()) {
        await handle.close();
        throw new StorageNotFoundError(key);
      }
      // Opened before returning, so a missing file fails here rather than on the
      // consumer's first read; the stream closes the handle when it ends or errors.
      return handle.createReadStream();
    },

    async readBytes(key) {
      return readFile(pathOf(key)).catch((error: unknown) => {
        throw isMissing(error) ? new StorageNotFoundError(key) : error;
      });
    },

    async delete(key) {
      await unlink(pathOf(key)).catch((error: unknown) => {
        if (!isMissing(error)) throw error;
      });
    },

    async stat(key) {
      const info = await stat(pathOf(key)).catch((error: unknown) => {
        if (isMissing(error)) return null;
        throw error;
      });
      return info?.isFile() ? { size: info.size, modifiedAt: info.mtime } : null;
    },

    list() {
      return walk(base, "");
    },
  };
}
