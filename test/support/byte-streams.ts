import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { Readable } from "node:stream";

export function sha256Of(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}

/** Random bytes as a Node stream in `chunkSize` pieces, like a request body arriving from the network. */
export function randomBody(size: number, chunkSize = 64 * 1024): { bytes: Buffer; stream: Readable } {
  const bytes = randomBytes(size);
  const stream = Readable.from(
    (function* () {
      for (let offset = 0; offset < size; offset += chunkSize) yield bytes.subarray(offset, offset + chunkSize);
    })(),
    { objectMode: false },
  );
  return { bytes, stream };
}

/** The same bytes as a web ReadableStream, in pieces of `chunkSize`. */
export function webStreamOf(bytes: Uint8Array, chunkSize = 1000): ReadableStream<Uint8Array> {
  let offset = 0;
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      if (offset >= bytes.length) return controller.close();
      controller.enqueue(bytes.slice(offset, offset + chunkSize));
      offset += chunkSize;
    },
  });
}

export async function readAll(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.from(chunk as Uint8Array));
  return Buffer.concat(chunks);
}

/** Array.fromAsync, which the project's ES2023 lib does not declare. */
export async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const all: T[] = [];
  for await (const item of items) all.push(item);
  return all;
}
