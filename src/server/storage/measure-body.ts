import "server-only";
import { createHash } from "node:crypto";
import type { Readable } from "node:stream";
import { StorageLimitError, type StoredObject } from "./types";

export type StorageBody = Readable | ReadableStream<Uint8Array> | Uint8Array;

/** Chunks of a web stream; cancelling it when the consumer stops early (limit hit, write failed). */
export async function* iterateWebStream(stream: ReadableStream<Uint8Array>): AsyncGenerator<Uint8Array> {
  const reader = stream.getReader();
  let finished = false;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) {
        finished = true;
        return;
      }
      yield value;
    }
  } finally {
    if (!finished) await reader.cancel().catch(() => undefined);
    reader.releaseLock();
  }
}

async function* iterateBody(body: StorageBody): AsyncGenerator<Uint8Array> {
  if (body instanceof Uint8Array) {
    yield body;
  } else if (body instanceof ReadableStream) {
    yield* iterateWebStream(body);
  } else {
    // Leaving this loop early (limit hit) destroys the Node stream.
    for await (const chunk of body as AsyncIterable<unknown>) {
      if (!(chunk instanceof Uint8Array)) throw new TypeError("Storage bodies must be byte streams, not text or objects.");
      yield chunk;
    }
  }
}

/**
 * Wraps a body so that consuming it counts bytes and computes sha256 on the
 * way through — nothing is buffered here. Iteration throws StorageLimitError
 * as soon as more than `maxBytes` have arrived, before the offending chunk is
 * passed on; `result()` is valid once iteration has finished.
 */
export function measureBody(body: StorageBody, maxBytes: number): { chunks: AsyncGenerator<Uint8Array>; result: () => StoredObject } {
  if (!Number.isSafeInteger(maxBytes) || maxBytes < 0) throw new RangeError(`maxBytes must be a non-negative integer, got ${maxBytes}.`);
  const hash = createHash("sha256");
  let size = 0;
  let sha256: string | undefined;

  async function* chunks(): AsyncGenerator<Uint8Array> {
    for await (const chunk of iterateBody(body)) {
      size += chunk.byteLength;
      if (size > maxBytes) throw new StorageLimitError(maxBytes);
      hash.update(chunk);
      yield chunk;
    }
    sha256 = hash.digest("hex");
  }

  return {
    chunks: chunks(),
    result: () => {
      if (sha256 === undefined) throw new Error("The body has not been read to the end yet.");
      return { size, sha256 };
    },
  };
}
