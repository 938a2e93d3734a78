import { Readable } from "node:stream";
import type { StorageBody } from "@/server/storage/measure-body";
import type { StorageDriver } from "@/server/storage/types";

const BOUNDARY = "----fileforge-test-boundary";
export const multipartContentType = `multipart/form-data; boundary=${BOUNDARY}`;

/** The bytes a browser sends before a file's content in a multipart body. */
export function multipartFileHead(name: string, type = "application/octet-stream"): Uint8Array {
  return new TextEncoder().encode(`--${BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: ${type}\r\n\r\n`);
}

/** The bytes that close the last file of a multipart body. */
export const multipartTail = new TextEncoder().encode(`\r\n--${BOUNDARY}--\r\n`);

/**
 * A POST /api/files request whose body is a real web stream producing
 * `chunks`, each after `delayMs`; with `stall`, it then sends nothing more and
 * never ends, like a client whose connection froze mid-upload.
 */
export function streamedUploadRequest(chunks: Uint8Array[], options: { delayMs?: number; stall?: boolean } = {}) {
  const state = { cancelled: false };
  let next = 0;
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (next >= chunks.length) {
        if (!options.stall) controller.close();
        else await new Promise(() => {}); // nothing more, ever
        return;
      }
      if (options.delayMs) await new Promise((resolve) => setTimeout(resolve, options.delayMs));
      const chunk = chunks[next++];
      if (chunk) controller.enqueue(chunk);
    },
    cancel() {
      state.cancelled = true;
    },
  });
  const request = new Request("http://localhost/api/files", {
    method: "POST",
    headers: { "content-type": multipartContentType },
    body,
    duplex: "half",
  } as RequestInit & { duplex: "half" });
  return { request, state };
}

/** A body that yields its first chunk and then never another: a write that hangs. */
function stallAfterFirstChunk(body: StorageBody): Readable {
  async function* chunks() {
    for await (const chunk of Readable.from(body instanceof Uint8Array ? [body] : body) as AsyncIterable<Uint8Array>) {
      yield chunk;
      await new Promise(() => {});
    }
  }
  return Readable.from(chunks(), { objectMode: false });
}

/** A real storage driver whose writes start (a partial file exists) and then never finish. */
export function stallingWrites(inner: StorageDriver): StorageDriver {
  return { ...inner, write: (key, body, options) => inner.write(key, stallAfterFirstChunk(body), options) };
}
